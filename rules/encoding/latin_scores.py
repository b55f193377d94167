"""How far each word belongs to a source language rather than to English: untranslated-script's scores.

- a word's score is log10 of how much more frequent it is in its best source language than in English,
  clipped to ±CAP; an English common word scores negative; a word in neither table gets CHAR_WEIGHT times
  its letter-trigram ratio, clipped to ±CHAR_CAP, or OOV_MARKED when it has letters English never uses.

A word's judgement depends on the word alone, so it is worked out once per process and cached; and since
most blocks of English hold no word that could count as foreign (or one that could not be reported alone),
a block's words are first asked whether they could (`possibly_foreign`) before its tokens are built
(mtlint.rules.encoding.latin_words) and scored.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from mtlint.rules.encoding import latin_data
from mtlint.rules.encoding.latin_data import WordLists
from mtlint.rules.encoding.latin_words import WORD, Token
from mtlint.text.regexes import compiled

CAP = 3.0  # a word's score is clipped to [-CAP, CAP]
DEFAULT_ENGLISH = 1.5  # an English common word scores at most -DEFAULT_ENGLISH
CHAR_WEIGHT = 0.5  # a word in no table scores this times its trigram ratio ...
CHAR_CAP = 2.0  # ... clipped to [-CHAR_CAP, CHAR_CAP]
OOV_MARKED = 2.5  # a word in no table with letters English never uses scores at least this
MIN_WORD_SCORE = 1.0  # a word counts as foreign at this score or more
MIN_STRONG = 2.0  # what an elided word (`l'énergie`) scores at least
# Letters English does not use: a word in no table that has one is foreign (`launçamento`, `lütfediy`).
MARKED = compiled(r"[ñãõçğşıßœåøæąęłżśćńőűřčšžěůșțăđäöü]")


class Judgement(NamedTuple):
    """What the tables say of a lower-case word, whatever its place in the text."""

    score: float
    english: float = 0.0
    languages: str = ""
    char: float | None = None
    marked: bool = False
    known: bool = True  # in the foreign-word table (or an elision or contraction): a capitalised first
    # word that is not is a name


@lru_cache(maxsize=65536)
def judge(word: str, elisions: frozenset[str]) -> Judgement:
    """Score lower-case `word` (a pure function of the word, so it is worked out once per process)."""
    entry = latin_data.foreign_entry(word)
    if entry is None and "'" in word:
        head, _, rest = word.partition("'")
        if head not in elisions:
            return Judgement(-CAP)  # an English contraction: don't, it's
        tail = latin_data.foreign_entry(rest)
        entry = (
            latin_data.Entry(MIN_STRONG, 0.0, "fi")
            if tail is None
            else tail._replace(margin=max(tail.margin, MIN_STRONG))
        )
    if entry is not None:
        return Judgement(max(-CAP, min(CAP, entry.margin)), entry.english, entry.languages)
    if (gap := latin_data.english_gap(word)) is not None:
        return Judgement(-min(CAP, max(DEFAULT_ENGLISH, gap)), known=False)
    if word in latin_data.lookalikes():
        return Judgement(0.0, known=False)  # English in use, though its letters look foreign
    margin, language = latin_data.char_margin(word)
    value = max(-CHAR_CAP, min(CHAR_CAP, CHAR_WEIGHT * margin))
    if margin > 0 and MARKED.search(word):
        return Judgement(max(value, OOV_MARKED), 0.0, language, margin, True, False)
    return Judgement(value, 0.0, language, margin, False, False)


def key(word: str) -> str:
    """The form of a word the tables are read with (as latin_words.tokens makes `Token.lower`)."""
    return word.lower().replace("’", "'")


@lru_cache(maxsize=65536)
def may_be_foreign(word: str, elisions: frozenset[str]) -> bool:
    """Whether `word`, as the text writes it, could count as foreign in some place (`score` below): a
    capitalised word only as a first word the foreign-word table knows, a single letter never."""
    lower = key(word)
    if len(lower) == 1:
        return False
    judgement = judge(lower, elisions)
    return judgement.score >= MIN_WORD_SCORE and (judgement.known or not word[0].isupper())


def possibly_foreign(text: str, start: int, end: int, lists: WordLists) -> list[str]:
    """The words of `text[start:end]` that could count as foreign somewhere, as written."""
    elisions = lists.elisions
    words = (_ASCII_WORD if text[start:end].isascii() else WORD).findall(text, start, end)
    # Most words recur and are never foreign: the verdicts of the words already seen rule them out with
    # one set operation per block, and only a block with a new or a possibly foreign word is read word
    # by word.
    seen, foreign = _verdicts(elisions)
    if not seen.issuperset(words):
        if len(seen) > _MAX_VERDICTS:
            seen.clear()
            foreign.clear()
        for word in set(words).difference(seen):
            if may_be_foreign(word, elisions):
                foreign.add(word)
            seen.add(word)
    if foreign.isdisjoint(words):
        return []
    return [word for word in words if word in foreign]


_MAX_VERDICTS = 200_000  # words remembered per process (a few megabytes), then forgotten and read again
# WORD in ASCII text (letters and inner apostrophes), with the standard library's faster engine.
_ASCII_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*")


@lru_cache(maxsize=8)
def _verdicts(elisions: frozenset[str]) -> tuple[set[str], set[str]]:
    """The words whose verdict (`may_be_foreign`) is known, and those of them that may be foreign."""
    return set(), set()


def score(toks: list[Token], lists: WordLists) -> None:
    """Give each lower-case, non-neutral word its score and decide whether it counts as foreign."""
    previous = ""
    for tok in toks:
        if tok.neutral or tok.shape != "lower":
            previous = ""
            continue
        word = tok.lower
        if word == previous or len(word) == 1:
            continue  # `que que`, `la la la` count once; `y`, `e`: too short to tell, or spelled-out letters
        previous = word
        judgement = judge(word, lists.elisions)
        if not judgement.known and tok.was_cap:
            tok.neutral = True  # a capitalised first word in no table is a name
            continue
        tok.score, tok.english, tok.languages = judgement.score, judgement.english, judgement.languages
        tok.char, tok.marked = judgement.char, judgement.marked
        tok.foreign = judgement.score >= MIN_WORD_SCORE

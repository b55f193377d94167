"""Runs of foreign words, lone foreign words and foreign dates in a document's Latin-script prose.

The second half of untranslated-script's Latin-script path (mtlint.rules.encoding.latin_words and latin_scores
read and score the words). Per block:

- runs: Kadane's maximal-sum runs of the word scores, cut where non-foreign words add up to SPLIT_ENGLISH
  of English; a run is reported with two distinct foreign words, one of them MIN_STRONG or more, and a
  total of `min_score`; a run of NOUN_PHRASE_WORDS or fewer right after an English determiner is a
  borrowed noun phrase (`a café con leche`), and one of NAME_TAIL_WORDS or fewer right after a capitalised
  name and a particle ends a sentence-case name (`the Ley de amnistía`);
- lone words: when quoted or italic by themselves (`the so-called “enfado”`), carrying letters English
  never uses (`launçamento`), or, bare, so foreign that English (almost) never writes them (`trabajado`);
  never after a determiner, after a word that introduces a term (`called`), beside a parenthesised gloss,
  inside a hyphenated compound, or when the word recurs in the document (a term used on purpose);
- dates: a day number before a month name English never uses (`12 Mayıs 2024`), with the foreign label
  before it (`Güncelleme Tarihi:`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mtlint.rules.encoding import latin_data, latin_scores, latin_words
from mtlint.rules.encoding.latin_data import WordLists
from mtlint.rules.encoding.latin_scores import Judgement
from mtlint.rules.encoding.latin_words import Token
from mtlint.text.document import Block, Document
from mtlint.text.regexes import compiled

SPLIT_ENGLISH = 3.0  # consecutive non-foreign words adding up to this much English end a run
MIN_STRONG = 2.0  # a run needs one word at least this foreign
NAME_TAIL_WORDS = 4
NOUN_PHRASE_WORDS = 3
QUOTED_MIN_SCORE = 2.0  # a lone quoted word from the table: at least this foreign ...
QUOTED_MAX_ENGLISH = 2.5  # ... and at most this frequent in English (zipf)
QUOTED_CHAR_MIN = 2.5  # a lone quoted word in no table: trigram ratio at least this ...
QUOTED_CHAR_MAX_LETTERS = 16  # ... and at most this long
MARKED_MIN_LETTERS = 4  # a lone word reported for its letters or, bare, for its score has at least this many
BARE_MIN_SCORE = 2.5  # a bare lone word from the table: at least this foreign ...
BARE_MAX_ENGLISH = 1.9  # ... and (almost) never written in English (zipf)
BARE_CHAR_MIN = 4.0  # a bare lone word in no table: trigram ratio at least this ...
BARE_CHAR_MAX_LETTERS = 12  # ... and at most this long (longer ones are user names and identifiers)
DATE_LABEL_LOOKBACK = 60  # characters before a date searched for its foreign label
_DIGIT = compiled(r"\d")
# What every date (latin_data's `date`) holds: a digit, maybe a dot or an ordinal mark, and a space. The
# standard library's \s takes every character `regex` does (and a few control characters more).
_DAY_HINT = re.compile(r"\d[.º°]?\s")


@dataclass(frozen=True)
class Span:
    """A stretch of prose left in another language: a run of words, a lone word or a date."""

    start: int
    end: int
    language: str  # English name of the likeliest language, or "" when unknown
    score: float
    kind: str  # "run", "word" or "date"


def find(doc: Document, min_score: float, lone_words: bool = True, allowed: tuple[str, ...] = ()) -> list[Span]:
    """Spans of `doc`'s prose left in a Latin-script source language, in order."""
    lists = latin_data.word_lists(allowed)
    text, raw = doc.prose, doc.text
    masked = doc.is_masked if doc.format == "markdown" else None
    spans = []
    for block in doc.blocks:
        found = _dates(text, block.start, block.end, lists) if _has_digit(block.text) else []
        if not _may_report(latin_scores.possibly_foreign(text, block.start, block.end, lists), doc, block, lists):
            spans += _merge(found)
            continue
        toks = latin_words.tokens(text, raw, block.start, block.end, masked)
        latin_words.mark_names(text, toks, lists)
        latin_scores.score(toks, lists)
        candidates = [t for t in toks if t.foreign]
        if len(candidates) >= 2 or (candidates and _may_stand_alone(candidates[0], doc, block.start, block.end)):
            latin_words.mark_loans(toks, lists)
            latin_words.mark_quotes(text, raw, toks, block.start, block.end, lists)
            if masked is not None:
                latin_words.mark_links(raw, toks, block.outer_start, block.outer_end)
            found += _runs(text, toks, lists, min_score, lone_words)
        spans += _merge(found)
    lone = [sp for sp in spans if sp.kind == "word"]
    if not lone:
        return spans
    counts: dict[str, int] = {}
    for m in latin_words.WORD.finditer(text):
        key = _stem(m.group())
        counts[key] = counts.get(key, 0) + 1
    return [sp for sp in spans if sp.kind != "word" or counts.get(_stem(text[sp.start : sp.end]), 0) < 2]


def _has_digit(text: str) -> bool:
    """Whether `text` has a character str.isdigit accepts. A date needs a `\\d`, so a text without one has
    no date whatever str.isdigit says; the search in C spares a look at each character of the many blocks
    without a digit, and the character it finds is one str.isdigit accepts (unless Python's Unicode
    tables are older than the `regex` module's)."""
    m = _DIGIT.search(text)
    return m is not None and (m.group().isdigit() or any(c.isdigit() for c in text))


def _may_report(possible: list[str], doc: Document, block: Block, lists: WordLists) -> bool:
    """Whether a block may hold a run or a lone word, from the words that could count as foreign in it
    (most blocks of English have none): a run needs two, and a single one must be able to stand alone."""
    if len(possible) != 1:
        return bool(possible)
    judgement = latin_scores.judge(latin_scores.key(possible[0]), lists.elisions)
    return _may_stand_alone(judgement, doc, block.start, block.end)


def _may_stand_alone(tok: Token | Judgement, doc: Document, start: int, end: int) -> bool:
    """Whether a block's one foreign word could be reported alone (marked letters, strong enough bare,
    or quoted or italic); its token or, before the block is tokenised, its judgement tells."""
    if tok.marked or (tok.char is None and tok.score >= BARE_MIN_SCORE and tok.english <= BARE_MAX_ENGLISH):
        return True
    if (tok.char or 0.0) >= BARE_CHAR_MIN or latin_words.QUOTE_OPEN.search(doc.prose, start, end):
        return True
    return doc.format == "markdown" and latin_words.EMPHASIS.search(doc.text, start, end) is not None


def _stem(word: str) -> str:
    """A word's key among its other uses: accents and a plural s left out, so that a term, its plural and
    its spellings count as one (`favela`, `favelas`; `dimanĉo`, `dimanco`)."""
    word = latin_data.fold(word)
    return word[:-1] if len(word) > 4 and word.endswith("s") else word


def _runs(text: str, toks: list[Token], lists: WordLists, min_score: float, lone_words: bool) -> list[Span]:
    """Kadane's maximal-sum runs over the scores; code words and segment borders break runs."""
    spans: list[Span] = []
    best = cur = 0.0
    run_start = best_end = -1
    for i in range(len(toks) + 1):
        tok = toks[i] if i < len(toks) else None
        value = 0.0 if tok is None or tok.shape == "code" or tok.neutral else tok.score
        if run_start >= 0 and (
            tok is None or tok.shape == "code" or tok.segment != toks[run_start].segment or cur + value <= 0
        ):
            for piece in _split(toks[run_start : best_end + 1]):
                span = _accept(text, piece, toks, lists, min_score, lone_words)
                if span:
                    spans.append(span)
            cur = best = 0.0
            run_start = best_end = -1
        if tok is None or tok.shape == "code" or (run_start < 0 and value <= 0):
            continue
        if run_start < 0:
            run_start = i
        cur += value
        if cur > best:
            best, best_end = cur, i
    return spans


def _split(run: list[Token]) -> list[list[Token]]:
    """Cut a run where consecutive non-foreign words add up to clear English."""
    pieces: list[list[Token]] = []
    piece: list[Token] = []
    gap: list[Token] = []
    gap_sum = 0.0
    for tok in run:
        value = 0.0 if tok.neutral else tok.score
        if value > 0:
            if gap_sum <= -SPLIT_ENGLISH and piece:
                pieces.append(piece)
                piece = []
            elif piece:
                piece += gap
            piece.append(tok)
            gap, gap_sum = [], 0.0
        else:
            gap.append(tok)
            gap_sum += value
    if piece:
        pieces.append(piece)
    return pieces


def _accept(
    text: str, run: list[Token], toks: list[Token], lists: WordLists, min_score: float, lone_words: bool
) -> Span | None:
    foreign = [t for t in run if t.foreign and not t.neutral]
    if not foreign:
        return None
    first, last = foreign[0], foreign[-1]
    run = run[run.index(first) : run.index(last) + 1]
    if first.name_tail and len(run) <= NAME_TAIL_WORDS:
        return None
    total = sum(t.score for t in run if not t.neutral)
    distinct = len({t.lower for t in foreign})
    # A capitalised first word may be a name the foreign table knows (`Kılıçdaroğlu met Erdoğan`): it adds
    # to a run's total but is not one of the two foreign words a run needs.
    common = len({t.lower for t in foreign if not t.was_cap})
    determined = _after_determiner(toks, first, lists)
    if common >= 2 and total >= min_score and max(t.score for t in foreign) >= MIN_STRONG:
        if distinct <= NOUN_PHRASE_WORDS and determined:
            return None  # `a café con leche`: a borrowed noun phrase
        return Span(first.start, last.end, _language(foreign), round(total, 2), "run")
    if not lone_words or distinct != 1 or first.hyphened:
        return None  # a hyphen joins the word to a compound or a name: `environ-config`
    if _lone(text, first, toks, lists, determined):
        return Span(first.start, first.end, _language([first]), round(first.score, 2), "word")
    return None


def _lone(text: str, tok: Token, toks: list[Token], lists: WordLists, determined: bool) -> bool:
    """Whether a foreign word standing alone is left untranslated: quoted or italic by itself, spelt with
    letters English never uses, or, bare, so foreign that English (almost) never writes it."""
    marked = tok.marked and len(tok.text) >= MARKED_MIN_LETTERS and not determined
    if tok.char is None:
        quoted = tok.score >= QUOTED_MIN_SCORE and tok.english <= QUOTED_MAX_ENGLISH
        strong = tok.score >= BARE_MIN_SCORE and tok.english <= BARE_MAX_ENGLISH
    else:
        quoted = tok.char >= QUOTED_CHAR_MIN and len(tok.text) <= QUOTED_CHAR_MAX_LETTERS
        strong = tok.char >= BARE_CHAR_MIN and len(tok.text) <= BARE_CHAR_MAX_LETTERS
    if tok.quoted and (marked or quoted):
        return True
    bare = strong and not determined and not tok.was_cap and len(tok.text) >= MARKED_MIN_LETTERS
    if not (marked or bare):
        return False
    # A word someone introduces (`a dish called feijão`) or glosses (`ayuntamiento (town hall)`, `the town
    # hall (ayuntamiento)`) is used on purpose.
    i = toks.index(tok)
    if any(t.lower in lists.introducers for t in toks[max(0, i - 2) : i]):
        return False
    before, after = tok.start - 1, tok.end
    while before > 0 and text[before].isspace():
        before -= 1
    while after < len(text) - 1 and text[after].isspace():
        after += 1
    return "(" not in (text[before : before + 1] if before >= 0 else "", text[after : after + 1])


def _after_determiner(toks: list[Token], first: Token, lists: WordLists) -> bool:
    """Whether an English determiner stands just before `first` (loanwords and one adjective between)."""
    i = toks.index(first) - 1
    steps = 0
    while i >= 0 and steps < 2:
        tok = toks[i]
        if tok.lower in lists.determiners and tok.shape == "lower":
            return True
        if not (tok.neutral and tok.shape == "lower"):
            steps += 1
        i -= 1
    return False


def _language(toks: list[Token]) -> str:
    """The language the words' scores vote for ("" when none of them names one)."""
    votes: dict[str, float] = {}
    for t in toks:
        for letter in t.languages:
            votes[letter] = votes.get(letter, 0.0) + t.score
    if not votes:
        return ""
    return latin_data.LANGUAGE_NAMES.get(max(votes, key=votes.__getitem__), "")


def _dates(text: str, start: int, end: int, lists: WordLists) -> list[Span]:
    """A day and a month name English never uses; the foreign label just before joins the span."""
    if not _DAY_HINT.search(text, start, end):
        return []  # no day number before a space (most numbers are not days): the full pattern cannot match
    out = []
    for m in lists.date.finditer(text, start, end):
        s = m.start()
        for w in reversed(list(latin_words.WORD.finditer(text, max(start, s - DATE_LABEL_LOOKBACK), s))):
            entry = latin_data.foreign_entry(w.group().lower())
            label = (entry is not None and entry.margin >= 1.0) or latin_scores.MARKED.search(w.group().lower())
            if text[w.end() : s].strip(" :–-,\u00a0") or not label:
                break
            s = w.start()
        out.append(Span(s, m.end(), lists.month_language.get(m.group(1).lower(), ""), 3.0, "date"))
    return out


def _merge(spans: list[Span]) -> list[Span]:
    """Overlapping spans of one block become one, labelled by the stronger."""
    spans.sort(key=lambda sp: (sp.start, -sp.end))
    out: list[Span] = []
    for sp in spans:
        if out and sp.start <= out[-1].end:
            last = out[-1]
            keep = last if last.score >= sp.score else sp
            out[-1] = Span(last.start, max(last.end, sp.end), keep.language, max(last.score, sp.score), keep.kind)
        else:
            out.append(sp)
    return out

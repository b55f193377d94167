"""MT602 cognate-object: a verb whose object is its own noun (`offers good offers`); off by default."""

from __future__ import annotations

from collections.abc import Iterator

from mtlint.engine.patterns import LazyPattern
from mtlint.model import Finding, Severity
from mtlint.rule import NoOptions, Rule
from mtlint.text.document import Document

_WORD = LazyPattern(r"\p{L}+")
_GAP = LazyPattern(r"[ \t]+")
# Words that may stand between the verb and its object: determiners, possessives, common adjectives.
_BETWEEN = frozenset(
    "a an the his her their its our my your these those some many more much several good great big small new "
    "very".split()
)
# Words before the verb that make it a noun ("call a fast a fast", "the offer of offers").
_NOUN_CUES = _BETWEEN | frozenset("to of for call calls called".split())
_FUNCTION = frozenset(
    "they them then than that this these those there their theirs what when which with were been have from "
    "into onto upon about your yours ours".split()
)
# English's own cognate objects: "live a life", "sing a song", "fight a good fight".
_ENGLISH = (
    "live",
    "die",
    "dream",
    "sing",
    "smile",
    "sigh",
    "laugh",
    "fight",
    "dance",
    "drink",
    "think",
    "sleep",
    "breathe",
    "build",
    "play",
)
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ed", "es", "s", "ions", "ion", "e")
MAX_BETWEEN = 2


def stem(word: str) -> str:
    """A crude stem, enough to match a verb form with its noun ("offers"/"offer", "decides"/"decide")."""
    word = word.lower()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _forms(verb: str) -> set[str]:
    base = verb.removesuffix("e")
    return {verb, verb + "s", base + "ed", base + "ing"}


_ENGLISH_STEMS = frozenset(stem(f) for v in _ENGLISH for f in _forms(v))


class CognateObject(Rule[NoOptions]):
    """A verb whose object is a noun of the same stem (`offers good offers`, `warned a warning`).

    Arabic, Persian and Turkish strengthen a verb with its own verbal noun (the cognate accusative,
    Arabic المفعول المطلق: يقدم عروضا جيدة, "offers good offers" for "plays well"). Translated word for word it
    gives English that repeats itself; English has only a few such pairs of its own (`live a life`, `sing a
    song`, `fight a fight`, `dream a dream`).

    Bad:  `The striker offers good offers with his new club.`
    Good: `The striker is playing well at his new club.`

    Left alone: English's own cognate objects (`live a life`, `sing a song`) and a noun after an article
    or `to` / `of` (`the offer to offer more`).

    Heuristics: a lower-case word of four letters or more, not after an article or `to`/`of`, then up to
    two determiners or common adjectives, then a word of the same stem (suffixes -s, -ed, -ing,
    -ion, -ment stripped). English's own cognate objects are skipped. A generic signal with no word list
    beyond those: on the development pages it found one calque in 47 and no false alarm on 13,000 words
    of clean news or 440,000 words of other human text, which is too little evidence to turn it on for
    everyone: select it (`--select MT602`) to try it. No fix: the meaning needs the source.
    """

    code = "MT602"
    name = "cognate-object"
    category = "literal-idiom"
    severity = Severity.INFO
    fixable = False
    default_enabled = False

    def check(self, doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        for block in doc.blocks:
            words = list(_WORD.finditer(prose, block.start, block.end))
            for i, verb in enumerate(words):
                found = self._object(prose, words, i)
                if found is not None and not doc.is_masked(verb.start(), found.end()):
                    yield self.finding(
                        verb.start(),
                        found.end(),
                        f"'{prose[verb.start() : found.end()]}' repeats the verb as its object: "
                        "a word-for-word rendering of a cognate object (check the meaning in the source)",
                        verb=verb.group(),
                        noun=found.group(),
                    )

    @staticmethod
    def _object(prose: str, words: list, i: int):  # type: ignore[no-untyped-def]
        """The cognate object of words[i] if it has one, else None."""
        word = words[i].group()
        low = word.lower()
        if len(low) < 4 or word[0].isupper() or low in _FUNCTION or stem(low) in _ENGLISH_STEMS:
            return None
        if i and words[i - 1].group().lower() in _NOUN_CUES:
            return None
        for j in range(i + 1, min(i + 2 + MAX_BETWEEN, len(words))):
            if not _GAP.fullmatch(prose, words[j - 1].end(), words[j].start()):
                return None
            if j > i + 1 and words[j - 1].group().lower() not in _BETWEEN:
                return None
            if j > i + 1 and stem(words[j].group()) == stem(low):
                return words[j]
        return None

"""Optional offline language identification (lingua), for rules that look for untranslated sentences.

lingua-language-detector is large (a ~96 MB wheel, ~96 MB installed), so it is an optional extra:
`pip install 'mtlint[lang]'`. Without it, `load_detector()` returns None
and callers skip language identification.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from mtlint.engine.patterns import LazyPattern
from mtlint.text.document import Document

# Latin-script languages machine translation is commonly run from, plus English itself. Fewer candidate
# languages make detection faster and steadier on short sentences.
LANGUAGES = (
    "ENGLISH",
    "FRENCH",
    "SPANISH",
    "PORTUGUESE",
    "GERMAN",
    "ITALIAN",
    "DUTCH",
    "TURKISH",
    "INDONESIAN",
    "MALAY",
    "POLISH",
    "ROMANIAN",
    "SWEDISH",
    "CZECH",
    "HUNGARIAN",
    "VIETNAMESE",
    "TAGALOG",
    "AZERBAIJANI",
    "SOMALI",
    "SWAHILI",
    "CATALAN",
)

# (language name, confidence) of the most likely language of a text.
Detector = Callable[[str], tuple[str, float]]


@lru_cache(maxsize=1)
def load_detector() -> Detector | None:
    """Return a detector, or None when lingua is not installed. Models load lazily on first use."""
    try:
        from lingua import Language, LanguageDetectorBuilder
    except ImportError:
        return None
    languages = [getattr(Language, name) for name in LANGUAGES if hasattr(Language, name)]
    # Low-accuracy mode uses trigram models only: ~0.5 s and ~45 MB instead of ~9 s and ~500 MB, and it is
    # as sure as the full models on sentences of eight words or more, the only ones the rule asks about.
    detector = LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()

    def detect(text: str) -> tuple[str, float]:
        values = detector.compute_language_confidence_values(text)
        if not values:
            return "ENGLISH", 0.0
        best = values[0]
        return best.language.name, float(best.value)

    return detect


_LATIN_WORD = LazyPattern(r"\p{Latin}[\p{Latin}\p{M}'’\-]*", regex.V1)
# English function words that other Latin-script languages rarely use ("a", "no", "me" and "on" are left
# out: Spanish, Italian or French use them too). An English sentence of eight words or more almost always
# has several; a sentence in another language has next to none. This guards the language identifier, which
# can be confidently wrong about English full of foreign names.
_ENGLISH_WORDS = frozenset(
    """
    the of and to in is was that for it with as be at by this had not are but from or have an they which
    you were her she there would their we him been has when who will more if out so said what up its about
    into than them can only other new some could these two may then do any my now such our over even most
    after also did many before must through where much should well those while because being since
    against between during without under around among he his i
""".split()
)
MAX_ENGLISH_SHARE = 0.1
# URLs, e-mail addresses, paths and file names are not language: drop them before identification.
_NOT_PROSE = LazyPattern(r"\S*(?:[/@\\]|://|\w\.\w)\S*")


@dataclass(frozen=True)
class Identified:
    """Consecutive sentences of one block that the identifier assigns to one other language."""

    start: int
    end: int
    language: str  # "Spanish"
    confidence: float  # the lowest of the sentences'


def foreign_sentences(
    doc: Document, skip: list[tuple[int, int]], min_words: int, min_confidence: float
) -> Iterator[Identified]:
    """Sentences of `doc` in another language, except those overlapping a `skip` span; nothing when
    lingua is not installed."""
    detect = load_detector()
    if detect is None:
        return
    pending: list = []  # consecutive sentences of one block in one language: [start, end, language, conf, block]
    for sentence in doc.sentences:
        found = None
        prose = _NOT_PROSE.sub(" ", sentence.text)
        words = _LATIN_WORD.findall(prose)
        english = sum(w.lower() in _ENGLISH_WORDS for w in words)
        if (
            len(words) >= min_words
            and english <= MAX_ENGLISH_SHARE * len(words)
            and not any(s < sentence.end and sentence.start < e for s, e in skip)
        ):
            language, confidence = detect(prose)
            if language != "ENGLISH" and confidence >= min_confidence:
                found = [sentence.start, sentence.end, language.title(), confidence, sentence.block]
        if pending and (found is None or found[2] != pending[2] or found[4] != pending[4]):
            yield Identified(*pending[:4])
            pending = []
        if found and pending:
            pending[1], pending[3] = found[1], min(pending[3], found[3])
        elif found:
            pending = found
    if pending:
        yield Identified(*pending[:4])

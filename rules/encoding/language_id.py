"""Optional offline language identification (lingua), for rules that look for untranslated sentences.

lingua-language-detector is large (a ~96 MB wheel, ~96 MB installed), so it is an optional extra:
`pip install 'mtlint[lang]'`. Without it, `load_detector()` returns None
and callers skip language identification.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

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

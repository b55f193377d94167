"""Runs of letters of scripts other than Latin, the script they are in, and whether they are glossed.

untranslated-script's first path: `[정치]`, `Gate بوابة`, a paragraph left in Chinese.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from mtlint.engine.patterns import LazyPattern

# A letter of any script but Latin; marks (vowel signs, harakat) ride along with their letter.
_FOREIGN = r"[\p{L}--\p{Latin}--\p{Common}][\p{M}]*"
# A run: foreign letters, possibly across spaces, digits, punctuation and joiners (ZWNJ), but never across
# a Latin letter or a line break.
_RUN = LazyPattern(rf"{_FOREIGN}(?:[\p{{M}}\p{{Lm}}\p{{Cf}}\p{{N}}\p{{P}}\p{{S}}\p{{Zs}}]*{_FOREIGN})*", regex.V1)
_FOREIGN_WORD = LazyPattern(rf"(?:{_FOREIGN})+", regex.V1)
_LATIN_WORD = LazyPattern(r"\p{Latin}[\p{Latin}\p{M}'’\-]*", regex.V1)
# Quotes and spaces that may stand between a name and its parenthesised gloss.
_QUOTES = " \t\u00a0\"'“”‘’«»「」『』"
_SCRIPTS = (
    "Arabic",
    "Cyrillic",
    "Han",
    "Hangul",
    "Hiragana",
    "Katakana",
    "Hebrew",
    "Devanagari",
    "Bengali",
    "Greek",
    "Thai",
    "Armenian",
    "Georgian",
    "Tamil",
    "Telugu",
    "Gurmukhi",
    "Gujarati",
    "Kannada",
    "Malayalam",
    "Sinhala",
    "Ethiopic",
    "Khmer",
    "Lao",
    "Myanmar",
    "Syriac",
    "Thaana",
    "Tibetan",
)
_SCRIPT_RE = {name: LazyPattern(rf"\p{{Script={name}}}") for name in _SCRIPTS}
_PERSIAN = LazyPattern(r"[پچژگ]")  # letters Persian (and Urdu) add to the Arabic alphabet
_URDU = LazyPattern(r"[ٹڈڑںےھ]")
_JAPANESE = frozenset({"Hiragana", "Katakana"})
MAX_GLOSSED_WORDS = 6
MAX_NAME_WORDS = 3
_LIST_SEPARATOR = LazyPattern(r"[\s,;/|·•()\[\]]+")
# Names of languages in their own script, as language menus and "read this in ..." links print them.
_ENDONYMS = frozenset(
    """
    中文 简体中文 繁體中文 正體中文 繁体中文 日本語 한국어 Русский Українська Български Српски Македонски
    Беларуская Қазақша العربية فارسی اردو עברית Ελληνικά हिन्दी বাংলা ไทย ქართული Հայերեն தமிழ் తెలుగు
    """.split()
)


def runs(text: str, start: int, end: int) -> Iterator[regex.Match[str]]:
    """Runs of letters of other scripts in `text[start:end]`."""
    if text[start:end].isascii():
        return iter(())  # every ASCII letter is Latin: most blocks need no scan
    return _RUN.finditer(text, start, end)


def script_of(run: str) -> str:
    """Name the script of a run ("Arabic (Persian)", "Hangul", "Japanese")."""
    counts = {name: len(pattern.findall(run)) for name, pattern in _SCRIPT_RE.items()}
    best = max(counts, key=counts.__getitem__)
    if counts[best] == 0:
        return "non-Latin"
    if best in _JAPANESE or (best == "Han" and any(counts[j] for j in _JAPANESE)):
        return "Japanese"
    if best == "Arabic" and _URDU.search(run):
        return "Arabic (Urdu)"
    if best == "Arabic" and _PERSIAN.search(run):
        return "Arabic (Persian)"
    return best


def is_name(source: str, run: str, start: int, end: int, markdown: bool) -> bool:
    """Whether a run names something rather than saying it: a language's own name (`Русский`, `日本語`),
    or in Markdown a short run that is the whole text of a link (a contributor or a page: `[윤세영](...)`)."""
    names = [part for part in _LIST_SEPARATOR.split(run) if part]
    if names and all(name in _ENDONYMS for name in names):
        return True
    if not markdown or len(_FOREIGN_WORD.findall(run)) > MAX_NAME_WORDS:
        return False
    return source[start - 1 : start] == "[" and source[end : end + 2] == "]("


def glossed(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Whether a short run stands next to a parenthesised gloss: `Ivan (Иван)` or `Иван (Ivan)`."""
    if len(_FOREIGN_WORD.findall(text, start, end)) > MAX_GLOSSED_WORDS:
        return False
    before = text[lo:start].rstrip(_QUOTES)
    after = text[end:hi].lstrip(_QUOTES)
    # `Ivan (Иван)`: the run is the whole parenthesis (or its first item) after Latin words.
    if before.endswith("(") and after[:1] in (")", ",", ";") and _LATIN_WORD.search(before[-60:]):
        return True
    # `Иван (Ivan)`: a parenthesis with Latin text follows the run.
    if after.startswith("("):
        close = after.find(")")
        return close > 0 and bool(_LATIN_WORD.search(after, 1, close))
    return False

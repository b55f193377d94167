"""The data untranslated-script reads to find Latin-script text left in a source language.

Every table loads on first use (about 15 ms in all), never at import, so `mtlint --version` and runs
without MT403 never pay for them. Generated from wordfreq by scripts/ (see each file's header):

- data/foreign_words.tsv.gz: the 5,000 most frequent words of es pt fr it de tr id nl, each with how much
  more frequent it is in its best source language than in English, its English frequency and its languages;
- data/english_words.tsv.gz: English common words other languages do not share (shared with the casing
  and name rules, read through mtlint.rules.lexicon);
- data/char_trigrams.tsv.gz: letter-trigram models of English and the source languages, for other words;
- data/english_lookalikes.txt.gz: English words whose letters look foreign to those models (`metadata`).

Written for the project: data/untranslated.toml (loanwords, name particles, title words, months, ...).
"""

from __future__ import annotations

import bisect
import gzip
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import regex

from mtlint import package_data
from mtlint.rules import lexicon
from mtlint.rules.tables import read_toml
from mtlint.text.regexes import compiled

FOREIGN_WORDS = "data/foreign_words.tsv.gz"
CHAR_TRIGRAMS = "data/char_trigrams.tsv.gz"
LOOKALIKES = "data/english_lookalikes.txt.gz"
WORD_LISTS = "data/untranslated.toml"
# One letter per source language, as the tables write them.
LANGUAGE_NAMES = {
    "e": "Spanish",
    "p": "Portuguese",
    "f": "French",
    "i": "Italian",
    "d": "German",
    "t": "Turkish",
    "n": "Indonesian",
    "l": "Dutch",
}
_CODES = dict(zip(("es", "pt", "fr", "it", "de", "tr", "id", "nl"), LANGUAGE_NAMES))
_MODELS = "xepfidtnl"  # columns of the trigram table: x = English, then the source languages
_FLOOR = 4.0  # cost of a trigram missing from the table (the generator's floor)
# A day number, optionally `de`, before a month name: `12 Mayıs 2024`, `3 de mayo`, `5. März`.
_DATE_DAY = r"(?<![\p{L}\p{N}])[0-3]?\d(?:\.|º|°)?\s+(?:de\s+)?"
_PHRASE_SPLIT = compiled(r"[\s\-]+")


class Entry(NamedTuple):
    """A word of the foreign-word table."""

    margin: float  # best source-language zipf - max(English zipf, 1)
    english: float  # English zipf (0 below 1)
    languages: str  # letters of the languages within 0.7 zipf of the best


@dataclass(frozen=True)
class WordLists:
    """data/untranslated.toml, ready to match."""

    loans: dict[str, tuple[tuple[str, ...], ...]]  # first folded token -> phrases, longest first
    particles: frozenset[str]
    introducers: frozenset[str]
    elisions: frozenset[str]
    determiners: frozenset[str]
    month_language: dict[str, str]  # month name -> language name
    date: regex.Pattern[str]


def _read(resource: str) -> str:
    raw = package_data.read_bytes("mtlint.rules", resource)
    return gzip.decompress(raw).decode("utf-8") if resource.endswith(".gz") else raw.decode("utf-8")


def _body(raw: str) -> str:
    """The text after the leading `#` header lines."""
    pos = 0
    while raw.startswith("#", pos):
        pos = raw.index("\n", pos) + 1
    return raw[pos:]


@lru_cache(maxsize=1)
def _foreign_words() -> tuple[list[str], list[str]]:
    """The table's words (sorted) and their values, line by line: a run looks up a few hundred words,
    and bisecting the sorted list spares building a dict of all of them (a third of loading the table)."""
    words, values = _body(_read(FOREIGN_WORDS)).rstrip("\n").split("\n\n", 1)
    return words.split("\n"), values.split("\n")


@lru_cache(maxsize=16384)
def foreign_entry(word: str) -> Entry | None:
    """The foreign-word table's entry for lower-case `word`, or None."""
    words, values = _foreign_words()
    i = bisect.bisect_left(words, word)
    if i == len(words) or words[i] != word:
        return None
    margin, english, languages = values[i].split("\t")
    return Entry(int(margin) / 10, int(english) / 10 if english else 0.0, languages)


def english_gap(word: str) -> float | None:
    """How much more frequent lower-case `word` is in English than in other languages, if it is an English
    common word (zipf points, 1.5 or more), else None."""
    entry = lexicon.english_word_table()[0].get(word)
    return None if entry is None else entry[1]


@lru_cache(maxsize=1)
def _trigrams() -> dict[str, str]:
    """Each trigram's line of costs, as written: a run reads a few hundred of the table's thousands, so
    each is parsed when first read (see _costs)."""
    return dict(line.split("\t", 1) for line in _body(_read(CHAR_TRIGRAMS)).splitlines())


_FLOOR_COSTS = (-_FLOOR,) * len(_MODELS)


@lru_cache(maxsize=16384)
def _costs(gram: str) -> tuple[float, ...]:
    """A trigram's log10 probability under each model (the floor for one the table lacks)."""
    costs = _trigrams().get(gram)
    return _FLOOR_COSTS if costs is None else tuple(-int(c) / 10 for c in costs.split())


@lru_cache(maxsize=16384)
def char_margin(word: str) -> tuple[float, str]:
    """Log10 likelihood ratio of `word`'s letters, best source language against English, and that
    language's letter."""
    padded = "^^" + word + "$"
    totals = [0.0] * len(_MODELS)
    for i in range(len(padded) - 2):
        for j, cost in enumerate(_costs(padded[i : i + 3])):
            totals[j] += cost
    best = max(range(1, len(totals)), key=totals.__getitem__)
    return totals[best] - totals[0], _MODELS[best]


@lru_cache(maxsize=1)
def lookalikes() -> frozenset[str]:
    """English words whose letters the trigram models take for foreign (`metadata`, `intifada`)."""
    return frozenset(line for line in _body(_read(LOOKALIKES)).splitlines() if line)


def language_name(code: str) -> str:
    """The English name of a source language's ISO code ("es" -> "Spanish")."""
    return LANGUAGE_NAMES[_CODES[code]]


def fold(word: str) -> str:
    """Lower-case without accents, so that loanwords match with or without them (`deja vu`)."""
    word = word.lower().replace("’", "'")
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The folded words of a loanword or allowed term, as the rule's words are cut: hyphens and spaces
    separate words, and an apostrophe ending one is not part of it (`maître d'`)."""
    return tuple(fold(t).strip("'") for t in _PHRASE_SPLIT.split(phrase) if t.strip("'’"))


@lru_cache(maxsize=8)
def word_lists(allowed: tuple[str, ...] = ()) -> WordLists:
    """The word lists, with the terms a project allows (`allow-words`) added to the loanwords."""
    data = read_toml(WORD_LISTS)
    loans: dict[str, list[tuple[str, ...]]] = {}
    for phrase in (*data["loanwords"], *allowed):
        key = phrase_key(phrase)
        if key:
            loans.setdefault(key[0], []).append(key)
    month_language = {m: language_name(lang) for lang, names in data["months"].items() for m in names}
    months = "|".join(regex.escape(m) for m in sorted(month_language, key=len, reverse=True))
    return WordLists(
        loans={k: tuple(sorted(set(v), key=len, reverse=True)) for k, v in loans.items()},
        particles=frozenset(data["name-particles"]),
        introducers=frozenset(data["title-introducers"]),
        elisions=frozenset(data["elisions"]),
        determiners=frozenset(data["determiners"]),
        month_language=month_language,
        date=compiled(rf"{_DATE_DAY}({months})(?!\p{{L}})(?:,?\s+(?:de\s+)?\d{{4}})?", regex.IGNORECASE),
    )


def cache_sizes() -> dict[str, int]:
    """How many entries each loader holds (0: not loaded yet); for tests of lazy loading."""
    loaders = {"foreign": _foreign_words, "trigrams": _trigrams, "lookalikes": lookalikes, "lists": word_lists}
    return {name: f.cache_info().currsize for name, f in loaders.items()}

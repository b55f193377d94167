"""Word evidence shared by the casing rules: closed-class words, capitalised-by-convention nouns, and
how English a word is according to wordfreq.

wordfreq folds case, so it cannot say how often a word is capitalised. What it can say is how far a word
belongs to English rather than to every language: a name ("Taliban", "Beijing", "Google") is written the
same in German, French or Spanish text and is about as frequent there, while an English common word
("negative", "featured", "heard") is far rarer outside English. That gap is the lexical half of the
stray-capital evidence; the other half is how the document itself writes the word (mtlint.text.capitals).
The gaps are read from a table precomputed from wordfreq (rules/data/english_words.tsv.gz, shared with the
name rules), because loading six large wordfreq lists takes about a second per process; wordfreq itself
is asked only when a rule's options go below the table's floors.
"""

from __future__ import annotations

import gzip
import statistics
import sys
from functools import lru_cache
from importlib import resources

import regex

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 only
    import tomli as tomllib

# Languages whose large wordfreq lists give the "written the same everywhere" baseline. Romance and
# Germanic languages with Latin script carry foreign names unchanged and borrow few English words.
BASELINE_LANGUAGES = ("de", "fr", "es", "it", "pt")
FLOOR = 1.0  # zipf assumed for a word missing from a list


@lru_cache(maxsize=1)
def word_lists() -> dict[str, frozenset[str]]:
    """The lists in rules/data/casing.toml, by name."""
    data = tomllib.loads(resources.files("mtlint.rules").joinpath("data/casing.toml").read_text(encoding="utf-8"))
    return {name: frozenset(words) for name, words in data.items()}


def is_closed_class(key: str) -> bool:
    return key in word_lists()["closed-class"]


def is_proper_use(key: str) -> bool:
    """A common word English capitalises as the short name of an institution, region, faith or office."""
    return key in word_lists()["proper-uses"]


def introduces_name(key: str) -> bool:
    """A word after which a capitalised word names a work, team or thing ("the film Parasite")."""
    return key in word_lists()["name-introducers"]


def is_calendar(key: str) -> bool:
    return key in word_lists()["calendar"]


# Endings of nationality, language and faith words ("Turkish", "Egyptian", "Islamic", "Pakistani",
# "Chinese", "French"), which English capitalises. Common words with these endings are left alone too.
_DEMONYM_ENDINGS = ("an", "ian", "ese", "ish", "ic", "i", "ch", "sh", "ean", "ite", "ist", "ists", "ans")


def looks_like_demonym(key: str) -> bool:
    return key.endswith(_DEMONYM_ENDINGS)


# Precomputed by scripts/build_english_words.py with the method of `englishness` (shared with the name
# rules): every word with an English zipf of at least 3.0 that is at least 1.5 above the baseline.
ENGLISH_WORDS = "data/english_words.tsv.gz"
_TABLE_HEADER = regex.compile(r"zipf >= ([\d.]+) in English, >= ([\d.]+) above")


@lru_cache(maxsize=1)
def english_word_table() -> tuple[dict[str, tuple[float, float]], float, float]:
    """The precomputed table (word -> (English zipf, englishness)) and the two floors it was cut at."""
    raw = gzip.decompress(resources.files("mtlint.rules").joinpath(ENGLISH_WORDS).read_bytes()).decode("utf-8")
    table: dict[str, tuple[float, float]] = {}
    min_zipf = min_gap = float("inf")
    for line in raw.splitlines():
        if line.startswith("#"):
            m = _TABLE_HEADER.search(line)
            if m:
                min_zipf, min_gap = float(m.group(1)), float(m.group(2))
            continue
        word, zipf, gap = line.split("\t")
        table[word] = (float(zipf), float(gap))
    return table, min_zipf, min_gap


def is_english_common_word(key: str, min_frequency: float, min_englishness: float) -> bool:
    """Whether `key` is at least `min_frequency` (zipf) frequent in English and `min_englishness` more
    frequent there than in the baseline languages. Reads the precomputed table (milliseconds) unless the
    thresholds are below its floors, in which case wordfreq is asked (its large lists take about a
    second to load)."""
    table, min_zipf, min_gap = english_word_table()
    if min_frequency >= min_zipf and min_englishness >= min_gap:
        zipf, gap = table.get(key, (0.0, 0.0))
        return zipf >= min_frequency and gap >= min_englishness
    return english_frequency(key) >= min_frequency and englishness(key) >= min_englishness


@lru_cache(maxsize=4096)
def english_frequency(key: str) -> float:
    """Zipf frequency of `key` in English (0 when unknown)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(key, "en")


@lru_cache(maxsize=4096)
def englishness(key: str) -> float:
    """How much more frequent `key` is in English than in the baseline languages (zipf difference).

    About 0-1 for names and international words, 2 and more for English common words.
    """
    from wordfreq import zipf_frequency

    others = [max(zipf_frequency(key, lang), FLOOR) for lang in BASELINE_LANGUAGES]
    return english_frequency(key) - statistics.median(others)

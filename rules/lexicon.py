"""Word evidence shared by the casing rules: closed-class words, capitalised-by-convention nouns, and
how frequent and how English a word is according to wordfreq.

wordfreq folds case, so it cannot say how often a word is capitalised. What it can say is how far a word
belongs to English rather than to every language: a name ("Taliban", "Beijing", "Google") is written the
same in German, French or Spanish text and is about as frequent there, while an English common word
("negative", "featured", "heard") is far rarer outside English. That gap is the lexical half of the
stray-capital evidence; the other half is how the document itself writes the word (mtlint.text.capitals).
The gaps are read from a table precomputed from wordfreq (rules/data/english_words.tsv.gz, shared with the
name rules), because loading six large wordfreq lists takes about a second per process; wordfreq itself
is asked only when a rule's options go below the table's floors. Plain English frequency is read the
same way, from wordfreq's English list kept as data down to zipf 2.0 (rules/data/english_zipf.tsv.gz).
"""

from __future__ import annotations

import math
import sys
import unicodedata
import zlib
from functools import lru_cache

from mtlint import package_data
from mtlint.rules.tables import SortedLines, read_toml, table
from mtlint.text.regexes import compiled

# Languages whose large wordfreq lists give the "written the same everywhere" baseline. Romance and
# Germanic languages with Latin script carry foreign names unchanged and borrow few English words.
BASELINE_LANGUAGES = ("de", "fr", "es", "it", "pt")
FLOOR = 1.0  # zipf assumed for a word missing from a list


@lru_cache(maxsize=1)
def word_lists() -> dict[str, frozenset[str]]:
    """The lists in rules/data/casing.toml, by name."""
    data = read_toml("data/casing.toml")
    return {name: frozenset(words) for name, words in data.items()}


def is_closed_class(key: str) -> bool:
    return key in word_lists()["closed-class"]


def is_proper_use(key: str) -> bool:
    """A common word English capitalises as the short name of an institution, region, faith or office."""
    return key in word_lists()["proper-uses"]


@lru_cache(maxsize=1)
def _proper_nouns() -> frozenset[str]:
    text = package_data.read_text("mtlint.rules", "data/proper_nouns.txt")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def is_proper_noun(key: str) -> bool:
    """A frequent word English writes only as a name ("Germany", "Moscow", "Christmas"), by WordNet
    (rules/data/proper_nouns.txt, built by scripts/build_proper_nouns.py). wordfreq, folding case, takes
    it for a common word, and one spelt differently abroad even for a distinctly English one."""
    return key in _proper_nouns()


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
_TABLE_HEADER = compiled(r"zipf >= ([\d.]+) in English, >= ([\d.]+) above")


class EnglishWords:
    """The precomputed table read by bisection: word -> (English zipf, englishness), like a dict's get."""

    def __init__(self, lines: SortedLines) -> None:
        self.lines = lines

    def get(self, key: str, default: tuple[float, float] | None = None) -> tuple[float, float] | None:
        row = self.lines.row(key)
        return (float(row[1]), float(row[2])) if row else default


@lru_cache(maxsize=1)
def english_word_table() -> tuple[EnglishWords, float, float]:
    """The precomputed table (word -> (English zipf, englishness)) and the two floors it was cut at."""
    lines = table(ENGLISH_WORDS)
    m = _TABLE_HEADER.search(lines.header)
    min_zipf, min_gap = (float(m.group(1)), float(m.group(2))) if m else (float("inf"), float("inf"))
    return EnglishWords(lines), min_zipf, min_gap


@lru_cache(maxsize=65536)
def is_english_common_word(key: str, min_frequency: float, min_englishness: float) -> bool:
    """Whether `key` is at least `min_frequency` (zipf) frequent in English and `min_englishness` more
    frequent there than in the baseline languages. Reads the precomputed table (milliseconds) unless the
    thresholds are below its floors, in which case wordfreq is asked (its large lists take about a
    second to load)."""
    words, min_zipf, min_gap = english_word_table()
    if min_frequency >= min_zipf and min_englishness >= min_gap:
        zipf, gap = words.get(key) or (0.0, 0.0)
        return zipf >= min_frequency and gap >= min_englishness
    return english_frequency(key) >= min_frequency and englishness(key) >= min_englishness


# wordfreq's English list down to zipf 2.0 (scripts/build_english_zipf.py): word -> centibel band.
ENGLISH_ZIPF = "data/english_zipf.tsv.gz"
ZIPF_TABLE_FLOOR = 2.0
# Keys the table answers for: Latin letters in wordfreq's normal form, with apostrophes inside a word and
# hyphens between words (wordfreq splits at hyphens). Other keys ask wordfreq itself.
_TABLE_KEY = compiled(r"[\p{Latin}\p{M}]+(?:'[\p{Latin}\p{M}]+)*(?:-[\p{Latin}\p{M}]+(?:'[\p{Latin}\p{M}]+)*)*")
# wordfreq cuts "l'arc", "d'heure": one or two letters, an apostrophe, a vowel or h (wordfreq.tokens).
_ELISION = compiled(r"\w\w?'[AEHIOUYÁÉÍÓÚÀÈÌÒÙÂÊÎÔÛÅÏÖŒaehiouyáéíóúàèìòùâêîôûåïöœ]")


def tokens_for_table(key: str) -> list[str] | None:
    """wordfreq's English tokens of `key` when the table can answer for it (None: ask wordfreq)."""
    key = key.replace("’", "'")
    if not _TABLE_KEY.fullmatch(key) or key.casefold() != key or not unicodedata.is_normalized("NFC", key):
        return None
    parts = key.split("-")
    if any(_ELISION.match(p) for p in parts):
        return None
    return parts


class _ZipfBands:
    """The English table's words and their bands, decompressed from the start of the file only as far
    as the bands asked for: the lines run from the most frequent band down, one band a line, and the
    casing rules ask about zipf 3 and more, a fifth of the words. Reading (and splitting) all of it
    cost a one-file run more than the casing rules' work."""

    CHUNK = 1 << 14  # compressed bytes inflated at a time

    def __init__(self, raw: bytes) -> None:
        self._raw = raw
        self._read = 0
        self._inflate = zlib.decompressobj(wbits=31)  # a gzip file
        self._rest = b""  # the start of a line not yet whole
        self.upto = -1  # every word of a band up to this one is in `words`
        self.words: dict[str, int] = {}

    def band(self, word: str, max_band: int) -> int | None:
        """`word`'s band if it is at most `max_band`, else None."""
        while self.upto < max_band and self._more():
            pass
        found = self.words.get(word)
        return found if found is not None and found <= max_band else None

    def _more(self) -> bool:
        """Read the next lines; False at the end of the table."""
        if self._read >= len(self._raw):
            if self._rest:
                self._add(self._rest)
                self._rest = b""
            self.upto = sys.maxsize
            return False
        chunk = self._inflate.decompress(self._raw[self._read : self._read + self.CHUNK])
        self._read += self.CHUNK
        *lines, self._rest = (self._rest + chunk).split(b"\n")
        for line in lines:
            self._add(line)
        return True

    def _add(self, line: bytes) -> None:
        if not line or line.startswith(b"#"):
            return
        band, words = line.decode("utf-8").split("\t")
        self.words.update(dict.fromkeys(words.split(" "), int(band)))
        self.upto = int(band)


@lru_cache(maxsize=1)
def _zipf_bands() -> _ZipfBands:
    return _ZipfBands(package_data.read_bytes("mtlint.rules", ENGLISH_ZIPF))


def zipf_of_bands(bands: list[int]) -> float:
    """wordfreq's zipf frequency of a key whose tokens sit at these bands (its arithmetic, step by step)."""
    one_over = 0.0
    for band in bands:
        one_over += 1.0 / 10 ** (-band / 100)  # wordfreq.cB_to_freq
    freq = max(1.0 / one_over, 10 ** (0.0 - 9))  # the default minimum, zipf 0
    freq = round(freq, math.floor(-math.log(freq, 10)) + 3)  # three significant digits
    return round(math.log(freq, 10) + 9, 2)


@lru_cache(maxsize=8192)
def is_frequent_in_english(key: str, min_zipf: float) -> bool:
    """Whether `key`'s zipf frequency in English is at least `min_zipf` (wordfreq's answer).

    Read from the precomputed table for ordinary words and thresholds of at least 2.0; wordfreq itself
    (about 0.1 s to load) is asked only for other keys and lower thresholds.
    """
    tokens = tokens_for_table(key) if min_zipf >= ZIPF_TABLE_FLOOR else None
    if tokens is None:
        return english_frequency(key) >= min_zipf
    # A key is never more frequent than its rarest token, so only bands at or above the threshold matter.
    table, max_band = _zipf_bands(), math.floor((9 - min_zipf) * 100 + 1e-6)
    bands = [table.band(t, max_band) for t in tokens]
    if any(b is None for b in bands):
        return False
    return zipf_of_bands([b for b in bands if b is not None]) >= min_zipf


@lru_cache(maxsize=4096)
def english_frequency(key: str) -> float:
    """Zipf frequency of `key` in English (0 when unknown), from wordfreq: prefer is_frequent_in_english."""
    from wordfreq import zipf_frequency

    return zipf_frequency(key, "en")


@lru_cache(maxsize=4096)
def englishness(key: str) -> float:
    """How much more frequent `key` is in English than in the baseline languages (zipf difference).

    About 0-1 for names and international words, 2 and more for English common words.
    """
    from wordfreq import zipf_frequency

    others = [max(zipf_frequency(key, lang), FLOOR) for lang in BASELINE_LANGUAGES]
    import statistics  # lazy: only options below the table's floors come here

    return english_frequency(key) - statistics.median(others)

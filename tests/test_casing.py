"""Casing and sentence rules (MT301-MT303, MT404-MT406) on whole documents, through the real command line."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from mtlint.text.capitals import capital_evidence
from mtlint.text.document import Document
from tests.helpers import FIXTURES, ROOT, mtlint

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SEED = FIXTURES / "us-pakistan-relations.txt"
RULES = "MT301,MT302,MT303,MT404,MT405,MT406"
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"


def _findings(*paths: str, cwd: Path = ROOT) -> list[dict]:
    res = mtlint("check", "--isolated", "--format", "json", "--select", RULES, *paths, cwd=cwd)
    assert res.code in (0, 1), res.err
    return json.loads(res.out)


def test_seed_gets_exactly_the_four_casing_slips() -> None:
    got = [
        (f["rule"], f["line"], f["column"], f["end_column"]) for f in _findings("fixtures/us-pakistan-relations.txt")
    ]
    assert got == [
        ("stray-capital", 23, 380, 388),  # "suffered Negative reaction"
        ("stray-capital", 45, 368, 371),  # "between 1954 And 1965"
        ("lowercase-heading", 49, 1, 4),  # "the broader context"
        ("lowercase-sentence-start", 107, 312, 318),  # "state cooperation. united with Pakistan"
    ]


def test_seed_fix_applies_safe_fixes_and_unsafe_ones_only_when_asked(tmp_path: Path) -> None:
    copy = tmp_path / "seed.txt"
    shutil.copyfile(SEED, copy)
    original = SEED.read_text(encoding="utf-8").splitlines()

    res = mtlint("check", "--isolated", "--select", RULES, "--fix", "seed.txt", cwd=tmp_path)
    assert res.code == 1, res.out + res.err  # the unsafe findings remain
    lines = copy.read_text(encoding="utf-8").splitlines()
    changed = {i + 1 for i, (a, b) in enumerate(zip(original, lines)) if a != b}
    assert changed == {45, 49}
    assert "between 1954 and 1965" in lines[44]
    assert lines[48] == "The broader context"

    res = mtlint("check", "--isolated", "--select", RULES, "--fix", "--unsafe-fixes", "seed.txt", cwd=tmp_path)
    assert res.code == 0, res.out + res.err
    lines = copy.read_text(encoding="utf-8").splitlines()
    assert "suffered negative reaction" in lines[22]
    assert lines[106].endswith("state cooperation. United with Pakistan.")


def test_document_capitals_counts_names_and_common_uses() -> None:
    doc = Document("The State Department said it would act. Officials at the State met later, as the state grew.\n")
    ev = capital_evidence(doc)
    assert ev.use("state").in_name  # "State Department"
    assert ev.use("state").lower == 1
    assert ev.used_as_name("state")
    assert not ev.used_as_name("officials")  # sentence-initial capitals are no evidence


def test_casing_word_lists_are_clean() -> None:
    """The data file: lower case, no duplicates, and no word in two lists."""
    data = tomllib.loads((ROOT / "rules" / "data" / "casing.toml").read_text(encoding="utf-8"))
    seen: dict[str, str] = {}
    for name, words in data.items():
        assert len(words) == len(set(words)), f"{name} has duplicates"
        for w in words:
            assert w == w.lower().strip() and w, f"{name}: {w!r} must be lower case"
            assert w not in seen, f"{w!r} is in both {seen.get(w)} and {name}"
            seen[w] = name


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared dev corpus is not beside the repository")
def test_no_finding_on_the_clean_dev_articles() -> None:
    """Human articles get no finding except on the slips their annotations record (a glued full stop)."""
    golds = {
        p.name[: -len(".gold.json")] + ".txt": json.loads(p.read_text(encoding="utf-8"))
        for p in sorted(CORPUS.glob("*.gold.json"))
    }
    clean = {name: gold for name, gold in golds.items() if gold.get("kind") == "clean"}
    assert clean
    unexpected = []
    for f in _findings(*(str(CORPUS / name) for name in clean)):
        lines = (CORPUS / Path(f["path"]).name).read_text(encoding="utf-8").splitlines()
        flagged = lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1]
        gold = clean[Path(f["path"]).name]["findings"]
        if not any(g["line"] == f["line"] and flagged in g["text"] for g in gold):
            unexpected.append((Path(f["path"]).name, f["line"], f["column"], f["rule"], flagged))
    assert unexpected == []


def test_englishness_table_agrees_with_wordfreq() -> None:
    """The precomputed table and a live wordfreq lookup give the same answer (below the floors too)."""
    from mtlint.rules import lexicon as lex

    for word in ("featured", "negative", "heard", "taliban", "beijing", "google"):
        live = lex.english_frequency(word) >= 3.5 and lex.englishness(word) >= 1.9
        assert lex.is_english_common_word(word, 3.5, 1.9) == live
    assert lex.is_english_common_word("featured", 3.5, 1.9)
    assert not lex.is_english_common_word("taliban", 3.5, 1.9)
    assert lex.is_english_common_word("taliban", 3.0, 0.5)  # below the table's floor: asks wordfreq


def test_english_frequency_table_lists_each_word_once_by_band() -> None:
    """The table is read from its start only as far as the bands asked for: one line a band, the most
    frequent first, and each word in one band."""
    import gzip

    from tests.helpers import ROOT

    raw = gzip.decompress((ROOT / "rules" / "data" / "english_zipf.tsv.gz").read_bytes()).decode("utf-8")
    rows = [line.split("\t") for line in raw.splitlines() if not line.startswith("#")]
    bands = [int(band) for band, _ in rows]
    assert bands == sorted(set(bands))
    words = [w for _, line in rows for w in line.split(" ")]
    assert len(words) == len(set(words))


def test_english_frequency_table_agrees_with_wordfreq() -> None:
    """The casing rules read English frequency from a table (no wordfreq load per process); its answers
    are wordfreq's, for plain words, possessives, hyphenated pairs and keys it leaves to wordfreq."""
    import random

    import regex
    from wordfreq import zipf_frequency

    from mtlint.rules import lexicon as lex
    from tests.helpers import FIXTURES

    word = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}'’\-]*")
    keys = {w.casefold() for p in sorted(FIXTURES.rglob("*.txt")) for w in word.findall(p.read_text("utf-8"))}
    table = lex._zipf_bands()
    table.band("", 700)  # read to the end
    listed = sorted(table.words)
    sample = random.Random(7).sample(listed, 600)
    keys |= set(sample) | {w + "'s" for w in sample[:100]} | {w + "’s" for w in sample[100:150]}
    keys |= {a + "-" + b for a, b in zip(sample[:100], sample[100:200])}
    keys |= {"d'arcy", "l'heure", "it's", "o'neill", "rock'n'roll", "peoples'", "straße", "naïve", "cafe\u0301"}
    for key in sorted(keys):
        zipf = zipf_frequency(key, "en")
        for threshold in (2.0, 3.2, 3.5):
            assert lex.is_frequent_in_english(key, threshold) == (zipf >= threshold), (key, threshold, zipf)

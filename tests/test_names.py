"""The name rules on the seed article, through the real command line, plus glossary errors and laziness."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mtlint.rules.names.glossary import parse_lines

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "us-pakistan-relations.txt"
GLOSSARY = ROOT / "fixtures" / "names.txt"
MTLINT = [sys.executable, "-m", "mtlint.commands.cli"]


def mtlint(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*MTLINT, *args], capture_output=True, text=True, cwd=cwd or ROOT)


def findings(*args: str) -> list[dict]:
    proc = mtlint("check", "--isolated", "--no-cache", "--format", "json", *args)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def test_seed_garbled_name_without_configuration() -> None:
    got = [(f["line"], f["column"], f["code"]) for f in findings(str(SEED)) if f["category"] == "garbled-name"]
    assert got == [(77, 1, "MT201")]


def test_seed_glossary_findings_and_suggestions() -> None:
    got = findings("--select", "name-glossary", "--glossary", str(GLOSSARY), str(SEED))
    suggestions = [(f["line"], f["fix"]["applicability"], f["fix"]["edits"][0]["replacement"]) for f in got]
    assert suggestions == [
        (31, "unsafe", "Antony Blinken"),
        (77, "safe", "Touqir Hussain"),
        (95, "unsafe", "Moeed Yusuf"),
        (95, "unsafe", "Jake Sullivan"),
        (97, "unsafe", "S. Paul Kapur"),
        (107, "unsafe", "Kapur"),
    ]


def _fixed(tmp_path: Path, *flags: str) -> list[str]:
    target = tmp_path / "seed.txt"
    shutil.copyfile(SEED, target)
    proc = mtlint(
        "check",
        "--isolated",
        "--no-cache",
        "--select",
        "MT202",
        "--glossary",
        str(GLOSSARY),
        "--fix",
        *flags,
        str(target),
    )
    assert proc.returncode in (0, 1), proc.stderr
    return target.read_text(encoding="utf-8").splitlines()


def test_fix_applies_only_the_listed_variant(tmp_path: Path) -> None:
    before = SEED.read_text(encoding="utf-8").splitlines()
    after = _fixed(tmp_path)
    changed = [i + 1 for i, (a, b) in enumerate(zip(before, after)) if a != b]
    assert changed == [77]
    assert after[76].startswith("Touqir Hussain is a former Pakistani ambassador")


def test_unsafe_fixes_apply_every_suggestion(tmp_path: Path) -> None:
    before = SEED.read_text(encoding="utf-8").splitlines()
    after = _fixed(tmp_path, "--unsafe-fixes")
    changed = [i + 1 for i, (a, b) in enumerate(zip(before, after)) if a != b]
    assert changed == [31, 77, 95, 97, 107]
    assert "Secretary of State Antony Blinken said" in after[30]
    assert "Advisers Moeed Yusuf and Jake Sullivan met" in after[94]
    assert after[96].startswith("S. Paul Kapur, a professor")
    assert after[106].startswith("Kapur, who also works")


def test_glossary_from_config_file(tmp_path: Path) -> None:
    (tmp_path / "names").mkdir()
    shutil.copyfile(GLOSSARY, tmp_path / "names" / "people.txt")
    shutil.copyfile(SEED, tmp_path / "seed.txt")
    (tmp_path / ".mtlint.toml").write_text('glossary = ["names/people.txt"]\nselect = ["MT202"]\n')
    proc = mtlint("check", "--no-cache", "--format", "json", "seed.txt", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert [f["line"] for f in json.loads(proc.stdout)] == [31, 77, 95, 95, 97, 107]


def test_no_glossary_no_finding() -> None:
    assert findings("--select", "name-glossary", str(SEED)) == []


@pytest.mark.parametrize(
    "content, expected",
    [
        ("Antony Blinken\n: Tougher Hussain\n", "bad.txt:2: a line needs a canonical name"),
        ("Touqir Hussain: Tougher Hussain,, Touqeer Hussain\n", "bad.txt:1: empty variant"),
        ("# people\nTouqir Hussain:\n", "bad.txt:2: ':' must be followed by variants"),
        ("Touqir Hussain: Touqir Hussain\n", "bad.txt:1: a variant is the canonical name itself"),
        ("A: X Y\nB: X Y\n", "bad.txt:2: variant 'X Y' is already listed for 'A'"),
    ],
)
def test_malformed_glossary_is_a_usage_error(tmp_path: Path, content: str, expected: str) -> None:
    (tmp_path / "bad.txt").write_text(content, encoding="utf-8")
    proc = mtlint("check", "--isolated", "--no-cache", "--glossary", str(tmp_path / "bad.txt"), str(SEED))
    assert proc.returncode == 2
    assert expected in proc.stderr
    assert proc.stderr.count("\n") == 1  # one line, no traceback


def test_missing_glossary_is_a_usage_error(tmp_path: Path) -> None:
    proc = mtlint("check", "--isolated", "--no-cache", "--glossary", str(tmp_path / "nope.txt"), str(SEED))
    assert proc.returncode == 2
    assert "nope.txt: glossary file not found" in proc.stderr


def test_glossary_comments_and_spacing() -> None:
    entries = parse_lines(["# style sheet", "", "  Touqir   Hussain : Tougher Hussain ,Touqeer Hussain  # author"], "g")
    assert [(e.canonical, e.variants, e.line) for e in entries] == [
        ("Touqir Hussain", ("Tougher Hussain", "Touqeer Hussain"), 3)
    ]


def test_inconsistent_name_silent_on_seed() -> None:
    assert findings("--select", "inconsistent-name", str(SEED)) == []


_PROBE = """
import sys
from mtlint.commands.cli import main
try:
    main([{args}])
except SystemExit:
    pass
{after}
heavy = sorted(m for m in ("wordfreq", "jellyfish", "names_dataset", "mtlint.rules.names.lexicon") if m in sys.modules)
print("LOADED", heavy)
"""


def _probe(args: str, after: str = "") -> str:
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE.format(args=args, after=after)], capture_output=True, text=True, cwd=ROOT
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip().splitlines()[-1]


def test_version_loads_no_name_data() -> None:
    assert _probe("'--version'") == "LOADED []"


def test_building_the_rules_loads_no_name_data() -> None:
    after = (
        "from mtlint.engine.config import Config\nfrom mtlint.engine.ruleset import build_rules\n"
        "build_rules(Config(select=('MT2',)))\n"
        "import mtlint.rules.tables as tables\nassert tables.table.cache_info().currsize == 0\n"
        "sys.modules.pop('mtlint.rules.names.lexicon')\n"
    )
    assert "jellyfish" not in _probe("'--version'", after)


def test_generated_tables_hold_what_the_rules_rely_on() -> None:
    from mtlint.rules.names import lexicon as lex

    for word in ("tougher", "father", "generous", "school"):
        assert lex.is_english_word(word), word
    for word in ("Hussain", "Biden", "Khan", "Jack", "Rose", "Sun", "Ma", "Club", "Gottemoeller"):
        assert not lex.is_english_word(word), word
    for word in ("Hussain", "Kapoor", "Yusuf", "Haykal", "Rodolph", "Hope", "Jack", "Hicks", "Gates"):
        assert lex.best_rank(word) > 0, word
    for word in ("Tougher", "Father", "Touqir"):
        assert lex.best_rank(word) == 0, word


def test_generated_tables_name_their_generator() -> None:
    import gzip

    for table, script in (("names.tsv.gz", "build_name_table.py"), ("english_words.tsv.gz", "build_english_words.py")):
        first = gzip.decompress((ROOT / "rules" / "data" / table).read_bytes()).decode("utf-8").splitlines()[0]
        assert first.startswith(f"# generated by scripts/{script}")
        assert (ROOT / "scripts" / script).is_file()


def test_mt_article_written_for_the_name_rules() -> None:
    got = findings(str(ROOT / "fixtures" / "names" / "mt-article.txt"))
    assert [(f["line"], f["column"], f["rule"]) for f in got if f["category"] == "garbled-name"] == [
        (3, 122, "garbled-name"),  # Ambassador Generous Khalil
        (9, 1, "garbled-name"),  # Patient Abdel-Aziz is a former adviser
        (11, 34, "inconsistent-name"),  # Ihab Jalal after Ihab Galal
    ]


def test_clean_article_full_of_names_that_are_words_stays_silent() -> None:
    got = findings(str(ROOT / "fixtures" / "names" / "clean-article.txt"))
    assert [f for f in got if f["category"] == "garbled-name"] == []


def test_inconsistent_name_prefers_the_glossary_spelling(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("Moayed Yusuf met the envoy.\n\nMoeed Yusuf said so.\n\nMoayed Yusuf left.\n", encoding="utf-8")
    plain = findings("--select", "inconsistent-name", str(doc))
    assert [(f["line"], f["fix"]["edits"][0]["replacement"]) for f in plain] == [(3, "Moayed")]
    guided = findings("--select", "inconsistent-name", "--glossary", str(GLOSSARY), str(doc))
    assert [(f["line"], f["fix"]["edits"][0]["replacement"]) for f in guided] == [(1, "Moeed"), (5, "Moeed")]
    assert "the glossary spelling" in guided[0]["message"]

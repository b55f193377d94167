"""Encoding artifacts, untranslated text and the calque pack: whole documents, pack data, language ID."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from mtlint.api import fix_text, lint_text
from mtlint.engine.packs import load_builtin_pack
from mtlint.model import Finding
from mtlint.rules.encoding import language_id, latin_data
from mtlint.rules.encoding.untranslated_script import UntranslatedScript, UntranslatedScriptOptions
from mtlint.text.document import Document

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEED = FIXTURES / "us-pakistan-relations.txt"
RULES = ["mojibake", "invisible-character", "untranslated-script", "literal-idiom"]
PACK = load_builtin_pack("literal-idiom.toml")


def _lines(findings, text: str) -> list[tuple[str, int, int]]:
    out = []
    for f in findings:
        line = text.count("\n", 0, f.start) + 1
        column = f.start - (text.rfind("\n", 0, f.start) + 1) + 1
        out.append((f.rule, line, column))
    return out


# -- the seed article ------------------------------------------------------------------------------------
def test_seed_has_one_calque_and_no_encoding_artifact() -> None:
    text = SEED.read_text(encoding="utf-8")
    findings = lint_text(text, str(SEED), select=RULES)
    assert _lines(findings, text) == [("literal-idiom", 23, 320)]
    assert text[findings[0].start : findings[0].end] == "made Pakistani assistance in the wind"


# -- fixing ------------------------------------------------------------------------------------------------
def test_safe_fix_repairs_mojibake_and_removes_invisible_characters_together() -> None:
    text = "Erdoğan met KÄ±lÄ±Ã§daroÄŸlu in Wash\u200bington; he didnâ€™t \ufffd comment.\n"
    fixed = fix_text(text, select=["MT401", "MT402"])
    assert fixed == "Erdoğan met Kılıçdaroğlu in Washington; he didn’t \ufffd comment.\n"


def test_calque_fix_needs_unsafe_fixes() -> None:
    text = "The talks drag in length.\n"
    assert fix_text(text, select=["MT601"]) == text
    assert fix_text(text, select=["MT601"], unsafe=True) == "The talks drag on.\n"


def test_invisible_characters_in_markdown_code_are_left_alone() -> None:
    text = "Text with `zero\u200bwidth` code.\n\n```\nx = 'a\u202eb'\n```\n"
    assert lint_text(text, "a.md", "markdown", select=["MT402"]) == []


# -- the pack's data (codespell-style) ----------------------------------------------------------------
def test_pack_entries_are_unique() -> None:
    sources = [e.source for e in PACK.entries]
    assert len(sources) == len(set(sources))


def test_pack_entries_all_have_notes() -> None:
    assert all(e.note.strip() for e in PACK.entries), [e.source for e in PACK.entries if not e.note.strip()]


def test_pack_patterns_compile_and_match_nothing_empty() -> None:
    for e in PACK.entries:
        regex.compile(e.source, regex.V1)
        assert e.regex.search("") is None


def test_pack_replacements_are_not_flagged_by_the_pack() -> None:
    for e in PACK.entries:
        if e.replacement is None:
            continue
        replacement = regex.sub(r"\\\d", "", e.replacement).strip()
        hits = lint_text(f"They said it was {replacement} that day.\n", select=["literal-idiom"])
        assert hits == [], f"replacement {e.replacement!r} of {e.source!r} is itself flagged"


def test_pack_messages_fill_in() -> None:
    for e in PACK.entries:
        template = e.message or PACK.message
        template.format(match="x", replacement="y", name="literal-idiom")


# -- language identification (optional extra) ------------------------------------------------------
SPANISH = "Hoy hemos jurado el cargo y vamos a trabajar por los canarios de todas las islas."
ENGLISH = "Kılıçdaroğlu met Erdoğan and Davutoğlu in Ankara on Tuesday to discuss the budget."


def _with_detector(monkeypatch, answers: dict[str, tuple[str, float]]) -> None:
    monkeypatch.setattr(language_id, "load_detector", lambda: lambda s: answers.get(s, ("ENGLISH", 1.0)))


def _lingua_only(text: str) -> list[Finding]:
    """Findings of untranslated-script with its Latin-script path off: what the identifier reports."""
    rule = UntranslatedScript(UntranslatedScriptOptions(detect_latin=False))
    return sorted(rule.check(Document(text)), key=lambda f: f.start)


def test_sentence_in_another_language_is_reported(monkeypatch) -> None:
    _with_detector(monkeypatch, {SPANISH: ("SPANISH", 0.97)})
    text = f"The councillors met on Monday.\n\n{SPANISH}\n"
    findings = _lingua_only(text)
    assert _lines(findings, text) == [("untranslated-script", 3, 1)]
    assert "Spanish" in findings[0].message and ("confidence", "0.97") in findings[0].data


def test_consecutive_sentences_in_one_language_are_one_finding(monkeypatch) -> None:
    second = "Vamos a trabajar por y para los canarios durante los próximos cuatro años."
    _with_detector(monkeypatch, {SPANISH: ("SPANISH", 0.97), second: ("SPANISH", 0.99)})
    findings = _lingua_only(f"{SPANISH} {second}\n")
    assert len(findings) == 1 and findings[0].end == len(SPANISH) + 1 + len(second)


def test_english_sentence_is_never_reported_even_if_the_identifier_is_sure(monkeypatch) -> None:
    _with_detector(monkeypatch, {ENGLISH: ("TAGALOG", 1.0)})
    assert lint_text(ENGLISH + "\n", select=["untranslated-script"]) == []


def test_unsure_identifier_and_short_sentences_are_ignored(monkeypatch) -> None:
    _with_detector(monkeypatch, {SPANISH: ("SPANISH", 0.6), "Hasta luego, amigos.": ("SPANISH", 1.0)})
    assert _lingua_only(f"{SPANISH}\n\nHasta luego, amigos.\n") == []


def test_language_part_is_skipped_without_the_extra(monkeypatch) -> None:
    monkeypatch.setattr(language_id, "load_detector", lambda: None)
    assert _lingua_only(SPANISH + "\n") == []


def test_identifier_skips_sentences_the_latin_path_reported(monkeypatch) -> None:
    _with_detector(monkeypatch, {SPANISH: ("SPANISH", 0.97)})
    findings = lint_text(SPANISH + "\n", select=["untranslated-script"])
    assert len(findings) == 1 and not any(key == "confidence" for key, _ in findings[0].data)


def test_latin_path_needs_no_extra(monkeypatch) -> None:
    monkeypatch.setattr(language_id, "load_detector", lambda: None)
    findings = lint_text(SPANISH + "\n", select=["untranslated-script"])
    assert [f.message.split(":")[0] for f in findings] == ["Text left in Spanish"]
    assert ("language", "Spanish") in findings[0].data


def test_real_language_identifier() -> None:
    pytest.importorskip("lingua", reason="optional extra mtlint[lang] not installed")
    language_id.load_detector.cache_clear()
    text = f"{ENGLISH}\n\n{SPANISH}\n"
    findings = _lingua_only(text)
    assert _lines(findings, text) == [("untranslated-script", 3, 1)]


# -- the Latin-script path's data (codespell-style) ------------------------------------------------------
LISTS = tomllib.loads((ROOT / "rules" / "data" / "untranslated.toml").read_text(encoding="utf-8"))
GENERATED = ("foreign_words.tsv.gz", "char_trigrams.tsv.gz", "english_lookalikes.txt.gz")


def _latin(text: str, fmt: str = "text") -> list[Finding]:
    return list(UntranslatedScript().check(Document(text, "a.md" if fmt == "markdown" else "a.txt", fmt)))


@pytest.mark.parametrize("name", ["loanwords", "name-particles", "title-introducers", "elisions", "determiners"])
def test_word_lists_have_no_duplicates(name: str) -> None:
    # Loanwords match with or without accents and hyphens; the other lists match words as written.
    keys = [latin_data.phrase_key(entry) if name == "loanwords" else entry for entry in LISTS[name]]
    assert len(keys) == len(set(keys)), sorted(k for k in set(keys) if keys.count(k) > 1)
    assert all(entry == entry.lower() for entry in LISTS[name])


def test_month_names_are_unique_and_make_dates_in_their_language() -> None:
    months = [(lang, month) for lang, names in LISTS["months"].items() for month in names]
    assert len({m for _, m in months}) == len(months)
    for lang, month in months:
        findings = _latin(f"Updated 12 {month} 2024\n")
        assert [f.message.split(":")[0] for f in findings] == ["Date left in " + latin_data.language_name(lang)], month


def test_no_loanword_is_reported() -> None:
    for loan in LISTS["loanwords"]:
        for text in (f"They talked about {loan} for a while.", f"They talked about “{loan}” for a while.", loan):
            assert _latin(text + "\n") == [], text


def test_generated_tables_carry_provenance_and_unique_words() -> None:
    for name in GENERATED:
        raw = gzip.decompress((ROOT / "rules" / "data" / name).read_bytes()).decode("utf-8")
        header = [line for line in raw.splitlines() if line.startswith("#")]
        assert any("generated by scripts/build_" in line and "wordfreq 3." in line for line in header), name
        assert any("CC BY-SA 4.0" in line for line in header), name
        body = [line for line in raw.splitlines() if not line.startswith("#")]
        if name == "foreign_words.tsv.gz":  # the words, a blank line, then their values
            body = body[: body.index("")]
        words = [line.split("\t")[0] for line in body]
        assert len(words) == len(set(words)), name
        if name == "foreign_words.tsv.gz":
            assert words == sorted(words)  # looked up by bisection


def test_tables_hold_what_the_rule_relies_on() -> None:
    assert "e" in latin_data.foreign_entry("que").languages
    assert latin_data.foreign_entry("the") is None and latin_data.english_gap("the") is not None
    assert "metadata" in latin_data.lookalikes()
    assert latin_data.char_margin("launçamento")[0] > 0 > latin_data.char_margin("throughput")[0]


def test_version_and_building_the_rules_load_no_untranslated_data() -> None:
    probe = (
        "import sys\nfrom mtlint.commands.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "from mtlint.engine.config import Config\nfrom mtlint.engine.ruleset import build_rules\n"
        "build_rules(Config(select=('MT403',)))\n"
        "from mtlint.rules.encoding import latin_data\n"
        "print(sorted(latin_data.cache_sizes().values()), 'wordfreq' in sys.modules)\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split("\n")[-2] == "[0, 0, 0, 0] False"


def _badness_characters() -> list[str]:
    """Every non-ASCII character ftfy's badness pattern names, ranges spelt out."""
    from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES

    chars = {c for c in BADNESS_RE.pattern if not c.isascii()}
    for members in MOJIBAKE_CATEGORIES.values():
        for m in regex.finditer(r"(.)-(.)|.", members, regex.DOTALL):
            low, high = (m.group(1), m.group(2)) if m.group(1) else (m.group(), m.group())
            chars.update(chr(i) for i in range(ord(low), ord(high) + 1))
    return sorted(chars - {c for c in chars if c.isascii()})


def test_the_mojibake_pretest_passes_every_line_ftfy_calls_bad() -> None:
    # The rule imports ftfy only for a line _MAYBE_BAD accepts; what ftfy calls bad must pass it. Pairs of
    # non-ASCII characters always do, so try each of them alone and apart, among ASCII neighbours.
    import random

    from ftfy.badness import is_bad

    from mtlint.rules.encoding.mojibake import _MAYBE_BAD

    chars = _badness_characters()
    ascii_sides = ["", "a", "Z", " ", ".", "1", "a ", "? "]
    for c in chars:
        for left in ascii_sides:
            for right in ascii_sides:
                text = left + c + right
                assert not is_bad(text) or _MAYBE_BAD.search(text), repr(text)
    rng = random.Random(7)
    for _ in range(20000):
        parts = [rng.choice(chars) + rng.choice(["", " ", "a", ". ", "Zb"]) for _ in range(rng.randint(2, 4))]
        text = rng.choice(ascii_sides) + "".join(p if p[1:] else p + " " for p in parts)
        assert not is_bad(text) or _MAYBE_BAD.search(text), repr(text)


def test_a_plain_line_does_not_load_ftfy() -> None:
    probe = (
        "import sys\nfrom mtlint.api import lint_text\n"
        "lint_text('He said “no” — twice, at 5 °C.\\n', select=['mojibake'])\n"
        "print('ftfy' in sys.modules)\n"
        "lint_text('CafÃ© au lait\\n', select=['mojibake'])\n"
        "print('ftfy' in sys.modules)\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["False", "True"]

"""Encoding artifacts, untranslated text and the calque pack: whole documents, pack data, language ID."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from mtlint.api import fix_text, lint_text
from mtlint.engine.packs import load_builtin_pack
from mtlint.rules.encoding import language_id

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
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


def test_sentence_in_another_language_is_reported(monkeypatch) -> None:
    _with_detector(monkeypatch, {SPANISH: ("SPANISH", 0.97)})
    text = f"The councillors met on Monday.\n\n{SPANISH}\n"
    findings = lint_text(text, select=["untranslated-script"])
    assert _lines(findings, text) == [("untranslated-script", 3, 1)]
    assert "Spanish" in findings[0].message


def test_consecutive_sentences_in_one_language_are_one_finding(monkeypatch) -> None:
    second = "Vamos a trabajar por y para los canarios durante los próximos cuatro años."
    _with_detector(monkeypatch, {SPANISH: ("SPANISH", 0.97), second: ("SPANISH", 0.99)})
    findings = lint_text(f"{SPANISH} {second}\n", select=["untranslated-script"])
    assert len(findings) == 1 and findings[0].end == len(SPANISH) + 1 + len(second)


def test_english_sentence_is_never_reported_even_if_the_identifier_is_sure(monkeypatch) -> None:
    _with_detector(monkeypatch, {ENGLISH: ("TAGALOG", 1.0)})
    assert lint_text(ENGLISH + "\n", select=["untranslated-script"]) == []


def test_unsure_identifier_and_short_sentences_are_ignored(monkeypatch) -> None:
    _with_detector(monkeypatch, {SPANISH: ("SPANISH", 0.6), "Hasta luego, amigos.": ("SPANISH", 1.0)})
    assert lint_text(f"{SPANISH}\n\nHasta luego, amigos.\n", select=["untranslated-script"]) == []


def test_language_part_is_skipped_without_the_extra(monkeypatch) -> None:
    monkeypatch.setattr(language_id, "load_detector", lambda: None)
    assert lint_text(SPANISH + "\n", select=["untranslated-script"]) == []


def test_real_language_identifier() -> None:
    pytest.importorskip("lingua", reason="optional extra mtlint[lang] not installed")
    language_id.load_detector.cache_clear()
    text = f"{ENGLISH}\n\n{SPANISH}\n"
    findings = lint_text(text, select=["untranslated-script"])
    assert _lines(findings, text) == [("untranslated-script", 3, 1)]

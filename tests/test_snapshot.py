"""The findings of the default rules on every fixture document, against a recorded snapshot.

Work that must not change what mtlint finds (moving modules, speeding rules up) keeps this test
green. Work that means to change findings regenerates the snapshot and shows the difference in its
commit:

    MTLINT_UPDATE_SNAPSHOT=1 python -m pytest tests/test_snapshot.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from mtlint.api import lint_text

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SNAPSHOT = ROOT / "tests" / "data" / "fixture-findings.json"


def _documents() -> list[Path]:
    paths = [p for p in FIXTURES.rglob("*") if p.suffix in (".txt", ".md") and p.name != "names.txt"]
    return sorted(paths)


def _findings() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for path in _documents():
        rel = path.relative_to(ROOT).as_posix()
        text = path.read_text(encoding="utf-8")
        fmt = "markdown" if path.suffix == ".md" else "text"
        rows = []
        for f in lint_text(text, rel, fmt):
            line = text.count("\n", 0, f.start) + 1
            column = f.start - (text.rfind("\n", 0, f.start) + 1) + 1
            rows.append(f"{line}:{column} {f.code} {f.message}")
        out[rel] = rows
    return out


def test_fixture_findings_equal_the_snapshot() -> None:
    found = _findings()
    if os.environ.get("MTLINT_UPDATE_SNAPSHOT"):
        SNAPSHOT.write_text(json.dumps(found, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    recorded = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert sorted(found) == sorted(recorded), "fixture documents added or removed: regenerate the snapshot"
    for path in sorted(found):
        assert found[path] == recorded[path], f"{path}: findings changed (regenerate the snapshot if meant)"

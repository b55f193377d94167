"""MT407 stray-punctuation on whole documents: the seed article, an article written to reproduce the
patterns, and fixing together with MT406 spacing (both flag marks after a sentence end)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtlint.api import fix_text, lint_text
from tests.helpers import FIXTURES, mtlint

SEED = FIXTURES / "us-pakistan-relations.txt"
BOTH = ("spacing", "stray-punctuation")

# Written for the project: one paragraph per line, as pages are extracted.
ARTICLE = """\
Grain prices climb again

Wheat futures rose for a third week, despite a drop in freight costs. , traders said on Thursday.
The ministry called the rise “a burden on every household.” .
“Will bread get dearer?” , one baker asked. Nobody knew, . The ministry gave no figures.
Analysts from the U.S., the U.K. and Acme Inc., among others, expect calm by Jan. 15... or later.
"""


def test_seed_article_has_no_stray_punctuation() -> None:
    assert lint_text(SEED.read_text(encoding="utf-8"), str(SEED), select=("stray-punctuation",)) == []


def test_article_findings_point_at_the_stray_marks(tmp_path: Path) -> None:
    path = tmp_path / "grain.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    res = mtlint("check", "--isolated", "--select", "MT407", "--format", "json", str(path))
    assert res.code == 1, res.err
    found = [(f["line"], f["column"], f["fix"]["applicability"]) for f in json.loads(res.out)]
    assert found == [(3, 69, "safe"), (4, 61, "safe"), (5, 26, "safe"), (5, 56, "safe")]


def test_fix_on_the_article_with_spacing_selected(tmp_path: Path) -> None:
    path = tmp_path / "grain.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    res = mtlint("check", "--isolated", "--select", "MT406,MT407", "--fix", str(path))
    assert res.code == 0, res.out + res.err
    assert path.read_text(encoding="utf-8") == ARTICLE.replace("costs. , traders", "costs, traders").replace(
        "household.” .", "household.”"
    ).replace("?” , one", "?” one").replace("knew, . The", "knew. The")


@pytest.mark.parametrize(
    ("text", "safe", "unsafe"),
    [
        # MT406 has no fix here and MT407 deletes the full stop and its space.
        (
            "Gold fell despite world prices. , pointing to losses.\n",
            "Gold fell despite world prices, pointing to losses.\n",
            None,
        ),
        # Both rules delete ` .`: the first edit wins, the other is gone on the next pass.
        ("He called it the conflict arena.” .\n", "He called it the conflict arena.”\n", None),
        ("The talks ended. . Both sides left.\n", "The talks ended. Both sides left.\n", None),
        # MT406 closes the space before the comma first; MT407 then sees `,.` and keeps the full stop.
        ("The dam held , . The river fell.\n", "The dam held. The river fell.\n", None),
        ("Prices fell . , pointing to losses.\n", "Prices fell, pointing to losses.\n", None),
        ("The council voted. ; the mayor abstained.\n", "The council voted; the mayor abstained.\n", None),
        # Unsure which mark is stray: nothing changes without --unsafe-fixes.
        (
            "Exports slowed. , Nigeria reported.\n",
            "Exports slowed. , Nigeria reported.\n",
            "Exports slowed. Nigeria reported.\n",
        ),
        (
            "“We will stay.” , the farmer said.\n",
            "“We will stay.” , the farmer said.\n",
            "“We will stay,” the farmer said.\n",
        ),
        ("The dam held, . Nigeria said.\n", "The dam held, . Nigeria said.\n", "The dam held. Nigeria said.\n"),
    ],
)
def test_fix_with_spacing_selected(text: str, safe: str, unsafe: str | None) -> None:
    assert fix_text(text, "case.txt", select=BOTH) == safe
    final = fix_text(text, "case.txt", unsafe=True, select=BOTH)
    assert final == (unsafe or safe)
    assert lint_text(final, "case.txt", select=BOTH) == []


def test_explain_shows_examples_and_fix_safety() -> None:
    res = mtlint("explain", "stray-punctuation")
    assert res.code == 0, res.err
    assert "prices. , pointing" in res.out and "Unsafe" in res.out

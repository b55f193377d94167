"""MT501 against a real LanguageTool server: opt in with MTLINT_LANGUAGETOOL_URL=http://host:8081.

    java -cp languagetool-server.jar org.languagetool.server.HTTPServer --port 8081 &
    MTLINT_LANGUAGETOOL_URL=http://localhost:8081 pytest tests/test_grammar_live.py

Rule ids and messages change between LanguageTool versions, so these tests pin positions and the
shape of findings, not wording.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import regex

from tests.helpers import mtlint

URL = os.environ.get("MTLINT_LANGUAGETOOL_URL", "")
pytestmark = pytest.mark.skipif(not URL, reason="set MTLINT_LANGUAGETOOL_URL to a LanguageTool server to run these")


def check(root: Path, *args: str) -> list[dict]:
    res = mtlint("check", "--select", "grammar", "--no-cache", "--format", "json", *args, cwd=root)
    assert res.code in (0, 1) and res.err == "", res.err
    return [f for f in json.loads(res.out) if f["code"] == "MT501"]


def test_agreement_error_is_found_where_it_is(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "# Talks\n\nThe talks went well, a spokesman said.\nHe go to the ministry every morning 🎉 and the minister "
        "have signed the accord.\n",
        encoding="utf-8",
    )
    found = check(tmp_path, "a.md")
    assert found, "LanguageTool found nothing in two agreement errors"
    spots = {(f["line"], f["column"]) for f in found}
    assert (4, 4) in spots or (4, 1) in spots  # "He go"
    for f in found:
        assert regex.search(r"\([A-Z0-9_]+\)$", f["message"]), f["message"]  # LanguageTool's rule id


def test_clean_sentence_is_silent_and_urls_normalise(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "The central bank left its main interest rate unchanged on Thursday.\n", encoding="utf-8"
    )
    assert check(tmp_path, "a.txt") == []
    base = URL.rstrip("/").removesuffix("/v2")
    assert check(tmp_path, "--languagetool-url", base + "/v2/", "a.txt") == []


def test_fix_is_unsafe_and_applies(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("The spokesman said it was an unique chance.\n", encoding="utf-8")
    res = mtlint("check", "--select", "grammar", "--no-cache", "--fix", "--unsafe-fixes", "a.txt", cwd=tmp_path)
    assert res.err == ""
    assert path.read_text(encoding="utf-8") == "The spokesman said it was a unique chance.\n"

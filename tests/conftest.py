"""Shared fixtures: a temp project with a user rule pack configured."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import HOUSE_PACK


@pytest.fixture
def project(tmp_path: Path):
    """A temp folder with the house pack configured; returns a writer of files."""
    (tmp_path / "house.toml").write_text(HOUSE_PACK, encoding="utf-8")
    (tmp_path / ".mtlint.toml").write_text('packs = ["house.toml"]\nselect = ["HS001"]\n', encoding="utf-8")

    def write(name: str, content: str | bytes) -> Path:
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_bytes(content.encode("utf-8"))
        return p

    write.root = tmp_path  # type: ignore[attr-defined]
    return write

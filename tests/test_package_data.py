"""Data files are read from the installed package, or through importlib.resources from a zip archive."""

from __future__ import annotations

import sys
import zipfile
from importlib import resources
from pathlib import Path

import pytest

from mtlint import package_data


def test_reads_the_same_bytes_and_text_as_importlib_resources() -> None:
    for resource in ("data/casing.toml", "packs/parsed.json", "data/line-roles.json"):
        assert package_data.read_bytes("mtlint.rules", resource) == (
            resources.files("mtlint.rules").joinpath(resource).read_bytes()
        )
        assert package_data.read_text("mtlint.rules", resource) == (
            resources.files("mtlint.rules").joinpath(resource).read_text(encoding="utf-8")
        )


def test_reads_a_package_imported_from_a_zip_archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = tmp_path / "bundle.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("zipped_data_pkg/__init__.py", "")
        z.writestr("zipped_data_pkg/data/words.txt", "one\r\ntwo\n")
    monkeypatch.syspath_prepend(str(archive))
    try:
        assert package_data.read_bytes("zipped_data_pkg", "data/words.txt") == b"one\r\ntwo\n"
        assert package_data.read_text("zipped_data_pkg", "data/words.txt") == "one\ntwo\n"
    finally:
        sys.modules.pop("zipped_data_pkg", None)


def test_a_missing_file_is_an_error() -> None:
    with pytest.raises(FileNotFoundError):
        package_data.read_bytes("mtlint.rules", "data/no-such-table.tsv")

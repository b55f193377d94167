"""Rule discovery reads mtlint's own entry points without importlib.metadata when no plug-in is installed,
and must then find exactly what importlib.metadata finds."""

from __future__ import annotations

import sys
import zipfile
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from mtlint.engine.registry import GROUP, _own_entry_points
from tests.helpers import PLUGINS


@pytest.fixture
def path_finder_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the standard finder of distributions. An earlier test may have imported the
    importlib_metadata backport, which takes find_distributions off the path finder and adds a finder of
    its own (discovery then rightly leaves the search to importlib.metadata): undo that here."""
    from importlib.machinery import PathFinder
    from importlib.metadata import MetadataPathFinder

    if not hasattr(PathFinder, "find_distributions"):
        found = staticmethod(MetadataPathFinder.find_distributions)
        monkeypatch.setattr(PathFinder, "find_distributions", found, raising=False)
    finders = [f for f in sys.meta_path if f is PathFinder or not hasattr(f, "find_distributions")]
    monkeypatch.setattr(sys, "meta_path", finders)


@pytest.mark.usefixtures("path_finder_only")
def test_own_entry_points_are_what_importlib_metadata_finds() -> None:
    own = _own_entry_points(GROUP)
    assert own is not None  # the test environment installs no plug-in
    assert {(ep.name, ep.value) for ep in own} == {(ep.name, ep.value) for ep in entry_points(group=GROUP)}
    rules = own[0].load()
    assert rules is next(iter(entry_points(group=GROUP))).load()


def test_another_finder_of_distributions_is_left_to_importlib_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    class Finder:
        def find_spec(self, *args: object) -> None:
            return None

        def find_distributions(self, *args: object) -> list[object]:
            return []

    monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, Finder()])
    assert _own_entry_points(GROUP) is None


def test_a_plugin_on_the_path_is_left_to_importlib_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "path", [str(PLUGINS / "good"), *sys.path])
    assert _own_entry_points(GROUP) is None


def test_a_zip_on_the_path_is_left_to_importlib_metadata(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    archive = tmp_path / "plugins.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("x-1.0.dist-info/entry_points.txt", "[mtlint.rules]\nX = x:X\n")
    monkeypatch.setattr(sys, "path", [*sys.path, str(archive)])
    assert _own_entry_points(GROUP) is None


@pytest.mark.usefixtures("path_finder_only")
def test_only_the_first_mtlint_on_the_path_counts(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # importlib.metadata reads one distribution of a name: the first on sys.path.
    first, second = tmp_path / "a", tmp_path / "b"
    (first / "mtlint-9.dist-info").mkdir(parents=True)
    (first / "mtlint-9.dist-info" / "entry_points.txt").write_text("[mtlint.rules]\nMT = somewhere:ELSE\n")
    (second / "mtlint-1.dist-info").mkdir(parents=True)
    (second / "mtlint-1.dist-info" / "entry_points.txt").write_text("[mtlint.rules]\nMT = mtlint.rules:BUILTIN\n")
    monkeypatch.setattr(sys, "path", [str(first), str(second), *sys.path])
    own = _own_entry_points(GROUP)
    assert own is not None and [(ep.name, ep.value) for ep in own] == [("MT", "somewhere:ELSE")]
    assert [(ep.name, ep.value) for ep in entry_points(group=GROUP)] == [("MT", "somewhere:ELSE")]

"""How mtlint installs: one top-level package, one import name, built-ins registered like plug-ins."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from importlib.metadata import distribution
from pathlib import Path

import pytest

import mtlint.rules
from mtlint.engine.registry import GROUP

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("mtlint-*.whl")
    return found


def test_the_wheel_installs_exactly_one_top_level_package(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    top = {n.split("/", 1)[0] for n in names if not n.split("/", 1)[0].endswith(".dist-info")}
    assert top == {"mtlint"}
    # The data the rules read ships inside the package.
    for path in (
        "mtlint/py.typed",
        "mtlint/rules/packs/caption-words.toml",
        "mtlint/rules/packs/parsed.json",
        "mtlint/rules/data/casing.toml",
        "mtlint/rules/data/untranslated.toml",
        "mtlint/rules/data/foreign_words.tsv.gz",
        "mtlint/rules/grammar/harper-lints.txt",
        "mtlint/text/data/role_nouns.txt",
        "mtlint/formatters/html_assets/report.css",
    ):
        assert path in names


@pytest.mark.parametrize(("folder", "name"), [("linter", "mtlint"), ("rules", "mtlint.rules")])
def test_importing_a_source_folder_under_its_own_name_says_what_to_import(folder: str, name: str) -> None:
    res = subprocess.run([sys.executable, "-c", f"import {folder}"], cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 1
    last = res.stderr.strip().splitlines()[-1]
    assert last.startswith("ImportError:") and f"'{name}'" in last and "pip install -e ." in last


def test_every_entry_point_names_rules_whose_codes_it_prefixes() -> None:
    points = [ep for ep in distribution("mtlint").entry_points if ep.group == GROUP]
    assert [(ep.name, ep.value) for ep in points] == [("MT", "mtlint.rules:BUILTIN")]
    for ep in points:
        loaded = ep.load()
        classes = loaded if isinstance(loaded, tuple) else (loaded,)
        assert all(cls.code.startswith(ep.name) for cls in classes)
    codes = [cls.code for cls in mtlint.rules.BUILTIN]
    assert codes == sorted(set(codes))  # declared once each, in code order
    for cls in mtlint.rules.BUILTIN:
        cls.validate_class()
        assert cls.__module__.startswith(("mtlint.rules.", "mtlint.engine.packs"))  # packs make classes there


def test_plugins_import_the_public_names_from_mtlint() -> None:
    import mtlint

    for name in mtlint.__all__:
        assert getattr(mtlint, name) is not None
    assert "from mtlint import" in (ROOT / "tests/data/plugins/good/mtlint_demo_plugin.py").read_text()

"""Configuration: discovery, precedence, validation, selection, per-file ignores, severities."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtlint.engine.config import ConfigError, find_config, load_config, parse_config
from mtlint.engine.registry import Registry, select_rules
from mtlint.model import Severity
from tests.helpers import HOUSE_PACK, mtlint


def test_config_is_found_by_walking_up_and_pyproject_needs_its_table(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    (tmp_path / "a" / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert find_config(deep) is None
    (tmp_path / "pyproject.toml").write_text("[tool.mtlint]\nfail-on = 'error'\n", encoding="utf-8")
    assert find_config(deep) == (tmp_path / "pyproject.toml").resolve()
    (tmp_path / "a" / ".mtlint.toml").write_text("fail-on = 'warning'\n", encoding="utf-8")
    found = find_config(deep / "file.md")
    assert found == (tmp_path / "a" / ".mtlint.toml").resolve()
    assert load_config(found).fail_on is Severity.WARNING


@pytest.mark.parametrize(
    "data,message",
    [
        ({"selct": ["MT1"]}, "unknown key 'selct'"),
        ({"select": "MT1"}, "'select' must be a list of strings"),
        ({"fail-on": "fatal"}, "'fail-on': unknown severity 'fatal' (choose from info, warning, error)"),
        ({"severity": {"MT101": "loud"}}, "severity of 'MT101': unknown severity 'loud'"),
        ({"rules": {"stray-caption": 3}}, "'rules' must hold one table per rule"),
        ({"per-file-ignores": {"*.md": "MT101"}}, "per-file-ignores '*.md' must be a list of strings"),
    ],
)
def test_bad_config_values_are_errors(data, message) -> None:
    with pytest.raises(ConfigError) as err:
        parse_config(data, Path("/x/.mtlint.toml"))
    assert message in str(err.value) and str(err.value).startswith("/x/.mtlint.toml: ")


def test_broken_config_file_is_one_line_exit_2(tmp_path: Path) -> None:
    (tmp_path / ".mtlint.toml").write_text("select = [\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("x\n", encoding="utf-8")
    res = mtlint("check", str(tmp_path / "a.txt"))
    assert res.code == 2
    assert res.err.startswith(f"mtlint: error: {tmp_path / '.mtlint.toml'}: invalid TOML:")
    assert len(res.err.strip().splitlines()) == 1


def test_unknown_rule_anywhere_is_an_error(project) -> None:
    path = project("a.txt", "x\n")
    for args, where in [
        (["--select", "no-such-rule"], "unknown rule or prefix 'no-such-rule'"),
        (["--ignore", "ZZ9"], "unknown rule or prefix 'ZZ9'"),
    ]:
        res = mtlint("check", *args, str(path), cwd=project.root)
        assert res.code == 2 and where in res.err, res.err
    (project.root / ".mtlint.toml").write_text('packs = ["house.toml"]\n[rules.nope]\nx = 1\n', encoding="utf-8")
    res = mtlint("check", str(path), cwd=project.root)
    assert res.code == 2 and "options given for unknown rule 'nope'" in res.err
    (project.root / ".mtlint.toml").write_text('packs = ["house.toml"]\n[severity]\nnope = "error"\n', encoding="utf-8")
    res = mtlint("check", str(path), cwd=project.root)
    assert res.code == 2 and "severity given for unknown rule 'nope'" in res.err


def _registry():
    from mtlint.engine.packs import pack_rule_class

    classes = []
    for code, name, cat in [
        ("MT101", "stray-caption", "caption"),
        ("MT102", "site-boilerplate", "boilerplate"),
        ("MT201", "garbled-name", "garbled-name"),
    ]:
        classes.append(pack_rule_class(parse_pack_data(code, name, cat)))
    return Registry(tuple(classes))


def parse_pack_data(code, name, cat):
    from mtlint.engine.packs import parse_pack

    return parse_pack({"code": code, "name": name, "category": cat, "entry": [{"phrase": "x"}]}, "p.toml")


@pytest.mark.parametrize(
    "select,ignore,extend,expected",
    [
        (None, (), (), ["MT101", "MT102", "MT201"]),
        (("MT1",), (), (), ["MT101", "MT102"]),
        (("MT1",), ("MT102",), (), ["MT101"]),
        (("MT",), ("MT1",), ("site-boilerplate",), ["MT102", "MT201"]),  # a name beats a prefix
        (("caption",), (), (), ["MT101"]),  # categories select too
        (("MT101",), ("MT1",), (), ["MT101"]),  # the longer (more specific) selector wins
        (None, ("ALL",), ("MT201",), ["MT201"]),
    ],
)
def test_selection_by_code_prefix_name_and_category(select, ignore, extend, expected) -> None:
    chosen = select_rules(_registry(), select, ignore, extend)
    assert [r.code for r in chosen] == expected


def test_per_file_ignores_severity_overrides_and_fail_on(project) -> None:
    a = project("docs/a.txt", "in the wind\n")
    b = project("notes/b.txt", "in the wind\n")
    (project.root / ".mtlint.toml").write_text(
        'packs = ["house.toml"]\nselect = ["HS001"]\n[per-file-ignores]\n"notes/*" = ["house-style"]\n',
        encoding="utf-8",
    )
    res = mtlint("check", "--format", "json", ".", cwd=project.root)
    assert res.code == 1
    assert '"path": "docs/a.txt"' in res.out and "notes/b.txt" not in res.out
    (project.root / ".mtlint.toml").write_text(
        'packs = ["house.toml"]\nselect = ["HS001"]\nfail-on = "error"\n[severity]\nHS001 = "info"\n', encoding="utf-8"
    )
    res = mtlint("check", "--format", "json", str(a), cwd=project.root)
    assert res.code == 0 and '"severity": "info"' in res.out
    res = mtlint("check", "--fail-on", "info", str(a), cwd=project.root)
    assert res.code == 1
    res = mtlint("check", "--exit-zero", str(b), cwd=project.root)
    assert res.code == 0


def test_excludes_and_isolated(project) -> None:
    project("keep.md", "in the wind\n")
    project("vendor/skip.md", "in the wind\n")
    project(".hidden/skip.md", "in the wind\n")
    project("notes.rst", "in the wind\n")  # not an included suffix
    (project.root / ".mtlint.toml").write_text(
        'packs = ["house.toml"]\nextend-exclude = ["vendor"]\n', encoding="utf-8"
    )
    res = mtlint("check", "--format", "json", ".", cwd=project.root)
    assert res.out.count('"path"') == 1 and '"path": "keep.md"' in res.out
    res = mtlint("check", "--isolated", "--format", "json", ".", cwd=project.root)
    assert "HS001" not in res.out  # the pack comes from the ignored config


def test_a_config_named_with_isolated_is_an_error_not_ignored(project) -> None:
    project("keep.md", "in the wind\n")
    (project.root / "house.toml").write_text('extend-exclude = ["vendor"]\n', encoding="utf-8")
    res = mtlint("check", "--isolated", "--config", "house.toml", ".", cwd=project.root)
    assert res.code == 2 and res.out == ""
    assert res.err.strip() == (
        "mtlint: error: house.toml: --config cannot be used with --isolated, which ignores every config file"
    )


def test_house_pack_fixture_is_valid() -> None:
    import sys

    from mtlint.engine.packs import parse_pack

    if sys.version_info < (3, 11):
        import tomli as tomllib
    else:
        import tomllib

    pack = parse_pack(tomllib.loads(HOUSE_PACK), "house.toml")
    assert pack.code == "HS001" and len(pack.entries) == 2

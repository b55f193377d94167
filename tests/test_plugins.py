"""Third-party rules arrive through the `mtlint.rules` entry-point group, like the built-ins."""

from __future__ import annotations

import os

from tests.helpers import PLUGINS, mtlint


def _env(*names: str) -> dict[str, str]:
    paths = [str(PLUGINS / n) for n in names]
    return {"PYTHONPATH": os.pathsep.join(paths + [os.environ.get("PYTHONPATH", "")])}


def test_plugin_is_listed_selected_and_run(tmp_path) -> None:
    env = _env("good")
    listed = mtlint("rules", "--format", "json", env=env)
    assert listed.code == 0
    assert '"code": "DEMO001"' in listed.out and '"name": "lorem-ipsum"' in listed.out
    doc = tmp_path / "a.txt"
    doc.write_text("Intro.\n\nLorem ipsum dolor.\n", encoding="utf-8")
    for selector in ("DEMO001", "lorem-ipsum", "DEMO"):
        res = mtlint("check", "--isolated", "--select", selector, str(doc), env=env)
        assert res.code == 1, res.err
        assert f"{doc}:3:1: DEMO001 [lorem-ipsum] Placeholder text." in res.out
    res = mtlint("check", "--isolated", "--select", "DEMO001", "--fix", str(doc), env=env)
    assert doc.read_text(encoding="utf-8") == "Intro.\n\nTODO dolor.\n"
    assert res.code == 0


def test_plugin_options_come_from_config(tmp_path) -> None:
    (tmp_path / "mtlint.toml").write_text(
        'select = ["lorem-ipsum"]\n[rules.lorem-ipsum]\nreplacement = "[text]"\n', encoding="utf-8"
    )
    doc = tmp_path / "a.txt"
    doc.write_text("lorem ipsum\n", encoding="utf-8")
    res = mtlint("check", "--fix", str(doc), env=_env("good"))
    assert res.code == 0 and doc.read_text(encoding="utf-8") == "[text]\n"
    (tmp_path / "mtlint.toml").write_text("[rules.lorem-ipsum]\nreplacement = 3\n", encoding="utf-8")
    res = mtlint("check", str(doc), env=_env("good"))
    assert res.code == 2
    assert "option 'replacement' of rule lorem-ipsum must be str, not int (3)" in res.err
    assert "Traceback" not in res.err


def test_plugin_that_fails_to_import_is_named() -> None:
    res = mtlint("rules", env=_env("good", "broken"))
    assert res.code == 2
    assert res.err.strip() == (
        "mtlint: error: plug-in 'BROKEN001' (mtlint_broken_plugin:Rule, from mtlint-broken-plugin) failed to "
        "load: ModuleNotFoundError: No module named 'a_module_that_does_not_exist'"
    )


def test_duplicate_codes_are_an_error() -> None:
    res = mtlint("rules", env=_env("good", "clash"))
    assert res.code == 2
    assert "duplicate rule code DEMO001: mtlint_clash_plugin.Clash and mtlint_demo_plugin.LoremIpsum" in res.err

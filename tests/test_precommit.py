"""The pre-commit hooks, run for real by `pre-commit try-repo` against a temporary git repository."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import HOUSE_PACK, ROOT


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, timeout=900)


@pytest.fixture(scope="module")
def precommit(tmp_path_factory) -> list[str]:
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        pytest.skip("pre-commit is not installed (pip install 'mtlint[test]')")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    return [sys.executable, "-m", "pre_commit"]


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "content"
    repo.mkdir()
    (repo / "house.toml").write_text(HOUSE_PACK, encoding="utf-8")
    (repo / ".mtlint.toml").write_text('packs = ["house.toml"]\nselect = ["HS001"]\n', encoding="utf-8")
    (repo / "story.md").write_text("# Story\n\nThe aid was in the wind.\n", encoding="utf-8")
    (repo / "clean.md").write_text("# Clean\n\nNothing to see.\n", encoding="utf-8")
    for cmd in (
        ["git", "init", "-q"],
        ["git", "add", "-A"],
        ["git", "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "init"],
    ):
        _run(cmd, repo)
    return repo


def _env(home: Path) -> dict[str, str]:
    import os

    return {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}


def test_check_hook_reports_findings(precommit, home, tmp_path) -> None:
    repo = _repo(tmp_path)
    res = _run(precommit + ["try-repo", str(ROOT), "mtlint", "--all-files", "--verbose"], repo, _env(home))
    if "error: " in res.stdout and "Could not install" in res.stdout:  # pragma: no cover
        pytest.skip("pre-commit could not install the hook environment from the package index")
    assert res.returncode == 1, res.stdout + res.stderr
    assert "story.md:3:13: HS001 [house-style] Avoid 'in the wind'." in res.stdout
    assert (repo / "story.md").read_text(encoding="utf-8") == "# Story\n\nThe aid was in the wind.\n"


def test_fix_hook_rewrites_the_file(precommit, home, tmp_path) -> None:
    repo = _repo(tmp_path)
    res = _run(precommit + ["try-repo", str(ROOT), "mtlint-fix", "--all-files"], repo, _env(home))
    assert res.returncode == 1, res.stdout + res.stderr  # pre-commit fails a hook that modified files
    assert "files were modified by this hook" in res.stdout
    assert (repo / "story.md").read_text(encoding="utf-8") == "# Story\n\nThe aid was in vain.\n"
    assert (repo / "clean.md").read_text(encoding="utf-8") == "# Clean\n\nNothing to see.\n"

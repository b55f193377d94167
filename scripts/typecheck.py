"""Type-check mtlint with mypy under its installed name.

The source folders are named `linter/` and `rules/` but install as `mtlint` and `mtlint.rules`
(package-dir in pyproject.toml), and mypy resolves modules by folder name. This script builds a tree
of symbolic links with the installed layout (build/typecheck/mtlint, .../mtlint/rules), runs mypy on
it with the settings in pyproject.toml, and prints each error with the path of the real source file.

    python scripts/typecheck.py        # exit status: mypy's
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TREE = ROOT / "build" / "typecheck"


def link_tree() -> Path:
    """build/typecheck/mtlint: links to every entry of linter/, plus rules/ linked in as mtlint/rules."""
    if TREE.exists():
        shutil.rmtree(TREE)
    package = TREE / "mtlint"
    package.mkdir(parents=True)
    for entry in (ROOT / "linter").iterdir():
        if entry.name != "__pycache__":
            (package / entry.name).symlink_to(entry)
    (package / "rules").symlink_to(ROOT / "rules")
    return package


def main() -> int:
    package = link_tree()
    cmd = [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"), str(package)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
    real = {f"{package}/rules/": "rules/", f"{package}/": "linter/"}
    for line in (proc.stdout + proc.stderr).splitlines():
        for link, source in real.items():
            line = line.replace(link, source)
        line = line.replace(os.path.relpath(package, ROOT) + "/rules/", "rules/")
        line = line.replace(os.path.relpath(package, ROOT) + "/", "linter/")
        print(line)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())

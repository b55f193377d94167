"""Shared set-up for the parallel, cache and corpus tests: a temp project with test rules of its own.

The rules come from tests/data/plugins/scale (a per-file rule and a cross-file rule) and a user pack,
so these tests do not depend on the heuristics of any built-in rule.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.helpers import HOUSE_PACK, PLUGINS, mtlint

SCALE_ENV = {"PYTHONPATH": os.pathsep.join([str(PLUGINS / "scale"), os.environ.get("PYTHONPATH", "")])}
CONFIG = 'packs = ["house.toml"]\nselect = ["HS001", "SCL"]\n'


def make_project(root: Path, files: int = 12, config: str = CONFIG) -> list[Path]:
    """Write a config, the house pack and `files` small articles sharing a footer line."""
    (root / "house.toml").write_text(HOUSE_PACK, encoding="utf-8")
    (root / ".mtlint.toml").write_text(config, encoding="utf-8")
    paths = []
    for i in range(files):
        body = (
            f"Report number {i}\n\n"
            f"The talks of week {i} went on for hours, all in the wind.\n"
            f"A marker sits in paragraph {i % 3}, very very plainly.\n\n"
            "Follow us for more news.\n"
        )
        p = root / "docs" / f"article-{i:02d}.txt"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(body, encoding="utf-8")
        paths.append(p)
    return paths


def check_json(root: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, list[dict], str]:
    """Run `mtlint check --format json` in `root`; return the exit code, findings and stderr."""
    res = mtlint("check", "--format", "json", *args, cwd=root, env={**SCALE_ENV, **(env or {})})
    assert res.code in (0, 1), res.err
    return res.code, json.loads(res.out), res.err

"""The import budget: which modules a command may import (not how long they take).

Start-up is most of a one-file run, so what a command imports is held here: `mtlint --version` and
`--help` load the command line only (no document model, no pattern engine, no rule, no data file), and
linting a plain-text file loads no Markdown parser, no word-frequency lists, no progress bar and no
process pool. Each test runs a fresh interpreter with `-X importtime` and reads the modules it lists.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import FIXTURES

# `mtlint --version`: the command line and nothing it does not need.
CLI_ONLY = {"mtlint", "mtlint.version", "mtlint.commands", "mtlint.commands.cli", "mtlint.commands.console"}
CLI_ALLOWED = CLI_ONLY | {"mtlint.formatters"}  # the names of the formats, for --format's choices
NEVER_AT_START = {"regex", "tomllib", "gzip", "sqlite3", "ahocorasick", "difflib", "json", "hashlib"}
# Linting a plain-text file with the default rules, in one process, without a terminal.
NEVER_FOR_PLAIN_TEXT = {
    "markdown_it",  # Markdown only
    "tomllib",  # only a config file or a pack of the project's own is TOML read at run time
    "mtlint.text.markdown_syntax",  # its patterns too
    "ftfy",  # only for a line that holds what mojibake is made of
    "importlib.metadata",  # only when a plug-in may be installed (or a rule fails)
    "email",
    "sqlite3",  # the result cache only (these runs pass --no-cache)
    "mtlint.run.cache",
    "hashlib",
    "pickle",  # patterns are rebuilt from a marshal table (text/regexes.py), not unpickled
    "wordfreq",  # the rules read precomputed tables; wordfreq only below their floors
    "langcodes",
    "tqdm",  # a progress bar only on a terminal
    "concurrent.futures.process",  # a pool only with --jobs
    "multiprocessing",
    "dask",
    "pyarrow",
    "jsonschema",
}


def imported(*args: str) -> set[str]:
    """Every module a fresh `python -X importtime -m mtlint.commands.cli ARGS` imports."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "mtlint.commands.cli", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={"PYTHONPATH": "", "PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
    )
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    names = set()
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "self [us]" not in line:
            names.add(line.rsplit("|", 1)[1].strip())
    return names


def own(modules: set[str]) -> set[str]:
    return {m for m in modules if m == "mtlint" or m.startswith("mtlint.")}


@pytest.mark.parametrize("args", [("--version",), ("--help",)])
def test_version_and_help_load_the_command_line_only(args) -> None:
    modules = imported(*args)
    assert own(modules) <= CLI_ALLOWED, sorted(own(modules) - CLI_ALLOWED)
    assert not modules & NEVER_AT_START, sorted(modules & NEVER_AT_START)
    assert not {m for m in modules if m.split(".")[0] in {"wordfreq", "ftfy", "rapidfuzz", "jellyfish"}}


def test_importing_the_command_line_loads_no_engine() -> None:
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import mtlint.commands.cli"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    names = {line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
    assert own(names) <= CLI_ALLOWED, sorted(own(names) - CLI_ALLOWED)
    assert not names & NEVER_AT_START


def test_linting_a_plain_text_file_loads_no_markdown_parser_or_frequency_lists(tmp_path: Path) -> None:
    article = FIXTURES / "documents" / "wire-footer.txt"
    modules = imported("check", "--isolated", "--no-cache", "--exit-zero", str(article))
    assert "mtlint.rules.layout.stray_caption" in modules  # it did lint
    assert not modules & NEVER_FOR_PLAIN_TEXT, sorted(modules & NEVER_FOR_PLAIN_TEXT)

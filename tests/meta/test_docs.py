"""The README and the manual show what the code does.

- README's rule table is the output of `mtlint rules --format markdown`.
- README's test command is the one CI runs.
- Every command in a ```console block (a line starting with `$ `) that calls mtlint runs from a copy of
  the repository without a usage or configuration error (exit code 2) or an exception, and every output
  line shown under it (except `…`, which marks lines left out) is in what it really prints. Commands
  that need something outside the repository (a server, a cluster, a package index) go in ```sh blocks,
  which are not run.
- Scripts named in code blocks (`python bench/run.py`) and repository paths named in the text exist.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shlex
import shutil
import sys
import traceback
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner

from mtlint.commands.cli import main
from mtlint.engine.ruleset import fix
from mtlint.text.document import Document
from tests.helpers import mtlint

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
DOCS = ROOT / "docs" / "content"
PAGES = [README, *sorted(DOCS.rglob("*.md"))]
# What a command may read or write; each console block runs in a fresh copy of these.
COPIED = ("fixtures", "docs/content", "pyproject.toml", "README.md")
ELISION = {"…", "..."}

_FENCE = re.compile(r"^(?P<indent> *)```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^(?P=indent)```", re.M | re.S)
_CALLS_MTLINT = re.compile(r"(?:^|[|;&]\s*)mtlint\s")
_WRITES = re.compile(r"--write-baseline|--output|\s-o\s|--write-fixed|>")
_SHELL = {"&&", "||", ";", ">", ">>", "<", "&"}
_SCRIPT = re.compile(r"\bpython3?(?:\.\d+)?\s+(?!-)(\S+\.py)\b")


@dataclass(frozen=True)
class Command:
    page: str
    line: int
    text: str
    shown: tuple[str, ...]  # output lines shown under the command


@dataclass(frozen=True)
class Block:
    page: str
    line: int
    lang: str
    body: str


def _blocks(page: Path) -> list[Block]:
    text = page.read_text(encoding="utf-8")
    out = []
    for m in _FENCE.finditer(text):
        indent = len(m.group("indent"))
        body = "\n".join(line[indent:] for line in m.group("body").splitlines())
        out.append(Block(page.relative_to(ROOT).as_posix(), text.count("\n", 0, m.start()) + 1, m.group("lang"), body))
    return out


def _commands(block: Block) -> list[Command]:
    """The `$ ` commands of a console block, each with the output lines shown under it."""
    commands: list[Command] = []
    lines = block.body.splitlines()
    i = 0
    while i < len(lines):
        if not lines[i].startswith("$ "):
            i += 1
            continue
        start = i
        command = lines[i][2:]
        while command.endswith("\\") and i + 1 < len(lines):
            i += 1
            command = command[:-1] + " " + lines[i].strip()
        i += 1
        shown = []
        while i < len(lines) and not lines[i].startswith("$ "):
            shown.append(lines[i].rstrip())
            i += 1
        commands.append(Command(block.page, block.line + 1 + start, command, tuple(shown)))
    return commands


@cache
def _all_blocks() -> tuple[Block, ...]:
    return tuple(b for page in PAGES for b in _blocks(page))


def _console_blocks() -> list[list[Command]]:
    out = []
    for block in _all_blocks():
        if block.lang == "console":
            commands = [c for c in _commands(block) if _CALLS_MTLINT.search(c.text)]
            if commands:
                out.append(commands)
    return out


def _units() -> list[list[Command]]:
    """Commands that run together in one copy: a block whose commands write files that later ones may read
    (a baseline, a report) runs in order; any other command runs on its own, on the repository as cloned."""
    units: list[list[Command]] = []
    for commands in _console_blocks():
        if any(_WRITES.search(c.text) for c in commands[:-1]):
            units.append(commands)
        else:
            units += [[c] for c in commands]
    return units


@dataclass(frozen=True)
class Ran:
    command: Command
    code: int
    output: str


def _argv(command: str) -> tuple[list[str], bytes | None]:
    """The arguments of `mtlint ...` and its standard input (`cat FILE | mtlint ...`); no other shell syntax."""
    words = shlex.split(command, comments=True)
    stdin = None
    if "|" in words:
        cut = words.index("|")
        source, words = words[:cut], words[cut + 1 :]
        assert len(source) == 2 and source[0] == "cat", f"only `cat FILE | mtlint ...` is supported: {command}"
        stdin = Path(source[1]).read_bytes()
    assert words[:1] == ["mtlint"], f"a console command must start with mtlint: {command}"
    assert not _SHELL.intersection(words), f"no shell operators in a console command: {command}"
    return words[1:], stdin


def _run_unit(commands: list[Command], tmp: Path) -> list[Ran]:
    """Run commands in order, in a fresh copy of the repository, through the command line's entry point.

    In process (click's test runner), so that dozens of commands take seconds, not a minute of interpreter
    start-ups; the arguments, standard input, working folder, exit code and output are the user's.
    """
    work = tmp / f"{Path(commands[0].page).stem}-{commands[0].line}"
    for name in COPIED:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, work / name, ignore=shutil.ignore_patterns("__pycache__", ".mtlint_cache"))
        else:
            (work / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, work / name)
    runner = CliRunner()
    env = {"NO_COLOR": "1", "GITHUB_ACTIONS": None, "MTLINT_LANGUAGETOOL_URL": None}
    ran = []
    here = Path.cwd()
    try:
        os.chdir(work)
        for c in commands:
            args, stdin = _argv(c.text)
            result = runner.invoke(main, args, input=stdin, env=env)
            output = result.output
            if result.exception is not None and not isinstance(result.exception, SystemExit):
                output += "\nTraceback: " + "".join(traceback.format_exception(result.exception))
            ran.append(Ran(c, result.exit_code, output))
    finally:
        os.chdir(here)
    return ran


@pytest.fixture(scope="module")
def ran(tmp_path_factory) -> dict[tuple[str, int], Ran]:
    tmp = tmp_path_factory.mktemp("docs-commands")
    return {(r.command.page, r.command.line): r for unit in _units() for r in _run_unit(unit, tmp)}


def _ids() -> list[tuple[str, int]]:
    return [(c.page, c.line) for block in _console_blocks() for c in block]


@pytest.mark.parametrize("where", _ids(), ids=[f"{p}:{n}" for p, n in _ids()])
def test_documented_command_runs(ran, where) -> None:
    r = ran[where]
    label = f"{where[0]}:{where[1]}: $ {r.command.text}"
    assert r.code != 2, f"{label}\nexit code 2 (usage or configuration error):\n{r.output[-2000:]}"
    assert "Traceback" not in r.output, f"{label}\n{r.output[-3000:]}"
    printed = {line.rstrip() for line in r.output.splitlines()}
    for line in r.command.shown:
        if line.strip() and line.strip() not in ELISION:
            assert line in printed, f"{label}\nshows a line it does not print:\n{line}"


def test_docs_have_runnable_commands() -> None:
    pages = {c.page for block in _console_blocks() for c in block}
    assert "README.md" in pages and len(_ids()) >= 20


def test_prompts_only_in_console_blocks() -> None:
    """A `$ mtlint` line outside a console block would escape the test above."""
    for b in _all_blocks():
        if b.lang != "console":
            assert not re.search(r"^\$ .*\bmtlint\s", b.body, re.M), f"{b.page}:{b.line}: use a ```console block"


_REPO_PATH = re.compile(r"`((?:linter|rules|fixtures|tests|bench|scripts|docs)/[\w./-]*\.[a-z]+)`")


def test_repository_paths_in_prose_exist() -> None:
    """A path such as `rules/layout/captions.py` in README or the manual names a file that exists."""
    for page in PAGES:
        for path in _REPO_PATH.findall(page.read_text(encoding="utf-8")):
            assert (ROOT / path).exists(), f"{page.relative_to(ROOT)}: {path} is not in the repository"


def test_scripts_named_in_code_blocks_exist() -> None:
    for b in _all_blocks():
        for script in _SCRIPT.findall(b.body):
            assert (ROOT / script).is_file(), f"{b.page}:{b.line}: {script} is not in the repository"


# -- README --------------------------------------------------------------------------------------------

_TABLE = re.compile(r"<!-- rules-table: start[^\n]*-->\n(?P<table>.*?)<!-- rules-table: end -->", re.S)


def test_readme_rule_table_is_the_generated_one() -> None:
    m = _TABLE.search(README.read_text(encoding="utf-8"))
    assert m, "README.md has no rules-table markers"
    res = mtlint("rules", "--format", "markdown")
    assert res.code == 0, res.err
    assert m.group("table") == res.out, "README's rule table is stale: paste `mtlint rules --format markdown`"


def test_readme_test_command_is_the_one_ci_runs() -> None:
    text = README.read_text(encoding="utf-8")
    m = re.search(r"# 2\. install the test dependencies and run the whole test suite\n(?P<cmd>[^\n]+)\n", text)
    assert m, "README's quickstart has no step 2"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert m.group("cmd") in ci, ".ci/run must run README's test command, word for word"


def test_readme_is_a_front_page() -> None:
    data = README.read_bytes()
    assert len(data) < 20_000 and data.count(b"\n") <= 250


# -- examples ------------------------------------------------------------------------------------------


def test_plugin_example_follows_the_protocol() -> None:
    """The plug-in shown in docs/content/plugins.md finds, fixes and reads its option."""
    spec = importlib.util.spec_from_file_location("lorem_ipsum_example", DOCS / "examples" / "lorem_ipsum.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve the module's annotations through sys.modules
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    rule_class = module.LoremIpsum
    rule_class.validate_class()
    doc = Document("Intro.\n\nLorem ipsum dolor.\n")
    findings = list(rule_class().check(doc))
    assert [(f.code, f.rule, doc.text[f.start : f.end]) for f in findings] == [
        ("ACME001", "lorem-ipsum", "Lorem ipsum")
    ]
    options = rule_class.Options.from_mapping("lorem-ipsum", {"replacement": "[text]"})
    assert fix(doc, (rule_class(options),), False).text == "Intro.\n\n[text] dolor.\n"

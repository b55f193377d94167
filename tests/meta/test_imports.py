"""The package's import graph: no cycles, and dependencies that point one way.

commands -> run -> engine -> rule -> text -> model. Rules read the engine's protocol and the document
model, never the run, the files or the console. Every import counts, including the ones inside
functions (a lazy import hides a cycle, it does not remove it); only `if TYPE_CHECKING:` blocks are
left out, since they never run.
"""

from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = {"mtlint": ROOT / "linter", "mtlint.rules": ROOT / "rules"}

# Layer of each module prefix (longest prefix wins) and the layers it may import.
LAYERS = {
    "mtlint.version": "base",
    "mtlint.model": "base",
    "mtlint.package_data": "base",
    "mtlint.text": "text",
    "mtlint.rule": "protocol",
    "mtlint.engine": "engine",
    "mtlint.rules": "rules",
    "mtlint.io": "io",
    "mtlint.run": "run",
    "mtlint.formatters": "formatters",
    "mtlint.api": "api",
    "mtlint.commands": "commands",
    # `check --explain-roles` prints the layout rules' line roles, evidence the rules derive and no finding
    # carries; this one module may read that rule family, so the rest of the commands stay rule-agnostic.
    "mtlint.commands.roles": "debug",
    "mtlint": "package",
}
MAY_IMPORT = {
    "base": {"base"},
    "text": {"base", "text"},
    "protocol": {"base", "text"},
    "engine": {"base", "text", "protocol", "engine"},
    "rules": {"base", "text", "protocol", "engine", "rules"},
    "io": {"base", "text", "io"},
    "run": {"base", "text", "protocol", "engine", "io", "run"},
    "formatters": {"base", "text", "protocol", "engine", "formatters"},
    "api": {"base", "text", "protocol", "engine", "io", "run"},
    "commands": {"base", "text", "protocol", "engine", "io", "run", "formatters", "commands", "debug"},
    "debug": {"base", "text", "protocol", "engine", "io", "run", "commands", "rules"},
    "package": {"base"},  # the package's own __init__ imports its public names lazily
}


def _modules() -> dict[str, Path]:
    out = {}
    for package, folder in FOLDERS.items():
        for path in folder.rglob("*.py"):
            rel = path.relative_to(folder).with_suffix("")
            parts = [p for p in rel.parts if p != "__init__"]
            name = ".".join([package, *parts])
            if package == "mtlint" and parts[:1] == ["rules"]:
                continue
            out[name] = path
    return out


def _imports(path: Path, name: str, known: set[str]) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    found: set[str] = set()

    def add(target: str, names: list[str]) -> None:
        for n in names:  # `from pkg import submodule` depends on the submodule
            if f"{target}.{n}" in known:
                found.add(f"{target}.{n}")
            elif target in known:
                found.add(target)

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                for sub in child.orelse:
                    visit(sub)
                continue
            if isinstance(child, ast.Import):
                for a in child.names:
                    if a.name in known:
                        found.add(a.name)
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = name.split(".") if is_package else name.split(".")[:-1]
                    base = base[: len(base) - child.level + 1]
                    target = ".".join(base + ([child.module] if child.module else []))
                else:
                    target = child.module or ""
                add(target, [a.name for a in child.names])
            visit(child)

    visit(tree)
    found.discard(name)
    return found


@lru_cache(maxsize=1)
def _graph() -> dict[str, set[str]]:
    mods = _modules()
    known = set(mods)
    return {name: _imports(path, name, known) for name, path in mods.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def strong(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            strong(v)
    return out


def _layer(module: str) -> str:
    best = max((p for p in LAYERS if module == p or module.startswith(p + ".")), key=len)
    return LAYERS[best]


def test_the_graph_is_read() -> None:
    graph = _graph()
    assert "mtlint.text.document" in graph and "mtlint.rules.layout.stray_caption" in graph
    assert "mtlint.rule" in graph["mtlint.rules.layout.stray_caption"]


def test_no_import_cycles() -> None:
    assert _cycles(_graph()) == []


@pytest.mark.parametrize("module", sorted(_graph()))
def test_dependencies_point_one_way(module: str) -> None:
    layer = _layer(module)
    wrong = sorted(t for t in _graph()[module] if _layer(t) not in MAY_IMPORT[layer])
    assert not wrong, f"{module} ({layer}) imports {', '.join(f'{t} ({_layer(t)})' for t in wrong)}"

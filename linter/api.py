"""Library entry points: lint or fix a string with the installed rules."""

from __future__ import annotations

from collections.abc import Sequence

from mtlint.engine.config import Config
from mtlint.model import Finding
from mtlint.text.document import Document


def _rules(select: Sequence[str] | None, ignore: Sequence[str]):  # type: ignore[no-untyped-def]
    from mtlint.engine.ruleset import build_rules

    return build_rules(Config(select=tuple(select) if select else None, ignore=tuple(ignore))).rules


def lint_text(
    text: str,
    path: str = "<string>",
    fmt: str = "text",
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
) -> list[Finding]:
    """Lint `text` with the default (or selected) rules and return the findings, sorted."""
    from mtlint.engine.runner import run_rules

    return list(run_rules(Document(text, path, fmt), _rules(select, ignore)).findings)


def fix_text(
    text: str,
    path: str = "<string>",
    fmt: str = "text",
    unsafe: bool = False,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
) -> str:
    """Return `text` with the safe (or all) fixes applied; the original if fixing does not converge."""
    from mtlint.engine.ruleset import fix

    return fix(Document(text, path, fmt), _rules(select, ignore), unsafe).text

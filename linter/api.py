"""Library entry points: lint or fix a string, or a set of files, with the installed rules.

    >>> from mtlint import lint_text
    >>> [f.code for f in lint_text("Talks went well.\\n\\narchival\\n\\nThey will meet again.\\n")]
    ['MT101']

A rule that fails on a text does not stop the others: its findings are missing, and a RuleFailedWarning
(a RuntimeWarning) says which rule failed and why, so a caller can turn it into an error with the
warnings filter.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from functools import lru_cache

from mtlint.engine.config import Config
from mtlint.engine.ruleset import RuleSet, build_rules, fix
from mtlint.engine.runner import LintResult, run_rules
from mtlint.io.discovery import collect
from mtlint.io.source import read_document
from mtlint.model import Finding, RuleFailure
from mtlint.run.documents import lint_documents
from mtlint.run.executor import LocalExecutor
from mtlint.run.session import open_session
from mtlint.text.document import Document


class RuleFailedWarning(RuntimeWarning):
    """A rule raised on a text; the other rules' findings are complete, this rule's are missing."""


@lru_cache(maxsize=8)
def _ruleset(select: tuple[str, ...] | None, ignore: tuple[str, ...]) -> RuleSet:
    # Building the rules (packs, word lists) costs far more than linting one text: build once per selection.
    return build_rules(Config(select=select, ignore=ignore))


def _rules(select: Sequence[str] | None, ignore: Sequence[str]) -> RuleSet:
    return _ruleset(tuple(select) if select else None, tuple(ignore))


def _warn(path: str, failures: Sequence[RuleFailure]) -> None:
    for failure in failures:
        warnings.warn(
            f"{path}: rule {failure.rule} ({failure.code}) failed: {failure.message}", RuleFailedWarning, stacklevel=3
        )


def lint_text(
    text: str,
    path: str = "<string>",
    fmt: str = "text",
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
) -> list[Finding]:
    """Lint `text` with the default (or selected) rules and return the findings, sorted."""
    result = run_rules(Document(text, path, fmt), _rules(select, ignore).rules)
    _warn(path, result.failures)
    return list(result.findings)


def fix_text(
    text: str,
    path: str = "<string>",
    fmt: str = "text",
    unsafe: bool = False,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
) -> str:
    """Return `text` with the safe (or all) fixes applied; the original if fixing does not converge."""
    outcome = fix(Document(text, path, fmt), _rules(select, ignore).rules, unsafe)
    _warn(path, outcome.result.failures)
    return outcome.text


def lint_paths(
    paths: Sequence[str],
    jobs: int = 1,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    config_file: str | None = None,
) -> list[LintResult]:
    """Lint files and folders as `mtlint check` does (configuration found from the paths, cross-file
    evidence, `jobs` worker processes); one LintResult per file, sorted by path.

    Raises ConfigError or SetupError (one-line messages) for a bad configuration, and FileNotFoundError
    for a path that does not exist. Results carry their rule failures in `LintResult.failures`.
    """
    ruleset = open_session(
        list(paths), config_file, overrides={"select": tuple(select) if select else None}, ignore=tuple(ignore)
    )
    config = ruleset.config
    files, missing = collect(paths, config.include, config.all_excludes, config.root)
    if missing:
        raise FileNotFoundError(f"{missing[0]}: no such file or folder")
    docs = [read_document(path) for path in files]
    return lint_documents(docs, ruleset, LocalExecutor(jobs))

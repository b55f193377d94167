"""mtlint: a linter for machine-translated English.

Public API (imported on first use, so `import mtlint` stays cheap for the command line):

    lint_text(text, ...) -> list[Finding]
    fix_text(text, ...) -> str
    lint_paths(paths, ...) -> list[LintResult]   (files and folders, as `mtlint check` reads them)
    Finding, Fix, Edit, Rule, RuleOptions, RuleError, Severity, Applicability, Document, Block, BlockKind
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if __name__ != "mtlint":  # the source folder is `linter/`; it only works installed under its real name
    raise ImportError(
        f"the folder {__file__.rsplit('/', 2)[-2]!r} is the package 'mtlint': install the project "
        "(pip install -e .) and import mtlint instead"
    )

from mtlint.version import __version__

if TYPE_CHECKING:
    from mtlint.api import RuleFailedWarning, fix_text, lint_paths, lint_text
    from mtlint.model import Applicability, Edit, Finding, Fix, RuleError, Severity
    from mtlint.rule import Rule, RuleOptions
    from mtlint.text.document import Block, BlockKind, Document

_EXPORTS = {
    "fix_text": "mtlint.api",
    "lint_paths": "mtlint.api",
    "lint_text": "mtlint.api",
    "RuleFailedWarning": "mtlint.api",
    "Applicability": "mtlint.model",
    "Edit": "mtlint.model",
    "Finding": "mtlint.model",
    "Fix": "mtlint.model",
    "RuleError": "mtlint.model",
    "Severity": "mtlint.model",
    "Rule": "mtlint.rule",
    "RuleOptions": "mtlint.rule",
    "Block": "mtlint.text.document",
    "BlockKind": "mtlint.text.document",
    "Document": "mtlint.text.document",
}


def __getattr__(name: str) -> Any:
    """Import a public name on first use (PEP 562)."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'mtlint' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


__all__ = [
    "Applicability",
    "Block",
    "BlockKind",
    "Document",
    "Edit",
    "Finding",
    "Fix",
    "Rule",
    "RuleError",
    "RuleFailedWarning",
    "RuleOptions",
    "Severity",
    "__version__",
    "fix_text",
    "lint_paths",
    "lint_text",
]

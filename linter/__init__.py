"""mtlint: a linter for machine-translated English.

Public API:
    lint_text(text, ...) -> list[Finding]
    fix_text(text, ...) -> str
    Finding, Fix, Edit, Rule, RuleOptions, Severity, Applicability, Document
"""
from __future__ import annotations

__version__ = "0.1.0"

from linter.api import fix_text, lint_text  # noqa: E402
from linter.document import Block, BlockKind, Document  # noqa: E402
from linter.model import Applicability, Edit, Finding, Fix, Severity  # noqa: E402
from linter.rule import Rule, RuleOptions  # noqa: E402

__all__ = [
    "Applicability",
    "Block",
    "BlockKind",
    "Document",
    "Edit",
    "Finding",
    "Fix",
    "Rule",
    "RuleOptions",
    "Severity",
    "__version__",
    "fix_text",
    "lint_text",
]

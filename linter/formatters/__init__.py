"""Output formats behind a name -> class map. Import is lazy so `--format` costs only what it uses."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mtlint.formatters.base import FileReport, Formatter, RunReport, finding_dict

FORMATTERS: dict[str, str] = {
    "text": "mtlint.formatters.text:TextFormatter",
    "json": "mtlint.formatters.json:JsonFormatter",
    "jsonl": "mtlint.formatters.json:JsonLinesFormatter",
    "github": "mtlint.formatters.github:GithubFormatter",
    "sarif": "mtlint.formatters.sarif:SarifFormatter",
    "junit": "mtlint.formatters.junit:JunitFormatter",
    "html": "mtlint.formatters.html:HtmlFormatter",
}


def get_formatter(name: str) -> type[Formatter]:
    module, _, cls = FORMATTERS[name].partition(":")
    formatter: type[Formatter] = getattr(importlib.import_module(module), cls)
    return formatter


def __getattr__(name: str) -> Any:
    # The report types load the document model; `mtlint --version` and `--help` need only FORMATTERS.
    if name in ("FileReport", "Formatter", "RunReport", "finding_dict"):
        from mtlint.formatters import base  # lazy, see above

        return getattr(base, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["FORMATTERS", "FileReport", "Formatter", "RunReport", "finding_dict", "get_formatter"]

"""Output formats behind a name -> class map. Import is lazy so `--format` costs only what it uses."""
from __future__ import annotations

import importlib

from linter.formatters.base import FileReport, Formatter, RunReport, finding_dict

FORMATTERS: dict[str, str] = {
    "text": "linter.formatters.text:TextFormatter",
    "json": "linter.formatters.json:JsonFormatter",
    "jsonl": "linter.formatters.json:JsonLinesFormatter",
    "github": "linter.formatters.github:GithubFormatter",
    "sarif": "linter.formatters.sarif:SarifFormatter",
    "junit": "linter.formatters.junit:JunitFormatter",
    "html": "linter.formatters.html:HtmlFormatter",
}


def get_formatter(name: str) -> type[Formatter]:
    module, _, cls = FORMATTERS[name].partition(":")
    return getattr(importlib.import_module(module), cls)  # type: ignore[no-any-return]


__all__ = ["FORMATTERS", "FileReport", "Formatter", "RunReport", "finding_dict", "get_formatter"]

"""Output formats behind a name -> class map. Import is lazy so `--format` costs only what it uses."""

from __future__ import annotations

import importlib

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


__all__ = ["FORMATTERS", "FileReport", "Formatter", "RunReport", "finding_dict", "get_formatter"]

"""`json` (an array) and `jsonl` (one object per line): the stable machine interface."""

from __future__ import annotations

import json

from mtlint.formatters.base import Formatter, RunReport, all_findings


class JsonFormatter(Formatter):
    name = "json"

    def format(self, run: RunReport) -> str:
        return json.dumps(all_findings(run.files), indent=2, ensure_ascii=False) + "\n"


class JsonLinesFormatter(Formatter):
    name = "jsonl"

    def format(self, run: RunReport) -> str:
        return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in all_findings(run.files))

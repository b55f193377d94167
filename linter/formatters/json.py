"""`json` (an array) and `jsonl` (one object per line): the stable machine interface.

Every item is a finding, always of the same shape. A rule that failed on a file is not a finding, so it
is not an item: consumers that read each item's `line` or `code` keep working. It is reported where
every format reports it, as a line on standard error (`mtlint: error: PATH: rule NAME (CODE) failed:
...`), and the exit code is 2, so a pipeline cannot take the array for the whole story. Tools that want
failures as data read `--format sarif` (tool execution notifications).
"""

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

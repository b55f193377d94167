"""`json` (an array) and `jsonl` (one object per line): the stable machine interface.

Every item is a finding, always of the same shape. A rule that failed on a file is not a finding, so it
is not an item: consumers that read each item's `line` or `code` keep working. It is reported where
every format reports it, as a line on standard error (`mtlint: error: PATH: rule NAME (CODE) failed:
...`), and the exit code is 2, so a pipeline cannot take the array for the whole story. Tools that want
failures as data read `--format sarif` (tool execution notifications).
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any

from mtlint.formatters.base import Formatter, RunReport, all_findings


class JsonFormatter(Formatter):
    name = "json"

    def format(self, run: RunReport) -> str:
        return dumps_indented(all_findings(run.files)) + "\n"


class JsonLinesFormatter(Formatter):
    name = "jsonl"

    def format(self, run: RunReport) -> str:
        return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in all_findings(run.files))


class _Unexpected(Exception):
    """A value dumps_indented leaves to the json module."""


def dumps_indented(value: Any) -> str:
    """`json.dumps(value, indent=2, ensure_ascii=False)`, byte for byte, several times faster.

    With an indent the json module takes its pure-Python encoder, a generator per level and value: a
    run's tens of thousands of findings took longer to write than to read from a warm cache. Strings,
    the one costly leaf, go through the same C function json uses; anything but JSON's own types
    (and string keys) is left to json.dumps itself.
    """
    out: list[str] = []
    try:
        _write(value, "\n", out)
    except _Unexpected:
        return json.dumps(value, indent=2, ensure_ascii=False)
    return "".join(out)


def _write(value: Any, newline: str, out: list[str]) -> None:
    """Append `value` at the indent that `newline` (a line break and the current indent) carries."""
    kind = type(value)
    if kind is str:
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        sep = "{" + inner
        for key, item in value.items():
            if type(key) is not str:
                raise _Unexpected
            head = sep + encode_basestring(key) + ": "
            kind = type(item)
            # A finding's fields are mostly strings and numbers: written here, without a call each.
            if kind is str:
                out.append(head + encode_basestring(item))
            elif kind is int:
                out.append(head + int.__repr__(item))
            else:
                out.append(head)
                _write(item, inner, out)
            sep = "," + inner
        out.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        sep = "[" + inner
        for item in value:
            out.append(sep)
            _write(item, inner, out)
            sep = "," + inner
        out.append(newline + "]")
    else:
        raise _Unexpected  # floats (NaN and infinities), subclasses, anything json's default would reject

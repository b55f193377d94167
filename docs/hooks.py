"""MkDocs hook: the rules index and one page per built-in rule, rendered from the rule classes at build time.

Nothing about a rule is copied into docs/ by hand. Each page shows what `mtlint explain` prints (code,
name, category, severity, fixable, on by default or not, the class docstring, the options and their
defaults), read from `mtlint.rules.BUILTIN`, so the manual cannot drift from the code.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from mtlint.rule import Rule
from mtlint.rules import BUILTIN

RULES_SECTION = "Rules"  # the nav entry (in mkdocs.yml) that receives the generated pages

_ITEM = re.compile(r"^ {0,3}(?:(-|\*|•)|(\d+)\.)\s+")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_EXAMPLE = re.compile(r"^(Bad|Good):")


def page_path(rule: type[Rule]) -> str:
    """Where a rule's page lives inside docs_dir."""
    return f"rules/{rule.name}.md"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Fill the Rules section of the navigation with the index and one entry per rule."""
    entries: list[Any] = [{"Overview": "rules/index.md"}]
    entries += [{f"{r.code} {r.name}": page_path(r)} for r in BUILTIN]
    for item in config["nav"] or []:
        if isinstance(item, dict) and RULES_SECTION in item:
            item[RULES_SECTION] = entries
            break
    else:
        raise ValueError(f"mkdocs.yml: the nav has no {RULES_SECTION!r} section for the generated rule pages")
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages to the build."""
    files.append(File.generated(config, "rules/index.md", content=render_index(BUILTIN)))
    for rule in BUILTIN:
        files.append(File.generated(config, page_path(rule), content=render_rule(rule)))
    return files


# -- rendering -----------------------------------------------------------------------------------------


def render_index(rules: tuple[type[Rule], ...]) -> str:
    """The rules overview: the table of `mtlint rules --format markdown`, each rule linked to its page."""
    rows = [
        "# Rules",
        "",
        "Every built-in rule, generated from the rule classes (the same data as `mtlint rules` and "
        "`mtlint explain NAME`). A rule is selected by its code, its name, a code prefix (`MT1` = every "
        "layout rule) or its category; see [Configuration](../configuration.md).",
        "",
        "| code | name | category | severity | fixable | summary |",
        "|---|---|---|---|---|---|",
    ]
    for r in rules:
        off = " (off unless selected)" if not r.default_enabled else ""
        rows.append(
            f"| [{r.code}]({r.name}.md) | [`{r.name}`]({r.name}.md) | {r.category} | {r.severity.value} | "
            f"{'yes' if r.fixable else 'no'} | {_inline(r.summary())}{off} |"
        )
    return "\n".join(rows) + "\n"


def render_rule(rule: type[Rule]) -> str:
    """One rule's page."""
    pack = getattr(rule, "pack", None)
    if pack is not None:  # a rule made from a pack: its documentation is the pack's description
        source = pack.path
        doc = pack.description.strip()
    else:
        source = rule.__module__.replace("mtlint.rules", "rules", 1).replace(".", "/") + ".py"
        doc = rule.documentation()
    summary, _, body = doc.partition("\n")
    out = [
        f"# {rule.code} {rule.name}",
        "",
        _inline(summary),
        "",
        "| property | value |",
        "|---|---|",
        f"| code | `{rule.code}` |",
        f"| name | `{rule.name}` |",
        f"| category | {rule.category} |",
        f"| default severity | {rule.severity.value} |",
        f"| fixable | {'yes' if rule.fixable else 'no'} |",
        f"| on by default | {'yes' if rule.default_enabled else 'no: select it (`--select ' + rule.name + '`)'} |",
        f"| source | `{source}` |",
        "",
        f"Select it with `{rule.code}` or `{rule.name}`; `mtlint explain {rule.name}` prints this documentation.",
    ]
    notes = []
    if rule.reads_packs:
        notes.append(f'A [rule pack](../packs.md) that says `extends = "{rule.name}"` adds entries to its vocabulary.')
    if rule.uses_corpus:
        notes.append("Its findings also depend on the other files of the run (lines repeated across them).")
    if notes:
        out += ["", " ".join(notes)]
    out += ["", render_docstring(body)]
    options = rule.Options().as_dict()
    out += ["", "## Options", ""]
    if options:
        out += [
            "Defaults, as they would be written in `pyproject.toml`:",
            "",
            "```toml",
            f"[tool.mtlint.rules.{rule.name}]",
            *(f"{key} = {_toml(value)}" for key, value in options.items()),
            "```",
        ]
    else:
        out.append("None.")
    if pack is not None:
        out += ["", f"## Entries ({len(pack.entries)})", "", _entries_table(pack.entries)]
    return "\n".join(out).rstrip() + "\n"


def _entries_table(entries: tuple[Any, ...]) -> str:
    """A pack's entries as an HTML table (regex patterns hold `<`, `[` and `|`, which Markdown would mangle)."""
    rows = ["<table>", "<thead><tr><th>pattern</th><th>fix</th><th>note</th></tr></thead>", "<tbody>"]
    for e in entries:
        fix = f"<code>{html.escape(e.replacement)}</code>" if e.replacement else ""
        rows.append(
            f"<tr><td><code>{html.escape(e.source)}</code></td><td>{fix}</td><td>{html.escape(e.note)}</td></tr>"
        )
    return "\n".join([*rows, "</tbody>", "</table>"])


def render_docstring(text: str) -> str:
    """Turn a rule docstring (plain text with backticks, `- ` lists and indented examples) into Markdown."""
    chunks: list[list[str]] = [[]]
    for line in text.strip("\n").splitlines():
        if line.strip():
            chunks[-1].append(line.rstrip())
        elif chunks[-1]:
            chunks.append([])
    out: list[str] = []
    code: list[str] = []
    for chunk in (c for c in chunks if c):
        if all(line.startswith("    ") for line in chunk):
            code += ([""] if code else []) + [line[4:] for line in chunk]
            continue
        if code:
            out += ["```text", *code, "```", ""]
            code = []
        out += _prose(chunk) + [""]
    if code:
        out += ["```text", *code, "```"]
    return "\n".join(out).strip() + "\n"


def _prose(lines: list[str]) -> list[str]:
    """Paragraphs and list items of one block of text."""
    items: list[tuple[str, str]] = []  # (marker or "" for a paragraph, text)
    for line in lines:
        m = _ITEM.match(line)
        if m:
            marker = "1." if m.group(2) else "-"
            items.append((marker, line[m.end() :].strip()))
        elif items and items[-1][0] and line.startswith(" "):
            items[-1] = (items[-1][0], items[-1][1] + " " + line.strip())
        elif items and not items[-1][0] and not _EXAMPLE.match(line):
            items[-1] = ("", items[-1][1] + " " + line.strip())
        else:
            items.append(("", line.strip()))
    out: list[str] = []
    previous = None
    for marker, text in items:
        if out and (bool(marker) != bool(previous) or not marker):
            out.append("")
        out.append(f"{marker} {_inline(text)}" if marker else _inline(text))
        previous = marker
    return out


def _inline(text: str) -> str:
    """Escape Markdown outside code spans, so `*`, `_`, `<` and brackets in prose stay literal."""
    parts = []
    last = 0
    for m in _CODE_SPAN.finditer(text):
        parts.append(_escape(text[last : m.start()]))
        parts.append(m.group(0))
        last = m.end()
    parts.append(_escape(text[last:]))
    return "".join(parts)


def _escape(text: str) -> str:
    text = re.sub(r"([\\*_\[\]])", r"\\\1", text)
    return text.replace("&", "&amp;").replace("<", "&lt;")  # `&quot;` in a docstring is text, not an entity


def _toml(value: Any) -> str:
    """An option's default as TOML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return repr(value)

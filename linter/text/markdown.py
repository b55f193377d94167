"""Markdown prose extraction: which spans are prose, and which blocks the prose forms.

markdown-it-py gives block structure with source line maps; inline syntax (code spans, link
destinations, HTML, emphasis markers) is blanked with patterns on the source lines, because
markdown-it-py keeps no inline source positions. Blanking keeps every offset equal to the
original file's, so findings and fixes need no translation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from mtlint.text.blocks import Block, BlockKind

if TYPE_CHECKING:
    from mtlint.text.document import Document


@dataclass(frozen=True)
class _Draft:
    """A block found by the Markdown parser, before its prose span is known."""

    kind: str
    first_line: int  # 1-based
    last_line: int
    strip: regex.Pattern[str]
    after_code: bool = False  # a fenced or indented code block (or an HTML block) stands right before it


@dataclass(frozen=True)
class ParsedMarkdown:
    """A Markdown text's prose view, masked spans and blocks."""

    prose: str
    masked: tuple[tuple[int, int], ...]
    drafts: tuple[_Draft, ...]
    # Inline markup that stands for a word or opens a phrase: code spans, link and image brackets, inline
    # HTML, emphasis markers. A sentence whose first word follows one of these starts with markup.
    inline: tuple[tuple[int, int], ...] = ()
    # Words written inside inline code spans, case-folded (not code blocks: their comments are prose).
    code_words: frozenset[str] = frozenset()

    def blocks(self, doc: Document) -> list[Block]:
        out: list[Block] = []
        for d in self.drafts:
            outer_start = doc.line_span(d.first_line)[0]
            outer_end = doc.line_span(d.last_line)[2]
            content_end = doc.line_span(d.last_line)[1]
            start, end = outer_start, content_end
            while start < end and self.prose[start].isspace():
                start += 1
            while end > start and self.prose[end - 1].isspace():
                end -= 1
            if start >= end:
                continue
            out.append(
                Block(
                    len(out),
                    BlockKind(d.kind),
                    start,
                    end,
                    outer_start,
                    outer_end,
                    self.prose[start:end],
                    d.first_line,
                    d.last_line,
                    after_code=d.after_code,
                )
            )
        return out


def parse_markdown(text: str) -> ParsedMarkdown:
    """Parse `text` as Markdown and return its prose view, masked spans and block drafts."""
    from mtlint.text import markdown_syntax as syntax  # lazy: plain-text runs never compile its patterns

    starts = [0] + [m.end() for m in syntax.NEWLINE.finditer(text)]
    n_lines = len(starts)

    def span(line0: int) -> tuple[int, int]:
        s = starts[line0]
        e = starts[line0 + 1] if line0 + 1 < n_lines else len(text)
        while e > s and text[e - 1] in "\r\n":
            e -= 1
        return s, e

    mask = bytearray(len(text))  # 1 = not prose

    def blank(s: int, e: int) -> None:
        for i in range(s, e):
            mask[i] = 1

    source = text
    fm = syntax.FRONT_MATTER.match(text)
    if fm:
        blank(0, fm.end())
        # Parse with the front matter as blank lines so line maps stay those of the file.
        source = syntax.NEWLINE.sub(lambda m: m.group(0), regex.sub(r"[^\r\n]", " ", fm.group(0))) + text[fm.end() :]

    from markdown_it import MarkdownIt  # lazy: about 30 ms to import, and plain-text runs never need it

    md = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")
    tokens = md.parse(source)
    prose_lines: set[int] = set()
    drafts: list[_Draft] = []
    containers: list[str] = []
    after_code = False
    for i, tok in enumerate(tokens):
        if tok.type in ("fence", "code_block", "html_block"):
            after_code = True
            continue
        if tok.type in ("heading_open", "table_open", "hr"):
            after_code = False
        if tok.type in ("bullet_list_open", "ordered_list_open", "blockquote_open"):
            containers.append(tok.type)
        elif tok.type in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            containers.pop()
        if tok.map is None:
            continue
        first, last = tok.map[0], tok.map[1] - 1
        if tok.type == "heading_open":
            setext = tok.markup in ("=", "-")
            if setext:
                s, e = span(last)
                blank(s, e)
                last -= 1
            for ln in range(first, last + 1):
                s, e = span(ln)
                m = syntax.ATX.match(text, s, e) if not setext else syntax.CONTAINER.match(text, s, e)
                if m:
                    blank(s, m.end())
                c = syntax.ATX_CLOSE.search(text, s, e)
                if c and not setext:
                    blank(c.start(), e)
                prose_lines.add(ln)
            drafts.append(_Draft("heading", first + 1, last + 1, syntax.ATX))
        elif tok.type == "paragraph_open":
            in_list = any(c != "blockquote_open" for c in containers)
            for ln in range(first, last + 1):
                s, e = span(ln)
                m = syntax.CONTAINER.match(text, s, e)
                if m:
                    blank(s, m.end())
                prose_lines.add(ln)
            kind = "list-item" if in_list and tokens[i - 1].type == "list_item_open" else "paragraph"
            if kind == "paragraph" and first == last and not in_list:
                kind = _single_line_kind(tokens, i)
            drafts.append(_Draft(kind, first + 1, last + 1, syntax.CONTAINER, after_code=after_code))
            after_code = False
        elif tok.type in ("tr_open",):
            s, e = span(first)
            blank(s, e)  # table rows: cells are restored below
            for cell in regex.finditer(r"[^|]+", text[s:e]):
                if cell.group(0).strip() and not regex.fullmatch(r"\s*:?-+:?\s*", cell.group(0)):
                    for k in range(s + cell.start(), s + cell.end()):
                        mask[k] = 0
            prose_lines.add(first)
            drafts.append(_Draft("table-cell", first + 1, first + 1, syntax.CONTAINER))
    # Admonition and directive markers (`!!! note "Title"`, `??? tip`, `::: warning`, `:::{note}`): the
    # marker and its type word are syntax, not the first words of a sentence.
    admonitions: list[tuple[int, int]] = []
    for ln in prose_lines:
        s, e = span(ln)
        m = syntax.ADMONITION.match(text, s, e)
        if m:
            blank(s, m.end())
            admonitions.append((s, m.end()))
    # Everything outside prose lines (code, HTML blocks, rules, reference definitions) is masked.
    for ln in range(n_lines):
        if ln not in prose_lines:
            s, e = span(ln)
            blank(s, e)
    # Inline syntax inside prose lines.
    inline: list[tuple[int, int]] = list(admonitions)
    code_words: set[str] = set()
    for n, pattern in enumerate(syntax.INLINE_MASKS):
        for m in pattern.finditer(text):
            if not mask[m.start()] or pattern.pattern.startswith("<!--"):
                blank(m.start(), m.end())
                if n in syntax.LEADING_MARKUP:
                    inline.append((m.start(), m.end()))
                if n == 0:
                    code_words.update(w.casefold() for w in syntax.CODE_WORD.findall(m.group()))

    chars = list(text)
    masked: list[tuple[int, int]] = []
    run = -1
    for i, flag in enumerate(mask):
        if flag and chars[i] not in "\r\n":
            chars[i] = " "
        if flag and run < 0:
            run = i
        elif not flag and run >= 0:
            masked.append((run, i))
            run = -1
    if run >= 0:
        masked.append((run, len(text)))
    return ParsedMarkdown("".join(chars), tuple(masked), tuple(drafts), tuple(sorted(inline)), frozenset(code_words))


def _single_line_kind(tokens, i: int) -> str:  # type: ignore[no-untyped-def]
    """A one-line top-level paragraph without sentence punctuation is a standalone line."""
    inline = tokens[i + 1]
    content = inline.content.strip()
    if content and not regex.search(r"""[.!?…:;,]["'”’»)\]]*$""", content) and len(content.split()) <= 20:
        return "line"
    return "paragraph"

"""The document model: positions, newlines, blocks, sentences and Markdown prose masking."""

from __future__ import annotations

from mtlint.io.source import decode, encode
from mtlint.text.document import BlockKind, Document
from tests.helpers import FIXTURES


def test_positions_are_one_based_code_points() -> None:
    doc = Document("ab\r\nçé😀x\rz\n")
    assert doc.position(0) == (1, 1)
    assert doc.position(4) == (2, 1)
    assert doc.position(7) == (2, 4)  # the emoji is one column
    assert doc.position(9) == (3, 1)
    assert doc.line_text(2) == "çé😀x"
    assert doc.line_count == 4


def test_decode_keeps_bom_encoding_and_newlines() -> None:
    for raw, enc in [
        (b"\xef\xbb\xbfhi\r\nthere", "utf-8"),
        ("\ufeffhi\r\nthere".encode("utf-16-le"), "utf-16-le"),
        ("\ufeffhi\nthere".encode("utf-32-be"), "utf-32-be"),
    ]:
        if enc != "utf-8":
            raw = raw  # BOM written by the codec above
        doc = decode(raw, "x.txt")
        assert doc.bom and doc.encoding == enc and doc.text.startswith("hi")
        assert encode(doc, doc.text) == raw
    doc = decode(b"one\r\ntwo\r\n", "x.txt")
    assert doc.newline == "\r\n" and not doc.bom


def test_plain_text_blocks_of_the_seed_article() -> None:
    doc = Document((FIXTURES / "us-pakistan-relations.txt").read_text(encoding="utf-8"), "seed.txt")
    kinds = {b.first_line: b.kind for b in doc.blocks}
    assert kinds[1] is BlockKind.HEADING
    assert kinds[5] is BlockKind.LIST_ITEM
    assert doc.blocks[2].text.startswith("America's withdrawal")  # bullet marker excluded
    assert kinds[7] is BlockKind.LINE  # "archival" between bullets
    assert kinds[21] is BlockKind.HEADING  # "Troubled relationship" followed by prose
    assert kinds[23] is BlockKind.PARAGRAPH
    seven = next(b for b in doc.blocks if b.first_line == 7)
    assert doc.text[seven.start : seven.end] == "archival"
    edit = doc.deletion(seven)
    assert doc.text[edit.start : edit.end] == "    archival\n\n"


def test_deleting_the_last_line_removes_the_blank_line_before_it() -> None:
    doc = Document("Prose here.\n\nFooter line")
    edit = doc.deletion(doc.blocks[-1])
    # The file had no final newline, and still has none.
    assert doc.text[: edit.start] + doc.text[edit.end :] == "Prose here."


def test_hard_wrapped_plain_text_forms_paragraphs() -> None:
    line = "This paragraph is wrapped at a fixed width the way e-mail and old files are, "
    doc = Document(f"{line}\n{line}\n{line}\nand it ends here.\n\n{line}\n{line}\n{line}\nend.\n")
    assert [(b.first_line, b.last_line) for b in doc.blocks] == [(1, 4), (6, 9)]


def test_an_email_quoting_its_message_reads_as_typed_text() -> None:
    reply = "Short answer: yes.\n\n> Can the modem act as a bridge,\n> or must it route?\n>\n> Dana\n"
    assert Document(reply).hard_wrapped
    session = "Use the shell:\n\n>>> x = 1\n>>> y = 2\n>>> x + y\n3\n>>>\n>>>\n"
    assert not Document(session).hard_wrapped  # an interpreter's prompts are no quoted mail
    paragraph = "The council approved the budget on Monday after a debate that lasted most of the night, " * 2
    page = f"{paragraph}\n> First related story\n> Second related story\n> Third related story\n{paragraph}\n"
    assert not Document(page).hard_wrapped  # a page's paragraphs, one per line, quoting three lines


def test_sentences_do_not_split_after_abbreviations() -> None:
    doc = Document("Mr. Khan met U.S. officials on Nov. 27 at 5 p.m. in Washington. they left. S. Paul Kapur spoke.")
    assert [s.text for s in doc.sentences] == [
        "Mr. Khan met U.S. officials on Nov. 27 at 5 p.m. in Washington.",
        "they left.",
        "S. Paul Kapur spoke.",
    ]


MARKDOWN = """\
---
title: archival
---
# A heading with `code`

Prose with a [link text](https://example.com/picture "Photo") and <!-- a comment --> **bold** words.

```
archival inside a fence
```

    indented code block

- list item one
- list item two

> quoted prose
"""


def test_markdown_masks_code_urls_comments_and_front_matter() -> None:
    doc = Document(MARKDOWN, "x.md", "markdown")
    assert len(doc.prose) == len(doc.text)
    assert "title" not in doc.prose and "archival" not in doc.prose
    assert "example.com" not in doc.prose and "a comment" not in doc.prose and "`code`" not in doc.prose
    assert "indented code" not in doc.prose
    assert "link text" in doc.prose and "bold" in doc.prose and "**" not in doc.prose
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds[0] == (BlockKind.HEADING, "A heading with")
    assert (BlockKind.LIST_ITEM, "list item one") in kinds
    assert (BlockKind.LINE, "quoted prose") in kinds
    start = doc.prose.index("link text")
    assert doc.text[start : start + 9] == "link text"  # offsets are the file's offsets
    assert doc.position(start) == (6, 15)

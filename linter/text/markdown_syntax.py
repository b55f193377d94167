"""The Markdown syntax patterns of mtlint.text.markdown: compiled when the first Markdown document is
parsed, so that a run over plain text never compiles them."""

from __future__ import annotations

import regex

from mtlint.text.regexes import compiled

NEWLINE = compiled(r"\r\n|\r|\n")
FRONT_MATTER = compiled(
    r"\A(?:---|\+\+\+)[ \t]*(?:\r\n|\r|\n).*?(?:\r\n|\r|\n)(?:---|\+\+\+|\.\.\.)[ \t]*(?:\r\n|\r|\n|\Z)", regex.S
)
CONTAINER = compiled(r"^[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]+\[[ xX]\])?[ \t]+)?", regex.M)
ATX = compiled(r"^[ \t]*(?:>[ \t]?)*[ \t]*#{1,6}(?:[ \t]+|$)", regex.M)
ATX_CLOSE = compiled(r"[ \t]+#+[ \t]*$", regex.M)
INLINE_MASKS = [
    compiled(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", regex.S),  # code spans
    compiled(r"<!--.*?-->", regex.S),  # HTML comments
    compiled(r"<(?:https?|ftp|mailto):[^>\s]*>"),  # autolinks
    compiled(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"),  # inline HTML tags
    compiled(r"\]\((?:[^()\s]|\([^()]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\)"),  # ](destination "title")
    compiled(r"\]\[[^\]]*\]"),  # ][reference]
    compiled(r"!?\[(?=[^\]]*\])"),  # opening bracket of a link or image
    compiled(r"(?<![\p{L}\p{N}\\])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\p{L}\p{N}])"),  # emphasis
    compiled(r"~~"),
    compiled(r"\\(?=[!-/:-@\[-`{-~])"),  # backslash escapes
    # bare URLs; a closing parenthesis or final punctuation belongs to the prose around, unless balanced
    compiled(r"\bhttps?://(?:[^\s()<>]|\([^\s()<>]*\))+(?<![.,;:!?'\"])"),
]


# Indexes into INLINE_MASKS of markup that can stand before a sentence's first prose word: code spans,
# autolinks, inline HTML, link destinations and references, link brackets, emphasis, bare URLs
# (not HTML comments, strikethrough or backslash escapes).
LEADING_MARKUP = (0, 2, 3, 4, 5, 6, 7, 10)
ADMONITION = compiled(
    r"[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:!!!|\?\?\?\+?|:{3,})[ \t]*\{?[\w-]+\}?(?=[ \t]|$)|===\+?(?=[ \t]+[\"']))"
)  # also pymdown tabs: `=== "Tab title"`
CODE_WORD = compiled(r"[\p{L}][\p{L}\p{N}_\-]*")

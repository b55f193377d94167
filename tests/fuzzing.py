"""What the fuzz tests, bench/mutate.py and bench/fuzz.py are made of: real sentences, the characters
machine-translated pages carry, random mutation of a document, and shrinking a failing text.

No Hypothesis here (tests/test_fuzz.py builds its strategies from these pieces), so the bench scripts
need only mtlint itself.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from mtlint.engine.config import Config
from mtlint.engine.ruleset import build_rules
from mtlint.engine.runner import RuleFailure, run_rules
from mtlint.rule import Rule
from mtlint.text.document import Document

DATA = Path(__file__).resolve().parent / "data" / "fuzz" / "sentences.txt"


def _sentences() -> tuple[str, ...]:
    lines = DATA.read_text(encoding="utf-8").splitlines()
    return tuple(line for line in lines if line.strip() and not line.startswith("#"))


SENTENCES = _sentences()

QUOTES = (
    '"', "'", "“", "”", "„", "‟", "‘", "’", "‚", "‛", "«", "»", "‹", "›", "「", "」", "″", "＂", "`",
)  # fmt: skip
BRACKETS = ("(", ")", "[", "]", "{", "}", "（", "）", "〈", "〉", "<", ">")
DASHES = ("-", "–", "—", "―", "‒", "−", "--", "---", " - ", " — ")
PUNCTUATION = (".", ",", ";", ":", "!", "?", "…", "...", "؟", "،", "؛", "·", "•", "*", "/", "\\", "&", "%", "#", "|")
INVISIBLE = (
    "\u200f",  # RLM
    "\u200e",  # LRM
    "\u200b",  # ZWSP
    "\u200c",  # ZWNJ
    "\u200d",  # ZWJ
    "\ufeff",  # BOM / ZWNBSP inside the text
    "\u00ad",  # soft hyphen
    "\u00a0",  # NBSP
    "\u202f",  # narrow NBSP
    "\u2060",  # word joiner
    "\u061c",  # Arabic letter mark
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",  # embeddings and overrides
    "\u2066", "\u2067", "\u2068", "\u2069",  # isolates
    "\t", "\x0b", "\x0c", "\x85", "\u2028", "\u2029",  # whitespace other tools treat as line breaks
)  # fmt: skip
# Letters whose case mapping changes length or that sit outside Latin: offsets computed on a lowered or
# uppercased copy of the text drift on these.
LETTERS = ("İ", "ß", "ﬁ", "ǅ", "ŉ", "Σ", "ς", "é", "e\u0301", "👍🏽", "👩\u200d💻", "سلام", "שלום", "東京", "Ærø")
NEWLINES = ("\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\r\r", "\n\r")
MARKDOWN = (
    "# ", "## ", "###### ", "- ", "* ", "+ ", "1. ", "2) ", "> ", "> > ", "    ", "`", "``", "```", "~~~",
    "**", "__", "_", "*", "~~", "[", "]", "](", "![", "[^1]", "<b>", "</b>", "<br/>", "<!--", "-->",
    "<https://", "|", "| --- |", "&amp;", "&#x201C;", "\\", "---", "===", "[x] ", "[link](https://example.org)",
)  # fmt: skip
PIECES = QUOTES + BRACKETS + DASHES + PUNCTUATION + INVISIBLE + LETTERS + NEWLINES + MARKDOWN
# What MT405's crash was found with: quotes, brackets and dashes inserted into real pages.
DELIMITERS = QUOTES + BRACKETS + DASHES


def rules_under_test() -> tuple[Rule, ...]:
    """Every built-in rule that runs without a server: the default set (MT501 needs LanguageTool/Harper)."""
    return build_rules(Config()).rules


# -- documents from real sentences ------------------------------------------------------------------
def paragraph(rng: random.Random) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(1, 4)))


def short(rng: random.Random) -> str:
    words = rng.choice(SENTENCES).rstrip(".!?").split()
    n = rng.randint(1, min(8, len(words)))
    return " ".join(words[:n])


def block(rng: random.Random, markdown: bool) -> str:
    """One block of a document: mostly prose, sometimes one of the constructs MT output carries."""
    kind = rng.choice(["p", "p", "p", "p", "heading", "list", "quote", "code", "table", "link", "html", "line"])
    if kind == "heading":
        return ("#" * rng.randint(1, 3) + " " if markdown else "") + short(rng)
    if kind == "list":
        marker = rng.choice(["- ", "* ", "1. ", "• ", "a) "])
        return "\n".join(marker + rng.choice(SENTENCES) for _ in range(rng.randint(2, 4)))
    if kind == "quote":
        return "> " + paragraph(rng) if markdown else "“" + paragraph(rng) + "”"
    if kind == "code":
        if not markdown:
            return "    " + short(rng)
        fence = rng.choice(["```", "~~~"])
        return f'{fence}{rng.choice(["", "python", "text"])}\n{short(rng)} "{short(rng)}\n{fence}'
    if kind == "table":
        rows = [f"| {short(rng)} | {short(rng)} |" for _ in range(rng.randint(1, 3))]
        return "\n".join([rows[0], "| --- | --- |", *rows[1:]])
    if kind == "link":
        words = short(rng)
        target = rng.choice(["https://example.org/a_(b)", "/docs/start.html", "#section", "https://x.test/?q=“a”"])
        return f"{rng.choice(['', '!'])}[{words}]({target}) {rng.choice(SENTENCES)}"
    if kind == "html":
        return f"<{rng.choice(['p', 'div', 'span'])}>{rng.choice(SENTENCES)}</p>"
    if kind == "line":
        return short(rng)
    return paragraph(rng)


def document(rng: random.Random, markdown: bool | None = None) -> tuple[str, str]:
    """(text, format): a document of 1 to 8 blocks, its line endings sometimes mixed."""
    fmt_md = rng.random() < 0.5 if markdown is None else markdown
    newline = rng.choice(["\n", "\n", "\r\n", "\r"])
    parts: list[str] = []
    for i in range(rng.randint(1, 8)):
        if i:
            parts.append(rng.choice(NEWLINES) if rng.random() < 0.2 else newline * 2)
        parts.append(block(rng, fmt_md).replace("\n", newline))
    if rng.random() < 0.7:
        parts.append(newline)
    return "".join(parts), "markdown" if fmt_md else "text"


# -- mutation -----------------------------------------------------------------------------------------
def mutate(text: str, rng: random.Random, edits: int, pieces: Sequence[str] = PIECES) -> str:
    """`text` with `edits` random changes: pieces inserted (anywhere, or at a line start), punctuation
    swapped for another shape, line endings changed."""
    out = text
    for _ in range(edits):
        roll = rng.random()
        if roll < 0.6 or not out:
            i = rng.randint(0, len(out))
            out = out[:i] + rng.choice(pieces) + out[i:]
        elif roll < 0.75:
            starts = [0] + [i + 1 for i, ch in enumerate(out) if ch in "\r\n"]
            i = rng.choice(starts)
            out = out[:i] + rng.choice(MARKDOWN + DELIMITERS) + out[i:]
        elif roll < 0.9:
            spots = [i for i, ch in enumerate(out) if not ch.isalnum() and not ch.isspace()]
            if spots:
                i = rng.choice(spots)
                out = out[:i] + rng.choice(DELIMITERS + PUNCTUATION) + out[i + 1 :]
        else:
            spots = [i for i, ch in enumerate(out) if ch == "\n"]
            if spots:
                i = rng.choice(spots)
                out = out[:i] + rng.choice(NEWLINES) + out[i + 1 :]
    return out


# -- checking and shrinking -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Crash:
    """A rule that failed on a text: what failed, and the smallest text found that still fails."""

    source: str
    failure: RuleFailure
    text: str
    snippet: str
    format: str

    @property
    def signature(self) -> tuple[str, str]:
        return self.failure.code, self.failure.message


def failures(text: str, fmt: str, rules: Sequence[Rule]) -> tuple[RuleFailure, ...]:
    return run_rules(Document(text, "fuzz.md" if fmt == "markdown" else "fuzz.txt", fmt), rules).failures


def shrink(text: str, still_fails: Callable[[str], bool], budget: float = 10.0) -> str:
    """The shortest text found (lines, then characters, ddmin style) for which `still_fails` holds."""
    deadline = time.monotonic() + budget
    for unit in ("lines", "chars"):
        parts = text.splitlines(keepends=True) if unit == "lines" else list(text)
        n = 2
        while len(parts) >= 2 and time.monotonic() < deadline:
            size = max(1, len(parts) // n)
            for i in range(0, len(parts), size):
                rest = parts[:i] + parts[i + size :]
                if rest and still_fails("".join(rest)):
                    parts = rest
                    n = max(n - 1, 2)
                    break
            else:
                if size == 1:
                    break
                n = min(len(parts), n * 2)
        text = "".join(parts)
    return text


def crash_of(source: str, text: str, fmt: str, failure: RuleFailure, rules: Sequence[Rule], budget: float) -> Crash:
    """Shrink `text` to a small snippet on which the same rule fails with the same exception type."""
    rule = [r for r in rules if r.code == failure.code]

    def still_fails(candidate: str) -> bool:
        try:
            found = failures(candidate, fmt, rule)
        except Exception:  # the document model itself failed outside any rule: a different bug
            return False
        return any(f.exception == failure.exception for f in found)

    return Crash(source, failure, text, shrink(text, still_fails, budget), fmt)

"""The fixer: overlapping edits, re-linting, non-convergence. Its properties on real text (idempotence,
bytes outside the edits kept) are in tests/test_fuzz.py."""

from __future__ import annotations

from collections.abc import Iterator

from mtlint.engine.fixer import MAX_PASSES
from mtlint.engine.ruleset import fix
from mtlint.model import Edit, Finding, Fix
from mtlint.rule import Rule
from mtlint.text.document import Document


class Grow(Rule):
    """Always wants one more exclamation mark: a fix that never converges."""

    code, name, category, fixable = "TT001", "grow", "grammar", True

    def check(self, doc: Document) -> Iterator[Finding]:
        yield self.finding(0, 0, "more", Fix.safe(Edit(0, 0, "!")))


class WholeWord(Rule):
    """Replaces 'aaa' with 'b'; overlapping with Pair below."""

    code, name, category, fixable = "TT002", "whole", "grammar", True

    def check(self, doc: Document) -> Iterator[Finding]:
        i = doc.text.find("aaa")
        if i >= 0:
            yield self.finding(i, i + 3, "aaa", Fix.safe(Edit(i, i + 3, "b")))


class Pair(Rule):
    """Replaces the first 'aa' after the start with 'c' (inside 'aaa' it overlaps WholeWord's edit)."""

    code, name, category, fixable = "TT003", "pair", "grammar", True

    def check(self, doc: Document) -> Iterator[Finding]:
        i = doc.text.find("aa", 3)
        if i >= 0:
            yield self.finding(i, i + 2, "aa", Fix.unsafe(Edit(i, i + 2, "c")))


def test_non_converging_fix_keeps_the_original() -> None:
    doc = Document("text")
    out = fix(doc, [Grow()], unsafe=False)
    assert (out.text, out.converged, out.passes) == ("text", False, MAX_PASSES)


def test_overlapping_edits_keep_the_first_and_relint() -> None:
    doc = Document("x aaa aa")
    out = fix(doc, [WholeWord(), Pair()], unsafe=True)
    # Pass 1: 'aaa' -> 'b' wins over the overlapping 'aa' at the same place; pass 2 fixes the later 'aa'.
    assert out.text == "x b c" and out.converged
    assert fix(doc, [WholeWord(), Pair()], unsafe=False).text == "x b aa"  # unsafe fix left alone

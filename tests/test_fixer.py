"""The fixer: overlapping edits, re-linting, non-convergence, and the byte-preservation property."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mtlint.engine.config import Config
from mtlint.engine.fixer import MAX_PASSES, choose_edits, splice
from mtlint.engine.packs import pack_rule_class, parse_pack
from mtlint.engine.ruleset import build_rules, fix
from mtlint.engine.runner import run_rules
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


def _all_rules():
    pack = parse_pack(
        {
            "code": "HS001",
            "name": "house-style",
            "category": "literal-idiom",
            "fix": "safe",
            "entry": [{"phrase": "in the wind", "replacement": "in vain"}, {"pattern": r"\s+$", "replacement": ""}],
        },
        "h.toml",
    )
    builtin = list(build_rules(Config()).rules)
    return builtin + [pack_rule_class(pack)()]


RULES = _all_rules()
PIECES = ["in the wind", "\n", "\r\n", "\n\n", " ", "  ", ".", "The", "and", "# ", "- ", "`", "**", "<!--", "-->"]
TEXT = st.lists(st.one_of(st.text(max_size=6), st.sampled_from(PIECES)), max_size=60).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.sampled_from(["text", "markdown"]))
def test_linting_never_raises_and_fixing_is_idempotent(text: str, fmt: str) -> None:
    doc = Document(text, "x.md" if fmt == "markdown" else "x.txt", fmt)
    result = run_rules(doc, RULES)
    assert result.failures == ()
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(text)
    once = fix(doc, RULES, unsafe=True)
    twice = fix(Document(once.text, doc.path, fmt), RULES, unsafe=True)
    assert twice.text == once.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_text_outside_applied_edits_is_unchanged(text: str) -> None:
    doc = Document(text)
    edits, _ = choose_edits(run_rules(doc, RULES).findings, unsafe=True)
    fixed = splice(text, edits)
    # Walk the gaps between edits: each must appear verbatim, in order, at its shifted offset.
    shift = 0
    cursor = 0
    for e in edits:
        assert fixed[cursor + shift : e.start + shift] == text[cursor : e.start]
        shift += len(e.replacement) - (e.end - e.start)
        cursor = e.end
    assert fixed[cursor + shift :] == text[cursor:]
    for a, b in itertools.pairwise(edits):
        assert a.end <= b.start

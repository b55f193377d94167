"""Cheap tests that let a rule skip text before its real patterns run. Each must pass every text the
real patterns match (a prefilter may let through too much, never too little); these tests try odd
letters on purpose: case folding that changes length, dotted and dotless i, ligatures, marks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mtlint.rules.sentence import repeated_word

PIECES = [
    "the", "The", "THE", "to", " ", "  ", "\t", "\n", ",", "(", "İ", "ı", "i", "I", "ß", "ss", "SS", "ẞ", "ſ", "s",
    "ǅ", "ǆ", "a", "A", "2", "_", "'", "-", "é", "e\u0301", "ﬁ", "fi", "Σ", "σ", "ς", "K", "k", "\u212a",
]  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=8))
def test_repeated_word_prefilter_passes_every_repeat(pieces) -> None:
    text = "".join(pieces)
    if repeated_word._REPEAT.search(text) or repeated_word._RUN.search(text):
        assert repeated_word._PAIR.search(repeated_word._fold(text.casefold()))

"""Cheap tests that let a rule skip text before its real patterns run. Each must pass every text the
real patterns match (a prefilter may let through too much, never too little); these tests try odd
letters on purpose: case folding that changes length, dotted and dotless i, ligatures, marks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mtlint.rules.sentence import dangling_word, repeated_word
from mtlint.text.document import fold_case

PIECES = [
    "the", "The", "THE", "to", " ", "  ", "\t", "\n", ",", "(", "İ", "ı", "i", "I", "ß", "ss", "SS", "ẞ", "ſ", "s",
    "ǅ", "ǆ", "a", "A", "2", "_", "'", "-", "é", "e\u0301", "ﬁ", "fi", "Σ", "σ", "ς", "K", "k", "\u212a",
]  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=8))
def test_repeated_word_prefilter_passes_every_repeat(pieces) -> None:
    text = "".join(pieces)
    if repeated_word._REPEAT.search(text) or repeated_word._RUN.search(text):
        assert repeated_word._PAIR.search(fold_case(text))


ASCII = ["the", "to", "theory", "a", "an", " ", "  ", "\t", "\n", ",", "2", "_", "'", "-", "x", "xx"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(ASCII), min_size=1, max_size=8))
def test_repeated_word_ascii_prefilter_is_the_same_test(pieces) -> None:
    folded = fold_case("".join(pieces))
    assert repeated_word._may_repeat(folded) == bool(repeated_word._PAIR.search(folded))


DANGLING = ["the", "The", "THE", "its", "İTS", "ıts", "ſuch aſ", "such as", "prior to", "PRIOR TO", "is", "very",
            "definitely", "DEFİNİTELY", " ", "\t", ",", ".", ";", "!", "?", ":", "x", "\n"]  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(DANGLING), min_size=1, max_size=6))
def test_dangling_word_prefilter_passes_every_match(pieces) -> None:
    text = "".join(pieces)
    patterns = (dangling_word._DETERMINER, dangling_word._PREPOSITION, dangling_word._COPULA_ADVERB)
    if any(p.search(text) for p in patterns):
        assert dangling_word._ANY_END.search(fold_case(text))


MARKS = [
    "word",
    "Word",
    "ab",
    "Ab",
    " ",
    "  ",
    "\t",
    "\u00a0",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "”",
    '"',
    "’",
    "»",
    "x",
    "\n",
]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(MARKS), min_size=1, max_size=8))
def test_spacing_and_punctuation_prefilters_pass_every_match(pieces) -> None:
    from mtlint.rules.casing import glued_capital
    from mtlint.rules.sentence import spacing, stray_punctuation

    text = "".join(pieces)
    if spacing._DOUBLE.search(text):
        assert "  " in text
    if spacing._BEFORE.search(text):
        assert spacing._SPACE_BEFORE_MARK.search(text)
    if spacing._GLUED.search(text):
        assert spacing._MARK_BEFORE_CAPITAL.search(text)
    if any(p.search(text) for p in (stray_punctuation._PAIR, stray_punctuation._ENDED, stray_punctuation._QUOTE_COMMA)):
        assert stray_punctuation._MARKS_TOGETHER.search(text)
    if glued_capital._GLUED.search(text):
        assert glued_capital._CASE_CHANGE.search(text)

"""Required literals of pack patterns: the prefilter that lets a run skip (and never compile) entries
that cannot match. It must never hide a match, so these tests compare it with the compiled patterns."""

from __future__ import annotations

import sys

import pytest
import regex

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 only
    import tomli as tomllib
from hypothesis import given, settings
from hypothesis import strategies as st

from mtlint.engine.literals import literal_prefixes, pattern_literals, required_literals
from mtlint.engine.packs import _parsed, check_pattern, load_builtin_pack, stored_literals
from mtlint.engine.patterns import LazyPattern, PackPattern, Prefilter
from tests.helpers import FIXTURES

BUILTIN_PACKS = ("boilerplate.toml", "caption-words.toml", "literal-idiom.toml")


@pytest.mark.parametrize(
    "pattern,literals",
    [
        (r"(?<![\p{L}\p{N}])in\s+the\s+wind(?![\p{L}\p{N}])", {"wind"}),
        (r"continue\s+reading\b|keep\s+reading\b", {"continue", "reading"}),
        (r"(?:read|view)\s+(?:the\s+)?full\s+(?:article|story)", {"article", "story"}),
        (r"related\s+articles?", {"related"}),
        (r"don.t\s+miss", {"miss"}),
        (r"\bhot\s+search\s+lists?\b|\bon\s+(?:the\s+)?(?:Weibo\s+)?hot\s+search\b", {"search"}),
        (r"at\s+\d+\s+o[\x27’]clock", {"clock"}),
        (r"Photo", {"photo"}),
        (r"x{2,}y", {"x"}),
        (r"a{3}bc", {"bc"}),
    ],
)
def test_required_literals(pattern, literals) -> None:
    found = required_literals(pattern)
    assert found == frozenset(literals)  # the most selective requirement: its shortest literal is longest
    assert all(any(lit in m for lit in found) for m in _samples(pattern))


def _samples(pattern: str) -> list[str]:
    texts = [
        "in the wind",
        "Continue reading",
        "read the full article",
        "related articles",
        "don't miss",
        "on Weibo hot search",
        "at 5 o'clock",
        "PHOTO",
        "xxxy",
        "aaabc",
    ]
    return [m.group(0).casefold() for t in texts for m in regex.finditer(pattern, t, regex.I)]


@pytest.mark.parametrize(
    "pattern",
    [r"\p{Lu}+", r"(?x) a b", r".*", r"(a)?\1", r"©\s*\d{4}", r"(?:a|)b?", r"x{e<=1}", r"(?(1)a|b)", r"[a-z]+"],
)
def test_patterns_without_a_safe_literal_get_none(pattern) -> None:
    assert required_literals(pattern) is None


@pytest.mark.parametrize("pack", BUILTIN_PACKS)
def test_builtin_pack_patterns_compile_and_have_literals(pack) -> None:
    """The built-in packs are not compiled when loaded (that costs every run); this checks them instead."""
    entries = load_builtin_pack(pack).entries
    for i, e in enumerate(entries):
        check_pattern(e.regex, f"{pack}: entry {i + 1}")
    without = [e.source for e in entries if e.regex.literals is None]
    assert len(without) <= 1, without  # the copyright sign is not ASCII: that entry is always run


def test_parsed_packs_are_current() -> None:
    """Runs read the built-in packs from rules/packs/parsed.json instead of their TOML; after editing a
    built-in pack, rerun scripts/build_parsed.py."""
    import zlib

    from tests.helpers import ROOT

    stored = _parsed()["packs"]
    assert set(stored) == set(BUILTIN_PACKS)
    for name in BUILTIN_PACKS:
        text = (ROOT / "rules" / "packs" / name).read_text(encoding="utf-8")
        assert stored[name]["crc32"] == zlib.crc32(text.encode("utf-8")), name
        assert stored[name]["data"] == tomllib.loads(text), name


def test_a_pack_edited_since_it_was_stored_is_read_from_its_toml(monkeypatch: pytest.MonkeyPatch) -> None:
    from mtlint.engine import packs

    stale = {"packs": {"boilerplate.toml": {"crc32": 0, "data": {"entry": []}}}, "patterns": {}}
    monkeypatch.setattr(packs, "_parsed", lambda: stale)
    fresh = packs.load_builtin_pack.__wrapped__("boilerplate.toml")
    assert [e.source for e in fresh.entries] == [e.source for e in load_builtin_pack("boilerplate.toml").entries]


def test_stored_literals_are_what_the_analysis_finds() -> None:
    """Runs read the built-in packs' literals from rules/packs/parsed.json instead of from the patterns;
    after editing a built-in pack or literals.py, rerun scripts/build_parsed.py."""
    stored = stored_literals()
    assert set(stored) == {e.regex.pattern for pack in BUILTIN_PACKS for e in load_builtin_pack(pack).entries}
    for pattern, found in stored.items():
        assert found == pattern_literals(pattern), pattern
    entry = load_builtin_pack("literal-idiom.toml").entries[0]
    assert "literals_found" in entry.regex.__dict__  # known before any text is searched


def _fixture_lines() -> list[str]:
    out: list[str] = []
    for p in sorted(FIXTURES.rglob("*")):
        if p.suffix in (".txt", ".md", ".toml"):
            out += [line for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


@pytest.mark.parametrize("pack", BUILTIN_PACKS)
def test_prefilter_never_hides_a_match_in_the_fixtures(pack) -> None:
    entries = load_builtin_pack(pack).entries
    pre = Prefilter(e.regex for e in entries)
    for line in _fixture_lines():
        possible = pre.possible(line)
        for i, e in enumerate(entries):
            if e.regex.compiled.search(line):
                assert i in possible, (e.source, line)
                assert e.regex.search(line) is not None
            for pos in _word_starts(line):
                if e.regex.compiled.match(line, pos):
                    assert e.regex.match(line, pos) is not None, (e.source, line, pos)


def _word_starts(line: str) -> list[int]:
    return [0] + [m.start() for m in regex.finditer(r"(?<=\s)\S", line)][:8]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Read", "more", "ſee", "ALSO", "K", "ı", "İ", "ß", "click", "Here", " ", ":", "\n", "é"]),
        max_size=12,
    )
)
def test_prefilter_agrees_with_the_compiled_patterns_on_odd_text(pieces) -> None:
    text = "".join(pieces)
    entries = load_builtin_pack("boilerplate.toml").entries
    pre = Prefilter(e.regex for e in entries)
    possible = pre.possible(text)
    for i, e in enumerate(entries):
        if e.regex.compiled.search(text):
            assert i in possible and e.regex.may_match(text)
        for pos in range(len(text)):
            if e.regex.compiled.match(text, pos):
                assert e.regex.match(text, pos) is not None, (e.source, text, pos)


@pytest.mark.parametrize(
    "pattern,prefixes",
    [
        (r"(?<![\p{L}\p{N}])in\s+the\s+wind(?![\p{L}\p{N}])", {"in"}),
        (r"(?:also\s+read|read\s+more|see\s+also)\s*[:>]", {"also", "read", "see"}),
        (r"\bPhoto\b", {"photo"}),
        (r"(?:ab)+c", {"ab"}),
        (r"x?y", {"xy", "y"}),
        (r"(?i:Foo|bar)baz", {"foobaz", "barbaz"}),
        (r"a{2,3}b", {"a"}),
        (r"x*y", None),
        (r"\s*foo", None),
        (r"©foo", None),
        (r"(?:a|)b", {"ab", "b"}),
        (r"(?:a|.)b", None),
    ],
)
def test_literal_prefixes(pattern, prefixes) -> None:
    found = literal_prefixes(pattern)
    assert found == (None if prefixes is None else tuple(sorted(prefixes)))
    for sample in _samples(pattern):
        m = regex.match(pattern, sample, regex.I)
        if m and found:
            assert any(sample.casefold().startswith(p) for p in found), sample


def test_a_match_is_tried_only_where_a_prefix_starts() -> None:
    p = PackPattern(r"\b(?:read|see)\s+more\b", regex.I | regex.V0)
    assert p.match("You should read more") is None
    assert "compiled" not in p.__dict__
    assert p.match("You should read more", 11) is not None
    assert p.match("SEE more") is not None
    assert p.fullmatch("Read  More") is not None


def test_a_pattern_is_compiled_only_when_its_literal_is_present() -> None:
    p = PackPattern(r"\bclick\s+here\b", regex.I | regex.V0)
    assert p.search("nothing to see") is None
    assert "compiled" not in p.__dict__
    assert p.search("Please CLICK here now") is not None
    assert "compiled" in p.__dict__


def test_ranges_of_a_text_whose_case_folding_changes_length() -> None:
    p = PackPattern(r"here", regex.I | regex.V0)
    text = "Straße ß here"  # ß folds to two letters, so offsets of the folded text shift
    assert p.search(text, 7) is not None
    assert p.search(text, 0, 9) is None
    assert list(p.finditer(text, 9, len(text)))


def test_a_lazy_pattern_compiles_on_first_use() -> None:
    p = LazyPattern(r"\p{L}+", regex.V0)
    assert "compiled" not in p.__dict__
    assert p.findall("ab 12 cd") == ["ab", "cd"] and p.sub("x", "ab 1") == "x 1"
    assert "compiled" in p.__dict__ and p.groups == 0  # other attributes come from the compiled pattern

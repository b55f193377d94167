"""Rule packs: data-only rules, their validation, and the pattern timeout."""

from __future__ import annotations

import pytest

from mtlint.engine.packs import PackError, pack_rule_class, parse_pack
from mtlint.engine.runner import run_rules
from mtlint.text.document import Document
from tests.helpers import mtlint


def _pack(**overrides):
    data = {
        "code": "HS001",
        "name": "house-style",
        "category": "literal-idiom",
        "entry": [{"phrase": "in the wind", "replacement": "in vain"}],
    }
    data.update(overrides)
    return parse_pack(data, "house.toml")


def test_phrase_matches_whole_words_across_whitespace_and_keeps_case() -> None:
    rule = pack_rule_class(_pack())()
    doc = Document("In the \t wind. Within the winds. in the wind")
    found = list(run_rules(doc, [rule]).findings)
    assert [(f.start, f.end) for f in found] == [(0, 13), (33, 44)]
    assert found[0].fix is not None and found[0].fix.edits[0].replacement == "In vain"


@pytest.mark.parametrize(
    "overrides,message",
    [
        ({"entry": [{"pattern": "(unclosed"}]}, "house.toml: entry 1: invalid pattern '(unclosed'"),
        (
            {"entry": [{"phrase": "a", "pattern": "b"}]},
            "house.toml: entry 1: give exactly one of 'phrase' or 'pattern'",
        ),
        ({"entry": []}, "house.toml: a pack needs at least one [[entry]]"),
        ({"category": "nonsense"}, "house.toml: unknown category 'nonsense'"),
        ({"scope": "page"}, "house.toml: scope must be one of line, paragraph, text, not 'page'"),
        ({"colour": "red"}, "house.toml: unknown key(s) colour"),
        ({"name": "House Style"}, "house.toml: name 'House Style' must be kebab-case"),
        ({"entry": [{"pattern": "x*"}]}, "house.toml: entry 1: pattern 'x*' matches the empty string"),
    ],
)
def test_invalid_packs_are_rejected_with_the_file_and_problem(overrides, message) -> None:
    with pytest.raises(PackError) as err:
        _pack(**overrides)
    assert str(err.value).startswith(message)


def test_invalid_pack_from_config_is_one_line_exit_2(tmp_path) -> None:
    (tmp_path / "bad.toml").write_text(
        'code = "HS002"\nname = "bad"\ncategory = "grammar"\n[[entry]]\npattern = "(a"\n', encoding="utf-8"
    )
    (tmp_path / ".mtlint.toml").write_text('packs = ["bad.toml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("text\n", encoding="utf-8")
    res = mtlint("check", str(tmp_path / "a.txt"))
    assert res.code == 2
    assert len(res.err.strip().splitlines()) == 1
    assert "bad.toml: entry 1: invalid pattern '(a': missing )" in res.err
    assert "Traceback" not in res.err


def test_catastrophic_pattern_times_out_as_a_rule_error(tmp_path) -> None:
    (tmp_path / "slow.toml").write_text(
        'code = "HS003"\nname = "slow"\ncategory = "grammar"\nscope = "text"\n[[entry]]\npattern = \'(a|aa)+$\'\n',
        encoding="utf-8",
    )
    (tmp_path / ".mtlint.toml").write_text('packs = ["slow.toml"]\nselect = ["HS003"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("a" * 60 + "b\n", encoding="utf-8")
    res = mtlint("check", str(tmp_path / "a.txt"))
    assert res.code == 2
    assert "rule slow (HS003) failed: PatternTimeout: pattern '(a|aa)+$' timed out after 1s" in res.err
    assert "Traceback" not in res.err


def test_user_pack_runs_beside_builtins_and_fixes(project) -> None:
    path = project("a.txt", "It was all in the wind, very very much.\n")
    res = mtlint("check", "--fix", str(path), cwd=project.root)
    assert res.code == 0, res.out + res.err
    assert path.read_text(encoding="utf-8") == "It was all in vain, very much.\n"


def _naive(rule, doc):
    """Scope-by-scope matching: what the whole-text shortcut must reproduce exactly."""
    text = doc.prose
    out = set()
    for s, e in rule.scopes(doc):
        for entry in rule.entries:
            for m in entry.regex.finditer(text, s, e):
                if m.end() > m.start() and not (
                    entry.whole and (text[s : m.start()].strip() or text[m.end() : e].strip())
                ):
                    out.add((m.start(), m.end()))
    return out


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = [
    "in the wind",
    "made the aid",
    " ",
    "\n",
    "\n\n",
    "very very",
    "hot tin",
    "roof",
    "the dough",
    "- ",
    "two drops of water",
    ".",
    "x",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join), st.sampled_from(["line", "paragraph"]))
def test_whole_text_matching_equals_scope_by_scope(text, scope) -> None:
    pack = parse_pack(
        {
            "code": "HS009",
            "name": "mixed",
            "category": "literal-idiom",
            "scope": scope,
            "entry": [
                {"phrase": "in the wind"},
                {"pattern": r"very\s+very"},
                {"pattern": r"hot\s+tin(?!\s+roof)"},
                {"pattern": r"wind\s+made"},
                {"phrase": "x", "whole": True},
                {"pattern": r"drops\s+of\s+water\s*$"},
            ],
        },
        "mixed.toml",
    )
    rule = pack_rule_class(pack)()
    doc = Document(text)
    got = {(f.start, f.end) for f in run_rules(doc, [rule]).findings}
    assert got == _naive(rule, doc)

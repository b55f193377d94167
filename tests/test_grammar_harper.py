"""MT501 with the offline Harper backend, for real: real sentences, exact findings, the allowlist's data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtlint.engine.config import Config
from mtlint.engine.ruleset import SetupError, build_rules
from mtlint.engine.runner import run_rules
from mtlint.text.document import Document
from tests.helpers import mtlint

harper = pytest.importorskip("harper")

from mtlint.rules.grammar.harper import allowlist  # noqa: E402

HARPER = (("backend", "harper"),)

# News prose written for the project, in the patterns of edited English: none of it may be flagged.
# The allowlist was chosen on the dev corpus; these sentences are a check it holds beyond it.
CLEAN = """\
The central bank left its main interest rate unchanged on Thursday, saying inflation had eased faster than expected.
Analysts had forecast a cut of a quarter of a percentage point, but the governor wanted more evidence.
"We are not there yet," she told reporters in the capital, adding that the bank would act if needed.
Opposition lawmakers called the measures too little, too late, and demanded an inquiry.
Rescue teams worked through the night to reach villagers cut off by the floods, which have killed at least 34 people.
The prime minister promised that every family that lost its home would be rehoused before winter.
The coach, whose side lost 3-1, said the players had been distracted by the crowd trouble.
Neither the company nor its main shareholder responded to requests for comment.
Shares in the carmaker rose 4% in early trading after it reported better-than-expected sales.
More than half of the respondents said they trusted neither the government nor the opposition.
The data, which cover the first nine months of the year, show exports rising by 7% while imports fell.
Asked whether the talks could collapse, the spokesman said: "That is not a scenario we are considering."
The festival, now in its 20th year, drew some 80,000 visitors, a record.
Each of the candidates has pledged to cut taxes if elected.
There were fewer than 200 people at the rally, far short of the thousands the organisers had hoped for.
"It's a sad day for the town," said the mayor, who has lived there all her life.
The bill passed by 312 votes to 260 and now goes to the upper house.
He was sentenced to five years in prison, of which he has already served two.
Some 1.2 million people have fled their homes since the fighting began.
The board had had enough of the delays.
"""


def lint(text: str, fmt: str = "text", **options: object) -> list[tuple[int, int, str, str, str | None]]:
    rules = build_rules(Config(select=("grammar",), grammar=HARPER + tuple(options.items()))).rules
    doc = Document(text, "a.md" if fmt == "markdown" else "a.txt", fmt)
    out = []
    for f in run_rules(doc, rules).findings:
        line, col = doc.position(f.start)
        fix = f.fix.edits[0].replacement if f.fix else None
        out.append((line, col, doc.text[f.start : f.end], dict(f.data)["rule_id"], fix))
    return out


def test_clean_news_prose_is_silent() -> None:
    assert lint(CLEAN) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("He go to the ministry every morning.", [(1, 4, "go", "PronounVerbAgreement", "goes")]),
        ("It was an unique opportunity.", [(1, 8, "an", "AnA", "a")]),
        ("The delegation could of reached a deal.", [(1, 16, "could of", "ModalOf", "could have")]),
        ("Officials said their going to review it.", [(1, 16, "their", "TheirToTheyre", "they're")]),
        ("The army said it's forces had withdrawn.", [(1, 15, "it's", "ItsPossessive", "its")]),
        ("Their going to review it.", [(1, 1, "Their", "TheirToTheyre", None)]),  # capitalised: no fix
    ],
)
def test_real_sentences_give_exact_findings(text: str, expected: list) -> None:
    assert lint(text) == expected


def test_markdown_positions_and_left_out_code() -> None:
    text = (
        "# Their going home\n\n"
        "Intro with `code` and a [link](https://example.org/x) that\n"
        "could of been worse, and *he go* home.\n"
    )
    assert lint(text, "markdown") == [
        (4, 1, "could of", "ModalOf", "could have"),
        (4, 30, "go", "PronounVerbAgreement", "goes"),
    ]


def test_options_switch_lints_and_dialect() -> None:
    assert lint("It was an unique opportunity.", disabled_rules=["AnA"]) == []
    assert lint("The goverment acted.", spelling=True) == [(1, 5, "goverment", "SpellCheck", "government")]
    assert lint("The goverment acted.") == []
    # "some 80,000" is kept out by the allowlist; a user may still ask for the lint.
    assert [r for *_, r, _ in lint("It drew some 80,000 visitors.", enabled_rules=["QuantifierNumeralConflict"])]
    assert lint("The colour of the flag changed.", language="en-GB") == []


@pytest.mark.parametrize(
    "options,message",
    [
        (
            {"language": "de-DE"},
            "grammar: the harper backend checks English only: language 'de-DE' (use en-au, en-ca, en-gb, en-in, en-us)",
        ),
        (
            {"enabled_rules": ["NoSuchLint"]},
            "grammar: unknown Harper rule 'NoSuchLint' in enabled-rules/disabled-rules",
        ),
        ({"backend": "grammarly"}, "grammar: unknown backend 'grammarly' (choose from languagetool, harper)"),
    ],
)
def test_bad_settings_are_one_line(options: dict, message: str) -> None:
    with pytest.raises(SetupError) as err:
        build_rules(Config(select=("grammar",), grammar=HARPER + tuple(options.items())))
    assert str(err.value) == message


def test_missing_package_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "harper", None)
    with pytest.raises(SetupError) as err:
        build_rules(Config(select=("grammar",), grammar=HARPER))
    assert str(err.value) == "grammar: the harper backend needs harper-py: pip install 'mtlint[grammar]'"


def test_allowlist_names_real_lints_once_and_leaves_out_noisy_ones() -> None:
    names = allowlist()
    assert len(names) == len(set(names)) > 500
    assert set(names) <= set(harper.get_default_lint_config()), "a lint renamed or removed by a Harper upgrade"
    for noisy in (
        "SpellCheck",
        "RepeatedWords",
        "LongSentences",
        "OxfordComma",
        "SentenceCapitalization",
        "Spaces",
        "UpdatePlaceNames",
        "QuantifierNumeralConflict",
        "ThatWhich",
    ):
        assert noisy not in names


def test_cli_with_the_harper_backend(tmp_path: Path) -> None:
    (tmp_path / ".mtlint.toml").write_text('[grammar]\nbackend = "harper"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("The spokesman said it was an unique chance.\n", encoding="utf-8")
    res = mtlint("check", "--select", "grammar", "--no-cache", "--quiet", "a.txt", cwd=tmp_path)
    assert (res.code, res.err) == (1, "")
    assert res.out.splitlines()[0] == "a.txt:1:27: MT501 [grammar] Incorrect indefinite article. (AnA)"
    res = mtlint("check", "--select", "MT501", "--no-cache", "--fix", "--unsafe-fixes", "a.txt", cwd=tmp_path)
    assert res.code == 0
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "The spokesman said it was a unique chance.\n"
    res = mtlint("check", "--no-cache", "--format", "json", "a.txt", cwd=tmp_path)
    assert all(f["code"] != "MT501" for f in json.loads(res.out))  # off unless selected

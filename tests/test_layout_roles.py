"""Line roles and the layout analysis MT101-MT103 share: line shapes, the model's data file, the roles
of a page's lines, settings from the run (a user's caption pack reaches every layout rule), one finding
per problem, fix safety, Markdown and documentation, and the `--explain-roles` view."""

from __future__ import annotations

import json
import textwrap
from importlib import resources
from pathlib import Path

import pytest

from mtlint.api import lint_text
from mtlint.engine.config import Config
from mtlint.engine.ruleset import build_rules
from mtlint.rules.layout.analysis import layout_debris
from mtlint.rules.layout.role_features import FEATURES
from mtlint.rules.layout.roles import builtin_model, line_roles
from mtlint.rules.layout.settings import LayoutSettings
from mtlint.text.document import Document
from mtlint.text.lines import is_technical, line_key, shape, stanza_lines
from tests.helpers import FIXTURES, mtlint

SEED = FIXTURES / "us-pakistan-relations.txt"
LAYOUT = ("MT101", "MT102", "MT103")
BODY = (
    "The harbour office said on Monday that the tide had risen higher than forecast, and that the sea wall "
    "had held everywhere except near the old fish market."
)
MORE = "Engineers have warned for years that the wall needs work before the winter storms arrive, the office said."
LAST = "The council will decide in the spring whether to pay for a higher wall or for pumps behind the old one."


def _found(text: str, path: str = "x.txt", fmt: str = "text") -> list[tuple[int, str]]:
    return sorted((text.count("\n", 0, f.start) + 1, f.code) for f in lint_text(text, path, fmt, select=LAYOUT))


# -- line shapes -----------------------------------------------------------------------------------------
def test_line_shapes_read_prose_labels_names_and_dates() -> None:
    prose = shape(BODY)
    assert prose.ends_sentence and prose.verb and prose.stopword_share > 0.3 and prose.words == 28
    label = shape("Most read")
    assert not label.ends_sentence and label.words == 2
    assert shape("Sarah Okafor").name_only and not shape("Sarah Okafor said so.").name_only
    assert shape("Tuesday, 4 March 2025").dated and not shape(BODY).dated  # dates are read on short lines only
    assert shape("Home | World | Sport").separator and shape("12 comments").digit_share > 0
    assert shape("Sign up for your free weekly briefing").you
    assert line_key("  Most   READ ") == "most read"


def test_plain_text_with_code_in_many_lines_is_technical_documentation() -> None:
    news = [BODY] * 9 + ["Follow the reporter at @jane_doe for updates from the summit."]
    assert not is_technical(Document(path="news.txt", text="\n\n".join(news)))  # one handle is not a manual
    code_lines = [
        "Call archive.open() to read a file.",
        "The block_size argument sets the size of a block.",
        "Pass --verbose to see each member.",
        ">>> archive.scan('data.tar')",
        "Set level = 9 for the smallest files.",
    ]
    manual = Document(path="manual.txt", text="\n\n".join(code_lines + [BODY] * 5))
    assert is_technical(manual)
    # Five lines with code, but under a tenth of a long page's lines: a page that quotes some code.
    long_page = Document(path="page.txt", text="\n\n".join(code_lines + [BODY] * 50))
    assert not is_technical(long_page)
    assert not is_technical(Document(path="few.txt", text="\n\n".join(code_lines[:4] + [BODY])))
    # The markup of documentation sources counts: reStructuredText roles and directives, help-file tags.
    rst = [":mod:`http` is a package.", ".. index:: single: HTTP", "See |quickref| for more.", ".. note::", "``x``"]
    assert is_technical(Document(path="http.rst.txt", text="\n\n".join(rst + [BODY] * 5)))
    # A news page's list of sources: addresses, handles and hashtags are not code.
    sources = [f"https://www.example.com/world/floods-{n}" for n in range(5)] + ["@city_desk #flood_relief"]
    assert not is_technical(Document(path="sources.txt", text="\n\n".join([BODY] * 9 + sources)))


# Verse written for these tests: stanzas of short lines whose sentences run on from line to line.
STANZAS = [
    "\n".join(stanza)
    for stanza in (
        (
            "The harbour lamps are burning low,",
            "The boats come in on the evening tide,",
            "And all the gulls that watched them go",
            "Are sleeping on the harbour side.",
        ),
        (
            "We counted ropes and mended nets,",
            "We sang the songs our fathers knew;",
            "The sea forgives, the sea forgets,",
            "And morning finds the work to do.",
        ),
        (
            "So light the lamp and bar the door,",
            "The wind is walking on the sand,",
            "And what the tide has left ashore",
            "Is all we hold within our hand.",
        ),
    )
]


def test_verse_is_told_from_pages_and_from_prose_wrapped_by_hand() -> None:
    songs = Document(path="songs.txt", text="\n\n".join(STANZAS))
    assert len(stanza_lines(songs)) == 12 == len(songs.blocks)
    # A page: paragraphs on long lines, short header lines that end no sentence across lines.
    page = "\n".join(["Harbour wall holds", "Tuesday, 4 March 2025", "By Sarah Okafor", BODY, MORE, LAST])
    assert stanza_lines(Document(path="page.txt", text=page)) == frozenset()
    # A page's appeal under the story: short lines, one of them a salutation ending in a comma.
    appeal = "\n".join([BODY, MORE, "A Message from the Harbour Times:", "Dear readers,", "We need your support."])
    assert stanza_lines(Document(path="appeal.txt", text=appeal)) == frozenset()
    # Prose wrapped by hand runs on across lines too, but its lines fill the width and open in lower case.
    wrapped = textwrap.fill(" ".join([BODY, MORE, LAST] * 2), width=66)
    assert stanza_lines(Document(path="letter.txt", text=wrapped)) == frozenset()
    assert stanza_lines(Document(path="songs.md", text="\n\n".join(STANZAS), format="markdown")) == frozenset()


def test_a_stanza_quoted_in_a_story_is_verse_and_the_rest_of_the_story_is_not() -> None:
    text = "\n\n".join(
        ["Harbour town mourns its keeper", BODY, "Mourners gather outside the cathedral on Monday morning"]
        + [STANZAS[0], STANZAS[1], MORE, "the ceremony was attended by sailors from every town on the coast."]
    )
    doc = Document(path="story.txt", text=text)
    assert sorted(doc.blocks[i].text for i in stanza_lines(doc)) == sorted("\n".join(STANZAS[:2]).splitlines())
    found = lint_text(text, "story.txt", select=("MT101", "MT302"))
    assert sorted((text.count("\n", 0, f.start) + 1, f.code) for f in found) == [(5, "MT101"), (19, "MT302")]


def test_verse_gets_no_finding_of_the_models_own() -> None:
    # One paragraph of prose above, a long run of stanzas below it: no page's closing lines, no captions.
    text = "\n\n".join([BODY, *STANZAS * 12])
    assert _found(text) == []


def test_a_long_run_of_short_lines_under_the_body_is_the_texts_not_a_footer() -> None:
    # A page's footer holds a few dozen lines; 120 short lines under the prose are a list of the text's own.
    tools = ["rope", "net", "hook", "oar", "lamp", "sail", "anchor", "chain", "bucket", "knife", "float", "flag"]
    inventory = [f"{k} {tools[k % len(tools)]}s kept in the harbour store" for k in range(2, 122)]
    assert _found("\n".join([BODY, MORE, *inventory])) == []


# A licence written for this test: it names itself at the top, disclaims warranty, and ends with a
# notice of short lines to copy into each file.
LICENCE = """Harbour Public Licence
Version 1.0, May 2026

1. Grant. Each contributor grants you a free, worldwide and lasting licence to copy, change and share the Work.

2. Conditions. You must give every recipient of the Work a copy of this Licence and keep its notices intact.

3. Disclaimer. THE WORK IS PROVIDED AS IT IS, WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.

How to apply the Harbour Public Licence to your work

Copyright [year] [name of owner]
Licensed under the Harbour Public Licence, Version 1.0;
you may not use this file except under its terms.
A copy of the Licence is kept at
https://example.org/harbour-licence
"""


def test_a_licence_gets_no_layout_finding_however_many_files_carry_it(tmp_path: Path) -> None:
    for name in ("LICENSE.txt", "vendor-a-LICENSE.txt", "vendor-b-LICENSE.txt"):
        (tmp_path / name).write_text(LICENCE, encoding="utf-8")
    result = mtlint("check", "--isolated", "--no-cache", "--format", "json", str(tmp_path))
    assert result.code == 0 and json.loads(result.out) == []
    # The same short lines in a page that is no licence are still its footer.
    page = LICENCE.replace("WITHOUT WARRANTY OF ANY KIND", "AS AGREED")
    assert _found(page) != []
    # A news page whose headline ends in "licence" and whose footer disclaims warranty is no licence.
    news = "\n\n".join(
        ["Regulator revokes broadcaster's licence", BODY, "Share this article on Facebook", MORE, LAST]
        + ["This content is provided as is, without any warranty of accuracy."]
    )
    assert (5, "MT102") in _found(news)


# -- the model as data -----------------------------------------------------------------------------------
def test_the_model_file_says_where_it_comes_from_and_how_it_scores() -> None:
    raw = json.loads(resources.files("mtlint.rules").joinpath("data/line-roles.json").read_text(encoding="utf-8"))
    header = raw["provenance"]
    assert header["generator"] == "scripts/train_line_roles.py" and header["date"]
    assert "no text of the corpus" in header["training_data"]
    scores = header["scores"]["p>0.8"]
    for split in ("training", "leave_one_site_out"):
        assert {"caption", "furniture"} <= set(scores[split])
    assert raw["features"] == list(FEATURES), "retrain the model: scripts/train_line_roles.py"
    assert raw["classes"] == ["article", "caption", "furniture"]
    assert builtin_model().names == FEATURES


def test_roles_of_a_page() -> None:
    text = "\n".join(
        [
            "Harbour wall holds as the tide rises higher than forecast",
            "By Nadia Karimi",
            BODY,
            "Fishermen watching the waves break over the quay on Monday",
            MORE,
            "Register / Login",
            "Share this article",
            "© 2025 Harbour Gazette. All rights reserved.",
        ]
    )
    doc = Document(text, "x.txt")
    roles = line_roles(doc)
    assert [r.role for r in roles.roles][:3] == ["headline", "byline", "body"]
    assert roles[6].cls == "furniture" and roles.evidence(6) and roles.explain(6)  # its evidence, in words
    debris = layout_debris(doc, LayoutSettings.build())
    assert [debris.role(i) for i in range(8)][3:5] == ["caption", "body"]
    assert all(debris.role(i).startswith("furniture") for i in (5, 6, 7))


# -- settings reach every layout rule ----------------------------------------------------------------------
def test_a_users_caption_pack_and_max_words_reach_every_layout_rule(tmp_path: Path) -> None:
    pack = tmp_path / "captions.toml"
    pack.write_text('extends = "stray-caption"\n[[entry]]\nphrase = "Bildarchiv"\n', encoding="utf-8")
    config = Config(packs=(pack,), rules=(("stray-caption", (("max-words", 6),)),))
    for code in LAYOUT:
        (rule,) = build_rules(Config(**{**config.__dict__, "select": (code,)})).rules
        settings = rule.settings  # type: ignore[attr-defined]
        assert settings.captions.max_words == 6, code
        assert any(e.source == "Bildarchiv" for e in settings.vocabulary.entries), code


def test_a_repeated_user_caption_is_a_caption_not_a_duplicate(tmp_path: Path) -> None:
    (tmp_path / "captions.toml").write_text(
        'extends = "stray-caption"\n[[entry]]\nphrase = "Bildarchiv"\n[[entry]]\nphrase = "Hafenamt"\n',
        encoding="utf-8",
    )
    (tmp_path / "a.txt").write_text(f"{BODY}\n\nBildarchiv Hafenamt\nBildarchiv Hafenamt\n\n{MORE}\n", encoding="utf-8")
    plain = mtlint("check", "--isolated", "--select", "MT103", "--format", "json", "a.txt", cwd=tmp_path)
    assert [f["line"] for f in json.loads(plain.out)] == [4]  # without the pack: a stutter of a short line
    (tmp_path / "mtlint.toml").write_text('packs = ["captions.toml"]\n', encoding="utf-8")
    only_mt103 = mtlint("check", "--select", "MT103", "--format", "json", "a.txt", cwd=tmp_path)
    assert json.loads(only_mt103.out) == [], only_mt103.err
    both = mtlint("check", "--select", "MT1", "--format", "json", "a.txt", cwd=tmp_path)
    assert [(f["line"], f["code"]) for f in json.loads(both.out)] == [(3, "MT101"), (4, "MT101")]


# -- one finding per problem -------------------------------------------------------------------------------
def test_a_credit_under_every_picture_is_reported_as_captions_only() -> None:
    credit = "© Example Ministry of Defence"
    text = "\n".join(
        [
            BODY,
            credit,
            MORE,
            credit,
            LAST,
            credit,
            "Fishing boats stayed in port for a third day, and the market closed early.",
        ]
    )
    assert _found(text) == [(2, "MT101"), (4, "MT101"), (6, "MT101")]


def test_a_headline_repeated_further_down_is_not_a_duplicate_paragraph() -> None:
    headline = "Harbour wall holds as the tide rises higher than forecast"
    text = "\n".join([headline, BODY, MORE, headline, LAST])
    assert "MT103" not in {code for _, code in _found(text)}


def test_a_near_copy_that_adds_a_negation_is_a_contrast() -> None:
    first = "The ministry will search every house in the district before the end of the week, officials said."
    second = "The ministry will not search every house in the district before the end of the week, officials said."
    assert _found("\n\n".join([first, MORE, second])) == []


# -- fix safety follows confidence -------------------------------------------------------------------------
def test_model_findings_are_unsafe_fixes_that_name_their_evidence() -> None:
    footer = ["Harbour Gazette weekend edition", "Tide tables and harbour webcams", "More from the coast", "About us"]
    text = "\n".join([BODY, MORE, LAST, *footer])
    found = lint_text(text, "x.txt", select=("MT102",))
    assert [text.count("\n", 0, f.start) + 1 for f in found] == [4, 5, 6, 7]
    assert all(f.fix is not None and f.fix.applicability.value == "unsafe" for f in found)
    learned = [f.message for f in found if "shape and place" in f.message]
    assert learned and all("below the article" in m and "p 0." in m for m in learned)


def test_the_seed_keeps_its_safe_caption_and_footer_fixes() -> None:
    text = SEED.read_text(encoding="utf-8")
    safe = {
        text.count("\n", 0, f.start) + 1
        for f in lint_text(text, "seed.txt", select=LAYOUT)
        if f.fix is not None and f.fix.applicability.value == "safe"
    }
    assert safe == {7, 11, 15, 17, 109}


# -- Markdown, documentation and texts without a body ------------------------------------------------------
def test_documentation_gets_no_finding_of_the_models_own() -> None:
    doc = "\n\n".join(
        [
            "# harbour-tide",
            "Read the tide tables of a harbour from Python, with `load()` and `predict()`.",
            "Installation",
            "Run `pip install harbour-tide` and import the package in your code, then call the functions.",
            "Share this package with your team",
            "The `predict()` function returns the expected height of the tide for each hour of the day.",
        ]
    )
    assert _found(doc, "README.md", "markdown") == []


def test_a_text_without_a_body_paragraph_gives_the_model_nothing_to_place_lines_by() -> None:
    labels = "\n".join(["Prices rose.", "Markets closed higher.", "Banks led the gains", "Builders followed"])
    assert _found(labels) == []


@pytest.mark.parametrize(
    "subheading",
    ["Minister rejects the opposition proposal", "Government promises new funds for schools", "What comes next"],
)
def test_headline_style_subheadings_are_not_captions(subheading: str) -> None:
    text = "\n".join(["Harbour wall holds", BODY, subheading, MORE, LAST])
    assert _found(text) == []


# -- the debugging view -------------------------------------------------------------------------------------
def test_explain_roles_prints_each_lines_role_evidence_and_verdict() -> None:
    res = mtlint("check", "--isolated", "--explain-roles", str(SEED))
    assert res.code == 0, res.err
    rows = {int(line.split()[0]): line for line in res.out.splitlines()[1:] if line.strip()}
    assert rows[7].split()[1] == "caption" and "-> MT101" in rows[7]
    assert rows[9].split()[1] == "body" and "ends_sentence" in rows[9]
    assert rows[109].split()[1] == "furniture" and "-> MT102" in rows[109]
    assert "-> MT103" not in res.out  # duplicates are not roles

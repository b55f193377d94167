"""Layout debris (MT101 stray-caption, MT102 site-boilerplate, MT103 duplicate-paragraph) on whole documents:
the seed article, documents written to reproduce each pattern met in real pages, and runs over several
files (repetition evidence)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mtlint.api import fix_text, lint_text
from tests.helpers import FIXTURES, mtlint

SEED = FIXTURES / "us-pakistan-relations.txt"
DOCS = FIXTURES / "documents"
DEBRIS = ("MT101", "MT102", "MT103")


def _found(path: Path) -> list[tuple[int, str]]:
    fmt = "markdown" if path.suffix == ".md" else "text"
    text = path.read_text(encoding="utf-8")
    return sorted((_line(text, f.start), f.code) for f in lint_text(text, str(path), fmt, select=DEBRIS))


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _json(*args: str, cwd: Path | None = None) -> list[dict]:
    res = mtlint("check", "--isolated", "--select", "MT1", "--format", "json", *args, cwd=cwd)
    assert res.code in (0, 1), res.err
    return json.loads(res.out)


# -- the seed article --------------------------------------------------------------------------------------
def test_seed_article_debris_lines() -> None:
    assert _found(SEED) == [
        (7, "MT101"),
        (11, "MT101"),
        (15, "MT101"),
        (17, "MT101"),
        (79, "MT103"),
        (81, "MT103"),
        (109, "MT102"),
    ]


def test_seed_duplicates_name_the_earlier_line_and_similarity() -> None:
    found = {f["line"]: f for f in _json(str(SEED)) if f["code"] == "MT103"}
    assert "line 39" in found[79]["message"] and "similarity 0.96" in found[79]["message"]
    assert "line 25" in found[81]["message"] and "similarity 0.97" in found[81]["message"]
    assert found[79]["fix"]["applicability"] == "unsafe" and found[81]["fix"]["applicability"] == "unsafe"


def test_fix_on_the_seed_removes_exactly_the_safe_debris(tmp_path: Path) -> None:
    copy = tmp_path / "seed.txt"
    shutil.copyfile(SEED, copy)
    original = SEED.read_text(encoding="utf-8").split("\n")
    res = mtlint("check", "--isolated", "--select", "MT101,MT102,MT103", "--fix", str(copy))
    assert res.code == 1, res.err  # the two near duplicates remain (their fix is unsafe)
    # Lines 7, 11, 15, 17 with the blank line after each, and the footer with the blank line before it.
    dropped = {7, 8, 11, 12, 15, 16, 17, 18, 108, 109}
    expected = "\n".join(line for n, line in enumerate(original, 1) if n not in dropped)
    assert copy.read_text(encoding="utf-8") == expected
    left = _json(str(copy))
    assert [(f["code"], f["line"]) for f in left] == [("MT103", 71), ("MT103", 73)]


def test_unsafe_fixes_also_remove_the_near_duplicates() -> None:
    text = SEED.read_text(encoding="utf-8")
    fixed = fix_text(text, "seed.txt", unsafe=True, select=DEBRIS)
    assert "if they are to revive their relationship" not in fixed
    assert "have become inconsequential" not in fixed
    assert "if they want to revive their relationship" in fixed and "have become insignificant" in fixed


# -- documents reproducing the patterns of real pages ----------------------------------------------------
EXPECTED = {
    # slideshow bullets with caption words; credits in every shape; a heading, a sentence, a dateline
    # and the story's own closing agency credit stay silent.
    "slideshow-captions.txt": [
        (5, "MT101"),
        (9, "MT101"),
        (13, "MT101"),
        (21, "MT101"),
        (23, "MT101"),
        (25, "MT101"),
        (27, "MT101"),
        (29, "MT101"),
        (37, "MT101"),
        (39, "MT101"),
        (41, "MT101"),
        (43, "MT101"),
        (45, "MT101"),
    ],
    # masthead, navigation, section label, comment counter, copyright, promo box, comment and login
    # forms; the dateline and the bare agency credit after the story stay silent.
    "page-furniture.txt": [(1, "MT102"), (2, "MT102"), (3, "MT101"), (4, "MT102"), (6, "MT102")]
    + [(n, "MT102") for n in range(12, 28)],
    # donation banner, site name glued to the headline, newsletter box and reader appeal to the end.
    "reader-appeal.txt": [(1, "MT102"), (2, "MT102")] + [(n, "MT102") for n in range(6, 12)],
    # section label, then a related-videos list: durations, titles and a button.
    "related-videos.txt": [(1, "MT102")] + [(n, "MT102") for n in range(5, 17)],
    # headline suffix, mistranslated byline, related links, source link, comment form; the real
    # byline stays silent.
    "arabic-mt-news.txt": [
        (1, "MT102"),
        (3, "MT102"),
        (6, "MT102"),
        (8, "MT102"),
        (10, "MT102"),
        (11, "MT102"),
        (12, "MT102"),
    ],
    # widget label, teaser repeating its title with a glued credit, wire slug, agency credit line,
    # related headline and a teaser with a credit; the wire dateline stays silent.
    "wire-teaser.txt": [
        (1, "MT102"),
        (4, "MT101"),
        (4, "MT103"),
        (5, "MT102"),
        (10, "MT102"),
        (11, "MT102"),
        (12, "MT101"),
    ],
    # teaser printed again as the first paragraph, breadcrumbs, a byline printed twice, a reworded pull
    # quote and a paragraph repeated word for word; a quote said twice inside one paragraph is silent.
    "duplicates.txt": [(2, "MT103"), (4, "MT102"), (5, "MT102"), (7, "MT103"), (12, "MT103"), (15, "MT103")],
    # wire story: pipe-separated site name, reading time, caption and source lines, unbracketed agency
    # credit and the footer under it, a feed footer, then captions in agency and "File photo:" style;
    # byline, dateline and sentences that merely mention photographs stay silent.
    "wire-footer.txt": [
        (1, "MT102"),
        (3, "MT102"),
        (6, "MT101"),
        (8, "MT101"),
        (11, "MT102"),
        (12, "MT102"),
        (13, "MT102"),
        (14, "MT101"),
        (15, "MT101"),
    ],
    # republished MT story: newspaper name after the headline, caption lines with articles and
    # "courtesy of", a mid-article follow call, an ad script, navigation and comment-form labels; the
    # article paragraph between the follow call and the ad script is prose and stays silent.
    "feed-republisher.txt": [(1, "MT102"), (2, "MT101"), (3, "MT101"), (6, "MT102")]
    + [(n, "MT102") for n in range(8, 16)],
    # a related-articles heading with the titles under it, mid-article, and a widget label at the end;
    # the paragraphs around the list stay silent.
    "related-links.txt": [(3, "MT102"), (4, "MT102"), (5, "MT102"), (6, "MT102"), (8, "MT102")],
    # credits as pages in other languages print them: "Photo: social networks", "[Photo = Agency]",
    # an untranslated "Foto: AGENCY".
    "agency-credits.txt": [(2, "MT101"), (3, "MT101"), (4, "MT101")],
    # newsroom widgets inside and after a story: an ad break, an agency-inputs line, topic links.
    "newsroom-widgets.txt": [(2, "MT102"), (4, "MT102"), (5, "MT102"), (6, "MT102"), (7, "MT102")],
    # a live blog: times of day over long entries are not a related-videos list; silent.
    "live-blog.txt": [],
    # a document with its own one-word section headings (Introduction, Photographs, Sources): silent.
    "structured-article.txt": [],
    # Markdown: a credit under an image and a share bar; the author's headings stay silent.
    "share-bar.md": [(7, "MT101"), (17, "MT102"), (19, "MT102")],
    # a site menu of one-word lines above the headline, a reading time, a comment counter, a link to more
    # of the site's stories, a related-stories label with its titles, a newsletter notice, a copyright
    # line; the headline and the byline stay silent.
    "site-menu.txt": [(n, "MT102") for n in (1, 2, 3, 4, 5, 6, 7, 10, 11, 16, 17, 18, 19, 20, 21, 22)],
    # headline-style subheadings, a pull quote and a byline in a clean article: silent.
    "subheadings.txt": [],
    # a caption written as a sentence (a participle) and a credit in a shape no pack lists.
    "credit-shapes.txt": [(3, "MT101"), (4, "MT101")],
    # captions written as plain sentences between paragraphs ("X speaks to reporters outside City Hall",
    # "Staff members giving visitors a tour ..."), some beside a credit; bylines, datelines, quotes and
    # subheadings ("Budget details", "A long search", "Polls close at eight in the evening") stay silent.
    "caption-sentence-bridge.txt": [(3, "MT101")],
    "caption-sentence-election.txt": [(4, "MT101")],
    "caption-sentence-hospital.txt": [(3, "MT101"), (6, "MT101")],
    "caption-sentence-museum.txt": [(3, "MT101"), (4, "MT101")],
    "caption-sentence-parks-budget.txt": [(4, "MT101")],
    "caption-sentence-summit.txt": [(3, "MT101")],
    "caption-sentence-wildfire.txt": [(4, "MT101"), (5, "MT101")],
    # a caption sentence under the headline, above the first paragraph (line 2), and a caption opened by
    # "A view of" (line 5); the subheading "What comes next" stays silent.
    "caption-sentence-floods.txt": [(2, "MT101"), (5, "MT101")],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_document_findings(name: str) -> None:
    assert _found(DOCS / name) == sorted(EXPECTED[name])


def test_every_fixture_document_has_expectations() -> None:
    assert sorted(p.name for p in DOCS.iterdir()) == sorted(EXPECTED)


def test_safe_fix_of_captions_keeps_headings_sentences_and_credits_of_the_story() -> None:
    text = (DOCS / "slideshow-captions.txt").read_text(encoding="utf-8")
    fixed = fix_text(text, "x.txt", select=DEBRIS)
    for kept in (
        "Archive policy",
        "The picture is clear.",
        "Reuters could not verify",
        "(Reuters) - The port authority",
        "© KYODO",
        "Photo: Xinhua",
    ):
        assert kept in fixed
    for gone in ("archival", "Father", "illustrative image", "Credit: AP", "harbour-wall-damage.jpg"):
        assert gone not in fixed


def test_glued_credit_is_removed_as_a_span_by_unsafe_fixes() -> None:
    text = (DOCS / "slideshow-captions.txt").read_text(encoding="utf-8")
    fixed = fix_text(text, "x.txt", unsafe=True, select=("stray-caption",))
    assert "\nBoats lie on their side in the mud of the old port. Residents began" in fixed
    assert "© Karim Haddad" not in fixed
    assert "A family returns to its flooded house" not in fixed


def test_headline_suffix_is_removed_as_a_span() -> None:
    text = (DOCS / "arabic-mt-news.txt").read_text(encoding="utf-8")
    fixed = fix_text(text, "x.txt", unsafe=True, select=("site-boilerplate",))
    assert fixed.splitlines()[0] == "The Nile festival opens with a huge crowd in Aswan"
    assert fixed.splitlines()[1] == "Cairo – Mona Fathy"


def test_repeated_headline_prefix_is_removed_from_the_teaser() -> None:
    text = (DOCS / "wire-teaser.txt").read_text(encoding="utf-8")
    fixed = fix_text(text, "x.txt", unsafe=True, select=("duplicate-paragraph",))
    assert fixed.splitlines()[3].startswith("© Nadia Karimi / ANSA / AFP Fields under water")


# -- evidence across files ---------------------------------------------------------------------------------
def _site(tmp_path: Path, files: int) -> None:
    for i in range(files):
        (tmp_path / f"story{i}.txt").write_text(
            f"Harbour story number {i} gets a headline\n"
            f"The harbour office said on day {i} that the tide had risen higher than forecast, and that "
            "the sea wall had held everywhere except near the old fish market.\n"
            "Background\n"
            f"Engineers have warned {i + 2} times that the wall needs work before the winter storms arrive.\n"
            "Harbour Gazette coastal edition\n",
            encoding="utf-8",
        )


def test_a_line_repeated_in_enough_files_is_a_site_template(tmp_path: Path) -> None:
    _site(tmp_path, 3)
    found = [(Path(f["path"]).name, f["line"], f["fix"]["applicability"]) for f in _json(str(tmp_path))]
    assert found == [("story0.txt", 5, "unsafe"), ("story1.txt", 5, "unsafe"), ("story2.txt", 5, "unsafe")]
    assert all("3 of the 3 files linted" in f["message"] for f in _json(str(tmp_path)))


def test_two_files_are_not_enough_evidence(tmp_path: Path) -> None:
    _site(tmp_path, 2)
    assert _json(str(tmp_path)) == []


def test_min_files_option_is_honoured(tmp_path: Path) -> None:
    _site(tmp_path, 3)
    (tmp_path / "mtlint.toml").write_text("[rules.site-boilerplate]\nmin-files = 4\n", encoding="utf-8")
    res = mtlint("check", "--select", "MT1", "--format", "json", str(tmp_path), cwd=tmp_path)
    assert res.code == 0 and json.loads(res.out) == [], res.err


# -- user packs extend the built-in vocabulary ---------------------------------------------------------------
def test_user_packs_extend_caption_and_boilerplate_vocabulary(tmp_path: Path) -> None:
    (tmp_path / "house.toml").write_text(
        'extends = "stray-caption"\n[[entry]]\nphrase = "Bildnachweis"\ntags = ["marker"]\n'
        '[[entry]]\nphrase = "Fotoarchiv"\n',
        encoding="utf-8",
    )
    (tmp_path / "footer.toml").write_text(
        'extends = "site-boilerplate"\n[[entry]]\nphrase = "Harbour Gazette brings you"\ntags = ["tail"]\n',
        encoding="utf-8",
    )
    (tmp_path / "mtlint.toml").write_text('packs = ["house.toml", "footer.toml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(
        "The harbour office said on Monday that the tide had risen higher than forecast, and that the wall had "
        "held everywhere.\n\n"
        "Fotoarchiv\n\n"
        "A crane on the quay. Bildnachweis: Jan Berg\n\n"
        "Engineers have warned for years that the wall needs work before the winter storms arrive.\n\n"
        "Harbour Gazette brings you the coast every morning\n",
        encoding="utf-8",
    )
    res = mtlint("check", "--select", "MT1", "--format", "json", "a.txt", cwd=tmp_path)
    assert [(f["line"], f["code"]) for f in json.loads(res.out)] == [(3, "MT101"), (5, "MT101"), (9, "MT102")]


# -- the vocabulary is data: lint it -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "pack,tags",
    [
        ("caption-words.toml", {"marker", "agency", "topic"}),
        ("boilerplate.toml", {"suffix", "tail", "list", "unsafe", "closing"}),
    ],
)
def test_packs_have_no_duplicates_and_only_known_tags(pack: str, tags: set[str]) -> None:
    from mtlint.engine.packs import load_builtin_pack

    entries = load_builtin_pack(pack).entries
    sources = [e.source.casefold() for e in entries]
    assert len(sources) == len(set(sources)), "duplicate entries"
    assert {t for e in entries for t in e.tags} <= tags


PROSE = [
    "Share prices fell sharply on Monday after the bank cut its forecast.",
    "Support for the measure grew after the floods.",
    "Photographer Ansel Adams is remembered for his images of the American West.",
    "Comments from the minister angered the unions, who called a strike for Friday.",
    "Register offices will stay open late during the election week.",
    "Source of the leak remains unknown, police said.",
    "Reuters could not verify the images.",
    "Sign language interpreters joined the briefing.",
]


def test_no_boilerplate_line_entry_matches_ordinary_sentences() -> None:
    from mtlint.rules.layout.furniture import builtin_boilerplate, pack_hit

    for entry in builtin_boilerplate():
        if "suffix" in entry.tags:
            continue
        for sentence in PROSE:
            assert not pack_hit(entry, sentence), f"{entry.source!r} matches {sentence!r}"


def test_no_caption_is_found_in_ordinary_sentences() -> None:
    text = "\n\n".join(PROSE) + "\n"
    assert lint_text(text, "x.txt", select=DEBRIS) == []

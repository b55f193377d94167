"""MT102 site-boilerplate: footers, widgets, navigation and calls to action left in an article."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from mtlint.engine.packs import PackEntry
from mtlint.model import Edit, Finding, Fix, Severity
from mtlint.rule import Rule
from mtlint.rules.layout.analysis import layout_debris
from mtlint.rules.layout.settings import LayoutSettings, SiteBoilerplateOptions
from mtlint.text.document import Document

if TYPE_CHECKING:
    from mtlint.engine.config import Config


class SiteBoilerplate(Rule[SiteBoilerplateOptions]):
    """Site furniture left in the text: footers, share and comment widgets, related links, navigation.

    Extracted pages keep the site around the article: `Follow our latest news via Google news`,
    `Also Read: ...`, `Share this: Twitter`, `Please enter your comment!`, `Source link`, copyright
    lines, newsletter and login boxes, breadcrumbs, lists of related videos, and a site name glued to
    the headline. None of it belongs to the article, and machine translation makes it harder to spot.

    Bad:

        Kapoor believes the administration should not ignore Pakistan.

        Follow our latest local and sports news via Google news

    Good:

        Kapoor believes the administration should not ignore Pakistan.

    Evidence:
    1. the phrases and patterns of `rules/packs/boilerplate.toml` (a line that is, or begins with, a
       widget label or call to action; `.. Pictures` / `– Site News` glued to a headline, flagged as
       that span only). Extend it with a pack that says `extends = "site-boilerplate"`. The last sentence
       of a paragraph counts as a line of its own when it is such a label or title with no full stop
       (`... the council said. Read also: Council votes to close two libraries`), a closing call in which
       the site speaks (`Follow us on Facebook for the latest news.`; not advice such as `Share the load
       with your family.`), or a call to action in brackets (`(See the details)`): the link the extraction
       ran into the paragraph is flagged as that span only (not in Markdown, whose author wrote it).
    2. layout: a video-duration list (`01:05` lines), a breadcrumb (`China / Military`, `Topic | Taiwan`), a
       one-word section label above the article (`business`; not a role such as `Fellow`, an author's title), a menu
       (a run of three or more short lines above the article, most of them one word), a counter outside the body of
       a page that has one (`0 Comments`, `2988`, `Views 1,234`, `Comments (0)`), a page or picture counter (`Page 2
       of 3`, `1/12`), a text-size widget (`A- A A+`), a link to another story marked by an arrow in or under the
       article (`>> Title`, `► Title`), a short site masthead over navigation, a site's or a section's name of two
       or three capitalised words above the headline of a page extracted a paragraph to a line, with other debris
       found (`Harbour Herald`, `Regional News`; not a name the byline repeats or the name tables know as a person's
       (`Karim Duarte`), nor an author's title or a date; unsafe fix), the short titles under a related-articles
       heading, and the footer zone: after closing furniture (copyright, comment form, share bar, source link,
       agency credit line) every short line down to the end of the file, and every long one that speaks to the
       reader just above more furniture (a promo or newsletter blurb), is furniture too - provided the zone reaches
       the end of the file without meeting article prose or a numbered section title (`2.1. Invoking the
       interpreter`: a table of contents, which is never read as furniture).
    3. repetition across the files of one run: a line found verbatim (case and spacing aside) in at
       least `min-files` files and at least `min-share` of all files is a site template, if it is shaped
       like furniture (at most twelve words without a full stop, or talking to the reader) and stands
       above or below the article's body, and is not a heading, a byline, a date or a number, or shorter
       than four words (names, places and section titles recur across a site's articles as content).
       This learns each site's own footer without any list; documentation repeats its own sentences.
    4. the line-role model: a line it reads as furniture with probability above 0.8 (0.6 in the closing lines:
       below the article, a short line that introduces nothing, with only short lines under it, and is not a
       sentence of prose with a verb, as a short closing paragraph of the story is), from its shape, its place
       around the body, its neighbours and its repetition (in at least `min-files` files); the message
       names the strongest evidence (see docs/rules/layout-roles.md, and `mtlint check --explain-roles FILE`).
       Such a line also opens a related list or a footer zone, as in 2. The article's headline (the first
       title-like line above the body) is never furniture by the model's evidence alone.
    Captions and credits are left to stray-caption, so one artifact gets one finding. In Markdown, the
    author's structure and lines the model reads as article text are left alone, and the model reports
    nothing of its own; in documentation (Markdown with code, or plain text with code in many of its lines)
    the model reports nothing of its own and the layout readings of 2 and related-list labels (`See also`)
    are left out too. Plain text wrapped by hand (an e-mail, a README, a licence: lines that fill a width of
    up to 100 characters and break off mid-sentence) was typed, not extracted from a page, and gets no
    layout finding.

    Options:
    - `min-files` (default 3): fewest files a line must appear in to count as a template.
    - `min-share` (default 0.05): smallest fraction of the run's files it must appear in.

    Fix: delete the line (and one blank line beside it); safe for pack matches that cover the line (and
    for ones that open it when the model does not read it as article text), unsafe for evidence from
    layout, repetition or the model alone and for spans glued to a headline or a paragraph.
    """

    code = "MT102"
    name = "site-boilerplate"
    category = "boilerplate"
    severity = Severity.WARNING
    fixable = True
    uses_corpus = True
    reads_packs = True

    Options = SiteBoilerplateOptions

    def __init__(
        self,
        options: SiteBoilerplateOptions | None = None,
        severity: Severity | None = None,
        extra_entries: tuple[PackEntry, ...] = (),
    ) -> None:
        super().__init__(options, severity, extra_entries)
        self.settings = LayoutSettings.build(furniture_entries=self.extra_entries, boilerplate=self.options)

    def configure(self, config: Config) -> None:
        """Read the run's layout settings (the other layout rules' packs and options), keeping its own."""
        mine = LayoutSettings.build(furniture_entries=self.extra_entries)
        self.settings = replace(LayoutSettings.from_config(config), furniture=mine.furniture, boilerplate=self.options)

    def check(self, doc: Document) -> Iterator[Finding]:
        found = layout_debris(doc, self.settings).furniture
        for index in sorted(found):
            hit = found[index]
            block = doc.blocks[index]
            if hit.whole:
                edit = doc.deletion(block)
                message = f"Site boilerplate ({hit.reason}); delete the line."
            else:
                start = hit.start
                while start > block.start and doc.text[start - 1] in " \t":
                    start -= 1
                edit = Edit(start, hit.end, "")
                message = f"Site boilerplate glued to {hit.glued_to or 'the text'} ({hit.reason}); remove it."
            yield self.finding(hit.start, hit.end, message, Fix.safe(edit) if hit.safe else Fix.unsafe(edit))

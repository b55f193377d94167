"""MT101 stray-caption: image captions and photo/agency credits left in the body of an article."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from mtlint.engine.packs import PackEntry
from mtlint.model import Edit, Finding, Fix, Severity
from mtlint.rule import Rule
from mtlint.rules.layout.analysis import layout_debris
from mtlint.rules.layout.settings import LayoutSettings, StrayCaptionOptions
from mtlint.text.document import Document

if TYPE_CHECKING:
    from mtlint.engine.config import Config


class StrayCaption(Rule[StrayCaptionOptions]):
    """Image caption or photo/agency credit left in the text.

    Pages lose their pictures when they are copied or machine-translated, but not the words that
    labelled them: the Arabic "archive photo" comes out as a lone `archival`, the AFP credit as `Father`,
    and credits such as `© Name / AFP` or `Photo: X` end up glued to paragraphs. Readers stumble on them
    and they are never part of the article.

    Bad:

        • Khan's departure from power eased relations with Washington.

            archival

        Relations appear to be on the right track.

    Good:

        • Khan's departure from power eased relations with Washington.

        Relations appear to be on the right track.

    Heuristics (vocabulary from `rules/packs/caption-words.toml`; extend it with a pack that says
    `extends = "stray-caption"`, tagging credit issuers `agency`, credit openers `marker` and words
    that can also title a section `topic`):
    - a short line made only of caption words, credit markers and agencies (`picture`, `archival`,
      `An expressive image`, `Father`, `Photo: AFP`, `Credit: AP Credit: AP`, `Reuters`);
    - an image address or image file name on a line of its own (`https://.../x.jpg`,
      `WhatsApp Image 2024 06 30 at 22.20.12`);
    - a line opened by a credit marker (`Source: X`, `Image caption, ...`, `File photo: ...`,
      `Courtesy of ...`, `Credit...Name for The Paper`);
    - a credit at the end of a line (`... Photo: Weibo`, `... Image: AP file`,
      `... Photograph: Name/Paper`, `Caption. Name Surname / TASS`, `Caption. REUTERS/Name`,
      `Caption. (Name Surname)`, `(Xinhua News Agency reporter Name photo)`, `A description of the picture
      (AFP)` or `(archive)` with no full stop
      before the bracket) or in brackets (`(Photo: X)`, `[Photo = Agency]`, `(AP Photo/Name)`); with one caption
      sentence before it the whole line is the caption, unless that sentence reports speech (`said`,
      `according to`: a paragraph of the story, of which only the credit goes);
    - a `©` credit (`© Name / IRNA / AFP`), ending after the last agency;
    - in plain text, a credit or caption words alone run in between two sentences of a paragraph, before a
      word that opens a sentence (`... agreed. Photo: Reuters The delegation ...`, `... energy. Archive
      photo The talks ...`): the span only; an agency that is the next sentence's subject (`Reuters
      Breakingviews said`) and words that may title a section (`Archives`) are left alone;
    - a line that says where a named person stands in the picture (`Omar Haddad (right) with ...`,
      `X, left, and Y, right, shake hands`), in one or two sentences;
    - a line that reappears inside the caption beside it (the image's alt text), unless it is the article's
      headline, which a caption may repeat;
    - a short line (at most `max-words` words, no sentence punctuation) between slideshow bullets or
      under a Markdown image;
    - caption words, a colon and a source (`Photo illustration: City Archive`; in plain text also a word
      that may title a section, when one to three capitalised words follow: `Illustration: Lena Ortiz`),
      or a photo's label, an equals sign and a source, as Korean 사진= renders (`Photo = Harbour News`,
      `[Photo source = Ministry of Health]`; not a setting such as `Image = Ubuntu`), or caption words,
      `of` and what the picture shows (`Archival image of the old ferry`);
    - the caption of a still from a video, not in Markdown and with no full stop (`Screenshot of the
      video`, `A shot from a video circulated on social media`);
    - a photo caption written as a plain sentence between two paragraphs: someone doing something somewhere, no
      full stop (`Mayor X speaks to reporters outside City Hall`, `An Iraqi soldier stands guard at a
      checkpoint in Mosul`, `Staff members giving visitors a tour`), or
      with no verb at all: who is pictured, then where or when (`Minister X and his counterpart Y during a news
      conference in Z`, `Delegates at the opening session of the summit`, `A view of the flooded square from the
      tower`); under the headline, above the first paragraph, only the shapes a standfirst does not take (a
      participle, no verb, `A view of`); a headline-style subheading (`Minister rejects the plan`, `Tension at
      the border and what it means`, `Leaders at odds over the budget`) or standfirst (`Rescue teams work
      through the night`) is not one;
    - a portrait's caption: a person's name, a comma and their role, no verb, between or under the
      paragraphs of a story that names the same person elsewhere (`Jane Doe, chief economist at the bank`);
      above the story the same shape is a byline, and with a colon a speaker's label;
    - a caption that shows part of an event (Arabic جانب من, "a side of", word for word), in twelve words
      at most, no verb and no full stop, under the headline, between the paragraphs or below them: `Part
      of the meeting`, `A side of the celebration with the students`, `Some of the attendees`, `Pictures
      of the ceremony`; an occasion's noun names the event, so a subheading's `Part of the problem` or `A
      side of the city few visitors see` is not one, and neither is `From the visit` or `During the talks`,
      which may title a section; and an official pictured during their own occasion (`The Minister of
      Health during his visit to the hospital`; not `The Secretary of State during her first months in
      office`);
    - a line the line-role model reads as a caption with probability above 0.8 (0.6 in the closing lines:
      below the article, a short line with only short lines under it that is not a sentence of prose with
      a verb, as a short closing paragraph of the story is), from its shape (a line that names its picture,
      `The picture shows ...`, `Photo provided by the Ministry of Health`, reads as a credit), its
      place around the article's body and its neighbours (see docs/rules/layout-roles.md; the message
      names the strongest evidence). `mtlint check --explain-roles FILE` shows every line's role.
    Left alone: headings (`Archive policy`; `Social media` over a paragraph; any Markdown heading), sentences
    (`The picture is clear.`, `Reuters could not verify the images.`), wire datelines (`CAIRO (Reuters) -`), and
    the story's own credit (an agency under the byline, a bare `© AGENCY` line after the last paragraph, `(AP)`
    closing a paragraph), which are like bylines; in Markdown, the author's structure (headings, list items,
    prose with code or links), lines the model reads as article text, every finding of the model's own and
    captions found by their sentence shape alone; plain text wrapped by hand (an e-mail, a README), which has no
    captions. A line with any word outside the vocabulary, or with sentence punctuation, needs a credit shape
    (or the model's confidence).

    Options:
    - `max-words` (default 4): longest line judged a caption by its position alone.

    Fix: delete the line and one blank line beside it. Safe when the line is caption vocabulary or an
    image address only; unsafe when its shape or its learned role says so (a caption sentence, a line
    the model reads as a caption, a credit glued to text, whose span alone is removed).
    """

    code = "MT101"
    name = "stray-caption"
    category = "caption"
    severity = Severity.WARNING
    fixable = True
    reads_packs = True
    uses_corpus = True  # line roles weigh repetition across the files of the run

    Options = StrayCaptionOptions

    def __init__(
        self,
        options: StrayCaptionOptions | None = None,
        severity: Severity | None = None,
        extra_entries: tuple[PackEntry, ...] = (),
    ) -> None:
        super().__init__(options, severity, extra_entries)
        self.settings = LayoutSettings.build(self.extra_entries, captions=self.options)

    def configure(self, config: Config) -> None:
        """Read the run's layout settings (the other layout rules' packs and options), keeping its own."""
        mine = LayoutSettings.build(self.extra_entries, captions=self.options)
        self.settings = replace(LayoutSettings.from_config(config), vocabulary=mine.vocabulary, captions=self.options)

    def check(self, doc: Document) -> Iterator[Finding]:
        found = layout_debris(doc, self.settings).captions
        for index in sorted(found):
            block = doc.blocks[index]
            for hit in found[index]:
                if hit.whole:
                    edit = doc.deletion(block)
                    message = f"Stray caption: {hit.reason}; delete the line."
                else:
                    start, end = hit.start, hit.end
                    if end >= block.end:  # a credit at the end: take the space before it
                        while start > block.start and doc.text[start - 1] in " \t":
                            start -= 1
                    else:
                        while end < block.end and doc.text[end] in " \t":
                            end += 1
                    edit = Edit(start, end, "")
                    message = f"Stray credit: {hit.reason}; remove it (and any caption text beside it)."
                fix = Fix.safe(edit) if hit.safe else Fix.unsafe(edit)
                yield self.finding(hit.start, hit.end, message, fix)

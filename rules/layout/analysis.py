"""One reading of a page's layout debris, shared by stray-caption, site-boilerplate and duplicate-paragraph.

Two kinds of evidence meet here. The packs and shape rules of captions.py and furniture.py are strong
evidence: a caption word alone on a line, a widget label, a copyright line, the footer zone. The line-role
model (roles.py) is generic evidence: it reads the shape and the place of every line and finds debris
that no pack lists, on sites nobody has seen. A line is reported once, by the most specific rule:

1. a caption or credit by the caption vocabulary (stray-caption);
2. furniture by the furniture packs or the page's structure (site-boilerplate);
3. furniture by repetition across the files of the run, for a line shaped like furniture above or below
   the article (a document repeats its own sentences on purpose, a site its labels);
4. a caption or furniture by the role model, with probability above REPORT (unsafe fix: the role is
   learned, not listed), or above TAIL_REPORT in the closing lines (below the article, a short line
   with only short lines under it: where pages keep their closing furniture and captions), or a
   caption by its sentence shape between two paragraphs or under the headline.
Furniture found by repetition or by the model opens related lists and footer zones as pack furniture does.

The model never reports, on its own evidence, the article's headline (the first title-like line above
the body: four words or more, with function words, no sentence-final punctuation, no call to action), a
numbered section title, a section's name or a date in digits.

The model also vetoes: a pack match that does not list the whole line (a line that begins with a widget
label) keeps a safe fix only when the model gives the line less than SAFE_ARTICLE of being article text.
Markdown is written by its author, not extracted from a page: the author's structure (headings, list
items, prose with code or links, an introduction ending in a colon) is never reported, and neither is a
line the model reads as article text; the model reports nothing of its own there, nor does a caption's
sentence shape (a sign-off that talks to the reader, a caption under a picture that is there). In
documentation (Markdown with code, or plain text with code in many of its lines: a manual or a changelog
saved as text) the model reports nothing of its own either, a line it reads as article text is never
reported, and the page-layout readings (menus, related lists, the footer zone, a label above the
article) are dropped: documentation is not a web page, and repeats sentences, lists its own titles and
talks to its reader by design. A line of verse (in plain text, a line of a stanza,
`text.lines.stanza_lines`: a poem, a song, a stanza a story quotes) is never debris: its shape is the
poem's.
Plain text wrapped by hand, licences (`text.lines.is_licence`: a title ending in "License" at the top
and a disclaimer of warranty) and texts made mostly of list items (`text.lines.is_list`: a changelog, an
index) were typed, not extracted: they get no layout finding at all.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from mtlint.rules.layout.captions import find_captions
from mtlint.rules.layout.credits import closes_story
from mtlint.rules.layout.cues import has_credit, is_timestamp
from mtlint.rules.layout.furniture import find_furniture, is_numbered_section, is_role_title, is_section_name
from mtlint.rules.layout.role_features import Layout, document_layout
from mtlint.rules.layout.roles import STRUCTURE, LineRoles, line_roles, sentence_captions
from mtlint.rules.layout.settings import LayoutSettings
from mtlint.rules.layout.shared import Hit
from mtlint.text.document import Block, BlockKind, Document
from mtlint.text.lines import LineShape, is_licence, is_list, line_shapes
from mtlint.text.regexes import compiled

REPORT = 0.8  # a line is reported on the model's evidence alone above this probability of its class
TAIL_REPORT = 0.6  # ... and in the closing lines (below the article, short lines only under it)
TAIL_MAX_WORDS = 12
SAFE_ARTICLE = 0.5  # a pack match's fix stays safe only below this probability of article text
STORY_CREDIT_WORDS = 4  # a credit line this short under the story's last paragraph is the story's own
TEMPLATE_MAX_WORDS = 12  # a line repeated across files is furniture-shaped up to this length
# A sentence of prose under the article (a short closing paragraph): this long, with this share of function words.
STORY_SENTENCE_MIN_WORDS = 8
STORY_STOPWORD_SHARE = 0.3

# Lines that repeat across a site's articles but are content: datelines, bylines, times, numbers.
_NOT_TEMPLATE = compiled(
    r"(?i)^(?:by\s|written\s+by|updated|published|posted)|^[\p{N}\p{P}\p{S}\s]*$"
    r"|^(?:[\p{L}.]+\s*,?\s*)?(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d"
)


@dataclass(frozen=True)
class Debris:
    """The captions and furniture of one document, per block index, and the roles they were read with."""

    captions: Mapping[int, tuple[Hit, ...]]
    furniture: Mapping[int, Hit]
    roles: LineRoles

    def role(self, i: int) -> str:
        """The role of block `i` as the layout rules settle it: what they report it as, else what the model
        reads it as (headline, byline, subheading, body, quote; a debris class under the threshold)."""
        model = self.roles[i]
        if any(h.whole for h in self.captions.get(i, ())):
            return model.role if model.cls == "caption" else "caption"
        hit = self.furniture.get(i)
        if hit is not None and hit.whole:
            return "furniture" + (f" ({model.detail})" if model.cls == "furniture" and model.detail else "")
        if model.cls != "article":
            return f"{model.role}?"  # the model leans that way, below the threshold of a finding
        return model.role

    @property
    def whole_lines(self) -> frozenset[int]:
        """Blocks that are a caption or furniture as a whole (what the other rules leave alone)."""
        caps = {i for i, hits in self.captions.items() if any(h.whole for h in hits)}
        return frozenset(caps | {i for i, h in self.furniture.items() if h.whole})


def layout_debris(doc: Document, settings: LayoutSettings) -> Debris:
    """The layout debris of `doc` read with `settings` (computed once per document and settings)."""
    return doc.derived(_analyser(settings))


@lru_cache(maxsize=8)
def _analyser(settings: LayoutSettings) -> Callable[[Document], Debris]:
    def analyse(doc: Document) -> Debris:
        return _analyse(doc, settings)

    return analyse


def _analyse(doc: Document, settings: LayoutSettings) -> Debris:
    roles = line_roles(doc, settings.boilerplate.min_files)
    if doc.hard_wrapped or is_licence(doc) or is_list(doc):
        # Text wrapped by hand (an e-mail, a README, a licence) was typed, not extracted from a page:
        # it has no captions or page furniture, and its short lines are its own headings and lists. So
        # is a licence, however it is wrapped and however many files of a run carry a copy of it, and a
        # text made mostly of list items (a changelog), whose short entries are no counters or labels.
        return Debris({}, {}, roles)
    captions = dict(find_captions(doc, settings.vocabulary, settings.captions.max_words))
    learned_captions: dict[int, tuple[Hit, ...]] = {}
    learned_furniture: dict[int, Hit] = {}
    layout = document_layout(doc)
    shapes = line_shapes(doc)
    short_from = _short_from(doc)
    for i, role in enumerate(roles.roles):
        if i in captions or role.cls == "article" or role.p <= TAIL_REPORT:
            continue
        if role.p <= REPORT and (not _in_tail(doc, roles, i, short_from) or _story_sentence(shapes[i], layout, i)):
            continue
        if not _model_may_report(doc, roles, i):
            continue
        b = doc.blocks[i]
        if (role.cls == "caption" and _story_credit(doc, b)) or (
            role.cls == "furniture" and (is_section_name(b.text) or is_timestamp(b.text) or is_role_title(b.text))
        ):
            continue  # the story's own credit, a section's name, the story's date, the author's title: not
            # debris by shape alone
        if is_numbered_section(doc, b):
            continue  # "4.8.3. Function Examples": a numbered section title (in a table of contents)
        if role.cls == "furniture" and i == layout.headline:
            continue  # the article's own title
        evidence = f"{roles.explain(i)}; p {role.p:.2f}"
        if role.cls == "caption":
            why = f"a line that reads as a caption by its shape and place ({evidence})"
            learned_captions[i] = (Hit(i, b.start, b.end, True, False, why),)
        else:
            why = f"a line that reads as page furniture by its shape and place: {evidence}"
            learned_furniture[i] = Hit(i, b.start, b.end, True, False, why)
    # Repetition across files names the line's evidence more plainly than the model, which also weighs it.
    learned_furniture.update(_repeated(doc, settings, roles, set(captions)))
    furniture = find_furniture(
        doc, settings.furniture, frozenset(captions), learned_furniture, roles.documentation, layout.headline
    )
    captions.update((i, hits) for i, hits in learned_captions.items() if i not in furniture)
    taken = set(captions) | set(furniture)
    if roles.has_body and not roles.documentation:
        for i, why in sorted(sentence_captions(doc).items()):
            if i not in taken and _model_may_report(doc, roles, i):
                b = doc.blocks[i]
                captions[i] = (Hit(i, b.start, b.end, True, False, why),)
                taken.add(i)
    if doc.format == "markdown" or roles.documentation:
        captions = {
            i: kept for i, hits in captions.items() if (kept := tuple(h for h in hits if not _vetoed(roles, h)))
        }
        furniture = {i: hit for i, hit in furniture.items() if not _vetoed(roles, hit)}
    if roles.stanzas:  # a line of verse: its shape is the poem's
        captions = {i: hits for i, hits in captions.items() if i not in roles.stanzas}
        furniture = {i: hit for i, hit in furniture.items() if i not in roles.stanzas}
    captions = {i: tuple(_confident(roles, h) for h in hits) for i, hits in captions.items()}
    furniture = {i: _confident(roles, h) for i, h in furniture.items()}
    return Debris(captions, furniture, roles)


def _short_from(doc: Document) -> int:
    """The index from which every block down to the end of the file is short (TAIL_MAX_WORDS or fewer)."""
    i = len(doc.blocks)
    while i > 0 and doc.blocks[i - 1].word_count <= TAIL_MAX_WORDS:
        i -= 1
    return i


def _story_sentence(s: LineShape, layout: Layout, i: int) -> bool:
    """A short closing paragraph of the story: a sentence with a verb and the function words of prose,
    that neither talks to the reader nor calls to act ("The government did not say how much it would
    cost."). Under the article it reads as furniture only with the model's full confidence."""
    return (
        s.ends_sentence
        and s.verb
        and s.words >= STORY_SENTENCE_MIN_WORDS
        and s.stopword_share >= STORY_STOPWORD_SHARE
        and not layout.promo[i]
    )


def _in_tail(doc: Document, roles: LineRoles, i: int, short_from: int) -> bool:
    """Whether block `i` stands below the article's last paragraph with only short lines from it down to
    the end of the file (`short_from`): where a page keeps its closing furniture."""
    if i < short_from or roles[i].place != "after":
        return False
    return not doc.blocks[i].text.rstrip().endswith((":", "："))  # a line that introduces what follows is the text's


def _story_credit(doc: Document, b: Block) -> bool:
    """A short credit right under the story's last paragraph: the story's own, like a byline."""
    return b.word_count <= STORY_CREDIT_WORDS and has_credit(b.text) and closes_story(doc, b)


def _model_may_report(doc: Document, roles: LineRoles, i: int) -> bool:
    """Whether the model's reading (or a caption's sentence shape) may report line `i` on its own: not in
    Markdown, which its author wrote (a sign-off, a caption under a picture that is there), nor in
    technical documentation (its lines are labels, titles and entries by design), not on a line of verse,
    and not without an article body to place the line against."""
    return (
        roles.has_body
        and doc.format != "markdown"
        and not roles.documentation
        and i not in roles.stanzas
        and roles[i].markup not in STRUCTURE
    )


def _vetoed(roles: LineRoles, hit: Hit) -> bool:
    """In any Markdown: on the author's structure (a heading, a list item, prose built around code or a
    link, an introduction), or on a line the model reads as article text; in documentation also when
    found by a web page's layout (a menu, the footer zone)."""
    role = roles[hit.block]
    return (roles.documentation and hit.placed) or role.markup in STRUCTURE or role.article > SAFE_ARTICLE


def _confident(roles: LineRoles, hit: Hit) -> Hit:
    """A safe fix only where the pack lists the whole line, or the model does not read it as article text."""
    if hit.safe and not hit.exact and roles.has_body and roles[hit.block].article >= SAFE_ARTICLE:
        return replace(hit, safe=False)
    return hit


def _repeated(doc: Document, settings: LayoutSettings, roles: LineRoles, taken: set[int]) -> dict[int, Hit]:
    """Lines shaped like furniture above or below the article that recur in enough files of the run."""
    corpus = doc.corpus
    if corpus is None:
        return {}
    opts = settings.boilerplate
    need = max(opts.min_files, opts.min_share * corpus.files)
    shapes = line_shapes(doc)
    out: dict[int, Hit] = {}
    for b in doc.blocks:
        i = b.index
        if i in taken or b.first_line != b.last_line or (b.kind is BlockKind.HEADING and i > 0):
            continue
        s = shapes[i]
        inside = roles[i].place not in ("before", "after")
        shaped = (s.words <= TEMPLATE_MAX_WORDS and not s.ends_sentence) or s.reader
        # Short lines (names, places, section titles) recur across a site's articles as content.
        if inside or not shaped or s.words < 4 or _NOT_TEMPLATE.search(b.text):
            continue
        start, end, _ = doc.line_span(b.first_line)
        seen = corpus.count(doc.prose[start:end])
        if seen >= need:
            why = f"a line found in {seen} of the {corpus.files} files linted"
            out[i] = Hit(i, b.start, b.end, True, False, why)
    return out

"""Page furniture (site boilerplate): pack lines, widget structure, related lists and the footer zone."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

import regex

from mtlint.engine.packs import PATTERN_TIMEOUT, PackEntry, PatternTimeout, load_builtin_pack
from mtlint.engine.patterns import LazyPattern
from mtlint.rules.layout.cues import ACTION_VERBS, BYLINE, is_imperative
from mtlint.rules.layout.shared import SENTENCE_END, Hit, first_body, last_body, prefilter, search
from mtlint.rules.names.lexicon import COMMON_GIVEN_RANK, REAL_NAME_RANK, name_ranks
from mtlint.text.document import Block, BlockKind, Document
from mtlint.text.lines import line_shapes
from mtlint.text.names import role_nouns
from mtlint.text.regexes import compiled

MENU_MIN_ITEMS = 3
MIDDLE_LIST_MAX = 5  # titles a related-links box between two paragraphs of the article holds at most
# A number with a word or two: comment, view and share counters, reading times ("12 views", "3 min read").
_COUNTER = compiled(
    r"^\d+(?:[.,]\d+)*\s*[kKmM]?(?:\s+\p{L}+\.?){1,2}$|^\d{1,6}$"
    # ... or what is counted first: "Views 1,234", "Comments (0)", "Shares: 12"
    r"|^(?i:views?|comments?|shares?|reads?|visits?|visitors|likes?|reactions?|replies)\s*(?::\s*|\(\s*)?"
    r"\d+(?:[.,]\d+)*\s*[kKmM]?\)?$"
)
_DATE_OR_TIME = LazyPattern(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\b|\b(?:19|20)\d\d\b"
    r"|\b(?:am|pm|hours?|hrs?|days?|weeks?|months?|years?|ago|gmt|utc)\b"
)
# "Page 2 of 3", "1/12", "(3 of 10)": where a paged article or a slideshow stands.
_PAGER = compiled(r"(?i)^\(?(?:page|photo|image|picture|slide)?\s*\d{1,3}\s*(?:/|of)\s*\d{1,3}\)?$")
# "A A A", "A- A A+": the letters of a text-size widget.
_FONT_WIDGET = compiled(r"^(?:[Aa][+\-−]?\s+){1,3}[Aa][+\-−]?$")
_ALL_CAPS = compiled(r"^[\p{Lu}\p{N}\W]+$")
_TRAIL_PUNCT = compiled(r"[\s.:!?,;…–—\-]*$")
_DURATION = compiled(r"^\d{1,2}:\d{2}(?::\d{2})?$")
_NUMBER = compiled(r"\p{N}")
_LETTERS = compiled(r"\p{L}+")
_SEGMENT = r"[\p{L}][\p{L}&'’\-]*(?:\s+[\p{L}&'’\-]+){0,2}"
# A link to another story, marked by an arrow or a double chevron (`>> Farmers protest in the capital`,
# `► Drought: what we know`); not a `>>>` prompt.
_ARROW_LINK = compiled(r"^(?:>>(?!>)|[»►▶▷➤➜→⇒▸])\s*[\p{Lu}\p{N}\p{Lo}]")
ARROW_LINK_MAX_WORDS = 16
_BREADCRUMB = compiled(rf"^(?:[«‹←]\s*)?{_SEGMENT}(?:\s*(?:/|\||›|»|>)\s*{_SEGMENT}){{1,4}}(?:\s*[»›→])?$")
# One-word lines above an article that are datelines or a document's own sections, not site labels.
_NOT_LABEL = compiled(
    r"(?i)^(?:mon|tues|wednes|thurs|fri|satur|sun)day$|^(?:january|february|march|april|may|june|july|august"
    r"|september|october|november|december)$|^(?:introduction|background|summary|overview|abstract|contents"
    r"|preface|foreword|prologue|epilogue|conclusions?|methods?|results|discussion|references|sources|notes"
    r"|acknowledge?ments|appendix|glossary|chapter|part|section|update|correction|editorial"
    r"|ingredients|method|directions|instructions|steps|equipment|requirements|prerequisites|installation"
    r"|usage|tips|nutrition)$"
)


# ISO 639-1 language codes, and the country codes sites also use to switch language (ua, cn, jp ...).
_LANGUAGE_CODES = frozenset(
    "aa ab af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz "
    "ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii "
    "ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi "
    "mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw "
    "sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk "
    "ur uz ve vi vo wa wo xh yi yo za zh zu ua cn jp kr gr cz dk vn il ir gb us".split()
)
_SWITCH_SEPARATORS = compiled(r"[\s|/•·]+")
# A call to action in brackets, as a link's text is left behind: "(See the details)", "(Watch the video)"; in
# lower-case words only and with no full stop, unlike a reference (`(See PEP 8 for details.)`).
_BRACKETED_ACTION = compiled(r"^\((\p{Lu}\p{Ll}+)(?:\s+\p{Ll}+){0,5}\)$")


def is_language_switcher(text: str) -> bool:
    """A line of language codes that includes English (`ua en ru`, `EN | AR`): an English page's switch
    to its other editions. Without `en` among them, two-letter words are read as words (`so am I`)."""
    codes = [t.casefold() for t in _SWITCH_SEPARATORS.split(text.strip()) if t]
    return 2 <= len(codes) <= 12 and "en" in codes and all(len(c) == 2 and c in _LANGUAGE_CODES for c in codes)


# A section title numbered in the document's outline ("4.8.3. Function Examples", "2. Using the tool").
_NUMBERED_SECTION = compiled(r"^\d{1,3}(?:\.\d{1,3})+\.?\s+\p{Lu}|^\d{1,3}\.\s+\p{Lu}[^.!?]*$")


def is_numbered_section(doc: Document, b: Block) -> bool:
    """Whether the line is a numbered section title of the document (as in its table of contents),
    read with its list marker."""
    return _NUMBERED_SECTION.match(doc.text[b.outer_start : b.end]) is not None


def is_section_name(text: str) -> bool:
    """A one-word line that names a document's own section (Introduction, Sources) or a date, not a label
    the site put there."""
    return bool(_NOT_LABEL.match(text.strip()))


def is_role_title(text: str) -> bool:
    """A one-word line that names a role ("Fellow", "Correspondent"): an author's title by the byline,
    whose name the extraction lost, not a label the site put there."""
    word = text.strip()
    return word.isalpha() and word.casefold() in role_nouns()


def builtin_boilerplate() -> tuple[PackEntry, ...]:
    return load_builtin_pack("boilerplate.toml").entries


def pack_hit(entry: PackEntry, text: str) -> regex.Match[str] | None:
    """Match a line-start (or whole-line) boilerplate entry against a block's text."""
    try:
        m = entry.regex.match(text, timeout=PATTERN_TIMEOUT)
    except TimeoutError:
        raise PatternTimeout(f"pattern {entry.source!r} timed out after {PATTERN_TIMEOUT:g}s") from None
    if m is None or m.end() == 0:
        return None
    if entry.whole and not _TRAIL_PUNCT.fullmatch(text, m.end()):
        return None
    return m


def find_furniture(
    doc: Document,
    entries: tuple[PackEntry, ...],
    captions: frozenset[int],
    learned: Mapping[int, Hit] | None = None,
    documentation: bool = False,
    headline: int = -1,
) -> dict[int, Hit]:
    """Page furniture per block index: pack lines, widget structure, menus, related lists and the footer
    zone. `learned` holds furniture found by other evidence (the line-role model): a pack or structure
    reason wins on the same line, and learned lines open related lists and footer zones like pack ones.
    In `documentation` the label of a list of links (`See also`, `Related articles`) is the author's.
    `headline` is the index of the article's headline (-1 if none), under which names are the story's."""
    blocks = doc.blocks
    body = first_body(doc, captions)
    last = last_body(doc, captions)
    lines = [b for b in blocks if b.index not in captions]
    suffix = tuple(e for e in entries if "suffix" in e.tags)
    line_entries = tuple(e for e in entries if "suffix" not in e.tags)
    # Video lengths in a related-videos list: bare mm:ss lines, each over a short title (a live blog's
    # times of day stand over long entries instead).
    durations = [
        b.index
        for b in lines
        if _DURATION.match(b.text) and (b.index + 1 == len(blocks) or _is_short(blocks[b.index + 1]))
    ]
    quantities = _quantity_runs(blocks)
    out: dict[int, Hit] = {}
    tails: list[int] = []
    lists: list[int] = []
    quick = prefilter(line_entries)
    for b in lines:
        text = b.text
        for e in quick.entries_in(text):
            if "closing" in e.tags and b.index <= last:
                continue  # a credit that closes a story, met inside it (a changelog's `(Contributed by X)`)
            if documentation and "list" in e.tags:
                continue  # a manual's own `See also` box
            m = pack_hit(e, text)
            if m:
                why = e.note or "a widget label, link or call to action"
                exact = e.whole or bool(_TRAIL_PUNCT.fullmatch(text, m.end()))  # the entry is the whole line
                out[b.index] = Hit(b.index, b.start, b.end, True, "unsafe" not in e.tags, why, exact=exact)
                if "tail" in e.tags:
                    tails.append(b.index)
                if "list" in e.tags:
                    lists.append(b.index)
                break
        else:
            # An author's own Markdown heading is structure, not a label left by the page.
            md_heading = doc.format == "markdown" and b.kind is BlockKind.HEADING
            # In Markdown a short line the author wrapped in markup (`*Draft*`, a link) is the author's.
            marked = doc.format == "markdown" and doc.opens_with_markup(b.start, b.outer_start)
            why = "" if md_heading else _structure(b, body, last, durations, quantities, marked)
            if why:
                out[b.index] = Hit(b.index, b.start, b.end, True, False, why, placed=True)
                if b.index in durations:
                    tails.append(b.index)
    quick_suffix = prefilter(suffix)
    for b in lines:
        if b.index in out or b.kind not in (BlockKind.HEADING, BlockKind.LINE):
            continue
        for e in suffix if quick_suffix.search(b.text) else ():
            found = search(e, b.text)
            m = found[-1] if found else None
            # A suffix after the headline, or a prefix before it (`Site | Section | Headline`): never the
            # whole line, whose words would all go with it.
            if m is not None and (m.start() > 0 or m.end() < len(b.text.rstrip())):
                out[b.index] = Hit(
                    b.index,
                    b.start + m.start(),
                    b.start + m.end(),
                    False,
                    False,
                    e.note or ("a suffix glued to the headline" if m.start() else "a prefix glued to the headline"),
                    glued_to="the headline",
                )
                break
    _menus(doc, out, captions, body)
    _masthead(doc, out)
    _names_above_headline(doc, out, captions, headline, body)
    _related_lists(doc, out, captions, lists, body, last)
    _footer_zone(doc, out, captions, [t for t in tails if t > body])
    # Then what other evidence found: it keeps its own reason, and opens lists and footer zones of its own.
    lists, tails = [], []
    for i, hit in sorted((learned or {}).items()):
        if i in out or i in captions:
            continue
        out[i] = hit
        if i > last:
            tails.append(i)
        if blocks[i].text.rstrip().endswith((":", "：")):
            lists.append(i)
    _related_lists(doc, out, captions, lists, body, last)
    _footer_zone(doc, out, captions, [t for t in tails if t > body])
    # Last: a paragraph with a glued span is still the article's, and opens no list or footer zone.
    out.update(_glued_to_paragraphs(doc, lines, out, line_entries))
    return out


def _glued_to_paragraphs(
    doc: Document, lines: Sequence[Block], found: Mapping[int, Hit], entries: tuple[PackEntry, ...]
) -> dict[int, Hit]:
    """Furniture glued to the end of a paragraph: its last sentence is a line a pack lists (`Read also:
    Council votes to close two libraries`, `Follow us on ...`) or a call to action in brackets (`(See the
    details)`), the text of a link the extraction ran into the paragraph. Not in Markdown, whose author
    wrote the pointer; not a wire credit (`closing`), which ends a story as its own."""
    if doc.format == "markdown":
        return {}
    last: dict[int, tuple[int, int, str]] = {}  # block -> (its sentences, the last one's start, its text)
    for s in doc.sentences:
        n = last[s.block][0] + 1 if s.block in last else 1
        last[s.block] = (n, s.start, s.text)
    entries = tuple(e for e in entries if "closing" not in e.tags)
    quick = prefilter(entries)
    out: dict[int, Hit] = {}
    for b in lines:
        if b.index in found or last.get(b.index, (0,))[0] < 2:
            continue
        _, start, text = last[b.index]
        text = text.strip()
        bracketed = _BRACKETED_ACTION.match(text)
        if bracketed is not None and bracketed.group(1).casefold() in ACTION_VERBS:
            why = "a call to action in brackets"
        else:
            # A line-start entry matches a sentence of prose too ("Loading the module takes ...", "Share the
            # load with your family."): such an entry counts only for a label or a title, with no full stop,
            # or, when it closes pages ("tail"), for a call to the reader ("Follow us on X for the news.").
            ended, calls = bool(SENTENCE_END.search(text)), _calls_reader(text)
            hit = next(
                (
                    e
                    for e in quick.entries_in(text)
                    if (e.whole or not ended or (calls and "tail" in e.tags)) and pack_hit(e, text)
                ),
                None,
            )
            if hit is None:
                continue
            why = hit.note or "a widget label, link or call to action"
        out[b.index] = Hit(b.index, start, b.end, False, False, why, glued_to="the end of the paragraph")
    return out


# The site speaking of itself (not "US", the country); advice in a story says "your" ("Share the load
# with your family"), a site's call says "us" or "our" ("Follow us on", "Subscribe to our newsletter").
_SITE = compiled(r"\b(?:[Uu]s|[Oo]ur)\b")


def _calls_reader(text: str) -> bool:
    """An imperative in which the site speaks to the reader: "Follow us on ...", "Join our channel ..."."""
    first = text.split(None, 1)[0] if text.strip() else ""
    return is_imperative(first) and _SITE.search(text) is not None


QUANTITY_RUN = 3  # lines in a row that each open with a number: a list of amounts, not counters


def _quantity_runs(blocks: Sequence[Block]) -> frozenset[int]:
    """Blocks in runs of QUANTITY_RUN or more short lines that each open with a number (`2 lemons`,
    `4 cloves garlic`): a list of ingredients, results or parts belongs to the text. A page's counters
    stand alone or in pairs."""
    out: set[int] = set()
    run: list[int] = []
    for b in [*blocks, None]:
        if b is not None and b.text[:1].isdigit() and b.word_count <= 6:
            run.append(b.index)
            continue
        if len(run) >= QUANTITY_RUN:
            out.update(run)
        run = []
    return frozenset(out)


def _structure(
    b: Block, body: int, last: int, duration_set: Sequence[int], quantities: frozenset[int], marked: bool = False
) -> str:
    durations = len(duration_set)
    text = b.text
    if durations >= 2 and _DURATION.match(text) and b.index in duration_set:
        return "a video duration from a related-videos list"
    if len(text) > 100:
        return ""  # breadcrumbs and labels are short
    if (
        (b.index < body or b.index > last)
        and last >= 0  # there is an article for the counter to stand outside of
        and b.index not in quantities
        and _COUNTER.match(text)
        and not _DATE_OR_TIME.search(text)
    ):
        return "a counter (comments, views, reading time)"
    if _PAGER.match(text):
        return "a page or picture counter of a paged article or slideshow"
    if _FONT_WIDGET.match(text):
        return "a text-size widget"
    if b.index < body and is_language_switcher(text):
        return "a language switcher above the article"
    n = b.word_count
    if b.index >= body and n <= ARROW_LINK_MAX_WORDS and _ARROW_LINK.match(text) and not SENTENCE_END.search(text):
        return "a link to another story, marked by an arrow"
    if n <= 8 and not _NUMBER.search(text) and _BREADCRUMB.match(text) and not SENTENCE_END.search(text):
        return "a section breadcrumb"
    if (
        b.index < min(body, 6)
        and last >= 0  # there is an article to be above
        and n == 1
        and not marked
        and _LETTERS.fullmatch(text)
        and not _ALL_CAPS.match(text)
        and not _NOT_LABEL.match(text)
        and not is_role_title(text)
    ):
        return "a section label above the article"
    return ""


def _menus(doc: Document, out: dict[int, Hit], captions: frozenset[int], body: int) -> None:
    """A run of three or more short lines above the article, most of them one word: a site's menu. Lines
    already read as labels belong to the run and are named menu items; pack furniture keeps its reason."""
    blocks = doc.blocks
    run: list[Block] = []
    for b in [*blocks[:body], None]:
        if b is not None and b.index in captions:
            continue
        if b is not None and (_menu_item(doc, b) or (b.index in out and out[b.index].whole)):
            run.append(b)
            continue
        single = sum(x.word_count == 1 for x in run)
        if len(run) >= MENU_MIN_ITEMS and 2 * single >= len(run):
            why = "an item of a site menu above the article"
            for x in run:
                if x.index not in out or out[x.index].placed:
                    out[x.index] = Hit(x.index, x.start, x.end, True, False, why, placed=True)
        run = []


def _menu_item(doc: Document, b: Block) -> bool:
    text = b.text
    if b.kind is BlockKind.PARAGRAPH or (doc.format == "markdown" and b.kind is not BlockKind.LINE):
        return False
    n = b.word_count
    return 1 <= n <= 3 and not SENTENCE_END.search(text) and not _NUMBER.search(text) and not BYLINE.match(text)


def _masthead(doc: Document, out: dict[int, Hit]) -> None:
    """A site name on the first line, directly above navigation furniture."""
    blocks = doc.blocks
    if len(blocks) < 2 or 0 in out or 1 not in out or not out[1].whole:
        return
    first = blocks[0]
    if doc.format == "markdown" and first.kind is BlockKind.HEADING:
        return  # the author's own title, not a site's name
    if first.word_count <= 3 and not SENTENCE_END.search(first.text):
        out[0] = Hit(0, first.start, first.end, True, False, "a site masthead above the navigation", placed=True)


NAME_ABOVE_MAX_WORDS = 3


def _names_above_headline(
    doc: Document, out: dict[int, Hit], captions: frozenset[int], headline: int, body: int
) -> None:
    """A name of two or three capitalised words above the headline (`Harbour Herald`, `Regional News`):
    the site's masthead or a section's name. An author's name stands there too, with a byline that
    repeats it (`By Anna Lindqvist`) or as the name tables know a person's (`Karim Duarte`), and so do
    their title (`Transport Correspondent`) and the date; under the headline a name is the story's. Only
    on a page extracted a paragraph to a line: typed text sets its paragraphs apart with blank lines, and
    its title stands over a subtitle (`Acme Converter` over `A tool for converting files`); and only on a
    page with other debris found (a caption, a widget, a menu): a typed text's first line above its title
    (`FOR IMMEDIATE RELEASE`, `Chapter One`) has the same shape. Unsafe to delete: the words alone do not
    tell a site from a person."""
    if headline <= 0 or body >= len(doc.blocks) or doc.format == "markdown":
        return
    if not captions and not any(hit.whole for hit in out.values()):
        return  # no other debris: a typed text's own first line (`FOR IMMEDIATE RELEASE`, `Chapter One`)
    if any(doc.is_blank_line(line) for line in range(doc.blocks[0].first_line, doc.blocks[body].last_line + 2)):
        return
    bylines = [b.text.casefold() for b in doc.blocks if BYLINE.match(b.text)]
    shapes = line_shapes(doc)
    for b in doc.blocks[:headline]:
        i, text = b.index, b.text.strip()
        if i in out or i in captions or b.first_line != b.last_line:
            continue
        words = text.split()
        if not 2 <= len(words) <= NAME_ABOVE_MAX_WORDS or not all(_NAME_WORD.fullmatch(w) for w in words):
            continue
        if BYLINE.match(text) or words[-1].casefold() in role_nouns() or shapes[i].dated:
            continue
        key = " ".join(words).casefold()
        if any(key in line for line in bylines) or _person(words):
            continue  # the author's name, which the byline repeats
        why = "a site's or a section's name above the headline"
        out[i] = Hit(i, b.start, b.end, True, False, why, placed=True)


def _person(words: Sequence[str]) -> bool:
    """A person's name by the name tables: a common given name first (`Karim Duarte`), names only with a
    common given name among them (`Lindqvist Anna`), or a given name and a surname that some country ranks
    high (`Siddharth Rao`)."""
    ranks = [name_ranks(w) for w in words]
    common = [0 < given <= COMMON_GIVEN_RANK for given, _ in ranks]
    if common[0] or (any(common) and all(given or surname for given, surname in ranks)):
        return True
    first, last = ranks[0][0], ranks[-1][1]
    return 0 < first <= REAL_NAME_RANK and 0 < last <= COMMON_GIVEN_RANK


# A capitalised word of a name (`Herald`, `Al-Ahram`, `TOP`), no digits.
_NAME_WORD = compiled(r"\p{Lu}[\p{L}\p{M}'’\-&.]*")


def _is_short(b: Block) -> bool:
    n = b.word_count
    return n <= 10 or (n <= 15 and not SENTENCE_END.search(b.text))


def _related_lists(
    doc: Document, out: dict[int, Hit], captions: frozenset[int], heads: list[int], body: int, last: int
) -> None:
    """The short title lines right under a related-links heading ("Related articles", "Most read").
    Between two paragraphs of the article the box is small and holds titles only: a line that ends a
    sentence there ("Written by ...") is the article's own again, and so is what follows it."""
    blocks = doc.blocks
    ordered = all(a <= b for a, b in itertools.pairwise(heads))
    # Where the last list outside the article ended (heads in order): every line above it that is no
    # caption is marked. A box between paragraphs holds a few lines only and is always read.
    reach = -1
    for head in heads:
        inside = body < head < last
        if ordered and not inside and head < reach:
            continue  # inside a list already read: its lines are marked, and it ends where that one did
        stop = min(head + 1 + MIDDLE_LIST_MAX, len(blocks)) if inside else len(blocks)
        end = stop
        for i in range(head + 1, stop):
            b = blocks[i]
            if i in captions or i in out:
                continue
            if not _is_short(b) or (b.kind is BlockKind.HEADING and doc.format == "markdown"):
                end = i
                break
            if inside and SENTENCE_END.search(b.text):
                break
            out[i] = Hit(i, b.start, b.end, True, False, "a title in a related-articles list", placed=True)
        if not inside:
            reach = end


# Promotional text speaks to the reader ("your account", "our newsletter") or tells them what to do.
_ADDRESSES_READER = LazyPattern(
    r"(?i)\b(?:you|your|our|us)\b|^(?:learn|discover|find|get|join|sign|subscribe|register|download|read|watch"
    r"|click|use|follow|explore|try|enjoy|book|buy|shop|save|visit|check|see|stay|keep|don.t|never)\b"
)


def _footer_zone(doc: Document, out: dict[int, Hit], captions: frozenset[int], anchors: list[int]) -> None:
    """From closing furniture to the end of the file, short lines (and long promotional ones just above
    furniture) are furniture too; the zone counts only if it reaches the end of the file without meeting
    article prose."""
    if not anchors:
        return
    blocks = doc.blocks
    # Whether a line breaks a zone does not depend on the zone's anchor (nothing is marked before a zone is
    # found), so the lowest line that breaks one is found once, from the end: the first anchor at or below
    # it opens the zone, and every line under that anchor that is no caption nor furniture yet is in it.
    lowest = min(anchors)
    breaker = -1
    below: int | None = None  # the nearest line under the one read that is no caption
    for i in range(len(blocks) - 1, lowest, -1):
        if i not in captions and i not in out and (not _is_short(blocks[i]) or is_numbered_section(doc, blocks[i])):
            above_furniture = below is not None and below in out and out[below].whole and out[below].safe
            if not (above_furniture and _ADDRESSES_READER.search(blocks[i].text)):
                breaker = i
                break
        if i not in captions:
            below = i
    anchor = next((a for a in anchors if a >= breaker), None)
    if anchor is None:
        return
    for i in range(anchor + 1, len(blocks)):
        if i not in captions and i not in out:
            b = blocks[i]
            out[i] = Hit(i, b.start, b.end, True, False, "a line inside the page footer", placed=True)

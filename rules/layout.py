"""Shared reading of page layout for the layout-debris rules (MT101-MT103).

Captions, site furniture and duplicated paragraphs are judged from the same facts: where the article's
body starts, which lines are captions or credits, which are page furniture. Each rule reports one
category; this module makes sure they agree (a repeated caption is a caption, not a duplicate; a credit
glued to a teaser is a caption, not boilerplate). All functions are pure and cached per document.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

import regex

from linter.document import Block, BlockKind, Document
from linter.packs import PATTERN_TIMEOUT, PackEntry, PatternTimeout, load_builtin_pack, phrase_regex

WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-]*")
# The standard library's engine is several times faster for plain word scans of long documents.
_FAST_WORD = re.compile(r"[^\W_](?:[\w'’\-]|[\u0300-\u036f])*")
SENTENCE_END = regex.compile(r"""[.!?…][\"'”’»)\]]*\s*$""")
SENTENCE_BREAK = regex.compile(r"""[.!?…][\"'”’»)\]]*\s+(?=[\p{Lu}\p{N}"“‘'(])""")
BODY_MIN_WORDS = 15
# Words that may sit between caption words on a credit line: "Photo by AFP via Getty Images".
_FILLER = regex.compile(r"(?i)(?<![\p{L}\p{N}])(?:a|an|by|via|from|the|of|and|for|on|file|copyright)(?![\p{L}\p{N}])")
_SEPARATORS = regex.compile(r"[\s\p{P}\p{S}\p{N}]+")
_IMAGE_URL = regex.compile(
    r"(?i)^(?:https?://|www\.)\S+?\.(?:jpe?g|png|gif|webp|avif|bmp|tiff?|heic)(?:[?#]\S*)?$"
    r"|^(?:https?://|www\.)\S*/(?:images?|img|photos?|pictures?|media|uploads?)/\S+$"
)
_IMAGE_FILE = regex.compile(r"(?i)^[\w ().,+-]{1,120}\.(?:jpe?g|png|gif|webp|avif|bmp|tiff?|heic)$")
_CAMERA_NAME = regex.compile(
    r"(?i)^(?:whatsapp\s+image|img|dsc[nf]?|pxl|screenshot|screen\s+shot|photo|image)[\s_-]*\d{2,}[\d\s_.:at()-]*$"
)
_MD_IMAGE = regex.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$")
_CREDIT_BODY = regex.compile(
    r"""\s*(?:[:：]\s*|(?<=\b(?:by|of))\s+|\s+(?:by|via)\s+)(?=[\p{Lu}\p{N}@])(?P<body>[^\n.!?…]{1,70}?)\s*$"""
)
# A credit opening the line ("Image caption, ...", "Source: ..."): the whole line is caption matter.
_LEAD_CREDIT = regex.compile(r"""\s*(?:[:：,]\s*|(?<=\b(?:by|of))\s+|\s+(?:by|via)\s+)\S""")
_AP_CREDIT = regex.compile(r"\((?:[\p{Lu}][\p{L}]*\s+)?Photos?\s*/\s*[^()\n]{2,60}\)")
_NAME = r"\p{Lu}[\p{L}'’.\-]*"
_CAP = r"[\p{Lu}\p{N}][\p{L}\p{N}&.'’\-]*"
_NAME_SLASH_CREDIT = regex.compile(
    rf"(?:^|(?<=[.!?…”\"]\s{{1,3}}))(?P<credit>(?:{_NAME}\s+){{1,3}}{_NAME}\s*/\s*{_CAP}(?:\s+{_CAP}){{0,2}}"
    rf"(?:\s*/\s*{_CAP}(?:\s+{_CAP}){{0,2}})*)\s*$"
)
_AGENCY_SLASH_NAME = regex.compile(
    rf"(?<=[.!?…”\"]\s{{1,3}})(?P<credit>\p{{Lu}}{{2,}}(?:\s+\p{{Lu}}{{2,}})?\s*/\s*{_NAME}(?:\s+{_NAME}){{0,3}}"
    rf"(?:\s*/\s*\p{{L}}+(?:\s+\p{{L}}+)?)?)\s*$"
)
_PAREN_NAME_CREDIT = regex.compile(
    rf"(?<=[.!?…”\"]\s{{0,3}})(?P<credit>\((?:{_CAP}\s*[/,]?\s*){{1,4}}\))\s*$"
)
_COPYRIGHT_HERE = regex.compile(r"(?i)\s*(?:\d{4}|copyright|all\s+rights)")
_CREDIT_TOKEN = regex.compile(r"\s*(?P<tok>/|[\p{L}\p{N}][\p{L}\p{N}.'’&\-]*)")
_ALL_CAPS = regex.compile(r"^[\p{Lu}\p{N}\W]+$")


def words(text: str) -> list[str]:
    return WORD.findall(text)


def tokens(text: str) -> tuple[str, ...]:
    """Case-, apostrophe- and punctuation-insensitive word tokens of `text`."""
    return tuple(_FAST_WORD.findall(text.casefold().replace("’", "'")))


def token_ends(text: str) -> list[int]:
    """End offsets in `text` of the tokens `tokens(text)` returns, in order."""
    return [m.end() for m in _FAST_WORD.finditer(text)]


def is_body(block: Block) -> bool:
    """A paragraph or list item long enough to be article prose rather than a label."""
    n = len(WORD.findall(block.text))
    if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) or n < BODY_MIN_WORDS:
        return False
    return n >= 25 or bool(SENTENCE_END.search(block.text))


def sentence_count(text: str) -> int:
    return len(SENTENCE_BREAK.findall(text.strip())) + 1


def _search(entry: PackEntry, text: str, pos: int = 0, endpos: int | None = None):  # type: ignore[no-untyped-def]
    try:
        return list(entry.regex.finditer(text, pos, len(text) if endpos is None else endpos,
                                         timeout=PATTERN_TIMEOUT))
    except TimeoutError:
        raise PatternTimeout(f"pattern {entry.source!r} timed out after {PATTERN_TIMEOUT:g}s") from None


@dataclass(frozen=True)
class Vocabulary:
    """Caption words, credit markers and agencies (the stray-caption pack plus user extensions)."""

    entries: tuple[PackEntry, ...]

    def tagged(self, tag: str) -> tuple[PackEntry, ...]:
        return tuple(e for e in self.entries if tag in e.tags)

    @cached_property
    def _keys(self) -> frozenset[str] | None:
        return _first_words(self.entries)

    def mentions(self, text: str) -> bool:
        """Cheap test: whether any entry could match in `text` (most paragraphs have none)."""
        keys = self._keys
        if keys is None:
            return True
        return not keys.isdisjoint(_FAST_WORD.findall(text.casefold()))

    def only_vocabulary(self, text: str) -> bool:
        """Whether `text` is made of caption words alone (with fillers, separators and numbers)."""
        rest, hits = text, 0
        for entry in self.entries:
            for m in reversed(_search(entry, rest)):
                rest = rest[: m.start()] + " " + rest[m.end():]
                hits += 1
        if not hits:
            return False
        rest = _FILLER.sub(" ", rest)
        return not _SEPARATORS.sub("", rest)

    def only_topics(self, text: str) -> bool:
        """Whether every caption word of `text` could also title a section (`Social media`)."""
        others = [e for e in self.entries if "topic" not in e.tags]
        return not any(_search(e, text) for e in others)

    def agency_ends(self, text: str) -> list[int]:
        return sorted(m.end() for e in self.tagged("agency") for m in _search(e, text))


class _Always:
    """Stand-in prefilter when entries cannot be combined into one pattern."""

    @staticmethod
    def search(text: str, pos: int = 0) -> bool:
        return True

    @staticmethod
    def match(text: str, pos: int = 0) -> bool:
        return True


@lru_cache(maxsize=16)
def _first_words(entries: tuple[PackEntry, ...]) -> frozenset[str] | None:
    """First words of phrase entries (casefolded); None when some entry is a free pattern."""
    keys = set()
    for e in entries:
        if e.regex.pattern != phrase_regex(e.source, not e.regex.flags & regex.IGNORECASE).pattern:
            return None
        keys.add(WORD.findall(e.source.casefold())[0] if WORD.findall(e.source) else "")
    return frozenset(keys)


@lru_cache(maxsize=16)
def prefilter(entries: tuple[PackEntry, ...]):  # type: ignore[no-untyped-def]
    """One alternation of all entries, each with its own case flag, to skip blocks none can match."""
    parts = []
    for e in entries:
        flag = "i" if e.regex.flags & regex.IGNORECASE else "-i"
        parts.append(f"(?{flag}:{e.regex.pattern})")
    try:
        return regex.compile("|".join(parts), regex.V1)
    except regex.error:  # a user pattern with global inline flags: check entry by entry
        return _Always()


@lru_cache(maxsize=1)
def builtin_vocabulary() -> Vocabulary:
    return Vocabulary(load_builtin_pack("caption-words.toml").entries)


@dataclass(frozen=True)
class Hit:
    """A caption or furniture span in one block; `whole` means the block is nothing else."""

    block: int
    start: int
    end: int
    whole: bool
    safe: bool
    reason: str


def neighbours(doc: Document, i: int) -> tuple[Block | None, Block | None]:
    blocks = doc.blocks
    return (blocks[i - 1] if i > 0 else None, blocks[i + 1] if i + 1 < len(blocks) else None)


def is_heading(doc: Document, b: Block) -> bool:
    return b.kind is BlockKind.HEADING


def first_body(doc: Document, skip: Sequence[int] = ()) -> int:
    """Index of the first block of article prose (len(blocks) if there is none)."""
    for b in doc.blocks:
        if b.index not in skip and is_body(b):
            return b.index
    return len(doc.blocks)


@lru_cache(maxsize=8)
def find_captions(doc: Document, vocab: Vocabulary, max_words: int = 4) -> dict[int, tuple[Hit, ...]]:
    """Captions and credits per block index."""
    out: dict[int, list[Hit]] = {}
    for b in doc.blocks:
        hits = _block_captions(doc, b, vocab, max_words)
        if hits:
            out[b.index] = hits
    _alt_texts(doc, out)
    return {k: tuple(v) for k, v in out.items()}


def _block_captions(doc: Document, b: Block, vocab: Vocabulary, max_words: int) -> list[Hit]:
    text, raw = b.text, doc.text[b.start:b.end]
    whole = lambda safe, why: [Hit(b.index, b.start, b.end, True, safe, why)]  # noqa: E731
    if _IMAGE_URL.match(raw.strip()) or _IMAGE_FILE.match(raw.strip()):
        return whole(True, "an image address or file name on a line of its own")
    if _CAMERA_NAME.match(text.strip()):
        return whole(False, "an image file name used as a caption")
    if is_heading(doc, b) and doc.format == "markdown":
        return []  # an author's own Markdown heading is never a caption
    if "©" not in text and "(" not in text and not vocab.mentions(text):
        return _structural(doc, b, max_words)
    n = len(WORD.findall(text))
    if n <= 8 and not SENTENCE_END.search(text) or n <= 3:
        if "©" not in text and vocab.only_vocabulary(text):
            if b.kind is BlockKind.HEADING and vocab.only_topics(text) and text[:1].isupper():
                return []  # "Social media" over a paragraph is a section title
            return whole(True, "a caption or credit word on a line of its own")
    hits = _copyright_credits(doc, b, vocab) + _marker_credits(b, vocab) + _trailing_credits(b, vocab)
    if not hits:
        return _structural(doc, b, max_words)
    return hits


def _caption_span(b: Block, start: int, end: int, safe: bool, why: str) -> list[Hit]:
    """A credit at `start:end` of the block: the whole line when the rest is one caption sentence."""
    before = b.text[: start - b.start].strip()
    after = b.text[end - b.start:].strip()
    if not before and not after:
        return [Hit(b.index, b.start, b.end, True, safe, why)]
    rest = (before + " " + after).strip()
    if not after and len(WORD.findall(rest)) <= 40 and sentence_count(rest) == 1:
        return [Hit(b.index, b.start, b.end, True, False, "a photo caption with its credit")]
    return [Hit(b.index, start, end, False, False, why + " glued to the text")]


def _copyright_credits(doc: Document, b: Block, vocab: Vocabulary) -> list[Hit]:
    out: list[Hit] = []
    for m in regex.finditer(r"©", b.text):
        if _COPYRIGHT_HERE.match(b.text, m.end()):
            continue  # a site copyright line: boilerplate, not a credit
        pos, end, toks, names = m.end(), m.end(), 0, 0
        while toks < 12:
            t = _CREDIT_TOKEN.match(b.text, pos)
            if not t or (t["tok"] != "/" and not t["tok"][0].isupper() and not t["tok"][0].isdigit()):
                break
            pos, toks = t.end(), toks + 1
            names = 0 if t["tok"] == "/" else names + 1
            if t["tok"] != "/" and (names <= 2 or end == m.end()):
                end = pos
        ends = [e for e in vocab.agency_ends(b.text[m.end():pos]) if e]
        if ends:
            end = m.end() + max(ends)
        if end == m.end():
            continue
        start, stop = b.start + m.start(), b.start + end
        if b.text[end:].strip() == "" and b.text[: m.start()].strip() == "":
            prev, nxt = neighbours(doc, b.index)
            if prev is not None and is_body(prev) and (nxt is None or not is_body(nxt)):
                continue  # the story's own agency credit after its last paragraph, like a byline
            safe = vocab.only_vocabulary(b.text.replace("©", " "))
            out += [Hit(b.index, b.start, b.end, True, safe, "a photo credit on a line of its own")]
        else:
            out += _caption_span(b, start, stop, False, "a photo credit")
    return out


def _marker_credits(b: Block, vocab: Vocabulary) -> list[Hit]:
    """`Photo: X`, `Image: AP file`, `(Photo: X)`, `Photograph: Name/Paper`."""
    out: list[Hit] = []
    for entry in vocab.tagged("marker"):
        for m in _search(entry, b.text):
            open_paren = m.start() > 0 and b.text[m.start() - 1] == "("
            if m.start() > 0 and not (b.text[m.start() - 1].isspace() or open_paren):
                continue
            if open_paren:
                close = b.text.find(")", m.end())
                body = b.text[m.end():close] if close > 0 else ""
                if close < 0 or close - m.end() > 70 or not regex.match(r"\s*(?::|by\b)", body):
                    continue
                out += _caption_span(b, b.start + m.start() - 1, b.start + close + 1, False, "a photo credit")
                continue
            if m.start() > 0 and not m.group(0)[:1].isupper():
                continue  # "the photo: ..." inside a sentence; credits are capitalised or open the line
            if m.start() == 0 and _LEAD_CREDIT.match(b.text, m.end()):
                if len(WORD.findall(b.text)) <= 40 and sentence_count(b.text) <= 2:
                    out.append(Hit(b.index, b.start, b.end, True, False, "a caption or credit line"))
                    continue
            c = _CREDIT_BODY.match(b.text, m.end())
            if c and len(WORD.findall(c["body"])) <= 8:
                out += _caption_span(b, b.start + m.start(), b.end, False, "a photo credit")
    return _longest_first(out)


def _trailing_credits(b: Block, vocab: Vocabulary) -> list[Hit]:
    """`Caption. Name Surname / AGENCY` and `Caption. (Name Surname)` at the end of a line."""
    m = _NAME_SLASH_CREDIT.search(b.text)
    if m:
        after_slash = m["credit"].split("/", 1)[1]
        if vocab.agency_ends(after_slash) or regex.search(r"\b\p{Lu}{2,}\b", after_slash):
            return _caption_span(b, b.start + m.start("credit"), b.end, False, "a photo credit")
    m = _AGENCY_SLASH_NAME.search(b.text)
    if m:
        return _caption_span(b, b.start + m.start("credit"), b.end, False, "a photo credit")
    m = _AP_CREDIT.search(b.text)
    if m:
        return _caption_span(b, b.start + m.start(), b.start + m.end(), False, "a photo credit")
    m = _PAREN_NAME_CREDIT.search(b.text)
    if m and len(WORD.findall(m["credit"])) >= 1:
        inner = m["credit"][1:-1]
        hits = _caption_span(b, b.start + m.start("credit"), b.end, False, "a photo credit")
        # "(Name Surname)" after one sentence is a caption's credit; "(AP)" closing a long paragraph
        # is the story's own credit, like a byline.
        if (len(WORD.findall(inner)) >= 2 or vocab.agency_ends(inner)) and hits[0].whole:
            return hits
    return []


def _longest_first(hits: list[Hit]) -> list[Hit]:
    """Drop hits inside another hit of the same block."""
    keep: list[Hit] = []
    for h in sorted(hits, key=lambda h: (h.start, -h.end)):
        if not any(k.start <= h.start and h.end <= k.end for k in keep):
            keep.append(h)
    return keep


def _structural(doc: Document, b: Block, max_words: int) -> list[Hit]:
    """A short label between slideshow bullets or under an image: a caption by position alone."""
    if b.kind is not BlockKind.LINE or SENTENCE_END.search(b.text):
        return []
    if not 1 <= len(WORD.findall(b.text)) <= max_words:
        return []
    prev, nxt = neighbours(doc, b.index)
    between_items = all(x is not None and x.kind is BlockKind.LIST_ITEM and SENTENCE_END.search(x.text)
                        for x in (prev, nxt))
    under_image = prev is not None and bool(_MD_IMAGE.match(doc.text[prev.outer_start:prev.outer_end]))
    if between_items or under_image:
        return [Hit(b.index, b.start, b.end, True, False, "a short label placed like a caption")]
    return []


def _alt_texts(doc: Document, found: dict[int, list[Hit]]) -> None:
    """A line repeated inside the caption next to it is the image's alt text."""
    captions = [doc.blocks[i] for i, hits in found.items() if any(h.whole for h in hits)]
    for other in captions:
        theirs = " ".join(tokens(other.text))
        for b in neighbours(doc, other.index):
            if b is None or b.index in found:
                continue
            mine = " ".join(tokens(b.text))
            if len(mine.split()) >= 3 and mine in theirs and mine != theirs:
                found[b.index] = [Hit(b.index, b.start, b.end, True, False, "image alt text beside its caption")]


def caption_blocks(doc: Document, whole_only: bool = False) -> frozenset[int]:
    """Blocks holding a caption or credit by the built-in vocabulary (for the other debris rules);
    with `whole_only`, only blocks that are nothing but a caption."""
    found = find_captions(doc, builtin_vocabulary(), 4)
    return frozenset(i for i, hits in found.items() if not whole_only or any(h.whole for h in hits))


# -- page furniture ------------------------------------------------------------------------------------
_TRAIL_PUNCT = regex.compile(r"[\s.:!?,;…–—\-]*$")
_DURATION = regex.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")
_SEGMENT = r"[\p{L}][\p{L}&'’\-]*(?:\s+[\p{L}&'’\-]+){0,2}"
_BREADCRUMB = regex.compile(rf"^{_SEGMENT}(?:\s*(?:/|\||›|»|>)\s*{_SEGMENT}){{1,4}}$")
# One-word lines above an article that are datelines or a document's own sections, not site labels.
_NOT_LABEL = regex.compile(
    r"(?i)^(?:mon|tues|wednes|thurs|fri|satur|sun)day$|^(?:january|february|march|april|may|june|july|august"
    r"|september|october|november|december)$|^(?:introduction|background|summary|overview|abstract|contents"
    r"|preface|foreword|prologue|epilogue|conclusions?|methods?|results|discussion|references|sources|notes"
    r"|acknowledge?ments|appendix|glossary|chapter|part|section|update|correction|editorial)$"
)


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


@lru_cache(maxsize=8)
def find_furniture(doc: Document, entries: tuple[PackEntry, ...], captions: frozenset[int]) -> dict[int, Hit]:
    """Page furniture per block index: pack lines, widget structure and the footer zone."""
    blocks = doc.blocks
    body = first_body(doc, captions)
    lines = [b for b in blocks if b.index not in captions]
    suffix = tuple(e for e in entries if "suffix" in e.tags)
    line_entries = tuple(e for e in entries if "suffix" not in e.tags)
    # Video lengths in a related-videos list: bare mm:ss lines, each over a short title (a live blog's
    # times of day stand over long entries instead).
    durations = [b.index for b in lines if _DURATION.match(b.text)
                 and (b.index + 1 == len(blocks) or _is_short(blocks[b.index + 1]))]
    out: dict[int, Hit] = {}
    tails: list[int] = []
    lists: list[int] = []
    quick = prefilter(line_entries)
    for b in lines:
        text = b.text
        for e in line_entries if quick.match(text) else ():
            if pack_hit(e, text):
                out[b.index] = Hit(b.index, b.start, b.end, True, "unsafe" not in e.tags, e.note or "a widget label, link or call to action")
                if "tail" in e.tags:
                    tails.append(b.index)
                if "list" in e.tags:
                    lists.append(b.index)
                break
        else:
            # An author's own Markdown heading is structure, not a label left by the page.
            md_heading = doc.format == "markdown" and b.kind is BlockKind.HEADING
            why = "" if md_heading else _structure(b, body, durations)
            if why:
                out[b.index] = Hit(b.index, b.start, b.end, True, False, why)
                if b.index in durations:
                    tails.append(b.index)
    for b in lines:
        if b.index in out or b.kind not in (BlockKind.HEADING, BlockKind.LINE):
            continue
        for e in suffix if prefilter(suffix).search(b.text) else ():
            found = _search(e, b.text)
            if found and found[-1].start() > 0:
                m = found[-1]
                out[b.index] = Hit(b.index, b.start + m.start(), b.start + m.end(), False, False,
                                   e.note or "a suffix glued to the headline")
                break
    _masthead(doc, out)
    _related_lists(doc, out, captions, lists)
    _footer_zone(doc, out, captions, [t for t in tails if t > body])
    return out


def _structure(b: Block, body: int, duration_set: Sequence[int]) -> str:
    durations = len(duration_set)
    text = b.text
    if durations >= 2 and _DURATION.match(text) and b.index in duration_set:
        return "a video duration from a related-videos list"
    if len(text) > 100:
        return ""  # breadcrumbs and labels are short
    n = len(WORD.findall(text))
    if n <= 8 and not regex.search(r"\p{N}", text) and _BREADCRUMB.match(text) and not SENTENCE_END.search(text):
        return "a section breadcrumb"
    if b.index < min(body, 6) and n == 1 and regex.fullmatch(r"\p{L}+", text) and not _ALL_CAPS.match(text) \
            and not _NOT_LABEL.match(text):
        return "a section label above the article"
    return ""


def _masthead(doc: Document, out: dict[int, Hit]) -> None:
    """A site name on the first line, directly above navigation furniture."""
    blocks = doc.blocks
    if len(blocks) < 2 or 0 in out or 1 not in out or not out[1].whole:
        return
    first = blocks[0]
    if len(WORD.findall(first.text)) <= 3 and not SENTENCE_END.search(first.text):
        out[0] = Hit(0, first.start, first.end, True, False, "a site masthead above the navigation")


def _is_short(b: Block) -> bool:
    n = len(WORD.findall(b.text))
    return n <= 10 or (n <= 15 and not SENTENCE_END.search(b.text))


def _related_lists(doc: Document, out: dict[int, Hit], captions: frozenset[int], heads: list[int]) -> None:
    """The short title lines right under a related-links heading ("Related articles", "Most read")."""
    blocks = doc.blocks
    for head in heads:
        for i in range(head + 1, len(blocks)):
            b = blocks[i]
            if i in captions or i in out:
                continue
            if not _is_short(b) or b.kind is BlockKind.HEADING and doc.format == "markdown":
                break
            out[i] = Hit(i, b.start, b.end, True, False, "a title in a related-articles list")


# Promotional text speaks to the reader ("your account", "our newsletter") or tells them what to do.
_ADDRESSES_READER = regex.compile(
    r"(?i)\b(?:you|your|our|us)\b|^(?:learn|discover|find|get|join|sign|subscribe|register|download|read|watch"
    r"|click|use|follow|explore|try|enjoy|book|buy|shop|save|visit|check|see|stay|keep|don.t|never)\b"
)


def _footer_zone(doc: Document, out: dict[int, Hit], captions: frozenset[int], anchors: list[int]) -> None:
    """From closing furniture to the end of the file, short lines (and long promotional ones just above
    furniture) are furniture too; the zone counts only if it reaches the end of the file without meeting
    article prose."""
    blocks = doc.blocks
    for anchor in anchors:
        marked: list[int] = []
        ok = True
        for i in range(anchor + 1, len(blocks)):
            b = blocks[i]
            if i in captions or i in out:
                continue
            if _is_short(b):
                marked.append(i)
                continue
            nxt = next((j for j in range(i + 1, len(blocks)) if j not in captions), None)
            if nxt is not None and nxt in out and out[nxt].whole and out[nxt].safe and _ADDRESSES_READER.search(b.text):
                marked.append(i)
                continue
            ok = False
            break
        if ok:
            for i in marked:
                b = blocks[i]
                out[i] = Hit(i, b.start, b.end, True, False, "a line inside the page footer")
            return

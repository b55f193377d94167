"""Captions and photo/agency credits, as stray-caption (MT101) reports them and the other debris rules
skip them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

import regex

from mtlint.engine.packs import EntryPrefilter, PackEntry, phrase_regex
from mtlint.engine.patterns import LazyPattern
from mtlint.rules.layout.cues import BYLINE
from mtlint.rules.layout.role_features import document_layout
from mtlint.rules.layout.shared import (
    FAST_WORD,
    SENTENCE_END,
    WORD,
    Hit,
    is_body,
    is_heading,
    neighbours,
    prefilter,
    search,
    sentence_count,
    tokens,
)
from mtlint.text.document import Block, BlockKind, Document
from mtlint.text.lines import line_shapes
from mtlint.text.regexes import compiled

# Words that may sit between caption words on a credit line: "Photo by AFP via Getty Images".
_FILLER = compiled(r"(?i)(?<![\p{L}\p{N}])(?:a|an|by|via|from|the|of|and|for|on|file|copyright)(?![\p{L}\p{N}])")
_SEPARATORS = compiled(r"[\s\p{P}\p{S}\p{N}]+")
_IMAGE_URL = compiled(
    r"(?i)^(?:https?://|www\.)\S+?\.(?:jpe?g|png|gif|webp|avif|bmp|tiff?|heic)(?:[?#]\S*)?$"
    r"|^(?:https?://|www\.)\S*/(?:images?|img|photos?|pictures?|media|uploads?)/\S+$"
)
_IMAGE_FILE = compiled(r"(?i)^[\w ().,+-]{1,120}\.(?:jpe?g|png|gif|webp|avif|bmp|tiff?|heic)$")
_IMAGE_FILE_MAX = 125  # characters of the longest line _IMAGE_FILE matches: 120, a dot, an extension
_CAMERA_NAME = compiled(
    r"(?i)^(?:whatsapp\s+image|img|dsc[nf]?|pxl|screenshot|screen\s+shot|photo|image)[\s_-]*\d{2,}[\d\s_.:at()-]*$"
)
_MD_IMAGE = LazyPattern(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$")
# (an ellipsis after the marker, as some sites print it: "Credit...Name for The Paper")
_CREDIT_BODY = LazyPattern(
    r"""\s*(?:[:：]\s*|(?:\.{3}|…)\s*|(?<=\b(?:by|of))\s+|\s+(?:by|via)\s+)(?=[\p{Lu}\p{N}@])"""
    r"""(?P<body>[^\n.!?…]{1,70}?)\s*$"""
)
# A credit opening the line ("Image caption, ...", "Source: ..."): the whole line is caption matter.
_LEAD_CREDIT = LazyPattern(r"""\s*(?:[:：,]\s*|(?:\.{3}|…)\s*|(?<=\b(?:by|of))\s+|\s+(?:by|via)\s+)\S""")
_AP_CREDIT = compiled(r"\((?:[\p{Lu}][\p{L}]*\s+)?Photos?\s*/\s*[^()\n]{2,60}\)")
_NAME = r"\p{Lu}[\p{L}'’.\-]*"
_CAP = r"[\p{Lu}\p{N}][\p{L}\p{N}&.'’\-]*"
_NAME_SLASH_CREDIT = compiled(
    rf"(?:^|(?<=[.!?…”\"]\s{{1,3}}))(?P<credit>(?:{_NAME}\s+){{1,3}}{_NAME}\s*/\s*{_CAP}(?:\s+{_CAP}){{0,2}}"
    rf"(?:\s*/\s*{_CAP}(?:\s+{_CAP}){{0,2}})*)\s*$"
)
_AGENCY_SLASH_NAME = compiled(
    rf"(?<=[.!?…”\"]\s{{1,3}})(?P<credit>\p{{Lu}}{{2,}}(?:\s+\p{{Lu}}{{2,}})?\s*/\s*{_NAME}(?:\s+{_NAME}){{0,3}}"
    rf"(?:\s*/\s*\p{{L}}+(?:\s+\p{{L}}+)?)?)\s*$"
)
_PAREN_NAME_CREDIT = compiled(rf"(?<=[.!?…”\"]\s{{0,3}})(?P<credit>\((?:{_CAP}\s*[/,]?\s*){{1,4}}\))\s*$")
# "A description of the picture (AFP)": an agency in brackets closing a line that ends no sentence.
_PAREN_AGENCY = LazyPattern(rf"\s(?P<credit>\((?:{_CAP}\s*[/,]?\s*){{1,3}}\))\s*$")
# Where a person stands in the picture, after their name: `Omar Haddad (right)`, `Lena Vogt, left, and`.
# ("Copyright (C) 1991" is a copyright sign, not a person standing in the centre.)
_POSITION = LazyPattern(
    r"(?!(?i:copyright)\b)\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+\((?:far\s+|(?:second|third)\s+from\s+)?"
    r"(?:left|right|centre|center|L|R|C)\)"
    r"|,\s+(?:far\s+)?(?:left|right|centre|center),\s+(?:and|with|[\p{Ll}]+s)\b)"
)
POSITION_MAX_WORDS = 45  # a caption naming who stands where is one or two sentences
# "A description of the picture (archive)": a caption word in brackets closing a line that ends no sentence.
_PAREN_LABEL = LazyPattern(r"\s(?P<credit>\((?:\p{L}+\s*){1,3}\))\s*$")
# A wire photo credit in the order of a Chinese caption, closing the line: "(Xinhua News Agency reporter
# Li Ming photo)", "AGENCY reporter Name Surname photo".
_REPORTER_CREDIT = compiled(
    r"(?P<credit>\(?(?P<agency>(?:\p{Lu}[\p{L}&.'’\-]*\s+){1,4})(?:reporter|correspondent|photographer)\s+"
    r"(?:\p{Lu}[\p{L}'’\-]*\s+){1,3}(?:photo|photographed)\)?)\s*$"
)
# Words that open a sentence of news prose (what follows a credit run into a paragraph).
_SENTENCE_OPENERS = (
    r"(?:The|A|An|He|She|It|They|We|I|In|On|At|This|That|These|Those|His|Her|Their|Its|But|And|However"
    r"|Meanwhile|According|After|Before|During|While|When|Although|Also|Earlier|Later)"
)
# What a credit names after its label: one to three capitalised words (a person, an agency, a network).
_NAMED_SOURCE = compiled(r"\s*\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.\-]*){0,2}\s*")
_COPYRIGHT_HERE = LazyPattern(r"(?i)\s*(?:\d{4}|copyright|all\s+rights)")
# "Photo illustration: Name", "Archive picture: Agency": caption words, a colon, a capitalised source.
_LABELLED_CREDIT = LazyPattern(r"^(?P<label>[^:：\n]{2,40})[:：]\s*\p{Lu}[^.!?:\n]{0,60}$")
# "Archive photo of the minister", "File image of a polling station": caption words, `of`, what it shows.
_CAPTION_OF = LazyPattern(r"^(?P<label>\p{L}[\p{L}\s]{1,30}?)\s+of\s+[\p{L}\p{N}]")
_CREDIT_TOKEN = LazyPattern(r"\s*(?P<tok>/|[\p{L}\p{N}][\p{L}\p{N}.'’&\-]*)")


@dataclass(frozen=True)
class Vocabulary:
    """Caption words, credit markers and agencies (the stray-caption pack plus user extensions)."""

    entries: tuple[PackEntry, ...]

    def tagged(self, tag: str) -> tuple[PackEntry, ...]:
        found = self._tagged.get(tag)
        if found is None:
            found = self._tagged[tag] = tuple(e for e in self.entries if tag in e.tags)
        return found

    @cached_property
    def _tagged(self) -> dict[str, tuple[PackEntry, ...]]:
        return {}  # tag -> entries: asked for on every line with a caption word or a bracket

    @cached_property
    def _keys(self) -> frozenset[str] | None:
        return _first_words(self.entries)

    def mentions(self, text: str, words: Sequence[str] = ()) -> bool:
        """Cheap test: whether any entry could match in `text` (most paragraphs have none). `words`, if
        given, are FAST_WORD's words of `text` (the line's shape has them)."""
        keys = self._keys
        if keys is None:
            return True
        if words and text.isascii():  # case folding is lowering there, and keeps the words' bounds
            return not keys.isdisjoint(map(str.lower, words))
        return not keys.isdisjoint(FAST_WORD.findall(text.casefold()))

    @cached_property
    def _quick(self) -> EntryPrefilter:
        return prefilter(self.entries)

    def only_vocabulary(self, text: str) -> bool:
        """Whether `text` is made of caption words alone (with fillers, separators and numbers)."""
        # Every match is read in the text as it stands, so the entries its literals allow are all there are.
        spans = [(m.start(), m.end()) for entry in self._quick.entries_in(text) for m in search(entry, text)]
        if not spans:
            return False
        # The longest matches first, so that a phrase is not cut by a word inside it ("picture alliance"
        # is an agency, "picture" a caption word).
        spans.sort(key=lambda sp: (sp[0] - sp[1], sp[0]))
        taken = [False] * len(text)
        pieces = list(text)
        for start, end in spans:
            if any(taken[start:end]):
                continue
            taken[start:end] = [True] * (end - start)
            pieces[start:end] = [" "] * (end - start)
        rest = _FILLER.sub(" ", "".join(pieces))
        return not _SEPARATORS.sub("", rest)

    def only_topics(self, text: str) -> bool:
        """Whether every caption word of `text` could also title a section (`Social media`)."""
        return not any(search(e, text) for e in self._quick.entries_in(text) if "topic" not in e.tags)

    def agency_ends(self, text: str) -> list[int]:
        agencies = self.tagged_filter("agency").entries_in(text)
        return sorted(m.end() for e in agencies for m in search(e, text))

    def tagged_filter(self, tag: str) -> EntryPrefilter:
        """The literal prefilter of the entries with `tag`, kept: finding the cached automaton by the tuple
        of entries would hash every entry again on every line."""
        found = self._filters.get(tag)
        if found is None:
            found = self._filters[tag] = prefilter(self.tagged(tag))
        return found

    @cached_property
    def _filters(self) -> dict[str, EntryPrefilter]:
        return {}


@lru_cache(maxsize=16)
def _first_words(entries: tuple[PackEntry, ...]) -> frozenset[str] | None:
    """First words of phrase entries (casefolded); None when some entry is a free pattern."""
    keys = set()
    for e in entries:
        if e.regex.pattern != phrase_regex(e.source, not e.regex.flags & regex.IGNORECASE).pattern:
            return None
        keys.add(WORD.findall(e.source.casefold())[0] if WORD.findall(e.source) else "")
    return frozenset(keys)


def find_captions(doc: Document, vocab: Vocabulary, max_words: int = 4) -> dict[int, tuple[Hit, ...]]:
    """Captions and credits per block index."""
    out: dict[int, list[Hit]] = {}
    shapes = line_shapes(doc)
    for b in doc.blocks:
        hits = _block_captions(doc, b, vocab, max_words, shapes[b.index].tokens)
        if hits:
            out[b.index] = hits
    _alt_texts(doc, out)
    return {k: tuple(v) for k, v in out.items()}


def _block_captions(doc: Document, b: Block, vocab: Vocabulary, max_words: int, words: Sequence[str]) -> list[Hit]:
    text, raw = b.text, doc.text[b.start : b.end]
    whole = lambda safe, why: [Hit(b.index, b.start, b.end, True, safe, why, exact=safe)]  # noqa: E731
    line = raw.strip()
    # An address has no space, and a file name is at most 125 characters: most paragraphs are neither.
    if (len(line) <= _IMAGE_FILE_MAX or " " not in line) and (_IMAGE_URL.match(line) or _IMAGE_FILE.match(line)):
        return whole(True, "an image address or file name on a line of its own")
    if _CAMERA_NAME.match(text.strip()):
        return whole(False, "an image file name used as a caption")
    if is_heading(doc, b) and doc.format == "markdown":
        return []  # an author's own Markdown heading is never a caption
    if _names_positions(b):
        return whole(False, "a photo caption: it says where each person stands in the picture")
    if "©" not in text and "(" not in text and not vocab.mentions(text, words):
        return _structural(doc, b, max_words)
    n = b.word_count
    if (n <= 8 and not SENTENCE_END.search(text)) or n <= 3:
        if "©" not in text and vocab.only_vocabulary(text):
            if b.kind is BlockKind.HEADING and vocab.only_topics(text) and text[:1].isupper():
                return []  # "Social media" over a paragraph is a section title
            if _is_agency(vocab, text.strip()) and _under_byline(doc, b):
                return []  # "By Jane Doe" over "Associated Press": the story's byline and its agency
            return whole(True, "a caption or credit word on a line of its own")
        label = _LABELLED_CREDIT.match(text)
        if (
            label
            and vocab.only_vocabulary(label["label"])
            and (
                not vocab.only_topics(label["label"])
                # a word that may title a section credits a picture too when a name follows ("Illustration:
                # Anna Ortiz", "Screenshot: Telegram"); not in Markdown, whose author labels things so
                or (doc.format != "markdown" and _NAMED_SOURCE.fullmatch(text, label.end("label") + 1) is not None)
            )
        ):
            return whole(False, "a credit: caption words, a colon and who took or supplied the picture")
    hits = _copyright_credits(doc, b, vocab) + _marker_credits(b, vocab) + _trailing_credits(b, vocab)
    if not hits and doc.format != "markdown":
        hits = _between_sentences(b, vocab)
    if not hits:
        if n <= 8 and not SENTENCE_END.search(text):
            shows = _CAPTION_OF.match(text)
            if shows and vocab.only_vocabulary(shows["label"]) and not vocab.only_topics(shows["label"]):
                return whole(False, "a caption: caption words and what the picture shows")
        return _structural(doc, b, max_words)
    whole_line = [h for h in hits if h.whole]
    return whole_line[:1] if whole_line else _longest_first(hits)  # one finding per credit


def _names_positions(b: Block) -> bool:
    """Whether the line says where a named person stands in the picture (`X (right) with Y`, `X, left, and
    Y`), in one or two sentences: only a caption describes a picture that way."""
    text = b.text
    if b.word_count > POSITION_MAX_WORDS or not (
        "left" in text or "right" in text or "cent" in text or "(L)" in text or "(R)" in text or "(C)" in text
    ):
        return False  # (each hint tested in turn: a generator per line costs more than the tests)
    return sentence_count(text) <= 2 and _POSITION.search(text) is not None


def _under_byline(doc: Document, b: Block) -> bool:
    """Whether the line right above `b` is a byline (`By Jane Doe`)."""
    prev, _ = neighbours(doc, b.index)
    return prev is not None and BYLINE.match(prev.text) is not None


def closes_story(doc: Document, b: Block) -> bool:
    """Whether `b` stands right after the story's last paragraph, where the story's own agency credit
    stands (`© AGENCY` under the text is a credit of the story, like a byline, not of a picture)."""
    prev, nxt = neighbours(doc, b.index)
    return prev is not None and is_body(prev) and (nxt is None or not is_body(nxt))


# Reported speech: a paragraph of the story, which a caption (a scene in the present) does not carry.
_REPORTS = compiled(r"\b(?:said|told|added|stated|according\s+to)\b")


def _caption_span(b: Block, start: int, end: int, safe: bool, why: str) -> list[Hit]:
    """A credit at `start:end` of the block: the whole line when the rest is one caption sentence."""
    before = b.text[: start - b.start].strip()
    after = b.text[end - b.start :].strip()
    if not before and not after:
        return [Hit(b.index, b.start, b.end, True, safe, why)]
    rest = (before + " " + after).strip()
    if not after and len(WORD.findall(rest)) <= 40 and sentence_count(rest) == 1 and not _REPORTS.search(rest):
        return [Hit(b.index, b.start, b.end, True, False, "a photo caption with its credit")]
    return [Hit(b.index, start, end, False, False, why + " glued to the text")]


# A credit or caption words run in between two sentences of a paragraph: after a sentence's end, before
# a word that opens one ("... both sides agreed. Photo: Reuters The delegation will ...", "... energy.
# Archive photo The talks began ...").
_BETWEEN = compiled(
    r"(?<=[.!?…][”\"’)]?\s+)(?P<credit>(?:(?P<marker>\p{Lu}\p{Ll}+)\s*[:：]\s*)?"
    r"\p{Lu}[\p{L}\p{M}&.'’\-]*(?:\s+[\p{L}\p{M}&'’\-]+){0,3}?)\s+(?=" + _SENTENCE_OPENERS + r"\s)"
)


def _between_sentences(b: Block, vocab: Vocabulary) -> list[Hit]:
    """A credit (`Photo: Reuters`) or caption words alone (`Archive photo`) between two sentences of a
    paragraph, where a page's picture stood in the text: the span only, never the paragraph."""
    out: list[Hit] = []
    for m in _BETWEEN.finditer(b.text):
        credit, marker = m["credit"], m["marker"]
        if marker is not None:
            source = credit.split(":", 1)[-1].split("：", 1)[-1].strip()
            if not (vocab.only_vocabulary(marker) and (_is_agency(vocab, source) or _NAMED_SOURCE.fullmatch(source))):
                continue
        elif not vocab.only_vocabulary(credit) or vocab.only_topics(credit):
            continue  # "... she said. Archives The ...": a word that may title a section says too little
        start, end = b.start + m.start("credit"), b.start + m.end("credit")
        out.append(Hit(b.index, start, end, False, False, "a photo credit or caption glued between two sentences"))
    return out


def _copyright_credits(doc: Document, b: Block, vocab: Vocabulary) -> list[Hit]:
    out: list[Hit] = []
    if "©" not in b.text:
        return out
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
        ends = [e for e in vocab.agency_ends(b.text[m.end() : pos]) if e]
        if ends:
            end = m.end() + max(ends)
        if end == m.end():
            continue
        start, stop = b.start + m.start(), b.start + end
        if b.text[end:].strip() == "" and b.text[: m.start()].strip() == "":
            if closes_story(doc, b):
                continue  # the story's own agency credit after its last paragraph, like a byline
            safe = vocab.only_vocabulary(b.text.replace("©", " "))
            out += [Hit(b.index, b.start, b.end, True, safe, "a photo credit on a line of its own", exact=safe)]
        else:
            out += _caption_span(b, start, stop, False, "a photo credit")
    return out


def _marker_credits(b: Block, vocab: Vocabulary) -> list[Hit]:
    """`Photo: X`, `Image: AP file`, `(Photo: X)`, `Photograph: Name/Paper`."""
    out: list[Hit] = []
    # One pass for the markers' literals names the few that can match (most lines have none).
    markers = vocab.tagged_filter("marker").entries_in(b.text) if vocab.tagged("marker") else []
    for entry in markers:
        for m in search(entry, b.text):
            bracket = b.text[m.start() - 1] if m.start() > 0 and b.text[m.start() - 1] in "([" else ""
            if m.start() > 0 and not (b.text[m.start() - 1].isspace() or bracket):
                continue
            if bracket:  # "(Photo: X)", "[Photo = Yonhap]"
                close = b.text.find(")" if bracket == "(" else "]", m.end())
                body = b.text[m.end() : close] if close > 0 else ""
                if close < 0 or close - m.end() > 70 or not regex.match(r"\s*(?:[:=]|by\b)", body):
                    continue
                out += _caption_span(b, b.start + m.start() - 1, b.start + close + 1, False, "a photo credit")
                continue
            if m.start() > 0 and not m.group(0)[:1].isupper():
                continue  # "the photo: ..." inside a sentence; credits are capitalised or open the line
            if m.start() == 0 and _LEAD_CREDIT.match(b.text, m.end()):
                if b.word_count <= 40 and sentence_count(b.text) <= 2:
                    out.append(Hit(b.index, b.start, b.end, True, False, "a caption or credit line"))
                    continue
            c = _CREDIT_BODY.match(b.text, m.end())
            if c and len(WORD.findall(c["body"])) <= 8:
                out += _caption_span(b, b.start + m.start(), b.end, False, "a photo credit")
    return _longest_first(out)


def _trailing_credits(b: Block, vocab: Vocabulary) -> list[Hit]:
    """`Caption. Name Surname / AGENCY` and `Caption. (Name Surname)` at the end of a line."""
    quick = "eport" in b.text or "orrespondent" in b.text or "hotographer" in b.text
    m = _REPORTER_CREDIT.search(b.text) if quick else None
    if m and vocab.agency_ends(m["agency"]):
        return _caption_span(b, b.start + m.start("credit"), b.end, False, "a photo credit")
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
    m = _PAREN_AGENCY.search(b.text)
    if m and not SENTENCE_END.search(b.text, 0, m.start()) and _is_agency(vocab, m["credit"][1:-1]):
        hits = _caption_span(b, b.start + m.start("credit"), b.end, False, "a photo credit")
        if hits[0].whole:
            return hits  # "Ministers at the meeting in Ankara (AFP)": a caption and its agency
    m = _PAREN_LABEL.search(b.text)
    # Not a plural: "(photos)", "(pictures)" after a headline announce a gallery (site furniture).
    if (
        m
        and m["credit"][-2:-1].casefold() != "s"
        and not SENTENCE_END.search(b.text, 0, m.start())
        and vocab.only_vocabulary(m["credit"][1:-1])
    ):
        hits = _caption_span(b, b.start + m.start("credit"), b.end, False, "a caption label")
        if hits[0].whole:
            return hits  # "Dry fields in the south (archive)": a caption and its label
    m = _PAREN_NAME_CREDIT.search(b.text)
    if m and len(WORD.findall(m["credit"])) >= 1:
        inner = m["credit"][1:-1]
        hits = _caption_span(b, b.start + m.start("credit"), b.end, False, "a photo credit")
        # "(Name Surname)" after one sentence is a caption's credit; "(AP)" closing a long paragraph
        # is the story's own credit, like a byline.
        if (len(WORD.findall(inner)) >= 2 or vocab.agency_ends(inner)) and hits[0].whole:
            return hits
    return []


def _is_agency(vocab: Vocabulary, text: str) -> bool:
    """Whether `text` is nothing but agencies of the vocabulary (`AFP`, `Reuters / AP`)."""
    ends = vocab.agency_ends(text)
    return bool(ends) and max(ends) == len(text.rstrip())


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
    if not 1 <= b.word_count <= max_words:
        return []
    prev, nxt = neighbours(doc, b.index)
    between_items = all(
        x is not None and x.kind is BlockKind.LIST_ITEM and SENTENCE_END.search(x.text) for x in (prev, nxt)
    )
    under_image = prev is not None and bool(_MD_IMAGE.match(doc.text[prev.outer_start : prev.outer_end]))
    if between_items or under_image:
        return [Hit(b.index, b.start, b.end, True, False, "a short label placed like a caption", placed=True)]
    return []


def _alt_texts(doc: Document, found: dict[int, list[Hit]]) -> None:
    """A line repeated inside the caption next to it is the image's alt text."""
    captions = [doc.blocks[i] for i, hits in found.items() if any(h.whole for h in hits)]
    headline = document_layout(doc).headline if captions else -1
    for other in captions:
        theirs = " ".join(tokens(other.text))
        for b in neighbours(doc, other.index):
            if b is None or b.index in found or b.index == headline:
                continue  # (the article's headline, which a picture's caption may repeat, is the article's)
            mine = " ".join(tokens(b.text))
            if len(mine.split()) >= 3 and mine in theirs and mine != theirs:
                found[b.index] = [
                    Hit(b.index, b.start, b.end, True, False, "image alt text beside its caption", placed=True)
                ]

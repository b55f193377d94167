"""Photo and agency credits in a line (`© Name / AFP`, `Photo: X`, `Caption. Name / TASS`, a credit between
two sentences): where each starts and ends, and whether the line around it is its caption."""

from __future__ import annotations

import regex

from mtlint.engine.patterns import LazyPattern
from mtlint.rules.layout.shared import SENTENCE_END, WORD, Hit, is_body, neighbours, search, sentence_count
from mtlint.rules.layout.vocabulary import Vocabulary, is_agency
from mtlint.text.document import Block, Document
from mtlint.text.regexes import compiled

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
    rf"(?:^|(?<=[.!?…”\"]\s{{1,3}}))(?P<credit>(?P<agency>\p{{Lu}}{{2,}}(?:[\s\-]\p{{Lu}}{{2,}})?)(?:\s+Photos?)?\s*/\s*"
    rf"{_NAME}(?:\s+{_NAME}){{0,3}}(?:\s*/\s*\p{{L}}+(?:\s+\p{{L}}+){{0,2}})?)\s*$"
)
_PAREN_NAME_CREDIT = compiled(rf"(?<=[.!?…”\"]\s{{0,3}})(?P<credit>\((?:{_CAP}\s*[/,]?\s*){{1,4}}\))\s*$")
# "A description of the picture (AFP)": an agency in brackets closing a line that ends no sentence.
_PAREN_AGENCY = LazyPattern(rf"\s(?P<credit>\((?:{_CAP}\s*[/,]?\s*){{1,3}}\))\s*$")
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
NAMED_SOURCE = compiled(r"\s*\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.\-]*){0,2}\s*")
_COPYRIGHT_HERE = LazyPattern(r"(?i)\s*(?:\d{4}|copyright|all\s+rights)")
_CREDIT_TOKEN = LazyPattern(r"\s*(?P<tok>/|[\p{L}\p{N}][\p{L}\p{N}.'’&\-]*)")


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
            if not (vocab.only_vocabulary(marker) and (is_agency(vocab, source) or NAMED_SOURCE.fullmatch(source))):
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
    return longest_first(out)


def _trailing_credits(b: Block, vocab: Vocabulary) -> list[Hit]:
    """`Caption. Name Surname / AGENCY` and `Caption. (Name Surname)` at the end of a line."""
    quick = "eport" in b.text or "orrespondent" in b.text or "hotographer" in b.text
    m = _REPORTER_CREDIT.search(b.text) if quick else None
    if m and vocab.agency_ends(m["agency"]):
        return _caption_span(b, b.start + m.start("credit"), b.end, False, "a photo credit")
    m = _NAME_SLASH_CREDIT.search(b.text)
    if m:
        after_slash = m["credit"].split("/", 1)[1]
        if vocab.agency_ends(after_slash) or (
            m.start("credit") > 0  # (on a line of its own, "Russia-Ukraine War / LIVE" is a label)
            and regex.search(r"\b\p{Lu}{2,}\b", after_slash)
            and not regex.search(r"\w\.\w", after_slash)  # (not a path: "See Mac/README.rst")
        ):
            return _caption_span(b, b.start + m.start("credit"), b.end, False, "a photo credit")
    m = _AGENCY_SLASH_NAME.search(b.text)
    if m and (m.start() > 0 or vocab.agency_ends(m["agency"])):
        # (on a line of its own only a known agency: "REUTERS/Name", "AP Photo/Name"; "NEWS/Politics" is
        # a breadcrumb)
        return _caption_span(b, b.start + m.start("credit"), b.end, False, "a photo credit")
    m = _AP_CREDIT.search(b.text)
    if m:
        return _caption_span(b, b.start + m.start(), b.start + m.end(), False, "a photo credit")
    m = _PAREN_AGENCY.search(b.text)
    if m and not SENTENCE_END.search(b.text, 0, m.start()) and is_agency(vocab, m["credit"][1:-1]):
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


def longest_first(hits: list[Hit]) -> list[Hit]:
    """Drop hits inside another hit of the same block."""
    keep: list[Hit] = []
    for h in sorted(hits, key=lambda h: (h.start, -h.end)):
        if not any(k.start <= h.start and h.end <= k.end for k in keep):
            keep.append(h)
    return keep


def credits(doc: Document, b: Block, vocab: Vocabulary) -> list[Hit]:
    """The credits of block `b`: `©` credits, credits opened by a marker, credits closing the line and, in
    plain text when there is none of those, a credit or caption words between two sentences."""
    hits = _copyright_credits(doc, b, vocab) + _marker_credits(b, vocab) + _trailing_credits(b, vocab)
    if not hits and doc.format != "markdown":
        hits = _between_sentences(b, vocab)
    return hits

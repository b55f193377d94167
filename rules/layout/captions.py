"""Captions and photo/agency credits, as stray-caption (MT101) reports them and the other debris rules
skip them: caption words on a line of their own, image addresses and file names, labelled credits, lines
that say who stands where, short labels placed like captions and alt text (credit shapes inside a line
are read by mtlint.rules.layout.credits)."""

from __future__ import annotations

from collections.abc import Sequence

from mtlint.engine.patterns import LazyPattern
from mtlint.rules.layout.credits import NAMED_SOURCE, credits, longest_first
from mtlint.rules.layout.cues import BYLINE
from mtlint.rules.layout.role_features import document_layout
from mtlint.rules.layout.shared import SENTENCE_END, Hit, is_heading, neighbours, sentence_count, tokens
from mtlint.rules.layout.vocabulary import Vocabulary, is_agency
from mtlint.text.document import Block, BlockKind, Document
from mtlint.text.lines import line_shapes
from mtlint.text.regexes import compiled

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
# Where a person stands in the picture, after their name: `Omar Haddad (right)`, `Lena Vogt, left, and`.
# ("Copyright (C) 1991" is a copyright sign, not a person standing in the centre.)
_POSITION = LazyPattern(
    r"(?!(?i:copyright)\b)\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+\((?:far\s+|(?:second|third)\s+from\s+)?"
    r"(?:left|right|centre|center|L|R|C)\)"
    r"|,\s+(?:far\s+)?(?:left|right|centre|center),\s+(?:and|with|[\p{Ll}]+s)\b)"
)
POSITION_MAX_WORDS = 45  # a caption naming who stands where is one or two sentences
# "Photo illustration: Name", "Archive picture: Agency": caption words, a colon, a capitalised source; or an
# equals sign, as Korean 사진= renders ("Photo = Yonhap").
_LABELLED_CREDIT = LazyPattern(r"^(?P<label>[^:：=\n]{2,40})(?P<sep>[:：=])\s*\p{Lu}[^.!?:=\n]{0,60}$")
# With an equals sign only a photo's own label: `Image = Ubuntu` is a setting.
_EQUALS_LABEL = LazyPattern(
    r"(?i)^[\[(]?\s*(?:photo|picture|photograph|(?:photo|picture|image)\s+(?:source|credit))s?\s*$"
)
# "Screenshot of the video", "A shot from a video circulated on social media": the caption of a still.
_VIDEO_STILL = LazyPattern(
    r"(?i)^(?:an?\s+)?(?:screen\s*shot|screen\s*grab|still|frame|shot|snapshot|image|photo|picture)s?\s+"
    r"(?:of|from)\s+(?:the|a|an)\s+(?:[\p{L}\-]+\s+){0,3}?(?:video|footage|clip|broadcast|recording|live\s*stream)"
    r"(?:\s+[^.!?\n]{1,80})?$"
)
VIDEO_STILL_MAX_WORDS = 16
# "Archive photo of the minister", "File image of a polling station": caption words, `of`, what it shows.
_CAPTION_OF = LazyPattern(r"^(?P<label>\p{L}[\p{L}\s]{1,30}?)\s+of\s+[\p{L}\p{N}]")


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
    if (
        doc.format != "markdown"  # (a screenshot of a video player in documentation is the author's)
        and b.word_count <= VIDEO_STILL_MAX_WORDS
        and not SENTENCE_END.search(text)
        and _VIDEO_STILL.match(text.strip())
        and not vocab.only_vocabulary(text)  # ("Frame from the video", all caption words: a safe fix below)
    ):
        return whole(False, "the caption of a still from a video")
    if "©" not in text and "(" not in text and "/" not in text and not vocab.mentions(text, words):
        return _structural(doc, b, max_words)
    n = b.word_count
    if (n <= 8 and not SENTENCE_END.search(text)) or n <= 3:
        if "©" not in text and vocab.only_vocabulary(text):
            if b.kind is BlockKind.HEADING and vocab.only_topics(text) and text[:1].isupper():
                return []  # "Social media" over a paragraph is a section title
            if is_agency(vocab, text.strip()) and _under_byline(doc, b):
                return []  # "By Jane Doe" over "Associated Press": the story's byline and its agency
            return whole(True, "a caption or credit word on a line of its own")
        label = _LABELLED_CREDIT.match(text)
        if label and label["sep"] == "=" and not _EQUALS_LABEL.match(label["label"]):
            label = None
        if (
            label
            and vocab.only_vocabulary(label["label"])
            and (
                not vocab.only_topics(label["label"])
                # a word that may title a section credits a picture too when a name follows ("Illustration:
                # Anna Ortiz", "Screenshot: Telegram"); not in Markdown, whose author labels things so
                or (doc.format != "markdown" and NAMED_SOURCE.fullmatch(text, label.end("label") + 1) is not None)
            )
        ):
            sign = "an equals sign" if label["sep"] == "=" else "a colon"
            return whole(False, f"a credit: caption words, {sign} and who took or supplied the picture")
    hits = credits(doc, b, vocab)
    if not hits:
        if n <= 8 and not SENTENCE_END.search(text):
            shows = _CAPTION_OF.match(text)
            if shows and vocab.only_vocabulary(shows["label"]) and not vocab.only_topics(shows["label"]):
                return whole(False, "a caption: caption words and what the picture shows")
        return _structural(doc, b, max_words)
    whole_line = [h for h in hits if h.whole]
    return whole_line[:1] if whole_line else longest_first(hits)  # one finding per credit


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

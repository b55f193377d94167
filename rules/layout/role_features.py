"""The evidence the line-role model weighs: each block's shape, where it sits relative to the article's
body, what its neighbours are, and whether it repeats in the document or across the files of the run.

`FEATURES` names the vector; `role_features` computes one vector per block of a document. The training
script (scripts/train_line_roles.py) calls the same function, so the model is trained on exactly what
it reads at run time.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from mtlint.rules.layout import cues
from mtlint.text.document import Document
from mtlint.text.lines import LineShape, line_shapes

BODY_MIN_WORDS = 15
MIN_FILES = 3  # files a line must be found in before its repetition counts (site-boilerplate's min-files)
# A page's header above its article or footer below it holds a few dozen lines at most: a longer
# stretch without a line the body test reads as prose (verse, a glossary, a long list) belongs to the
# text, and its lines have no place on a page (see Layout.header and Layout.footer).
MAX_ZONE_LINES = 50
CHATTY = 0.2  # share of a document's prose sentences that talk to the reader above which that is its register

FEATURES: tuple[str, ...] = (
    "words_log",  # log(1 + words)
    "long",  # at least 25 words
    "stopword_share",  # share of general function words
    "ends_sentence",  # ends with . ! ? … (quotes and brackets aside)
    "title_share",  # share of capitalised content words
    "digit_share",  # digits among the characters that are not spaces
    "only_digits",  # no letter at all
    "separator",  # | » › • / or a dangling dash used as a separator
    "url",  # an address, a domain or a handle
    "image_ref",  # an image file name or image address
    "reader",  # speaks to the reader (you, your, our, us)
    "action_start",  # opens with an imperative verb of a call to action
    "promo",  # talks to the reader outside quotations, or opens with an imperative
    "verb",  # evidence of a finite verb (an auxiliary, said, -ed)
    "describes",  # a capitalised subject and a present-tense verb or participle, no full stop
    "credit",  # a credit shape: ©, Photo: X, Name / AGENCY, (Name/Agency)
    "date",  # a date, or a time, on a short line
    "byline",  # By Name, a dateline (PLACE - / Place (Agency) -), or a lone CAPS place over the body
    "name_only",  # two to four capitalised words and nothing else (a byline, a credit, a label)
    "copyright",  # a copyright notice (site furniture, not a photo credit)
    "quote_start",  # opens with a quotation mark
    "before_body",  # above the first body paragraph
    "after_body",  # below the last body paragraph
    "between_body",  # not body, with body paragraphs above and below
    "first_line",  # the first line of the document
    "next_body",  # the line below is body
    "near_credit",  # a neighbour has a credit shape
    "tail_run",  # below the last body paragraph: log(1 + length of the closing run of non-body lines)
    "head_label",  # above the first body paragraph, one or two words, not a date
    "head_longest",  # the longest line above the first body paragraph (the headline's place)
    "mid_sentence",  # between body paragraphs, a caption's sentence: someone doing something somewhere
    "dup_in_doc",  # the same line occurs elsewhere in this document
    "prefix_in_doc",  # the line starts, or is started by, another line of the document
    "xfile",  # log(1 + other files of the run with this line): furniture-shaped lines outside the body only
)
INDEX = {name: i for i, name in enumerate(FEATURES)}
HEADLINE_MIN_WORDS = 4  # a title-like line above the body this long may be the headline


@dataclass(frozen=True)
class Layout:
    """Where the article's body lies among the blocks, as the features read it."""

    body: tuple[bool, ...]  # per block: article prose
    promo: tuple[bool, ...]  # per block: promotional register (talks to the reader, or an imperative)
    first_body: int  # index of the first body block (len(blocks) if none)
    last_body: int  # index of the last body block (-1 if none)
    chatty: bool  # the document's own prose talks to the reader (documentation, an open letter)
    headline: int = -1  # index of the headline: the first title-like line above the body (-1 if none)
    # Whether the lines above the first body block, and below the last, are few enough (MAX_ZONE_LINES) to
    # be a page's header and footer; when they are not, they have no place on a page (a table of contents,
    # a glossary, verse): neither before, after nor between the paragraphs.
    header: bool = True
    footer: bool = True

    @property
    def header_end(self) -> int:
        """The index of the first block below the page's header: the first body block, or 0 when the lines
        above it are too many to be a header."""
        return self.first_body if self.header else 0

    def before(self, i: int) -> bool:
        return self.header and i < self.first_body

    def after(self, i: int) -> bool:
        return self.footer and i > self.last_body

    def between(self, i: int) -> bool:
        return not self.body[i] and self.first_body < i < self.last_body


def body_layout(shapes: Sequence[LineShape]) -> Layout:
    """Which blocks are article prose: long, a sentence, and not a promotion (which is as long but
    talks to the reader) unless the document's own register talks to the reader."""
    promo = [cues.is_promo(s.text, s.tokens, s.you, s.quoted) for s in shapes]
    # Measured on the first three quarters of the prose, so that a page's promotional footer does not count.
    prose = [k for k, s in enumerate(shapes) if s.words >= 8 and s.ends_sentence]
    prose = prose[: max(3, (3 * len(prose)) // 4)]
    chatty = len(prose) >= 3 and sum(promo[k] for k in prose) >= CHATTY * len(prose)
    if chatty:
        promo = [False] * len(shapes)
    body = [s.words >= BODY_MIN_WORDS and (s.ends_sentence or s.words >= 25) and not p for s, p in zip(shapes, promo)]
    bodies = [i for i, b in enumerate(body) if b]
    first_body = bodies[0] if bodies else len(shapes)
    last_body = bodies[-1] if bodies else -1
    header = not bodies or first_body <= MAX_ZONE_LINES
    footer = not bodies or len(shapes) - last_body - 1 <= MAX_ZONE_LINES
    headline = _headline(shapes[:first_body]) if header else -1
    return Layout(tuple(body), tuple(promo), first_body, last_body, chatty, headline, header, footer)


def _headline(head: Sequence[LineShape]) -> int:
    """The headline among the lines above the body: the first of HEADLINE_MIN_WORDS words or more, with
    function words and no sentence-final punctuation; none if that line calls the reader to act ("Join
    thousands of readers", "your daily briefing")."""
    for i, s in enumerate(head):
        if s.words >= HEADLINE_MIN_WORDS and s.stopword_share > 0 and not s.ends_sentence:
            return -1 if s.reader or s.first_word in cues.ACTION_VERBS else i
    return -1


def document_layout(doc: Document) -> Layout:
    """`body_layout` of `doc`'s line shapes (computed once per document: the features and the sentence
    captions both read it)."""
    return doc.derived(_document_layout)


def _document_layout(doc: Document) -> Layout:
    return body_layout(line_shapes(doc))


def role_features(doc: Document, min_files: int = MIN_FILES) -> tuple[tuple[float, ...], ...]:
    """One feature vector (ordered as FEATURES) per block of `doc`; repetition across the files of the run
    counts for lines found in at least `min_files` files."""
    shapes = line_shapes(doc)
    layout = document_layout(doc)
    credit = [cues.has_credit(s.text) or cues.names_picture(s.text, s.words, s.ends_sentence) for s in shapes]
    keys = [s.key for s in shapes]
    local = Counter(keys)
    long_keys = sorted(k for k in local if len(k) >= 15)
    prefixed = _prefixed(long_keys)
    # Every line below the body is in the closing run, if the lines there are few enough to be a footer.
    tail_run = math.log1p(len(shapes) - layout.last_body - 1) if layout.footer else 0.0
    head_max = max((s.words for s in shapes[: layout.first_body]), default=0) if layout.header else 0
    out: list[tuple[float, ...]] = []
    last = len(shapes) - 1
    first_body, last_body, body = layout.first_body, layout.last_body, layout.body
    header, footer = layout.header, layout.footer
    for i, s in enumerate(shapes):
        # Where the line sits (Layout.before, after and between, read here once per line).
        before, after = header and i < first_body, footer and i > last_body
        between = not body[i] and first_body < i < last_body
        near_credit = (i > 0 and credit[i - 1]) or (i < last and credit[i + 1])
        next_body = i < last and body[i + 1]
        out.append(
            _vector(s, layout, i, before, after, between, credit[i], near_credit, next_body, tail_run)
            + _repetition(
                doc, i, s, layout, before, after, between, local[keys[i]], long_keys, prefixed, head_max, min_files
            )
        )
    return tuple(out)


def _vector(
    s: LineShape,
    layout: Layout,
    i: int,
    before: bool,
    after: bool,
    between: bool,
    credit: bool,
    near_credit: bool,
    next_body: bool,
    tail_run: float,
) -> tuple[float, ...]:
    text, n = s.text, s.words
    chatty = layout.chatty
    byline = n <= 12 and bool(
        cues.BYLINE.match(text) or cues.DATELINE.match(text) or (n <= 3 and s.caps_share == 1.0 and next_body)
    )
    return (
        math.log1p(n),
        float(n >= 25),
        s.stopword_share,
        float(s.ends_sentence),
        s.title_share,
        s.digit_share,
        float(not s.has_letter),
        float(s.separator),
        float(s.url),
        float(cues.has_image_ref(text)),
        float(not chatty and s.reader),
        float(not chatty and s.first_word in cues.ACTION_VERBS and (n <= 12 or not s.ends_sentence)),
        float(layout.promo[i]),
        float(s.verb),
        float(cues.describes(text, n, s.ends_sentence)),
        float(credit),
        float(s.dated),
        float(byline),
        float(s.name_only),
        float(cues.has_copyright(text)),
        float(s.quote_start),
        float(before),
        float(after),
        float(between),
        float(i == 0),
        float(next_body),
        float(near_credit),
        tail_run if after else 0.0,
    )


def _repetition(
    doc: Document,
    i: int,
    s: LineShape,
    layout: Layout,
    before: bool,
    after: bool,
    between: bool,
    copies: int,
    long_keys: list[str],
    prefixed: frozenset[str],
    head_max: int,
    min_files: int,
) -> tuple[float, ...]:
    n = s.words
    scene = between and cues.describes_scene(s.text, n, s.ends_sentence)
    key = s.key
    # Repetition across files marks a site template only where templates live: above or below the article,
    # and only on lines shaped like furniture (documentation repeats its own sentences on purpose).
    shaped = (n <= 12 and not s.ends_sentence) or (not layout.chatty and s.reader)
    others = _other_files(doc, i, min_files) if (before or after) and shaped else 0
    return (
        float(before and n <= 2 and not s.dated),
        float(before and n == head_max and n >= 4),
        float(scene),
        float(copies > 1),
        float(n >= 3 and _prefix_of_another(key, long_keys, prefixed)),
        math.log1p(others),
    )


def _other_files(doc: Document, i: int, min_files: int) -> int:
    """In how many other files of the run the block's line occurs (single-line blocks only), when it
    occurs in at least `min_files` files (fewer may be chance: two stories quoting one sentence)."""
    corpus = doc.corpus
    block = doc.blocks[i]
    if corpus is None or block.first_line != block.last_line:
        return 0
    s, e, _ = doc.line_span(block.first_line)
    n = corpus.count(doc.prose[s:e])
    return n - 1 if n >= min_files else 0


def _prefix_of_another(key: str, keys: list[str], prefixed: frozenset[str]) -> bool:
    """Whether the line starts another line of the document or starts with one (`keys` sorted, `prefixed`
    those of them that start with another; only lines of 15 characters or more count as the other line)."""
    j = bisect.bisect_right(keys, key)
    if j < len(keys) and keys[j].startswith(key):
        return True
    return key in prefixed  # (a shorter line is in no `keys` and starts with none of them)


def _prefixed(keys: list[str]) -> frozenset[str]:
    """The lines of `keys` (sorted) that start with another of them, in one pass: every line that starts a
    given one sorts before it, and each line between them starts with it too, so the lines that start the
    current one are a chain on a stack, and a line that starts none of them starts no later line either.
    (A search from each line made a long document of similar lines quadratic, then slow.)"""
    out = set()
    stack: list[str] = []
    for key in keys:
        while stack and not key.startswith(stack[-1]):
            stack.pop()
        if stack:
            out.add(key)
        stack.append(key)
    return frozenset(out)

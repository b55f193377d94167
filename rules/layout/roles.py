"""The role of every line (block) of a page: article text (headline, byline, subheading, body, quote),
caption or credit, or site furniture, with a probability and the evidence that decided it.

A multinomial logistic regression over generic line evidence (role_features.FEATURES) decides the
class, article / caption / furniture; its weights are data (rules/data/line-roles.json, written by
scripts/train_line_roles.py). Within a class, the line's shape names the role for explanations
(headline, byline, credit, navigation, counter ...). Plain Python: a dot product and a softmax per
line. Computed once per document (`line_roles`) and read by stray-caption, site-boilerplate and
duplicate-paragraph.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

import regex

from mtlint import package_data
from mtlint.engine.patterns import LazyPattern
from mtlint.rules.layout import cues
from mtlint.rules.layout.role_features import FEATURES, INDEX, MIN_FILES, document_layout, role_features
from mtlint.text.document import BlockKind, Document
from mtlint.text.lines import LineShape, is_documentation, line_shapes, stanza_lines
from mtlint.text.values import frozen

MODEL_FILE = "data/line-roles.json"
CLASSES = ("article", "caption", "furniture")
# Markdown that is the author's own structure and never page debris.
STRUCTURE = frozenset({"heading", "list", "code", "intro"})
# Code, a link, an image or inline HTML in a block's source: prose the author built around markup.
_CODE_OR_LINK = LazyPattern(r"`[^`\n]+`|\]\(|\]\[|!\[|<(?:https?:|/?[A-Za-z][\w-]*[\s>/])|^\s*\[[^\]\n]+\]:\s", regex.M)

# What each feature means, as a finding's message explains itself.
EVIDENCE = {
    "words_log": "its length",
    "long": "a long line",
    "stopword_share": "function words",
    "ends_sentence": "sentence-final punctuation",
    "title_share": "capitalised words",
    "digit_share": "digits",
    "only_digits": "no letters",
    "separator": "separators",
    "url": "an address",
    "image_ref": "an image name",
    "reader": "talks to the reader",
    "action_start": "opens with a call to action",
    "promo": "promotional",
    "verb": "a verb",
    "describes": "a subject and a present-tense verb",
    "credit": "a credit",
    "date": "a date",
    "byline": "a byline or dateline",
    "name_only": "a name alone",
    "copyright": "a copyright notice",
    "quote_start": "opens a quotation",
    "before_body": "above the article",
    "after_body": "below the article",
    "between_body": "between paragraphs",
    "first_line": "the first line",
    "next_body": "over a paragraph",
    "near_credit": "beside a credit",
    "tail_run": "in the closing lines",
    "head_label": "a label above the article",
    "head_longest": "the headline's place",
    "mid_sentence": "a caption's sentence between paragraphs",
    "dup_in_doc": "repeated in the page",
    "prefix_in_doc": "begins another line",
    "xfile": "repeated in other files",
}


class RoleModel:
    """A multinomial logistic regression read from its JSON data file."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.classes: tuple[str, ...] = tuple(spec["classes"])
        if self.classes != CLASSES:
            raise ValueError(f"line-role model classes {self.classes} are not {CLASSES}")
        self.names: tuple[str, ...] = tuple(spec["features"])
        unknown = [n for n in self.names if n not in INDEX]
        if unknown:
            raise ValueError(f"line-role model reads unknown features: {', '.join(unknown)}")
        self.columns = tuple(INDEX[n] for n in self.names)
        self.weights = tuple(tuple(float(spec["weights"][c][n]) for n in self.names) for c in self.classes)
        self.bias = tuple(float(spec["bias"][c]) for c in self.classes)
        # Per feature: its column and its weight in each of the three classes, read in one step per line.
        wa, wb, wc = self.weights
        self._terms: tuple[tuple[int, float, float, float], ...] = tuple(
            (c, wa[j], wb[j], wc[j]) for j, c in enumerate(self.columns)
        )

    def probabilities(self, vec: Sequence[float]) -> tuple[float, ...]:
        """Class probabilities (ordered as CLASSES) of one feature vector."""
        # Each logit adds its terms in feature order, as a loop per class would: the same floats.
        a, b, c = self.bias
        for col, wa, wb, wc in self._terms:
            x = vec[col]
            if x:
                a += wa * x
                b += wb * x
                c += wc * x
        top = max(a, b, c)
        exps = [math.exp(a - top), math.exp(b - top), math.exp(c - top)]
        total = sum(exps)
        return tuple(e / total for e in exps)

    def evidence(self, vec: Sequence[float], cls: str, against: str, k: int = 3) -> tuple[tuple[str, float], ...]:
        """The features that push `vec` hardest towards class `cls` rather than `against`, strongest first."""
        a, b = self.classes.index(cls), self.classes.index(against)
        pushes = [
            (n, (self.weights[a][j] - self.weights[b][j]) * vec[c])
            for j, (n, c) in enumerate(zip(self.names, self.columns))
            if vec[c]
        ]
        pushes.sort(key=lambda t: -t[1])
        return tuple((n, round(x, 2)) for n, x in pushes[:k] if x > 0)


@lru_cache(maxsize=1)
def builtin_model() -> RoleModel:
    """The model shipped in rules/data/line-roles.json."""
    raw = package_data.read_text("mtlint.rules", MODEL_FILE)
    return RoleModel(json.loads(raw))


@dataclass(frozen=True)
class LineRole:
    """The role of one block: `cls` is the model's class and `p` its probability."""

    role: str  # headline, byline, subheading, body, quote, caption, credit, furniture
    cls: str  # article, caption or furniture
    p: float
    probs: tuple[float, float, float]  # p(article), p(caption), p(furniture)
    place: str = "body"  # before, after or between the article's body paragraphs, or body (one of them)
    detail: str = ""  # what kind of furniture or article line, from its shape
    markup: str = ""  # Markdown: the author's structure the block is (heading, list, code, intro)

    @property
    def article(self) -> float:
        return self.probs[0]


@dataclass(frozen=True)
class LineRoles:
    """The roles of every block of one document, and the evidence behind them."""

    roles: tuple[LineRole, ...]
    vectors: tuple[tuple[float, ...], ...]
    documentation: bool  # technical documentation, not a page (`mtlint.text.lines.is_documentation`)
    model: RoleModel
    stanzas: frozenset[int] = frozenset()  # blocks that are lines of verse (`mtlint.text.lines.stanza_lines`)

    @cached_property  # asked for every candidate line: a scan of every role in a text without a body
    def has_body(self) -> bool:
        """Whether the document has article prose: debris is read by its place around the body, and a
        text without any (a list, a snippet, a page of labels) gives the model nothing to read."""
        return any(r.place == "body" for r in self.roles)

    def __getitem__(self, i: int) -> LineRole:
        return self.roles[i]

    def __len__(self) -> int:
        return len(self.roles)

    def evidence(self, i: int, k: int = 3) -> tuple[tuple[str, float], ...]:
        """The strongest evidence for block `i`'s class against the runner-up class."""
        role, vec = self.roles[i], self.vectors[i]
        rest = sorted((c for c in CLASSES if c != role.cls), key=lambda c: -role.probs[CLASSES.index(c)])
        return self.model.evidence(vec, role.cls, "article" if role.cls != "article" else rest[0], k)

    def explain(self, i: int, k: int = 2) -> str:
        """The evidence for block `i`'s class in words ("below the article, a copyright notice")."""
        return ", ".join(EVIDENCE[n] for n, _ in self.evidence(i, k))


def line_roles(doc: Document, min_files: int = MIN_FILES) -> LineRoles:
    """The role of every block of `doc` by the built-in model (computed once per document); repetition
    across the files of the run counts for lines found in at least `min_files` files."""
    return doc.derived(_reader(min_files))


@lru_cache(maxsize=4)
def _reader(min_files: int) -> Callable[[Document], LineRoles]:
    def read(doc: Document) -> LineRoles:
        return assign_roles(doc, builtin_model(), min_files)

    return read


def assign_roles(doc: Document, model: RoleModel, min_files: int = MIN_FILES) -> LineRoles:
    """The role of every block of `doc` by `model`."""
    vectors = role_features(doc, min_files)
    markdown = doc.format == "markdown"
    out = []
    for b, vec in zip(doc.blocks, vectors):
        probs = model.probabilities(vec)
        k = max(range(3), key=probs.__getitem__)
        cls = CLASSES[k]
        role, detail = _name(cls, vec)
        markup = _markup(doc, b) if markdown else ""
        line = frozen(
            LineRole,
            role=role,
            cls=cls,
            p=probs[k],
            probs=(probs[0], probs[1], probs[2]),
            place=_place(vec),
            detail=detail,
            markup=markup,
        )
        out.append(line)
    return LineRoles(tuple(out), vectors, is_documentation(doc), model, stanza_lines(doc))


def _markup(doc: Document, b: Any) -> str:
    """What the author's Markdown says a block is: a heading, a list item, prose with code or links in
    it, or an introduction ending in a colon."""
    if b.kind is BlockKind.HEADING:
        return "heading"
    if _CODE_OR_LINK.search(doc.text, b.outer_start, b.outer_end):  # a badge's link text is all its prose
        return "code"
    if b.kind is BlockKind.LIST_ITEM:
        return "list"
    if b.text.rstrip().endswith(":"):
        return "intro"
    return ""


_PLACES = tuple((place, INDEX[f"{place}_body"]) for place in ("before", "after", "between"))


def _place(v: Sequence[float]) -> str:
    for place, column in _PLACES:
        if v[column]:
            return place
    return "body"


def _name(cls: str, v: Sequence[float]) -> tuple[str, str]:
    """The role within the class, from the line's shape (for explanations; not learned)."""
    f = lambda name: v[INDEX[name]]  # noqa: E731
    if cls == "caption":
        return ("credit", "") if f("credit") or f("name_only") else ("caption", "")
    if cls == "furniture":
        if f("only_digits") or f("digit_share") > 0.5:
            return "furniture", "counter"
        if f("copyright") or (f("after_body") and not f("action_start") and not f("promo")):
            return "furniture", "footer or related list"
        if f("action_start") or f("promo") or f("reader"):
            return "furniture", "widget or call to action"
        if f("separator") or f("before_body"):
            return "furniture", "navigation"
        return "furniture", ""
    inside = not (f("before_body") or f("after_body") or f("between_body"))
    if inside:
        return ("quote" if f("quote_start") else "body"), ""
    if f("byline") or (f("date") and f("before_body")):
        return "byline", "byline or dateline"
    if f("before_body"):
        return "headline", ""
    if f("between_body") and not f("ends_sentence"):
        return "subheading", ""
    return ("quote" if f("quote_start") else "body"), ""


SENTENCE_CAPTION = "a photo caption written as a sentence"
PORTRAIT_CAPTION = "a photo caption that names the person pictured"
EVENT_CAPTION = "a photo caption that shows part of an event"


def sentence_captions(doc: Document) -> dict[int, str]:
    """Blocks shaped like a photo caption written as a sentence (`cues.describes_scene`: someone doing
    something somewhere, no full stop; `cues.poses`: the same with no verb) set between two body
    paragraphs ("Mayor X speaks to reporters outside City Hall", "Minister X during a visit to Y"), or
    under the headline (`Layout.headline`) above the first paragraph; or naming a person the story
    names elsewhere, with their role and no verb (`cues.names_pictured`), between or under its
    paragraphs ("Jane Doe, chief economist at the bank"); or showing part of an event
    (`cues.shows_part_of_event`: "Part of the meeting") under the headline, between the paragraphs or
    below them. A headline has the same shape, so
    above the body only a line under it counts, and only in a shape a standfirst does not take (see
    _caption_under_headline). Each block maps to why it reads as a caption."""
    shapes = line_shapes(doc)
    layout = document_layout(doc)
    out: dict[int, str] = {}
    # Above the body only lines under the headline count; in Markdown a line under the headline is the
    # author's (a caption under a picture that is there).
    head = layout.headline
    headline = shapes[head].key if head >= 0 and doc.format != "markdown" else None
    for i, s in enumerate(shapes):
        under_headline = headline is not None and head < i < layout.first_body and s.key != headline
        between, below = layout.between(i), layout.after(i)
        if between and s.key == headline:
            continue  # the headline again between the paragraphs (an image's alt text, a title tag): a
            # copy of a title, which is no caption (and which duplicate-paragraph leaves alone)
        if (between or below) and _pictures_someone_quoted(doc, s):
            out[i] = PORTRAIT_CAPTION  # (the more telling reason for a line of both shapes)
        elif (between or below or under_headline) and cues.shows_part_of_event(s.text, s.words, s.ends_sentence):
            out[i] = EVENT_CAPTION
        elif (between and _caption_sentence(s)) or (under_headline and _caption_under_headline(s)):
            out[i] = SENTENCE_CAPTION
    return out


def _pictures_someone_quoted(doc: Document, s: LineShape) -> bool:
    """A line that names a person and their role, with no verb, between or under the paragraphs of a
    story that names the same person elsewhere: the caption of their picture. (Above the story the same
    shape is a byline, and an author's note under it does not name its author in the story.)"""
    surname = cues.names_pictured(s.text, s.words, s.ends_sentence, s.verb)
    return bool(surname) and doc.derived(_capitalised_words)[surname] >= 2  # the line's own and another


_POSSESSIVE = LazyPattern(r"['’]s?$")  # "Vakil's warning" names Vakil
_CAPITALISED_WORD = LazyPattern(r"(?<![\p{L}\p{M}'’\-])\p{Lu}[\p{L}\p{M}'’\-]*(?![\p{L}\p{M}])")


def _capitalised_words(doc: Document) -> Counter[str]:
    """How often each capitalised word occurs in the document (one scan, asked for by candidate lines)."""
    return Counter(_POSSESSIVE.sub("", m.group()) for m in _CAPITALISED_WORD.finditer(doc.prose))


def _caption_under_headline(s: LineShape) -> bool:
    """Under the headline a standfirst tells the story in a headline's words ("Shares rose 5 percent in
    early trading", "Rescue teams work through the night"): only the shapes a standfirst does not take
    read as a caption there (a participle, no verb at all, `A view of`)."""
    return cues.shows_participle(s.text, s.words, s.ends_sentence) or _verbless_caption(s)


def _caption_sentence(s: LineShape) -> bool:
    return cues.describes_scene(s.text, s.words, s.ends_sentence) or _verbless_caption(s)


def _verbless_caption(s: LineShape) -> bool:
    """Who is pictured and where, or `A view of ...`: a caption with no finite verb."""
    return cues.poses(s.text, s.words, s.ends_sentence, s.verb) or cues.shows_view(s.text, s.words, s.ends_sentence)


__all__ = ["CLASSES", "FEATURES", "LineRole", "LineRoles", "RoleModel", "line_roles", "sentence_captions"]

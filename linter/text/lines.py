"""The shape of each block read as a line of a page: length, function words, capitals, digits, marks.

Generic facts that say what kind of line a block is (prose, a label, a name, a counter) without knowing
any artifact: the layout rules build their line-role evidence on them, and any rule may read them.
Computed once per document (`line_shapes`) in one pass over each block's words.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from mtlint.text.blocks import Block
from mtlint.text.document import BlockKind, Document
from mtlint.text.regexes import compiled
from mtlint.text.values import frozen

# The standard library's engine is several times faster than `regex` for a plain word scan.
FAST_WORD = re.compile(r"[^\W_](?:[\w'’\-]|[\u0300-\u036f])*")
SENTENCE_FINAL = compiled(r"""[.!?…]["'”’»)\]]*$""")
_DIGIT = re.compile(r"\d")
_QUOTE_START = compiled(r"""^["“‘'«„]""")
_YOU = re.compile(r"\b(?:[Yy]ou|[Yy]our|[Yy]ours)\b")
_READER = re.compile(r"\b(?:[Yy]ou|[Yy]our|[Yy]ours|[Oo]ur|[Uu]s)\b")
_READER_HINT = re.compile(r"[YyOoUu](?:ou(?:rs?)?|ur|s)\b")
_DATE = compiled(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b"
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}\b"
)
_SEPARATOR_CHARS = "|»›•·"
_SEPARATOR_DASH = re.compile(r"\s[–—-]\s*$|^[–—-]\s")
_NAME_ONLY = compiled(r"^\p{Lu}[\p{L}\p{M}.'’\-]+(?:\s+\p{Lu}[\p{L}\p{M}.'’\-]+){1,3}$")

# A general English function-word list (the stopword signal of jusText, kept small on purpose).
STOPWORDS = frozenset(
    "a about above after again against all also am an and any are as at be because been before being "
    "below between both but by can could did do does doing down during each few for from further had "
    "has have having he her here hers herself him himself his how i if in into is it its itself just "
    "me more most my myself no nor not now of off on once only or other our ours out over own same she "
    "should so some such than that the their theirs them themselves then there these they this those "
    "through to too under until up very was we were what when where which while who whom why will "
    "with would you your yours yourself yourselves said says told tells since still already however "
    "must may might shall".split()
)
# Words that show a finite verb (auxiliaries and the verbs of reported speech).
AUXILIARIES = frozenset(
    "is are was were be been being am has have had do does did will would can could shall should may "
    "might must said says told tells say added stated noted announced".split()
)
SHORT_LINE = 12  # words: dates and names are read on lines up to this long only


@dataclass(frozen=True)
class LineShape:
    """What a block looks like as a line: every share is over its words (0 when it has none)."""

    text: str
    tokens: tuple[str, ...]
    key: str  # case- and spacing-insensitive form of the line, as repetition is counted
    ends_sentence: bool  # . ! ? … at the end, closing quotes and brackets aside
    stopword_share: float  # general function words
    title_share: float  # capitalised words among the content words
    caps_share: float  # words in capitals (two letters or more)
    digit_share: float  # digits among the characters that are not spaces
    has_letter: bool
    verb: bool  # an auxiliary, a verb of saying or an -ed word after the first
    first_word: str  # the first word with a letter, case-folded
    quote_start: bool  # opens with a quotation mark
    quoted: bool  # has a quotation mark anywhere
    you: bool  # says you or your
    reader: bool  # says you, your, our or us
    dated: bool  # a short line with a date or a time of day
    url: bool  # an address, a domain or a handle
    separator: bool  # | » › • · or a dangling dash, as navigation and credits use them
    name_only: bool  # two to four capitalised words and nothing else

    @property
    def words(self) -> int:
        return len(self.tokens)


def line_key(text: str) -> str:
    """Case- and spacing-insensitive form of a line."""
    return " ".join(text.split()).casefold()


def shape(text: str, facts: dict[str, _WordFacts] | None = None) -> LineShape:
    """The shape of one line of text; `facts` keeps what is known of each word across the lines of a
    document (its words recur from line to line)."""
    tokens = tuple(FAST_WORD.findall(text))
    n = len(tokens)
    digits = len(_DIGIT.findall(text))
    ascii_ = text.isascii()
    n_alpha, n_stop, n_title, n_caps, verb, first = _counts(tokens, {} if facts is None else facts)
    n_content = n_alpha - n_stop
    chars = len(text) - text.count(" ")
    has_letter = bool(n_alpha) or any(ch.isalpha() for ch in text)
    reader = _addresses_reader(text)
    return frozen(
        LineShape,
        text=text,
        tokens=tokens,
        key=" ".join(text.split()).casefold(),
        ends_sentence=bool(SENTENCE_FINAL.search(text[-8:])),
        stopword_share=(n_alpha - n_content) / n_alpha if n_alpha else 0.0,
        title_share=n_title / n_content if n_content else 0.0,
        caps_share=n_caps / n_alpha if n_alpha else 0.0,
        digit_share=digits / chars if chars else 0.0,
        has_letter=has_letter,
        verb=verb,
        first_word=first,
        quote_start=bool(_QUOTE_START.match(text)),
        # (each mark tested in turn: a generator per line costs more than the tests)
        quoted='"' in text or "“" in text or "”" in text or "«" in text or "»" in text or "„" in text,
        you=reader and bool(_YOU.search(text)),
        reader=reader,
        dated=n <= SHORT_LINE and has_letter and _dated(text, digits, ascii_),
        url="://" in text or "www." in text or ".com" in text or ".org" in text or ".net" in text or "@" in text,
        separator=n <= 40
        and (
            any(c in text for c in _SEPARATOR_CHARS)
            or " / " in text
            # (every match of the pattern has a dash: most lines have none, and skip the search)
            or (("-" in text or "–" in text or "—" in text) and bool(_SEPARATOR_DASH.search(text)))
        ),
        name_only=bool(_NAME_ONLY.match(text)),
    )


# (words with a letter, function words, capitalised content words, words in capitals, verb, first word)
_Counts = tuple[int, int, int, int, bool, str]
# What _counts reads of one word: (case-folded, in capitals, function word, auxiliary, capitalised, an -ed
# word of five letters or more); () for a word that does not start with a letter.
_WordFacts = tuple[()] | tuple[str, bool, bool, bool, bool, bool]


def _word_facts(w: str) -> _WordFacts:
    if not w[0].isalpha():
        return ()
    c = w.casefold()
    return (
        c,
        len(w) >= 2 and w.isupper(),
        c in STOPWORDS,
        c in AUXILIARIES,
        w[0].isupper(),
        len(c) >= 5 and c.endswith("ed"),
    )


def _counts(tokens: tuple[str, ...], facts: dict[str, _WordFacts]) -> _Counts:
    """The word counts of a line; `facts` holds the words already read (and takes the new ones)."""
    n_alpha = n_stop = n_title = n_caps = 0
    verb = False
    first = ""
    known = facts.get
    for j, w in enumerate(tokens):
        f = known(w)
        if f is None:
            f = facts[w] = _word_facts(w)
        if not f:
            continue
        c, caps, stop, aux, title, ed = f
        if not n_alpha:
            first = c
        n_alpha += 1
        if caps:
            n_caps += 1
        if stop:
            n_stop += 1
            verb = verb or aux
            continue
        if title:
            n_title += 1
        elif not verb and (aux or (j and ed)):
            verb = True
    return n_alpha, n_stop, n_title, n_caps, verb, first


def _dated(text: str, digits: int, ascii_: bool) -> bool:
    """Whether a short line has a date or a time of day (every form of one has a digit or a weekday)."""
    if ascii_ and not digits and "day" not in text.lower():
        return False
    return bool(_DATE.search(text))


def _addresses_reader(text: str) -> bool:
    """Whether the line says you, your, our or us (a quick scan for the letters first: every line pays it)."""
    m = _READER_HINT.search(text)
    while m is not None:
        if _READER.match(text, m.start()):
            return True
        m = _READER_HINT.search(text, m.start() + 1)
    return False


# Code in a line of plain text: an identifier with an underscore, a call, a dotted path, a prompt, an
# option, an assignment (`shutil.copy()`, `sys.path.append`, `>>>`, `--verbose`, `x = 1`), or the markup
# of documentation sources. Each shape has a character a line of prose rarely holds, tested first (every
# line of every document is read).
_UNDERSCORED = re.compile(r"(?<!\w)[a-z]\w*_\w")  # (from a word's start only: linear in a long word)
_CALL = re.compile(r"\w\.\w+\(|\w\(\)")
_OPTION = re.compile(r"(?<!\w)--[a-z]")
_ASSIGNMENT = re.compile(r"(?<![\w.])[a-z_]+ = ")
_DOTTED = re.compile(r"[a-z]\.[a-z_]+\.[a-z_]")
# Documentation markup: a reStructuredText role, literal or directive (`:mod:`x``, ``x``, `.. note::`), a
# help file's tag (`|tag|`).
_DOC_MARKUP = re.compile(r":[a-z]+:`|``[^`\s][^`]*``|(?:^|\s)\.\. [a-z-]+::|\|[\w.:-]+\|")
TECHNICAL_MIN_LINES = 5  # lines with code a text needs to be technical documentation ...
TECHNICAL_MIN_SHARE = 0.1  # ... and the share of its lines they must be


# Web addresses, e-mail addresses, handles and hashtags: a news page's, not code.
_ADDRESS = re.compile(r"\S*(?:://|www\.|@)\S*|#\w+")


def has_code(text: str) -> bool:
    """Whether a line of plain text holds code (see the shapes above); addresses, handles and hashtags
    do not count."""
    if "://" in text or "www." in text or "@" in text or "#" in text:
        text = _ADDRESS.sub(" ", text)
    return bool(
        ("_" in text and _UNDERSCORED.search(text))
        or ("(" in text and _CALL.search(text))
        or ">>>" in text
        or ("--" in text and _OPTION.search(text))
        or (" = " in text and _ASSIGNMENT.search(text))
        or _DOTTED.search(text)
        or (("`" in text or "::" in text or "|" in text) and _DOC_MARKUP.search(text))
    )


# Code in Markdown: a fence or a code span.
_MARKDOWN_CODE = compiled(r"(?m)^[ \t]*(?:```|~~~)|`[^`\n]+`")


def is_documentation(doc: Document) -> bool:
    """Whether the text is technical documentation, not a page of prose: Markdown with code (a fence or a
    code span), or plain text that `is_technical`. Its lines are labels, titles and entries by design,
    and its sentences open with the names of code. (Computed once per document.)"""
    return doc.derived(_documentation)


def _documentation(doc: Document) -> bool:
    if doc.format == "markdown":
        return _MARKDOWN_CODE.search(doc.text) is not None
    return is_technical(doc)


def is_technical(doc: Document) -> bool:
    """Whether the text is technical documentation: code in at least TECHNICAL_MIN_LINES of its lines and
    TECHNICAL_MIN_SHARE of them. A manual or a changelog saved as text has code throughout, a news page
    hardly ever (a handle or a file name at most). In Markdown, code spans and fences say it instead."""
    return doc.derived(_technical)


def _technical(doc: Document) -> bool:
    blocks = doc.blocks
    need = max(TECHNICAL_MIN_LINES, TECHNICAL_MIN_SHARE * len(blocks))
    n = 0
    for i, b in enumerate(blocks):
        if n + len(blocks) - i < need:
            return False  # the lines left cannot make up the count
        if has_code(b.text):
            n += 1
            if n >= need:
                return True
    return False


# A licence names itself in a title at its top ("Apache License", "SIL OPEN FONT LICENSE", "Mozilla Public
# License Version 2.0", "The MIT License (MIT)"), disclaims warranty in capitals as the law asks, or else
# refers to itself as "this License".
_LICENCE_TITLE = compiled(
    r"(?i)^\W*(?:\S+\s+){0,6}licen[cs]e(?:\s*,?\s*(?:version\s+)?v?[\d.]+|\s*\([^)]{1,12}\))?"
    r"(?:\s+[-–—]\s+(?:v(?:ersion)?\s*[\d.]+|[\w ,.]{0,30}\d{4})){0,2}\W*$"
)
_DISCLAIMER = compiled(r"(?i)\bwithout\s+(?:any\s+)?warrant(?:y|ies)\b")
_LOUD_DISCLAIMER = compiled(r"\bWITHOUT\s+(?:ANY\s+)?WARRANT(?:Y|IES)\b")
_SELF_REFERENCE = compiled(r"\b(?:[Tt]his|[Tt]he)\s+Licen[cs]e\b")
LICENCE_TITLE_LINES = 3  # non-blank lines at the top in which a licence names itself
LIST_SHARE = 0.75  # a text more than this share of whose blocks are list items is a list
LIST_MIN_BLOCKS = 20  # ... when it has this many blocks at least
LIST_ENTRY_MAX_WORDS = 12  # ... and the median item is this short (an entry, not a paragraph)


def is_list(doc: Document) -> bool:
    """Whether the text is a list of short entries: most of its blocks (LIST_SHARE) are list items and most
    of those are short (LIST_ENTRY_MAX_WORDS words at most, the median): a changelog or an index saved as
    text, whose entries (`+ 2529 Parser cleanup`) are the author's, not a page's furniture. An article
    written in bullets has paragraphs for items. (Computed once per document.)"""
    return doc.derived(_list)


def _list(doc: Document) -> bool:
    blocks = doc.blocks
    items = sorted(b.word_count for b in blocks if b.kind is BlockKind.LIST_ITEM)
    if len(blocks) < LIST_MIN_BLOCKS or len(items) <= LIST_SHARE * len(blocks):
        return False
    return items[len(items) // 2] <= LIST_ENTRY_MAX_WORDS


def is_licence(doc: Document) -> bool:
    """Whether the text is a licence: a title in its first LICENCE_TITLE_LINES non-blank lines that ends in
    "License" (a version, a short name in brackets, or a dash and a version or a date may follow: "SIL OPEN FONT
    LICENSE Version 1.1 - 26 February 2007"), and a disclaimer of warranty, in capitals or beside the licence's
    references to itself ("this License"). A news page whose headline ends in "licence", or goes on after a dash
    in words, and whose footer disclaims warranty is none. A licence is typed, not extracted from a page: its
    short lines, notices and copyright lines are its own, however many files of a run carry a copy. (Computed
    once per document.)"""
    return doc.derived(_licence)


def _licence(doc: Document) -> bool:
    top = [line for line in doc.text[:2000].splitlines() if line.strip()][:LICENCE_TITLE_LINES]
    if not any(_LICENCE_TITLE.match(line) for line in top):
        return False
    if _LOUD_DISCLAIMER.search(doc.text):
        return True
    return _DISCLAIMER.search(doc.text) is not None and _SELF_REFERENCE.search(doc.text) is not None


VERSE_LINE_MAX_WORDS = 12  # a line of verse: a few words ...
VERSE_LINE_MAX_CHARS = 70  # ... on a short line
VERSE_MIN_STANZA = 3  # lines in a row that make a stanza ...
VERSE_RUN_ON_WORDS = 3  # ... lines of this many words at least that leave their sentence to the next ...
VERSE_RUN_ONS = 2  # ... this many of them at least (a footer or a list may have one)
VERSE_MIN_LINES = 20  # stanza lines that make a text verse throughout (a story may quote a stanza) ...
VERSE_MIN_SHARE = 0.4  # ... when they are this share of its non-blank lines
VERSE_MEAN_CHARS = 50  # a stanza's lines are this long on average at most ...
VERSE_CAPITAL_SHARE = 0.5  # ... and this many of them open with a capital (the custom of verse) ...
VERSE_SHORT_MEAN_CHARS = 35  # ... unless they are this short
_RUNS_ON = (",", ";")  # a line that ends so leaves its sentence to the next line


def stanza_lines(doc: Document) -> frozenset[int]:
    """The blocks of a plain text that are lines of verse (poems, songs, a stanza quoted in a story): runs of
    VERSE_MIN_STANZA or more short lines in which sentences run on from one line to the next (VERSE_RUN_ONS
    lines of VERSE_RUN_ON_WORDS words or more end with a comma or a semicolon, or the line below goes on in
    lower case), opening in capitals and reading as prose (function words, not a menu's labels); every block of
    a text whose lines mostly stand in stanzas (a book of verse, where titles, refrains and attributions go with
    the poems). A page's paragraphs are long lines, its header and footer short lines that end no sentence
    across lines, and prose wrapped by hand fills its lines and opens them in lower case. Such a line is not
    debris by its shape, and a lower-case start on it goes on with the line above. (Computed once per document;
    Markdown joins a stanza's lines into one paragraph.)"""
    return doc.derived(_stanza_lines)


def _stanza_lines(doc: Document) -> frozenset[int]:
    # Plain text not wrapped by hand has a block per non-blank line: a stanza is a run of short blocks on
    # consecutive lines.
    if doc.format == "markdown" or doc.hard_wrapped:
        return frozenset()
    found: set[int] = set()
    run: list[Block] = []
    for b in [*doc.blocks, None]:
        words = b.text.split() if b is not None else []
        short = 2 <= len(words) <= VERSE_LINE_MAX_WORDS and len(b.text.strip()) <= VERSE_LINE_MAX_CHARS if b else False
        if b is not None and short and (not run or b.first_line == run[-1].first_line + 1):
            run.append(b)
            continue
        if len(run) >= VERSE_MIN_STANZA and _stanza([r.text.strip() for r in run]):
            found.update(r.index for r in run)
        run = [b] if b is not None and short else []
    if len(found) >= VERSE_MIN_LINES and len(found) >= VERSE_MIN_SHARE * len(doc.blocks):
        return frozenset(b.index for b in doc.blocks)  # a book of verse: its other lines are the poems' too
    return frozenset(found)


def _runs_on(line: str, below: str) -> bool:
    """Whether a line of VERSE_RUN_ON_WORDS words or more leaves its sentence to the line below: it ends with
    a comma or a semicolon, or with a word and the line below goes on in lower case. (A short line ending in
    a comma is a salutation, "Dear readers,", as often as verse.)"""
    if sum(w.strip(",;:.!?'\"“”‘’()").isalpha() for w in line.split()) < VERSE_RUN_ON_WORDS:
        return False  # (words, not code: `(adsbygoogle = window.adsbygoogle || []).push({});`)
    return line.endswith(_RUNS_ON) or (line[-1].isalpha() and below[:1].islower())


def _stanza(run: list[str]) -> bool:
    """Whether short lines in a row are a stanza: a sentence runs on across them, in the words of prose."""
    if sum(_runs_on(line, below) for line, below in itertools.pairwise(run)) < VERSE_RUN_ONS:
        return False
    # Prose wrapped by hand runs on across lines too, but its lines fill the width and open in lower case.
    mean = sum(len(line) for line in run) / len(run)
    capitals = sum(line[0].isupper() for line in run) / len(run)
    if mean > VERSE_MEAN_CHARS or (capitals < VERSE_CAPITAL_SHARE and mean > VERSE_SHORT_MEAN_CHARS):
        return False
    words = [w.lower().strip(",.;:!?\"'“”‘’()-") for line in run for w in line.split()]
    return sum(w in STOPWORDS for w in words) >= 0.25 * len(words)


# What is known of each word, kept across the documents of a process (a word's facts depend on the word
# alone, and most words recur from document to document); forgotten past a size a long run could reach.
_FACTS: dict[str, _WordFacts] = {}
FACTS_MAX = 200_000


def _shapes(doc: Document) -> tuple[LineShape, ...]:
    if len(_FACTS) > FACTS_MAX:
        _FACTS.clear()
    return tuple(shape(b.text, _FACTS) for b in doc.blocks)


def line_shapes(doc: Document) -> tuple[LineShape, ...]:
    """The shape of every block of `doc`, in block order (computed once per document)."""
    return doc.derived(_shapes)

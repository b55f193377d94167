"""Words of a block, and which of them are names, loanwords, titles or code.

The first half of untranslated-script's Latin-script path (mtlint.rules.encoding.latin_scores scores the
words, mtlint.rules.encoding.latin_runs finds the runs):

- names (capitalised words inside a sentence, and the particles joining them: `Banco do Brasil`), ALL-CAPS
  words, loanwords in English use, allowed terms, short capitalised or introduced quotations (titles) and
  single letters are neutral (0);
- identifiers (snake_case, file.names, --flags, camelCase, words touching markup) are code, which no run
  crosses; nor does a run cross a code span or a table-cell border (a new `segment`).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

from mtlint.engine.patterns import LazyPattern
from mtlint.rules.encoding import latin_data
from mtlint.rules.encoding.latin_data import WordLists
from mtlint.text.names import REPORTING
from mtlint.text.regexes import compiled

TITLE_MAX_WORDS = 6  # a quotation this short that starts with a capital is a title or a name ...
# ... unless a verb of saying and a colon or comma open it (`said: “Nous allons ...”`): speech, five words or
# more (a famous phrase quoted, `said: “Ich bin ein Berliner”`, is shorter).
_SAYS = compiled(rf"\b(?:{'|'.join(sorted(REPORTING))})(?:\s+[\p{{L}}\-]+){{0,2}}\s*[:,]\s*$")
_SAYS_REACH = 40
SPEECH_MIN_WORDS = 5

# A word: letters and marks, with inner apostrophes (d'état). Hyphens split words.
WORD = compiled(r"[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*")
# A neighbouring character that makes a word an identifier or markup, not prose (read in the raw text).
_CODE_NEIGHBOUR = frozenset("0123456789/\\@#$%=<>{}|~^`[]+&")
_MARKUP = frozenset("*_")  # emphasis markers: code only inside a word (`f**a**ce`, `file_name`)
# A code span, a table-cell border or a link's bracket between two words: each cell and link is its own unit.
_SEGMENT_BREAK = compiled(r"[`|\[\]]")
# Markdown emphasis in the raw text: *x*, **x**, _x_, __x__ (not inside a word).
EMPHASIS = LazyPattern(r"(?<![\w*])(\*\*?|__?)(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_CAMEL = compiled(r"\p{Ll}\p{Lu}")
_SENTENCE_PUNCT = frozenset(".!?:;…")
_OPENERS = frozenset(" \t\u00a0\"'“‘«„‚¿¡([{-–—•*_")
_QUOTE_PAIRS = {"“": "”", "«": "»", "„": "“", "‘": "’", '"': '"', "‹": "›", "”": "”"}
QUOTE_OPEN = compiled(r"[“«„‘\"‹”]")
_MAX_QUOTE = 400  # characters; a longer "quotation" is a stray quote mark
_LINK = LazyPattern(r"(?<!\\)\[([^\[\]\n]{1,400})\](?=[(\[])")  # a Markdown link's text, in the raw text


@dataclass(slots=True)
class Token:
    """A word of a block, with what the tables and its place say about it."""

    start: int
    end: int
    text: str
    lower: str
    shape: str  # "lower", "cap", "upper" or "code"
    segment: int = 0  # runs never cross from one segment to the next
    initial: bool = False  # capitalised first word of a sentence
    was_cap: bool = False  # ... read as a common word
    score: float = 0.0
    english: float = 0.0  # English zipf (0 when unknown)
    languages: str = ""
    char: float | None = None  # letter-trigram ratio, for words in no table
    foreign: bool = False
    marked: bool = False  # in no table, with letters English never uses
    quoted: bool = False  # alone (or nearly) inside quotes or emphasis
    neutral: bool = False  # a name, title, loanword
    name_tail: bool = False  # a particle right after a name: `Ley de amnistía`
    hyphened: bool = False  # joined to another word by a hyphen


def tokens(text: str, raw: str, start: int, end: int, masked: Callable[[int, int], bool] | None = None) -> list[Token]:
    """The words of `text[start:end]` (one block of the prose), their shape read in `raw` (the file).

    `masked(start, end)` tells which characters the Markdown reader blanked as markup (Document.is_masked).
    """
    out: list[Token] = []
    segment = 0
    for m in WORD.finditer(text, start, end):
        s, e = m.span()
        word = m.group()
        before = raw[s - 1] if s > 0 else " "
        after = raw[e] if e < len(raw) else " "
        if masked is not None:  # link and image brackets are markup around prose, not code
            if before == "[" and masked(s - 1, s):
                before = " "
            if after == "]" and masked(e, e + 1):
                after = " "
        if out and _SEGMENT_BREAK.search(raw, out[-1].end, s):
            segment += 1
        if _is_code(raw, word, s, e, before, after):
            shape = "code"
        elif word.isupper() and len(word) > 1:
            shape = "upper"
        elif word[0].isupper():
            shape = "cap"
        else:
            shape = "lower"
        tok = Token(s, e, word, word.lower().replace("’", "'"), shape, segment)
        tok.hyphened = before == "-" or after == "-"
        if shape == "cap":
            i = s - 1
            while i >= start and text[i] in _OPENERS:
                i -= 1
            tok.initial = i < start or text[i] in _SENTENCE_PUNCT
        out.append(tok)
    return out


def _is_code(raw: str, word: str, s: int, e: int, before: str, after: str) -> bool:
    return (
        before in _CODE_NEIGHBOUR
        or after in _CODE_NEIGHBOUR
        or _CAMEL.search(word) is not None
        or (before in _MARKUP and _inside_word(raw, s - 1, -1))
        or (after in _MARKUP and _inside_word(raw, e, 1))
        or (after == "." and e + 1 < len(raw) and raw[e + 1].isalnum())
        or (before == "." and s >= 2 and raw[s - 2].isalnum())
        or (before == "-" and _in_flag(raw, s))
    )


def _in_flag(raw: str, s: int) -> bool:
    """Whether the word at raw[s] belongs to a command-line flag (`--dry-run`, `-v`)."""
    j = s - 1
    while j >= 0 and (raw[j].isalnum() or raw[j] in "-_"):
        j -= 1
    return raw[j + 1] == "-"


def _inside_word(raw: str, i: int, step: int) -> bool:
    """Whether the run of `*` / `_` at raw[i] (walking by `step`) has a letter or digit beyond it."""
    while 0 <= i < len(raw) and raw[i] in _MARKUP:
        i += step
    return 0 <= i < len(raw) and raw[i].isalnum()


def joined(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end : b.start]
    return len(gap) <= 3 and all(c in " \u00a0-" for c in gap)


def mark_names(text: str, toks: list[Token], lists: WordLists) -> None:
    """Capitalised words are names, with the particles leading into one (`de la Rosa`, `do Brasil`).

    A capitalised first word of a sentence is read as a common word when a lowercase word follows it.
    """
    particles = lists.particles
    for i, tok in enumerate(toks):
        if tok.shape == "upper":
            tok.neutral = True
        elif tok.shape == "cap":
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if (
                tok.initial
                and nxt is not None
                and nxt.shape == "lower"
                and joined(text, tok, nxt)
                and not _leads_to_name(text, toks, i + 1, particles)
            ):
                tok.shape, tok.was_cap = "lower", True
            else:
                tok.neutral = True
    for i, tok in enumerate(toks):
        if tok.shape == "lower" and tok.lower in particles:
            if _leads_to_name(text, toks, i, particles):
                tok.neutral = True
            elif i > 0 and toks[i - 1].shape == "cap" and joined(text, toks[i - 1], tok):
                tok.name_tail = True


def _leads_to_name(text: str, toks: list[Token], i: int, particles: frozenset[str]) -> bool:
    """Whether toks[i:] is a chain of at most three particles joined to a capitalised word."""
    for j in range(i, min(i + 4, len(toks))):
        tok = toks[j]
        if j > i and not joined(text, toks[j - 1], tok):
            return False
        if tok.shape == "cap" and not tok.initial:
            return j > i
        if tok.shape != "lower" or tok.lower not in particles:
            return False
    return False


def mark_loans(toks: list[Token], lists: WordLists) -> None:
    """Loanwords in English use and allowed terms, alone or as phrases (`coup d'état`), are neutral."""
    i = 0
    while i < len(toks):
        size = 1
        for phrase in lists.loans.get(latin_data.fold(toks[i].text), ()):
            if tuple(latin_data.fold(t.text) for t in toks[i : i + len(phrase)]) == phrase:
                for t in toks[i : i + len(phrase)]:
                    t.neutral, t.foreign = True, False
                size = len(phrase)
                break
        i += size


def mark_links(raw: str, toks: list[Token], start: int, end: int) -> None:
    """A Markdown link's text that is one word or a short capitalised phrase names what it links to, like a
    title: `[avvio](...)`, `[Versão em português](README.pt.md)`."""
    starts = [t.start for t in toks]
    for m in _LINK.finditer(raw, start, end):
        inside = toks[bisect.bisect_left(starts, m.start(1)) : bisect.bisect_left(starts, m.end(1))]
        if len(inside) == 1 or (inside and inside[0].text[0].isupper() and len(inside) <= TITLE_MAX_WORDS):
            for t in inside:
                t.neutral, t.foreign = True, False


def _quoted_spans(text: str, raw: str, start: int, end: int) -> list[tuple[int, int, int, int]]:
    """(open, inner start, inner end, close end) of quotes in the prose and of emphasis in the raw text."""
    out = []
    pos = start
    while (m := QUOTE_OPEN.search(text, pos, end)) is not None:
        close = text.find(_QUOTE_PAIRS[m.group()], m.end(), end)
        if close < 0 or close - m.end() > _MAX_QUOTE:
            pos = m.end()
            continue
        out.append((m.start(), m.end(), close, close + 1))
        pos = close + 1
    if raw is not text:
        out += [(m.start(), m.start(2), m.end(2), m.end()) for m in EMPHASIS.finditer(raw, start, end)]
    return out


def mark_quotes(text: str, raw: str, toks: list[Token], start: int, end: int, lists: WordLists) -> None:
    """Titles and mentions in quotes or italics are neutral; a lone lowercase quoted word is a candidate."""
    starts = [t.start for t in toks]
    for opened, inner, close, closed in _quoted_spans(text, raw, start, end):
        lo, hi = bisect.bisect_left(starts, inner), bisect.bisect_left(starts, close)
        inside = toks[lo:hi]
        if not inside:
            continue
        before = toks[max(0, lo - 2) : lo]
        after = toks[hi] if hi < len(toks) and toks[hi].start - closed <= 1 else None
        so_called = text[max(0, opened - 12) : opened].rstrip().lower().endswith("so-called")
        introduced = (any(t.lower in lists.introducers for t in before) and not so_called) or (
            after is not None and after.lower in lists.introducers
        )
        glossed = text[closed : closed + 3].lstrip(" ").startswith("(") or text[
            max(start, opened - 2) : opened
        ].rstrip().endswith("(")
        speech = len(inside) >= SPEECH_MIN_WORDS and _SAYS.search(text, max(start, opened - _SAYS_REACH), opened)
        title = inside[0].text[0].isupper() and len(inside) <= TITLE_MAX_WORDS and not speech
        if introduced or glossed or title:
            for t in inside:
                t.neutral, t.foreign = True, False
        elif len(inside) <= 3:
            for t in inside:
                t.quoted = True

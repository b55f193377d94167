"""Person-name mentions: runs of capitalised words and the context that says they name someone.

This is document structure, like blocks and sentences: it knows English grammar (titles, role nouns,
reporting verbs, appositives), not which names exist. Rules decide with their own word and name data
which mentions to trust. A mention is the name part of a capitalised run after any title
("Defense Secretary Lloyd Austin" -> "Lloyd Austin", title "Secretary"), with its possessive dropped
("Trump's" -> "Trump"). Title-case headings are skipped: every word in them is capitalised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from mtlint import package_data
from mtlint.text.blocks import Block, BlockKind
from mtlint.text.document import Document
from mtlint.text.regexes import compiled
from mtlint.text.values import frozen
from mtlint.text.words import HONORIFICS

# Titles and role nouns that announce a person's name when they stand right before it
# ("President Joe Biden", "spokesman Ned Price", "National Security Advisers Moeed Yusuf").
TITLES = frozenset(
    """
    president vice prime minister secretary state ambassador envoy adviser advisor counsellor counselor
    spokesman spokeswoman spokesperson general gen lieutenant lt colonel col major maj captain capt
    commander admiral adm sergeant sgt marshal brigadier dr mr mrs ms miss prof professor sheikh sheik
    shaikh emir amir king queen prince princess sultan imam ayatollah pope cardinal bishop rabbi reverend
    rev senator sen representative rep congressman congresswoman governor gov mayor judge justice chairman
    chairwoman chair chief director deputy chancellor premier coach consul official officials lawyer
    author writer journalist analyst expert researcher economist player striker midfielder defender
    goalkeeper singer actor actress artist colleague counterpart activist candidate leader founder ceo
    host presenter anchor correspondent reporter editor commentator diplomat politician businessman
    businesswoman billionaire manager president-elect secretary-general mp mps ministers
    father mother brother sister prophet saint lord lady sir dame
    """.split()
)
# Words cut from the front of a mention like titles but that are no sign of a person: nouns that name a
# kind of place or event ("Lake Victoria", "Hurricane Ian", "Operation Ajax") and the adjectives news
# style puts before a name ("Veteran Fathi, who ...").
CLASSIFIERS = frozenset(
    """
    lake mount mountain river cape port fort camp gulf bay island hurricane storm typhoon cyclone
    operation project old former veteran legendary late young senior junior ex incumbent outgoing acting
    interim retired fellow rival embattled defending reigning
    """.split()
)
# Verbs that, right after a name, say a person spoke.
REPORTING = frozenset(
    """
    said says told added stated explained noted wrote believes believed argued argues announced confirmed
    stressed emphasized emphasised warned asked replied revealed insisted continued concluded pointed
    indicated declared tweeted posted claimed commented acknowledged admitted urged affirmed
    """.split()
)
# Function words and sentence adverbs that are capitalised only because they start a sentence.
FUNCTION_WORDS = frozenset(
    """
    the a an this that these those it its in on at by for from with without of to as if when while after
    before since until unlike like despite during under over between among about against into through upon
    outside inside across near beyond throughout around behind amid along toward towards within beside
    and but or nor so yet also still then now today yesterday tomorrow tonight meanwhile however moreover
    furthermore therefore thus hence instead indeed later earlier finally first second third next last
    here there where why how what which who whom whose although though because whether both either
    neither each every all some many most several few other another such no not only even just already
    according following given including regarding his her their our my your he she they we i you
    """.split()
)
# Titles that, written in lower case, are far more often adjectives: "major Middle East subsidiaries".
ADJECTIVE_TITLES = frozenset("major general chief senior vice prime deputy official state chair private".split())
SUFFIXES = frozenset("jr sr".split())  # "Donald Trump Jr." is a Trump
DETERMINERS = frozenset("the a an this that these those its".split())
# Lower-case particles inside names: "Mohammed bin Salman", "Ursula von der Leyen".
PARTICLES = frozenset("al el bin ibn bint de del della di da dos das du van von der den le la ul ud".split())

_WORD = compiled(r"(?:(?:al|el|ad|an|ar|as|ash|at|az)[-‐])?[\p{L}\p{M}]+(?:[-‐'’][\p{L}\p{M}]+)*")
_POSSESSIVE_ENDINGS = ("'s", "’s")
_APPOSITIVE = compiled(
    r"\A(?:,\s*(?:who|whose|a|an|the|former|also|then|now|currently)\b"
    r"|\s+(?:is|was|has\s+been|had\s+been|,\s*who\s+is)\s+(?:a|an|the|also|now|currently|former)\b)",
    regex.IGNORECASE,
)
# After ", the": two capitalised words in a row, the start of a name (", the United States will").
_ARTICLE_NAME = compiled(r"(?i:\A,\s*(?:a|an|the)\s+)(\p{Lu}[\p{L}.]*)\s+(\p{Lu}[\p{L}.]*)(?:\s+(\p{Lu}[\p{L}.]*))?")


def _appositive(after: str) -> bool:
    """Whether the text after a name describes it (", a professor", "is a former ...", ", who"). After
    ", the" a name of two capitalised words or more opens a new clause (", the United States will"),
    unless one of them is a title in the singular (", the Prime Minister of Pakistan", ", the Foreign
    Secretary"; not ", the United States")."""
    if _APPOSITIVE.match(after) is None:
        return False
    named = _ARTICLE_NAME.match(after)
    return named is None or any(w and w.lower().rstrip(".") in role_nouns() for w in named.groups())


_REPORT = compiled(r"\A(?:,\s*)?\s+(?:also\s+|then\s+|later\s+)?(\p{Ll}+)")
_OPENERS = ".!?:;\"“‘'(«—–-•*"
# How far around a name the context patterns look (they need a few words, never a whole paragraph).
_LOOK = 120
# Both read the end of a window, so they match backwards from it (`(?r)`: the same match, found
# without trying every position of the window first).
_PREVIOUS_WORD = compiled(r"(?r)(\p{L}+)\s+$")
# "Superintendent of Police Imran Qureshi", "Minister of State for Foreign Affairs Hina Khar": the words
# after "<title> of" complete the title before the name starts.
_TITLE_OF = compiled(r"(?r)(\p{L}+)\s+(?:of|for)\s+(?:the\s+)?$")


@dataclass(frozen=True)
class NameToken:
    """One word of a name mention; `initial` for "S." and the like."""

    start: int
    end: int
    text: str
    initial: bool = False


@dataclass(frozen=True)
class NameMention:
    """A possible person name: its words, what precedes it and what follows it."""

    start: int
    end: int
    tokens: tuple[NameToken, ...]
    block: int
    title: str = ""  # the title or role noun right before the name, if any
    sentence_initial: bool = False  # the name starts a sentence (so its capital says nothing)
    appositive: bool = False  # followed by ", a professor", "is a former ...", ", who"
    reporting: bool = False  # followed by a reporting verb ("said", "told")
    determiner: bool = False  # right after "the", "a", "this" ...: "The Morning Star" is no person
    complement: bool = False  # right after "<title> of": its leading common words belong to the title

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.tokens)

    @property
    def words(self) -> tuple[NameToken, ...]:
        """The tokens that are not initials."""
        return tuple(t for t in self.tokens if not t.initial)

    @property
    def surname(self) -> NameToken:
        """The last word (family name in Western and Arabic order)."""
        return self.tokens[-1]

    @property
    def given(self) -> tuple[NameToken, ...]:
        """The words before the surname, initials excluded."""
        return tuple(t for t in self.tokens[:-1] if not t.initial)


# Space between two words of one name: blanks (Markdown markup is blanked to spaces), one line break.
_SPACE = compiled(r"[ \t]+(?:\r?\n[ \t]*)?|\r?\n[ \t]*")
HEADLINE_WORDS = 20  # a longer block is prose, however many names it holds
_ARTICLE = compiled(r"(?:al|el|ad|an|ar|as|ash|at|az)[-‐]")


def _capitalised(word: str) -> bool:
    """A capitalised word ("Khan", "al-Assad"), not an acronym ("US", "NATO")."""
    if word[:1] in ("a", "e"):  # every article starts so ("al-", "el-", "ash-")
        art = _ARTICLE.match(word)
        if art:
            word = word[art.end() :]
    return word[:1].isupper() and not (len(word) > 1 and word.isupper())


def _title_case_block(words: list[str]) -> bool:
    """Whether a block of these words is a Title Case heading, where capitals say nothing about names."""
    letters = [w for w in words if w[:1].isalpha()]
    if not 4 <= len(letters) <= HEADLINE_WORDS:
        return False
    caps = sum(1 for w in letters if w[:1].isupper())
    return caps >= 0.75 * len(letters)


@lru_cache(maxsize=1)
def role_nouns() -> frozenset[str]:
    """TITLES and the nouns of text/data/role_nouns.txt (occupations and roles, derived from WordNet)."""
    raw = package_data.read_text("mtlint.text", "data/role_nouns.txt")
    return TITLES | frozenset(line for line in raw.splitlines() if line and line[0] != "#")


@lru_cache(maxsize=16384)
def _vouches(word: str) -> bool:
    """A title of the hand list (TITLES), which says the name after it is a person's."""
    low = word.lower().rstrip(".")
    return low in TITLES or (low.endswith("s") and low[:-1] in TITLES)


@lru_cache(maxsize=16384)  # asked for every word of every capitalised run: the same few words recur
def _is_title(word: str) -> bool:
    low = word.lower().rstrip(".")
    roles = role_nouns()
    return low in roles or (low.endswith("s") and low[:-1] in roles)


def _runs(doc: Document, block: Block):  # type: ignore[no-untyped-def]
    """Yield lists of consecutive capitalised words (with inner particles) in `block`.

    The words are those `_WORD.finditer` cuts from the block. A run can only start at a capitalised word,
    so between runs the scan jumps from one capitalised word to the next (`_next_capitalised`) instead of
    stepping through every lower-case word; inside a run it reads the following words one by one.
    """
    text, end = doc.prose, block.end
    if block.kind in (BlockKind.HEADING, BlockKind.LINE):
        if _title_case_block(_WORD.findall(text, block.start, end)):
            return
    capital = _ASCII_CAPITAL if block.text.isascii() else _MAYBE_CAPITAL
    w = _next_capitalised(text, block.start, end, block.start, capital)
    run: list = []
    while w is not None:
        token = w.group()
        nxt = None  # the word after `w`, when already read
        if _capitalised(token):
            if run:
                prev = run[-1]
                gap = text[prev.end() : w.start()]
                dotted = gap[:1] == "." and (len(prev.group()) == 1 or prev.group().lower() in HONORIFICS)
                if not _SPACE.fullmatch(gap[1:] if dotted else gap):
                    yield run
                    run = []
            run.append(w)
        elif run and token.lower() in PARTICLES:
            nxt = _WORD.search(text, w.end(), end)
            if (
                nxt is not None
                and _capitalised(nxt.group())
                and _SPACE.fullmatch(text[run[-1].end() : w.start()])
                and _SPACE.fullmatch(text[w.end() : nxt.start()])
            ):
                run.append(w)
            else:
                yield run
                run = []
        elif run:
            yield run
            run = []
        if run and token.endswith(_POSSESSIVE_ENDINGS):
            yield run
            run = []
        if run:
            w = nxt if nxt is not None else _WORD.search(text, w.end(), end)
        else:  # no run to end or join: only a capitalised word matters now
            w = _next_capitalised(text, w.end(), end, block.start, capital)
    if run:
        yield run


# A character that may start a capitalised word, scanned for with the standard library's engine (several
# times faster than `regex` at this): a superset of the capitals, since every character str.isupper accepts
# is a word character, and neither a digit, an underscore nor a-z.
_MAYBE_CAPITAL = re.compile(r"[^\W\d_a-z]")
_ASCII_CAPITAL = re.compile(r"[A-Z]")  # _MAYBE_CAPITAL in ASCII text, a plain range scanned faster
_LETTER = compiled(r"[\p{L}\p{M}]")  # what _WORD's words are made of
_JOINERS = "-‐'’"
_REST_OF_WORD = compiled(r"[\p{L}\p{M}]*(?:[-‐'’][\p{L}\p{M}]+)*")


def _next_capitalised(
    text: str, pos: int, end: int, floor: int, capital: re.Pattern[str] = _MAYBE_CAPITAL
) -> regex.Match[str] | None:
    """The first capitalised word (`_capitalised`) of those `_WORD.finditer(text, floor, end)` cuts, at or
    after `pos` (the block's start, `floor`, or the end of one of those words). `capital` finds the
    characters that may be a capital: _MAYBE_CAPITAL, or _ASCII_CAPITAL when `text[floor:end]` is ASCII."""
    while (m := capital.search(text, pos, end)) is not None:
        p = m.start()
        if "A" <= m.group() <= "Z" and (p == floor or text[p - 1] == " "):
            start: int | None = p  # the common case, decided without `_word_start`: a letter after a space
        else:
            start = _word_start(text, p, floor) if _LETTER.match(text, p) else None
        if start is None:  # not a word's first letter: go on after the word it is in
            rest = _REST_OF_WORD.match(text, p, end)  # always a match, maybe empty
            pos = max(p + 1, rest.end() if rest is not None else p)
            continue
        w = _WORD.match(text, start, end)
        if w is not None and _capitalised(w.group()):
            return w
        pos = w.end() if w is not None else p + 1
    return None


def _word_start(text: str, i: int, floor: int) -> int | None:
    """Where the word whose letter text[i] may be its capital starts: at i, or at a lower-case article
    joined to it ("al-Assad"); None when text[i] is inside a word."""
    if _starts_word(text, i, floor):
        return i
    if text[i - 1] in "-‐":
        for j in (i - 3, i - 4):  # "al-", "ash-"
            if j >= floor and _ARTICLE.fullmatch(text, j, i) and _starts_word(text, j, floor):
                return j
    return None


def _starts_word(text: str, i: int, floor: int) -> bool:
    """Whether a word of `_WORD.finditer(text, floor, ...)` starts at letter text[i]: not after a letter,
    nor after a letter and a joiner (which `_WORD` reads on into the next letters)."""
    if i == floor:
        return True
    if i < floor or _LETTER.match(text, i - 1):
        return False
    return not (text[i - 1] in _JOINERS and i - 2 >= floor and _LETTER.match(text, i - 2))


def _sentence_initial(doc: Document, block: Block, start: int) -> bool:
    # Walk back over spaces instead of slicing from the block start: long paragraphs stay linear.
    prose, i = doc.prose, start
    while i > block.start and prose[i - 1].isspace():
        i -= 1
    return i == block.start or prose[i - 1] in _OPENERS


def mentions(doc: Document) -> tuple[NameMention, ...]:
    """Every possible person-name mention of `doc`, in order (computed once per document)."""
    return doc.derived(extract_mentions)


def extract_mentions(doc: Document) -> tuple[NameMention, ...]:
    """Every possible person-name mention of `doc`, in order."""
    text = doc.prose
    out: list[NameMention] = []
    for block in doc.blocks:
        for run in _runs(doc, block):
            words = [m.group() for m in run]
            cut = -1
            for k, w in enumerate(words):
                if _is_title(w) or w.lower() in CLASSIFIERS:
                    cut = k
            # Any role noun ends the title part ("Election Commissioner Rajiv Kumar"), but only a title of
            # the hand list vouches for a person: "Prentice Hall Software Series" is a publisher's series.
            if cut == len(words) - 1:
                continue  # titles and classifiers alone ("President", "Lake"): no name is left
            title = next((w for w in reversed(words[: cut + 1]) if _vouches(w)), "") if cut >= 0 else ""
            run, words = run[cut + 1 :], words[cut + 1 :]
            determiner = False
            initial = _sentence_initial(doc, block, run[0].start())
            if (
                initial
                and len(run) == 1
                and not title
                and (words[0].lower() in FUNCTION_WORDS or words[0].endswith("ly"))
            ):
                continue  # the capital of a sentence's first word ("The", "However"), dropped below as well
            # Before a sentence start there is no word (only an opener or the block's start), so the
            # two look-backs below find nothing there: they run for names inside a sentence only.
            before = ""
            if run and not title and not initial:
                before = text[max(block.start, run[0].start() - _LOOK) : run[0].start()]
                prev = _PREVIOUS_WORD.search(before)
                if (
                    prev
                    and prev.group(1)[0].islower()
                    and _vouches(prev.group(1))
                    and prev.group(1).lower() not in ADJECTIVE_TITLES
                ):
                    title = prev.group(1)
                determiner = bool(prev and cut < 0 and prev.group(1).lower() in DETERMINERS)
            complement = False
            if run and not title and not initial:  # (`before` was read above: the same run and window)
                of = _TITLE_OF.search(before)
                complement = bool(of and _is_title(of.group(1)))  # no title: "representatives of the X People"
            if run and initial and not title and (words[0].lower() in FUNCTION_WORDS or words[0].endswith("ly")):
                determiner = words[0].lower() in DETERMINERS
                run, words = run[1:], words[1:]
                initial = False
            if run and words[0].lower() in DETERMINERS:  # "... grass, The Sacred Chao replied": a title
                determiner = True
                run, words = run[1:], words[1:]
            while run and (words[-1].lower() in PARTICLES or words[-1].lower() in SUFFIXES):
                run, words = run[:-1], words[:-1]
            if not run or len(run) > 5:
                continue
            tokens = []
            for m in run:
                s, e = m.start(), m.end()
                poss = m.group().endswith(_POSSESSIVE_ENDINGS)
                if poss and e - s > 2:
                    e -= 2
                dot = len(m.group()) == 1 and text[e : e + 1] == "."
                tokens.append(frozen(NameToken, start=s, end=e + dot, text=text[s : e + dot], initial=dot))
            if tokens[-1].initial:  # (all initials is a case of it)
                continue
            end = tokens[-1].end
            after = text[end : min(block.end, end + _LOOK)]
            report = _REPORT.match(after)
            out.append(
                frozen(
                    NameMention,
                    start=tokens[0].start,
                    end=end,
                    tokens=tuple(tokens),
                    block=block.index,
                    title=title,
                    sentence_initial=initial,
                    appositive=_appositive(after),
                    reporting=bool(report and report.group(1) in REPORTING),
                    determiner=determiner,
                    complement=complement,
                )
            )
    return tuple(out)

"""MT301 stray-capital: a common word capitalised in mid-sentence."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass

from mtlint.model import Edit, Finding, Fix, Severity
from mtlint.rule import Rule, RuleOptions
from mtlint.rules import lexicon as lex
from mtlint.text.capitals import CapitalEvidence, capital_evidence, is_capitalised, is_titlecase, word_key
from mtlint.text.document import BlockKind, Document, Sentence
from mtlint.text.regexes import compiled
from mtlint.text.words import WordMatch, word_matches

# Words after which a capitalised noun is usually a name or an institution ("the Taliban", "its Board").
_DETERMINERS = frozenset(
    "a an the this that these those its his her their our my your whose every each no any some".split()
)

_NUMBER = compiled(r"\d|[IVXLC]+$")
_QUESTION_WORDS = frozenset("how what why when where who whom whose which whether".split())
# Lower-case words that join the parts of a multi-word name.
_CONNECTORS = frozenset("of and for the de del da di la le al el on in at to y van von der bin ibn &".split())


@dataclass(frozen=True)
class StrayCapitalOptions(RuleOptions):
    """Options of stray-capital."""

    min_englishness: float = 1.9
    min_frequency: float = 3.5
    # for a word the same document also writes in lower case (and never as a name)
    min_englishness_written_lower: float = 1.5  # the floor of the precomputed table (no wordfreq load)


class StrayCapital(Rule[StrayCapitalOptions]):
    """A common word capitalised in mid-sentence.

    Machine translation often capitalises a word that a source-language sentence boundary, a title or a
    mis-split clause left at the front (`between 1954 And 1965`, `Pakistan suffered Negative reaction`,
    `prices rose yesterday; To set a new record`). Readers take a stray capital for a name.

    Bad:  `the period between 1954 And 1965`
    Good: `the period between 1954 and 1965`

    Heuristics (precision first). The word must be capitalised with lower-case letters after the first,
    stand in running prose (not a heading, caption or short line), follow a lower-case word, a number or
    a comma (or, for a verb form in -ing or -ed, a name of two words: `Abdel Fattah Sisi Smiling and`),
    and be followed by a lower-case word, a number or a date. Left alone: names of more than
    one word (`Secretary of State Anthony Blinken`, `Google News`, `Decrees of Necessity and Urgency`),
    a word after a colon, an opening quote or bracket, or a noun that introduces a name (`the film
    Parasite`, `in section The raise statement`), hyphenated and possessive words, acronyms, and
    title-cased sentences. Also left alone, as conventions of human writing: the items of a list opened by a
    colon, or a series of clauses that each open with a capital after a semicolon (`three rights: The right
    to ...; The right to ...`), pronouns of the deity near its name (`asked God that He`), direct speech
    after a verb of saying and a comma (`we reply, Most certainly`), the cells of a table run into the
    text (a word after two numbers, or after a tab or three spaces on a line set in columns with the line
    above or below it, as verse in two columns: `All that you touch,<tab>And all you create`), and
    adjectives of a noun the document capitalises (`Presidential` where it writes `the President`).

    Closed-class words (`and`, `of`, `to`, `in` …) are flagged in that position, also right after a semicolon (`; To
    set`); articles, demonstratives and question words are not, because they open embedded titles (`the FAQ entry
    How do I …`), except an article between a lower-case content word or a conjunction and a lower-case common noun
    (`stressed The importance of`, `said that The agreement`), and a relative word after a comma before a lower-case
    word in a sentence that asks nothing (`the decision, Which was taken`), and `That` before the determiner or
    pronoun of its clause (`confirmed That the law`), where no title opens. Other words are flagged only when
    wordfreq shows them to be English common words rather than names (far more frequent in English than in German,
    French, Spanish, Italian and Portuguese text, where names keep their spelling); when the document does not write
    them as a name elsewhere (next to another capitalised word, or capitalised in mid-sentence more than once); when
    they do not follow a determiner (`the Taliban`; unless the clause goes on at once with a verb or a preposition
    other than `of`: `the Decision would be`, `any Interference in`) or `known as`; and when they are not plurals
    (`beat Spurs`), nationality or faith words (`Islamic`, `Pakistani`), nouns English capitalises as short names
    (`Parliament`, `the South`, `Congress`) or words English writes only as names (`talks in Germany and`,
    `Christmas`: WordNet knows no lower-case sense of them).

    Fix: lowercase the word. Safe for closed-class words; unsafe otherwise (it might still be a name).
    Options: `min-englishness` (zipf gap between English and the other languages, default 1.9) and
    `min-frequency` (English zipf frequency, default 3.5) for words that are not closed-class; a participle
    that opens a clause after a comma (`..., Stressing the need`) needs a zipf of 3.0 only.
    """

    code = "MT301"
    name = "stray-capital"
    category = "casing"
    severity = Severity.WARNING
    fixable = True

    Options = StrayCapitalOptions

    def check(self, doc: Document) -> Iterator[Finding]:
        prose = doc.prose
        evidence = None
        starts: list[int] | None = None
        for block in doc.blocks:
            if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
                continue
            words = word_matches(prose, block.start, block.end)
            # Only words that start with a capital can be one (a list scan picks them out).
            for i in [k for k in range(1, len(words) - 1) if prose[words[k].start()].isupper()]:
                m = words[i]
                gap = prose[words[i - 1].end() : m.start()]
                if "\n" in gap or (gap.strip() not in _CONTEXT_GAPS and gap.rstrip() not in _CLOSING_QUOTES):
                    continue  # a sentence's first word, say: neither the context test nor the quotation one can pass
                if ("\t" in gap or _COLUMN_GAP in gap) and _in_columns(doc, m.start()):
                    continue  # "All that you touch,\t\tAnd all you create": a column's line or a table's cell
                word = m.group()
                if not is_titlecase(word) or len(word) < 2 or not word.isalpha():
                    continue
                key = word.casefold()
                closed = lex.is_closed_class(key)
                after_semicolon = gap.strip() == ";"
                after_quotation = closed and _after_quotation(prose, words, i)
                if (key in _QUESTION_WORDS or key in _DETERMINERS) and not (
                    after_semicolon
                    or after_quotation
                    or _double_determiner(prose, words, i)
                    or _article_after_content_word(prose, words, i)
                    or _relative_after_comma(prose, words, i, gap, block.end)
                    or _complementizer(prose, words, i)
                ):
                    continue  # "the FAQ entry How do I ...", "see The raise statement": an embedded title
                if not gap.strip() and lex.introduces_name(words[i - 1].group().casefold()):
                    continue  # "the film Parasite", "in section The standard types" (a comma introduces nothing)
                if _house_style(doc, prose, words, i, gap, block.start):
                    continue
                if not (after_quotation or self._context_fits(prose, words, i, closed)):
                    continue
                if doc.is_masked(m.start(), m.end()) or doc.opens_with_markup(m.start(), block.start):
                    continue  # `pressing <kbd>Enter</kbd>`, `[Worker threads][]`: markup marks a name
                if key in doc.code_words:
                    continue  # `the returned Promise`: an identifier the document writes as code
                if starts is None:
                    starts = doc.sentence_starts
                if _title_cased(doc, starts, m.start()):
                    continue
                if not closed:
                    # Lexical test first at the lower bar (cheap), then the document's evidence (a scan).
                    before_previous = words[i - 2].group() if i >= 2 else ""
                    previous = words[i - 1].group()
                    clause = _clause_participle(key, gap)
                    if previous.casefold() in _DETERMINERS:
                        # "the Decision would be", "any Interference in": after a determiner, only a word
                        # English never writes as a name, followed by a verb or a preposition (a name
                        # goes on: "the Bank of Japan", "the Special method names section").
                        if words[i + 1].group() not in _CLAUSE_AFTER_NOUN or not self._common_word(
                            key, "", before_previous
                        ):
                            continue
                        previous = ""  # the determiner has been weighed
                    elif not self._common_word(key, previous, before_previous, written_lower=True, clause=clause):
                        continue
                    if evidence is None:
                        evidence = capital_evidence(doc)
                    if evidence.used_as_name(key, besides=m.start()) or _adjective_of_name(evidence, key):
                        continue
                    # The document's own lower-case uses of the word lower the bar for cognates ("where
                    # Danger lies" when the text also says "the danger"): a name is not written in lower case.
                    if evidence.use(key).lower == 0 and not self._common_word(
                        key, previous, before_previous, clause=clause
                    ):
                        continue
                lowered = word[0].lower() + word[1:]
                edit = Edit(m.start(), m.end(), lowered)
                fix = Fix.safe(edit) if closed and not after_quotation else Fix.unsafe(edit)
                yield self.finding(
                    m.start(),
                    m.end(),
                    f"'{word}' is capitalised in mid-sentence; write '{lowered}'",
                    fix=fix,
                    word=word,
                )

    @staticmethod
    def _context_fits(prose: str, words: list[WordMatch], i: int, closed: bool) -> bool:
        """Whether the word sits between a lower-case word (or number, comma) and a lower-case word."""
        prev, m, nxt = words[i - 1], words[i], words[i + 1]
        before = prose[prev.end() : m.start()]
        if "\n" in before or before.strip() not in _CONTEXT_GAPS:
            return False
        if before.strip() == ";" and not closed:
            return False
        p = prev.group()
        if prev.start() > 0 and prose[prev.start() - 1] == "." and not before.strip():
            return False  # "at eclipse.org If you", "apt 0.3.19 Advanced", "1.4 Listing", "3.4 Added": after an
            # address, a file name, a version or a number a sentence or a cell may begin
        # After a name, only a verb form can be told from the next part of the name: "Sisi Smiling and".
        after_name = is_titlecase(p) and not closed and m.group().endswith(("ing", "ed"))
        if before.strip() != ";" and not after_name and (is_capitalised(p) or not (p[0].islower() or p.isdigit())):
            return False
        if prose[m.end() : nxt.start()].strip() or "\n" in prose[m.end() : nxt.start()]:
            return False
        n = nxt.group()
        if not (n[0].islower() or n[0].isdigit() or lex.is_calendar(word_key(n))):
            return False
        if after_name and (
            i < 2 or not is_titlecase(words[i - 2].group()) or not _joined_by_space(prose, words[i - 2], prev)
        ):
            return False  # "Lake Reading", "See Creating the ...": one capitalised word is not a name
        if not closed and _NUMBER.match(n):
            return False  # "Paragraph 6", "Article 51", "Phase 2": a label before its number
        # Inside a name joined by a connector: "Decrees of Necessity and Urgency", "Minister of Economy".
        if p.casefold() in _CONNECTORS and i >= 2 and is_capitalised(words[i - 2].group()):
            return False
        return not (n.casefold() in _CONNECTORS and i + 2 < len(words) and is_capitalised(words[i + 2].group()))

    def _common_word(
        self, key: str, previous: str, before_previous: str, written_lower: bool = False, clause: bool = False
    ) -> bool:
        """Whether `key` is an English common word that would not be capitalised after `previous`; a
        participle opening a clause after a comma (`clause`) needs less frequency."""
        previous = previous.casefold()
        if previous in _DETERMINERS:
            return False  # "the Taliban", and section titles ("the Special method names section")
        if previous == "as" and before_previous.casefold() in ("known", "such"):
            return False  # "known as Hope", "such as Target"
        if key.endswith("s") and not key.endswith("ss"):
            return False  # plural capitals are mostly teams and groups ("beat Spurs on Sunday")
        if lex.is_proper_use(key) or lex.is_proper_noun(key) or lex.is_calendar(key) or lex.looks_like_demonym(key):
            return False
        min_frequency = min(self.options.min_frequency, CLAUSE_MIN_FREQUENCY) if clause else self.options.min_frequency
        if lex.is_english_common_word(key, min_frequency, self.options.min_englishness):
            return True
        return written_lower and lex.is_english_common_word(
            key, self.options.min_frequency, self.options.min_englishness_written_lower
        )


# A participle that opens a clause after a comma ("..., Stressing the need"): a name seldom ends in -ing
# there, so a rarer English word counts (the precomputed table's floor).
CLAUSE_MIN_FREQUENCY = 3.0


# Capitals that follow a convention of human writing rather than a slip of translation.
# Pronouns of the deity, capitalised near the word that names it ("asked God that He protect").
_DEITY_PRONOUNS = frozenset("he him his himself thee thou thy thine thyself".split())
# (`Lord` before a name is a peer's title: "Lord Cameron said He would" is a slip.)
_DEITY = compiled(
    r"\b(?:God|Almighty|Creator|Christ|Jesus|Allah|Providence)\b"
    r"|\bLord\b(?!\s+(?!(?:Who|Whom|Whose|He|Him|His|Himself|Most|God|Jesus|Almighty)\b)\p{Lu})"
)
_DEITY_WINDOW = 400  # characters before the pronoun in which the deity must be named
# Verbs of saying that, before a comma, open direct speech written without quotation marks
# ("we reply, Most certainly").
_SAYING = frozenset(
    "say says said saying reply replies replied ask asks asked answer answers answered declare declares "
    "declared exclaim exclaimed cry cried write writes wrote proclaim proclaimed think thought wonder wondered".split()
)


def _house_style(doc: Document, prose: str, words: list[WordMatch], i: int, gap: str, block_start: int) -> bool:
    """Whether the capital follows a convention of human writing: the items of a list opened by a colon
    or a series of clauses that each open with a capital after a semicolon (`The right to ...; The right
    to ...`), a pronoun of the deity near its name, direct speech after a verb of saying and a comma, or a
    cell of a table run into the text (a word right after two numbers standing apart: `4,552 5,813 Other`)."""
    key = words[i].group().casefold()
    sep = gap.strip()
    if sep == ";" and _capitalised_series(doc, prose, words[i].start()):
        return True
    if key in _DEITY_PRONOUNS and _DEITY.search(
        prose, max(block_start, words[i].start() - _DEITY_WINDOW), words[i].start()
    ):
        return True
    if sep == "," and words[i - 1].group().casefold() in _SAYING:
        return True
    return (
        _TABLE_CELLS.search(prose, max(block_start, words[i].start() - _TABLE_LOOKBACK), words[i].start()) is not None
    )


def _capitalised_series(doc: Document, prose: str, offset: int) -> bool:
    """Whether the sentence around `offset` opens a list with a colon before it, or has another clause
    that opens with a capital after a semicolon: "Among them: The right to ...; The right to ..."."""
    starts = doc.sentence_starts
    k = bisect.bisect_right(starts, offset) - 1
    if k < 0:
        return False
    known = doc.derived(_sentence_series)
    if k not in known:
        sentence = doc.sentences[k]
        colon = _LIST_COLON.search(prose, sentence.start, sentence.end)
        series = len(_SEMICOLON_CAPITAL.findall(prose, sentence.start, sentence.end))
        known[k] = (colon.start() if colon else -1, series)
    colon_at, series = known[k]
    return 0 <= colon_at < offset or series >= 2


def _sentence_series(doc: Document) -> dict[int, tuple[int, int]]:
    return {}  # sentence index -> (its first colon that opens a list, or -1; its semicolon capitals)


_SEMICOLON_CAPITAL = compiled(r";\s+\p{Lu}\p{Ll}")
_LIST_COLON = compiled(r"(?<!\d):\s")  # a colon that opens what follows (not `10:30`)
# Two numbers standing apart right before the word: columns of a table run into the text.
_TABLE_CELLS = compiled(r"(?<!\S)\d[\d,.%]*[ \t]+\d[\d,.%]*[ \t]+$")
_TABLE_LOOKBACK = 40
# Adjective endings that derive a word from a noun: "Presidential" (President), "Congressional",
# "Constitutional", "Biblical" (Bible), "Commercial" (Commerce).
_ADJECTIVE_ENDINGS = ("ional", "ical", "ial", "al", "ic")
NAME_USES = 2  # a noun the document capitalises this often on its own is one of its names


def _adjective_of_name(evidence: CapitalEvidence, key: str) -> bool:
    """Whether `key` is an adjective of a noun the document capitalises on its own in mid-sentence at least
    NAME_USES times ("Presidential authority" in a text that writes "the President"): house style, not a
    slip. A noun seen only inside a longer name ("Ministry of Education", "the Education Ministry") or at
    the start of sentences does not make "Educational" one."""
    for ending in _ADJECTIVE_ENDINGS:
        base = key[: -len(ending)]
        if key.endswith(ending) and len(base) >= 4:
            for noun in (base, base + "e"):
                if evidence.use(noun).alone >= NAME_USES:
                    return True
    return False


def _clause_participle(key: str, gap: str) -> bool:
    return gap.strip() == "," and len(key) >= 6 and key.endswith("ing")


# Closed-class words that open a clause: after a quotation that ended without a full stop they are a
# sentence start glued on ("called it “Anger and Frustration” It shows"), not the next word of a title.
_CLAUSE_OPENERS = frozenset("it he she they we its his their the this these those there".split())
# Words that end a noun phrase and go on with the clause: a verb of being, having or saying, a modal, or a
# preposition that does not join the parts of a name (not `of`, `for`, `and`).
_CLAUSE_AFTER_NOUN = frozenset(
    "is was are were has had have would will could should can may might must did does said says "
    "in on at to from with between against into over after before during".split()
)
# Conjunctions open a clause, never a title: "said that The agreement would", "and The talks ended".
_CONJUNCTIONS = frozenset("that and but because while although though whether if or since".split())
_CONTEXT_GAPS = ("", ",", ";")  # what `_context_fits` lets stand between the word and the one before it
_COLUMN_GAP = "   "  # spaces that set columns apart (two are a typing slip)
_INNER_GAP = compiled(r"\S(?:\t|   )\s*\S")
_NEXT_GAP = compiled(r"\t|   ")
_CELL_MAX_WORDS = 8


def _in_columns(doc: Document, offset: int) -> bool:
    """Whether the word at `offset` opens a cell of lines set in columns (verse side by side, a table run
    into lines): the line above or below it also holds a tab or three spaces between words, and the cell
    is short (up to the next gap or the line's end). One such gap in a paragraph is a slip of typing."""
    lines = doc.derived(_column_lines)
    line = doc.position(offset)[0]
    if not (line - 1 in lines or line + 1 in lines):
        return False
    # A cell or a column's line is short: the words from here to the next gap or the line's end.
    end = doc.line_span(line)[1]
    cell = _NEXT_GAP.split(doc.text[offset:end], maxsplit=1)[0]
    return len(cell.split()) <= _CELL_MAX_WORDS


def _column_lines(doc: Document) -> frozenset[int]:
    """The 1-based lines that hold a tab or three spaces between words."""
    return frozenset(
        n
        for n, text in enumerate(doc.text.splitlines(), start=1)
        if ("\t" in text or _COLUMN_GAP in text) and _INNER_GAP.search(text)
    )


_CLOSING_QUOTES = ("”", '"', "»")
# Determiners and quantifiers that cannot be followed by another determiner ("some Its provisions").
_PRE_DETERMINERS = frozenset("a an the its his her their our my your some any every each no these those".split())


def _after_quotation(prose: str, words: list[WordMatch], i: int) -> bool:
    """Whether words[i] follows a closing quote that ended a quotation without sentence punctuation, and
    is followed by a lower-case word: `“Anger and Frustration” It shows`."""
    m, prev = words[i], words[i - 1]
    if m.group().casefold() not in _CLAUSE_OPENERS or i + 1 >= len(words):
        return False
    between = prose[prev.end() : m.start()]
    if "\n" in between or between.rstrip() not in _CLOSING_QUOTES or not between.endswith(" "):
        return False  # `said.” It` ended the sentence: the closing quote must follow a word directly
    nxt = words[i + 1]
    return prose[m.end() : nxt.start()] == " " and nxt.group()[0].islower()


def _article_after_content_word(prose: str, words: list[WordMatch], i: int) -> bool:
    """Whether a capitalised article stands between a lower-case content word or a conjunction and a
    lower-case common noun (`stressed The importance of`, `said that The agreement`): an embedded title in
    sentence case follows a preposition or a noun that introduces it (`described in The import system`,
    `the chapter The early years`), and a title in title case has a capital next."""
    if words[i].group() not in ("The", "A", "An") or not _between_words(prose, words, i):
        return False
    prev, nxt = words[i - 1].group(), words[i + 1].group()
    if lex.is_closed_class(prev) and prev not in _CONJUNCTIONS:
        return False
    return nxt.isalpha() and nxt.islower() and not lex.is_closed_class(nxt) and lex.is_frequent_in_english(nxt, 3.0)


def _between_words(prose: str, words: list[WordMatch], i: int) -> bool:
    """Whether words[i] stands, one space either side, after a lower-case word that introduces no name
    and before another word: where a capitalised function word can only go on with the clause."""
    if i + 1 >= len(words):
        return False
    prev = words[i - 1].group()
    if not (prev.isalpha() and prev.islower()) or lex.introduces_name(prev):
        return False
    return prose[words[i - 1].end() : words[i].start()] == " " and prose[words[i].end() : words[i + 1].start()] == " "


# Relative words that open a clause after a comma (", which was", ", where they"); not how, what, why,
# which open a direct question ("The question is, What comes next?").
_RELATIVES = frozenset("which who whom whose where when".split())


def _relative_after_comma(prose: str, words: list[WordMatch], i: int, gap: str, end: int) -> bool:
    """Whether a capitalised relative word follows a comma and a lower-case word follows it, in a sentence
    that is not a question (`the decision, Which was taken`): a clause goes on, no title opens there."""
    if gap.strip() != "," or words[i].group().casefold() not in _RELATIVES or i + 1 >= len(words):
        return False
    nxt = words[i + 1]
    if prose[words[i].end() : nxt.start()] != " " or not nxt.group()[:1].islower():
        return False
    stop = _SENTENCE_STOP.search(prose, nxt.end(), end)
    return stop is None or stop.group() != "?"


_SENTENCE_STOP = compiled(r"[.!?]")
# What a clause opened by "that" begins with: a determiner or a subject pronoun.
_CLAUSE_SUBJECTS = frozenset("the a an he she it they we i you his her its their this these those there".split())


def _complementizer(prose: str, words: list[WordMatch], i: int) -> bool:
    """Whether a capitalised `That` stands between a lower-case word and the determiner or pronoun that
    opens its clause (`confirmed That the law`): a clause goes on, no title opens there."""
    return words[i].group() == "That" and _between_words(prose, words, i) and words[i + 1].group() in _CLAUSE_SUBJECTS


def _double_determiner(prose: str, words: list[WordMatch], i: int) -> bool:
    """Whether a capitalised determiner follows a lower-case determiner or quantifier (`some Its`): two
    determiners in a row cannot open an embedded title."""
    prev = words[i - 1].group()
    return (
        prev in _PRE_DETERMINERS
        and prose[words[i - 1].end() : words[i].start()] == " "
        and words[i].group().casefold() in _PRE_DETERMINERS
    )


def _joined_by_space(prose: str, a: WordMatch, b: WordMatch) -> bool:
    return prose[a.end() : b.start()] == " "


def _title_cased(doc: Document, starts: list[int], offset: int) -> bool:
    """Whether the sentence around `offset` is title-cased (a headline glued into running text)."""
    sentences = doc.sentences
    i = bisect.bisect_right(starts, offset) - 1
    if i < 0 or offset >= sentences[i].end:
        return False
    # The first word is capitalised anyway and the word under test is what is in question: neither
    # counts as evidence of title case.
    known = doc.derived(_sentence_capitals)
    counts = known.get(i)
    if counts is None:
        counts = known[i] = _capitals(doc, sentences[i])
    n, capitalised, words = counts
    if offset in words:
        n, capitalised = n - 1, capitalised - words[offset]
    return n < 3 or capitalised > 0.6 * n


def _sentence_capitals(doc: Document) -> dict[int, tuple[int, int, dict[int, bool]]]:
    return {}  # sentence index -> `_capitals` of it: a sentence is asked about once per capital in it


def _capitals(doc: Document, sentence: Sentence) -> tuple[int, int, dict[int, bool]]:
    """The sentence's words of four letters or more after its first: how many, how many capitalised, and
    whether each (by its start) is. Read once per sentence: a long one with many capitals made the
    title-case test quadratic. (Counted from the spans: no string per word.)"""
    prose = doc.prose
    words: dict[int, bool] = {}
    for m in word_matches(prose, sentence.start, sentence.end):
        start, end = m.span()
        if end - start > 3 and start != sentence.start:
            words[start] = prose[start].isupper()
    return len(words), sum(words.values()), words

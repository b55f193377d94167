"""MT305 lowercase-name (prototype): a name the document capitalises elsewhere, written in lower case."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator

import regex

from mtlint.model import Edit, Finding, Fix, Severity
from mtlint.rule import NoOptions, Rule
from mtlint.rules import lexicon as lex
from mtlint.text.capitals import is_capitalised
from mtlint.text.document import Block, BlockKind, Document
from mtlint.text.regexes import compiled

_WORD = compiled(r"[\p{L}\p{M}][\p{L}\p{M}'’\-]*")
# What a phrase found below needs in ASCII text: a word that starts in lower case, a space, a capitalised
# word, a space and a capital (a word's letters, apostrophes and hyphens are _ASCII_WORD's).
_ASCII_PHRASE = re.compile(r"[a-z][A-Za-z'\-]* [A-Z][A-Za-z'\-]* [A-Z]")
_QUICK_FIRSTS = 16  # phrase first words up to which blocks are tested for them before their words are read
_ASCII_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")  # _WORD in ASCII text, with the standard library's faster engine
_SPAN = (2, 3)
# A name phrase must hold a word that is rare in English (a transliterated name: zipf below this);
# phrases of common words are terms that titles, headings and defined terms capitalise.
_RARE = 3.2  # lengths of the name phrases compared
# Words before a lower-case phrase that make it generic ("a winter market", "every central bank").
_GENERIC = frozenset("a an another any every each such some no many few several".split())


class LowercaseName(Rule[NoOptions]):
    """A multi-word name written in lower case where the same document capitalises it.

    Machine translation from scripts without case (Arabic, Chinese, Korean) often writes a name in lower
    case once and capitalised elsewhere (`the Zed Park` ... `at the zed park`). The document itself is the
    evidence: English writes one name one way.

    Bad:  `Crowds gathered at the zed park` (when the text also says `the Zed Park`)
    Good: `Crowds gathered at the Zed Park`

    Heuristics: a phrase of two or three words, every word capitalised in mid-sentence in a paragraph
    of running prose (not a heading, not a title-cased line), and the same words all in lower case in
    mid-sentence elsewhere. Not flagged: phrases ending in an institution or title noun, which English
    writes both ways (`the Central Bank ... the central bank`, `Prime Minister Khan ... the prime
    minister`); a lower-case phrase after `a`, `every` or `such` (a generic use); words of closed
    classes; phrases inside a longer capitalised run that goes on with a name (`Prime Minister Imran`).

    Fix (unsafe): capitalise the phrase as the document does elsewhere.
    """

    code = "MT305"
    name = "lowercase-name"
    category = "casing"
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document) -> Iterator[Finding]:
        names = _capitalised_phrases(doc)
        if not names:
            return
        prose = doc.prose
        found = []
        lower_uses: dict[tuple[str, ...], int] = {}
        firsts = {key[0] for key in names}
        # A block holds a use of a phrase only if its case-folded text holds the phrase's first word (case
        # folding maps each character alone): a few substring tests spare folding every word of the others.
        quick = len(firsts) <= _QUICK_FIRSTS
        for block in doc.derived(_running):
            if quick:
                folded = block.text.casefold()
                if not any(first in folded for first in firsts):
                    continue
            words = _words(doc, block)
            low = [w.group().casefold() for w in words]
            for i in [k for k in range(1, len(words)) if low[k] in firsts]:  # where a name phrase may start
                for n in _SPAN:
                    if i + n > len(words):
                        continue
                    run = words[i : i + n]
                    key = tuple(low[i : i + n])
                    if key not in names or not all(w.group().islower() for w in run):
                        continue
                    if not _spaced(prose, run):
                        continue
                    if not words[i - 1].group()[0].islower() or doc.is_masked(run[0].start(), run[-1].end()):
                        continue
                    lower_uses[key] = lower_uses.get(key, 0) + 1
                    if words[i - 1].group().casefold() in _GENERIC:
                        break
                    written = names[key][0]
                    found.append(
                        (
                            key,
                            self.finding(
                                run[0].start(),
                                run[-1].end(),
                                f"'{' '.join(w.group() for w in run)}' is written '{written}' elsewhere in the text",
                                fix=Fix.unsafe(*(Edit(w.start(), w.end(), c) for w, c in zip(run, written.split()))),
                                name=written,
                            ),
                        )
                    )
                    break
        # A name is written capitalised at least as often as not; a term the text mostly writes in lower
        # case is a common noun phrase that a heading or a cross-reference capitalised (`see Sequence Types`).
        for key, finding in found:
            if lower_uses[key] <= names[key][1]:
                yield finding


def _running(doc: Document) -> list[Block]:
    """The paragraphs and list items (computed once per document)."""
    return [b for b in doc.blocks if b.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)]


def _words(doc: Document, block: Block) -> list[regex.Match[str]]:
    """The words of a paragraph or list item, cut once though read twice (for capitalised phrases, then
    their uses), and only for the blocks either reading needs."""
    cut = doc.derived(_words_memo)
    words = cut.get(block.index)
    if words is None:
        words = cut[block.index] = list(_WORD.finditer(doc.prose, block.start, block.end))
    return words


def _words_memo(doc: Document) -> dict[int, list[regex.Match[str]]]:
    return {}


def _title_cased_sentence(doc: Document, offset: int) -> bool:
    """Whether the sentence around `offset` capitalises most of its longer words (a title or heading)."""
    sentences = doc.sentences
    i = bisect.bisect_right(doc.sentence_starts, offset) - 1
    if i < 0 or offset >= sentences[i].end:
        return True
    known = doc.derived(_title_cased_memo)  # a sentence is asked about once per capitalised word in it
    if i not in known:
        text = sentences[i].text
        long_words = [w for w in (_ASCII_WORD if text.isascii() else _WORD).findall(text) if len(w) > 3]
        known[i] = len(long_words) < 4 or sum(is_capitalised(w) for w in long_words) > 0.5 * len(long_words)
    return known[i]


def _title_cased_memo(doc: Document) -> dict[int, bool]:
    return {}


def _common(word: str) -> bool:
    """Whether `word` is an English common word, not the start of a name (`Park Presents`, not `Tim`)."""
    key = word.casefold()
    return not lex.is_proper_use(key) and lex.is_english_common_word(key, 3.5, 1.5)


def _spaced(prose: str, run: list[regex.Match[str]]) -> bool:
    return all(prose[a.end() : b.start()] == " " for a, b in itertools.pairwise(run))


def _capitalised_phrases(doc: Document) -> dict[tuple[str, ...], tuple[str, int]]:
    """Phrases of two or three words the document writes all capitalised in mid-sentence, with how
    often it does."""
    prose = doc.prose
    out: dict[tuple[str, ...], tuple[str, int]] = {}
    for block in doc.derived(_running):
        if block.text.isascii() and not _ASCII_PHRASE.search(block.text):
            continue  # no lower-case word, then two capitalised ones, each after a space: no phrase here
        words = _words(doc, block)
        caps = [prose[w.start()].isupper() for w in words]  # is_capitalised, without slicing each word
        if len(words) < 8 or sum(caps) > 0.5 * len(words):
            continue  # a title-cased line or a list of names: capitals there are style, not evidence
        i = 1
        while i < len(words):
            if not caps[i]:
                try:
                    i = caps.index(True, i)  # the next capitalised word (one scan, not a step per word)
                except ValueError:
                    break
            if (
                not caps[i]
                or not words[i - 1].group()[0].islower()
                or prose[words[i - 1].end() : words[i].start()] != " "
                or lex.introduces_name(words[i - 1].group().casefold())
                or _title_cased_sentence(doc, words[i].start())
            ):
                i += 1
                continue  # `see Sequence Types`, `Grant of Copyright License.`: a title, not a name
            j = i
            while j + 1 < len(words) and caps[j + 1] and prose[words[j].end() : words[j + 1].start()] == " ":
                j += 1
            run = words[i : j + 1]
            for n in _SPAN:
                for k in range(len(run) - n + 1):
                    part = run[k : k + n]
                    if k + n < len(run) and not _common(run[k + n].group()):
                        continue  # `Chief Executive Tim`: the phrase is followed by more of a name
                    key = tuple(w.group().casefold() for w in part)
                    if any(lex.is_closed_class(x) for x in key) or lex.is_proper_use(key[-1]):
                        continue
                    if all(lex.is_frequent_in_english(x, _RARE) for x in key):
                        continue  # `Title Page`, `New Era`: common words English writes both ways
                    if not all(x.isalpha() for x in key) or (key[-1].endswith("s") and not key[-1].endswith("ss")):
                        continue  # a plural head is a class of things (`Base Classes`), seldom a name
                    written, count = out.get(key, (" ".join(w.group() for w in part), 0))
                    out[key] = (written, count + 1)
            i = j + 1
    return out

"""MT103 duplicate-paragraph: a paragraph that repeats an earlier one, exactly or nearly."""

from __future__ import annotations

import itertools
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from mtlint.engine.packs import PackEntry
from mtlint.model import Edit, Finding, Fix, Severity
from mtlint.rule import Rule, RuleOptions
from mtlint.rules.layout.analysis import layout_debris
from mtlint.rules.layout.copies import CopyPolicy
from mtlint.rules.layout.role_features import HEADLINE_MIN_WORDS, document_layout
from mtlint.rules.layout.settings import LayoutSettings
from mtlint.rules.layout.shared import token_ends, tokens
from mtlint.text.document import Block, Document
from mtlint.text.lines import VERSE_LINE_MAX_WORDS, stanza_lines
from mtlint.text.regexes import compiled

if TYPE_CHECKING:
    from mtlint.engine.config import Config

SHINGLE = 3  # words per shingle in the candidate index
SKETCH = 12  # shingles kept per paragraph: the smallest hashes (a bottom-k MinHash sketch)
STOP_POSTINGS = 64  # a shingle in more paragraphs than this is too common to pick candidates
MAX_CANDIDATES = 8  # paragraphs compared in full with each new one
REORDERED_MIN_WORDS = 15  # a paragraph this long is compared also with its words in any order
REORDERED_SLACK = 0.1  # ... when its similarity as it stands is at most this far under the threshold
# A pull quote: a line that is only a quotation, set near the paragraph that quotes it.
_PULL_QUOTE = compiled(r"""^\s*["“«„][^"“”«»„]+["”»][.!?…]?\s*$""")
PULL_QUOTE_MIN_WORDS = 6
PULL_QUOTE_MAX_WORDS = 40
PULL_QUOTE_REACH = 6  # blocks before or after the quotation where the paragraph quoting it may stand
PULL_QUOTE_MIN_CONTEXT = 4  # words the paragraph has besides the quotation
DOUBLED_MIN_WORDS = 6  # a sentence repeated in a row this long is a copy, not emphasis


@dataclass(frozen=True)
class DuplicateParagraphOptions(RuleOptions):
    threshold: float = 0.9
    min_words: int = 8


class DuplicateParagraph(Rule[DuplicateParagraphOptions]):
    """Paragraph that repeats an earlier paragraph of the same document, exactly or nearly.

    Pages re-insert pull quotes and teasers into the text, and machine translation rewords each copy a
    little (`if they want to revive their relationship, it must be` / `if they are to revive their
    relationship it must be`; `insignificant` / `inconsequential`), so the reader meets the same
    paragraph twice. The later copy is reported, naming the line of the earlier one and the similarity.

    Bad:

        The two countries now understand that if they want to revive their ties, they must last.
        ...
        The two countries now understand that if they are to revive their ties they must last.

    Good: keep the first copy only.

    Left alone: a line that repeats on purpose, such as a credit under every picture (`Photo: Reuters`
    three times), a headline printed again as a title, a reference entry's sentence repeated under
    each function of a Markdown document, or a song's refrain (a short line of verse, see `stanza_lines`).

    Heuristics:
    - paragraphs are compared as sequences of word tokens (case, punctuation and apostrophe style
      aside) with an edit-distance similarity (rapidfuzz Indel); a later paragraph of at least
      `min-words` words whose similarity to an earlier one reaches `threshold` is a duplicate;
    - a paragraph of fifteen words or more is compared also with its words in any order (the
      translation of a copy may reorder them: `the two countries' ministers` / `the ministers of the two
      countries`), when its similarity as it stands is within 0.1 of `threshold`;
    - a paragraph that begins with the whole text of an earlier line of at least `min-words` words
      (a headline or teaser title printed again as the start of the teaser) is flagged on that span;
    - a short line (under `min-words`, at least two words) identical to the line just above it is a
      stutter of the layout (a byline printed twice);
    - a line that is nothing but a quotation (six to forty words) which a longer paragraph within six
      lines of it already quotes, nearly word for word (`threshold`, aligned on the best-matching part of
      the paragraph), is a pull quote pasted into the text;
    - a sentence of six words or more written twice in a row inside one paragraph is a copy;
    - a line that is a caption, a credit or site furniture (as stray-caption and site-boilerplate read
      it, from their packs or from the line's role) is left to those rules, so it is reported once;
    - a line found three or more times in the document is a template (a credit under every picture, a
      speaker's label), not a duplicate;
    - a short line without sentence punctuation (up to twelve words: a headline, a byline, a label) is a
      duplicate only as a stutter, directly under its original or with only captions and furniture between them,
      or when both copies stand above the article (a page prints its title twice); elsewhere its copy is page
      furniture (a headline repeated as a title tag) or nothing;
    - a near copy that differs by a negation ("will" / "will not") is a contrast, not a copy;
    - in Markdown, copies under different headings, or items of lists, belong to different entries of a
      reference (each function's `timeout` parameter), and two paragraphs that differ only in their code
      spans are compared with their code;
    - in plain text wrapped by hand or made of lists (`text.lines.is_list`), items of two lists (a line
      that is no item stands between them at the items' margin) are one entry in two lists, as a
      changelog lists a fix under each release it went into.
    Candidates are found through an index of MinHash sketches (the smallest hashes of each paragraph's
    word 3-grams), so only paragraphs sharing sketch entries are compared in full: a document of
    20,000 paragraphs lints in seconds (see bench/duplicates.py).

    Options:
    - `threshold` (default 0.9): smallest similarity (0..1) that counts as a near duplicate; a quote
      repeated on purpose with a few words changed stays under it. Tuned on the development corpus:
      its reworded pull quotes score 0.96-0.97, its most similar distinct paragraphs (a headline and
      its standfirst) 0.83.
    - `min-words` (default 8): shorter paragraphs are ignored (except for the stutter and the title printed
      twice above the article), so that repeated short phrases are not flagged.

    Fix: delete the later copy (the repeated span for a repeated headline). Safe when the copy is
    identical to the earlier paragraph after normalisation; unsafe when it is only near.
    """

    code = "MT103"
    name = "duplicate-paragraph"
    category = "duplicate"
    severity = Severity.WARNING
    fixable = True
    uses_corpus = True  # what is a caption or furniture depends on repetition across the files of the run

    Options = DuplicateParagraphOptions

    def __init__(
        self,
        options: DuplicateParagraphOptions | None = None,
        severity: Severity | None = None,
        extra_entries: tuple[PackEntry, ...] = (),
    ) -> None:
        super().__init__(options, severity, extra_entries)
        self.settings = LayoutSettings.build()

    def configure(self, config: Config) -> None:
        """Read the run's layout settings: which lines the caption and furniture rules take."""
        self.settings = LayoutSettings.from_config(config)

    def check(self, doc: Document) -> Iterator[Finding]:
        debris = layout_debris(doc, self.settings).whole_lines
        policy = CopyPolicy(doc, debris)
        # A line of verse that comes back is a refrain (a poem, a song quoted in a story), not a copy. (A
        # book of verse counts every block as the poems'; its paragraphs of prose are still compared.)
        blocks = doc.blocks
        skip = debris | {i for i in stanza_lines(doc) if blocks[i].word_count <= VERSE_LINE_MAX_WORDS}
        reported: set[int] = set()
        for finding in self._copies(doc, skip, policy):
            reported.add(finding.start)
            yield finding
        yield from self._pull_quotes(doc, skip, policy, reported)
        yield from self._doubled_sentences(doc, skip)

    def _copies(self, doc: Document, skip: frozenset[int], policy: CopyPolicy) -> Iterator[Finding]:
        """Paragraphs that repeat an earlier one, exactly or nearly, or begin with an earlier line."""
        min_words, threshold = self.options.min_words, self.options.threshold
        exact: dict[tuple[str, ...], Block] = {}
        heads: dict[tuple[str, ...], list[int]] = defaultdict(list)
        postings: dict[int, list[int]] = defaultdict(list)
        seen: list[tuple[Block, tuple[str, ...]]] = []
        previous: tuple[Block, tuple[str, ...]] | None = None
        head_lines: dict[tuple[str, ...], Block] = {}  # short lines above the article's first paragraph
        first_body = document_layout(doc).header_end
        for block in doc.blocks:
            if block.index in skip:
                continue  # a caption or furniture between a line and its stutter leaves them adjacent
            toks = policy.tokens(block)
            short = len(toks) < min_words
            if short:
                # A stutter (the line above, debris aside), or a title printed twice above the article.
                original = previous[0] if previous and toks == previous[1] else None
                if original is None and len(toks) >= HEADLINE_MIN_WORDS and block.index < first_body:
                    original = head_lines.get(toks)
                if (
                    original is not None
                    and len(toks) >= 2
                    and regex.search(r"\p{L}", block.text)
                    and policy.copy(block, original)
                ):
                    yield self._report(doc, block, original, 1.0, Fix.safe(doc.deletion(block)))
                if block.index < first_body:
                    head_lines.setdefault(toks, block)
                previous = (block, toks)
                continue
            previous = (block, toks)
            if toks in exact and policy.copy(block, exact[toks]):
                yield self._report(doc, block, exact[toks], 1.0, Fix.safe(doc.deletion(block)))
                continue
            sketch = _shingles(toks)
            prefix = self._prefix(doc, block, toks, heads, seen, min_words, policy)
            if prefix:
                yield prefix
            else:
                best = self._nearest(toks, sketch, postings, seen, threshold)
                if best is not None and policy.copy(block, best[0], near=True):
                    other, score = best
                    yield self._report(doc, block, other, score, Fix.unsafe(doc.deletion(block)))
                    continue
            exact.setdefault(toks, block)
            heads[toks[:min_words]].append(len(seen))
            for sh in sketch:
                postings[sh].append(len(seen))
            seen.append((block, toks))

    def _pull_quotes(
        self, doc: Document, skip: frozenset[int], policy: CopyPolicy, reported: set[int]
    ) -> Iterator[Finding]:
        """A line that is nothing but a quotation which a paragraph nearby already quotes (a pull quote
        pasted into the text, often with a word changed by the translation)."""
        blocks = doc.blocks
        for block in blocks:
            if block.index in skip or block.start in reported or not _PULL_QUOTE.match(block.text):
                continue
            toks = policy.tokens(block)
            if not PULL_QUOTE_MIN_WORDS <= len(toks) <= PULL_QUOTE_MAX_WORDS:
                continue
            from rapidfuzz import fuzz  # lazy: few documents hold a line that is only a quotation

            quote = " ".join(toks)
            near = range(max(0, block.index - PULL_QUOTE_REACH), min(len(blocks), block.index + PULL_QUOTE_REACH + 1))
            for i in near:
                other = blocks[i]
                if i == block.index or i in skip:
                    continue
                words = policy.tokens(other)
                if len(words) < len(toks) + PULL_QUOTE_MIN_CONTEXT:
                    continue  # the quotation must stand inside a longer paragraph
                score = fuzz.partial_ratio(quote, " ".join(words), score_cutoff=100 * self.options.threshold)
                if score and policy.copy(block, other, near=True, quotation=True):
                    yield self.finding(
                        block.start,
                        block.end,
                        f"Quotation repeats words of line {other.first_line} (similarity {score / 100:.2f}); "
                        "delete this copy.",
                        Fix.unsafe(doc.deletion(block)),
                        line=other.first_line,
                        similarity=f"{score / 100:.2f}",
                    )
                    break

    def _doubled_sentences(self, doc: Document, skip: frozenset[int]) -> Iterator[Finding]:
        """A sentence written twice in a row inside one paragraph (a segment the translation pasted
        twice). Short ones (`Go on. Go on.`) may be repeated for effect."""
        sentences = doc.sentences
        for first, second in itertools.pairwise(sentences):
            if first.block != second.block or first.block in skip or abs(len(second.text) - len(first.text)) > 3:
                continue  # (a copy has nearly the same length: most pairs are told apart here)
            mine = tokens(second.text)
            if (
                len(mine) < DOUBLED_MIN_WORDS
                or mine != tokens(first.text)
                or "\n" in doc.prose[first.end : second.start]
            ):
                continue
            if doc.is_masked(first.start, second.end):
                continue
            yield self.finding(
                second.start,
                second.end,
                "Sentence repeats the sentence before it word for word; delete this copy.",
                Fix.safe(Edit(first.end, second.end, "")),
                line=doc.position(first.start)[0],
                similarity="1.00",
            )

    def _nearest(self, toks, shingles, postings, seen, threshold):  # type: ignore[no-untyped-def]
        """The most similar earlier paragraph at or above `threshold`, from sketch candidates."""
        # One count over all the postings (not one update per shingle): the same counts, first seen first.
        lists = [ids for ids in map(postings.get, shingles) if ids and len(ids) <= STOP_POSTINGS]
        if not lists:
            return None  # no shingle seen before (most paragraphs): no candidate
        from rapidfuzz.distance import Indel  # lazy: most documents repeat no paragraph (4 ms of a run)

        counts = Counter(itertools.chain.from_iterable(lists))
        need = 1 if len(shingles) < 6 else 2
        best = None
        for idx, shared in counts.most_common(MAX_CANDIDATES):
            if shared < need:
                break
            other = seen[idx][1]
            if min(len(other), len(toks)) / max(len(other), len(toks)) < threshold - 0.15:
                continue
            score = Indel.normalized_similarity(toks, other, score_cutoff=threshold)
            if not score and len(toks) >= REORDERED_MIN_WORDS:
                # The same words in another order: a copy the translation reworded ("the two countries'
                # ministers" / "the ministers of the two countries"). Only in a long paragraph that is
                # nearly a copy as it stands: in a short one, swapped words are another sentence ("convert
                # a string to a number" / "a number to a string").
                if Indel.normalized_similarity(toks, other, score_cutoff=threshold - REORDERED_SLACK):
                    score = Indel.normalized_similarity(sorted(toks), sorted(other), score_cutoff=threshold)
            if score and (best is None or score > best[1]):
                best = (seen[idx][0], score)
        return best

    def _prefix(self, doc, block, toks, heads, seen, min_words, policy):  # type: ignore[no-untyped-def]
        """A paragraph that starts by repeating an earlier, shorter line word for word."""
        for idx in heads.get(toks[:min_words], ()):
            other_block, other = seen[idx]
            if len(other) < len(toks) and toks[: len(other)] == other and policy.copy(block, other_block, prefix=True):
                ends = token_ends(block.text)
                end = block.start + ends[len(other) - 1]
                while (
                    end < block.end
                    and not block.text[end - block.start].isalnum()
                    and not block.text[end - block.start].isspace()
                    and doc.text[end] not in "©("
                ):
                    end += 1
                cut = end
                while cut < block.end and doc.text[cut] in " \t":
                    cut += 1
                return self.finding(
                    block.start,
                    end,
                    f"Paragraph begins by repeating line {other_block.first_line} word for word; "
                    "remove the repeated text.",
                    Fix.unsafe(Edit(block.start, cut, "")),
                    line=other_block.first_line,
                    similarity="1.00",
                )
        return None

    def _report(self, doc: Document, block: Block, other: Block, score: float, fix: Fix) -> Finding:
        kind = "repeats" if score >= 1.0 else "nearly repeats"
        return self.finding(
            block.start,
            block.end,
            f"Paragraph {kind} line {other.first_line} (similarity {score:.2f}); delete this copy.",
            fix,
            line=other.first_line,
            similarity=f"{score:.2f}",
        )


def _shingles(toks: tuple[str, ...]) -> list[int]:
    """The paragraph's sketch: the SKETCH smallest hashes of its word shingles. Two paragraphs that are
    near copies share most of their sketches, and unrelated ones almost never do."""
    # A stable hash (not Python's salted one), so every process of a parallel run picks the same sketch.
    if len(toks) < SHINGLE:
        return [zlib.crc32(" ".join(toks).encode())]
    # Built-ins mapped over the shingles, with no Python step per shingle: every paragraph pays this.
    shingles = map(" ".join, zip(*(toks[k:] for k in range(SHINGLE))))
    return sorted(set(map(zlib.crc32, map(str.encode, shingles))))[:SKETCH]

"""Scale test: every default rule stays linear in the length of a document.

This is a guard against quadratic paths, not a speed benchmark (speed is measured by bench/run.py).
It lints one document of 20,000 paragraphs and the first 2,000 of them, and compares CPU time
(time.process_time, so other load on the machine does not count) rule by rule: a linear rule takes
about 10 times as long on the long document, a quadratic one about 100 times, and the bound is 30
times. A very generous bound on the whole run (about four times the 4.5 CPU seconds it took when
written, on a 2-core machine) catches a rule that became far slower without becoming quadratic.
"""

from __future__ import annotations

import random
import time

from mtlint.engine.config import Config
from mtlint.engine.ruleset import build_rules
from mtlint.run.evidence import CorpusStats
from mtlint.text.document import Document
from tests.helpers import FIXTURES

PARAGRAPHS = 20_000
MAX_GROWTH = 30.0  # linear: ~10x for 10x the text; quadratic: ~100x
MIN_MEASURED = 0.05  # seconds: below this, timings are noise
TOTAL_BOUND = 20.0  # CPU seconds for the whole default rule set on 20,000 paragraphs


def long_document(paragraphs: int) -> str:
    """Paragraphs drawn from the fixture articles, made unique, every 50th repeated verbatim."""
    pool = []
    for p in sorted((FIXTURES / "documents").glob("*.txt")):
        pool += [line.strip() for line in p.read_text(encoding="utf-8").splitlines() if len(line.strip()) > 60]
    rng = random.Random(20_000)
    out = []
    for i in range(paragraphs):
        p = rng.choice(pool)
        if i % 50:
            p = f"{p[:-1]} (Lisbon, item {i})."
        out.append(p)
    return "\n\n".join(out) + "\n"


def cpu_per_rule(text: str) -> dict[str, float]:
    rules = build_rules(Config()).rules
    plain = Document(text, "long.txt")
    doc = Document(text, "long.txt", corpus=CorpusStats.of_documents([plain]))
    doc.blocks, doc.sentences  # noqa: B018 - the shared structure, timed apart from the rules
    out = {}
    for rule in rules:
        start = time.process_time()
        list(rule.check(doc))
        out[rule.name] = time.process_time() - start
    return out


def test_every_default_rule_is_linear_in_the_document() -> None:
    text = long_document(PARAGRAPHS)
    short = text[: text.index("\n\n", len(text) // 10)] + "\n"  # about the first 2,000 paragraphs
    # Word lists and patterns load before anything is timed (on other text: results cached per
    # document must not answer for the timed runs).
    cpu_per_rule(text[: text.index("\n\n", len(text) // 100)] + "\n")
    small, large = cpu_per_rule(short), cpu_per_rule(text)
    grew = {
        name: round(large[name] / max(small[name], MIN_MEASURED / MAX_GROWTH), 1)
        for name in large
        if large[name] > MIN_MEASURED
    }
    assert all(g <= MAX_GROWTH for g in grew.values()), grew
    assert sum(large.values()) < TOTAL_BOUND, large


def quoted_paragraph(quotes: int) -> str:
    """One paragraph of many quotations left open, sentence ends between them and inch signs."""
    parts = [
        f'He said “item {i} was {i % 90}" long and (fine' if i % 3 == 0 else f'the {i % 60}" model “number {i}.'
        for i in range(quotes)
    ]
    return " ".join(parts) + "\n"


def cpu_of_unbalanced_delimiter(text: str) -> float:
    rule = next(r for r in build_rules(Config()).rules if r.name == "unbalanced-delimiter")
    doc = Document(text, "quotes.txt")
    doc.blocks  # noqa: B018 - the shared structure, timed apart from the rule
    start = time.process_time()
    assert list(rule.check(doc))
    return time.process_time() - start


def test_a_paragraph_of_many_open_quotes_is_linear() -> None:
    # Each open quote once searched the rest of its paragraph (for a reopening, for the quotes before an
    # inch sign): quadratic in the quotes of one paragraph.
    cpu_of_unbalanced_delimiter(quoted_paragraph(50))  # patterns compile before anything is timed
    small, large = (
        cpu_of_unbalanced_delimiter(quoted_paragraph(2_000)),
        cpu_of_unbalanced_delimiter(quoted_paragraph(20_000)),
    )
    assert large / max(small, MIN_MEASURED / MAX_GROWTH) <= MAX_GROWTH, (small, large)

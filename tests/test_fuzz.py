"""Rules never fail on real text, and fixing is safe: properties over documents built from real sentences
with the punctuation, quotes, dashes, invisible characters, line endings and Markdown that machine
translation leaves, and a mutation run over every fixture document.

Deterministic: Hypothesis is derandomized and the mutants are seeded, so CI sees the same examples on
every run. bench/mutate.py runs the same mutations over any folder, bench/fuzz.py is the coverage-guided
fuzzer (docs/development/fuzzing.md).
"""

from __future__ import annotations

import itertools
import random
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mtlint.engine.fixer import MAX_PASSES, choose_edits, splice
from mtlint.engine.packs import pack_rule_class, parse_pack
from mtlint.engine.ruleset import fix
from mtlint.engine.runner import run_rules
from mtlint.io.source import decode, encode
from mtlint.text.document import Document
from tests.fuzzing import NEWLINES, PIECES, block, mutate, rules_under_test
from tests.helpers import FIXTURES


def _rules():
    """Every built-in rule that runs offline, and a user pack whose fix touches line ends."""
    pack = parse_pack(
        {
            "code": "HS001",
            "name": "house-style",
            "category": "literal-idiom",
            "fix": "safe",
            "entry": [{"phrase": "in the wind", "replacement": "in vain"}, {"pattern": r"\s+$", "replacement": ""}],
        },
        "h.toml",
    )
    return (*rules_under_test(), pack_rule_class(pack)())


RULES = _rules()
PROPERTY = settings(
    max_examples=800,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, str]:
    """(text, format): blocks of real sentences and Markdown, then pieces inserted anywhere."""
    markdown = draw(st.booleans())
    rng = draw(st.randoms(use_true_random=False))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    parts: list[str] = []
    for i in range(draw(st.integers(1, 6))):
        if i:
            parts.append(draw(st.sampled_from([newline * 2, newline * 2, *NEWLINES])))
        parts.append(block(rng, markdown).replace("\n", newline))
    if draw(st.booleans()):
        parts.append(newline)
    text = "".join(parts)
    for at, piece in draw(st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(PIECES)), max_size=12)):
        i = at % (len(text) + 1)
        text = text[:i] + piece + text[i:]
    return text, "markdown" if markdown else "text"


def _doc(text: str, fmt: str) -> Document:
    return Document(text, "fuzz.md" if fmt == "markdown" else "fuzz.txt", fmt)


@PROPERTY
@given(documents())
def test_no_rule_fails_and_findings_point_into_the_text(example: tuple[str, str]) -> None:
    text, fmt = example
    result = run_rules(_doc(text, fmt), RULES)
    assert result.failures == ()
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(text)
        if f.fix is not None:
            assert all(0 <= e.start <= e.end <= len(text) for e in f.fix.edits)


@PROPERTY
@given(documents())
def test_fixing_never_fails_and_fixing_twice_changes_nothing(example: tuple[str, str]) -> None:
    text, fmt = example
    once = fix(_doc(text, fmt), RULES, unsafe=True)
    assert once.result.failures == ()
    twice = fix(_doc(once.text, fmt), RULES, unsafe=True)
    assert twice.result.failures == ()
    assert twice.text == once.text


@PROPERTY
@given(documents(), st.booleans())
def test_bytes_outside_the_edits_are_unchanged(example: tuple[str, str], bom: bool) -> None:
    """Every fix pass, as the file's bytes: each gap between edits is kept byte for byte, in order."""
    text, fmt = example
    data = ("\ufeff" if bom else "").encode() + text.encode("utf-8")
    doc = decode(data, "fuzz.md" if fmt == "markdown" else "fuzz.txt")
    assert encode(doc, doc.text) == data
    for _ in range(MAX_PASSES):
        edits, _ = choose_edits(run_rules(doc, RULES).findings, unsafe=True)
        if not edits:
            break
        for a, b in itertools.pairwise(edits):
            assert a.end <= b.start
        before, after = encode(doc, doc.text), encode(doc, splice(doc.text, edits))
        head = len(before) - len(doc.text.encode("utf-8"))  # the BOM
        assert after[:head] == before[:head]
        text = doc.text
        cursor = shift = 0
        for e in edits:
            gap = text[cursor : e.start].encode("utf-8")
            at = head + len(text[:cursor].encode("utf-8")) + shift
            assert after[at : at + len(gap)] == gap
            shift += len(e.replacement.encode("utf-8")) - len(text[e.start : e.end].encode("utf-8"))
            cursor = e.end
        assert after[head + len(text[:cursor].encode("utf-8")) + shift :] == text[cursor:].encode("utf-8")
        doc = doc.with_text(splice(doc.text, edits))


# -- mutation: every fixture document with punctuation inserted --------------------------------------
MUTANTS_PER_DOCUMENT = 50
BUDGET_SECONDS = 25.0  # a slow machine runs fewer mutants rather than time out; the count is printed


def test_no_rule_fails_on_mutated_fixture_documents() -> None:
    paths = sorted(p for p in Path(FIXTURES).rglob("*") if p.suffix in (".txt", ".md"))
    assert len(paths) >= 15, "the fixture documents are missing"
    rules = rules_under_test()
    start = time.monotonic()
    ran = 0
    failed: list[str] = []
    for k in range(MUTANTS_PER_DOCUMENT):
        if time.monotonic() - start > BUDGET_SECONDS:
            break
        for path in paths:
            rng = random.Random(f"{path.name}:{k}")
            fmt = "markdown" if path.suffix == ".md" else "text"
            text = mutate(path.read_text(encoding="utf-8"), rng, rng.randint(1, 8))
            result = run_rules(Document(text, path.name, fmt), rules)
            ran += 1
            failed.extend(f"{path.name} mutant {k}: {f.code} {f.message}" for f in result.failures)
    print(f"{ran} mutants of {len(paths)} fixture documents in {time.monotonic() - start:.1f} s")
    assert failed == [], "\n".join(failed[:20]) + "\n(reproduce with: python bench/mutate.py fixtures)"
    assert ran >= len(paths) * 5

"""Lint the text field of JSONL (or Parquet) records, chunk by chunk, on any executor.

Inputs are cut into chunks (byte ranges of whole lines, or Parquet row groups). Two functions run over
the chunks: `chunk_line_counts` (the cross-document evidence, reduced into one CorpusStats before any
rule runs) and `lint_chunk` (every record of a chunk, with that evidence). Whatever executes them, a
process pool here or a Dask cluster, the findings are the same and in the same order.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from mtlint.engine.ruleset import RuleSet, fix
from mtlint.engine.runner import run_rules
from mtlint.io.records import Chunk, Record, read_chunk
from mtlint.model import Finding, RuleFailure
from mtlint.run.evidence import CorpusStats, document_lines
from mtlint.run.executor import Context, Executor, current
from mtlint.text.document import Document


def _plain(source: str, doc: Document, f: Finding) -> str:
    line, col = doc.position(f.start)
    return f"{doc.path}:{line}:{col}: {f.code} {f.message}"


@dataclass(frozen=True)
class Settings:
    """What every worker needs besides the chunk and the rules: the record layout, and how to write a
    finding (a module-level function of the command, so it pickles by reference)."""

    text_field: str = "text"
    id_field: str = "id"
    markup: str = "text"
    write_fixed: bool = False
    unsafe_fixes: bool = False
    render: Callable[[str, Document, Finding], str] = _plain  # (input file, record, finding) -> one line


@dataclass
class ChunkResult:
    """What linting one chunk produced; findings are ready-made lines of output."""

    findings: list[str] = field(default_factory=list)
    fixed: list[str] = field(default_factory=list)  # JSON text of each record, fixed (with --write-fixed)
    errors: list[str] = field(default_factory=list)  # records that could not be linted
    failures: list[tuple[str, RuleFailure]] = field(default_factory=list)  # (where, rule that failed there)
    records: int = 0
    max_severity: int = -1


def _document(rec: Record, chunk: Chunk, settings: Settings, corpus: CorpusStats | None) -> Document | str:
    """The record's Document, or the one-line problem that keeps it from being linted."""
    assert rec.data is not None
    if settings.text_field not in rec.data:
        return f"record has no {settings.text_field!r} field"
    text = rec.data[settings.text_field]
    if not isinstance(text, str):
        return f"field {settings.text_field!r} is not a string (got {type(text).__name__})"
    ident = rec.data.get(settings.id_field)
    name = str(ident) if ident is not None else f"{chunk.path}:{rec.number}"
    return Document(text, name, settings.markup, corpus=corpus)


def chunk_line_counts(chunk: Chunk) -> tuple[int, Counter[str]]:
    """(records, in how many records of the chunk each normalised line occurs)."""
    context, _ = current()
    counts: Counter[str] = Counter()
    n = 0
    for rec in read_chunk(chunk):
        if rec.data is None:
            continue
        doc = _document(rec, chunk, context.settings, None)
        if isinstance(doc, Document):
            counts.update(document_lines(doc.prose))
            n += 1
    return n, counts


def merge_counts(parts: Sequence[tuple[int, Counter[str]]]) -> tuple[int, Counter[str]]:
    total: Counter[str] = Counter()
    n = 0
    for k, c in parts:
        n += k
        total.update(c)
    return n, total


def to_stats(merged: tuple[int, Counter[str]]) -> CorpusStats:
    n, counts = merged
    return CorpusStats(n, {k: v for k, v in counts.items() if v > 1})


def lint_chunk(chunk: Chunk) -> ChunkResult:
    """Lint (and optionally fix) every record of a chunk with the process's rules and evidence."""
    context, ruleset = current()
    settings: Settings = context.settings
    out = ChunkResult()
    for rec in read_chunk(chunk):
        where = f"{chunk.path}:{rec.number}"
        doc: Document | str = rec.error or ""
        if rec.data is not None:
            doc = _document(rec, chunk, settings, context.corpus)
        if isinstance(doc, str):
            out.errors.append(f"{where}: {doc}")
            if settings.write_fixed and rec.raw is not None:
                out.fixed.append(rec.raw)  # keep the record, untouched
            elif settings.write_fixed and rec.data is not None:
                out.fixed.append(json.dumps(rec.data, ensure_ascii=False, default=str))
            continue
        out.records += 1
        rules = ruleset.for_path(doc.path)
        result = run_rules(doc, rules)
        out.failures.extend((where, failure) for failure in result.failures)
        for f in result.findings:
            out.findings.append(settings.render(chunk.path, doc, f))
            out.max_severity = max(out.max_severity, f.severity.rank)
        if settings.write_fixed:
            assert rec.data is not None
            outcome = fix(doc, rules, settings.unsafe_fixes, first=result)
            fixed = dict(rec.data)
            fixed[settings.text_field] = outcome.text
            out.fixed.append(json.dumps(fixed, ensure_ascii=False, default=str))
    return out


def corpus_evidence(
    executor: Executor, chunks: Sequence[Chunk], context: Context, ruleset: RuleSet | None = None
) -> CorpusStats:
    """The cross-record evidence of all chunks (line counts reduced into one CorpusStats)."""
    counts = executor.map(chunk_line_counts, chunks, context, ruleset, warm_up=False)
    return to_stats(merge_counts(list(counts)))


def lint_chunks(
    executor: Executor, chunks: Sequence[Chunk], context: Context, ruleset: RuleSet | None = None
) -> Iterator[ChunkResult]:
    """`lint_chunk` over every chunk, in order."""
    yield from executor.map(lint_chunk, chunks, context, ruleset)

"""`mtlint corpus`: lint the text field of JSONL (or Parquet) records, locally or on a Dask cluster.

Inputs are cut into chunks (byte ranges of whole lines, or Parquet row groups). Both engines run the
same two functions over the chunks: `chunk_line_counts` (the cross-document evidence, reduced into one
CorpusStats before any rule runs) and `lint_chunk` (every record of a chunk, with that evidence). The
local engine maps them over a process pool; the Dask engine maps them over the cluster's workers and
broadcasts the evidence, so both print the same findings in the same order.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from mtlint.engine.config import Config
from mtlint.run.evidence import CorpusStats, document_lines
from mtlint.text.document import Document
from mtlint.formatters.base import FileReport, finding_dict
from mtlint.io.records import Chunk, CorpusError, FixedWriter, Record, chunk_target, plan_chunks, read_chunk


@dataclass(frozen=True)
class Settings:
    """What every worker needs besides the chunk: the configuration and the record layout."""

    config: Config
    text_field: str = "text"
    id_field: str = "id"
    markup: str = "text"
    write_fixed: bool = False
    unsafe_fixes: bool = False


@dataclass
class ChunkResult:
    """What linting one chunk produced; lines are ready-made JSON text."""

    findings: list[str] = field(default_factory=list)
    fixed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    records: int = 0
    found: int = 0
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


# -- the two per-chunk functions (run in worker processes or on Dask workers) ---------------------
_RULESETS: dict[str, Any] = {}


def ruleset_for(config: Config):  # type: ignore[no-untyped-def]
    """The rules of `config`, built once per process."""
    key = repr(config)
    if key not in _RULESETS:
        from mtlint.engine.ruleset import build_rules

        _RULESETS.clear()
        _RULESETS[key] = build_rules(config)
    return _RULESETS[key]


def chunk_line_counts(chunk: Chunk, settings: Settings) -> tuple[int, Counter[str]]:
    """(records, in how many records of the chunk each normalised line occurs)."""
    counts: Counter[str] = Counter()
    n = 0
    for rec in read_chunk(chunk):
        if rec.data is None:
            continue
        doc = _document(rec, chunk, settings, None)
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


def lint_chunk(chunk: Chunk, settings: Settings, corpus: CorpusStats | None) -> ChunkResult:
    """Lint (and optionally fix) every record of a chunk."""
    from mtlint.engine.runner import run_rules
    from mtlint.engine.ruleset import fix

    ruleset = ruleset_for(settings.config)
    out = ChunkResult()
    for rec in read_chunk(chunk):
        where = f"{chunk.path}:{rec.number}"
        doc: Document | str = rec.error or ""
        if rec.data is not None:
            doc = _document(rec, chunk, settings, corpus)
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
        for failure in result.failures:
            out.errors.append(f"{where}: rule {failure.rule} ({failure.code}) failed: {failure.message}")
        report = FileReport(chunk.path, doc, result.findings)
        for f in result.findings:
            out.findings.append(json.dumps({"id": doc.path, **finding_dict(report, f)}, ensure_ascii=False))
            out.max_severity = max(out.max_severity, f.severity.rank)
        out.found += len(result.findings)
        if settings.write_fixed:
            assert rec.data is not None
            outcome = fix(doc, rules, settings.unsafe_fixes, first=result)
            fixed = dict(rec.data)
            fixed[settings.text_field] = outcome.text
            out.fixed.append(json.dumps(fixed, ensure_ascii=False, default=str))
    return out


# -- engines --------------------------------------------------------------------------------------
_LOCAL: dict[str, Any] = {}


def _local_init(state: dict[str, Any]) -> None:
    if not _LOCAL:
        _LOCAL.update(state)


def _local_counts(chunk: Chunk) -> tuple[int, Counter[str]]:
    return chunk_line_counts(chunk, _LOCAL["settings"])


def _local_lint(chunk: Chunk) -> ChunkResult:
    return lint_chunk(chunk, _LOCAL["settings"], _LOCAL.get("corpus"))


def _warm_up(chunk: Chunk, settings: Settings, corpus: CorpusStats | None) -> None:
    """Build the rules and lint one record here, so forked workers inherit lazily loaded data."""
    from mtlint.engine.runner import run_rules

    ruleset = ruleset_for(settings.config)
    for rec in read_chunk(chunk):
        doc = _document(rec, chunk, settings, corpus) if rec.data is not None else None
        if isinstance(doc, Document):
            run_rules(doc, ruleset.for_path(doc.path))
            return


class LocalEngine:
    """Chunks over a process pool on this machine (or in this process for one job or one chunk)."""

    def __init__(self, jobs: int) -> None:
        from mtlint.run.executor import resolve_jobs

        self.jobs = resolve_jobs(jobs)

    def _map(self, fn, chunks: Sequence[Chunk]) -> Iterator[Any]:  # type: ignore[no-untyped-def]
        if self.jobs == 1 or len(chunks) == 1:
            yield from map(fn, chunks)
            return
        from concurrent.futures import ProcessPoolExecutor

        from mtlint.run.executor import _context, closing_pool

        # Forked workers inherit _LOCAL (settings, rules and evidence); spawned ones get it in _local_init.
        pool = ProcessPoolExecutor(min(self.jobs, len(chunks)), mp_context=_context(), initializer=_local_init,
                                   initargs=(dict(_LOCAL),))
        with closing_pool(pool):
            yield from pool.map(fn, chunks)

    def evidence(self, chunks: Sequence[Chunk], settings: Settings) -> CorpusStats:
        _LOCAL.update(settings=settings)
        return to_stats(merge_counts(list(self._map(_local_counts, chunks))))

    def lint(self, chunks: Sequence[Chunk], settings: Settings, corpus: CorpusStats | None) -> Iterator[ChunkResult]:
        _LOCAL.update(settings=settings, corpus=corpus)
        if self.jobs > 1 and len(chunks) > 1:
            _warm_up(chunks[0], settings, corpus)
        yield from self._map(_local_lint, chunks)


@dataclass(frozen=True)
class CorpusOptions:
    inputs: tuple[str, ...]
    text_field: str = "text"
    id_field: str = "id"
    markup: str = "text"
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] | None = None
    config_file: str | None = None
    isolated: bool = False
    output: str | None = None
    write_fixed: str | None = None
    unsafe_fixes: bool = False
    jobs: int = 0
    engine: str = "local"
    scheduler: str | None = None
    quiet: bool = False
    exit_zero: bool = False


def _error(message: str) -> None:
    print(f"mtlint: error: {message}", file=sys.stderr)


def run_corpus(opts: CorpusOptions) -> int:
    """Run `mtlint corpus` and return the exit code (0 clean, 1 findings, 2 errors or bad records)."""
    from dataclasses import replace

    from mtlint.engine.config import ConfigError, resolve
    from mtlint.run.executor import progress_bar
    from mtlint.engine.ruleset import SetupError, build_rules

    try:
        config = resolve([opts.inputs[0]], opts.config_file, opts.isolated, {"select": opts.select})
        config = replace(config, ignore=config.ignore + (opts.ignore or ()),
                         extend_select=config.extend_select + (opts.extend_select or ()))
        ruleset = build_rules(config)
        chunks = plan_chunks(opts.inputs, chunk_target(opts.inputs, opts.jobs))
    except (ConfigError, SetupError, CorpusError) as exc:
        _error(str(exc))
        return 2
    settings = Settings(config, opts.text_field, opts.id_field, opts.markup, bool(opts.write_fixed),
                        opts.unsafe_fixes)
    if opts.engine == "dask":
        from mtlint.run.dask import DaskEngine

        try:
            engine: Any = DaskEngine(opts.scheduler, opts.jobs)
        except CorpusError as exc:
            _error(str(exc))
            return 2
    else:
        engine = LocalEngine(opts.jobs)

    try:
        out = open(opts.output, "w", encoding="utf-8") if opts.output else sys.stdout
        fixed_out = FixedWriter(opts.write_fixed) if opts.write_fixed else None
    except OSError as exc:
        _error(f"{exc.filename}: cannot write: {exc.strerror or exc}")
        return 2
    bar = None if opts.quiet else progress_bar(sum(c.size for c in chunks), "B")
    errors = records = found = 0
    worst = -1
    try:
        corpus = engine.evidence(chunks, settings) if ruleset.uses_corpus else None
        for res, chunk in zip(engine.lint(chunks, settings, corpus), chunks):  # the generator runs to its end
            for line in res.findings:
                out.write(line + "\n")
            for message in res.errors:
                _error(message)
            if fixed_out is not None:
                fixed_out.write(res.fixed)
            errors += len(res.errors)
            records += res.records
            found += res.found
            worst = max(worst, res.max_severity)
            if bar is not None:
                bar.update(chunk.size)
    except (SetupError, CorpusError) as exc:  # e.g. a Dask worker without the plug-ins or packs
        _error(str(exc))
        return 2
    except Exception as exc:  # noqa: BLE001 - a failure of the cluster, reported in one line
        if opts.engine != "dask":
            raise
        _error(f"the Dask job failed: {type(exc).__name__}: {exc}")
        return 2
    finally:
        if bar is not None:
            bar.close()
        if opts.output:
            out.close()
        else:
            out.flush()
        if fixed_out is not None:
            fixed_out.close()
        if hasattr(engine, "close"):
            engine.close()
    if not opts.quiet:
        print(f"{found} finding(s) in {records} record(s){f', {errors} bad record(s)' if errors else ''}.",
              file=sys.stderr)
    if errors:
        return 2
    if opts.exit_zero:
        return 0
    return 1 if worst >= config.fail_on.rank else 0


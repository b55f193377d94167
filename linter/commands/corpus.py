"""`mtlint corpus`: lint the text field of JSONL (or Parquet) records, locally or on a Dask cluster."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from typing import IO

import click

from mtlint.commands.console import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, error, progress_bar
from mtlint.engine.config import ConfigError
from mtlint.engine.ruleset import SetupError
from mtlint.formatters.base import FileReport, failure_line, finding_dict, incomplete_sentence
from mtlint.io.records import CorpusError, FixedWriter, chunk_target, plan_chunks
from mtlint.model import Finding
from mtlint.run.corpus import Settings, corpus_evidence, lint_chunks
from mtlint.run.executor import Context, Executor, LocalExecutor, resolve_jobs
from mtlint.run.session import open_session
from mtlint.text.document import Document


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


def render_json(source: str, doc: Document, f: Finding) -> str:
    """One JSONL line: the record's id and the finding as the `json` format writes it."""
    return json.dumps({"id": doc.path, **finding_dict(FileReport(source, doc, (f,)), f)}, ensure_ascii=False)


def _executor(opts: CorpusOptions) -> Executor:
    if opts.engine == "dask":
        from mtlint.run.dask import DaskExecutor  # lazy: the optional dask extra

        return DaskExecutor(opts.scheduler, opts.jobs)
    return LocalExecutor(opts.jobs)


def run_corpus(opts: CorpusOptions) -> int:
    """Run `mtlint corpus` and return the exit code (0 clean, 1 findings, 2 errors or bad records)."""
    try:
        ruleset = open_session(
            [opts.inputs[0]],
            opts.config_file,
            opts.isolated,
            {"select": opts.select},
            opts.ignore or (),
            opts.extend_select or (),
        )
        chunks = plan_chunks(opts.inputs, chunk_target(opts.inputs, resolve_jobs(opts.jobs)))
        executor = _executor(opts)
    except (ConfigError, SetupError, CorpusError) as exc:
        error(str(exc))
        return EXIT_ERROR
    settings = Settings(
        opts.text_field, opts.id_field, opts.markup, bool(opts.write_fixed), opts.unsafe_fixes, render_json
    )
    try:
        # Open for the whole run (closed in the finally below), so not a with-block.
        out: IO[str] = open(opts.output, "w", encoding="utf-8") if opts.output else sys.stdout  # noqa: SIM115
        fixed_out = FixedWriter(opts.write_fixed) if opts.write_fixed else None
    except OSError as exc:
        error(f"{exc.filename}: cannot write: {exc.strerror or exc}")
        executor.close()
        return EXIT_ERROR
    bar = None if opts.quiet else progress_bar(sum(c.size for c in chunks), "B")
    errors = records = found = failed_records = 0
    failed: set[tuple[str, str]] = set()  # (code, name) of every rule that failed on some record
    worst = -1
    try:
        context = Context(ruleset.config, None, settings)
        if ruleset.uses_corpus:
            context = Context(ruleset.config, corpus_evidence(executor, chunks, context, ruleset), settings)
        for res, chunk in zip(lint_chunks(executor, chunks, context, ruleset), chunks):  # the generator runs to its end
            for line in res.findings:
                out.write(line + "\n")
            for message in res.errors:
                error(message)
            for where, failure in res.failures:
                error(failure_line(where, failure))
                failed.add((failure.code, failure.rule))
            failed_records += len({where for where, _ in res.failures})
            if fixed_out is not None:
                fixed_out.write(res.fixed)
            errors += len(res.errors)
            records += res.records
            found += len(res.findings)
            worst = max(worst, res.max_severity)
            if bar is not None:
                bar.update(chunk.size)
    except (SetupError, CorpusError) as exc:  # e.g. a Dask worker without the plug-ins or packs
        error(str(exc))
        return EXIT_ERROR
    except Exception as exc:
        if opts.engine != "dask":
            raise
        error(f"the Dask job failed: {type(exc).__name__}: {exc}")
        return EXIT_ERROR
    finally:
        if bar is not None:
            bar.close()
        if opts.output:
            out.close()
        else:
            out.flush()
        if fixed_out is not None:
            fixed_out.close()
        executor.close()
    if not opts.quiet or failed:
        bad = f", {errors} bad record(s)" if errors else ""
        gap = f" {incomplete_sentence(failed, f'{failed_records} record(s)')}" if failed else ""
        click.echo(f"{found} finding(s) in {records} record(s){bad}.{gap}", err=True)
    if errors or failed:
        return EXIT_ERROR
    if opts.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if worst >= ruleset.config.fail_on.rank else EXIT_OK

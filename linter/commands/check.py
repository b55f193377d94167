"""`mtlint check`: the whole run, from paths to exit code. Printing happens only here and in cli.py."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import click

from mtlint.commands.console import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, error, progress_bar, unified_diff, warn
from mtlint.engine.config import ConfigError
from mtlint.engine.ruleset import RuleSet, SetupError, fix
from mtlint.engine.runner import LintResult
from mtlint.engine.suppress import BaselineError, baseline_key, read_baseline, write_baseline
from mtlint.formatters import FileReport, RunReport, get_formatter
from mtlint.formatters.base import failure_line
from mtlint.io.discovery import collect
from mtlint.io.source import BinaryFile, InputError, decode, encode, read_document, write_atomic
from mtlint.model import RuleFailure, Severity
from mtlint.run.documents import lint_documents
from mtlint.run.executor import LocalExecutor
from mtlint.run.session import open_session
from mtlint.text.document import Document

MAX_FILE_BYTES = 20 * 1024 * 1024  # larger files are skipped with a warning (see README)


@dataclass(frozen=True)
class CheckOptions:
    """The options of `mtlint check`, one field per command-line option."""

    paths: tuple[str, ...] = (".",)
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] | None = None
    fmt: str = "text"
    output: str | None = None
    config_file: str | None = None
    isolated: bool = False
    fail_on: str | None = None
    exit_zero: bool = False
    statistics: bool = False
    quiet: bool = False
    color: bool | None = None
    baseline: str | None = None
    write_baseline: str | None = None
    jobs: int = 1
    stdin_filename: str | None = None
    encoding: str | None = None
    glossary: tuple[str, ...] = ()
    languagetool_url: str | None = None
    no_cache: bool = False
    cache_dir: str | None = None
    explain_roles: bool = False


def run_check(opts: CheckOptions) -> int:
    """Run a check and return the exit code."""
    overrides: dict[str, object] = {
        "select": opts.select,
        "fail_on": Severity.parse(opts.fail_on) if opts.fail_on else None,
        "languagetool_url": opts.languagetool_url,
    }
    if opts.glossary:
        overrides["glossary"] = tuple(Path(g) for g in opts.glossary)
    anchor = [opts.stdin_filename] if opts.paths == ("-",) and opts.stdin_filename else list(opts.paths)
    try:
        # --ignore and --extend-select add to the configured lists; --select replaces the selection.
        ruleset = open_session(
            anchor, opts.config_file, opts.isolated, overrides, opts.ignore or (), opts.extend_select or ()
        )
        config = ruleset.config
    except (ConfigError, SetupError) as exc:
        error(str(exc))
        return EXIT_ERROR

    status = EXIT_OK
    docs: list[Document] = []
    if opts.paths == ("-",):
        name = opts.stdin_filename or "-"
        try:
            docs.append(decode(sys.stdin.buffer.read(), name, opts.encoding))
        except BinaryFile as exc:
            warn(str(exc))
        except InputError as exc:
            error(str(exc))
            return EXIT_ERROR
    else:
        files, missing = collect(opts.paths, config.include, config.all_excludes, config.root)
        for m in missing:
            error(f"{m}: no such file or folder")
            status = EXIT_ERROR
        if not files and not missing:
            error(f"no files to lint in {', '.join(opts.paths)} (looked for {', '.join(config.include)})")
            return EXIT_ERROR
        for path in files:
            try:
                size = os.path.getsize(path)
                if size > MAX_FILE_BYTES:
                    warn(f"{path}: skipped, {size / 1e6:.1f} MB is over the {MAX_FILE_BYTES // 2**20} MiB limit")
                    continue
                docs.append(read_document(path, opts.encoding))
            except BinaryFile as exc:
                warn(str(exc))
            except InputError as exc:
                error(str(exc))
                status = EXIT_ERROR
            except OSError as exc:
                error(f"{path}: cannot read: {exc.strerror or exc}")
                status = EXIT_ERROR

    if opts.explain_roles:
        from mtlint.commands.roles import explain_roles  # lazy: only this debugging view reads line roles

        for line in explain_roles(docs, config):
            click.echo(line)
        return status

    # Cross-file evidence (Document.corpus) is reduced inside lint_all, from cached line sets where it can.
    results = lint_all(docs, ruleset, opts.jobs, opts)
    failed = False
    fixed_count = 0
    if opts.fix or opts.diff:
        linted = results
        results, fixed_count, diff_changed, fix_failed = apply_fixes(results, ruleset, opts)
        # A rule that failed on the original text or on the fixed one failed on this file.
        results = [replace(r, failures=_union(before.failures, r.failures)) for before, r in zip(linted, results)]
        failed = fix_failed
    for res in results:
        for failure in res.failures:
            error(failure_line(res.document.path, failure))
            failed = True
    if opts.diff:
        return EXIT_ERROR if (failed or status == EXIT_ERROR) else (EXIT_FINDINGS if diff_changed else EXIT_OK)

    reports = [FileReport(r.document.path, r.document, r.findings, r.failures) for r in results]

    if opts.write_baseline:
        keys = [baseline_key(r.path, f, r.document) for r in reports for f in r.findings]
        try:
            n = write_baseline(opts.write_baseline, keys)
        except OSError as exc:
            error(f"{opts.write_baseline}: cannot write baseline: {exc.strerror or exc}")
            return EXIT_ERROR
        click.echo(f"Wrote {n} finding(s) to {opts.write_baseline}.", err=True)
        return EXIT_ERROR if failed or status == EXIT_ERROR else EXIT_OK
    if opts.baseline:
        try:
            known = read_baseline(opts.baseline)
        except BaselineError as exc:
            error(str(exc))
            return EXIT_ERROR
        reports = [filter_baseline(r, known) for r in reports]

    run = RunReport(tuple(reports), fixed=fixed_count, files_checked=len(docs), extras={"registry": ruleset.registry})
    color = opts.color if opts.color is not None else (opts.output is None and sys.stdout.isatty())
    formatter = get_formatter(opts.fmt)(color=color, statistics=opts.statistics, quiet=opts.quiet)
    text = formatter.format(run)
    if opts.output:
        try:
            Path(opts.output).write_text(text, encoding="utf-8")
        except OSError as exc:
            error(f"{opts.output}: cannot write report: {exc.strerror or exc}")
            return EXIT_ERROR
    elif not (opts.fix and opts.paths == ("-",)):
        click.echo(text, nl=False)

    if failed or status == EXIT_ERROR:
        return EXIT_ERROR
    if opts.exit_zero:
        return EXIT_OK
    threshold = ruleset.config.fail_on.rank
    return EXIT_FINDINGS if any(f.severity.rank >= threshold for _, f in run.findings) else EXIT_OK


def lint_all(docs: list[Document], ruleset: RuleSet, jobs: int, opts: CheckOptions) -> list[LintResult]:
    """Lint every document (in `jobs` processes, reusing cached per-file findings); sorted by path."""
    cache = None
    if not opts.no_cache and docs and opts.paths != ("-",):
        from mtlint.run.cache import Cache, default_cache_dir  # lazy: --no-cache never needs it

        cache = Cache(default_cache_dir(ruleset.config, opts.cache_dir))
    bar = None if opts.quiet else progress_bar(len(docs), "files")
    try:
        results = lint_documents(docs, ruleset, LocalExecutor(jobs), cache, bar.update if bar is not None else None)
    finally:
        if bar is not None:
            bar.close()
    if cache is not None and cache.warning:
        warn(cache.warning)
    return results


def apply_fixes(
    results: list[LintResult], ruleset: RuleSet, opts: CheckOptions
) -> tuple[list[LintResult], int, bool, bool]:
    """Fix each document; write (or diff) the changed ones. Returns new results, count, changed, failed."""
    out: list[LintResult] = []
    total = 0
    changed = False
    failed = False
    for res in results:
        doc = res.document
        outcome = fix(doc, ruleset.for_path(doc.path), opts.unsafe_fixes, first=res)
        if not outcome.converged:
            warn(f"{doc.path}: fixes did not converge after 10 passes; file left unchanged")
        if outcome.changed(doc.text):
            changed = True
            if opts.diff:
                click.echo(unified_diff(doc.path, doc.text, outcome.text), nl=False)
            elif doc.path == "-" or opts.paths == ("-",):
                sys.stdout.buffer.write(encode(doc, outcome.text))
                sys.stdout.flush()
            else:
                try:
                    write_atomic(doc.path, encode(doc, outcome.text))
                except OSError as exc:
                    error(f"{doc.path}: cannot write fixed file: {exc.strerror or exc}")
                    failed = True
                    out.append(res)
                    continue
            total += outcome.applied
        elif opts.fix and opts.paths == ("-",):
            sys.stdout.buffer.write(encode(doc, doc.text))
            sys.stdout.flush()
        out.append(outcome.result)
    return out, total, changed, failed


def _union(a: tuple[RuleFailure, ...], b: tuple[RuleFailure, ...]) -> tuple[RuleFailure, ...]:
    """The failures of `a`, then those of `b` from a rule not already in `a` (one failure per rule)."""
    seen = {f.code for f in a}
    return a + tuple(f for f in b if f.code not in seen)


def filter_baseline(report: FileReport, known) -> FileReport:  # type: ignore[no-untyped-def]
    """Hide findings recorded in the baseline (as many of each key as were recorded)."""
    budget = dict(known)
    kept = []
    for f in report.findings:
        key = baseline_key(report.path, f, report.document)
        if budget.get(key, 0) > 0:
            budget[key] -= 1
            continue
        kept.append(f)
    return replace(report, findings=tuple(kept))

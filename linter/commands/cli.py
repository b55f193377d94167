"""Command line: `mtlint check`, `mtlint corpus`, `mtlint cache`, `mtlint rules`, `mtlint explain`.

Exit codes: 0 = no findings at or above `fail-on`; 1 = findings (or `--diff` would change files);
2 = usage, configuration or input error.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import Any

import click

from mtlint.commands.console import EXIT_ERROR, error
from mtlint.formatters import FORMATTERS
from mtlint.version import __version__


def _split(values: tuple[str, ...]) -> tuple[str, ...] | None:
    if not values:
        return None
    return tuple(v.strip() for item in values for v in item.split(",") if v.strip())


def fail(message: str) -> click.exceptions.Exit:
    error(message)
    return click.exceptions.Exit(EXIT_ERROR)


class _Group(click.Group):
    def main(self, *args: Any, **kwargs: Any) -> Any:
        # A run keeps every finding (and a warm run every cached one) alive to the end, so the default
        # collector would walk hundreds of thousands of live objects again and again for no garbage:
        # collect the young generation only, and far less often (a third of a warm run's time).
        gc.set_threshold(100_000, 1_000, 1_000)
        # Usage errors exit 2 with one line (click's default); keep tracebacks away from users.
        kwargs["standalone_mode"] = True
        from_command_line = not args and kwargs.get("args") is None  # not a test calling main([...])
        try:
            return super().main(*args, **kwargs)
        except KeyboardInterrupt:  # pragma: no cover
            click.echo("mtlint: interrupted", err=True)
            sys.exit(130)
        finally:
            if from_command_line:
                # The process ends here, and the interpreter's last collections would walk every object
                # the run made to find no garbage (a tenth of a one-file run): freeze them. Files and
                # streams are closed and flushed as ever; only the search for cycles is skipped.
                gc.freeze()


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="mtlint")
def main() -> None:
    """mtlint: find (and fix) the debris machine translation leaves in English text."""


@main.command()
@click.argument("paths", nargs=-1, type=str)
@click.option("--fix", is_flag=True, help="Apply safe fixes in place.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, also apply unsafe fixes.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
@click.option("--select", multiple=True, help="Rules to run: codes, prefixes (MT1), names or categories.")
@click.option("--ignore", multiple=True, help="Rules to skip (same forms as --select).")
@click.option("--extend-select", multiple=True, help="Rules to add to the selection.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(FORMATTERS)),
    default=None,
    help="Output format (default: text; github under GitHub Actions).",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write the report here.")
@click.option("--config", "config_file", type=str, help="Use this config file instead of searching.")
@click.option("--isolated", is_flag=True, help="Ignore every config file.")
@click.option("--fail-on", type=click.Choice(["info", "warning", "error"]), help="Lowest severity that fails.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--statistics", is_flag=True, help="Print a count per rule.")
@click.option("--quiet", "-q", is_flag=True, help="Only findings, no source excerpts or summary when clean.")
@click.option("--color/--no-color", default=None, help="Colour the text output (default: when a terminal).")
@click.option("--baseline", type=str, help="Hide findings recorded in this baseline file.")
@click.option("--write-baseline", type=str, help="Record the current findings in this file and exit 0.")
@click.option(
    "--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True, help="Worker processes (0 = all cores)."
)
@click.option("--stdin-filename", type=str, help="Name for text read from '-' (picks the format and config).")
@click.option("--encoding", type=str, help="Decode files with this encoding instead of detecting it.")
@click.option("--glossary", multiple=True, type=str, help="Glossary of canonical names (repeatable).")
@click.option(
    "--languagetool-url",
    type=str,
    metavar="URL",
    help="LanguageTool server for the grammar rule (MT501), e.g. http://localhost:8081.",
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache.")
@click.option("--cache-dir", type=str, help="Keep the result cache here (default: .mtlint_cache beside the config).")
@click.option(
    "--explain-roles",
    is_flag=True,
    help="Print each line's role (headline, body, caption, furniture ...) and its evidence; lint nothing.",
)
def check(paths: tuple[str, ...], **opts: Any) -> None:
    """Lint PATHS (files or folders; '-' reads standard input)."""
    from mtlint.commands.check import CheckOptions, run_check  # lazy: `mtlint --version` loads no engine

    # Every option is a field of CheckOptions under the same name; only these need shaping.
    opts.update(
        select=_split(opts["select"]),
        ignore=_split(opts["ignore"]),
        extend_select=_split(opts["extend_select"]),
        fmt=opts["fmt"] or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"),
        glossary=tuple(opts["glossary"]),
    )
    sys.exit(run_check(CheckOptions(paths=tuple(paths) or (".",), **opts)))


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=str)
@click.option("--text-field", default="text", show_default=True, help="Field holding the text to lint.")
@click.option(
    "--id-field",
    default="id",
    show_default=True,
    help="Field naming the record in the output (default when absent: FILE:LINE).",
)
@click.option(
    "--markup",
    type=click.Choice(["text", "markdown"]),
    default="text",
    show_default=True,
    help="How to read the text field.",
)
@click.option("--select", multiple=True, help="Rules to run: codes, prefixes (MT1), names or categories.")
@click.option("--ignore", multiple=True, help="Rules to skip (same forms as --select).")
@click.option("--extend-select", multiple=True, help="Rules to add to the selection.")
@click.option("--config", "config_file", type=str, help="Use this config file instead of searching.")
@click.option("--isolated", is_flag=True, help="Ignore every config file.")
@click.option("--output", "-o", type=str, help="Write the findings (JSONL) here instead of to stdout.")
@click.option(
    "--write-fixed",
    type=str,
    metavar="OUT",
    help="Write every record, safe fixes applied to its text, to OUT (JSONL, or Parquet for .parquet).",
)
@click.option("--unsafe-fixes", is_flag=True, help="With --write-fixed, also apply unsafe fixes.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Worker processes for the local engine (0 = all cores).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Run on this machine, or as a Dask job.",
)
@click.option(
    "--scheduler",
    type=str,
    metavar="ADDRESS",
    help="Dask scheduler address (tcp://host:8786); without it, a local Dask cluster.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary line.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
def corpus(inputs: tuple[str, ...], **opts: Any) -> None:
    """Lint the text field of JSONL (or Parquet) records in INPUTS; findings go out as JSONL."""
    from mtlint.commands.corpus import CorpusOptions, run_corpus  # lazy, as above

    # Every option is a field of CorpusOptions under the same name; only these need shaping.
    opts.update(
        select=_split(opts["select"]), ignore=_split(opts["ignore"]), extend_select=_split(opts["extend_select"])
    )
    sys.exit(run_corpus(CorpusOptions(inputs=tuple(inputs), **opts)))


@main.group("cache")
def cache_group() -> None:
    """Inspect or remove the result cache (by default .mtlint_cache beside the config)."""


_CACHE_OPTIONS = (
    click.option("--cache-dir", type=str, help="The cache folder (default: as `check` would use it here)."),
    click.option("--config", "config_file", type=str, help="Use this config file instead of searching."),
)


def _cache_options(fn: Any) -> Any:
    for option in reversed(_CACHE_OPTIONS):
        fn = option(fn)
    return fn


@cache_group.command("info")
@_cache_options
def cache_info(cache_dir: str | None, config_file: str | None) -> None:
    """Say where the cache is, how many entries it holds, their size and when they were last used."""
    from mtlint.commands.cache import run_cache  # lazy, as above

    sys.exit(run_cache("info", cache_dir, config_file))


@cache_group.command("clean")
@_cache_options
def cache_clean(cache_dir: str | None, config_file: str | None) -> None:
    """Delete the cache (it is rebuilt by the next `check`)."""
    from mtlint.commands.cache import run_cache  # lazy, as above

    sys.exit(run_cache("clean", cache_dir, config_file))


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text")
def rules_cmd(fmt: str) -> None:
    """List every rule: code, name, category, severity, fixable, summary."""
    import json

    from mtlint.engine.registry import RegistryError, discover  # lazy: loads every rule

    try:
        registry = discover()
    except RegistryError as exc:
        raise fail(str(exc)) from None
    rows = [
        {
            "code": r.code,
            "name": r.name,
            "category": r.category,
            "severity": r.severity.value,
            "fixable": r.fixable,
            "default": r.default_enabled,
            "summary": r.summary(),
        }
        for r in registry.rules
    ]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2))
    elif fmt == "markdown":
        click.echo("| code | name | category | severity | fixable | summary |")
        click.echo("|---|---|---|---|---|---|")
        for r in rows:
            on = "" if r["default"] else " (off unless selected)"
            click.echo(
                f"| {r['code']} | `{r['name']}` | {r['category']} | {r['severity']} | "
                f"{'yes' if r['fixable'] else 'no'} | {r['summary']}{on} |"
            )
    else:
        for r in rows:
            on = "" if r["default"] else "  (off unless selected)"
            click.echo(
                f"{r['code']:6} {r['name']:28} {r['category']:16} {r['severity']:8} "
                f"{'fix' if r['fixable'] else '   '}  {r['summary']}{on}"
            )


@main.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Print the documentation of RULE (a code or a name)."""
    from mtlint.engine.registry import RegistryError, discover  # lazy: loads every rule

    try:
        registry = discover()
    except RegistryError as exc:
        raise fail(str(exc)) from None
    cls = registry.lookup(rule)
    if cls is None:
        raise fail(f"unknown rule {rule!r} (see `mtlint rules`)")
    header = f"{cls.code} {cls.name} ({cls.category}, {cls.severity.value}{', fixable' if cls.fixable else ''})"
    click.echo(header)
    click.echo("=" * len(header))
    click.echo(cls.documentation())
    defaults = cls.Options().as_dict()
    if defaults:
        click.echo("\nOptions (defaults):")
        for k, v in defaults.items():
            click.echo(f"  {k} = {v!r}")


if __name__ == "__main__":  # pragma: no cover
    main()

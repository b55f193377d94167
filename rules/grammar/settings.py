"""Grammar settings: one option schema for `[tool.mtlint.grammar]` and `[tool.mtlint.rules.grammar]`.

Where the LanguageTool server comes from, first match wins: `--languagetool-url`, then the
`MTLINT_LANGUAGETOOL_URL` environment variable, then `url` in the config; without a URL, a
LanguageTool unpacked on disk under `LTP_PATH`.
"""

from __future__ import annotations

import os
import urllib.parse
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from mtlint.rule import RuleOptions

URL_ENV = "MTLINT_LANGUAGETOOL_URL"
BACKENDS = ("languagetool", "harper")


@dataclass(frozen=True)
class GrammarOptions(RuleOptions):
    """Every grammar setting, with its default (see `mtlint explain grammar`)."""

    backend: str = "languagetool"
    url: str = ""
    timeout: float = 20.0
    max_requests: int = 2
    batch_size: int = 15000
    language: str = "en-US"
    mother_tongue: str = ""
    enabled_rules: tuple[str, ...] = ()
    disabled_rules: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    picky: bool = False
    spelling: bool = False


@dataclass(frozen=True)
class GrammarSettings:
    """Resolved settings of one run: the options plus where the server URL came from."""

    options: GrammarOptions
    url: str | None  # normalised base URL, without the API's `v2/`
    url_source: str  # "--languagetool-url", the environment variable or "config"


def validate_table(table: Mapping[str, Any]) -> None:
    """Raise ValueError for an unknown key or a badly typed value in `[tool.mtlint.grammar]`."""
    GrammarOptions.from_mapping("grammar", dict(table))


def merge(table: Iterable[tuple[str, Any]], rule_options: GrammarOptions) -> GrammarOptions:
    """The `[tool.mtlint.grammar]` table, overridden by rule options set away from their defaults."""
    merged = GrammarOptions.from_mapping("grammar", dict(table))
    defaults = GrammarOptions()
    changed = {
        f.name: getattr(rule_options, f.name)
        for f in fields(GrammarOptions)
        if getattr(rule_options, f.name) != getattr(defaults, f.name)
    }
    return replace(merged, **changed)


def resolve(options: GrammarOptions, cli_url: str | None, environ: Mapping[str, str] | None = None) -> GrammarSettings:
    """Check the options and pick the server URL (command line, environment, config)."""
    env = os.environ if environ is None else environ
    if options.backend not in BACKENDS:
        raise ValueError(f"unknown backend {options.backend!r} (choose from {', '.join(BACKENDS)})")
    if options.timeout <= 0:
        raise ValueError(f"timeout must be positive, not {options.timeout!r}")
    if options.max_requests < 1:
        raise ValueError(f"max-requests must be at least 1, not {options.max_requests!r}")
    if options.batch_size < 200:
        raise ValueError(f"batch-size must be at least 200 characters, not {options.batch_size!r}")
    for raw, source in ((cli_url, "--languagetool-url"), (env.get(URL_ENV), URL_ENV), (options.url, "config")):
        if raw and raw.strip():
            return GrammarSettings(options, normalise_url(raw.strip()), source)
    return GrammarSettings(options, None, "")


def normalise_url(url: str) -> str:
    """Return the server's base URL ending in '/', without a trailing `v2` (the client adds it).

    language-tool-python joins 'v2/' onto the URL it is given, so `http://host:8081/v2/` would
    become `.../v2/v2/`; `http://host/api` (no final slash) would lose its `api`.
    """
    if "://" not in url:
        url = "http://" + url
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"LanguageTool URL {url!r} must be an http:// or https:// address")
    path = parts.path.rstrip("/")
    if path.endswith("/v2") or path == "v2":
        path = path[: -len("v2")].rstrip("/")
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path + "/", "", ""))

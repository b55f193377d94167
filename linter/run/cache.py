"""The per-file result cache (like ruff's): unchanged files are not linted again.

An entry holds the findings of the rules that read one file only (`uses_corpus = False`), keyed by a
hash of the file's path, format and text plus a fingerprint of everything else that decides them: the
mtlint version, the source of the engine and of the rules that ran, their options and severities, the
resolved configuration and the contents of every pack and glossary it names. Rules that read
cross-file evidence are never cached: they re-run on every run, so their findings follow the other
files. A cache entry that cannot be read is a miss (and is rewritten); a cache that cannot be written
is a warning, never a failure.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from mtlint.engine.config import Config
from mtlint.engine.packs import PackRule
from mtlint.model import Applicability, Edit, Finding, Fix, Severity
from mtlint.rule import Rule
from mtlint.run.evidence import CorpusStats
from mtlint.text.document import Document
from mtlint.version import __version__

CACHE_DIR_NAME = ".mtlint_cache"
ENTRY_VERSION = 2


def default_cache_dir(config: Config, override: str | None = None) -> Path:
    """`--cache-dir`, else `cache-dir` from the config, else `.mtlint_cache/` beside the config."""
    if override:
        return Path(override)
    if config.cache_dir is not None:
        return Path(config.cache_dir)
    return Path(config.root) / CACHE_DIR_NAME


def _hash_file(h: hashlib._Hash, path: Path) -> None:
    h.update(str(path).encode("utf-8", "surrogatepass") + b"\0")
    try:
        h.update(path.read_bytes())
    except OSError:
        h.update(b"<unreadable>")
    h.update(b"\0")


def _module_file(cls: type) -> Path | None:
    mod = sys.modules.get(cls.__module__)
    f = getattr(mod, "__file__", None)
    return Path(f) if f else None


def _engine_files() -> list[Path]:
    here = Path(__file__).resolve().parents[1]  # the mtlint package
    return sorted(here.rglob("*.py"))


def _rule_token(rule: Rule) -> str:
    """What decides one rule's output besides the document: class, options, severity, vocabulary."""
    cls = type(rule)
    parts = [cls.__module__, cls.__qualname__, cls.code, str(rule.severity.value), repr(rule.options)]
    if isinstance(rule, PackRule):  # pack rules made at run time from a user's file
        pack = rule.pack
        parts.append(repr([(e.source, e.replacement, e.message, e.whole, e.tags) for e in pack.entries]))
        parts.append(repr((pack.scope, pack.message, pack.applicability, pack.severity)))
    parts.append(repr([(e.source, e.replacement, e.message, e.whole, e.tags) for e in rule.extra_entries]))
    parts.append(rule.cache_token())  # rules with outside inputs (a server, a glossary) add their own
    return "\x1f".join(parts)


def _rules_root_files(rules: Sequence[Rule]) -> list[Path]:
    files: set[Path] = set()
    for r in rules:
        f = _module_file(type(r))
        if type(r).__module__.startswith("mtlint.rules."):
            # Built-in rules: every module, pack and data file of the package can decide their findings.
            root = Path(sys.modules["mtlint.rules"].__file__ or ".").resolve().parent
            files.update(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        elif f is not None:
            files.add(f.resolve())
            if "." in type(r).__module__:
                # Helper modules beside a rule (shared lexicons, layout readers) decide its findings too.
                files.update(p.resolve() for p in f.resolve().parent.glob("*.py"))
            # Packs and data shipped beside a rule module decide its findings as much as its code does.
            for sub in ("packs", "data"):
                folder = f.resolve().parent / sub
                if folder.is_dir():
                    files.update(p for p in folder.rglob("*") if p.is_file())
    return sorted(files)


def _stat_file(h: hashlib._Hash, path: Path) -> None:
    """Installed code and data: size and modification time stand for the contents (cheap per run)."""
    try:
        st = path.stat()
        h.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0".encode("utf-8", "surrogatepass"))
    except OSError:
        h.update(f"{path}\0<missing>\0".encode("utf-8", "surrogatepass"))


class Fingerprints:
    """Hashes of everything besides the file itself that decides cached findings, per rule set."""

    def __init__(self, config: Config) -> None:
        h = hashlib.sha256()
        h.update(f"mtlint {__version__} entry {ENTRY_VERSION}\0".encode())
        neutral = replace(config, cache_dir=None, source=None, root=Path("."))
        h.update(repr(neutral).encode("utf-8", "surrogatepass"))
        for path in (*config.packs, *config.glossary):
            _hash_file(h, Path(path))
        for path in _engine_files():
            _stat_file(h, path)
        self._base = h.hexdigest()
        self._memo: dict[tuple[int, ...], str] = {}

    def of(self, rules: Sequence[Rule]) -> str:
        ident = tuple(id(r) for r in rules)
        if ident not in self._memo:
            h = hashlib.sha256(self._base.encode())
            for path in _rules_root_files(rules):
                _stat_file(h, path)
            for r in sorted(rules, key=lambda r: r.code):
                h.update(_rule_token(r).encode("utf-8", "surrogatepass") + b"\0")
            self._memo[ident] = h.hexdigest()
        return self._memo[ident]


def document_key(fprint: str, doc: Document) -> str:
    h = hashlib.sha256()
    for part in (fprint, doc.path, doc.format):
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    h.update(doc.text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


# -- (de)serialisation --------------------------------------------------------------------------
def _dump(f: Finding) -> list:
    fix = None
    if f.fix is not None:
        fix = [f.fix.applicability.value, [[e.start, e.end, e.replacement] for e in f.fix.edits]]
    return [f.code, f.rule, f.category, f.severity.value, f.message, f.start, f.end, fix, [list(d) for d in f.data]]


_SEVERITY = {s.value: s for s in Severity}
_APPLICABILITY = {a.value: a for a in Applicability}
# A warm run loads tens of thousands of findings; filling a frozen dataclass's __dict__ directly is
# several times faster than its __init__ (the values are checked here instead).
_FAST = not any("__slots__" in vars(c) for c in (Finding, Fix, Edit))


def _make(cls: type, values: dict[str, object]) -> object:
    if not _FAST:  # pragma: no cover - only if the model classes ever get __slots__
        return cls(**values)
    obj: object = object.__new__(cls)
    obj.__dict__.update(values)
    return obj


def _edit(row: list) -> Edit:
    start, end, replacement = row
    if not (type(start) is int and type(end) is int and 0 <= start <= end and type(replacement) is str):
        raise ValueError("malformed edit")
    return _make(Edit, {"start": start, "end": end, "replacement": replacement})  # type: ignore[return-value]


def _load(row: list) -> Finding:
    code, rule, category, severity, message, start, end, fix, data = row
    if not (
        type(start) is int
        and type(end) is int
        and 0 <= start <= end
        and type(code) is str
        and type(rule) is str
        and type(category) is str
        and type(message) is str
    ):
        raise ValueError("malformed finding")
    fx = None
    if fix is not None:
        fx = _make(Fix, {"edits": tuple([_edit(e) for e in fix[1]]), "applicability": _APPLICABILITY[fix[0]]})
    return _make(
        Finding,
        {  # type: ignore[return-value]
            "code": code,
            "rule": rule,
            "category": category,
            "severity": _SEVERITY[severity],
            "message": message,
            "start": start,
            "end": end,
            "fix": fx,
            "data": tuple([(str(k), str(v)) for k, v in data]) if data else (),
        },
    )


@dataclass(frozen=True)
class Evidence:
    """The cross-file facts the rules of one document asked for, and the answers they got.

    Rules are pure functions of the document and of these answers, so while every answer stays the
    same their findings do too, and a warm cache reuses them without running the rules again.
    """

    counts: tuple[tuple[str, int], ...]  # (normalised line, in how many files)
    files: int | None = None  # the number of files of the run, if a rule read it

    def holds(self, stats: CorpusStats) -> bool:
        if self.files is not None and stats.files != self.files:
            return False
        # Lines are kept normalised (see _Recorder), so this is CorpusStats.count without normalising again.
        table = stats.line_files
        return all(table.get(line, 1) == n for line, n in self.counts)


@dataclass(frozen=True)
class Entry:
    """What the cache keeps for one file under one rule set."""

    plain: tuple[Finding, ...]  # findings of the per-file rules
    lines: frozenset[str] | None = None  # the file's contribution to the cross-file evidence
    corpus: tuple[Finding, ...] | None = None  # findings of the cross-file rules ...
    evidence: Evidence | None = None  # ... valid while these answers hold (None: always re-run)


def _dump_entry(key: str, e: Entry) -> dict:
    out: dict = {"v": ENTRY_VERSION, "key": key, "plain": [_dump(f) for f in e.plain]}
    if e.lines is not None:
        out["lines"] = sorted(e.lines)
    if e.corpus is not None and e.evidence is not None:
        out["corpus"] = [_dump(f) for f in e.corpus]
        out["asked"] = [[line, n] for line, n in e.evidence.counts]
        out["files"] = e.evidence.files
    return out


def _load_entry(p: dict) -> Entry:
    lines = p.get("lines")
    entry = Entry(
        tuple(_load(row) for row in p["plain"]), frozenset(str(x) for x in lines) if isinstance(lines, list) else None
    )
    if "corpus" in p:
        files = p["files"]
        evidence = Evidence(tuple((str(line), int(n)) for line, n in p["asked"]), None if files is None else int(files))
        entry = replace(entry, corpus=tuple(_load(row) for row in p["corpus"]), evidence=evidence)
    return entry


class Cache:
    """One JSON file per (file content, rule set): per-file findings, and cross-file ones with the
    evidence they rest on."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.base = self.folder / __version__
        self.writable = True
        self.hits = 0
        self.misses = 0
        self.warning: str | None = None

    def _entry(self, key: str) -> Path:
        return self.base / key[:2] / f"{key}.json"

    def get(self, key: str) -> Entry | None:
        """The entry for `key`, or None (missing or unreadable: the caller lints again and rewrites it)."""
        try:
            with open(self._entry(key), encoding="utf-8") as fh:
                payload = json.load(fh)
            if payload.get("v") != ENTRY_VERSION or payload.get("key") != key:
                raise ValueError("stale entry")
            entry = _load_entry(payload)
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
            self.misses += 1
            return None
        self.hits += 1
        return entry

    def put_many(self, items: Iterable[tuple[str, Entry]]) -> None:
        """Store entries atomically; on a write error, stop caching for this run and remember why."""
        if not self.writable:
            return
        try:
            self._prepare()
            for key, entry in items:
                target = self._entry(key)
                target.parent.mkdir(exist_ok=True)
                payload = json.dumps(_dump_entry(key, entry), ensure_ascii=False, separators=(",", ":"))
                fd, tmp = tempfile.mkstemp(prefix=".entry.", dir=target.parent)
                try:
                    with os.fdopen(fd, "w", encoding="utf-8") as fh:
                        fh.write(payload)
                    os.replace(tmp, target)
                except BaseException:
                    try:
                        os.unlink(tmp)
                    except OSError:
                        pass
                    raise
        except OSError as exc:
            self.writable = False
            self.warning = f"{self.folder}: cannot write the cache ({exc.strerror or exc}); results not cached"

    def _prepare(self) -> None:
        if self.base.is_dir():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        ignore = self.folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# Created by mtlint: the cache is never committed.\n*\n", encoding="utf-8")
        self.base.mkdir(exist_ok=True)

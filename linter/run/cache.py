"""The result cache (like ruff's): unchanged files are not linted again.

An entry holds the findings of the rules that read one file only (`uses_corpus = False`), keyed by a
hash of the file's path, format and text plus a fingerprint of everything else that decides them: the
mtlint version, the source of the engine and of the rules that ran, their options and severities, the
resolved configuration and the contents of every pack and glossary it names. Rules that read
cross-file evidence are never cached: they re-run on every run, so their findings follow the other
files. A cache entry that cannot be read is a miss (and is rewritten); a cache that cannot be read or
written is a warning, never a failure.

The entries live in one SQLite file (`results.sqlite3` in the cache folder), so a warm run reads all
of its entries in one query instead of opening a file per document, concurrent runs are kept apart by
SQLite's transactions, and entries unused for MAX_AGE_DAYS, or the least recently used beyond
MAX_BYTES, are pruned when a run writes.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from mtlint.engine.config import Config
from mtlint.engine.packs import PackRule
from mtlint.model import Applicability, Edit, Finding, Fix, Severity
from mtlint.rule import Rule
from mtlint.run.evidence import Evidence
from mtlint.text.document import Document
from mtlint.version import __version__

# hashlib and sqlite3 are imported where they are used: a run without the cache (--no-cache, the API)
# never needs them, and importing them cost such a run about 3 ms.
if TYPE_CHECKING:
    import hashlib
    import sqlite3

CACHE_DIR_NAME = ".mtlint_cache"
CACHE_FILE = "results.sqlite3"
ENTRY_VERSION = 3
SCHEMA_VERSION = 2  # the layout of the SQLite file
MAX_AGE_DAYS = 30  # entries no run has used for this long are dropped
MAX_BYTES = 256 * 2**20  # beyond this, the least recently used entries are dropped
LOCK_TIMEOUT = 30.0  # seconds to wait for another run's write to finish


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
        import hashlib

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
        import hashlib

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
    import hashlib

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


def _load(row: list) -> Finding:
    """A finding from its stored row (checked: a damaged entry is a miss, never a crash later)."""
    if not _FAST:  # pragma: no cover - only if the model classes ever get __slots__
        return _load_slowly(row)
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
        edits = []
        for e_start, e_end, replacement in fix[1]:
            if not (type(e_start) is int and type(e_end) is int and 0 <= e_start <= e_end and type(replacement) is str):
                raise ValueError("malformed edit")
            edit = object.__new__(Edit)
            edit.__dict__.update(start=e_start, end=e_end, replacement=replacement)
            edits.append(edit)
        fx = object.__new__(Fix)
        fx.__dict__.update(edits=tuple(edits), applicability=_APPLICABILITY[fix[0]])
    if data:
        if not all(type(k) is str and type(v) is str for k, v in data):
            raise ValueError("malformed finding data")
        data = tuple(map(tuple, data))
    finding = object.__new__(Finding)
    finding.__dict__.update(
        code=code,
        rule=rule,
        category=category,
        severity=_SEVERITY[severity],
        message=message,
        start=start,
        end=end,
        fix=fx,
        data=data or (),
    )
    return finding


@dataclass(frozen=True)
class Entry:
    """What the cache keeps for one file under one rule set."""

    plain: tuple[Finding, ...]  # findings of the per-file rules
    lines: frozenset[str] | None = None  # the file's contribution to the cross-file evidence
    corpus: tuple[Finding, ...] | None = None  # findings of the cross-file rules ...
    evidence: Evidence | None = None  # ... valid while these answers hold (None: re-run; see Cache.details)
    run: str | None = None  # the run digest under which the cross-file findings were last found valid


def _load_slowly(row: list) -> Finding:
    code, rule, category, severity, message, start, end, fix, data = row
    fx = None
    if fix is not None:
        fx = Fix(tuple(Edit(a, b, r) for a, b, r in fix[1]), _APPLICABILITY[fix[0]])
    pairs = tuple((str(k), str(v)) for k, v in data)
    return Finding(code, rule, category, _SEVERITY[severity], message, int(start), int(end), fx, pairs)


def _dump_entry(key: str, e: Entry) -> dict:
    """The entry's findings as JSON data (its evidence and line set are stored apart: see Cache)."""
    out: dict = {"v": ENTRY_VERSION, "key": key, "plain": [_dump(f) for f in e.plain]}
    if e.corpus is not None and e.evidence is not None:
        out["corpus"] = [_dump(f) for f in e.corpus]
    return out


def _load_entry(p: dict) -> Entry:
    entry = Entry(tuple([_load(row) for row in p["plain"]]))
    if "corpus" in p:
        entry = replace(entry, corpus=tuple([_load(row) for row in p["corpus"]]))
    return entry


def _dump_evidence(e: Evidence) -> str:
    return json.dumps({"asked": [[line, n] for line, n in e.counts], "files": e.files}, ensure_ascii=False)


def _load_evidence(raw: str) -> Evidence:
    p = json.loads(raw)
    files = p["files"]
    return Evidence(tuple((str(line), int(n)) for line, n in p["asked"]), None if files is None else int(files))


def run_digest(keys: Sequence[str]) -> str:
    """What identifies a run's set of documents (and rules): cross-file findings computed or checked
    under one digest hold for every later run with the same one."""
    import hashlib

    h = hashlib.sha256()
    for key in sorted(keys):
        h.update(key.encode("ascii"))
    return h.hexdigest()


def _today() -> int:
    return int(time.time() // 86400)


@dataclass(frozen=True)
class CacheInfo:
    """What `mtlint cache info` reports."""

    path: Path
    exists: bool
    entries: int = 0
    bytes: int = 0
    oldest_day: int | None = None  # days since the epoch on which an entry was last used
    newest_day: int | None = None


class Cache:
    """Entries (per-file findings, and cross-file ones with the evidence they rest on) in one SQLite
    file, keyed by `document_key`."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.path = self.folder / CACHE_FILE
        self.writable = True
        self.hits = 0
        self.misses = 0
        self.warning: str | None = None
        self._db: sqlite3.Connection | None = None

    # -- the database -------------------------------------------------------------------------
    def _open(self, create: bool) -> sqlite3.Connection | None:
        """The connection (None when there is no cache to read and `create` is false)."""
        import sqlite3

        if self._db is not None:
            return self._db
        if not create and not self.path.is_file():
            return None
        if create:
            self._prepare()
        db = sqlite3.connect(self.path, timeout=LOCK_TIMEOUT, isolation_level=None)
        try:
            if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                with _transaction(db):  # another layout (an older mtlint): start afresh
                    db.execute("DROP TABLE IF EXISTS entries")
                    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            db.execute(
                "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, payload TEXT NOT NULL, "
                "evidence TEXT, lines TEXT, run TEXT, size INTEGER NOT NULL, used INTEGER NOT NULL)"
            )
            db.execute("CREATE INDEX IF NOT EXISTS entries_used ON entries (used)")
        except sqlite3.DatabaseError:
            db.close()
            raise
        self._db = db
        return db

    def _prepare(self) -> None:
        if self.path.is_file():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        ignore = self.folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# Created by mtlint: the cache is never committed.\n*\n", encoding="utf-8")

    def _reset(self) -> None:
        self.close()
        try:
            self.path.unlink(missing_ok=True)
        except OSError as exc:
            self._fail("reset", exc)
            return
        self.warning = f"{self.path}: the cache was damaged and has been emptied"

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def _fail(self, action: str, exc: BaseException) -> None:
        self.writable = False
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        self.warning = f"{self.folder}: cannot {action} the cache ({reason}); results not cached"
        self.close()

    # -- reading ------------------------------------------------------------------------------
    def get_many(self, keys: Sequence[str]) -> list[Entry | None]:
        """The entry of each key, or None (missing or unreadable: the caller lints again and rewrites it)."""
        import sqlite3

        found: dict[str, tuple[str, str | None, int]] = {}
        try:
            db = self._open(create=False)
            if db is not None:
                unique = list(dict.fromkeys(keys))
                for i in range(0, len(unique), 500):
                    chunk = unique[i : i + 500]
                    marks = ",".join("?" * len(chunk))
                    rows = db.execute(f"SELECT key, payload, run, used FROM entries WHERE key IN ({marks})", chunk)
                    found.update((key, (payload, run, used)) for key, payload, run, used in rows)
        except sqlite3.OperationalError as exc:  # locked past the timeout, unreadable file, ...
            self._fail("read", exc)
            found = {}
        except sqlite3.DatabaseError:  # not a database, or a damaged one: start a new cache
            self._reset()
            found = {}
        except OSError as exc:
            self._fail("read", exc)
            found = {}
        out: list[Entry | None] = []
        stale: list[str] = []
        today = _today()
        for key in keys:
            entry = None
            if key in found:
                payload, run, used = found[key]
                entry = self._decode(key, payload)
                if entry is not None:
                    entry = replace(entry, run=run)
                    if used < today:
                        stale.append(key)
            if entry is None:
                self.misses += 1
            else:
                self.hits += 1
            out.append(entry)
        if stale:
            self._touch(stale, today)
        return out

    def get(self, key: str) -> Entry | None:
        return self.get_many([key])[0]

    def details(self, keys: Sequence[str]) -> dict[str, tuple[frozenset[str] | None, Evidence | None]]:
        """The stored line set and cross-file evidence of each of `keys` (read only when a run must
        gather the evidence again, so a settled warm run never parses them)."""
        import sqlite3

        out: dict[str, tuple[frozenset[str] | None, Evidence | None]] = {}
        try:
            db = self._open(create=False)
            if db is None:
                return out
            for i in range(0, len(keys), 500):
                chunk = list(keys[i : i + 500])
                marks = ",".join("?" * len(chunk))
                query = f"SELECT key, lines, evidence FROM entries WHERE key IN ({marks})"
                for key, raw_lines, raw_evidence in db.execute(query, chunk):
                    lines = evidence = None
                    try:
                        found = json.loads(raw_lines) if raw_lines else None
                        if isinstance(found, list) and all(type(x) is str for x in found):
                            lines = frozenset(found)
                        evidence = _load_evidence(raw_evidence) if raw_evidence else None
                    except (ValueError, KeyError, TypeError, AttributeError):
                        pass
                    out[key] = (lines, evidence)
        except (sqlite3.Error, OSError) as exc:
            self._fail("read", exc)
        return out

    def mark_run(self, keys: Sequence[str], run: str) -> None:
        """Record that the cross-file findings of `keys` were found valid under `run` (see run_digest)."""
        self._set("run", run, keys)

    @staticmethod
    def _decode(key: str, payload: str) -> Entry | None:
        try:
            data = json.loads(payload)
            if data.get("v") != ENTRY_VERSION or data.get("key") != key:
                raise ValueError("stale entry")
            return _load_entry(data)
        except (ValueError, KeyError, TypeError, AttributeError, IndexError):
            return None

    def _touch(self, keys: list[str], today: int) -> None:
        """Record that `keys` were used today (once a day per entry), so pruning keeps them."""
        self._set("used", today, keys)

    def _set(self, column: str, value: str | int, keys: Sequence[str]) -> None:
        """Set one column of the entries of `keys`, in one transaction (500 keys per statement)."""
        import sqlite3

        if not self.writable or not keys:
            return
        try:
            db = self._open(create=False)
            if db is None:
                return
            with _transaction(db):
                for i in range(0, len(keys), 500):
                    chunk = list(keys[i : i + 500])
                    marks = ",".join("?" * len(chunk))
                    db.execute(f"UPDATE entries SET {column} = ? WHERE key IN ({marks})", [value, *chunk])
        except (sqlite3.Error, OSError) as exc:
            self._fail("write", exc)

    # -- writing ------------------------------------------------------------------------------
    def put_many(self, items: Iterable[tuple[str, Entry]]) -> None:
        """Store entries in one transaction and prune old ones; on an error, stop caching for this run."""
        import sqlite3

        if not self.writable:
            return
        today = _today()
        rows = []
        for key, entry in items:
            payload = json.dumps(_dump_entry(key, entry), ensure_ascii=False, separators=(",", ":"))
            lines = None if entry.lines is None else json.dumps(sorted(entry.lines), ensure_ascii=False)
            evidence = None
            if entry.corpus is not None and entry.evidence is not None:
                evidence = _dump_evidence(entry.evidence)
            size = len(payload) + len(lines or "") + len(evidence or "")
            rows.append((key, payload, evidence, lines, entry.run, size, today))
        if not rows:
            return
        try:
            db = self._open(create=True)
            assert db is not None
            with _transaction(db):
                db.executemany(
                    "INSERT OR REPLACE INTO entries (key, payload, evidence, lines, run, size, used) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    rows,
                )
                _prune(db, today)
        except (sqlite3.Error, OSError) as exc:
            self._fail("write", exc)

    # -- the cache commands -------------------------------------------------------------------
    def info(self) -> CacheInfo:
        """How many entries the cache holds, their size and when they were last used."""
        db = self._open(create=False)
        if db is None:
            return CacheInfo(self.path, exists=False)
        n, size, oldest, newest = db.execute(
            "SELECT count(*), total(size), min(used), max(used) FROM entries"
        ).fetchone()
        return CacheInfo(self.path, True, n, int(size), oldest, newest)

    def clean(self) -> CacheInfo:
        """Delete the cache file (and the cache folder when nothing else is in it); return what it held."""
        import sqlite3

        try:
            held = self.info()
        except sqlite3.DatabaseError:
            held = CacheInfo(self.path, exists=self.path.exists())
        self.close()
        for p in (self.path, self.path.with_name(CACHE_FILE + "-journal")):
            p.unlink(missing_ok=True)
        _remove_legacy(self.folder)
        return held


class _transaction:
    """BEGIN IMMEDIATE ... COMMIT (ROLLBACK on an error): one writer at a time, readers never see half."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")


def _prune(db: sqlite3.Connection, today: int) -> None:
    db.execute("DELETE FROM entries WHERE used < ?", (today - MAX_AGE_DAYS,))
    (total,) = db.execute("SELECT total(size) FROM entries").fetchone()
    if total > MAX_BYTES:
        # Drop the least recently used entries until the rest fits in three quarters of the cap.
        rows = db.execute("SELECT key, size FROM entries ORDER BY used, key").fetchall()
        drop = []
        for key, size in rows:
            if total <= MAX_BYTES * 3 // 4:
                break
            drop.append((key,))
            total -= size
        db.executemany("DELETE FROM entries WHERE key = ?", drop)


def _remove_legacy(folder: Path) -> None:
    """Remove the per-document JSON entries of mtlint 0.2 and earlier (`<folder>/<version>/ab/<key>.json`)."""
    import shutil

    if not folder.is_dir():
        return
    for sub in folder.iterdir():
        if sub.is_dir() and sub.name[:1].isdigit() and any(sub.glob("*/*.json")):
            shutil.rmtree(sub, ignore_errors=True)

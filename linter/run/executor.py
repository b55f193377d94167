"""Lint many documents: in this process or in a pool of worker processes, with the result cache.

Workers receive the resolved configuration once (in the pool initializer) and build their own rules
from it; documents travel as plain fields (path, text, format, ...) so no parsed structure is pickled,
and findings come back as frozen values. Results are returned sorted by path, so the output is the same
whatever the number of jobs.
"""
from __future__ import annotations

import contextlib
import dataclasses
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from mtlint.engine.config import Config
from mtlint.run.evidence import CorpusStats, document_lines, normalise_line
from mtlint.text.document import Document
from mtlint.engine.runner import LintResult, RuleFailure, run_rules
from mtlint.model import Finding

if TYPE_CHECKING:
    import multiprocessing.context

    from mtlint.run.cache import Cache, Evidence, Fingerprints
    from mtlint.engine.ruleset import RuleSet

# Below this many documents a pool costs more than it saves.
MIN_PARALLEL_DOCS = 4
PROGRESS_MIN_ITEMS = 50


@dataclass(frozen=True)
class Item:
    """One document to lint, as its plain picklable fields (no parsed structure, no evidence)."""

    path: str
    fields: tuple[tuple[str, Any], ...]  # every Document field but `corpus`
    plain: bool = True  # False: per-file findings come from the cache; run only cross-file rules

    @classmethod
    def of(cls, doc: Document, plain: bool = True) -> "Item":
        values = tuple((f.name, getattr(doc, f.name)) for f in _FIELDS)
        return cls(doc.path, values, plain)

    def document(self, corpus: CorpusStats | None) -> Document:
        return Document(**dict(self.fields), corpus=corpus)


_FIELDS = tuple(f for f in dataclasses.fields(Document) if f.name != "corpus")


@dataclass(frozen=True)
class Outcome:
    """Findings of one document, split by whether they may be cached."""

    plain: tuple[Finding, ...] | None  # None when the per-file rules did not run (cache hit)
    corpus: tuple[Finding, ...]
    failures: tuple[RuleFailure, ...]
    evidence: "Evidence | None" = None  # what the cross-file rules read (None: not recordable)


class _Recorder:
    """Stands in for CorpusStats and writes down every question a rule asks of it."""

    def __init__(self, base: CorpusStats) -> None:
        self._base = base
        self._asked: dict[str, int] = {}
        self._files: int | None = None
        self.opaque = False  # a rule reached past count() and files: its answers cannot be checked

    @property
    def files(self) -> int:
        self._files = self._base.files
        return self._files

    def count(self, line: str) -> int:
        n = self._base.count(line)
        self._asked[normalise_line(line)] = n
        return n

    def __getattr__(self, name: str) -> Any:
        self.opaque = True
        return getattr(self._base, name)

    def evidence(self) -> "Evidence | None":
        from mtlint.run.cache import Evidence

        return None if self.opaque else Evidence(tuple(sorted(self._asked.items())), self._files)


# Per-process state: the parent sets it before forking, so forked workers inherit built rules;
# spawned workers build them from the configuration in `_init`.
_STATE: dict[str, Any] = {}


def _install(ruleset: "RuleSet", corpus: CorpusStats | None) -> None:
    _STATE.clear()
    _STATE.update(ruleset=ruleset, corpus=corpus, token=id(ruleset))


def _init(config: Config, corpus: CorpusStats | None, token: int) -> None:
    if _STATE.get("token") == token:  # forked: rules inherited from the parent
        return
    from mtlint.engine.ruleset import build_rules

    _STATE.update(ruleset=build_rules(config), corpus=corpus, token=token)


def split_rules(rules: Sequence[Any]) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """(per-file rules, cross-file rules), each in the given order."""
    return tuple(r for r in rules if not r.uses_corpus), tuple(r for r in rules if r.uses_corpus)


def lint_item(item: Item) -> Outcome:
    """Lint one document with the process's rules (the per-document function of every engine)."""
    ruleset = _STATE["ruleset"]
    plain_rules, corpus_rules = split_rules(ruleset.for_path(item.path))
    stats = _STATE["corpus"]
    recorder = _Recorder(stats) if corpus_rules and stats is not None else None
    doc = item.document(recorder if recorder is not None else stats)  # type: ignore[arg-type]
    failures: list[RuleFailure] = []
    plain = None
    if item.plain:
        res = run_rules(doc, plain_rules)
        plain, failures = res.findings, list(res.failures)
    corpus: tuple[Finding, ...] = ()
    if corpus_rules:
        res = run_rules(doc, corpus_rules)
        corpus = res.findings
        failures.extend(res.failures)
    return Outcome(plain, corpus, tuple(failures), recorder.evidence() if recorder is not None else None)


def merge(plain: Sequence[Finding], corpus: Sequence[Finding]) -> tuple[Finding, ...]:
    """Combine the two halves in the order `run_rules` gives for all rules at once."""
    if not corpus:
        return tuple(plain)
    if not plain:
        return tuple(corpus)
    return tuple(sorted((*plain, *corpus), key=lambda f: f.sort_key))


def resolve_jobs(jobs: int) -> int:
    """`0` means every core this process may use."""
    if jobs > 0:
        return jobs
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _context() -> "multiprocessing.context.BaseContext":
    import multiprocessing

    # fork shares the parent's built rules (plug-ins and user packs included) at no cost; elsewhere
    # workers rebuild them from the configuration.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def run_items(
    items: Sequence[Item],
    ruleset: "RuleSet",
    corpus: CorpusStats | None,
    jobs: int,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Outcome]:
    """Lint `items` in order, in this process (jobs == 1 or few items) or in a process pool."""
    jobs = resolve_jobs(jobs)
    _install(ruleset, corpus)
    if jobs == 1 or len(items) < MIN_PARALLEL_DOCS:
        for item in items:
            out = lint_item(item)
            if progress:
                progress(1)
            yield out
        return
    # Lint the first document here before forking: data that rules load lazily on first use
    # (word lists, compiled patterns) is then loaded once and shared with every worker.
    yield lint_item(items[0])
    if progress:
        progress(1)
    rest = items[1:]
    from concurrent.futures import ProcessPoolExecutor  # only runs that use a pool pay for the import

    workers = min(jobs, len(rest))
    # Several chunks per worker balance uneven documents; big enough chunks keep the IPC cheap.
    chunksize = max(1, min(64, len(rest) // (workers * 8)))
    pool = ProcessPoolExecutor(workers, mp_context=_context(), initializer=_init,
                               initargs=(ruleset.config, corpus, id(ruleset)))
    with closing_pool(pool):
        for out in pool.map(lint_item, rest, chunksize=chunksize):
            if progress:
                progress(1)
            yield out


@contextlib.contextmanager
def closing_pool(pool: Any) -> Iterator[Any]:
    """Shut a pool down at the end; on an error or Ctrl-C, drop the queued work instead of finishing it."""
    try:
        yield pool
    except GeneratorExit:  # the consumer stopped early: join the pool's threads before the interpreter exits
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def lint_documents(
    docs: Sequence[Document],
    ruleset: "RuleSet",
    jobs: int = 1,
    cache: "Cache | None" = None,
    fingerprints: "Fingerprints | None" = None,
    show_progress: bool = False,
) -> list[LintResult]:
    """Lint every document, reusing what the cache still vouches for; results sorted by path.

    When cross-file rules are selected, their evidence is reduced over all documents first (from
    cached line sets where possible) and attached to each document, as `Document.corpus`.
    """
    from mtlint.run.cache import Entry, document_key

    n = len(docs)
    rules_for = [ruleset.for_path(d.path) for d in docs]
    keys: list[str | None] = [None] * n
    entries: list[Entry | None] = [None] * n
    if cache is not None and fingerprints is not None:
        for i, doc in enumerate(docs):
            keys[i] = document_key(fingerprints.of(rules_for[i]), doc)
            entries[i] = cache.get(keys[i])
    corpus = next((d.corpus for d in docs if d.corpus is not None), None)
    lines: list[frozenset[str] | None] = [None] * n
    if ruleset.uses_corpus and corpus is None and docs:
        for i, doc in enumerate(docs):
            known = entries[i].lines if entries[i] is not None else None  # type: ignore[union-attr]
            lines[i] = known if known is not None else document_lines(doc.prose)
        corpus = CorpusStats.from_line_sets(s for s in lines if s is not None)
        docs = [replace(d, corpus=corpus) for d in docs]

    todo: list[int] = []
    plain_needed: list[bool] = []
    for i, doc in enumerate(docs):
        entry = entries[i]
        if entry is None:
            todo.append(i)
            plain_needed.append(True)
        elif any(r.uses_corpus for r in rules_for[i]) and not (
            entry.evidence is not None and corpus is not None and entry.evidence.holds(corpus)
        ):
            todo.append(i)  # per-file findings cached; the cross-file answers changed
            plain_needed.append(False)
    items = [Item.of(docs[i], plain=p) for i, p in zip(todo, plain_needed)]

    bar = progress_bar(len(items), "files") if show_progress else None
    outcomes: dict[int, Outcome] = {}
    try:
        # The generator goes first in zip, so it runs to its end and shuts its pool down in order.
        for out, i in zip(run_items(items, ruleset, corpus, jobs, bar.update if bar else None), todo):
            outcomes[i] = out
    finally:
        if bar is not None:
            bar.close()

    results: list[LintResult] = []
    fresh: list[tuple[str, Entry]] = []
    for i, doc in enumerate(docs):
        out, entry = outcomes.get(i), entries[i]
        if out is None:
            assert entry is not None
            results.append(LintResult(doc, merge(entry.plain, entry.corpus or ())))
            continue
        plain = out.plain if out.plain is not None else (entry.plain if entry else ())
        results.append(LintResult(doc, merge(plain, out.corpus), out.failures))
        key = keys[i]
        if key is not None and not out.failures:
            known = lines[i] if lines[i] is not None else (entry.lines if entry else None)
            fresh.append((key, Entry(plain, known, out.corpus, out.evidence)))
    if cache is not None and fresh:
        cache.put_many(fresh)
    results.sort(key=lambda r: r.document.path)
    return results


def progress_bar(total: int, unit: str):  # type: ignore[no-untyped-def]
    """A tqdm bar on stderr when it is a terminal and the run is long enough; None otherwise."""
    if total < PROGRESS_MIN_ITEMS or not sys.stderr.isatty() or os.environ.get("CI"):
        return None
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover - tqdm is a dependency, but a bar is never essential
        return None
    if unit == "B":  # bytes: 1.2M/5.5M [00:03<00:09, 410kB/s]
        return tqdm(total=total, unit="B", unit_scale=True, file=sys.stderr, leave=False, dynamic_ncols=True)
    return tqdm(total=total, unit=f" {unit}", file=sys.stderr, leave=False, dynamic_ncols=True)

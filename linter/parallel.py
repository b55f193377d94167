"""Lint many documents: in this process or in a pool of worker processes, with the result cache.

Workers receive the resolved configuration once (in the pool initializer) and build their own rules
from it; documents travel as plain fields (path, text, format, ...) so no parsed structure is pickled,
and findings come back as frozen values. Results are returned sorted by path, so the output is the same
whatever the number of jobs.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from linter.config import Config
from linter.corpus_stats import CorpusStats
from linter.document import Document
from linter.engine import LintResult, RuleFailure, run_rules
from linter.model import Finding

if TYPE_CHECKING:
    from linter.cache import Cache, Fingerprints
    from linter.runner import RuleSet

# Below this many documents a pool costs more than it saves.
MIN_PARALLEL_DOCS = 4
PROGRESS_MIN_ITEMS = 50


@dataclass(frozen=True)
class Item:
    """One document to lint, as plain picklable fields."""

    path: str
    text: str
    format: str
    newline: str
    bom: bool
    encoding: str
    plain: bool = True  # False: per-file findings come from the cache; run only cross-file rules

    @classmethod
    def of(cls, doc: Document, plain: bool = True) -> "Item":
        return cls(doc.path, doc.text, doc.format, doc.newline, doc.bom, doc.encoding, plain)

    def document(self, corpus: CorpusStats | None) -> Document:
        return Document(self.text, self.path, self.format, self.newline, self.bom, self.encoding, corpus)


@dataclass(frozen=True)
class Outcome:
    """Findings of one document, split by whether they may be cached."""

    plain: tuple[Finding, ...] | None  # None when the per-file rules did not run (cache hit)
    corpus: tuple[Finding, ...]
    failures: tuple[RuleFailure, ...]


# Per-process state: the parent sets it before forking, so forked workers inherit built rules;
# spawned workers build them from the configuration in `_init`.
_STATE: dict[str, Any] = {}


def _install(ruleset: "RuleSet", corpus: CorpusStats | None) -> None:
    _STATE.clear()
    _STATE.update(ruleset=ruleset, corpus=corpus, token=id(ruleset))


def _init(config: Config, corpus: CorpusStats | None, token: int) -> None:
    if _STATE.get("token") == token:  # forked: rules inherited from the parent
        return
    from linter.runner import build_rules

    _STATE.update(ruleset=build_rules(config), corpus=corpus, token=token)


def split_rules(rules: Sequence[Any]) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """(per-file rules, cross-file rules), each in the given order."""
    return tuple(r for r in rules if not r.uses_corpus), tuple(r for r in rules if r.uses_corpus)


def lint_item(item: Item) -> Outcome:
    """Lint one document with the process's rules (the per-document function of every engine)."""
    ruleset = _STATE["ruleset"]
    doc = item.document(_STATE["corpus"])
    plain_rules, corpus_rules = split_rules(ruleset.for_path(item.path))
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
    return Outcome(plain, corpus, tuple(failures))


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


def _context() -> multiprocessing.context.BaseContext:
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
    workers = min(jobs, len(rest))
    # Several chunks per worker balance uneven documents; big enough chunks keep the IPC cheap.
    chunksize = max(1, min(64, len(rest) // (workers * 8)))
    with ProcessPoolExecutor(workers, mp_context=_context(), initializer=_init,
                             initargs=(ruleset.config, corpus, id(ruleset))) as pool:
        for out in pool.map(lint_item, rest, chunksize=chunksize):
            if progress:
                progress(1)
            yield out


def lint_documents(
    docs: Sequence[Document],
    ruleset: "RuleSet",
    jobs: int = 1,
    cache: "Cache | None" = None,
    fingerprints: "Fingerprints | None" = None,
    show_progress: bool = False,
) -> list[LintResult]:
    """Lint every document (cached per-file findings reused); results sorted by path."""
    corpus = next((d.corpus for d in docs if d.corpus is not None), None)
    keys: list[str | None] = [None] * len(docs)
    cached: list[tuple[Finding, ...] | None] = [None] * len(docs)
    if cache is not None and fingerprints is not None:
        from linter.cache import document_key

        for i, doc in enumerate(docs):
            plain_rules, _ = split_rules(ruleset.for_path(doc.path))
            keys[i] = document_key(fingerprints.of(plain_rules), doc)
            cached[i] = cache.get(keys[i])
    has_corpus_rules = ruleset.uses_corpus
    todo = [i for i in range(len(docs)) if cached[i] is None or has_corpus_rules]
    items = [Item.of(docs[i], plain=cached[i] is None) for i in todo]

    bar = progress_bar(len(items), "files") if show_progress else None
    outcomes: dict[int, Outcome] = {}
    try:
        for i, out in zip(todo, run_items(items, ruleset, corpus, jobs, bar.update if bar else None)):
            outcomes[i] = out
    finally:
        if bar is not None:
            bar.close()

    results: list[LintResult] = []
    fresh: list[tuple[str, tuple[Finding, ...]]] = []
    for i, doc in enumerate(docs):
        out = outcomes.get(i)
        plain = cached[i]
        if out is not None and out.plain is not None:
            plain = out.plain
            if keys[i] is not None and not out.failures:
                fresh.append((keys[i], out.plain))  # type: ignore[arg-type]
        findings = merge(plain or (), out.corpus if out else ())
        results.append(LintResult(doc, findings, out.failures if out else ()))
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
    return tqdm(total=total, unit=f" {unit}", file=sys.stderr, leave=False, dynamic_ncols=True)

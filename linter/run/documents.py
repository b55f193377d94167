"""Lint many documents (files or the API's texts): the result cache, cross-file evidence, an executor.

Documents travel to workers as their plain fields (path, text, format, ...), so no parsed structure is
pickled, and findings come back as frozen values. Results are returned sorted by path.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from mtlint.engine.ruleset import RuleSet
from mtlint.engine.runner import LintResult, RuleFailure, outside_deleted_lines, run_rules
from mtlint.model import Finding
from mtlint.run.evidence import CorpusStats, Evidence, document_lines, normalise_line
from mtlint.run.executor import Context, Executor, LocalExecutor, current
from mtlint.text.document import Document

# The result cache is imported where it is used: a run without it (--no-cache, the API) never needs it.
if TYPE_CHECKING:
    from mtlint.run.cache import Cache, Entry


@dataclass(frozen=True)
class Item:
    """One document to lint, as its plain picklable fields (no parsed structure, no evidence)."""

    path: str
    fields: tuple[tuple[str, Any], ...]  # every Document field but `corpus`
    plain: bool = True  # False: per-file findings come from the cache; run only cross-file rules

    @classmethod
    def of(cls, doc: Document, plain: bool = True) -> Item:
        values = tuple((f.name, getattr(doc, f.name)) for f in _FIELDS)
        return cls(doc.path, values, plain)

    def document(self, corpus: Any) -> Document:
        return Document(**dict(self.fields), corpus=corpus)


_FIELDS = tuple(f for f in dataclasses.fields(Document) if f.name != "corpus")


@dataclass(frozen=True)
class Outcome:
    """Findings of one document, split by whether they may be cached."""

    plain: tuple[Finding, ...] | None  # None when the per-file rules did not run (cache hit)
    corpus: tuple[Finding, ...]
    failures: tuple[RuleFailure, ...]
    evidence: Evidence | None = None  # what the cross-file rules read (None: not recordable)


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
        key = normalise_line(line)
        n = self._base.line_files.get(key, 1)  # CorpusStats.count, without normalising twice
        self._asked[key] = n
        return n

    def __getattr__(self, name: str) -> Any:
        self.opaque = True
        return getattr(self._base, name)

    def evidence(self) -> Evidence | None:
        return None if self.opaque else Evidence(tuple(sorted(self._asked.items())), self._files)


def split_rules(rules: Sequence[Any]) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """(per-file rules, cross-file rules), each in the given order."""
    return tuple(r for r in rules if not r.uses_corpus), tuple(r for r in rules if r.uses_corpus)


def lint_item(item: Item) -> Outcome:
    """Lint one document with the process's rules (the per-document function of every executor)."""
    context, ruleset = current()
    plain_rules, corpus_rules = split_rules(ruleset.for_path(item.path))
    stats = context.corpus
    recorder = _Recorder(stats) if corpus_rules and stats is not None else None
    doc = item.document(recorder if recorder is not None else stats)
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


def merge(doc: Document, plain: Sequence[Finding], corpus: Sequence[Finding]) -> tuple[Finding, ...]:
    """Combine the two halves as `run_rules` gives them for all rules at once: in order, and without
    the findings inside lines that a finding of the other half deletes."""
    if not corpus:
        return tuple(plain)
    if not plain:
        return tuple(corpus)
    return tuple(sorted(outside_deleted_lines(doc, [*plain, *corpus]), key=lambda f: f.sort_key))


def lint_documents(
    docs: Sequence[Document],
    ruleset: RuleSet,
    executor: Executor | None = None,
    cache: Cache | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[LintResult]:
    """Lint every document, reusing what the cache still vouches for; results sorted by path.

    When cross-file rules are selected, their evidence is reduced over all documents first (from
    cached line sets where possible) and attached to each document, as `Document.corpus`.
    """
    executor = executor or LocalExecutor(1)
    fingerprints = None
    if cache is not None:
        from mtlint.run.cache import Entry, Fingerprints, document_key, run_digest

        fingerprints = Fingerprints(ruleset.config)
    n = len(docs)
    rules_for = [ruleset.for_path(d.path) for d in docs]
    keys: list[str | None] = [None] * n
    entries: list[Entry | None] = [None] * n
    run: str | None = None
    if cache is not None and fingerprints is not None:
        for i, doc in enumerate(docs):
            keys[i] = document_key(fingerprints.of(rules_for[i]), doc)
        entries = cache.get_many([k for k in keys if k is not None])
        run = run_digest([k for k in keys if k is not None])
    corpus = next((d.corpus for d in docs if isinstance(d.corpus, CorpusStats)), None)
    lines: list[frozenset[str] | None] = [None] * n
    # Every file of the run answered from the cache, with cross-file findings already found valid for
    # this very set of files: the cross-file evidence would be the same, so it is not gathered again.
    settled = run is not None and all(e is not None and e.run == run for e in entries)
    if ruleset.uses_corpus and corpus is None and docs and not settled:
        known = cache.details([k for k, e in zip(keys, entries) if k and e]) if cache is not None else {}
        for i, doc in enumerate(docs):
            key = keys[i]
            stored, evidence = known.get(key, (None, None))  # type: ignore[arg-type]
            lines[i] = stored if stored is not None else document_lines(doc.prose)
            entry = entries[i]
            if entry is not None and evidence is not None:
                entries[i] = replace(entry, evidence=evidence)
        corpus = CorpusStats.from_line_sets(s for s in lines if s is not None)
        docs = [replace(d, corpus=corpus) for d in docs]

    todo: list[int] = []
    plain_needed: list[bool] = []
    valid: list[str] = []  # keys whose cross-file findings hold for this run, to mark with its digest
    for i in range(n):
        entry = entries[i]
        if entry is None:
            todo.append(i)
            plain_needed.append(True)
        elif settled or not any(r.uses_corpus for r in rules_for[i]):
            continue
        elif entry.evidence is not None and corpus is not None and entry.evidence.holds(corpus):
            valid.append(keys[i])  # type: ignore[arg-type]
        else:
            todo.append(i)  # per-file findings cached; the cross-file answers changed
            plain_needed.append(False)
    items = [Item.of(docs[i], plain=p) for i, p in zip(todo, plain_needed)]
    if progress and n > len(todo):
        progress(n - len(todo))  # answered from the cache

    outcomes: dict[int, Outcome] = {}
    # The generator goes first in zip, so it runs to its end and shuts its pool down in order.
    for out, i in zip(executor.map(lint_item, items, Context(ruleset.config, corpus), ruleset), todo):
        outcomes[i] = out
        if progress:
            progress(1)

    results: list[LintResult] = []
    fresh: list[tuple[str, Entry]] = []
    for i, doc in enumerate(docs):
        done, entry = outcomes.get(i), entries[i]
        if done is None:
            assert entry is not None
            results.append(LintResult(doc, merge(doc, entry.plain, entry.corpus or ())))
            continue
        plain = done.plain if done.plain is not None else (entry.plain if entry else ())
        results.append(LintResult(doc, merge(doc, plain, done.corpus), done.failures))
        fresh_key = keys[i]
        if fresh_key is not None and not done.failures:
            # The digest vouches for the cross-file findings only when they are stored (checkable).
            vouched = done.evidence is not None or not any(r.uses_corpus for r in rules_for[i])
            fresh.append((fresh_key, Entry(plain, lines[i], done.corpus, done.evidence, run if vouched else None)))
    if cache is not None:
        if fresh:
            cache.put_many(fresh)
        if valid and run is not None:
            cache.mark_run(valid, run)
        cache.close()
    results.sort(key=lambda r: r.document.path)
    return results

"""The Dask engine of `mtlint corpus` (needs the `mtlint[dask]` extra).

Two passes over the same chunks as the local engine: a tree reduction of per-chunk line counts into
one CorpusStats, broadcast to every worker, then `lint_chunk` per chunk with that evidence. Workers
read the inputs themselves, so the input paths must be visible to them (shared storage), and mtlint
(with the same plug-ins and pack files) must be installed where they run.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from mtlint.commands.corpus import (
    Chunk,
    ChunkResult,
    CorpusError,
    Settings,
    chunk_line_counts,
    lint_chunk,
    merge_counts,
    to_stats,
)
from mtlint.run.evidence import CorpusStats

# Results are gathered in windows of this many chunks, in order, so memory on the client stays bounded.
WINDOW = 64


def _partition_counts(chunks: Sequence[Chunk], settings: Settings):  # type: ignore[no-untyped-def]
    return merge_counts([chunk_line_counts(c, settings) for c in chunks])


class DaskEngine:
    """Runs the per-chunk functions on a dask.distributed cluster."""

    def __init__(self, scheduler: str | None, jobs: int = 0) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise CorpusError("--engine dask needs dask: pip install 'mtlint[dask]'") from None
        self._cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler)  # connect timeout: distributed.comm.timeouts.connect
            else:  # no cluster given: one on this machine, a worker process per core
                from mtlint.run.executor import resolve_jobs

                self._cluster = LocalCluster(n_workers=resolve_jobs(jobs), threads_per_worker=1,
                                             processes=True, dashboard_address=None)
                self.client = Client(self._cluster)
        except (OSError, TimeoutError) as exc:
            raise CorpusError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None

    def evidence(self, chunks: Sequence[Chunk], settings: Settings) -> CorpusStats:
        import dask.bag as db

        bag = db.from_sequence(chunks, npartitions=max(1, len(chunks)))
        merged = bag.reduction(
            lambda part: _partition_counts(list(part), settings),
            lambda parts: merge_counts(list(parts)),
            split_every=8,
        )
        return to_stats(merged.compute(scheduler=self.client.get))

    def lint(self, chunks: Sequence[Chunk], settings: Settings, corpus: CorpusStats | None) -> Iterator[ChunkResult]:
        shared: Any = self.client.scatter(corpus, broadcast=True) if corpus is not None else None
        def submit(i: int) -> list[Any]:
            window = chunks[i : i + WINDOW]
            return self.client.map(lint_chunk, window, settings=settings, corpus=shared, pure=False) if window else []

        pending = submit(0)
        for i in range(0, len(chunks), WINDOW):
            following = submit(i + WINDOW)  # keep the cluster busy while this window is gathered
            yield from self.client.gather(pending)
            pending = following

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()

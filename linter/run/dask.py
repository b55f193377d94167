"""The Dask executor (needs the `mtlint[dask]` extra): the same mapped functions, on a cluster.

The context (configuration, evidence, settings) is broadcast to every worker once; each worker builds
the rules from it on first use. Workers read their inputs themselves, so input paths must be visible
to them (shared storage), and mtlint (with the same plug-ins and pack files) must be installed where
they run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from mtlint.io.records import CorpusError
from mtlint.run.executor import Context, current, install, resolve_jobs

T = TypeVar("T")
R = TypeVar("R")

# Results are gathered in windows of this many items, in order, so memory on the client stays bounded.
WINDOW = 64


def _call(item: Any, fn: Callable[[Any], Any], context: Context) -> Any:
    """Run `fn(item)` on a worker with `context` installed (built once per worker process)."""
    try:
        installed = current()[0]
    except KeyError:
        installed = None
    if installed != context:
        install(context)
    return fn(item)


class DaskExecutor:
    """Maps functions over a dask.distributed cluster: a scheduler's, or a local one per core."""

    def __init__(self, scheduler: str | None, jobs: int = 0) -> None:
        try:
            from distributed import Client, LocalCluster  # lazy: an optional extra
        except ImportError:
            raise CorpusError("--engine dask needs dask: pip install 'mtlint[dask]'") from None
        self._cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler)  # connect timeout: distributed.comm.timeouts.connect
            else:  # no cluster given: one on this machine, a worker process per core
                self._cluster = LocalCluster(
                    n_workers=resolve_jobs(jobs), threads_per_worker=1, processes=True, dashboard_address=None
                )
                self.client = Client(self._cluster)
        except (OSError, TimeoutError) as exc:
            raise CorpusError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None

    def map(
        self,
        fn: Callable[[T], R],
        items: Sequence[T],
        context: Context,
        ruleset: Any = None,
        warm_up: bool = True,
    ) -> Iterator[R]:
        # Workers build their own rules from the broadcast context; `ruleset` lives in this process only.
        shared: Any = self.client.scatter(context, broadcast=True)

        def submit(i: int) -> list[Any]:
            window = list(items[i : i + WINDOW])
            if not window:
                return []
            return self.client.map(_call, window, fn=fn, context=shared, pure=False)

        pending = submit(0)
        for i in range(0, len(items), WINDOW):
            following = submit(i + WINDOW)  # keep the cluster busy while this window is gathered
            yield from self.client.gather(pending)
            pending = following

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()

"""Executors: map a function over work items, in this process, in a process pool, or on a Dask cluster.

`check`, `corpus` and the library API share this one abstraction. Work items are small picklable
values (a document's fields, a chunk of records); the mapped function reads the run's rules and
evidence from the worker's `Context`, installed once per process: inherited by forked workers (the
parent builds the rules, lints one item to load lazily loaded data, then forks) and rebuilt from the
configuration by spawned or remote workers. Results come back in the order of the items, so output
never depends on the number of workers.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from mtlint.engine.config import Config
from mtlint.engine.ruleset import RuleSet, build_rules
from mtlint.run.evidence import CorpusStats

if TYPE_CHECKING:
    import multiprocessing.context

T = TypeVar("T")
R = TypeVar("R")

# Below this many items a pool costs more than it saves.
MIN_PARALLEL_ITEMS = 4


@dataclass(frozen=True)
class Context:
    """What every worker needs besides its items: the configuration, the run's evidence, the command's
    own settings (e.g. the record layout of `corpus`)."""

    config: Config
    corpus: CorpusStats | None = None
    settings: Any = None


# The context and rules of this process (one run at a time per process).
_WORKER: dict[str, Any] = {}


def install(context: Context, ruleset: RuleSet | None = None) -> None:
    """Make `context` the current one; build its rules unless given (or already built for its config)."""
    known = _WORKER.get("ruleset")
    if ruleset is None:
        same = known is not None and _WORKER["context"].config == context.config
        ruleset = known if same else build_rules(context.config)
    _WORKER.update(context=context, ruleset=ruleset)


def current() -> tuple[Context, RuleSet]:
    """The context and rules installed in this process."""
    return _WORKER["context"], _WORKER["ruleset"]


class Executor(Protocol):
    """Maps a function over items with the run's context installed wherever it runs."""

    def map(
        self,
        fn: Callable[[T], R],
        items: Sequence[T],
        context: Context,
        ruleset: RuleSet | None = None,
        warm_up: bool = True,
    ) -> Iterator[R]:
        """`fn(item)` for each item, in order.

        `ruleset`: the rules already built for `context.config`, which workers in this process (or
        forked from it) reuse. `warm_up`: run the first item here first, so lazily loaded data is
        loaded once before workers fork.
        """
        ...

    def close(self) -> None: ...


def resolve_jobs(jobs: int) -> int:
    """`0` means every core this process may use."""
    if jobs > 0:
        return jobs
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _mp_context() -> multiprocessing.context.BaseContext:
    import multiprocessing  # lazy: runs in one process never need it

    # fork shares the parent's built rules (plug-ins and user packs included) at no cost; elsewhere
    # workers rebuild them from the configuration.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


class LocalExecutor:
    """This process for one job or a few items, else a pool of `jobs` worker processes."""

    def __init__(self, jobs: int = 1) -> None:
        self.jobs = resolve_jobs(jobs)

    def map(
        self,
        fn: Callable[[T], R],
        items: Sequence[T],
        context: Context,
        ruleset: RuleSet | None = None,
        warm_up: bool = True,
    ) -> Iterator[R]:
        install(context, ruleset)
        if self.jobs == 1 or len(items) < MIN_PARALLEL_ITEMS:
            yield from map(fn, items)
            return
        rest = items
        if warm_up:
            # The first item here before forking: data that rules load lazily on first use (word
            # lists, compiled patterns) is then loaded once and shared with every worker.
            yield fn(items[0])
            rest = items[1:]
        from concurrent.futures import ProcessPoolExecutor  # lazy: only runs that use a pool pay for it

        workers = min(self.jobs, len(rest))
        # Several chunks per worker balance uneven items; big enough chunks keep the IPC cheap.
        chunksize = max(1, min(64, len(rest) // (workers * 8)))
        pool = ProcessPoolExecutor(workers, mp_context=_mp_context(), initializer=_adopt, initargs=(context,))
        with closing_pool(pool):
            yield from pool.map(fn, rest, chunksize=chunksize)

    def close(self) -> None:
        pass


def _adopt(context: Context) -> None:
    """Pool initializer: a forked worker already holds the rules; a spawned one builds them."""
    if _WORKER.get("context") is not context:
        install(context)


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

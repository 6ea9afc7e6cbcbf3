"""Checking many documents at once: one engine for a local process pool and a Dask cluster.

:func:`run` maps a function over any number of items — in chunks of about
:data:`CHUNK_SIZE` items per task, on a local process pool (``executor="local"``)
or on a Dask cluster (``executor="dask"``: a ``LocalCluster`` on this machine,
or the cluster whose scheduler ``scheduler`` names) — and yields one result per
item, in the order of the items, as soon as the results before it are in. What
goes wrong with one item is that item's result, and the batch goes on:

- an exception the function raises on one item becomes ``failed(item, message)``;
- a worker process that dies (the kernel's OOM killer, a crash in a C library)
  loses nothing: the pool is restarted and the items it held are tried again, on
  their own; an item that takes its worker down again when run alone is reported
  with ``failed(item, message)``.

:func:`check` is the API for documents: it reads and validates each path (or
fsspec URL) the way ``govbudget check`` does and yields a :class:`Checked` per
document. ``govbudget check --executor local|dask [--scheduler ADDRESS]`` runs
on this engine too.

>>> results = list(check(["examples/zengdu-xinfang-2025/budget.json", "no-such.json"], jobs=1))
>>> [(r.source, r.status) for r in results]
[('examples/zengdu-xinfang-2025/budget.json', 0), ('no-such.json', 2)]

The number of local workers (``jobs``) is capped at the CPUs this process may
use: more processes than CPUs only add memory and switching. Chunks matter on
Dask, where a task has a fixed cost of about a millisecond: one task per
document doubled the CPU time per document when measured, fifty per task
matched the local pool (see ``benchmarks/bench_batch.py``).
"""

from __future__ import annotations

import heapq
import logging
import math
import os
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor
from concurrent.futures import wait as wait_futures
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Final, Generic, Literal, Protocol, TypeVar, cast

from attrs import field, frozen

from govbudget.errors import GovBudgetError, MissingExtra

if TYPE_CHECKING:
    from govbudget.report import Report

__all__ = [
    "CHUNK_SIZE",
    "EXECUTORS",
    "BatchError",
    "Checked",
    "Executor",
    "check",
    "cpu_count",
    "run",
    "workers_for",
]

T = TypeVar("T")
R = TypeVar("R")

#: Where the work runs: a local process pool, or a Dask cluster.
Executor = Literal["local", "dask"]

#: The executors :func:`run` knows.
EXECUTORS: Final[tuple[Executor, ...]] = ("local", "dask")

#: Items per task when the batch is large (smaller batches are cut finer, so that
#: every worker gets work).
CHUNK_SIZE: Final = 50

#: Tasks in flight per worker: one running and one waiting, so no worker idles
#: while its next chunk is sent.
_IN_FLIGHT_PER_WORKER: Final = 2
#: Chunks held per worker at most (in flight, or done and waiting for an earlier
#: one): the memory of a batch stays bounded however many items it has.
_HELD_PER_WORKER: Final = 4
#: A chunk in flight this many times when its worker was lost is run alone, so
#: that losing the worker again can only be its own doing.
_ALONE_AFTER: Final = 2

#: Exit statuses a :class:`Checked` result carries (the same as ``govbudget check``'s).
OK: Final = 0
FINDINGS: Final = 1
UNREADABLE: Final = 2
INTERNAL: Final = 3


class BatchError(GovBudgetError, ValueError):
    """Options a batch cannot run with (a negative ``jobs``, an unknown executor, a
    scheduler that cannot be reached); the message names the value."""


def cpu_count() -> int:
    """The CPUs this process may run on (its affinity mask, where the system has one).

    >>> cpu_count() >= 1
    True
    """
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def workers_for(jobs: int | None) -> int:
    """The number of local workers for ``jobs``: ``None`` or 0 is one per CPU, and
    more than the CPUs is capped at the CPUs.

    >>> workers_for(10_000) == cpu_count()
    True
    >>> workers_for(1)
    1
    """
    if jobs is not None and (isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 0):
        raise BatchError(f"jobs must be 0 (one per CPU) or more, not {jobs!r}")
    cpus = cpu_count()
    return cpus if not jobs else min(jobs, cpus)


# ---- what a worker runs ------------------------------------------------------------


@frozen
class _Raised:
    """An exception the function raised on one item, as text (it may not pickle)."""

    message: str


def _run_chunk(function: Callable[[T], R], items: Sequence[T]) -> list[R | _Raised]:
    """``function`` over one chunk in a worker; an exception is that item's result."""
    results: list[R | _Raised] = []
    for item in items:
        try:
            results.append(function(item))
        except Exception as error:  # one item's failure must not take its chunk with it
            results.append(_Raised(_describe(error)))
    return results


def _describe(error: BaseException) -> str:
    text = str(error)
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


# ---- where the work runs -----------------------------------------------------------


class _Task(Protocol):
    """A submitted chunk: a ``concurrent.futures`` or a Dask future."""

    def result(self) -> list[object]: ...


class _Backend(Protocol):
    #: Workers (or, on a cluster, threads) that run tasks at the same time.
    workers: int
    #: Whether losing one worker fails every task in flight (a process pool) or
    #: only the task it was running (Dask reschedules the others).
    loses_all: bool

    def submit(self, function: Callable[[T], R], items: tuple[T, ...]) -> _Task: ...

    def wait(self, tasks: Iterable[_Task]) -> set[_Task]: ...

    def is_lost_worker(self, error: BaseException) -> bool: ...

    def restart(self) -> None: ...

    def close(self) -> None: ...


class _LocalPool:
    """A ``ProcessPoolExecutor``, made anew when a worker process dies."""

    loses_all = True

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool = ProcessPoolExecutor(max_workers=workers)

    def submit(self, function: Callable[[T], R], items: tuple[T, ...]) -> _Task:
        future: Future[list[object]] = self._pool.submit(_run_chunk, function, items)
        return future

    def wait(self, tasks: Iterable[_Task]) -> set[_Task]:
        done, _ = wait_futures(tasks, return_when=FIRST_COMPLETED)  # type: ignore[arg-type]
        return set(done)

    def is_lost_worker(self, error: BaseException) -> bool:
        return isinstance(error, BrokenProcessPool)

    def restart(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = ProcessPoolExecutor(max_workers=self.workers)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class _DaskCluster:
    """A Dask ``Client``: of a ``LocalCluster`` of ``workers`` processes, or of ``scheduler``."""

    loses_all = False

    def __init__(self, workers: int, scheduler: str | None) -> None:
        try:
            import dask
            import distributed
        except ImportError:
            raise MissingExtra("dask", "distributed", "--executor dask") from None
        self._distributed = distributed
        self._cluster: distributed.LocalCluster | None = None
        if scheduler is None:
            # One thread per worker process: checking is pure Python, so threads
            # would only contend for the GIL, and a lost worker loses one task.
            # No retries of the scheduler's own (allowed-failures): a task whose
            # worker died comes back at once as KilledWorker, and the retries
            # here, item by item, find the document that kills its worker.
            with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
                self._cluster = distributed.LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=":0",  # no fixed port: no clash with a running cluster
                    silence_logs=logging.CRITICAL,
                )
            self._client = distributed.Client(self._cluster)  # type: ignore[no-untyped-call]
        else:
            try:
                self._client = distributed.Client(scheduler, timeout="20s")  # type: ignore[no-untyped-call]
            except (OSError, TimeoutError, ValueError) as error:
                raise BatchError(
                    f"cannot reach the Dask scheduler {scheduler!r}: {_describe(error)}"
                ) from None
        threads = self._client.nthreads()  # type: ignore[no-untyped-call]
        self.workers = max(1, sum(threads.values()))

    def submit(self, function: Callable[[T], R], items: tuple[T, ...]) -> _Task:
        task: _Task = self._client.submit(_run_chunk, function, items, pure=False)
        return task

    def wait(self, tasks: Iterable[_Task]) -> set[_Task]:
        done = self._distributed.wait(list(tasks), return_when="FIRST_COMPLETED").done  # type: ignore[no-untyped-call]
        return set(done)

    def is_lost_worker(self, error: BaseException) -> bool:
        return isinstance(error, self._distributed.KilledWorker)

    def restart(self) -> None:
        """Nothing to do: the cluster's nannies restart lost workers themselves."""

    def close(self) -> None:
        self._client.close()  # type: ignore[no-untyped-call]
        if self._cluster is not None:
            self._cluster.close()


# ---- the scheduling loop -----------------------------------------------------------


@frozen(order=True)
class _Chunk(Generic[T]):
    """Items ``start`` … ``start + len(items) − 1`` of the batch."""

    start: int
    items: tuple[T, ...] = field(order=False)
    #: Times the chunk was in flight when a worker was lost.
    strikes: int = field(default=0, order=False)


def _chunks(items: Iterator[T], size: int) -> Iterator[_Chunk[T]]:
    start = 0
    while True:
        chunk: list[T] = []
        for item in items:
            chunk.append(item)
            if len(chunk) == size:
                break
        if not chunk:
            return
        yield _Chunk(start, tuple(chunk))
        start += len(chunk)


def _singles(chunk: _Chunk[T]) -> list[_Chunk[T]]:
    """The chunk as one chunk per item, each with one more strike."""
    return [
        _Chunk(chunk.start + i, (item,), chunk.strikes + 1) for i, item in enumerate(chunk.items)
    ]


#: Said of an item whose worker died twice with it, the second time alone.
LOST_WORKER: Final = (
    "the worker process checking it stopped, twice, the second time with nothing else to do"
    " (killed by the system, perhaps for lack of memory, or a crash)"
)


class _Scheduler(Generic[T, R]):
    """Submits chunks, takes their results in any order and gives them back in order."""

    def __init__(
        self,
        backend: _Backend,
        function: Callable[[T], R],
        failed: Callable[[T, str], R],
        chunks: Iterator[_Chunk[T]],
    ) -> None:
        self.backend, self.function, self.failed = backend, function, failed
        self.fresh = chunks
        self.retry: list[_Chunk[T]] = []  # a heap: the earliest first
        self.flying: dict[_Task, _Chunk[T]] = {}
        self.done: dict[int, tuple[_Chunk[T], list[R]]] = {}
        self.alone = False  # a chunk runs alone: submit nothing beside it

    def results(self) -> Iterator[R]:
        following = 0
        while self._fill() or self.flying:
            for task in self.backend.wait(self.flying):
                if task in self.flying:  # a lost pool may already have taken it back
                    self._collect(task)
            while following in self.done:
                chunk, results = self.done.pop(following)
                following += len(chunk.items)
                yield from results

    def _fill(self) -> bool:
        """Submit chunks while there is room; False when nothing is left to submit."""
        workers = self.backend.workers
        while not self.alone and len(self.flying) < workers * _IN_FLIGHT_PER_WORKER:
            if self.retry:
                # Always room for a retry: it holds up the results after it.
                chunk = heapq.heappop(self.retry)
            elif len(self.flying) + len(self.done) >= workers * _HELD_PER_WORKER:
                return True
            else:
                fresh = next(self.fresh, None)
                if fresh is None:
                    return False
                chunk = fresh
            if chunk.strikes >= _ALONE_AFTER:
                if self.flying:  # wait until it can run alone
                    heapq.heappush(self.retry, chunk)
                    return True
                self.alone = True
            self.flying[self.backend.submit(self.function, chunk.items)] = chunk
        return True

    def _collect(self, task: _Task) -> None:
        chunk = self.flying.pop(task)
        try:
            outcomes = cast("list[R | _Raised]", task.result())
        except Exception as error:  # anything a task can raise is handled here
            if self.backend.is_lost_worker(error):
                self._lost(chunk)
            else:
                self._raised(chunk, _describe(error))
            return
        self.alone = False
        results = [
            self.failed(item, outcome.message) if isinstance(outcome, _Raised) else outcome
            for item, outcome in zip(chunk.items, outcomes, strict=True)
        ]
        self.done[chunk.start] = (chunk, results)

    def _lost(self, chunk: _Chunk[T]) -> None:
        """A worker died: the chunks it may have held are tried again, item by item."""
        suspects = [chunk]
        if self.backend.loses_all:
            # The pool is broken: every task in flight fails the same way, but a
            # task that finished before the loss keeps its result.
            for task in list(self.flying):
                if task in self.flying:
                    self._collect_or_suspect(task, suspects)
            self.backend.restart()
        self.alone = False
        for suspect in suspects:
            if suspect.strikes >= _ALONE_AFTER:  # it ran alone: its own doing
                self.done[suspect.start] = (suspect, [self.failed(suspect.items[0], LOST_WORKER)])
                continue
            for single in _singles(suspect):
                heapq.heappush(self.retry, single)

    def _collect_or_suspect(self, task: _Task, suspects: list[_Chunk[T]]) -> None:
        chunk = self.flying[task]
        try:
            task.result()
        except Exception:  # lost with the pool
            del self.flying[task]
            suspects.append(chunk)
            return
        self._collect(task)

    def _raised(self, chunk: _Chunk[T], message: str) -> None:
        """A task failed outside the function (a result that would not pickle …)."""
        self.alone = False
        if len(chunk.items) == 1:
            self.done[chunk.start] = (chunk, [self.failed(chunk.items[0], message)])
            return
        for single in _singles(chunk):
            heapq.heappush(self.retry, single)


def _chunk_size(items: Iterable[object], workers: int, chunk_size: int | None) -> int:
    if chunk_size is not None:
        if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1:
            raise BatchError(f"chunk_size must be 1 or more, not {chunk_size!r}")
        return chunk_size
    if isinstance(items, Sized):
        # Enough chunks that every worker has several: the last ones then end together.
        return max(1, min(CHUNK_SIZE, math.ceil(len(items) / (workers * _HELD_PER_WORKER))))
    return CHUNK_SIZE


def run(
    function: Callable[[T], R],
    items: Iterable[T],
    *,
    failed: Callable[[T, str], R],
    executor: Executor = "local",
    jobs: int | None = None,
    scheduler: str | None = None,
    chunk_size: int | None = None,
) -> Iterator[R]:
    """``function`` over ``items`` on ``executor``: one result per item, in their order.

    ``function`` and ``failed`` must be importable module-level functions (they are
    sent to the workers); ``failed(item, message)`` makes the result of an item the
    function raised on, or whose worker died with it. ``jobs`` is the number of
    local workers (``None`` or 0: one per CPU; capped at the CPUs), also for a
    Dask ``LocalCluster``; ``scheduler`` is the address of a running Dask
    scheduler (``tcp://host:8786``), whose workers are used as they are.
    ``jobs=1`` on the local executor runs in this process, without a pool.

    >>> list(run(abs, [-2, 3, -5], failed=lambda item, message: 0, jobs=1))
    [2, 3, 5]
    """
    if executor not in EXECUTORS:
        raise BatchError(f"executor must be one of {', '.join(EXECUTORS)}, not {executor!r}")
    if scheduler is not None and executor != "dask":
        raise BatchError(f"a scheduler ({scheduler!r}) is for executor='dask'")
    workers = workers_for(jobs)
    if executor == "local" and (workers == 1 or (isinstance(items, Sized) and len(items) <= 1)):
        return _serial(function, items, failed)
    return _parallel(function, items, failed, executor, workers, scheduler, chunk_size)


def _serial(
    function: Callable[[T], R], items: Iterable[T], failed: Callable[[T, str], R]
) -> Iterator[R]:
    for item in items:
        (outcome,) = _run_chunk(function, (item,))
        yield failed(item, outcome.message) if isinstance(outcome, _Raised) else outcome


def _parallel(
    function: Callable[[T], R],
    items: Iterable[T],
    failed: Callable[[T, str], R],
    executor: Executor,
    workers: int,
    scheduler: str | None,
    chunk_size: int | None,
) -> Iterator[R]:
    backend: _Backend = (
        _LocalPool(workers) if executor == "local" else _DaskCluster(workers, scheduler)
    )
    try:
        size = _chunk_size(items, backend.workers, chunk_size)
        yield from _Scheduler(backend, function, failed, _chunks(iter(items), size)).results()
    finally:
        backend.close()


# ---- documents ---------------------------------------------------------------------


@frozen
class Checked:
    """One document of a batch: its report, or why it has none.

    ``status`` is what ``govbudget check`` would exit with for it alone: 0 (no
    error found), 1 (a finding with the severity error), 2 (the document cannot
    be read: ``error`` says why, naming the file) or 3 (govbudget itself failed on
    it: a bug to report).
    """

    source: str
    status: int
    report: Report | None = None
    error: str | None = None


@frozen
class _CheckTask:
    source: str
    select: tuple[str, ...] | None
    ignore: tuple[str, ...] | None


def _check_document(task: _CheckTask) -> Checked:
    from govbudget.cli import read_input
    from govbudget.validation import validate

    try:
        read = read_input(task.source)
    except GovBudgetError as error:
        return Checked(task.source, UNREADABLE, error=str(error))
    report = validate(read.budget, select=task.select, ignore=task.ignore)
    return Checked(task.source, OK if report.ok else FINDINGS, report=report)


def _check_failed(task: _CheckTask, message: str) -> Checked:
    return Checked(
        task.source,
        INTERNAL,
        error=f"{task.source}: govbudget failed while checking it ({message});"
        " please report this with the document",
    )


def check(
    sources: Iterable[str],
    *,
    executor: Executor = "local",
    jobs: int | None = None,
    scheduler: str | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    chunk_size: int | None = None,
) -> Iterator[Checked]:
    """Read and validate every document of ``sources``: one :class:`Checked` each, in order.

    A source is a path or an fsspec URL (``s3://…``, ``memory://…``) of a JSON
    document, a narrative text, a PDF or an Excel workbook, read as ``govbudget
    check`` reads it; a folder is not expanded here (see
    :func:`govbudget.io.remote.documents`). ``select``/``ignore`` choose rules as
    :func:`govbudget.validate` does; the other arguments are :func:`run`'s.

    >>> [r.report.ok for r in check(["examples/zengdu-xinfang-2025/budget.json"])]
    [True]
    """
    chosen = None if select is None else tuple(select)
    dropped = None if ignore is None else tuple(ignore)
    if chosen is not None or dropped is not None:
        from govbudget.rules import RULES
        from govbudget.validation import select_rules

        select_rules(RULES, chosen, dropped)  # a bad selector fails here, not per document
    tasks = (_CheckTask(source, chosen, dropped) for source in sources)
    listed: Iterable[_CheckTask] = list(tasks) if isinstance(sources, Sized) else tasks
    return run(
        _check_document,
        listed,
        failed=_check_failed,
        executor=executor,
        jobs=jobs,
        scheduler=scheduler,
        chunk_size=chunk_size,
    )

"""Workers: run ``extract`` over many files, in this process or in a process pool, with a
per-document time limit.

Contract: every task yields exactly one ``Extraction`` (the ``RecordParts`` of its record, or an
error code and a one-line message) through ``on_done``, in completion order; nothing here raises
for a bad document. ``on_done`` returns False to stop early (fail-fast); tasks not yet done are
dropped. The ``Record`` itself never leaves ``run_document``: the worker turns it into the parts
the outputs need (``WorkerSettings.parts``), so that work runs in parallel and whoever collects
the results holds only those parts.

Time limit, two layers:
- soft (in the process running the document): a ``SIGALRM`` interval timer raises inside the
  extraction after ``timeout`` seconds -> code ``timeout``. It fires between Python bytecodes,
  so it cannot interrupt a call stuck inside C code (a PDF library, a regex).
- hard (pool only): each worker stamps the start of every document in a shared array; a
  document still running ``timeout + HARD_GRACE`` seconds after its stamp is stuck. The parent
  then gives it ``timeout``, kills the pool's processes and reruns everything else that was in
  flight in a fresh pool.
A worker that dies (segfault, out of memory) breaks the pool: the documents that were in
flight are rerun one at a time, alone, and the one that breaks it again gets ``worker_crashed``.
With ``workers == 0`` (in this process) only the soft limit applies; ``timeout <= 0`` means
no limit at all.
"""

from __future__ import annotations

import math
import multiprocessing
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType
from typing import Any

from ..errors import SnapshotError
from ..export.records import record_json, records_jsonl
from ..export.tables import ROW_MAKERS
from ..models import Record
from ..pipeline import extract
from ..read import PdfOptions
from ..vocabulary import Vocabulary

HARD_GRACE = 1.0  # seconds added to a chunk's hard deadline (covers process start-up)
MAX_CHUNK = 4  # small chunks keep the hard deadline tight and the progress bar lively
POLL_SECONDS = 0.25
IN_FLIGHT_PER_WORKER = 2  # one running, one queued: no worker waits for the parent

Task = tuple[int, str]  # (position in the batch, path)
PART_NAMES = ("json", "jsonl", *ROW_MAKERS)


@dataclass(frozen=True)
class WorkerSettings:
    """What every worker needs, sent once per worker process. ``parts``: which ``RecordParts``
    to make of each record (names from ``PART_NAMES``); ``one_hot``: wide rows get the
    vocabulary's one-hot columns."""

    vocabulary: Vocabulary
    pdf_options: PdfOptions
    timeout: float
    parts: frozenset[str] = frozenset()
    one_hot: bool = False

    def __post_init__(self) -> None:
        unknown = sorted(self.parts - set(PART_NAMES))
        if unknown:  # a bug in the caller: fail before any work, not once per document
            raise ValueError(f"unknown record part '{', '.join(unknown)}' (choose from: {', '.join(PART_NAMES)})")


@dataclass(frozen=True)
class RecordParts:
    """What the outputs need of one record, made where the record is made. ``values`` holds
    only the parts asked for: ``json`` (``record_json``: pretty, for ``json/<name>.json``),
    ``jsonl`` (its line of ``records.jsonl``), and the table rows ``wide``, ``long``,
    ``warnings``, ``unmapped`` (``tables.ROW_MAKERS``)."""

    warnings: int
    values: dict[str, Any] = field(default_factory=dict)


def record_parts(record: Record, parts: frozenset[str], one_hot: Vocabulary | None = None) -> RecordParts:
    """The ``parts`` of ``record`` (wide rows with ``one_hot`` columns when it is a vocabulary)."""
    values: dict[str, Any] = {}
    if "json" in parts:
        values["json"] = record_json(record)
    if "jsonl" in parts:
        values["jsonl"] = records_jsonl([record])
    for name, make in ROW_MAKERS.items():
        if name in parts:
            values[name] = make(record, one_hot)
    return RecordParts(len(record.warnings), values)


@dataclass(frozen=True)
class Extraction:
    """The outcome of one task: ``parts`` of its record, or (``code``, ``message``)."""

    index: int
    parts: RecordParts | None = None
    code: str | None = None
    message: str | None = None


OnDone = Callable[[Extraction], bool]


class _Deadline(BaseException):
    """Raised by the alarm handler; a BaseException so ``except Exception`` cannot swallow it."""


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _Deadline


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``_Deadline`` inside the block after ``seconds`` (POSIX main thread; else no limit)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if seconds <= 0 or not usable:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_document(index: int, path: str, settings: WorkerSettings) -> Extraction:
    """Extract one document and make the ``settings.parts`` of its record (under the time
    limit); every failure becomes an ``Extraction`` with a code, never raises."""
    one_hot = settings.vocabulary if settings.one_hot else None
    try:
        with time_limit(settings.timeout):
            record = extract(path, settings.vocabulary, settings.pdf_options)
            parts = record_parts(record, settings.parts, one_hot)
        return Extraction(index, parts=parts)
    except _Deadline:
        return timed_out(index, settings.timeout)
    except SnapshotError as error:
        return Extraction(index, code=error.code, message=error.reason)
    except Exception as error:  # a bug must not stop the batch: report it as data
        return Extraction(index, code="internal_error", message=f"{type(error).__name__}: {error}")


def timed_out(index: int, timeout: float) -> Extraction:
    return Extraction(index, code="timeout", message=f"extraction took longer than {timeout:g} s")


def extract_serial(tasks: Sequence[Task], settings: WorkerSettings, on_done: OnDone) -> None:
    """Run every task in this process, in order (soft time limit only)."""
    for index, path in tasks:
        if not on_done(run_document(index, path, settings)):
            return


# --------------------------------------------------------------------------- pool side

_SETTINGS: WorkerSettings | None = None
_STARTED: Any = None  # shared array: when each task last started (time.monotonic), 0 = never


def _initialise_worker(settings: WorkerSettings, started: Any) -> None:
    """Pool initialiser: keep the settings (vocabulary loaded once); Ctrl-C is the parent's."""
    global _SETTINGS, _STARTED
    _SETTINGS, _STARTED = settings, started
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _run_chunk(chunk: Sequence[Task]) -> list[Extraction]:
    assert _SETTINGS is not None, "worker not initialised"
    results = []
    for index, path in chunk:
        _STARTED[index] = time.monotonic()  # CLOCK_MONOTONIC: one clock for all processes
        results.append(run_document(index, path, _SETTINGS))
    return results


def chunk_size(tasks: int, workers: int) -> int:
    """Documents per pool task: about four chunks per worker, at most ``MAX_CHUNK``."""
    return max(1, min(MAX_CHUNK, math.ceil(tasks / (workers * 4))))


@dataclass
class _Flight:
    chunk: tuple[Task, ...]
    submitted: float
    alone: bool  # a suspect rerun with nothing else in flight


class _Stop(Exception):
    """``on_done`` asked to stop."""


class PoolRunner:
    """Schedules chunks on a ``ProcessPoolExecutor`` with hard deadlines and crash isolation."""

    def __init__(self, settings: WorkerSettings, workers: int, on_done: OnDone) -> None:
        self.settings = settings
        self.workers = workers
        self.on_done = on_done
        self.executor: ProcessPoolExecutor | None = None
        self.queue: deque[tuple[Task, ...]] = deque()
        self.suspects: deque[tuple[Task, ...]] = deque()
        self.flights: dict[Future[list[Extraction]], _Flight] = {}
        self.started: Any = None

    def run(self, tasks: Sequence[Task]) -> None:
        """Run every task; returns when all are done or ``on_done`` returned False."""
        size = chunk_size(len(tasks), self.workers)
        self.queue.extend(tuple(tasks[i : i + size]) for i in range(0, len(tasks), size))
        self.started = multiprocessing.RawArray("d", max((i for i, _ in tasks), default=0) + 1)
        try:
            while self._submit():
                done, _ = wait(self.flights, timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
                self._collect(done)
                self._enforce_deadlines()
        except _Stop:
            pass
        finally:
            self._kill()

    def _submit(self) -> bool:
        if self.suspects:
            if not self.flights:
                self._start(self.suspects.popleft(), alone=True)
        else:
            while self.queue and len(self.flights) < IN_FLIGHT_PER_WORKER * self.workers:
                self._start(self.queue.popleft(), alone=False)
        return bool(self.flights)

    def _start(self, chunk: tuple[Task, ...], alone: bool) -> None:
        if self.executor is None:
            self.executor = ProcessPoolExecutor(
                self.workers, initializer=_initialise_worker, initargs=(self.settings, self.started)
            )
        future = self.executor.submit(_run_chunk, chunk)
        self.flights[future] = _Flight(chunk, time.monotonic(), alone)

    def _collect(self, done: set[Future[list[Extraction]]]) -> None:
        broken = False
        for future in done:
            error = future.exception()
            if isinstance(error, BrokenProcessPool):
                broken = True
                continue
            flight = self.flights.pop(future)
            if error is not None:  # not the document's fault: a bug in shipping the result
                for index, _ in flight.chunk:
                    self._report(Extraction(index, code="internal_error",
                                            message=f"{type(error).__name__}: {error}"))
                continue
            for extraction in future.result():
                self._report(extraction)
        if broken:
            self._recover_from_crash()

    def _report(self, extraction: Extraction) -> None:
        if not self.on_done(extraction):
            raise _Stop

    def _recover_from_crash(self) -> None:
        """The pool broke: rerun what was in flight one at a time; a lone crash is the culprit."""
        flights = list(self.flights.values())
        self._kill()
        for flight in flights:
            if flight.alone:
                index, _ = flight.chunk[0]
                self._report(Extraction(index, code="worker_crashed",
                                        message="the worker process died reading this file"))
            else:
                self.suspects.extend((task,) for task in flight.chunk)

    def _running(self, flight: _Flight) -> tuple[int, float] | None:
        """(position in the chunk, start time) of the chunk's document now running, if any."""
        stamps = [self.started[index] for index, _ in flight.chunk]
        begun = [position for position, stamp in enumerate(stamps) if stamp >= flight.submitted]
        return (begun[-1], stamps[begun[-1]]) if begun else None

    def _enforce_deadlines(self) -> None:
        """Kill the pool if a document has run past ``timeout + HARD_GRACE``; rerun the rest."""
        if self.settings.timeout <= 0:
            return
        limit = time.monotonic() - self.settings.timeout - HARD_GRACE
        stuck = {}
        for future, flight in self.flights.items():
            running = self._running(flight)
            if running is not None and running[1] < limit:
                stuck[future] = running[0]
        if not stuck:
            return
        flights = dict(self.flights)
        self._kill()
        retry: list[tuple[Task, ...]] = []
        for future, flight in flights.items():
            position = stuck.get(future)
            if position is None:
                retry.append(flight.chunk)  # innocent: killed with the pool, run again
                continue
            self._report(timed_out(flight.chunk[position][0], self.settings.timeout))
            rest = flight.chunk[:position] + flight.chunk[position + 1 :]
            if rest:
                retry.append(rest)
        target = self.suspects if self.suspects else self.queue
        target.extendleft(reversed(retry))

    def _kill(self) -> None:
        """Stop the pool now: kill its processes (a stuck worker never returns on its own)."""
        executor, self.executor = self.executor, None
        self.flights.clear()
        if executor is None:
            return
        processes = getattr(executor, "_processes", None) or {}
        for process in list(processes.values()):
            process.kill()
        executor.shutdown(wait=True, cancel_futures=True)


def extract_parallel(
    tasks: Sequence[Task], settings: WorkerSettings, workers: int, on_done: OnDone
) -> None:
    """Run every task in a pool of ``workers`` processes (see the module docstring)."""
    PoolRunner(settings, min(workers, max(1, len(tasks))), on_done).run(tasks)

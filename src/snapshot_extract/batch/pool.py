"""Pool: worker processes running ``workers.run_document``, each on a pipe of its own, so that
the parent always knows which document each worker is on and never waits on a dead one.

Contract (see ``workers`` for what a task yields):
- Every task yields exactly one ``Extraction`` through ``on_done``, in completion order, unless
  ``on_done`` returns False (fail-fast: the pool stops) or raises (the pool stops, the exception
  goes on). Tasks are dealt out in turn; each worker has a few sent and unanswered (about
  ``QUEUED_SECONDS`` of work at the pace seen so far, ``MIN_QUEUED`` to ``MAX_QUEUED``: deep
  enough that fast documents never wait for a busy parent, short enough that slow ones are
  shared out evenly). A worker runs them in order, so the first of them is the one it is on.
- Hard time limit: a worker still on one document ``timeout + HARD_GRACE`` seconds after it
  began it (stuck in C code, where the soft limit cannot reach) is killed; the document gets
  ``timeout``, the worker's other tasks go back to the queue and a fresh worker takes its slot.
- Crashes: a worker that dies (segfault, killed by the OOM killer) takes only its current
  document down: that one is tried once more in a fresh worker and gets ``worker_crashed`` if
  it kills that one too; its other tasks go back to the queue.
- Stopping, for whatever reason (done, fail-fast, an exception, Ctrl-C / SIGTERM raised as
  KeyboardInterrupt): every worker is killed (SIGKILL) and reaped; nothing ever waits for a
  worker's result, so stopping takes milliseconds. A result half-sent by a killed worker is
  never read (the pipe is closed), and one half-sent by a worker that died on its own reads as
  end-of-file, never as a wait.
- Workers die with the parent: ``PR_SET_PDEATHSIG`` (SIGKILL) on Linux, elsewhere a thread in
  the worker watching its parent; so a ``kill -9`` of the parent leaves no orphan.
- Workers ignore SIGINT (Ctrl-C reaches the whole process group; the parent decides), and are
  started with SIGINT and SIGTERM blocked so none arrives before their handlers are set. The
  parent defers both while it starts or stops workers (``interrupts.interrupts_deferred``).
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import threading
import time
from collections import Counter, deque
from collections.abc import Sequence
from multiprocessing.connection import Connection, wait
from typing import Any

from ..limits import limit_memory
from .interrupts import STOP_SIGNALS, interrupts_deferred
from .workers import Extraction, OnDone, Task, WorkerSettings, run_document, timed_out

HARD_GRACE = 1.0  # seconds past the time limit before a worker counts as stuck
QUEUED_SECONDS = 0.02
MIN_QUEUED, MAX_QUEUED = 2, 8
POLL_SECONDS = 0.25
REAP_SECONDS = 2.0  # wait at most this long for a killed worker to be reaped
PARENT_WATCH_SECONDS = 0.5
_PR_SET_PDEATHSIG = 1


class _Stop(Exception):
    """``on_done`` asked to stop."""


class _Worker:
    """One worker process, the parent's end of its pipe, and the tasks sent to it."""

    def __init__(self, process: Any, connection: Connection) -> None:
        self.process = process
        self.connection = connection
        self.sent: deque[Task] = deque()
        self.since = time.monotonic()  # when it began the first of ``sent`` (at the latest)

    def kill(self) -> None:
        self.connection.close()
        if self.process.is_alive():
            self.process.kill()


class WorkerPool:
    """Runs tasks on ``size`` worker processes (see the module docstring)."""

    def __init__(self, settings: WorkerSettings, size: int, on_done: OnDone) -> None:
        self.settings = settings
        self.on_done = on_done
        self.context = multiprocessing.get_context()
        self.slots: list[_Worker | None] = [None] * size
        self.queue: deque[Task] = deque()
        self.crashes: Counter[int] = Counter()
        self.pace: float | None = None  # seconds a document takes (moving average)

    def run(self, tasks: Sequence[Task]) -> None:
        """Run every task; returns when all are done or ``on_done`` returned False."""
        self.queue.extend(tasks)
        try:
            while self._dispatch():
                self._wait()
                self._enforce_deadlines()
        except _Stop:
            pass
        finally:
            self.stop()

    def stop(self) -> None:
        """Kill every worker now and reap it; no result is waited for."""
        with interrupts_deferred():
            workers = [worker for worker in self.slots if worker is not None]
            self.slots = [None] * len(self.slots)
            for worker in workers:
                worker.kill()
            deadline = time.monotonic() + REAP_SECONDS
            for worker in workers:
                worker.process.join(max(0.0, deadline - time.monotonic()))

    # ------------------------------------------------------------------ scheduling

    def _dispatch(self) -> bool:
        """Start workers where there is work, deal tasks out in turn; False once all is done."""
        for slot, worker in enumerate(self.slots):
            if worker is None and self.queue:
                self._start(slot)
        depth = self._depth()
        while self.queue:
            room = [worker for worker in self.slots if worker is not None and len(worker.sent) < depth]
            if not room:
                break
            for worker in room[: len(self.queue)]:
                self._send(worker, self.queue.popleft())
        return any(worker is not None and worker.sent for worker in self.slots) or bool(self.queue)

    def _depth(self) -> int:
        if self.pace is None:
            return MIN_QUEUED
        return max(MIN_QUEUED, min(MAX_QUEUED, round(QUEUED_SECONDS / max(self.pace, 1e-4))))

    def _send(self, worker: _Worker, task: Task) -> None:
        if not worker.sent:
            worker.since = time.monotonic()
        worker.sent.append(task)
        with contextlib.suppress(OSError):  # it died: its sentinel says so on the next wait
            worker.connection.send(task)

    def _start(self, slot: int) -> _Worker:
        parent_end, child_end = self.context.Pipe()
        process = self.context.Process(target=serve, args=(child_end, self.settings, os.getpid()), daemon=True)
        with interrupts_deferred():  # the child starts with them blocked; ours arrive after
            process.start()
            child_end.close()  # only the worker holds its end: its death reads as end-of-file
            worker = self.slots[slot] = _Worker(process, parent_end)
        return worker

    def _wait(self) -> None:
        workers = [worker for worker in self.slots if worker is not None]
        waitables: list[Any] = [worker.connection for worker in workers]
        waitables += [worker.process.sentinel for worker in workers]
        ready = set(wait(waitables, timeout=POLL_SECONDS))
        for worker in workers:
            if worker.connection in ready:
                self._receive(worker)
            if worker.process.sentinel in ready:
                self._lost(worker)

    def _receive(self, worker: _Worker) -> None:
        """Every result the worker has sent; a worker that died mid-message is left to ``_lost``."""
        while not worker.connection.closed and worker.connection.poll():
            try:
                extraction: Extraction = worker.connection.recv()
            except (EOFError, OSError):
                return
            worker.sent.popleft()
            now = time.monotonic()
            took, worker.since = now - worker.since, now
            self.pace = took if self.pace is None else 0.8 * self.pace + 0.2 * took
            self._report(extraction)

    def _report(self, extraction: Extraction) -> None:
        if not self.on_done(extraction):
            raise _Stop

    # ------------------------------------------------------------------ failures

    def _lost(self, worker: _Worker) -> None:
        """The worker died on its own: its current document is a suspect (see the contract)."""
        self._receive(worker)  # what it finished before dying
        self._retire(worker)
        if not worker.sent:
            return
        index, path = worker.sent.popleft()
        self.crashes[index] += 1
        self.queue.extendleft(reversed(worker.sent))
        if self.crashes[index] < 2:
            self.queue.appendleft((index, path))
            return
        self._report(Extraction(index, code="worker_crashed", message="the worker process died reading this file"))

    def _enforce_deadlines(self) -> None:
        """Kill a worker stuck on a document past ``timeout + HARD_GRACE``; requeue the rest."""
        if self.settings.timeout <= 0:
            return
        limit = time.monotonic() - self.settings.timeout - HARD_GRACE
        for worker in list(self.slots):
            if worker is None or not worker.sent or worker.since >= limit:
                continue
            self._retire(worker)
            index, _ = worker.sent.popleft()
            self.queue.extendleft(reversed(worker.sent))
            self._report(timed_out(index, self.settings.timeout))

    def _retire(self, worker: _Worker) -> None:
        """Kill the worker (if it still runs) and free its slot."""
        self.slots[self.slots.index(worker)] = None
        worker.kill()
        worker.process.join(REAP_SECONDS)


# --------------------------------------------------------------------------- worker side


def serve(connection: Connection, settings: WorkerSettings, parent: int) -> None:
    """A worker's life: run each task received, send its ``Extraction`` back; ends when the
    pipe closes (or with the parent, see the contract)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent(parent)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    limit_memory(settings.max_memory)
    while True:
        try:
            index, path = connection.recv()
        except (EOFError, OSError):
            return
        extraction = run_document(index, path, settings)
        try:
            connection.send(extraction)
        except MemoryError:  # pickling comes before any byte is written: send something smaller
            connection.send(Extraction(index, code="too_complex", message="the record is too large to send"))
        except OSError:
            return


def _die_with_parent(parent: int) -> None:
    """SIGKILL this process when its parent dies (Linux), else watch the parent from a thread."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl failed")
    except (OSError, AttributeError):
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_WATCH_SECONDS)
    os._exit(1)


def extract_parallel(tasks: Sequence[Task], settings: WorkerSettings, workers: int, on_done: OnDone) -> None:
    """Run every task on a pool of ``workers`` processes (see the module docstring)."""
    WorkerPool(settings, min(workers, max(1, len(tasks))), on_done).run(tasks)

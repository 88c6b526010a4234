"""Interrupts during a batch: Ctrl-C (SIGINT) and ``kill`` (SIGTERM) both become
``KeyboardInterrupt`` in the main thread, so that a run cleans up the same way for either.

Contract:
- Inside ``interrupts_raised()`` every SIGINT or SIGTERM raises KeyboardInterrupt where the
  main thread is; the previous handlers come back when the block ends.
- Inside ``interrupts_deferred()`` (the way out of a run: stopping the workers, writing the
  checkpoint, releasing the folder; starting a worker) they wait, blocked, and arrive when the
  block ends: an impatient second Ctrl-C cannot cut the checkpoint short, and still ends the run.
- Outside the main thread (where Python delivers no signal) neither block changes anything.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

STOP_SIGNALS = frozenset({signal.SIGINT, signal.SIGTERM})


class _Deferral:
    """How many ``interrupts_deferred`` blocks are open, and whether an interrupt waits."""

    depth = 0
    pending = False


def _interrupt(signum: int, frame: FrameType | None) -> None:
    if _Deferral.depth:
        _Deferral.pending = True
        return
    raise KeyboardInterrupt


@contextmanager
def interrupts_raised() -> Iterator[None]:
    """See the module docstring."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {number: signal.signal(number, _interrupt) for number in STOP_SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)


@contextmanager
def interrupts_deferred() -> Iterator[None]:
    """See the module docstring. The handler notes what arrives (another thread of the process
    may take the signal: pyarrow's, say); the signals are also blocked in this thread, so that a
    process forked inside starts with them blocked."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    _Deferral.depth += 1
    try:
        yield
    finally:
        _Deferral.depth -= 1
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        if not _Deferral.depth and _Deferral.pending:
            _Deferral.pending = False
            raise KeyboardInterrupt


def quiet_finalizers() -> None:
    """A batch abandoned half-way leaves writers whose clean-up fails when they are collected
    (openpyxl's row generators over a closed file): "Exception ignored in ..." tracebacks on
    stderr after our one line. The run is over; let them go quietly."""
    sys.unraisablehook = lambda unraisable: None

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
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

STOP_SIGNALS = frozenset({signal.SIGINT, signal.SIGTERM})


def _interrupt(signum: int, frame: FrameType | None) -> None:
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
    """See the module docstring (a process forked inside starts with them blocked too)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)

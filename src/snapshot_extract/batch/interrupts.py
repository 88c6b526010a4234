"""Interrupts during a batch: Ctrl-C (SIGINT) and ``kill`` (SIGTERM) both become one
``KeyboardInterrupt`` in the main thread, so that a run cleans up the same way for either.

Contract: inside ``interrupts_raised()`` the first SIGINT or SIGTERM raises KeyboardInterrupt
where the main thread is; later ones are ignored until the block ends, so that the way out
(stopping the workers, writing the checkpoint) is never cut short by an impatient second
Ctrl-C. The previous handlers come back when the block ends. Outside the main thread (where
Python delivers no signal) the block changes nothing.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@contextmanager
def interrupts_raised() -> Iterator[None]:
    """See the module docstring."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    raised = False

    def interrupt(signum: int, frame: FrameType | None) -> None:
        nonlocal raised
        if not raised:  # once: the run is on its way out after the first
            raised = True
            raise KeyboardInterrupt

    previous = {number: signal.signal(number, interrupt) for number in STOP_SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)

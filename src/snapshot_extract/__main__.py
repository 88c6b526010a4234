"""``snapshot-extract`` (and ``python -m snapshot_extract``): the command line, listening for
SIGINT and SIGTERM from its first instant.

Importing the libraries takes about half a second, and an interrupt raised in the middle of an
import can be lost (Python only prints one raised in an import lock's callback; a C extension
may clear one): a batch would then run on as if nothing had happened. So until the command is
ready an interrupt is only noted, and a command interrupted that early exits 130 with one line,
before it has touched anything. After that, ``cli`` (and for a batch, ``batch.interrupts``)
handle them; once the command has finished, they are ignored: Python resets its handlers to the
default while it tears down, and an interrupt there would end the process by the signal (exit
-2) after the command had decided, and printed, its own outcome.
"""

from __future__ import annotations

import signal
import sys
from types import FrameType

EXIT_INTERRUPTED = 130


def main() -> None:
    """Note interrupts while the command line is imported, then run it."""
    noted: list[int] = []

    def note(signum: int, frame: FrameType | None) -> None:
        noted.append(signum)

    previous = {number: signal.signal(number, note) for number in (signal.SIGINT, signal.SIGTERM)}
    from .cli import main as run  # the heavy imports

    for number, handler in previous.items():
        signal.signal(number, handler)
    if noted:
        sys.stderr.write("error: interrupted while starting; nothing was done\n")
        sys.exit(EXIT_INTERRUPTED)
    try:
        run()
    finally:  # the outcome is decided and told: an interrupt now cannot kill the interpreter's teardown
        for number in (signal.SIGINT, signal.SIGTERM):  # (Python resets its handlers to the default there)
            signal.signal(number, signal.SIG_IGN)
        _forget_handled_interrupt()


def _forget_handled_interrupt() -> None:
    """CPython marks an interrupt as unhandled when a KeyboardInterrupt leaves code it runs from a
    string (``exec``: the classes dataclasses and named tuples make while a module is imported),
    even if a caller then handles it, and at exit kills itself by SIGINT (exit -2) over the exit
    status the command chose. The command handles its interrupts: clear the mark where this
    Python exposes it (3.11; a KeyboardInterrupt that leaves ``main`` marks it again after this)."""
    import ctypes
    from contextlib import suppress

    with suppress(ValueError, AttributeError):  # not exported by this build
        ctypes.c_int.in_dll(ctypes.pythonapi, "_Py_UnhandledKeyboardInterrupt").value = 0


if __name__ == "__main__":
    main()

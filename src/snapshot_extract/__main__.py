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


if __name__ == "__main__":
    main()

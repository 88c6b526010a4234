"""Resource limits for one document, so that a crafted file is refused instead of taking the
machine: caps on what one PDF page may hold, a time limit and an address-space limit.

Contract:
- Page caps (checked by both PDF backends as they go, so they stop early): at most
  ``MAX_SPANS_PER_PAGE`` text spans, ``MAX_DRAWINGS_PER_PAGE`` drawings (filled or stroked
  paths) and ``MAX_GLYPHS_PER_PAGE`` characters per page. A snapshot page holds ~100 spans,
  ~50 drawings and ~2,000 characters, so only a pathological page comes near them. Over a cap
  -> ``TooComplex`` (code ``too_complex``).
- ``time_limit(seconds)``: raises ``DeadlineExceeded`` inside the block once ``seconds`` have
  passed (a ``SIGALRM`` timer: POSIX main thread only, and it cannot interrupt a call stuck in C
  code; the batch's worker pool adds a hard limit for that).
- ``limit_memory(megabytes)``: this process may grow its address space by at most that much
  beyond its current size (``RLIMIT_AS``; ``DEFAULT_MAX_MEMORY`` for a batch worker); past it,
  allocations fail (``MemoryError``, or an allocation error in a PDF library) and the document
  is refused as ``too_complex``.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from .errors import TooComplex

MAX_SPANS_PER_PAGE = 10_000
MAX_DRAWINGS_PER_PAGE = 10_000
MAX_GLYPHS_PER_PAGE = 50_000
DEFAULT_MAX_MEMORY = 1024  # MB a batch worker may grow by beyond its size at start-up


def check_page(page: int, spans: int = 0, drawings: int = 0, glyphs: int = 0) -> None:
    """Raise ``TooComplex`` when a count of page ``page`` (1-based) is over its cap."""
    for count, cap, what in ((spans, MAX_SPANS_PER_PAGE, "text spans"),
                             (drawings, MAX_DRAWINGS_PER_PAGE, "drawings"),
                             (glyphs, MAX_GLYPHS_PER_PAGE, "characters")):  # fmt: skip
        if count > cap:
            raise TooComplex(f"page {page} is too complex: more than {cap:,} {what}")


def memory_refused() -> TooComplex:
    """The error for a document that ran out of memory (or into ``limit_memory``'s cap)."""
    return TooComplex("too complex: needs more memory than a document may use")


class DeadlineExceeded(BaseException):
    """Raised by ``time_limit``; a BaseException so that ``except Exception`` cannot swallow it."""


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise DeadlineExceeded


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``DeadlineExceeded`` inside the block after ``seconds`` (``<= 0``: no limit; not
    on the main thread of a POSIX process: no limit either)."""
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


def limit_memory(megabytes: int) -> bool:
    """Let this process's address space grow by at most ``megabytes`` beyond its current size;
    False where that cannot be done (no ``resource`` module or ``/proc``), True once it is."""
    if megabytes <= 0:
        return False
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as stream:
            current = int(stream.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        wanted = current + megabytes * 1024 * 1024
        if hard != resource.RLIM_INFINITY:
            wanted = min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    except (ImportError, OSError, ValueError):
        return False
    return True

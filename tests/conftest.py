from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import pytest

from snapshot_extract.vocabulary import Vocabulary, load_vocabulary

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


@pytest.fixture(scope="session")
def vocabulary() -> Vocabulary:
    return load_vocabulary()


class Hang(Exception):
    """Raised by ``hard_limit``'s alarm when a call runs past its time limit."""


@contextmanager
def hard_limit(seconds: int) -> Iterator[None]:
    """Fail a call that hangs instead of stalling the test run (SIGALRM, main thread only)."""

    def _alarm(signum: int, frame: FrameType | None) -> None:
        raise Hang(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)

"""Atomic file output: readers see the old file or the new one, never half of one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import BinaryIO


@cache
def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


@contextmanager
def open_atomic(path: Path) -> Iterator[BinaryIO]:
    """A stream onto a temporary file beside ``path`` (``.<name>.<random>``) that replaces ``path``
    when the block ends; an exception removes it and leaves ``path`` as it was. The file gets the
    permissions a plain ``open()`` would give it (mkstemp's own are owner-only)."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.fchmod(handle, 0o666 & ~_umask())
        with os.fdopen(handle, "wb") as stream:
            yield stream
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see ``open_atomic``)."""
    with open_atomic(path) as stream:
        stream.write(data)

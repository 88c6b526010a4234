"""Atomic file output: readers see the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import BinaryIO

from .errors import OutputError


@cache
def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


@contextmanager
def open_atomic(path: Path) -> Iterator[BinaryIO]:
    """A stream onto a temporary file beside ``path`` (``.<name>.<random>``) that replaces ``path``
    when the block ends; an exception removes it and leaves ``path`` as it was. The file gets the
    permissions a plain ``open()`` would give it (mkstemp's own are owner-only).

    A failed write (disk full, no permission, read-only file system, a folder named ``path``)
    raises ``OutputError`` naming ``path``, never the temporary file."""
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as error:
        raise OutputError.from_os_error(error, str(path)) from None
    try:
        os.fchmod(handle, 0o666 & ~_umask())
        with os.fdopen(handle, "wb") as stream:
            yield stream
        os.replace(temporary, path)
    except BaseException as error:
        with contextlib.suppress(OSError):  # on a read-only file system it cannot go either
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise OutputError.from_os_error(error, str(path)) from None
        raise


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see ``open_atomic``)."""
    with open_atomic(path) as stream:
        stream.write(data)

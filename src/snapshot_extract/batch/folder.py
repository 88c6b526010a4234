"""The output folder of one batch run: one writer at a time, no stale temporaries, and disk
space set aside so that the manifest can still be written when the disk fills up.

Contract (``OutputFolder.open`` ... ``close``):
- Lock: ``LOCK_NAME`` in the folder is locked (``flock``, exclusive) for the whole run and holds
  the holder's pid and start time; a second run on the same folder raises ``FolderBusy`` (one
  line naming the holder) before touching anything. The lock goes with the process (also on
  ``kill -9``); worker processes never hold it (it is closed in every forked child). ``close``
  removes the file.
- Checks, before any work: the folder is a folder (created if missing) and writable; ``json/``
  is a folder (created); no output name is taken by something else than a file (a folder
  named ``records.jsonl``) -> ``BatchArgumentError``, one line.
- Sweep: temporaries that a killed run left (``.<output>.<8 random>``, the reserve) are removed
  on ``open`` and again by ``sweep`` (which a run calls on its way out, for one an interrupt
  left between creating and registering it). Nothing else is ever removed here.
- Reserve: ``reserve(size)`` takes ``size`` bytes of disk in ``RESERVE_NAME``; ``free_reserve``
  gives them back, just before the manifest is written after a full disk.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import tempfile
import time
from pathlib import Path

from ..errors import OutputError
from .inputs import BatchArgumentError

LOCK_NAME = ".snapshot-extract.lock"
RESERVE_NAME = ".manifest.json.reserve"
OUTPUT_NAMES = ("records.jsonl", "snapshots.csv", "snapshots_long.csv", "snapshots.xlsx",
                "snapshots.parquet", "columns.csv", "errors.csv", "manifest.json")  # fmt: skip
HOLDER_WAIT_SECONDS = 0.5  # a holder writes its line right after locking
_TEMPORARY_RE = re.compile(r"\.(?P<name>.+)\.[a-z0-9_]{8}")  # tempfile.mkstemp(prefix=".<name>.")
_HELD: set[int] = set()  # lock descriptors this process holds (closed in forked children)


class FolderBusy(BatchArgumentError):
    """Another run holds the output folder."""

    code = "busy"


def _close_held_in_child() -> None:
    """A forked child must not keep the parent's lock alive: it closes its copies (the lock
    stays the parent's as long as the parent's own descriptor is open)."""
    for descriptor in list(_HELD):
        with contextlib.suppress(OSError):
            os.close(descriptor)
    _HELD.clear()


os.register_at_fork(after_in_child=_close_held_in_child)


class OutputFolder:
    """The ``--out`` folder, held by this run (see the module docstring)."""

    def __init__(self, path: Path, lock: int) -> None:
        self.path = path
        self.lock = lock
        self.reserved = False

    @classmethod
    def open(cls, path: Path, files: tuple[str, ...], json_folder: bool) -> OutputFolder:
        """Create, lock, check and sweep the folder; ``files`` are the output names this run
        writes. Raises ``BatchArgumentError`` (``FolderBusy``) if it cannot be used."""
        _create(path, json_folder=False)
        folder = cls(path, _lock(path))
        try:
            _check_names(path, files, json_folder)
            _create(path, json_folder)
            folder.sweep()
        except BaseException:
            folder.close()
            raise
        return folder

    def sweep(self) -> None:
        """Remove the temporaries a killed run left (``.<output>.<8 random>``, the reserve)."""
        json_folder = self.path / "json"
        for folder, ours in ((self.path, lambda name: name in OUTPUT_NAMES),
                             (json_folder, lambda name: name.endswith(".json"))):  # fmt: skip
            with contextlib.suppress(OSError):
                for entry in os.scandir(folder):
                    match = _TEMPORARY_RE.fullmatch(entry.name)
                    stale = (match is not None and ours(match["name"])) or (
                        folder == self.path and entry.name == RESERVE_NAME)
                    if stale and entry.is_file(follow_symlinks=False):
                        with contextlib.suppress(OSError):
                            os.unlink(entry.path)

    def reserve(self, size: int) -> None:
        """Set ``size`` bytes of disk aside (``OutputError`` if the disk cannot give them)."""
        target = self.path / RESERVE_NAME
        try:
            descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o644)
            self.reserved = True
            try:
                _allocate(descriptor, size)
            finally:
                os.close(descriptor)
        except OSError as error:
            self.free_reserve()
            raise OutputError.from_os_error(error, str(self.path)) from None

    def free_reserve(self) -> None:
        if self.reserved:
            with contextlib.suppress(OSError):
                (self.path / RESERVE_NAME).unlink()
            self.reserved = False

    def close(self) -> None:
        """Give the reserve back, remove the lock file and release the lock."""
        self.free_reserve()
        with contextlib.suppress(OSError):
            (self.path / LOCK_NAME).unlink()
        _HELD.discard(self.lock)
        os.close(self.lock)


def _create(path: Path, json_folder: bool) -> None:
    if path.exists() and not path.is_dir():
        raise BatchArgumentError("not a folder", str(path))
    try:
        path.mkdir(parents=True, exist_ok=True)
        if json_folder:
            (path / "json").mkdir(exist_ok=True)
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError as error:
        raise BatchArgumentError(f"cannot write here ({error.strerror or error})", str(path)) from None


def _check_names(path: Path, files: tuple[str, ...], json_folder: bool) -> None:
    for name in files:
        target = path / name
        if os.path.lexists(target) and not target.is_file():
            raise BatchArgumentError("something else than a file has this output's name: move it away "
                                     "or choose another --out", str(target))  # fmt: skip
    target = path / "json"
    if json_folder and os.path.lexists(target) and not target.is_dir():
        raise BatchArgumentError("a file has the name of the json/ folder: move it away or choose "
                                 "another --out", str(target))  # fmt: skip


def _lock(path: Path) -> int:
    """Lock ``LOCK_NAME`` in ``path`` and write our line in it; ``FolderBusy`` if it is held."""
    target = path / LOCK_NAME
    for _ in range(5):
        try:
            descriptor = os.open(target, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as error:
            raise BatchArgumentError(f"cannot write here ({error.strerror or error})", str(path)) from None
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(descriptor)
            os.close(descriptor)
            raise FolderBusy(f"in use by another batch ({holder}): wait for it to finish or choose "
                             "another --out", str(path)) from None  # fmt: skip
        if _same_file(descriptor, target):
            break
        os.close(descriptor)  # a finishing run removed it between our open and our lock: again
    else:  # pragma: no cover - five runs finishing under our feet
        raise FolderBusy("in use by other batches: try again", str(path))
    _HELD.add(descriptor)
    started = time.strftime("%Y-%m-%d %H:%M:%S %z")
    with contextlib.suppress(OSError):
        os.ftruncate(descriptor, 0)
        os.write(descriptor, f"pid {os.getpid()}, started {started}\n".encode())
    return descriptor


def _same_file(descriptor: int, target: Path) -> bool:
    try:
        ours, named = os.fstat(descriptor), os.stat(target)
    except OSError:
        return False
    return (ours.st_dev, ours.st_ino) == (named.st_dev, named.st_ino)


def _holder(descriptor: int) -> str:
    """The holder's line (``pid …, started …``), waiting briefly for it to be written."""
    deadline = time.monotonic() + HOLDER_WAIT_SECONDS
    while True:
        text = os.pread(descriptor, 200, 0).decode("utf-8", "replace").strip()
        if text or time.monotonic() > deadline:
            return text or "pid unknown"
        time.sleep(0.02)


def _allocate(descriptor: int, size: int) -> None:
    """Really take ``size`` bytes: ``posix_fallocate``, or zeros where a file system has not it."""
    if hasattr(os, "posix_fallocate"):
        try:
            os.posix_fallocate(descriptor, 0, size)
            return
        except OSError as error:
            if error.errno not in (errno.EOPNOTSUPP, errno.EINVAL):
                raise
    block = b"\0" * 65536
    for start in range(0, size, len(block)):
        os.write(descriptor, block[: min(len(block), size - start)])

"""Inputs of a batch: what the arguments name (``discover_inputs``), a ``json/`` name for each
document (``assign_names``) and its fingerprint (``file_sha256``).

Contract:
- Inputs are files, folders (searched recursively for ``*.pdf``, ``*.txt``, ``*.md``) or glob
  patterns; duplicates are dropped and everything is ordered by path, so the same inputs give
  the same batch whatever the file system's listing order.
- A file named explicitly is always taken if it is a readable regular file (or a symbolic link
  to one). In a folder, hidden folders are not searched, and a candidate (a name ending in one
  of the suffixes) is taken only if it is a readable regular file that is neither hidden nor
  one of the usual documentation files (``DOC_STEMS``: ``README.md``, ``COVERAGE.md``, ...).
- Every candidate not taken is *skipped* with its reason (a pipe, a device, a socket, a
  symbolic link to one or to nothing, a hidden or documentation file, no permission to read it,
  a folder that cannot be listed): the batch lists it in ``errors.csv`` and the manifest with the
  code ``skipped``. Other files (other suffixes) are not candidates and are not mentioned.
- Unusable arguments (a path that does not exist, nothing usable found) raise
  ``BatchArgumentError``.
"""

from __future__ import annotations

import glob
import hashlib
import os
import re
import stat
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SnapshotError

INPUT_SUFFIXES = frozenset({".pdf", ".txt", ".md"})
DOC_STEMS = frozenset({"readme", "changelog", "changes", "history", "license", "licence",
                       "copying", "contributing", "authors", "notes", "coverage", "todo"})  # fmt: skip
_GLOB_CHARS = re.compile(r"[*?\[]")
_RESERVED_NAMES = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                             *(f"lpt{i}" for i in range(1, 10))})  # fmt: skip
_KINDS = ((stat.S_ISFIFO, "a pipe"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))  # fmt: skip


class BatchArgumentError(SnapshotError):
    """The batch cannot start: no inputs, a missing input, an unusable output folder."""

    code = "bad_arguments"


@dataclass
class Discovery:
    """The documents to convert and the candidates skipped (path, reason), each sorted by path."""

    documents: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)


def discover_inputs(inputs: Sequence[str | Path]) -> Discovery:
    """Every document the inputs name and every candidate skipped (see the contract)."""
    documents: dict[str, Path] = {}
    skipped: dict[str, tuple[Path, str]] = {}
    for raw in inputs:
        for path, reason in _expand(str(raw)):
            if reason is None:
                documents.setdefault(os.path.realpath(path), Path(os.path.normpath(path)))
            else:
                skipped.setdefault(os.path.normpath(path), (Path(os.path.normpath(path)), reason))
    found = Discovery(sorted(documents.values(), key=_key), sorted(skipped.values(), key=lambda s: _key(s[0])))
    if not found.documents:
        where = ", ".join(str(raw) for raw in inputs) or "(no inputs)"
        if not found.skipped:
            raise BatchArgumentError("no .pdf, .txt or .md files found", where)
        first, reason = found.skipped[0]
        more = f" and {len(found.skipped) - 1} more" if len(found.skipped) > 1 else ""
        raise BatchArgumentError(f"no usable .pdf, .txt or .md file found (skipped: {first}: {reason}{more})", where)
    return found


def _key(path: Path) -> str:
    return path.as_posix()


Candidate = tuple[Path, str | None]  # (path, None) to take it, else (path, why it is skipped)


def _expand(raw: str) -> list[Candidate]:
    if os.path.lexists(raw):
        return _named(Path(raw))
    if _GLOB_CHARS.search(raw):
        return [found for match in sorted(glob.glob(raw, recursive=True)) for found in _named(Path(match))]
    raise BatchArgumentError("no such file or folder", raw)


def _named(path: Path) -> list[Candidate]:
    """A folder's candidates, or the file itself: taken if it can be read."""
    return _documents_under(path) if path.is_dir() else [(path, unusable(path))]


def _documents_under(folder: Path) -> list[Candidate]:
    """The candidates under ``folder``; hidden folders are not searched (see the contract)."""
    found: list[Candidate] = []

    def unlisted(error: OSError) -> None:
        found.append((Path(error.filename or folder), f"cannot list this folder ({error.strerror or error})"))

    for root, folders, files in os.walk(folder, onerror=unlisted):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in files:
            if Path(name).suffix.lower() in INPUT_SUFFIXES:
                path = Path(root, name)
                found.append((path, _skipped_in_folder(path)))
    return found


def _skipped_in_folder(path: Path) -> str | None:
    if path.name.startswith("."):
        return "hidden file"
    if path.stem.lower() in DOC_STEMS:
        return "documentation file, not a snapshot (name it on its own to convert it)"
    return unusable(path)


def unusable(path: Path) -> str | None:
    """Why the file at ``path`` cannot be read as an input, or None when it can."""
    link = " (through a symbolic link)" if os.path.islink(path) else ""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "symbolic link to nothing" if link else "no such file"
    except OSError as error:
        return f"cannot read ({error.strerror or error})"
    for test, kind in _KINDS:
        if test(mode):
            return f"not a regular file: {kind}{link}"
    if not os.access(path, os.R_OK):
        return "cannot read (permission denied)"
    return None


def safe_stem(file_name: str) -> str:
    """A portable file stem from a file name: ASCII, lower case, ``a-z0-9._-`` only."""
    stem = Path(file_name).stem
    ascii_ = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^a-z0-9._-]+", "-", ascii_.lower()).strip("-._")[:80]
    if not cleaned:
        return "document-" + hashlib.sha256(file_name.encode()).hexdigest()[:8]
    return f"{cleaned}-file" if cleaned in _RESERVED_NAMES else cleaned


def assign_names(paths: Sequence[Path]) -> list[str]:
    """A unique ``json/`` name per input, deterministic for the same (sorted) inputs.

    A stem used once is kept (``enschede``). Inputs sharing a stem all get their extension
    (``enschede-pdf``, ``enschede-txt``); still-equal names get ``-2``, ``-3`` … in path order.
    """
    stems = [safe_stem(path.name) for path in paths]
    counts = Counter(stems)
    taken = {stem for stem, count in counts.items() if count == 1}
    names = []
    for path, stem in zip(paths, stems, strict=True):
        if counts[stem] == 1:
            names.append(stem)
            continue
        base = f"{stem}-{safe_stem(path.suffix.lstrip('.') or 'file')}"
        name, number = base, 2
        while name in taken:
            name, number = f"{base}-{number}", number + 1
        taken.add(name)
        names.append(name)
    return names


def file_sha256(path: Path) -> str | None:
    """Hex digest of the file's bytes, or None if it cannot be read."""
    try:
        with path.open("rb") as stream:
            return hashlib.file_digest(stream, "sha256").hexdigest()
    except OSError:
        return None

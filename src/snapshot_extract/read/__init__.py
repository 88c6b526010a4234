"""Readers: bytes -> ``Document``. One module per input format, one entry point here.

``read_document(path, backend=...)`` picks the reader by content (``%PDF`` magic) and then by
suffix, and raises only ``UnreadableInput`` (or a subclass) for input it cannot read.
"""

from __future__ import annotations

import stat
from pathlib import Path

from ..errors import UnreadableInput
from ..models import Document, PdfOptions
from .ligatures import repair_ligatures
from .text import read_text

PDF_SUFFIXES = frozenset({".pdf"})


MAX_TEXT_BYTES = 5 * 1024 * 1024  # a two-page snapshot dump is ~5 KB
MAX_PDF_BYTES = 100 * 1024 * 1024


def read_document(path: Path, options: PdfOptions | None = None) -> Document:
    """Read one snapshot file (PDF or text dump) into a ``Document``.

    Only regular files are read (a pipe or a device would block or never end), and only up to a
    size no snapshot comes near.
    """
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableInput("not a regular file (a directory, device or pipe)")
        with path.open("rb") as stream:
            head = stream.read(1024)
            is_pdf = head.lstrip()[:5] == b"%PDF-" or path.suffix.lower() in PDF_SUFFIXES
            limit = MAX_PDF_BYTES if is_pdf else MAX_TEXT_BYTES
            # the size stat gave, not the cap: a read sized to the cap allocates the whole cap
            want = min(limit, info.st_size) + 1
            data = head + stream.read(max(want - len(head), 0))
            if len(data) >= want and want <= limit:  # the file grew since: read on, up to the cap
                data += stream.read(limit + 1 - len(data))
    except OSError as error:
        raise UnreadableInput(f"cannot read file ({error.strerror or error})") from None
    if len(data) > limit:
        size = info.st_size / 1024 / 1024
        raise UnreadableInput(f"file too large for a snapshot ({size:.0f} MB)")
    if not data:
        raise UnreadableInput("empty file (0 bytes)")
    if is_pdf:
        from .pdf import read_pdf  # the PDF libraries are imported only when a PDF is read

        return repair_ligatures(read_pdf(data, path.name, options or PdfOptions()))
    return repair_ligatures(read_text(data, path.name))


__all__ = ["PdfOptions", "read_document", "read_text"]

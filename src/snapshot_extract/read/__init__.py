"""Readers: bytes -> ``Document``. One module per input format, one entry point here.

``read_document(path, backend=...)`` picks the reader by content (``%PDF`` magic) and then by
suffix, and raises only ``UnreadableInput`` (or a subclass) for input it cannot read.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import UnreadableInput
from ..models import Document
from .pdf import PdfOptions, read_pdf
from .text import read_text

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ".markdown"})
PDF_SUFFIXES = frozenset({".pdf"})


def read_document(path: Path, options: PdfOptions | None = None) -> Document:
    """Read one snapshot file (PDF or text dump) into a ``Document``."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableInput(f"cannot read file ({error.strerror or error})") from None
    if not data:
        raise UnreadableInput("empty file (0 bytes)")
    if data.lstrip()[:5] == b"%PDF-" or path.suffix.lower() in PDF_SUFFIXES:
        return read_pdf(data, path.name, options or PdfOptions())
    return read_text(data, path.name)


__all__ = ["PdfOptions", "read_document", "read_pdf", "read_text"]

"""PDF reader: bytes -> ``Document``, with PyMuPDF (default, fast) or pdfplumber (detail).

Contract: ``read_pdf(data, file_name, options)`` returns the lines of the document in reading
order (see ``compose``) with page, box (PDF points, top-left origin, 2 decimals), font, size,
bold, colour (RGB 0-1), bullet and grid cells, plus every filled shape as a ``Swatch``. Both
backends feed the same layout stage (``layout`` -> ``order`` -> ``compose``, with
``furniture`` for headers, footers and hyphens), so they give the same lines; only the boxes
may differ by a fraction of a point.

This is the reader boundary: the libraries' exceptions end here. Encrypted without the right
``password`` -> ``EncryptedInput``; more than ``max_pages`` pages -> ``TooManyPages``; no text
(scanned, image-only) -> ``NoTextLayer``; a page over a cap of ``limits``, or a library running
out of memory -> ``TooComplex``; anything else unreadable -> ``UnreadableInput`` with a one-line
reason.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from ..errors import NoTextLayer, SnapshotError, UnreadableInput
from ..limits import memory_refused
from ..models import Document, Line, SourceInfo, Swatch
from . import pdf_mupdf, pdf_plumber
from .compose import compose
from .furniture import Hyphenation, merge_split_title, remove_furniture
from .layout import TextLine, body_size, merge_lines, page_lines, page_shapes, page_units
from .order import order_units
from .page import PageContent

Backend = Literal["pymupdf", "pdfplumber"]
Extractor = Callable[[bytes, str | None, int], list[PageContent]]
BACKENDS: dict[str, Extractor] = {
    "pymupdf": pdf_mupdf.extract_pages,
    "pdfplumber": pdf_plumber.extract_pages,
}
_OUT_OF_MEMORY_RE = re.compile(r"\b(?:malloc|calloc|realloc)\b.*\bfailed\b")  # MuPDF's words


@dataclass(frozen=True)
class PdfOptions:
    backend: Backend = "pymupdf"
    password: str | None = None
    max_pages: int = 20


def read_pdf(data: bytes, file_name: str, options: PdfOptions) -> Document:
    """Read a snapshot PDF into a ``Document`` (see the module docstring)."""
    if options.backend not in BACKENDS:
        raise UnreadableInput(f"unknown PDF backend '{options.backend}' (choose pymupdf or pdfplumber)")
    pages = _extract(data, options)
    if not any(page.spans for page in pages):
        raise NoTextLayer("no text layer (scanned or image-only PDF): run OCR first")
    lines, swatches = layout_document(pages)
    source = SourceInfo(file_name, hashlib.sha256(data).hexdigest(), "pdf", len(pages))
    sizes = tuple((round(page.width, 2), round(page.height, 2)) for page in pages)
    return Document(source=source, lines=tuple(lines), swatches=swatches, page_sizes=sizes)


def _extract(data: bytes, options: PdfOptions) -> list[PageContent]:
    if b"%PDF-" not in data[:1024]:
        raise UnreadableInput("not a PDF file (no %PDF- header)")
    if b"%%EOF" not in data:
        raise UnreadableInput("truncated PDF (no %%EOF end marker): the file was cut off")
    try:
        return BACKENDS[options.backend](data, options.password, options.max_pages)
    except SnapshotError:
        raise
    except Exception as error:  # the libraries raise many types; none may escape the reader
        if _out_of_memory(error):
            raise memory_refused() from None
        raise UnreadableInput(f"not a readable PDF ({_reason(error)})") from None


def _out_of_memory(error: BaseException) -> bool:
    """A MemoryError, also one a C extension wrapped (``SystemError``), or MuPDF's failed
    allocation (a RuntimeError ``code=2: calloc (…) failed``)."""
    if isinstance(error, MemoryError) or isinstance(error.__cause__ or error.__context__, MemoryError):
        return True
    return isinstance(error, RuntimeError) and bool(_OUT_OF_MEMORY_RE.search(str(error)))


def _reason(error: Exception) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= 120 else text[:117] + "..."


def layout_document(pages: list[PageContent]) -> tuple[list[Line], tuple[Swatch, ...]]:
    """The shared layout stage: page contents -> lines in reading order and swatches."""
    shapes = [page_shapes(page) for page in pages]
    per_page = [
        merge_split_title(page_lines(page, containers), merge_lines)
        for page, (containers, _) in zip(pages, shapes, strict=True)
    ]
    size = body_size(per_page)
    per_page = remove_furniture(per_page, [page.height for page in pages], size)
    hyphenation = Hyphenation.from_texts(line.text for lines in per_page for line in lines)
    ordered = [
        order_units(page_units(page, lines), 0.0, page.width)
        for page, lines in zip(pages, per_page, strict=True)
    ]
    swatches = tuple(swatch for _, page_swatches in shapes for swatch in page_swatches)
    return compose(ordered, hyphenation, size), swatches


__all__ = ["PdfOptions", "TextLine", "layout_document", "read_pdf"]

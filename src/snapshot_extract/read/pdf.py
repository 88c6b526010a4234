"""PDF reader: bytes -> ``Document``, with PyMuPDF (default, fast) or pdfplumber (detail).

Contract: ``read_pdf(data, file_name, options)`` returns the lines of the document in reading
order (see ``compose``) with page, box (PDF points, top-left origin, 2 decimals), font, size,
bold, colour (RGB 0-1), bullet and grid cells, plus every filled shape as a ``Swatch``. Both
backends feed the same layout stage (``shapes`` -> ``layout`` -> ``grid`` -> ``order`` -> ``compose``, with
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
from dataclasses import replace
from importlib import import_module

from ..errors import NoTextLayer, SnapshotError, UnreadableInput
from ..limits import memory_refused
from ..models import Document, Line, OcrDoubt, PdfOptions, SourceInfo, Swatch
from ..textutil import RULE_RE
from .compose import compose
from .furniture import remove_furniture
from .grid import with_grids
from .hyphens import Hyphenation, soft_hyphens_drawn
from .layout import TextLine, body_size, mark_overprinted, page_lines, page_units
from .order import order_units
from .page import PageContent, Shape, Span
from .shapes import page_shapes

Extractor = Callable[[bytes, str | None, int], list[PageContent]]
# Backend name -> the module whose ``extract_pages`` reads a PDF; imported when first used (each
# library takes a tenth of a second or more to import, and a run uses one).
BACKENDS = {"pymupdf": "pdf_mupdf", "pdfplumber": "pdf_plumber"}
_OUT_OF_MEMORY_RE = re.compile(r"\b(?:malloc|calloc|realloc)\b.*\bfailed\b")  # MuPDF's words


def backend(name: str) -> Extractor:
    extract_pages: Extractor = import_module(f".{BACKENDS[name]}", __package__).extract_pages
    return extract_pages


def read_pdf(data: bytes, file_name: str, options: PdfOptions) -> Document:
    """Read a snapshot PDF into a ``Document`` (see the module docstring)."""
    if options.backend not in BACKENDS:
        raise UnreadableInput(f"unknown PDF backend '{options.backend}' (choose pymupdf or pdfplumber)")
    pages = _extract(data, options)
    scanned: list[PageContent] = pages
    doubts: tuple[OcrDoubt, ...] = ()
    if options.ocr == "always" or (options.ocr == "auto" and not all(page.spans for page in pages)):
        from .ocr import ocr_pages  # the OCR libraries load only for a page that needs them

        scanned, doubts = ocr_pages(data, options.password, pages, options.ocr)
    if not any(page.spans for page in scanned):
        advice = "run OCR first" if options.ocr == "never" else "OCR found no text either"
        raise NoTextLayer(f"no text layer (scanned or image-only PDF): {advice}")
    read_by_ocr = any(new.spans for new, old in zip(scanned, pages, strict=True) if new is not old)
    if any(page.pictured and page.spans for page in scanned):  # a scan with a text layer: its colours
        from .ocr import pictured_shapes

        scanned = pictured_shapes(data, options.password, scanned)
    lines, swatches = layout_document(scanned)
    source = SourceInfo(file_name, hashlib.sha256(data).hexdigest(), "pdf", len(pages), read_by_ocr)
    sizes = tuple((round(page.width, 2), round(page.height, 2)) for page in pages)
    turned = tuple(Line(text, page.number) for page in pages for text in page.turned)
    return Document(source=source, lines=tuple(lines), swatches=swatches, page_sizes=sizes, doubts=doubts,
                    turned=turned)


def _extract(data: bytes, options: PdfOptions) -> list[PageContent]:
    if b"%PDF-" not in data[:1024]:
        raise UnreadableInput("not a PDF file (no %PDF- header)")
    if b"%%EOF" not in data:
        raise UnreadableInput("truncated PDF (no %%EOF end marker): the file was cut off")
    try:
        return backend(options.backend)(data, options.password, options.max_pages)
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
    if soft_hyphens_drawn("\n".join(span.text for page in pages for span in page.spans)):
        pages = [replace(page, spans=tuple(span._replace(text=span.text.replace("\u00ad", "-"))
                                           for span in page.spans)) for page in pages]
    pages = [_glyph_marks_drawn(page) for page in pages]
    shapes = [page_shapes(page) for page in pages]
    per_page = [
        [line for line in page_lines(page, containers, swatches) if not RULE_RE.match(line.text)]  # typed rules
        for page, (containers, swatches) in zip(pages, shapes, strict=True)
    ]
    size = body_size(per_page)
    per_page = remove_furniture(per_page, [page.height for page in pages], size, [marks for _, marks in shapes])
    for lines in per_page:
        mark_overprinted(lines)
    hyphenation = Hyphenation.from_texts(line.text for lines in per_page for line in lines)
    ordered = [
        order_units(with_grids(page_units(page, lines), page.width), 0.0, page.width)
        for page, lines in zip(pages, per_page, strict=True)
    ]
    swatches = tuple(swatch for _, page_swatches in shapes for swatch in page_swatches)
    return compose(ordered, hyphenation, size), swatches


# Solid marks a font prints ("■", "●"): where a page prints one alone in a colour (not a grey),
# its marks are what drawn swatches would be: a grid cell's marker and its legend key (asciidoctor:
# a green "■" for "Enough data", one in the text's colour for "Not enough data")
_SOLID_MARKS = "■▪◼⬛●⬤◆"
_MARK_RE = re.compile(f"[{_SOLID_MARKS}]")
GLYPH_MARK_HEIGHT = 0.7  # of the font size: how far above its baseline a solid mark is drawn
CHROMA = 0.15  # the spread of a colour's channels: less is a grey


def _glyph_marks_drawn(page: PageContent) -> PageContent:
    """``page`` with its solid marks drawn, out of the text (see ``_SOLID_MARKS``), where one of
    them is printed alone in a colour; else as it is."""
    if not any(span.text in _SOLID_MARKS and span.color is not None and max(span.color) - min(span.color) >= CHROMA
               for span in page.spans):
        return page
    spans: list[Span] = []
    drawn: list[Shape] = []
    for span in page.spans:
        if not _MARK_RE.search(span.text):
            spans.append(span)
            continue
        width = (span.x1 - span.x0) / len(span.text)  # the span's characters, as wide as each other
        start = 0
        for mark in [*_MARK_RE.finditer(span.text), None]:
            end = mark.start() if mark is not None else len(span.text)
            part = span.text[start:end]
            if part.strip():
                lead = len(part) - len(part.lstrip())
                spans.append(span._replace(text=part.strip(), x0=span.x0 + (start + lead) * width,
                                           x1=span.x0 + (start + len(part.rstrip())) * width))
            if mark is not None:
                drawn.append(Shape((span.x0 + end * width, span.baseline - GLYPH_MARK_HEIGHT * span.size,
                                    span.x0 + (end + 1) * width, span.baseline), span.color))
                start = end + 1
    return replace(page, spans=tuple(spans), shapes=page.shapes + tuple(drawn))


__all__ = ["PdfOptions", "TextLine", "layout_document", "read_pdf"]

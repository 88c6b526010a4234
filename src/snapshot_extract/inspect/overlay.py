"""Overlay: one snapshot PDF -> page images with every detection drawn on them, and an HTML page.

Contract: ``inspect_pdf(path, out_dir)`` extracts the record and writes ``page-<n>.png`` per page
(PyMuPDF, ``dpi``), ``record.json`` and ``index.html`` into ``out_dir``. Each image is the page
between two gutters; every box is labelled in the nearer one, with a leader line:

- sections: the heading box (solid) and the extent of the section's lines (dashed), purple;
- field values, from ``record.provenance``: green when the Term's score is confident (or a
  scalar without a warning), amber below that (or a scalar a warning names), red for ``unmapped`` items
  (found again on the page by their text);
- the outcomes grid: every tile outlined by its classification (with / without / doubtful /
  unclassified) and tagged; the legend swatches with their colour.

``index.html`` shows the images beside the record (field, value, score, page); pointing at a row
highlights its boxes, clicking scrolls to them. It needs no network. A text dump raises
``NotAPdf``; unreadable input and non-snapshots raise like ``extract``. Boxes assume unrotated
pages (the readers' coordinates). The marks are found in ``marks``, drawn by ``draw`` and listed
by ``html``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pymupdf as _pymupdf

from ..errors import SnapshotError, UnreadableInput
from ..export.records import record_json
from ..models import Record
from ..pipeline import parse_document
from ..read import PdfOptions, read_document
from ..read.ocr import straight_page_image
from ..vocabulary import Vocabulary, load_vocabulary
from .draw import render_page
from .html import render_html
from .marks import Mark, field_marks, grid_marks, legend_marks, section_marks, unmapped_marks

pymupdf: Any = _pymupdf  # the library is untyped: keep its calls out of mypy's strict checks


class NotAPdf(UnreadableInput):
    code = "not_a_pdf"


@dataclass(frozen=True)
class Inspection:
    record: Record
    images: tuple[Path, ...]
    html: Path
    marks: tuple[Mark, ...]


def inspect_pdf(
    path: str | Path,
    out_dir: str | Path,
    vocabulary: Vocabulary | None = None,
    pdf_options: PdfOptions | None = None,
    dpi: int = 110,
) -> Inspection:
    """Extract one snapshot PDF and draw what was found (see the module docstring)."""
    path, out_dir = Path(path), Path(out_dir)
    options = pdf_options or PdfOptions()
    try:
        data = path.read_bytes()
        if data.lstrip()[:5] != b"%PDF-" and path.suffix.lower() != ".pdf":
            raise NotAPdf("inspect needs a PDF (a text dump has no pages to draw on)")
        vocabulary = vocabulary or load_vocabulary()
        extraction = parse_document(read_document(path, options), vocabulary)
    except OSError as error:
        raise UnreadableInput(f"cannot read file ({error.strerror or error})", str(path)) from None
    except SnapshotError as error:
        raise error.with_file(str(path)) from None
    document, sections, record = extraction.document, extraction.sections, extraction.record
    with _open_pdf(data, options.password) as pdf:
        marks = [*section_marks(sections), *field_marks(record, vocabulary), *grid_marks(record, document),
                 *legend_marks(sections, document), *unmapped_marks(record, sections, pdf)]  # fmt: skip
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise UnreadableInput(f"cannot write here ({error.strerror or error})", str(out_dir)) from None
        pictures = [straight_page_image(pdf[number], options.ocr, dpi) if record.source.ocr else None
                    for number in range(len(pdf))]
        images = tuple(render_page(pdf, number, marks, out_dir, dpi, pictures[number - 1])
                       for number in range(1, len(pdf) + 1))
    (out_dir / "record.json").write_text(record_json(record), encoding="utf-8")
    page_sizes = [(float(w), float(h)) for w, h in document.page_sizes]
    index = out_dir / "index.html"
    index.write_text(render_html(record, marks, images, page_sizes, vocabulary), encoding="utf-8")
    return Inspection(record, images, index, tuple(marks))


def _open_pdf(data: bytes, password: str | None) -> Any:
    pdf = pymupdf.open(stream=data, filetype="pdf")
    if pdf.needs_pass:
        pdf.authenticate(password or "")
    return pdf

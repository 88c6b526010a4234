"""Small PDFs drawn with reportlab for the reader's tests: a page addressed from its top, as a
reader measures it, and the record a drawn document gives through one backend."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from snapshot_extract.models import Record
from snapshot_extract.pipeline import parse_document
from snapshot_extract.read import PdfOptions
from snapshot_extract.read.pdf import read_pdf
from snapshot_extract.vocabulary import Vocabulary

BACKENDS = ("pymupdf", "pdfplumber")
INK, GREEN, RED = Color(0.1, 0.1, 0.1), Color(0.0, 0.47, 0.42), Color(0.75, 0.22, 0.17)


class Page:
    """A reportlab page addressed from its top, as a reader measures it."""

    def __init__(self, canvas: Canvas, height: float) -> None:
        self.canvas, self.height = canvas, height

    def text(self, x: float, top: float, text: str, size: float = 10, colour: Color = INK,
             font: str = "Helvetica") -> None:
        self.canvas.setFillColor(colour)
        self.canvas.setFont(font, size)
        self.canvas.drawString(x, self.height - top, text)

    def lines(self, x: float, top: float, texts: list[str], pitch: float, size: float = 10) -> float:
        for number, text in enumerate(texts):
            self.text(x, top + number * pitch, text, size)
        return top + len(texts) * pitch


def drawn_record(tmp_path: Path, pages: list, backend: str, vocabulary: Vocabulary,
                 size: tuple[float, float] = A4) -> Record:
    path = tmp_path / "case.pdf"
    canvas = Canvas(str(path), pagesize=size, invariant=1)
    for draw in pages:
        draw(Page(canvas, size[1]))
        canvas.showPage()
    canvas.save()
    document = read_pdf(path.read_bytes(), "case.pdf", PdfOptions(backend=backend))  # type: ignore[arg-type]
    return parse_document(document, vocabulary).record


def header(page: Page) -> None:
    page.text(40, 40, "City Innovation Snapshot")
    page.text(40, 60, "MIREFLEUR, Canada", size=14)

"""PDF reader (placeholder until the PDF issue lands): raises ``UnreadableInput``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..errors import UnreadableInput
from ..models import Document


@dataclass(frozen=True)
class PdfOptions:
    backend: Literal["pymupdf", "pdfplumber"] = "pymupdf"
    password: str | None = None
    max_pages: int = 20


def read_pdf(data: bytes, file_name: str, options: PdfOptions) -> Document:
    raise UnreadableInput("PDF input is not supported yet")

"""Command-line options shared by the commands, and reading a document from stdin (``-``).
Only ``cli`` imports this module."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from .pipeline import Result

STDIN_NAME = "stdin"  # the file name a record read from stdin carries (source.file)


class Backend(StrEnum):
    """The PDF backends (``--backend``)."""

    pymupdf = "pymupdf"
    pdfplumber = "pdfplumber"


class Ocr(StrEnum):
    """When to OCR a PDF page (``--ocr``): the pages without a text layer, every page, or none."""

    auto = "auto"
    always = "always"
    never = "never"


class ParseFormat(StrEnum):
    """What ``parse`` prints (``--format``)."""

    json = "json"
    csv = "csv"


VocabularyOption = Annotated[
    Path | None,
    typer.Option("--vocabulary", help="Vocabulary file (JSON, or markdown like docs/vocabulary.md) extending the "
                 "packaged one."),
]
ReplaceOption = Annotated[
    bool, typer.Option("--replace-vocabulary", help="Replace the packaged vocabulary instead of extending it.")
]
BackendOption = Annotated[
    Backend, typer.Option("--backend", case_sensitive=False, help="PDF backend: pymupdf (fast) or pdfplumber (detail).")
]
PasswordOption = Annotated[
    str | None,
    typer.Option("--password", envvar="SNAPSHOT_PASSWORD", show_envvar=True,
                 help="Password for encrypted PDFs (better: the environment variable, which ps does not show)."),
]
OcrOption = Annotated[
    Ocr, typer.Option("--ocr", case_sensitive=False,
                      help="OCR (Tesseract): auto (the pages without a text layer), always or never."),
]
TimeoutOption = Annotated[
    float, typer.Option("--timeout", min=0, help="Seconds per document before it fails as 'timeout' (0: none).")
]
MaxPagesOption = Annotated[int, typer.Option("--max-pages", min=1, help="Refuse longer PDFs.")]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show tracebacks for unexpected errors.")]


@contextmanager
def stdin_as_file(files: list[Path]) -> Iterator[list[Path]]:
    """``files`` with ``-`` replaced by a temporary file named ``stdin`` holding standard input."""
    if Path("-") not in files:
        yield files
        return
    from .read import MAX_PDF_BYTES

    with tempfile.TemporaryDirectory(prefix="snapshot-extract-") as folder:
        path = Path(folder) / STDIN_NAME
        path.write_bytes(sys.stdin.buffer.read(MAX_PDF_BYTES + 1))
        yield [path if file == Path("-") else file for file in files]


def as_given(result: Result, given: Path) -> Result:
    """The result with its error naming the path as the user gave it (``-`` for stdin)."""
    from .pipeline import Result

    if result.error is None or result.path == given:
        return result
    return Result(given, result.record, result.error.with_file(str(given)))

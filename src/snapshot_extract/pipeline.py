"""Pipeline: path -> ``Record``. The one place that chains read -> sections -> record.

``extract(path)`` raises only ``SnapshotError`` subclasses; ``extract_all(paths)`` yields one
``Result`` per path (a record or the error), so one bad file never stops a batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import ExtractionTimeout, InternalError, NotASnapshot, SnapshotError
from .fields import map_fields
from .models import Document, FieldResult, Record, Sections
from .read import PdfOptions, read_document
from .record import build_record
from .sections import detect_sections
from .vocabulary import Vocabulary, load_vocabulary

MIN_SECTIONS = 1
MIN_SECTIONS_WITHOUT_HEADER = 3  # known headings that make a document a snapshot whose header was lost


@dataclass(frozen=True)
class Result:
    """The envelope for one input: ``status`` is ok / partial (warnings) / failed."""

    path: Path
    record: Record | None
    error: SnapshotError | None

    @property
    def status(self) -> str:
        if self.record is None:
            return "failed"
        return "partial" if self.record.warnings else "ok"


@dataclass(frozen=True)
class Extraction:
    """Every stage's result for one document: what ``inspect`` draws and the record it explains."""

    document: Document
    sections: Sections
    fields: dict[str, FieldResult]
    record: Record


def parse_document(document: Document, vocabulary: Vocabulary) -> Extraction:
    """Sections + fields + record for an already-read document."""
    sections = detect_sections(document, vocabulary)
    known = [key for key, section in sections.sections.items() if section.heading is not None]
    if sections.header is None and len(known) < MIN_SECTIONS_WITHOUT_HEADER:
        raise NotASnapshot(f"no 'City Innovation Snapshot <city>, <country>' header and {len(known)} known section "
                           f"heading(s) (need a header or {MIN_SECTIONS_WITHOUT_HEADER})")
    if len(sections.header_cities) > 1:
        raise NotASnapshot(
            f"holds {len(sections.header_cities)} snapshots ({', '.join(sections.header_cities)}): split the file"
        )
    if len(sections.sections) < MIN_SECTIONS:
        raise NotASnapshot(
            f"only {len(sections.sections)} snapshot section(s) recognised (need {MIN_SECTIONS})"
        )
    fields = map_fields(sections, vocabulary, document.swatches)
    return Extraction(document, sections, fields, build_record(document, sections, fields, vocabulary))


def extract(
    path: str | Path,
    vocabulary: Vocabulary | None = None,
    pdf_options: PdfOptions | None = None,
) -> Record:
    """Read one snapshot (PDF or text dump) and return its validated record."""
    path = Path(path)
    try:
        document = read_document(path, pdf_options)
        return parse_document(document, vocabulary or load_vocabulary()).record
    except SnapshotError as error:
        raise error.with_file(str(path)) from None


def extract_all(
    paths: Iterable[str | Path],
    vocabulary: Vocabulary | None = None,
    pdf_options: PdfOptions | None = None,
    debug: bool = False,
    timeout: float = 0,
) -> Iterator[Result]:
    """Extract every path in order; failures are yielded as ``Result``s, never raised.

    An unexpected exception (a bug) becomes an ``InternalError`` result too, unless ``debug``;
    a document that takes longer than ``timeout`` seconds (``0``: no limit; the main thread
    only) an ``ExtractionTimeout`` one.
    """
    from .limits import DeadlineExceeded, time_limit

    vocabulary = vocabulary or load_vocabulary()
    for raw in paths:
        path = Path(raw)
        try:
            with time_limit(timeout):
                record = extract(path, vocabulary, pdf_options)
            yield Result(path, record, None)
        except DeadlineExceeded:
            yield Result(path, None, ExtractionTimeout(f"extraction took longer than {timeout:g} s", str(path)))
        except SnapshotError as error:
            yield Result(path, None, error)
        except Exception as error:
            if debug:
                raise
            reason = f"internal error ({type(error).__name__}: {error}); rerun with --debug for a traceback"
            yield Result(path, None, InternalError(reason, str(path)))

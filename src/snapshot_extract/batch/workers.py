"""Workers: what runs one document (``run_document``), and the serial way of running many
(``extract_serial``, in this process); ``pool`` runs them in worker processes.

Contract: every task yields exactly one ``Extraction`` (the ``RecordParts`` of its record, or an
error code and a one-line message) through ``on_done``, in completion order; nothing here raises
for a bad document. ``on_done`` returns False to stop early (fail-fast); tasks not yet done are
dropped. The ``Record`` itself never leaves ``run_document``: the worker turns it into the parts
the outputs need (``WorkerSettings.parts``), so that work runs in parallel and whoever collects
the results holds only those parts.

Limits (``limits``): a soft time limit (``SIGALRM``) raises inside the extraction after
``timeout`` seconds -> code ``timeout`` (``timeout <= 0``: none); it cannot interrupt a call
stuck in C code, for which the pool adds a hard limit. A document that runs out of memory (in a
worker, past ``max_memory`` MB) -> ``too_complex``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import SnapshotError
from ..export.records import record_json, records_jsonl
from ..export.tables import ROW_MAKERS
from ..limits import DEFAULT_MAX_MEMORY, DeadlineExceeded, memory_refused, time_limit
from ..models import Record
from ..pipeline import extract
from ..read import PdfOptions
from ..vocabulary import Vocabulary

Task = tuple[int, str]  # (position in the batch, path)
PART_NAMES = ("json", "jsonl", *ROW_MAKERS)


@dataclass(frozen=True)
class WorkerSettings:
    """What every worker needs, sent once per worker process. ``parts``: which ``RecordParts``
    to make of each record (names from ``PART_NAMES``); ``one_hot``: wide rows get the
    vocabulary's one-hot columns; ``max_memory``: MB a pool worker may grow by (0: no cap)."""

    vocabulary: Vocabulary
    pdf_options: PdfOptions
    timeout: float
    parts: frozenset[str] = frozenset()
    one_hot: bool = False
    max_memory: int = DEFAULT_MAX_MEMORY

    def __post_init__(self) -> None:
        unknown = sorted(self.parts - set(PART_NAMES))
        if unknown:  # a bug in the caller: fail before any work, not once per document
            raise ValueError(f"unknown record part '{', '.join(unknown)}' (choose from: {', '.join(PART_NAMES)})")


@dataclass(frozen=True)
class RecordParts:
    """What the outputs need of one record, made where the record is made. ``values`` holds
    only the parts asked for: ``json`` (``record_json``: pretty, for ``json/<name>.json``),
    ``jsonl`` (its line of ``records.jsonl``), and the table rows ``wide``, ``long``,
    ``warnings``, ``unmapped`` (``tables.ROW_MAKERS``)."""

    warnings: int
    values: dict[str, Any] = field(default_factory=dict)


def record_parts(record: Record, parts: frozenset[str], one_hot: Vocabulary | None = None) -> RecordParts:
    """The ``parts`` of ``record`` (wide rows with ``one_hot`` columns when it is a vocabulary)."""
    values: dict[str, Any] = {}
    if "json" in parts:
        values["json"] = record_json(record)
    if "jsonl" in parts:
        values["jsonl"] = records_jsonl([record])
    for name, make in ROW_MAKERS.items():
        if name in parts:
            values[name] = make(record, one_hot)
    return RecordParts(len(record.warnings), values)


@dataclass(frozen=True)
class Extraction:
    """The outcome of one task: ``parts`` of its record, or (``code``, ``message``)."""

    index: int
    parts: RecordParts | None = None
    code: str | None = None
    message: str | None = None


OnDone = Callable[[Extraction], bool]


def run_document(index: int, path: str, settings: WorkerSettings) -> Extraction:
    """Extract one document and make the ``settings.parts`` of its record (under the time
    limit); every failure becomes an ``Extraction`` with a code, never raises."""
    one_hot = settings.vocabulary if settings.one_hot else None
    try:
        with time_limit(settings.timeout):
            record = extract(path, settings.vocabulary, settings.pdf_options)
            parts = record_parts(record, settings.parts, one_hot)
        return Extraction(index, parts=parts)
    except DeadlineExceeded:
        return timed_out(index, settings.timeout)
    except SnapshotError as error:
        return Extraction(index, code=error.code, message=error.reason)
    except MemoryError:
        refused = memory_refused()
        return Extraction(index, code=refused.code, message=refused.reason)
    except Exception as error:  # a bug must not stop the batch: report it as data
        return Extraction(index, code="internal_error", message=f"{type(error).__name__}: {error}")


def timed_out(index: int, timeout: float) -> Extraction:
    return Extraction(index, code="timeout", message=f"extraction took longer than {timeout:g} s")


def extract_serial(tasks: Sequence[Task], settings: WorkerSettings, on_done: OnDone) -> None:
    """Run every task in this process, in order (soft time limit only)."""
    for index, path in tasks:
        if not on_done(run_document(index, path, settings)):
            return

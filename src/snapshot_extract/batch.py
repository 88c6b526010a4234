"""Batch: many inputs -> one output folder of analyst-ready files. ``convert_batch`` is the
whole of ``snapshot-extract batch``.

Contract:
- Inputs are files, folders (searched recursively for ``*.pdf``, ``*.txt``, ``*.md``; hidden
  entries and the usual documentation files such as ``README.md`` or ``COVERAGE.md`` skipped:
  ``DOC_STEMS``) or glob patterns; a file named explicitly is always taken. Duplicates are
  dropped and the documents are ordered by path. Every output lists them in that order, so
  the same inputs give byte-identical files whatever the number of workers.
- A bad document never stops the batch (unless ``fail_fast``): it becomes a failed
  ``DocumentOutcome`` with its error code, and a row of ``errors.csv``.
- Outputs in ``out_dir`` (``formats`` picks among the first six; the last two are always
  written): ``records.jsonl``, ``json/<name>.json``, ``snapshots.csv``, ``snapshots_long.csv``,
  ``snapshots.xlsx``, ``snapshots.parquet``, ``errors.csv``, ``manifest.json``. Each is written
  atomically (temporary file + rename), so an interrupted run leaves no half-written file.
- ``manifest.json`` lists every input with its sha256 and status (ok / partial / failed, or
  pending while a run is under way). It is rewritten about once a second during a run, so
  ``resume`` after an interrupt reuses every document already done (same path and sha256, its
  ``json/`` file present, same tool, vocabulary, backend and page limit) and only extracts the
  rest; the outputs are then written in full again.
- Unusable arguments (nothing found, a missing input, an output folder that cannot be written)
  raise ``BatchArgumentError`` before any work starts.
"""

from __future__ import annotations

import glob
import hashlib
import os
import re
import signal
import tempfile
import threading
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from .errors import SnapshotError
from .export import record_json, records_jsonl, to_csv, to_dataframe
from .golden import write_atomic
from .manifest import (
    DocumentOutcome,
    load_previous,
    manifest_json,
    previous_json_names,
    run_settings,
)
from .read import PdfOptions
from .tables import parquet_bytes, workbook_bytes
from .vocabulary import Vocabulary, load_vocabulary
from .workers import Extraction, Task, WorkerSettings, extract_parallel, extract_serial

FORMATS = ("jsonl", "json", "csv", "long", "xlsx", "parquet")
INPUT_SUFFIXES = frozenset({".pdf", ".txt", ".md"})
DOC_STEMS = frozenset({"readme", "changelog", "changes", "history", "license", "licence",
                       "copying", "contributing", "authors", "notes", "coverage", "todo"})  # fmt: skip
ERROR_COLUMNS = ("file", "code", "message")
OUTPUT_NAMES = ("records.jsonl", "snapshots.csv", "snapshots_long.csv", "snapshots.xlsx",
                "snapshots.parquet", "errors.csv", "manifest.json")  # fmt: skip
CHECKPOINT_SECONDS = 1.0
_GLOB_CHARS = re.compile(r"[*?\[]")
_RESERVED_NAMES = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                             *(f"lpt{i}" for i in range(1, 10))})  # fmt: skip

ProgressHook = Callable[[int, int], None]  # (documents done, total)


class BatchArgumentError(SnapshotError):
    """The batch cannot start: no inputs, a missing input, an unusable output folder."""

    code = "bad_arguments"


@dataclass(frozen=True)
class BatchOptions:
    """How to run a batch. ``workers=None`` means one per core; ``0`` runs in this process."""

    formats: tuple[str, ...] = FORMATS
    one_hot: bool = False
    bom: bool = False
    workers: int | None = None
    vocabulary: Vocabulary | None = None
    pdf_options: PdfOptions = field(default_factory=PdfOptions)
    timeout: float = 30.0
    resume: bool = False
    fail_fast: bool = False


@dataclass(frozen=True)
class BatchSummary:
    """What a batch did: one outcome per input (in order), the files written, timings."""

    out_dir: Path
    documents: tuple[DocumentOutcome, ...]
    outputs: tuple[str, ...]
    extracted: int
    reused: int
    seconds: float

    def count(self, status: str) -> int:
        return sum(1 for document in self.documents if document.status == status)

    @property
    def complete(self) -> bool:
        return self.count("pending") == 0


def parse_formats(text: str) -> tuple[str, ...]:
    """``"csv,xlsx"`` -> ``("csv", "xlsx")`` in canonical order; unknown names raise."""
    asked = [part.strip().lower() for part in text.split(",") if part.strip()]
    unknown = [name for name in asked if name not in FORMATS]
    if unknown or not asked:
        raise BatchArgumentError(
            f"unknown format '{', '.join(unknown) or text}' (choose from: {', '.join(FORMATS)})",
            "--format",
        )
    return tuple(name for name in FORMATS if name in asked)


# --------------------------------------------------------------------------- inputs


def discover_inputs(inputs: Sequence[str | Path]) -> list[Path]:
    """Every document the inputs name, without duplicates, sorted by path (see the contract)."""
    found: dict[str, Path] = {}
    for raw in inputs:
        for path in _expand(str(raw)):
            found.setdefault(os.path.realpath(path), Path(os.path.normpath(path)))
    if not found:
        where = ", ".join(str(raw) for raw in inputs) or "(no inputs)"
        raise BatchArgumentError("no .pdf, .txt or .md files found", where)
    return sorted(found.values(), key=lambda path: path.as_posix())


def _expand(raw: str) -> list[Path]:
    path = Path(raw)
    if path.is_dir():
        return _documents_under(path)
    if path.is_file():
        return [path]
    if _GLOB_CHARS.search(raw):
        matches = [Path(match) for match in glob.glob(raw, recursive=True)]
        return [doc for match in matches for doc in (_documents_under(match) if match.is_dir()
                else [match] if match.is_file() else [])]  # fmt: skip
    raise BatchArgumentError("no such file or folder", raw)


def _documents_under(folder: Path) -> list[Path]:
    return [
        path for path in folder.rglob("*")
        if path.suffix.lower() in INPUT_SUFFIXES and path.is_file()
        and path.stem.lower() not in DOC_STEMS
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    ]  # fmt: skip


def safe_stem(file_name: str) -> str:
    """A portable file stem from a file name: ASCII, lower case, ``a-z0-9._-`` only."""
    stem = Path(file_name).stem
    ascii_ = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^a-z0-9._-]+", "-", ascii_.lower()).strip("-._")[:80]
    if not cleaned:
        return "document-" + hashlib.sha256(file_name.encode()).hexdigest()[:8]
    return f"{cleaned}-file" if cleaned in _RESERVED_NAMES else cleaned


def assign_names(paths: Sequence[Path]) -> list[str]:
    """A unique ``json/`` name per input, deterministic for the same (sorted) inputs.

    A stem used once is kept (``enschede``). Inputs sharing a stem all get their extension
    (``enschede-pdf``, ``enschede-txt``); still-equal names get ``-2``, ``-3`` … in path order.
    """
    stems = [safe_stem(path.name) for path in paths]
    counts = Counter(stems)
    taken = {stem for stem, count in counts.items() if count == 1}
    names = []
    for path, stem in zip(paths, stems, strict=True):
        if counts[stem] == 1:
            names.append(stem)
            continue
        base = f"{stem}-{safe_stem(path.suffix.lstrip('.') or 'file')}"
        name, number = base, 2
        while name in taken:
            name, number = f"{base}-{number}", number + 1
        taken.add(name)
        names.append(name)
    return names


def file_sha256(path: Path) -> str | None:
    """Hex digest of the file's bytes, or None if it cannot be read."""
    try:
        with path.open("rb") as stream:
            return hashlib.file_digest(stream, "sha256").hexdigest()
    except OSError:
        return None


# --------------------------------------------------------------------------- output folder


def prepare_out_dir(out_dir: Path, formats: Sequence[str]) -> None:
    """Create ``out_dir`` (and ``json/``), prove it writable, sweep stale temporary files."""
    if out_dir.exists() and not out_dir.is_dir():
        raise BatchArgumentError("not a folder", str(out_dir))
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        if "json" in formats:
            (out_dir / "json").mkdir(exist_ok=True)
        with tempfile.TemporaryFile(dir=out_dir):
            pass
    except OSError as error:
        raise BatchArgumentError(f"cannot write here ({error.strerror or error})",
                                 str(out_dir)) from None
    _sweep_temporaries(out_dir)


def _sweep_temporaries(out_dir: Path) -> None:
    """Remove ``write_atomic`` temporaries (``.<name>.<8 random>``) that a killed run left."""
    ours = "|".join(re.escape(name) for name in OUTPUT_NAMES)
    for folder, names in ((out_dir, ours), (out_dir / "json", r"[^/]+\.json")):
        for stale in folder.glob(".*"):
            if stale.is_file() and re.fullmatch(rf"\.(?:{names})\.[a-z0-9_]{{8}}", stale.name):
                stale.unlink(missing_ok=True)


# --------------------------------------------------------------------------- the batch


class _Run:
    """The state of one batch run: outcomes by position, checkpoints, progress."""

    def __init__(
        self,
        out_dir: Path,
        options: BatchOptions,
        vocabulary: Vocabulary,
        documents: list[DocumentOutcome],
        progress: ProgressHook | None,
    ) -> None:
        self.out_dir, self.options, self.vocabulary = out_dir, options, vocabulary
        self.documents = documents
        self.progress = progress
        self.settings = run_settings(vocabulary, options.pdf_options)
        self.extracted = 0
        self.last_checkpoint = time.monotonic()

    def done_count(self) -> int:
        return sum(1 for document in self.documents if document.status != "pending")

    def on_done(self, extraction: Extraction) -> bool:
        """Record one extraction, write its ``json/`` file; False stops a fail-fast batch."""
        document = self.documents[extraction.index]
        record = extraction.record
        status = "failed" if record is None else ("partial" if record.warnings else "ok")
        document = replace(document, status=status, record=record,
                           code=extraction.code, message=extraction.message)  # fmt: skip
        self.documents[extraction.index] = document
        self.extracted += 1
        if record is not None and "json" in self.options.formats:
            text = extraction.record_json or record_json(record)
            write_atomic(self.out_dir / "json" / f"{document.name}.json", text.encode("utf-8"))
        if time.monotonic() - self.last_checkpoint >= CHECKPOINT_SECONDS:
            self.checkpoint()
        if self.progress is not None:
            self.progress(self.done_count(), len(self.documents))
        return not (self.options.fail_fast and record is None)

    def checkpoint(self) -> None:
        """Write the manifest as it stands (pending inputs included) so a resume can continue."""
        manifest = manifest_json(self.documents, self.settings, [], complete=False,
                                 json_files="json" in self.options.formats)
        write_atomic(self.out_dir / "manifest.json", manifest)
        self.last_checkpoint = time.monotonic()


def convert_batch(
    inputs: Sequence[str | Path],
    out_dir: str | Path,
    options: BatchOptions | None = None,
    progress: ProgressHook | None = None,
) -> BatchSummary:
    """Convert every input into ``out_dir`` (see the module docstring); never raises for a bad
    document. ``progress(done, total)`` is called after each document. On KeyboardInterrupt the
    manifest is checkpointed (so ``resume`` can finish the job) and the interrupt re-raised.
    """
    started = time.monotonic()
    options = options or BatchOptions()
    out_dir = Path(out_dir)
    paths = discover_inputs(inputs)
    prepare_out_dir(out_dir, options.formats)
    vocabulary = options.vocabulary or load_vocabulary()
    previous_names = previous_json_names(out_dir)
    run = _Run(out_dir, options, vocabulary, _start_documents(paths, out_dir, options, vocabulary),
               progress)  # fmt: skip
    tasks: list[Task] = [(i, d.file) for i, d in enumerate(run.documents) if d.status == "pending"]
    if progress is not None:
        progress(run.done_count(), len(run.documents))
    try:
        with _sigterm_as_interrupt():
            _extract(tasks, options, vocabulary, run.on_done)
            run.checkpoint()
            outputs = write_outputs(out_dir, run.documents, options, vocabulary, previous_names)
    except BaseException:
        run.checkpoint()
        raise
    manifest = manifest_json(run.documents, run.settings, outputs, complete=True,
                             json_files="json" in options.formats)
    write_atomic(out_dir / "manifest.json", manifest)
    reused = sum(1 for document in run.documents if document.reused)
    return BatchSummary(out_dir, tuple(run.documents), tuple(outputs), run.extracted, reused,
                        time.monotonic() - started)  # fmt: skip


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """Treat ``kill`` (SIGTERM) like Ctrl-C while the batch runs, so it cleans up the same way."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _start_documents(paths: Sequence[Path], out_dir: Path, options: BatchOptions,
                     vocabulary: Vocabulary) -> list[DocumentOutcome]:  # fmt: skip
    """One outcome per input: reused from the last run when ``resume`` allows, else pending."""
    previous = load_previous(out_dir, run_settings(vocabulary, options.pdf_options)) if options.resume else {}
    documents = []
    for path, name in zip(paths, assign_names(paths), strict=True):
        file, sha256 = path.as_posix(), file_sha256(path)
        record = previous.get((file, sha256)) if sha256 else None
        if record is None:
            documents.append(DocumentOutcome(file, name, sha256, "pending"))
        else:
            status = "partial" if record.warnings else "ok"
            documents.append(DocumentOutcome(file, name, sha256, status, record, reused=True))
    return documents


def _extract(tasks: list[Task], options: BatchOptions, vocabulary: Vocabulary,
             on_done: Callable[[Extraction], bool]) -> None:  # fmt: skip
    settings = WorkerSettings(vocabulary, options.pdf_options, options.timeout)
    workers = options.workers if options.workers is not None else default_workers()
    if not tasks:
        return
    if workers == 0:
        extract_serial(tasks, settings, on_done)
    else:
        extract_parallel(tasks, settings, workers, on_done)


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


# --------------------------------------------------------------------------- outputs


def write_outputs(
    out_dir: Path,
    documents: Sequence[DocumentOutcome],
    options: BatchOptions,
    vocabulary: Vocabulary,
    stale_names: Iterable[str] = (),
) -> list[str]:
    """Write every selected output (and ``errors.csv``) atomically; returns their names."""
    records = [document.record for document in documents if document.record is not None]
    written: list[str] = []

    def put(name: str, data: bytes) -> None:
        write_atomic(out_dir / name, data)
        written.append(name)

    formats, bom = options.formats, options.bom
    if "jsonl" in formats:
        put("records.jsonl", records_jsonl(records).encode("utf-8"))
    if "json" in formats:
        _write_json_files(out_dir, documents, stale_names)
        written.append("json/")
    if "csv" in formats:
        wide = to_dataframe(records, "wide", one_hot=options.one_hot, vocabulary=vocabulary)
        put("snapshots.csv", to_csv(wide, bom=bom))
    if "long" in formats:
        put("snapshots_long.csv", to_csv(to_dataframe(records, "long"), bom=bom))
    if "xlsx" in formats:
        put("snapshots.xlsx", workbook_bytes(records, vocabulary, options.one_hot))
    if "parquet" in formats:
        put("snapshots.parquet", parquet_bytes(records, vocabulary, options.one_hot))
    put("errors.csv", to_csv(errors_frame(documents), bom=bom))
    return written


def _write_json_files(out_dir: Path, documents: Sequence[DocumentOutcome],
                      stale_names: Iterable[str]) -> None:  # fmt: skip
    """Reused records under their current names; files only a previous run listed go."""
    current = {f"{document.name}.json" for document in documents if document.record is not None}
    for document in documents:
        if document.reused and document.record is not None:
            target = out_dir / "json" / f"{document.name}.json"
            data = record_json(document.record).encode("utf-8")
            if not target.is_file() or target.read_bytes() != data:
                write_atomic(target, data)
    for name in set(stale_names) - current:
        (out_dir / "json" / name).unlink(missing_ok=True)


def errors_frame(documents: Sequence[DocumentOutcome]) -> pd.DataFrame:
    """One row per failed input: file, code, message."""
    rows = [(d.file, d.code, d.message) for d in documents if d.status == "failed"]
    return pd.DataFrame(rows, columns=list(ERROR_COLUMNS))

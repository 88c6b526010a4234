"""Batch: many inputs -> one output folder of analyst-ready files. ``convert_batch`` is the
whole of ``snapshot-extract batch``.

Contract:
- Inputs (``inputs``): files, folders or glob patterns, ordered by path; candidates that cannot
  be used (a pipe, a device, a hidden or documentation file, no permission) are *skipped* and
  listed with their reason. Every output lists the documents in path order, so the same inputs
  give byte-identical files whatever the number of workers.
- A bad document never stops the batch (unless ``fail_fast``): it becomes a failed
  ``DocumentOutcome`` with its error code, and a row of ``errors.csv``.
- Outputs (``outputs``) in ``out_dir`` (``formats`` picks among the first six; ``columns.csv``,
  the data dictionary, comes with any table; the last two are always written):
  ``records.jsonl``, ``json/<name>.json``, ``snapshots.csv``, ``snapshots_long.csv``,
  ``snapshots.xlsx``, ``snapshots.parquet``, ``columns.csv``, ``errors.csv``, ``manifest.json``.
  Each is written atomically (temporary file + rename): a reader never sees half a file. Every
  table row is keyed by ``source_path``, the input's path relative to the inputs' common folder.
- One writer per folder (``folder``): the folder is locked for the whole run; a second run on it
  raises ``FolderBusy`` (one line naming the holder) before touching anything.
- ``manifest.json`` lists every input with its sha256 and status (ok / partial / failed /
  skipped, or pending while a run is under way). It is rewritten about once a second (the
  checkpoint), so ``resume`` reuses every document already done (same path and sha256, its
  ``json/`` file present, same tool, vocabulary, backend and page limit) and only extracts the
  rest; the outputs are then written in full again.
- Interrupts (SIGINT, SIGTERM; ``interrupts``): the workers are killed, never waited for, the
  checkpoint is written, temporaries removed, the lock released (further interrupts wait for
  that) and KeyboardInterrupt raised again: well within a second.
- Write errors (disk full, no permission, read-only file system, a folder where a file should
  be): disk space set aside at the start for the manifest is given back, the checkpoint is
  written, temporaries are removed and ``OutputError`` is raised: one line naming the output.
  ``resume`` then reuses every finished document.
- Memory stays flat however many inputs: no ``Record`` is kept. Each one becomes, where it is
  made (the worker, or for a reused document this process), the parts the selected outputs need
  (``workers.RecordParts``); they wait in the ``outputs.Spool`` until the outputs are written,
  each table streamed to its file. pyarrow and openpyxl are imported only when a table format is
  selected.
- Unusable arguments (nothing found, a missing input, an output folder that cannot be used)
  raise ``BatchArgumentError`` before any work starts.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import OutputError
from ..files import write_atomic
from ..limits import DEFAULT_MAX_MEMORY
from ..read import PdfOptions
from ..vocabulary import Vocabulary, load_vocabulary
from .folder import OutputFolder
from .inputs import BatchArgumentError, Discovery, assign_names, discover_inputs, file_sha256
from .interrupts import interrupts_deferred, interrupts_raised
from .manifest import DocumentOutcome, manifest_json, previous_json_names, read_reusable, reusable_files, run_settings
from .outputs import OutputHook, Spool, output_files, write_outputs
from .pool import extract_parallel
from .workers import Extraction, RecordParts, Task, WorkerSettings, extract_serial, record_parts

FORMATS = ("jsonl", "json", "csv", "long", "xlsx", "parquet")
PARTS_BY_FORMAT = {"jsonl": ("jsonl",), "json": ("json",), "csv": ("wide",), "long": ("long",),
                   "xlsx": ("wide", "long", "warnings", "unmapped"), "parquet": ("wide",)}  # fmt: skip
CHECKPOINT_SECONDS = 1.0
RESERVE_PER_DOCUMENT = 512  # bytes a manifest entry may grow by once its document is done
RESERVE_SLACK = 64 * 1024

ProgressHook = Callable[[int, int], None]  # (documents done, total)


@dataclass(frozen=True)
class BatchOptions:
    """How to run a batch. ``workers=None`` means one per core; ``0`` runs in this process.
    ``max_memory``: MB each worker process may grow by (0: no cap; not with ``workers=0``)."""

    formats: tuple[str, ...] = FORMATS
    one_hot: bool = False
    bom: bool = False
    workers: int | None = None
    vocabulary: Vocabulary | None = None
    pdf_options: PdfOptions = field(default_factory=PdfOptions)
    timeout: float = 30.0
    resume: bool = False
    fail_fast: bool = False
    max_memory: int = DEFAULT_MAX_MEMORY


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


def output_parts(formats: Iterable[str]) -> frozenset[str]:
    """The ``RecordParts`` the ``formats`` are made from (``"csv"`` -> wide rows, …)."""
    return frozenset(part for name in formats for part in PARTS_BY_FORMAT[name])


class _Run:
    """The state of one batch run: outcomes by position, checkpoints, progress."""

    def __init__(self, folder: OutputFolder, options: BatchOptions, vocabulary: Vocabulary,
                 documents: list[DocumentOutcome], spool: Spool, progress: ProgressHook | None) -> None:  # fmt: skip
        self.folder, self.out_dir = folder, folder.path
        self.options, self.vocabulary = options, vocabulary
        self.documents, self.spool = documents, spool
        self.progress = progress
        self.settings = run_settings(vocabulary, options.pdf_options)
        self.extracted = 0
        self.last_checkpoint = time.monotonic()

    def done_count(self) -> int:
        return sum(1 for document in self.documents if document.status != "pending")

    def on_done(self, extraction: Extraction) -> bool:
        """Record one extraction: its outcome, its ``json/`` file written, its other parts
        spooled (nothing else of it is kept); False stops a fail-fast batch. A document whose
        file could not be written stays pending (a checkpoint interrupted in between may list
        one whose file is missing: harmless, resume redoes it)."""
        parts, pending = extraction.parts, self.documents[extraction.index]
        status = "failed" if parts is None else ("partial" if parts.warnings else "ok")
        document = replace(pending, status=status, warnings=None if parts is None else parts.warnings,
                           code=extraction.code, message=extraction.message)  # fmt: skip
        self.documents[extraction.index] = document
        if parts is not None:
            try:
                self._keep(extraction.index, document.name, parts)
            except (OSError, OutputError):
                self.documents[extraction.index] = pending
                raise
        self.extracted += 1
        if time.monotonic() - self.last_checkpoint >= CHECKPOINT_SECONDS:
            self.checkpoint()
        if self.progress is not None:
            self.progress(self.done_count(), len(self.documents))
        return not (self.options.fail_fast and parts is None)

    def _keep(self, index: int, name: str, parts: RecordParts) -> None:
        """Write the ``json/`` file now (a resume reuses it); spool the rest for the outputs."""
        values = dict(parts.values)
        text = values.pop("json", None)
        if text is not None:
            write_atomic(self.out_dir / "json" / f"{name}.json", text.encode("utf-8"))
        self.spool.store(index, values)

    def manifest(self, outputs: Sequence[str] = (), complete: bool = False) -> bytes:
        return manifest_json(self.documents, self.settings, outputs, complete=complete,
                             json_files="json" in self.options.formats)  # fmt: skip

    def checkpoint(self) -> None:
        """Write the manifest as it stands (pending inputs included) so a resume can continue."""
        write_atomic(self.out_dir / "manifest.json", self.manifest())
        self.last_checkpoint = time.monotonic()

    def abandon(self) -> bool:
        """On the way out of a run that cannot finish (interrupts wait): the checkpoint (on the
        space set aside for it) and no temporaries left; True if the checkpoint was written."""
        with interrupts_deferred():
            self.folder.free_reserve()
            try:
                self.checkpoint()
                written = True
            except (OSError, OutputError):
                written = False
            self.folder.sweep()
        return written


def convert_batch(
    inputs: Sequence[str | Path],
    out_dir: str | Path,
    options: BatchOptions | None = None,
    progress: ProgressHook | None = None,
    on_output: OutputHook | None = None,
) -> BatchSummary:
    """Convert every input into ``out_dir`` (see the module docstring); never raises for a bad
    document. ``progress(done, total)`` is called after each document, ``on_output(name)``
    before each output is written. On KeyboardInterrupt
    (also SIGTERM) the manifest is checkpointed and the interrupt re-raised; on a write error,
    ``OutputError`` is raised once the checkpoint is written."""
    started = time.monotonic()
    options = options or BatchOptions()
    found = discover_inputs(inputs)
    folder = OutputFolder.open(Path(out_dir), output_files(options.formats), "json" in options.formats)
    try:
        vocabulary = options.vocabulary or load_vocabulary()
        with interrupts_raised():
            run, outputs = _run(folder, found, options, vocabulary, progress, on_output)
    finally:
        with interrupts_deferred():
            folder.close()
    reused = sum(1 for document in run.documents if document.reused)
    return BatchSummary(folder.path, tuple(run.documents), tuple(outputs), run.extracted, reused,
                        time.monotonic() - started)  # fmt: skip


def _run(folder: OutputFolder, found: Discovery, options: BatchOptions, vocabulary: Vocabulary,
         progress: ProgressHook | None, on_output: OutputHook | None) -> tuple[_Run, list[str]]:  # fmt: skip
    """Extract what is pending and write the outputs, in the locked ``folder``."""
    previous_names = previous_json_names(folder.path)
    try:
        spool = Spool(folder.path)
    except (OSError, OutputError) as error:
        raise _output_error(error, folder.path) from None
    with closing(spool):
        try:  # nothing is done yet: on a failure the folder keeps its manifest as it was
            documents = _start_documents(found, folder.path, options, vocabulary, spool)
            run = _Run(folder, options, vocabulary, documents, spool, progress)
            folder.reserve(len(run.manifest()) + RESERVE_PER_DOCUMENT * len(documents) + RESERVE_SLACK)
        except (OSError, OutputError) as error:
            raise _output_error(error, folder.path) from None
        try:
            if progress is not None:
                progress(run.done_count(), len(run.documents))
            tasks: list[Task] = [(i, d.file) for i, d in enumerate(documents) if d.status == "pending"]
            _extract(tasks, options, vocabulary, run.on_done)
            run.checkpoint()
            outputs = write_outputs(folder.path, run.documents, spool, options, vocabulary, previous_names, on_output)
            write_atomic(folder.path / "manifest.json", run.manifest(outputs, complete=True))
        except (OSError, OutputError) as error:
            raise _write_failed(error, run) from None
        except BaseException:
            run.abandon()
            raise
    return run, outputs


def _output_error(error: OSError | OutputError, out_dir: Path) -> OutputError:
    """``error`` as an ``OutputError`` (one that names no output names the folder)."""
    return error if isinstance(error, OutputError) else OutputError.from_os_error(error, str(out_dir))


def _write_failed(error: OSError | OutputError, run: _Run) -> OutputError:
    """The one-line error for a failed write, once the checkpoint is written (if it can be)."""
    failed = _output_error(error, run.out_dir)
    kept = "finished documents are kept in the manifest" if run.abandon() else "the last checkpoint is kept"
    return OutputError(f"{failed.reason}; {kept}: fix this, then run again with --resume", failed.file)


def _start_documents(found: Discovery, out_dir: Path, options: BatchOptions, vocabulary: Vocabulary,
                     spool: Spool) -> list[DocumentOutcome]:  # fmt: skip
    """One outcome per input, in path order: skipped; reused from the last run when ``resume``
    allows (its parts made from its ``json/`` file and spooled, one record at a time); else
    pending."""
    settings = run_settings(vocabulary, options.pdf_options)
    previous = reusable_files(out_dir, settings) if options.resume else {}
    parts, one_hot = output_parts(options.formats), vocabulary if options.one_hot else None
    names = dict(zip(found.documents, assign_names(found.documents), strict=True))
    skipped = {path: reason for path, reason in found.skipped}
    documents = []
    for index, path in enumerate(sorted([*names, *skipped], key=lambda p: p.as_posix())):
        file = path.as_posix()
        if path in skipped:
            documents.append(DocumentOutcome(file, "", None, "skipped", code="skipped", message=skipped[path]))
            continue
        sha256 = file_sha256(path)
        json_file = previous.get((file, sha256)) if sha256 else None
        record = read_reusable(json_file, sha256) if json_file is not None and sha256 else None
        if record is None:
            documents.append(DocumentOutcome(file, names[path], sha256, "pending"))
            continue
        kept = record_parts(record, parts, one_hot)
        spool.store(index, kept.values)
        status = "partial" if kept.warnings else "ok"
        documents.append(DocumentOutcome(file, names[path], sha256, status, kept.warnings, reused=True))
    return documents


def _extract(tasks: list[Task], options: BatchOptions, vocabulary: Vocabulary,
             on_done: Callable[[Extraction], bool]) -> None:  # fmt: skip
    settings = WorkerSettings(vocabulary, options.pdf_options, options.timeout,
                              output_parts(options.formats), options.one_hot, options.max_memory)  # fmt: skip
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

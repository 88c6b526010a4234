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
- Outputs in ``out_dir`` (``formats`` picks among the first six; ``columns.csv``, the data
  dictionary, comes with any table; the last two are always written): ``records.jsonl``,
  ``json/<name>.json``, ``snapshots.csv``, ``snapshots_long.csv``, ``snapshots.xlsx``,
  ``snapshots.parquet``, ``columns.csv``, ``errors.csv``, ``manifest.json``. Each is written
  atomically (temporary file + rename), so an interrupted run leaves no half-written file. Every
  table row is keyed by ``source_path``, the input's path relative to the inputs' common folder.
- ``manifest.json`` lists every input with its sha256 and status (ok / partial / failed, or
  pending while a run is under way). It is rewritten about once a second during a run, so
  ``resume`` after an interrupt reuses every document already done (same path and sha256, its
  ``json/`` file present, same tool, vocabulary, backend and page limit) and only extracts the
  rest; the outputs are then written in full again.
- Memory stays flat however many inputs: no ``Record`` is kept. Each one becomes, where it is
  made (the worker, or for a reused document this process), the parts the selected outputs need
  (``workers.RecordParts``: its JSON Lines line, table rows, …); they wait in an anonymous
  temporary file (``_Spool``) until the outputs are written, in input order, at the end, each
  table streamed to its file one document's rows at a time (CSV row by row, Parquet by row
  groups, XLSX in openpyxl's write-only mode). pyarrow and openpyxl are imported only when a
  table format is selected.
- Unusable arguments (nothing found, a missing input, an output folder that cannot be written)
  raise ``BatchArgumentError`` before any work starts.
"""

from __future__ import annotations

import csv
import glob
import hashlib
import io
import os
import pickle
import re
import signal
import tempfile
import threading
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, closing, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import SnapshotError
from ..export.rows import guard_formula
from ..export.tables import (
    TableRows,
    write_dictionary_csv,
    write_long_csv,
    write_tables_workbook,
    write_wide_csv,
    write_wide_parquet,
)
from ..files import open_atomic, write_atomic
from ..read import PdfOptions
from ..vocabulary import Vocabulary, load_vocabulary
from .manifest import (
    DONE,
    DocumentOutcome,
    manifest_json,
    previous_json_names,
    read_reusable,
    reusable_files,
    run_settings,
)
from .workers import (
    Extraction,
    RecordParts,
    Task,
    WorkerSettings,
    extract_parallel,
    extract_serial,
    record_parts,
)

FORMATS = ("jsonl", "json", "csv", "long", "xlsx", "parquet")
PARTS_BY_FORMAT = {"jsonl": ("jsonl",), "json": ("json",), "csv": ("wide",), "long": ("long",),
                   "xlsx": ("wide", "long", "warnings", "unmapped"), "parquet": ("wide",)}  # fmt: skip
INPUT_SUFFIXES = frozenset({".pdf", ".txt", ".md"})
DOC_STEMS = frozenset({"readme", "changelog", "changes", "history", "license", "licence",
                       "copying", "contributing", "authors", "notes", "coverage", "todo"})  # fmt: skip
ERROR_COLUMNS = ("file", "code", "message")
OUTPUT_NAMES = ("records.jsonl", "snapshots.csv", "snapshots_long.csv", "snapshots.xlsx",
                "snapshots.parquet", "columns.csv", "errors.csv", "manifest.json")  # fmt: skip
TABLE_FORMATS = frozenset({"csv", "long", "xlsx", "parquet"})  # each comes with columns.csv
CHECKPOINT_SECONDS = 1.0
_GLOB_CHARS = re.compile(r"[*?\[]")
_RESERVED_NAMES = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                             *(f"lpt{i}" for i in range(1, 10))})  # fmt: skip

ProgressHook = Callable[[int, int], None]  # (documents done, total)
OutputHook = Callable[[str], None]  # called with each output's name before it is written


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


def output_parts(formats: Iterable[str]) -> frozenset[str]:
    """The ``RecordParts`` the ``formats`` are made from (``"csv"`` -> wide rows, …)."""
    return frozenset(part for name in formats for part in PARTS_BY_FORMAT[name])


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


class _Spool:
    """The parts of finished documents, pickled into an anonymous temporary file in the output
    folder (it has no name, so nothing is left behind if the process dies); only where each
    part lies stays in memory. ``load`` gives back what ``store`` was given."""

    def __init__(self, folder: Path) -> None:
        self.file = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115 - closed by close()
        self.places: dict[tuple[int, str], tuple[int, int]] = {}

    def store(self, index: int, values: Mapping[str, Any]) -> None:
        """Keep the parts of document ``index`` (by part name)."""
        self.file.seek(0, os.SEEK_END)
        for name, value in values.items():
            data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
            self.places[(index, name)] = (self.file.tell(), len(data))
            self.file.write(data)

    def load(self, index: int, name: str) -> Any:
        """The part ``name`` of document ``index``."""
        offset, size = self.places[(index, name)]
        self.file.seek(offset)
        return pickle.loads(self.file.read(size))

    def rows(self, indexes: Sequence[int], keys: Sequence[str]) -> TableRows:
        """A ``tables.TableRows`` source over the documents ``indexes`` (in that order), each
        with its key from ``keys``."""
        return lambda name: ((key, self.load(index, name)) for index, key in zip(indexes, keys, strict=True))

    def close(self) -> None:
        self.file.close()


class _Run:
    """The state of one batch run: outcomes by position, checkpoints, progress."""

    def __init__(
        self,
        out_dir: Path,
        options: BatchOptions,
        vocabulary: Vocabulary,
        documents: list[DocumentOutcome],
        spool: _Spool,
        progress: ProgressHook | None,
    ) -> None:
        self.out_dir, self.options, self.vocabulary = out_dir, options, vocabulary
        self.documents, self.spool = documents, spool
        self.progress = progress
        self.settings = run_settings(vocabulary, options.pdf_options)
        self.extracted = 0
        self.last_checkpoint = time.monotonic()

    def done_count(self) -> int:
        return sum(1 for document in self.documents if document.status != "pending")

    def on_done(self, extraction: Extraction) -> bool:
        """Record one extraction: its ``json/`` file written, its other parts spooled (nothing
        else of it is kept); False stops a fail-fast batch."""
        parts = extraction.parts
        status = "failed" if parts is None else ("partial" if parts.warnings else "ok")
        document = replace(self.documents[extraction.index], status=status,
                           warnings=None if parts is None else parts.warnings,
                           code=extraction.code, message=extraction.message)  # fmt: skip
        self.documents[extraction.index] = document
        self.extracted += 1
        if parts is not None:
            self._keep(extraction.index, document.name, parts)
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
    on_output: OutputHook | None = None,
) -> BatchSummary:
    """Convert every input into ``out_dir`` (see the module docstring); never raises for a bad
    document. ``progress(done, total)`` is called after each document, ``on_output(name)``
    before each output is written. On KeyboardInterrupt the manifest is checkpointed (so
    ``resume`` can finish the job) and the interrupt re-raised.
    """
    started = time.monotonic()
    options = options or BatchOptions()
    out_dir = Path(out_dir)
    paths = discover_inputs(inputs)
    prepare_out_dir(out_dir, options.formats)
    vocabulary = options.vocabulary or load_vocabulary()
    previous_names = previous_json_names(out_dir)
    with closing(_Spool(out_dir)) as spool:
        documents = _start_documents(paths, out_dir, options, vocabulary, spool)
        run = _Run(out_dir, options, vocabulary, documents, spool, progress)
        tasks: list[Task] = [(i, d.file) for i, d in enumerate(documents) if d.status == "pending"]
        if progress is not None:
            progress(run.done_count(), len(run.documents))
        try:
            with _sigterm_as_interrupt():
                _extract(tasks, options, vocabulary, run.on_done)
                run.checkpoint()
                outputs = write_outputs(out_dir, run.documents, spool, options, vocabulary, previous_names,
                                        on_output)
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
                     vocabulary: Vocabulary, spool: _Spool) -> list[DocumentOutcome]:  # fmt: skip
    """One outcome per input: reused from the last run when ``resume`` allows (its parts made
    from its ``json/`` file and spooled, one record at a time), else pending."""
    settings = run_settings(vocabulary, options.pdf_options)
    previous = reusable_files(out_dir, settings) if options.resume else {}
    parts, one_hot = output_parts(options.formats), vocabulary if options.one_hot else None
    documents = []
    for index, (path, name) in enumerate(zip(paths, assign_names(paths), strict=True)):
        file, sha256 = path.as_posix(), file_sha256(path)
        json_file = previous.get((file, sha256)) if sha256 else None
        record = read_reusable(json_file, sha256) if json_file is not None and sha256 else None
        if record is None:
            documents.append(DocumentOutcome(file, name, sha256, "pending"))
            continue
        kept = record_parts(record, parts, one_hot)
        spool.store(index, kept.values)
        status = "partial" if kept.warnings else "ok"
        documents.append(DocumentOutcome(file, name, sha256, status, kept.warnings, reused=True))
    return documents


def _extract(tasks: list[Task], options: BatchOptions, vocabulary: Vocabulary,
             on_done: Callable[[Extraction], bool]) -> None:  # fmt: skip
    settings = WorkerSettings(vocabulary, options.pdf_options, options.timeout,
                              output_parts(options.formats), options.one_hot)  # fmt: skip
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
    spool: _Spool,
    options: BatchOptions,
    vocabulary: Vocabulary,
    stale_names: Iterable[str] = (),
    on_output: OutputHook | None = None,
) -> list[str]:
    """Write every selected output (and ``errors.csv``) atomically from the spooled parts of
    the done documents, in input order; returns their names. Each table is streamed to its file
    one document's rows at a time (nothing is built in memory); ``on_output(name)`` is called
    before each file is written."""
    done = [index for index, document in enumerate(documents) if document.status in DONE]
    keys = source_paths([document.file for document in documents])
    rows = spool.rows(done, [keys[index] for index in done])
    one_hot = vocabulary if options.one_hot else None
    formats, bom = options.formats, options.bom
    written: list[str] = []

    def stream(name: str) -> AbstractContextManager[BinaryIO]:
        if on_output is not None:
            on_output(name)
        written.append(name)
        return open_atomic(out_dir / name)

    if "jsonl" in formats:
        with stream("records.jsonl") as out:
            out.writelines(line.encode("utf-8") for _, line in rows("jsonl"))
    if "json" in formats:
        if on_output is not None:
            on_output("json/")
        _write_json_files(out_dir, documents, spool, stale_names)
        written.append("json/")
    if "csv" in formats:
        with stream("snapshots.csv") as out:
            write_wide_csv(out, rows, one_hot, bom)
    if "long" in formats:
        with stream("snapshots_long.csv") as out:
            write_long_csv(out, rows, bom)
    if "xlsx" in formats:
        with stream("snapshots.xlsx") as out:
            write_tables_workbook(out, rows, vocabulary, options.one_hot)
    if "parquet" in formats:
        with stream("snapshots.parquet") as out:
            write_wide_parquet(out, rows, one_hot)
    if TABLE_FORMATS & set(formats):
        with stream("columns.csv") as out:
            write_dictionary_csv(out, one_hot, bom)
    with stream("errors.csv") as out:
        out.write(errors_csv(documents, bom=bom))
    return written


def source_paths(files: Sequence[str]) -> list[str]:
    """Each input's path relative to the deepest folder that holds all of them, the key of every
    table row (``fixtures/text/a.txt``, ``fixtures/pdf/a.pdf`` -> ``text/a.txt``, ``pdf/a.pdf``):
    unique, as the inputs are, and the same on every machine for the same inputs."""
    absolute = [os.path.abspath(file) for file in files]
    if not absolute:
        return []
    root = os.path.commonpath([os.path.dirname(path) for path in absolute])
    return [Path(os.path.relpath(path, root)).as_posix() for path in absolute]


def _write_json_files(out_dir: Path, documents: Sequence[DocumentOutcome], spool: _Spool,
                      stale_names: Iterable[str]) -> None:  # fmt: skip
    """Reused records under their current names; files only a previous run listed go."""
    current = {f"{document.name}.json" for document in documents if document.status in DONE}
    for index, document in enumerate(documents):
        if document.reused:
            target = out_dir / "json" / f"{document.name}.json"
            data = spool.load(index, "json").encode("utf-8")
            if not target.is_file() or target.read_bytes() != data:
                write_atomic(target, data)
    for name in set(stale_names) - current:
        (out_dir / "json" / name).unlink(missing_ok=True)


def errors_csv(documents: Sequence[DocumentOutcome], bom: bool = False) -> bytes:
    """``errors.csv``: one row per failed input (file, code, message), the bytes ``export.to_csv``
    gives for that table (formula guard, ``\\n`` line ends, optional BOM), without pandas."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(ERROR_COLUMNS)
    writer.writerows([guard_formula(cell) for cell in (d.file, d.code, d.message)]
                     for d in documents if d.status == "failed")  # fmt: skip
    return (("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8")

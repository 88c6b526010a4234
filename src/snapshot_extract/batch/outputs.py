"""Outputs of a batch: the spool that holds each finished document's parts until the end, and
the files written from it (``write_outputs``).

Contract:
- ``Spool``: the parts of finished documents, pickled into an anonymous temporary file in the
  output folder (it has no name, so nothing is left behind if the process dies); only where
  each part lies stays in memory.
- ``write_outputs`` writes every selected output (and ``errors.csv``) atomically from the
  spooled parts of the done documents, in input order, each table streamed to its file one
  document's rows at a time (CSV row by row, Parquet by row groups, XLSX in openpyxl's
  write-only mode); ``columns.csv``, the data dictionary, comes with any table. Every table row
  is keyed by ``source_path``, the input's path relative to the inputs' common folder.
- ``json/``: the files of reused records are rewritten only when their bytes differ; a file is
  deleted only when the folder's last *complete* manifest listed it and this run did not make it.
- ``errors.csv``: one row per failed or skipped input (file, code, message).
"""

from __future__ import annotations

import csv
import io
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

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
from ..vocabulary import Vocabulary
from .manifest import DONE, DocumentOutcome

if TYPE_CHECKING:
    from .run import BatchOptions

ERROR_COLUMNS = ("file", "code", "message")
FILE_BY_FORMAT = {"jsonl": "records.jsonl", "csv": "snapshots.csv", "long": "snapshots_long.csv",
                  "xlsx": "snapshots.xlsx", "parquet": "snapshots.parquet"}  # fmt: skip
TABLE_FORMATS = frozenset({"csv", "long", "xlsx", "parquet"})  # each comes with columns.csv
ALWAYS_WRITTEN = ("errors.csv", "manifest.json")
OutputHook = Callable[[str], None]  # called with each output's name before it is written


def output_files(formats: Iterable[str]) -> tuple[str, ...]:
    """The names of the files (not ``json/``) a batch of these formats writes."""
    formats = tuple(formats)
    dictionary = ("columns.csv",) if TABLE_FORMATS & set(formats) else ()
    return tuple(FILE_BY_FORMAT[name] for name in formats if name in FILE_BY_FORMAT) + dictionary + ALWAYS_WRITTEN


class Spool:
    """See the module docstring. ``load`` gives back what ``store`` was given."""

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


def write_outputs(
    out_dir: Path,
    documents: Sequence[DocumentOutcome],
    spool: Spool,
    options: BatchOptions,
    vocabulary: Vocabulary,
    stale_names: Iterable[str] = (),
    on_output: OutputHook | None = None,
) -> list[str]:
    """Write every selected output and ``errors.csv`` (see the contract); returns their names.
    ``on_output(name)`` is called before each file is written."""
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


def _write_json_files(out_dir: Path, documents: Sequence[DocumentOutcome], spool: Spool,
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
    """``errors.csv``: one row per failed or skipped input (file, code, message), the bytes
    ``export.to_csv`` gives for that table (formula guard, ``\\n`` line ends, optional BOM),
    without pandas."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(ERROR_COLUMNS)
    writer.writerows([guard_formula(cell) for cell in (d.file, d.code, d.message)]
                     for d in documents if d.status in ("failed", "skipped"))  # fmt: skip
    return (("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8")

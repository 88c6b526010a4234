"""Outputs of a batch: the spool that holds each finished document's parts until the end, and
the files written from it (``write_outputs``).

Contract:
- ``Spool``: the parts of finished documents, pickled into an anonymous temporary file in the
  output folder (it has no name, so nothing is left behind if the process dies); only where
  each part lies stays in memory.
- ``write_outputs`` writes every selected output (and ``errors.csv``) atomically from the
  spooled parts of the done documents, in input order. Tables are built one at a time.
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
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..export.rows import guard_formula, to_csv
from ..export.tables import TableRows, long_frame, parquet_from_rows, wide_frame, workbook_from_rows
from ..files import open_atomic, write_atomic
from ..vocabulary import Vocabulary
from .manifest import DONE, DocumentOutcome

if TYPE_CHECKING:
    from .run import BatchOptions

ERROR_COLUMNS = ("file", "code", "message")
FILE_BY_FORMAT = {"jsonl": "records.jsonl", "csv": "snapshots.csv", "long": "snapshots_long.csv",
                  "xlsx": "snapshots.xlsx", "parquet": "snapshots.parquet"}  # fmt: skip
ALWAYS_WRITTEN = ("errors.csv", "manifest.json")


def output_files(formats: Iterable[str]) -> tuple[str, ...]:
    """The names of the files (not ``json/``) a batch of these formats writes."""
    return tuple(FILE_BY_FORMAT[name] for name in formats if name in FILE_BY_FORMAT) + ALWAYS_WRITTEN


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

    def rows(self, indexes: Sequence[int]) -> TableRows:
        """A ``tables.TableRows`` source over the documents ``indexes``, in that order."""
        return lambda name: (self.load(index, name) for index in indexes)

    def close(self) -> None:
        self.file.close()


def write_outputs(
    out_dir: Path,
    documents: Sequence[DocumentOutcome],
    spool: Spool,
    options: BatchOptions,
    vocabulary: Vocabulary,
    stale_names: Iterable[str] = (),
) -> list[str]:
    """Write every selected output and ``errors.csv`` (see the contract); returns their names."""
    done = [index for index, document in enumerate(documents) if document.status in DONE]
    rows = spool.rows(done)
    one_hot = vocabulary if options.one_hot else None
    formats, bom = options.formats, options.bom
    written: list[str] = []

    def put(name: str, data: bytes) -> None:
        write_atomic(out_dir / name, data)
        written.append(name)

    if "jsonl" in formats:
        with open_atomic(out_dir / "records.jsonl") as stream:
            stream.writelines(line.encode("utf-8") for line in rows("jsonl"))
        written.append("records.jsonl")
    if "json" in formats:
        _write_json_files(out_dir, documents, spool, stale_names)
        written.append("json/")
    if "csv" in formats:
        put("snapshots.csv", to_csv(wide_frame(rows("wide"), one_hot), bom=bom))
    if "long" in formats:
        put("snapshots_long.csv", to_csv(long_frame(rows("long")), bom=bom))
    if "xlsx" in formats:
        put("snapshots.xlsx", workbook_from_rows(rows, vocabulary, options.one_hot))
    if "parquet" in formats:
        put("snapshots.parquet", parquet_from_rows(rows("wide"), one_hot))
    put("errors.csv", errors_csv(documents, bom=bom))
    return written


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

"""Tables for spreadsheets and analysis tools, streamed from per-document rows: the wide and
long CSVs, the data dictionary (``columns.csv``), the XLSX workbook and the Parquet file.

Every table is built from rows, not records: ``wide_row`` / ``long_rows`` / ``warning_rows`` /
``unmapped_rows`` (``rows``) of each document, in order, handed over by a ``TableRows`` source
together with the document's key (``source_path``). ``records_rows`` makes one from records; the
batch makes one from the rows its workers computed and spooled to disk, so it never needs the
records themselves, and each writer takes one document's rows at a time: memory stays flat.

Contract: the bytes are a pure function of the rows, the vocabulary and ``one_hot`` (same
input -> byte-identical files, whatever the clock says). Workbook sheets: ``snapshots`` (wide),
``values`` (long), ``warnings``, ``unmapped``, ``vocabulary``, ``columns`` (the data dictionary).
pandas, pyarrow and openpyxl are imported where a table is built: importing this costs nothing.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, Any

from ..models import Record
from ..vocabulary import Vocabulary
from .columns import (
    DICTIONARY_COLUMNS_SPEC,
    LONG_COLUMNS_SPEC,
    UNMAPPED_COLUMNS_SPEC,
    VOCABULARY_COLUMNS_SPEC,
    WARNING_COLUMNS_SPEC,
    Column,
    dictionary_rows,
    wide_columns,
)
from .parquet import write_parquet
from .rows import long_rows, unmapped_rows, warning_rows, wide_row, write_csv
from .workbook import Sheet, write_workbook

# The rows of one kind for every document, in document order, each with the document's key:
# ``rows("wide")`` yields (source_path, ``wide_row``) per document; ``"long"``, ``"warnings"`` and
# ``"unmapped"`` yield (source_path, that document's list of rows). Callable more than once.
TableRows = Callable[[str], Iterable[tuple[str, Any]]]

ROW_MAKERS: dict[str, Callable[[Record, Vocabulary | None], Any]] = {
    "wide": wide_row,
    "long": lambda record, _: long_rows(record),
    "warnings": lambda record, _: warning_rows(record),
    "unmapped": lambda record, _: unmapped_rows(record),
}


def records_rows(records: Sequence[Record], one_hot: Vocabulary | None = None,
                 source_paths: Sequence[str] | None = None) -> TableRows:  # fmt: skip
    """A ``TableRows`` source over records; ``one_hot``: the vocabulary of the one-hot columns;
    ``source_paths``: each record's key (default: its file name)."""
    paths = list(source_paths) if source_paths is not None else [record.source.file for record in records]

    def rows(kind: str) -> Iterator[tuple[str, Any]]:
        return ((path, ROW_MAKERS[kind](record, one_hot)) for path, record in zip(paths, records, strict=True))

    return rows


# --------------------------------------------------------------------------- table rows


def wide_table(rows: TableRows, columns: Sequence[Column]) -> Iterator[list[Any]]:
    """The wide table's rows, key first, in the order of ``columns``."""
    names = [column.name for column in columns[1:]]
    return ([path, *(row[name] for name in names)] for path, row in rows("wide"))


def rows_table(rows: TableRows, kind: str) -> Iterator[tuple[Any, ...]]:
    """Every document's rows of ``kind`` (long, warnings, unmapped), key first."""
    return ((path, *row) for path, document_rows in rows(kind) for row in document_rows)


def vocabulary_table(vocabulary: Vocabulary) -> list[tuple[str, str, str, list[str]]]:
    """One row per vocabulary term: group, id, label, aliases."""
    return [(group, term.id, term.label, list(term.aliases))
            for group, terms in vocabulary.groups.items() for term in terms]  # fmt: skip


def sheets(rows: TableRows, vocabulary: Vocabulary, one_hot: bool = False) -> list[Sheet]:
    """The workbook's sheets, in order; each one's rows are made when it is written."""
    wide = wide_columns(vocabulary if one_hot else None)
    return [
        Sheet("snapshots", wide, lambda: wide_table(rows, wide)),
        Sheet("values", LONG_COLUMNS_SPEC, lambda: rows_table(rows, "long")),
        Sheet("warnings", WARNING_COLUMNS_SPEC, lambda: rows_table(rows, "warnings")),
        Sheet("unmapped", UNMAPPED_COLUMNS_SPEC, lambda: rows_table(rows, "unmapped")),
        Sheet("vocabulary", VOCABULARY_COLUMNS_SPEC, lambda: vocabulary_table(vocabulary)),
        Sheet("columns", DICTIONARY_COLUMNS_SPEC, lambda: dictionary_rows(vocabulary if one_hot else None)),
    ]


# --------------------------------------------------------------------------- writers


def write_wide_csv(stream: IO[bytes], rows: TableRows, one_hot: Vocabulary | None = None,
                   bom: bool = False) -> None:  # fmt: skip
    """``snapshots.csv``: one row per document (wide rows made with ``one_hot``)."""
    columns = wide_columns(one_hot)
    write_csv(stream, columns, wide_table(rows, columns), bom)


def write_long_csv(stream: IO[bytes], rows: TableRows, bom: bool = False) -> None:
    """``snapshots_long.csv``: one row per value."""
    write_csv(stream, LONG_COLUMNS_SPEC, rows_table(rows, "long"), bom)


def write_dictionary_csv(stream: IO[bytes], one_hot: Vocabulary | None = None, bom: bool = False) -> None:
    """``columns.csv``: the data dictionary of every table (one-hot columns with ``one_hot``)."""
    write_csv(stream, DICTIONARY_COLUMNS_SPEC, dictionary_rows(one_hot), bom)


def write_wide_parquet(stream: IO[bytes], rows: TableRows, one_hot: Vocabulary | None = None) -> None:
    """``snapshots.parquet``: the wide table with typed columns."""
    columns = wide_columns(one_hot)
    write_parquet(stream, columns, wide_table(rows, columns))


def write_tables_workbook(stream: IO[bytes], rows: TableRows, vocabulary: Vocabulary,
                          one_hot: bool = False) -> None:  # fmt: skip
    """``snapshots.xlsx`` from a ``TableRows`` source whose wide rows were made with ``one_hot``."""
    write_workbook(stream, sheets(rows, vocabulary, one_hot))


# --------------------------------------------------------------------------- bytes of records


def workbook_bytes(records: Sequence[Record], vocabulary: Vocabulary, one_hot: bool = False,
                   source_paths: Sequence[str] | None = None) -> bytes:  # fmt: skip
    """The XLSX workbook of records as bytes (the batch writes the same for the same records)."""
    stream = io.BytesIO()
    write_tables_workbook(stream, records_rows(records, vocabulary if one_hot else None, source_paths),
                          vocabulary, one_hot)  # fmt: skip
    return stream.getvalue()


def parquet_bytes(records: Sequence[Record], vocabulary: Vocabulary, one_hot: bool = False,
                  source_paths: Sequence[str] | None = None) -> bytes:  # fmt: skip
    """The wide table of records as Parquet bytes (see ``parquet``)."""
    one_hot_vocabulary = vocabulary if one_hot else None
    stream = io.BytesIO()
    write_wide_parquet(stream, records_rows(records, one_hot_vocabulary, source_paths), one_hot_vocabulary)
    return stream.getvalue()


def long_csv(records: Sequence[Record], bom: bool = False, source_paths: Sequence[str] | None = None) -> bytes:
    """The long CSV of records as bytes."""
    stream = io.BytesIO()
    write_long_csv(stream, records_rows(records, None, source_paths), bom)
    return stream.getvalue()


def dictionary_csv(one_hot: Vocabulary | None = None, bom: bool = False) -> bytes:
    """The data dictionary as CSV bytes."""
    stream = io.BytesIO()
    write_dictionary_csv(stream, one_hot, bom)
    return stream.getvalue()


__all__ = [
    "ROW_MAKERS", "TableRows", "dictionary_csv", "long_csv", "parquet_bytes", "records_rows", "rows_table",
    "sheets", "vocabulary_table", "wide_table", "workbook_bytes", "write_dictionary_csv", "write_long_csv",
    "write_tables_workbook", "write_wide_csv", "write_wide_parquet",
]  # fmt: skip

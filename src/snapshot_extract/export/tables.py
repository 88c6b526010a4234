"""Tables for spreadsheets and analysis tools: rows -> XLSX workbook / Parquet bytes.

Contract: the bytes are a pure function of the records, the vocabulary and ``one_hot``
(same input -> byte-identical file, whatever the clock says).
- XLSX (openpyxl): sheets ``snapshots`` (wide), ``values`` (long), ``warnings``, ``unmapped``,
  ``vocabulary``; header row frozen, auto-filter on, column widths fitted. Cells hold what the
  CSVs hold (ids ``;``-joined, booleans ``true``/``false``, null empty), numbers as numbers and
  text as cells *typed as text*, so ``=...`` is shown, never run; no apostrophe is added.
  Characters XML cannot carry become U+FFFD and text is cut at Excel's 32 767 characters.
  Determinism: document properties and every zip entry get the fixed time ``FIXED_TIME``.
- Parquet (pyarrow): the wide table with real types taken from the record model (int64,
  float64, bool, string; null for an empty cell); no timestamps are stored, so the bytes repeat.

Every table is built from rows, not records: ``wide_row`` / ``long_rows`` (``export``) and
``warning_rows`` / ``unmapped_rows`` (here) of each record, in order, handed over by a
``TableRows`` source. ``records_rows`` makes one from records; the batch makes one from the
rows its workers computed, so it never needs the records themselves. pandas, pyarrow and
openpyxl are imported where a table is built: importing this module costs nothing.
"""

from __future__ import annotations

import io
import math
import re
import types
import typing
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from ..models import SECTIONS, Record, Term
from ..vocabulary import Vocabulary
from .rows import LONG_COLUMNS, long_rows, wide_row, wide_row_columns

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

FIXED_TIME = datetime(2000, 1, 1)
MAX_CELL_TEXT = 32_767
MAX_COLUMN_WIDTH = 60
WARNING_COLUMNS = ("source_file", "field", "code", "message")
UNMAPPED_COLUMNS = ("source_file", "field", "text", "best_id", "best_score")
VOCABULARY_COLUMNS = ("group", "id", "label", "aliases")
_CORE_TIMES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")

# The rows of one kind for every document, in document order: ``rows("wide")`` yields one
# ``wide_row`` per document; ``"long"``, ``"warnings"`` and ``"unmapped"`` yield each document's
# list of rows (``long_rows``, ``warning_rows``, ``unmapped_rows``). Callable more than once.
TableRows = Callable[[str], Iterable[Any]]


# --------------------------------------------------------------------------- rows


def warning_rows(record: Record) -> list[tuple[str, str, str, str]]:
    """One row per warning of the record: source_file, field, code, message."""
    return [(record.source.file, w.field, w.code, w.message) for w in record.warnings]


def unmapped_rows(record: Record) -> list[tuple[str, str, str, str, Any]]:
    """One row per unmapped item of the record: source_file, field, text, best_id, best_score."""
    return [(record.source.file, u.field, u.text, u.best_id or "", u.best_score)
            for u in record.unmapped]  # fmt: skip


ROW_MAKERS: dict[str, Callable[[Record, Vocabulary | None], Any]] = {
    "wide": wide_row,
    "long": lambda record, _: long_rows(record),
    "warnings": lambda record, _: warning_rows(record),
    "unmapped": lambda record, _: unmapped_rows(record),
}


def records_rows(records: Sequence[Record], one_hot: Vocabulary | None = None) -> TableRows:
    """A ``TableRows`` source over records; ``one_hot``: the vocabulary of the one-hot columns."""

    def rows(kind: str) -> Iterator[Any]:
        return (ROW_MAKERS[kind](record, one_hot) for record in records)

    return rows


# --------------------------------------------------------------------------- sheets


def wide_frame(rows: Iterable[dict[str, Any]], one_hot: Vocabulary | None = None) -> pd.DataFrame:
    """The wide table (as ``to_dataframe(..., "wide")``) from ``wide_row``s made with ``one_hot``."""
    import pandas as pd

    rows = list(rows)
    columns = list(rows[0]) if rows else wide_row_columns(one_hot)
    return pd.DataFrame(rows, columns=columns)


def long_frame(rows_per_record: Iterable[list[dict[str, Any]]]) -> pd.DataFrame:
    """The long table (as ``to_dataframe(..., "long")``) from each record's ``long_rows``."""
    import pandas as pd

    return pd.DataFrame([row for rows in rows_per_record for row in rows], columns=list(LONG_COLUMNS))


def _rows_frame(rows_per_record: Iterable[list[tuple[Any, ...]]], columns: Sequence[str]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame([row for rows in rows_per_record for row in rows], columns=list(columns))


def warnings_frame(records: Sequence[Record]) -> pd.DataFrame:
    """One row per warning: source_file, field, code, message."""
    return _rows_frame(map(warning_rows, records), WARNING_COLUMNS)


def unmapped_frame(records: Sequence[Record]) -> pd.DataFrame:
    """One row per unmapped item: source_file, field, text, best_id, best_score."""
    return _rows_frame(map(unmapped_rows, records), UNMAPPED_COLUMNS)


def vocabulary_frame(vocabulary: Vocabulary) -> pd.DataFrame:
    """One row per vocabulary term: group, id, label, aliases (``;``-joined)."""
    import pandas as pd

    rows = [(group, term.id, term.label, ";".join(term.aliases))
            for group, terms in vocabulary.groups.items() for term in terms]  # fmt: skip
    return pd.DataFrame(rows, columns=list(VOCABULARY_COLUMNS))


def sheet_builders(
    rows: TableRows, vocabulary: Vocabulary, one_hot: bool = False
) -> dict[str, Callable[[], pd.DataFrame]]:
    """The workbook's sheets, in order, each built only when called (one in memory at a time)."""
    return {
        "snapshots": lambda: wide_frame(rows("wide"), vocabulary if one_hot else None),
        "values": lambda: long_frame(rows("long")),
        "warnings": lambda: _rows_frame(rows("warnings"), WARNING_COLUMNS),
        "unmapped": lambda: _rows_frame(rows("unmapped"), UNMAPPED_COLUMNS),
        "vocabulary": lambda: vocabulary_frame(vocabulary),
    }


def workbook_sheets(
    records: Sequence[Record], vocabulary: Vocabulary, one_hot: bool = False
) -> dict[str, pd.DataFrame]:
    """The workbook's sheets, in order, as DataFrames."""
    rows = records_rows(records, vocabulary if one_hot else None)
    return {title: build() for title, build in sheet_builders(rows, vocabulary, one_hot).items()}


# --------------------------------------------------------------------------- xlsx


def workbook_bytes(
    records: Sequence[Record], vocabulary: Vocabulary, one_hot: bool = False
) -> bytes:
    """The XLSX workbook (see the module docstring) as bytes."""
    return workbook_from_rows(records_rows(records, vocabulary if one_hot else None), vocabulary, one_hot)


def workbook_from_rows(rows: TableRows, vocabulary: Vocabulary, one_hot: bool = False) -> bytes:
    """The XLSX workbook from a ``TableRows`` source whose wide rows were made with ``one_hot``
    (the vocabulary, or None): the same bytes as ``workbook_bytes`` of the records."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for title, build in sheet_builders(rows, vocabulary, one_hot).items():
        _fill_sheet(workbook.create_sheet(title), build())
    workbook.properties.creator = "snapshot-extract"
    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _fix_zip_times(buffer.getvalue())


def _fill_sheet(sheet: WriteOnlyWorksheet, frame: pd.DataFrame) -> None:
    """Header (bold, frozen, filtered), then the rows; widths fitted to the longest cell."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.utils import get_column_letter

    rows = [[_xlsx_value(value, ILLEGAL_CHARACTERS_RE) for value in row]
            for row in frame.itertuples(index=False, name=None)]  # fmt: skip
    header = [str(name) for name in frame.columns]
    for column, name in enumerate(header, start=1):
        longest = max((len(str(row[column - 1])) for row in rows if row[column - 1] is not None),
                      default=0)  # fmt: skip
        width = min(max(longest, len(name)), MAX_COLUMN_WIDTH) + 2
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(max(len(header), 1))}{len(rows) + 1}"
    sheet.append([_bold(sheet, name) for name in header])
    for row in rows:
        sheet.append([_text_cell(sheet, value) for value in row])


def _bold(sheet: WriteOnlyWorksheet, text: str) -> WriteOnlyCell:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    cell = WriteOnlyCell(sheet, value=text)
    cell.font = Font(bold=True)
    cell.data_type = "s"
    return cell


def _text_cell(sheet: WriteOnlyWorksheet, value: Any) -> Any:
    """Text openpyxl would store as a formula (``=…``) or an error (``#N/A``) pinned as text."""
    if not (isinstance(value, str) and value[:1] in ("=", "#")):  # every error code starts with #
        return value
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ERROR_CODES

    if value.startswith("=") or value in ERROR_CODES:
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


def _xlsx_value(value: Any, illegal: re.Pattern[str]) -> Any:
    """A cell as the sheet stores it: empty -> None, text cleaned of ``illegal`` and cut."""
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str):
        return illegal.sub("\ufffd", value)[:MAX_CELL_TEXT]
    return value


def _fix_zip_times(data: bytes) -> bytes:
    """The same zip with every entry dated ``FIXED_TIME`` and fixed core-property times."""
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            payload = source.read(entry.filename)
            if entry.filename == "docProps/core.xml":
                payload = _CORE_TIMES.sub(rb"\g<1>" + stamp + rb"\g<3>", payload)
            fixed = zipfile.ZipInfo(entry.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            fixed.create_system = 3
            target.writestr(fixed, payload)
    return buffer.getvalue()


# --------------------------------------------------------------------------- parquet


def wide_column_types(vocabulary: Vocabulary | None = None) -> dict[str, pa.DataType]:
    """The Arrow type of every wide column, from the record model (one-hot columns: bool)."""
    import pyarrow as pa

    found: dict[str, pa.DataType] = {}
    for section in SECTIONS:
        _walk(section, Record.model_fields[section].annotation, found)
    found["warnings_count"] = found["unmapped_count"] = pa.int64()
    return {column: found.get(column, pa.bool_()) for column in wide_row_columns(vocabulary)}


def _walk(prefix: str, annotation: Any, found: dict[str, pa.DataType]) -> None:
    import pyarrow as pa

    options = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) not in (typing.Union, types.UnionType):
        options = [annotation]
    kind = options[0]
    plain_class = typing.get_origin(kind) is None and isinstance(kind, type)
    if plain_class and issubclass(kind, BaseModel) and kind is not Term:
        for key, field in kind.model_fields.items():
            _walk(f"{prefix}_{key}", field.annotation, found)
    elif kind is bool:
        found[prefix] = pa.bool_()
    elif kind is int:
        found[prefix] = pa.int64()
    elif kind is float:
        found[prefix] = pa.float64()
    else:  # str, Literal, Term (its id), lists (;-joined)
        found[prefix] = pa.string()


def parquet_bytes(
    records: Sequence[Record], vocabulary: Vocabulary, one_hot: bool = False
) -> bytes:
    """The wide table as Parquet bytes with typed columns (see the module docstring)."""
    one_hot_vocabulary = vocabulary if one_hot else None
    return parquet_from_rows((wide_row(record, one_hot_vocabulary) for record in records), one_hot_vocabulary)


def parquet_from_rows(rows: Iterable[dict[str, Any]], one_hot: Vocabulary | None = None) -> bytes:
    """The Parquet bytes of ``wide_row``s made with ``one_hot`` (the vocabulary, or None): the
    same bytes as ``parquet_bytes`` of the records."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    column_types = wide_column_types(one_hot)
    schema = pa.schema([(name, kind) for name, kind in column_types.items()])
    converters = [(name, _converter(kind)) for name, kind in column_types.items()]
    typed = [{name: convert(row.get(name, "")) for name, convert in converters} for row in rows]
    table = pa.Table.from_pylist(typed, schema=schema)
    buffer = io.BytesIO()
    pq.write_table(table, buffer, compression="zstd")
    return buffer.getvalue()


def _converter(kind: pa.DataType) -> Callable[[Any], Any]:
    """Cell -> Parquet value for a column of ``kind``: empty -> null, ``"true"`` -> True, …"""
    import pyarrow as pa

    if kind == pa.bool_():
        return lambda cell: None if cell == "" else cell == "true"
    if kind == pa.string():
        return lambda cell: None if cell == "" else str(cell)
    return lambda cell: None if cell == "" else cell


__all__ = [
    "TableRows", "long_frame", "parquet_bytes", "parquet_from_rows", "records_rows", "sheet_builders",
    "unmapped_frame", "unmapped_rows", "vocabulary_frame", "warning_rows", "warnings_frame",
    "wide_column_types", "wide_frame", "workbook_bytes", "workbook_from_rows", "workbook_sheets",
]  # fmt: skip

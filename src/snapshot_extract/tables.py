"""Tables for spreadsheets and analysis tools: ``Record``s -> XLSX workbook / Parquet bytes.

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
"""

from __future__ import annotations

import io
import math
import re
import types
import typing
import zipfile
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from pydantic import BaseModel

from .export import SECTIONS_ORDER, to_dataframe, wide_row, wide_row_columns
from .models import Record, Term
from .vocabulary import Vocabulary

FIXED_TIME = datetime(2000, 1, 1)
MAX_CELL_TEXT = 32_767
MAX_COLUMN_WIDTH = 60
WARNING_COLUMNS = ("source_file", "field", "code", "message")
UNMAPPED_COLUMNS = ("source_file", "field", "text", "best_id", "best_score")
VOCABULARY_COLUMNS = ("group", "id", "label", "aliases")
_CORE_TIMES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


# --------------------------------------------------------------------------- sheets


def warnings_frame(records: Sequence[Record]) -> pd.DataFrame:
    """One row per warning: source_file, field, code, message."""
    rows = [(r.source.file, w.field, w.code, w.message) for r in records for w in r.warnings]
    return pd.DataFrame(rows, columns=list(WARNING_COLUMNS))


def unmapped_frame(records: Sequence[Record]) -> pd.DataFrame:
    """One row per unmapped item: source_file, field, text, best_id, best_score."""
    rows = [(r.source.file, u.field, u.text, u.best_id or "", u.best_score)
            for r in records for u in r.unmapped]  # fmt: skip
    return pd.DataFrame(rows, columns=list(UNMAPPED_COLUMNS))


def vocabulary_frame(vocabulary: Vocabulary) -> pd.DataFrame:
    """One row per vocabulary term: group, id, label, aliases (``;``-joined)."""
    rows = [(group, term.id, term.label, ";".join(term.aliases))
            for group, terms in vocabulary.groups.items() for term in terms]  # fmt: skip
    return pd.DataFrame(rows, columns=list(VOCABULARY_COLUMNS))


def workbook_sheets(
    records: Sequence[Record], vocabulary: Vocabulary, one_hot: bool = False
) -> dict[str, pd.DataFrame]:
    """The workbook's sheets, in order, as DataFrames."""
    return {
        "snapshots": to_dataframe(records, "wide", one_hot=one_hot, vocabulary=vocabulary),
        "values": to_dataframe(records, "long"),
        "warnings": warnings_frame(records),
        "unmapped": unmapped_frame(records),
        "vocabulary": vocabulary_frame(vocabulary),
    }


# --------------------------------------------------------------------------- xlsx


def workbook_bytes(
    records: Sequence[Record], vocabulary: Vocabulary, one_hot: bool = False
) -> bytes:
    """The XLSX workbook (see the module docstring) as bytes."""
    workbook = Workbook(write_only=True)
    for title, frame in workbook_sheets(records, vocabulary, one_hot).items():
        _fill_sheet(workbook.create_sheet(title), frame)
    workbook.properties.creator = "snapshot-extract"
    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _fix_zip_times(buffer.getvalue())


def _fill_sheet(sheet: WriteOnlyWorksheet, frame: pd.DataFrame) -> None:
    """Header (bold, frozen, filtered), then the rows; widths fitted to the longest cell."""
    rows = [[_xlsx_value(value) for value in row]
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
    cell = WriteOnlyCell(sheet, value=text)
    cell.font = Font(bold=True)
    cell.data_type = "s"
    return cell


def _text_cell(sheet: WriteOnlyWorksheet, value: Any) -> Any:
    """Text openpyxl would store as a formula (``=…``) or an error (``#N/A``) pinned as text."""
    if isinstance(value, str) and (value.startswith("=") or value in ERROR_CODES):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


def _xlsx_value(value: Any) -> Any:
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)[:MAX_CELL_TEXT]
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
    found: dict[str, pa.DataType] = {}
    for section in SECTIONS_ORDER:
        _walk(section, Record.model_fields[section].annotation, found)
    found["warnings_count"] = found["unmapped_count"] = pa.int64()
    return {column: found.get(column, pa.bool_()) for column in wide_row_columns(vocabulary)}


def _walk(prefix: str, annotation: Any, found: dict[str, pa.DataType]) -> None:
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
    column_types = wide_column_types(vocabulary if one_hot else None)
    schema = pa.schema([(name, kind) for name, kind in column_types.items()])
    rows = [wide_row(record, vocabulary if one_hot else None) for record in records]
    typed = [{name: _typed(row.get(name, ""), kind) for name, kind in column_types.items()}
             for row in rows]  # fmt: skip
    table = pa.Table.from_pylist(typed, schema=schema)
    buffer = io.BytesIO()
    pq.write_table(table, buffer, compression="zstd")
    return buffer.getvalue()


def _typed(cell: Any, kind: pa.DataType) -> Any:
    if cell == "":
        return None
    if kind == pa.bool_():
        return cell == "true"
    if kind == pa.string():
        return str(cell)
    return cell


__all__ = [
    "parquet_bytes", "unmapped_frame", "vocabulary_frame", "warnings_frame",
    "wide_column_types", "workbook_bytes", "workbook_sheets",
]  # fmt: skip

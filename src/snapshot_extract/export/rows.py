"""Rows: ``Record``s -> typed table rows, DataFrames and CSV.

Contract: output is a pure function of the records (byte-identical for the same records). The
columns are ``columns.wide_columns`` / ``LONG_COLUMNS_SPEC`` (derived from the record model).
A row holds typed values: str, int, float, bool, a list of str for a list column, None for null.
The row makers leave the key out (``source_path``: only the batch knows the inputs' common
folder); whoever writes a table puts it in front (``tables``).

CSV (``write_csv``, ``to_csv``): UTF-8 (BOM on request), ``\\n`` line ends, no index column, the
cell conventions of ``cells`` (empty list vs ``null``, ``;``-joined lists, ``true``/``false``).

Formula safety: a spreadsheet reads a CSV cell that starts with ``= + - @`` (also full-width
``＝ ＋ － ＠``), ``|``, a tab or a carriage return as a formula. The CSV writer therefore prefixes
such *text* cells with an apostrophe (the OWASP "CSV injection" advice); numbers are never
touched. JSON, JSON Lines and Parquet keep the exact text; the XLSX writer keeps it too, as cells
typed as text, never formulas.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import IO, TYPE_CHECKING, Any, Literal

from ..models import Record
from ..vocabulary import Vocabulary, load_vocabulary
from .cells import text_cell
from .columns import LONG_COLUMNS, LONG_COLUMNS_SPEC, Column, wide_columns

if TYPE_CHECKING:  # pandas is imported where a table is built: parse/check start faster
    import pandas as pd

# the ASCII signs, their full-width forms (spreadsheets read them as formulas in CJK locales),
# "|" (the DDE pipe of old spreadsheets), tab and carriage return
FORMULA_PREFIXES = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20", "|", "\t", "\r")
TEXT_KINDS = frozenset({"text", "id", "ids", "texts"})
_FLUSH_BYTES = 1 << 16

LongRow = tuple[str | None, str, int | None, str | None, str | None, str, float | None, int | None]


def _at(data: Any, path: Sequence[str]) -> Any:
    """The value at ``path`` in a record's JSON (None when a step on the way is null)."""
    for key in path:
        if data is None:
            return None
        data = data[key]
    return data


def _typed(value: Any, column: Column) -> Any:
    """A field's JSON value as the column holds it: a Term as its id, a Term list as its ids."""
    if value is None:
        return None
    if column.term is not None:
        return column.term in {item["id"] for item in value}
    if column.kind == "id":
        return value["id"]
    if column.kind == "ids":
        return [item["id"] for item in value]
    return value


def wide_row(record: Record, vocabulary: Vocabulary | None = None) -> dict[str, Any]:
    """One record as typed values by wide column (``source_path`` left out); with a vocabulary,
    its one-hot columns too."""
    data = record.model_dump(mode="json")
    counts = {"warnings_count": len(record.warnings), "unmapped_count": len(record.unmapped)}
    return {column.name: counts[column.name] if column.name in counts else _typed(_at(data, column.path), column)
            for column in wide_columns(vocabulary)[1:]}  # fmt: skip


def long_rows(record: Record) -> list[LongRow]:
    """One row per value and per list item (``source_path`` left out): city_name, field, index,
    id, label, text, score, page. Nulls and empty lists give no row."""
    data = record.model_dump(mode="json")
    rows: list[LongRow] = []
    for column in wide_columns()[1:]:
        if not column.path or column.path[0] == "source":
            continue
        value = _at(data, column.path)
        items = value if column.kind in ("ids", "texts") and value is not None else [value]
        for index, item in enumerate(items):
            if item is not None:
                rows.append(_long_row(record, column, item, index if items is value else None))
    return rows


def _long_row(record: Record, column: Column, value: Any, index: int | None) -> LongRow:
    field = ".".join(column.path[:2])  # a peer's parts share the peer's provenance
    where = f"{field}[{index}]" if index is not None else field
    provenance = record.provenance.get(where)
    page = provenance["page"] if provenance is not None else None
    if isinstance(value, dict):  # a Term
        return (record.city.name, column.name, index, value["id"], value["label"], value["text"],
                value["score"], page)  # fmt: skip
    return record.city.name, column.name, index, None, None, text_cell(value, column.kind), None, page


def warning_rows(record: Record) -> list[tuple[str, str, str]]:
    """One row per warning of the record (``source_path`` left out): field, code, message."""
    return [(warning.field, warning.code, warning.message) for warning in record.warnings]


def unmapped_rows(record: Record) -> list[tuple[str, str, str | None, float]]:
    """One row per unmapped item (``source_path`` left out): field, text, best_id, best_score."""
    return [(item.field, item.text, item.best_id, item.best_score) for item in record.unmapped]


def wide_values(records: Sequence[Record], vocabulary: Vocabulary | None,
                source_paths: Sequence[str] | None) -> list[list[Any]]:  # fmt: skip
    """The wide table's rows, key first (``source_paths``, or each record's file name)."""
    names = [column.name for column in wide_columns(vocabulary)[1:]]
    paths = source_paths or [record.source.file for record in records]
    return [[path, *(row[name] for name in names)]
            for path, row in zip(paths, (wide_row(r, vocabulary) for r in records), strict=True)]  # fmt: skip


def long_values(records: Sequence[Record], source_paths: Sequence[str] | None) -> list[tuple[Any, ...]]:
    """The long table's rows, key first."""
    paths = source_paths or [record.source.file for record in records]
    return [(path, *row) for path, record in zip(paths, records, strict=True) for row in long_rows(record)]


def to_dataframe(
    records: Sequence[Record],
    shape: Literal["wide", "long"] = "wide",
    one_hot: bool = False,
    vocabulary: Vocabulary | None = None,
    source_paths: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Records as a typed pandas DataFrame (pyarrow-backed: lists, nullable integers and booleans,
    as ``pd.read_parquet(..., dtype_backend="pyarrow")`` gives them), wide (one row per document)
    or long (one row per value). ``source_paths``: the key of each record (default: its file)."""
    import pandas as pd

    from .parquet import arrow_table

    if shape == "long":
        table = arrow_table(LONG_COLUMNS_SPEC, long_values(records, source_paths))
    else:
        one_hot_vocabulary = (vocabulary or load_vocabulary()) if one_hot else None
        table = arrow_table(wide_columns(one_hot_vocabulary), wide_values(records, one_hot_vocabulary, source_paths))
    return table.to_pandas(types_mapper=pd.ArrowDtype)


def wide_row_columns(vocabulary: Vocabulary | None = None) -> list[str]:
    """The wide columns' names in order (with one-hot columns when a vocabulary is given)."""
    return [column.name for column in wide_columns(vocabulary)]


# --------------------------------------------------------------------------- CSV


def guard_formula(value: Any) -> Any:
    """``value`` with an apostrophe in front if it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def write_csv(stream: IO[bytes], columns: Sequence[Column], rows: Iterable[Sequence[Any]],
              bom: bool = False, guard: bool = True) -> None:  # fmt: skip
    """Rows of typed values as CSV onto ``stream``, row by row (see the module docstring)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    kinds = [column.kind for column in columns]
    writer.writerow([column.name for column in columns])
    stream.write((("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8"))
    buffer.seek(0)
    buffer.truncate()
    guarded = [guard and kind in TEXT_KINDS for kind in kinds]  # numbers are never touched
    for row in rows:
        writer.writerow([guard_formula(text_cell(value, kind)) if text else text_cell(value, kind)
                         for value, kind, text in zip(row, kinds, guarded, strict=True)])  # fmt: skip
        if buffer.tell() >= _FLUSH_BYTES:
            stream.write(buffer.getvalue().encode("utf-8"))
            buffer.seek(0)
            buffer.truncate()
    stream.write(buffer.getvalue().encode("utf-8"))


def csv_bytes(columns: Sequence[Column], rows: Iterable[Sequence[Any]], bom: bool = False,
              guard: bool = True) -> bytes:  # fmt: skip
    """``write_csv`` into bytes."""
    stream = io.BytesIO()
    write_csv(stream, columns, rows, bom, guard)
    return stream.getvalue()


def wide_csv(records: Sequence[Record], vocabulary: Vocabulary | None = None, bom: bool = False,
             source_paths: Sequence[str] | None = None) -> bytes:  # fmt: skip
    """The wide CSV of records (with one-hot columns when a vocabulary is given), without pandas."""
    return csv_bytes(wide_columns(vocabulary), wide_values(records, vocabulary, source_paths), bom)


def frame_columns(frame: pd.DataFrame) -> list[Column]:
    """Columns for a DataFrame's own columns, their kinds read from the dtypes."""
    import pandas as pd
    import pyarrow as pa

    columns = []
    for name, dtype in frame.dtypes.items():
        kind = "text"
        if isinstance(dtype, pd.ArrowDtype):
            arrow = dtype.pyarrow_dtype
            kind = ("ids" if pa.types.is_list(arrow) else "boolean" if pa.types.is_boolean(arrow)
                    else "integer" if pa.types.is_integer(arrow) else "number" if pa.types.is_floating(arrow)
                    else "text")  # fmt: skip
        elif pd.api.types.is_bool_dtype(dtype):
            kind = "boolean"
        elif pd.api.types.is_numeric_dtype(dtype):
            kind = "number"
        columns.append(Column(str(name), kind, ""))
    return columns


def to_csv(frame: pd.DataFrame, bom: bool = False, guard: bool = True) -> bytes:
    """A DataFrame as CSV bytes with the conventions of ``write_csv`` (the kinds of its columns
    read from the dtypes: a ``to_dataframe`` frame gives the bytes the batch writes).

    With ``guard`` (the default) text cells that would start a formula get a leading apostrophe.
    """
    return csv_bytes(frame_columns(frame), frame.itertuples(index=False, name=None), bom, guard)


__all__ = ["LONG_COLUMNS", "guard_formula", "long_rows", "to_csv", "to_dataframe", "unmapped_rows",
           "warning_rows", "wide_csv", "wide_row", "wide_row_columns", "write_csv"]  # fmt: skip

"""Parquet: typed table rows -> a Parquet file written by row groups (pyarrow's ``ParquetWriter``).

Contract: the Arrow type of every column follows its kind (``columns``): text and ids ``string``,
integers ``int64``, numbers ``float64``, booleans ``bool``, lists ``list<string>``; null is
null, so an empty list and a null list stay apart. Rows are written ``ROW_GROUP_ROWS`` at a time,
so memory holds one row group whatever the number of rows; no timestamps are stored, so the same
rows give the same bytes. ``pd.read_parquet(path, dtype_backend="pyarrow")`` (or
``"numpy_nullable"``) reads lists, nullable integers and booleans back as such.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import islice
from typing import IO, TYPE_CHECKING, Any

from .columns import Column

if TYPE_CHECKING:
    import pyarrow as pa

ROW_GROUP_ROWS = 1024


def arrow_type(kind: str) -> pa.DataType:
    """The Arrow type of a column kind."""
    import pyarrow as pa

    types = {"integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_(),
             "ids": pa.list_(pa.string()), "texts": pa.list_(pa.string())}  # fmt: skip
    return types.get(kind, pa.string())


def arrow_schema(columns: Sequence[Column]) -> pa.Schema:
    """The Arrow schema of a table with ``columns``."""
    import pyarrow as pa

    return pa.schema([(column.name, arrow_type(column.kind)) for column in columns])


def arrow_table(columns: Sequence[Column], rows: Iterable[Sequence[Any]]) -> pa.Table:
    """Rows of typed values as an Arrow table with the schema of ``columns``."""
    import pyarrow as pa

    schema = arrow_schema(columns)
    values = list(zip(*rows, strict=True)) or [() for _ in columns]
    arrays = [pa.array(list(column), type=field.type) for column, field in zip(values, schema, strict=True)]
    return pa.Table.from_arrays(arrays, schema=schema)


def write_parquet(stream: IO[bytes], columns: Sequence[Column], rows: Iterable[Sequence[Any]]) -> None:
    """Rows of typed values as Parquet onto ``stream``, one row group per ``ROW_GROUP_ROWS``."""
    import pyarrow.parquet as pq

    schema = arrow_schema(columns)
    iterator = iter(rows)
    with pq.ParquetWriter(stream, schema, compression="zstd") as writer:
        while chunk := list(islice(iterator, ROW_GROUP_ROWS)):
            writer.write_table(arrow_table(columns, chunk), row_group_size=ROW_GROUP_ROWS)

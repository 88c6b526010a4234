"""Exports: DataFrames (wide, long, one-hot), CSV cells, formula safety, XLSX and Parquet bytes."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from openpyxl import load_workbook

from snapshot_extract import to_dataframe
from snapshot_extract.export import record_json, records_jsonl
from snapshot_extract.export.rows import (
    LONG_COLUMNS,
    guard_formula,
    to_csv,
    wide_row_columns,
)
from snapshot_extract.export.tables import parquet_bytes, wide_column_types, workbook_bytes
from snapshot_extract.models import Record
from snapshot_extract.pipeline import extract
from snapshot_extract.vocabulary import Vocabulary

from .conftest import FIXTURES

SEED = FIXTURES / "text" / "enschede.txt"


@pytest.fixture(scope="module")
def enschede() -> Record:
    return extract(SEED)


def _with_overview(record: Record, **changes: Any) -> Record:
    return record.model_copy(update={"overview": record.overview.model_copy(update=changes)})


def test_wide_frame_one_row_per_record(enschede: Record) -> None:
    frame = to_dataframe([enschede, enschede])
    assert len(frame) == 2
    assert list(frame.columns) == wide_row_columns()
    assert frame.loc[0, "source_file"] == "enschede.txt"
    assert frame.loc[0, "impact_benefits"] == "anticipate_future;efficiency;service_delivery"
    assert frame.loc[0, "overview_population"] == 159000
    assert frame.loc[0, "warnings_count"] == 2


def test_long_frame_one_row_per_value(enschede: Record) -> None:
    frame = to_dataframe([enschede], shape="long")
    assert list(frame.columns) == list(LONG_COLUMNS)
    benefits = frame[frame["field"] == "impact.benefits"]
    assert list(benefits["id"]) == ["anticipate_future", "efficiency", "service_delivery"]
    assert list(benefits["index"]) == [0, 1, 2]


def test_one_hot_columns(enschede: Record, vocabulary: Vocabulary) -> None:
    frame = to_dataframe([enschede], one_hot=True)
    row = frame.iloc[0]
    assert row["impact_benefits__service_delivery"] == "true"
    assert row["impact_benefits__new_revenue"] == "false"
    for term in vocabulary.groups["benefits"]:
        assert f"impact_benefits__{term.id}" in frame.columns
    assert row["outcomes_with_sufficient_data__housing"] == ""  # null list (text dump): unknown


def test_empty_frames_keep_their_columns(vocabulary: Vocabulary) -> None:
    assert list(to_dataframe([]).columns) == wide_row_columns()
    assert list(to_dataframe([], one_hot=True).columns) == wide_row_columns(vocabulary)
    assert list(to_dataframe([], shape="long").columns) == list(LONG_COLUMNS)


def test_csv_cells(enschede: Record) -> None:
    text = to_csv(to_dataframe([enschede])).decode("utf-8")
    header, row = text.splitlines()
    cells = dict(zip(header.split(","), pd.read_csv(io.StringIO(text), dtype=str,
                                                    keep_default_na=False).iloc[0], strict=True))  # fmt: skip
    assert cells["funding_dedicated"] == "true" and cells["vision_formal_strategy"] == "false"
    assert cells["organisation_staff_count"] == "" and cells["source_pages"] == ""
    assert not text.startswith("\ufeff") and "\r" not in text


def test_csv_bom() -> None:
    assert to_csv(pd.DataFrame({"a": ["É"]}), bom=True).startswith(b"\xef\xbb\xbfa\n")


@pytest.mark.parametrize(("value", "cell"), [
    ("=1+1", "'=1+1"),
    ("+31 53 481", "'+31 53 481"),
    ("-rm", "'-rm"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tTab", "'\tTab"),
    ("Onno van Veldhuizen", "Onno van Veldhuizen"),
    ("a=b", "a=b"),
    (-5, -5),
    (None, None),
])  # fmt: skip
def test_guard_formula(value: Any, cell: Any) -> None:
    assert guard_formula(value) == cell


def test_csv_never_starts_a_formula(enschede: Record) -> None:
    record = _with_overview(enschede, mayor='=HYPERLINK("http://x","y")')
    wide = pd.read_csv(io.BytesIO(to_csv(to_dataframe([record]))), dtype=str)
    assert wide.loc[0, "overview_mayor"] == '\'=HYPERLINK("http://x","y")'
    raw = pd.read_csv(io.BytesIO(to_csv(to_dataframe([record]), guard=False)), dtype=str)
    assert raw.loc[0, "overview_mayor"] == '=HYPERLINK("http://x","y")'


def test_xlsx_keeps_text_as_text(enschede: Record, vocabulary: Vocabulary) -> None:
    record = _with_overview(enschede, mayor="=1+1", innovation_lead="#N/A")
    record = record.model_copy(update={"spotlight": record.spotlight.model_copy(
        update={"title": "bell\x07 and form\x0c feed"})})  # fmt: skip
    workbook = load_workbook(io.BytesIO(workbook_bytes([record], vocabulary)))
    sheet = workbook["snapshots"]
    header = [cell.value for cell in sheet[1]]
    row = {name: cell for name, cell in zip(header, sheet[2], strict=False)}
    assert row["overview_mayor"].value == "=1+1" and row["overview_mayor"].data_type == "s"
    assert row["overview_innovation_lead"].value == "#N/A"
    assert row["overview_innovation_lead"].data_type == "s"
    assert row["spotlight_title"].value == "bell\ufffd and form\ufffd feed"
    assert row["overview_population"].value == 159000  # numbers stay numbers
    assert row["organisation_staff_count"].value is None


def test_xlsx_is_byte_stable(enschede: Record, vocabulary: Vocabulary) -> None:
    first = workbook_bytes([enschede], vocabulary, one_hot=True)
    assert first == workbook_bytes([enschede], vocabulary, one_hot=True)
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {entry.date_time for entry in archive.infolist()} == {(2000, 1, 1, 0, 0, 0)}


def test_parquet_types_follow_the_model(enschede: Record, vocabulary: Vocabulary) -> None:
    data = parquet_bytes([enschede], vocabulary, one_hot=True)
    assert data == parquet_bytes([enschede], vocabulary, one_hot=True)
    table = pq.read_table(io.BytesIO(data))
    assert table.column_names == wide_row_columns(vocabulary)
    schema = table.schema
    assert schema.field("overview_population").type == pa.int64()
    assert schema.field("funding_dedicated").type == pa.bool_()
    assert schema.field("vision_peer_percent").type == pa.int64()
    assert schema.field("impact_benefits").type == pa.string()
    assert schema.field("impact_benefits__efficiency").type == pa.bool_()
    assert schema.field("warnings_count").type == pa.int64()
    row = table.to_pylist()[0]
    assert row["organisation_staff_count"] is None and row["funding_dedicated"] is True
    assert row["overview_mayor"] == "Onno van Veldhuizen"


def test_parquet_of_no_records_has_the_schema(vocabulary: Vocabulary) -> None:
    table = pq.read_table(io.BytesIO(parquet_bytes([], vocabulary)))
    assert table.num_rows == 0 and table.column_names == wide_row_columns()


def test_column_types_cover_every_wide_column(vocabulary: Vocabulary) -> None:
    assert list(wide_column_types()) == wide_row_columns()
    assert list(wide_column_types(vocabulary)) == wide_row_columns(vocabulary)


def test_json_round_trip(enschede: Record) -> None:
    assert Record.model_validate_json(record_json(enschede)) == enschede
    assert records_jsonl([enschede, enschede]).count("\n") == 2

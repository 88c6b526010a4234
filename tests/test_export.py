"""Exports: typed DataFrames (wide, long, one-hot), CSV cells and their round trip, formula
safety, XLSX and Parquet bytes, the data dictionary."""

from __future__ import annotations

import csv
import io
import zipfile
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from snapshot_extract import to_dataframe
from snapshot_extract.export import record_json, records_jsonl
from snapshot_extract.export.cells import join_list, parse_cell, split_list, text_cell
from snapshot_extract.export.columns import LONG_COLUMNS, dictionary_rows, table_columns, wide_columns
from snapshot_extract.export.rows import guard_formula, to_csv, wide_csv, wide_row_columns
from snapshot_extract.export.tables import dictionary_csv, long_csv, parquet_bytes, workbook_bytes
from snapshot_extract.models import Record, record_fields
from snapshot_extract.pipeline import extract
from snapshot_extract.vocabulary import Vocabulary

from .conftest import FIXTURES

SEED = FIXTURES / "text" / "enschede.txt"
MALMO_PDF = FIXTURES / "pdf" / "malmo.pdf"


@pytest.fixture(scope="module")
def enschede() -> Record:
    return extract(SEED)


@pytest.fixture(scope="module")
def malmo() -> Record:
    return extract(MALMO_PDF)


def _with(record: Record, section: str, **changes: Any) -> Record:
    return record.model_copy(update={section: getattr(record, section).model_copy(update=changes)})


def _csv_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


# --------------------------------------------------------------------------- typed frames


def test_wide_frame_is_typed(enschede: Record) -> None:
    frame = to_dataframe([enschede, enschede])
    assert len(frame) == 2 and list(frame.columns) == wide_row_columns()
    row = frame.iloc[0]
    assert row["source_path"] == "enschede.txt" and row["source_file"] == "enschede.txt"
    assert list(row["impact_benefits"]) == ["anticipate_future", "efficiency", "service_delivery"]
    assert row["overview_population"] == 159000 and str(frame["overview_population"].dtype) == "int64[pyarrow]"
    assert row["funding_dedicated"] is True and str(frame["funding_dedicated"].dtype) == "bool[pyarrow]"
    assert row["organisation_staff_count"] is pd.NA
    assert row["outcomes_with_sufficient_data"] is pd.NA  # null: a text dump has no colours
    assert row["vision_peer_percent"] == 50 and row["vision_peer_bound"] == "exact"
    assert row["warnings_count"] == 2


def test_long_frame_uses_the_wide_names(enschede: Record) -> None:
    frame = to_dataframe([enschede], shape="long")
    assert list(frame.columns) == list(LONG_COLUMNS)
    benefits = frame[frame["field"] == "impact_benefits"]
    assert list(benefits["id"]) == ["anticipate_future", "efficiency", "service_delivery"]
    assert list(benefits["index"]) == [0, 1, 2]
    assert set(frame["field"]) <= set(wide_row_columns())
    peer = frame[frame["field"].str.startswith("vision_peer")].set_index("field")["text"].to_dict()
    assert peer == {"vision_peer_percent": "50", "vision_peer_bound": "exact",
                    "vision_peer_text": "Like 50% of cities surveyed"}  # fmt: skip
    assert frame.loc[frame["field"] == "city_name", "text"].tolist() == ["Enschede"]
    assert frame.loc[frame["field"] == "funding_dedicated", "text"].tolist() == ["true"]


def test_one_hot_columns(enschede: Record, vocabulary: Vocabulary) -> None:
    frame = to_dataframe([enschede], one_hot=True)
    row = frame.iloc[0]
    assert row["impact_benefits__service_delivery"] is True
    assert row["impact_benefits__new_revenue"] is False
    for term in vocabulary.groups["benefits"]:
        assert f"impact_benefits__{term.id}" in frame.columns
    assert row["outcomes_with_sufficient_data__housing"] is pd.NA  # null list (text dump): unknown


def test_empty_frames_keep_their_columns(vocabulary: Vocabulary) -> None:
    assert list(to_dataframe([]).columns) == wide_row_columns()
    assert list(to_dataframe([], one_hot=True).columns) == wide_row_columns(vocabulary)
    assert list(to_dataframe([], shape="long").columns) == list(LONG_COLUMNS)


def test_source_paths_are_the_key(enschede: Record) -> None:
    frame = to_dataframe([enschede, enschede], source_paths=["a/enschede.txt", "b/enschede.txt"])
    assert list(frame["source_path"]) == ["a/enschede.txt", "b/enschede.txt"]
    assert frame["source_path"].is_unique and list(frame["source_file"]) == ["enschede.txt"] * 2


# --------------------------------------------------------------------------- CSV


def test_csv_cells(enschede: Record, malmo: Record) -> None:
    record = _with(enschede, "organisation", staff_skills=[])
    rows = {row["source_path"]: row for row in _csv_rows(wide_csv([record, malmo]))}
    text, pdf = rows["enschede.txt"], rows["malmo.pdf"]
    assert text["funding_dedicated"] == "true" and text["vision_formal_strategy"] == "false"
    assert text["organisation_staff_count"] == "" and text["source_pages"] == ""  # null scalars: empty
    assert text["organisation_staff_skills"] == ""  # the empty list: empty
    assert text["outcomes_with_sufficient_data"] == "null"  # a list the input cannot carry: null
    assert pdf["outcomes_with_sufficient_data"].count(";") >= 1
    assert text["impact_benefits"] == "anticipate_future;efficiency;service_delivery"


def test_csv_bytes_equal_the_dataframe_csv(enschede: Record, malmo: Record, vocabulary: Vocabulary) -> None:
    records = [enschede, malmo]
    assert to_csv(to_dataframe(records)) == wide_csv(records)
    assert to_csv(to_dataframe(records, "long")) == long_csv(records)
    one_hot = to_csv(to_dataframe(records, one_hot=True, vocabulary=vocabulary))
    assert one_hot == wide_csv(records, vocabulary)


def test_wide_csv_round_trips(enschede: Record, malmo: Record, vocabulary: Vocabulary) -> None:
    """Wide CSV -> the same typed values as the Parquet file: null and empty kept apart, free
    texts holding ; and \\ kept whole."""
    odd = _with(enschede, "data", uses=["a; b", "back\\slash", "null"])
    odd = _with(odd, "overview", websites=["null"], term_end=None)
    odd = _with(odd, "organisation", staff_skills=[])
    records = [odd, malmo]
    columns = wide_columns(vocabulary)
    parsed = [{column.name: parse_cell(row[column.name], column.kind) for column in columns}
              for row in _csv_rows(wide_csv(records, vocabulary))]  # fmt: skip
    assert parsed == pq.read_table(io.BytesIO(parquet_bytes(records, vocabulary, one_hot=True))).to_pylist()
    assert parsed[0]["data_uses"] == ["a; b", "back\\slash", "null"]
    assert parsed[0]["overview_websites"] == ["null"]
    assert parsed[0]["organisation_staff_skills"] == [] and parsed[0]["outcomes_with_sufficient_data"] is None


@given(st.lists(st.text(alphabet="ab;\\nul ", max_size=6), max_size=4))
def test_list_cells_round_trip(items: list[str]) -> None:
    cell = join_list(items)
    assert split_list(cell) == items or (items == [""] and split_list(cell) == [])


@pytest.mark.parametrize(("value", "kind", "cell"), [
    (None, "ids", "null"), ([], "ids", ""), (["a", "b"], "ids", "a;b"), (["a;b"], "texts", "a\\;b"),
    (None, "integer", ""), (True, "boolean", "true"), (False, "boolean", "false"), (51.9, "number", "51.9"),
    (["null"], "texts", "\\null"), ("x", "text", "x"),
])  # fmt: skip
def test_text_cell(value: Any, kind: str, cell: str) -> None:
    assert text_cell(value, kind) == cell


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
    record = _with(enschede, "overview", mayor='=HYPERLINK("http://x","y")')
    record = _with(record, "data", uses=["=cmd|' /C calc'!A0"])
    row = _csv_rows(wide_csv([record]))[0]
    assert row["overview_mayor"] == '\'=HYPERLINK("http://x","y")'
    assert row["data_uses"].startswith("'=")
    raw = pd.read_csv(io.BytesIO(to_csv(to_dataframe([record]), guard=False)), dtype=str)
    assert raw.loc[0, "overview_mayor"] == '=HYPERLINK("http://x","y")'


# --------------------------------------------------------------------------- XLSX


def test_xlsx_keeps_text_as_text_and_booleans_as_booleans(enschede: Record, vocabulary: Vocabulary) -> None:
    record = _with(enschede, "overview", mayor="=1+1", innovation_lead="#N/A")
    record = _with(record, "spotlight", title="bell\x07 and form\x0c feed")
    workbook = load_workbook(io.BytesIO(workbook_bytes([record], vocabulary, one_hot=True)))
    assert workbook.sheetnames == ["snapshots", "values", "warnings", "unmapped", "vocabulary", "columns"]
    sheet = workbook["snapshots"]
    header = [cell.value for cell in sheet[1]]
    assert header == wide_row_columns(vocabulary)
    row = {name: cell for name, cell in zip(header, sheet[2], strict=False)}
    assert row["overview_mayor"].value == "=1+1" and row["overview_mayor"].data_type == "s"
    assert row["overview_innovation_lead"].value == "#N/A" and row["overview_innovation_lead"].data_type == "s"
    assert row["spotlight_title"].value == "bell\ufffd and form\ufffd feed"
    assert row["overview_population"].value == 159000  # numbers stay numbers
    assert row["funding_dedicated"].value is True and row["funding_dedicated"].data_type == "b"
    assert row["impact_benefits__efficiency"].value is True
    assert row["organisation_staff_count"].value is None
    assert row["outcomes_with_sufficient_data"].value == "null"
    assert [cell.value for cell in workbook["values"][1]] == list(LONG_COLUMNS)


def test_xlsx_is_byte_stable(enschede: Record, vocabulary: Vocabulary) -> None:
    first = workbook_bytes([enschede], vocabulary, one_hot=True)
    assert first == workbook_bytes([enschede], vocabulary, one_hot=True)
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {entry.date_time for entry in archive.infolist()} == {(2000, 1, 1, 0, 0, 0)}


# --------------------------------------------------------------------------- Parquet


def test_parquet_types_follow_the_model(enschede: Record, vocabulary: Vocabulary) -> None:
    data = parquet_bytes([enschede], vocabulary, one_hot=True)
    assert data == parquet_bytes([enschede], vocabulary, one_hot=True)
    table = pq.read_table(io.BytesIO(data))
    assert table.column_names == wide_row_columns(vocabulary)
    schema = table.schema
    assert schema.field("overview_population").type == pa.int64()
    assert schema.field("funding_dedicated").type == pa.bool_()
    assert schema.field("vision_peer_percent").type == pa.int64()
    assert schema.field("impact_benefits").type == pa.list_(pa.string())
    assert schema.field("data_uses").type == pa.list_(pa.string())
    assert schema.field("organisation_structure").type == pa.string()
    assert schema.field("impact_benefits__efficiency").type == pa.bool_()
    assert schema.field("warnings_count").type == pa.int64()
    row = table.to_pylist()[0]
    assert row["organisation_staff_count"] is None and row["funding_dedicated"] is True
    assert row["overview_mayor"] == "Onno van Veldhuizen"
    assert row["outcomes_with_sufficient_data"] is None and row["impact_benefits"][0] == "anticipate_future"


def test_pandas_reads_lists_integers_and_booleans(enschede: Record, vocabulary: Vocabulary) -> None:
    record = _with(enschede, "organisation", staff_skills=[])
    frame = pd.read_parquet(io.BytesIO(parquet_bytes([record], vocabulary)), dtype_backend="pyarrow")
    assert str(frame["overview_population"].dtype) == "int64[pyarrow]"
    assert str(frame["organisation_staff_count"].dtype) == "int64[pyarrow]"  # not float, though null
    assert str(frame["funding_dedicated"].dtype) == "bool[pyarrow]"
    assert pa.types.is_list(frame["impact_benefits"].dtype.pyarrow_dtype)
    row = frame.iloc[0]
    assert list(row["organisation_staff_skills"]) == [] and row["outcomes_with_sufficient_data"] is pd.NA


def test_parquet_of_no_records_has_the_schema(vocabulary: Vocabulary) -> None:
    table = pq.read_table(io.BytesIO(parquet_bytes([], vocabulary)))
    assert table.num_rows == 0 and table.column_names == wide_row_columns()


# --------------------------------------------------------------------------- data dictionary


def test_dictionary_lists_every_column_of_every_table(vocabulary: Vocabulary) -> None:
    rows = dictionary_rows(vocabulary)
    listed = {(table, column) for table, column, *_ in rows}
    for table, columns in table_columns(vocabulary).items():
        assert {(table, column.name) for column in columns} <= listed
    for table, column, kind, description, _, example in rows:
        assert description and kind and example != "", (table, column)
    described = {column: (kind, group) for table, column, kind, _, group, _ in rows if table == "snapshots"}
    assert described["organisation_staff_skills"] == ("list of vocabulary ids", "staff_roles")
    assert described["data_inventory"] == ("vocabulary id", "data_inventory")
    assert described["vision_peer_bound"][0] == "text"


def test_dictionary_follows_the_model() -> None:
    """A field of the model is a column of the dictionary with the model's description."""
    rows = {column: description for table, column, _, description, _, _ in dictionary_rows() if table == "snapshots"}
    for spec in record_fields():
        name = spec.path.replace(".", "_")
        assert name in rows or any(key.startswith(name + "_") for key in rows), spec.path
        if name in rows:
            assert rows[name] == spec.description


def test_dictionary_csv_reads_back() -> None:
    rows = _csv_rows(dictionary_csv())
    assert list(rows[0]) == ["table", "column", "type", "description", "vocabulary", "example"]
    approach = next(row for row in rows if row["column"] == "approach_scope")
    assert approach["vocabulary"] == "approach_scope" and approach["example"] == "both"
    assert "holistic" in approach["description"]


def test_json_round_trip(enschede: Record) -> None:
    assert Record.model_validate_json(record_json(enschede)) == enschede
    assert records_jsonl([enschede, enschede]).count("\n") == 2

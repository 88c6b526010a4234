"""Rows: ``Record``s -> wide and long table rows, DataFrames and CSV (pandas lives here).

Contract: output is a pure function of the records (byte-identical for the same records);
JSON is UTF-8 with two-space indent; tables follow RECORD.md "Tabular exports": one row per
document (wide) or per value (long), stable column order, booleans ``true``/``false``, empty
cells for null, Term lists as ``;``-joined ids, no index column, optional UTF-8 BOM.

Formula safety: a spreadsheet reads a CSV cell that starts with ``= + - @`` (also full-width
``＝ ＋ － ＠``), ``|``, a tab or a carriage return as a formula. ``to_csv`` therefore prefixes
such *text* cells with an apostrophe (the OWASP "CSV injection" advice); numbers are never
touched. JSON, JSON Lines and Parquet keep the
exact text; the XLSX writer (``tables``) keeps it too, as cells typed as text, never formulas.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

from ..models import Record
from ..vocabulary import Vocabulary, load_vocabulary

if TYPE_CHECKING:  # pandas is imported where a table is built: parse/check start faster
    import pandas as pd

LIST_SEPARATOR = ";"

# (path, vocabulary group) of every Term list; None marks a list of plain strings.
TERM_LISTS: tuple[tuple[str, str | None], ...] = (
    ("overview.websites", None),
    ("organisation.staff_skills", "staff_roles"),
    ("vision.associations", "innovation_terms"),
    ("approach.priority_policy_areas", "policy_areas"),
    ("partnerships.innovation_partners", "partner_types"),
    ("partnerships.data_partners", "partner_types"),
    ("partnerships.data_activities", "data_activities"),
    ("funding.sources", "funding_sources"),
    ("funding.directed_to", "funding_uses"),
    ("impact.benefits", "benefits"),
    ("impact.success_factors", "success_factors"),
    ("data.uses", None),
    ("data.challenges", "data_challenges"),
    ("outcomes.policy_areas", "policy_areas"),
    ("outcomes.with_sufficient_data", "policy_areas"),
    ("outcomes.without_sufficient_data", "policy_areas"),
)
SECTIONS_ORDER = (
    "source", "city", "overview", "organisation", "spotlight", "vision", "approach",
    "partnerships", "funding", "impact", "data", "outcomes",
)  # fmt: skip
PEER_KEYS = ("percent", "bound", "text")
LONG_COLUMNS = ("source_file", "city", "field", "index", "id", "label", "text", "score", "page")
# the ASCII signs, their full-width forms (spreadsheets read them as formulas in CJK locales),
# "|" (the DDE pipe of old spreadsheets), tab and carriage return
FORMULA_PREFIXES = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20", "|", "\t", "\r")


def _is_term(value: Any) -> bool:
    return isinstance(value, dict) and {"id", "label", "text", "score"} <= value.keys()


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _flatten(prefix: str, value: Any, row: dict[str, Any]) -> None:
    if value is None and prefix.endswith("_peer"):
        value = dict.fromkeys(PEER_KEYS)
    if _is_term(value):
        row[prefix] = value["id"]
    elif isinstance(value, dict):
        for key, item in value.items():
            _flatten(f"{prefix}_{key}", item, row)
    elif isinstance(value, list):
        row[prefix] = LIST_SEPARATOR.join(item["id"] if _is_term(item) else str(item) for item in value)
    else:
        row[prefix] = _cell(value)


def wide_row(record: Record, vocabulary: Vocabulary | None = None) -> dict[str, Any]:
    """One record as a flat row; with a vocabulary, one-hot columns per term of each list."""
    data = record.model_dump(mode="json")
    row: dict[str, Any] = {}
    for section in SECTIONS_ORDER:
        _flatten(section, data[section], row)
    row["warnings_count"] = len(record.warnings)
    row["unmapped_count"] = len(record.unmapped)
    if vocabulary is not None:
        row.update(_one_hot(data, vocabulary))
    return row


def _one_hot(data: dict[str, Any], vocabulary: Vocabulary) -> dict[str, Any]:
    columns: dict[str, Any] = {}
    for path, group in TERM_LISTS:
        if group is None:
            continue
        section, key = path.split(".")
        value = data[section][key]
        ids = {item["id"] for item in value} if value is not None else None
        for term in vocabulary.groups[group]:
            columns[f"{section}_{key}__{term.id}"] = "" if ids is None else _cell(term.id in ids)
    return columns


def long_rows(record: Record) -> list[dict[str, Any]]:
    """One row per scalar value and per Term (list items carry their index)."""
    data = record.model_dump(mode="json")
    rows: list[dict[str, Any]] = []
    base = {"source_file": record.source.file, "city": record.city.name}
    for section in SECTIONS_ORDER[1:]:
        for key, value in data[section].items():
            _long(rows, base, f"{section}.{key}", value, None, record)
    return rows


def _long(rows: list[dict[str, Any]], base: dict[str, Any], path: str, value: Any,
          index: int | None, record: Record) -> None:  # fmt: skip
    if value is None or value == []:
        return
    if isinstance(value, list):
        for position, item in enumerate(value):
            _long(rows, base, path, item, position, record)
        return
    where = f"{path}[{index}]" if index is not None else path
    provenance = record.provenance.get(where)
    page = provenance["page"] if provenance is not None and provenance["page"] is not None else ""
    row = {**base, "field": path, "index": "" if index is None else index, "page": page}
    if _is_term(value):
        row.update(id=value["id"], label=value["label"], text=value["text"], score=value["score"])
    elif isinstance(value, dict):
        row.update(id="", label="", text=json.dumps(value, ensure_ascii=False), score="")
    else:
        row.update(id="", label="", text=_cell(value), score="")
    rows.append(row)


def to_dataframe(
    records: Sequence[Record],
    shape: Literal["wide", "long"] = "wide",
    one_hot: bool = False,
    vocabulary: Vocabulary | None = None,
) -> pd.DataFrame:
    """Records as a pandas DataFrame, wide (one row per document) or long (one row per value)."""
    import pandas as pd

    if shape == "long":
        rows = [row for record in records for row in long_rows(record)]
        return pd.DataFrame(rows, columns=list(LONG_COLUMNS))
    if one_hot:
        vocabulary = vocabulary or load_vocabulary()
    rows = [wide_row(record, vocabulary if one_hot else None) for record in records]
    columns = list(rows[0]) if rows else wide_row_columns(vocabulary if one_hot else None)
    return pd.DataFrame(rows, columns=columns)


def wide_row_columns(vocabulary: Vocabulary | None = None) -> list[str]:
    """The wide columns in order (with one-hot columns when a vocabulary is given)."""
    from ..models import City, Source

    empty = Record(source=Source(file="", sha256="", format="text", pages=None),
                   city=City(name="", as_printed="", country="", country_code=None))
    return list(wide_row(empty, vocabulary))


def guard_formula(value: Any) -> Any:
    """``value`` with an apostrophe in front if it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def to_csv(frame: pd.DataFrame, bom: bool = False, guard: bool = True) -> bytes:
    """A DataFrame as CSV bytes: UTF-8 (BOM on request), ``\\n`` line ends, no index.

    With ``guard`` (the default) text cells that would start a formula get a leading apostrophe.
    """
    if guard:
        frame = frame.map(guard_formula)
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return (("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8")

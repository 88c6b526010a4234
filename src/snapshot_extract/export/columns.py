"""Columns: every column of every table, derived from the record model (``models.record_fields``),
and the data dictionary that describes them (``columns.csv``, the ``columns`` sheet).

Contract: one ``Column`` per column, in table order, with its name, kind, meaning, vocabulary
group and an example; the writers (CSV, XLSX, Parquet) and the dictionary all read these, so a
field added to the model reaches every table and the dictionary without a line here.

Names are the same in every table and format: a record path with ``.`` replaced by ``_``
(``vision.peer.percent`` -> ``vision_peer_percent``); the long table's ``field`` column holds
these names too. ``source_path`` (the input's path relative to the folder common to all inputs)
is the key of every table. Kinds:

- ``text``, ``id`` (a vocabulary id), ``integer``, ``number``, ``boolean``: one value or null;
- ``ids`` (a list of vocabulary ids) and ``texts`` (a list of free texts): a list, or null when
  the input cannot carry it (``outcomes_with_sufficient_data`` of a text dump).
"""

from __future__ import annotations

import types
import typing
from functools import cache
from typing import Any, NamedTuple

from pydantic import BaseModel

from ..models import Record, Term, Unmapped, Warning, model_field_specs, record_fields
from ..vocabulary import Vocabulary
from .cells import text_cell

KINDS = ("text", "id", "integer", "number", "boolean", "ids", "texts")
KIND_NAMES = {"text": "text", "id": "vocabulary id", "integer": "integer", "number": "number",
              "boolean": "boolean", "ids": "list of vocabulary ids", "texts": "list of texts"}  # fmt: skip
TABLE_NAMES = ("snapshots", "values", "warnings", "unmapped", "vocabulary")


class Column(NamedTuple):
    """One column of a table. ``path`` says where a wide column's value lives in the record's
    JSON (``("vision", "peer", "percent")``); ``term`` names the id a one-hot column tests."""

    name: str
    kind: str
    description: str
    vocabulary: str | None = None
    example: Any = None
    path: tuple[str, ...] = ()
    term: str | None = None


SOURCE_PATH = Column("source_path", "text", "the input's path relative to the folder common to all inputs of "
                     "the batch (the file name alone outside a batch): the key of every table",
                     example="text/enschede.txt")  # fmt: skip
COUNTS = (
    Column("warnings_count", "integer", "number of warnings on the record (see the warnings table)", example=2),
    Column("unmapped_count", "integer", "number of printed items that matched no vocabulary term (see the "
           "unmapped table)", example=0),
)  # fmt: skip


def _without_none(annotation: Any) -> tuple[Any, bool]:
    """(``X``, True) for ``X | None``; (annotation, False) otherwise."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        options = [option for option in typing.get_args(annotation) if option is not type(None)]
        if len(options) == 1:
            return options[0], True
    return annotation, False


def kind_of(annotation: Any) -> str:
    """The column kind of a field annotation (``list[Term] | None`` -> ``ids``)."""
    bare, _ = _without_none(annotation)
    if typing.get_origin(bare) is list:
        (item,) = typing.get_args(bare)
        return "ids" if item is Term else "texts"
    if bare is Term:
        return "id"
    return {bool: "boolean", int: "integer", float: "number"}.get(bare, "text")


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds (``Peer | None`` -> ``Peer``) when it is flattened into columns."""
    bare, _ = _without_none(annotation)
    if isinstance(bare, type) and issubclass(bare, BaseModel) and bare is not Term:
        return bare
    return None


@cache
def _field_columns() -> tuple[Column, ...]:
    """One column per field of the record's sections; a nested model (a peer) gives one per field."""
    columns = []
    for spec in record_fields():
        nested = _nested_model(spec.annotation)
        if nested is None:
            columns.append(Column(spec.path.replace(".", "_"), kind_of(spec.annotation), spec.description,
                                  spec.vocabulary, spec.example, tuple(spec.path.split("."))))  # fmt: skip
            continue
        for part in model_field_specs(spec.path, nested):
            description = f"{part.description} ({spec.path}: {spec.description})"
            columns.append(Column(part.path.replace(".", "_"), kind_of(part.annotation), description,
                                  part.vocabulary, part.example, tuple(part.path.split("."))))  # fmt: skip
    return tuple(columns)


def one_hot_columns(vocabulary: Vocabulary) -> list[Column]:
    """A boolean column per term of each Term-list field: ``impact_benefits__efficiency``."""
    columns = []
    for column in _field_columns():
        if column.kind != "ids" or column.vocabulary is None:
            continue
        for term in vocabulary.groups.get(column.vocabulary, ()):
            description = (f"true when {column.name} lists {term.id} ({term.label}); empty when "
                           f"{column.name} is null")  # fmt: skip
            columns.append(Column(f"{column.name}__{term.id}", "boolean", description, column.vocabulary,
                                  term.id in (column.example or ()), column.path, term.id))  # fmt: skip
    return columns


def wide_columns(one_hot: Vocabulary | None = None) -> list[Column]:
    """The wide table's columns in order: ``source_path``, every field, the counts, and with a
    vocabulary its one-hot columns."""
    return [SOURCE_PATH, *_field_columns(), *COUNTS, *(one_hot_columns(one_hot) if one_hot else ())]


def _described(model: type[BaseModel], name: str) -> str:
    return model.model_fields[name].description or ""


LONG_COLUMNS_SPEC = (
    SOURCE_PATH,
    Column("city_name", "text", _described(Record.model_fields["city"].annotation, "name"),  # type: ignore[arg-type]
           example="Enschede"),
    Column("field", "text", "the value's column in the snapshots table (a list item: its list's column)",
           example="impact_benefits"),
    Column("index", "integer", "position in the list, from 0; empty for a single value", example=0),
    Column("id", "id", "the vocabulary id of a Term (its group: see the field in the snapshots table)",
           example="anticipate_future"),
    Column("label", "text", _described(Term, "label"), example="Anticipate and manage future challenges"),
    Column("text", "text", "a Term as printed; any other value as the CSV shows it",
           example="Anticipating and managing future challenges"),
    Column("score", "number", _described(Term, "score"), example=100.0),
    Column("page", "integer", "1-based page the value was read from (empty for a text dump)", example=2),
)  # fmt: skip
WARNING_COLUMNS_SPEC = (
    SOURCE_PATH,
    Column("field", "text", _described(Warning, "field"), example="outcomes.with_sufficient_data"),
    Column("code", "text", _described(Warning, "code"), example="no_grid_colours"),
    Column("message", "text", _described(Warning, "message"), example="cannot tell which areas have sufficient "
           "data: the input carries no colours"),
)  # fmt: skip
UNMAPPED_COLUMNS_SPEC = (
    SOURCE_PATH,
    Column("field", "text", _described(Unmapped, "field"), example="impact.benefits"),
    Column("text", "text", _described(Unmapped, "text"), example="Resource efficiency"),
    Column("best_id", "id", _described(Unmapped, "best_id"), example="efficiency"),
    Column("best_score", "number", _described(Unmapped, "best_score"), example=51.9),
)  # fmt: skip
VOCABULARY_COLUMNS_SPEC = (
    Column("group", "text", "the vocabulary group (the vocabulary column of the other tables)",
           example="benefits"),
    Column("id", "id", "the term's id, as the tables hold it", example="efficiency"),
    Column("label", "text", "the term's label",
           example="Save costs and improve efficiency within the public sector"),
    Column("aliases", "texts", "other printed forms that map onto the id",
           example=["Gaining efficiency within the public sector"]),
)  # fmt: skip

LONG_COLUMNS = tuple(column.name for column in LONG_COLUMNS_SPEC)
WARNING_COLUMNS = tuple(column.name for column in WARNING_COLUMNS_SPEC)
UNMAPPED_COLUMNS = tuple(column.name for column in UNMAPPED_COLUMNS_SPEC)
VOCABULARY_COLUMNS = tuple(column.name for column in VOCABULARY_COLUMNS_SPEC)


def table_columns(one_hot: Vocabulary | None = None) -> dict[str, list[Column]]:
    """Every table's columns by table (the XLSX sheet names; the files are listed in README)."""
    return {"snapshots": wide_columns(one_hot), "values": list(LONG_COLUMNS_SPEC),
            "warnings": list(WARNING_COLUMNS_SPEC), "unmapped": list(UNMAPPED_COLUMNS_SPEC),
            "vocabulary": list(VOCABULARY_COLUMNS_SPEC)}  # fmt: skip


DICTIONARY_COLUMNS_SPEC = (
    Column("table", "text", "the table: snapshots (snapshots.csv, .parquet and the sheet), values "
           "(snapshots_long.csv and the sheet), warnings, unmapped, vocabulary (sheets)", example="snapshots"),
    Column("column", "text", "the column's name, the same in every file and format", example="impact_benefits"),
    Column("type", "text", "text, vocabulary id, integer, number, boolean, list of vocabulary ids, list of texts",
           example="list of vocabulary ids"),
    Column("description", "text", "what the column holds", example="how innovation is helping the city"),
    Column("vocabulary", "text", "the vocabulary group its ids come from (see the vocabulary sheet)",
           example="benefits"),
    Column("example", "text", "an example value, written as in the CSV", example="anticipate_future;efficiency"),
)  # fmt: skip
DICTIONARY_COLUMNS = tuple(column.name for column in DICTIONARY_COLUMNS_SPEC)


def dictionary_rows(one_hot: Vocabulary | None = None) -> list[tuple[str, str, str, str, str | None, str]]:
    """The data dictionary: (table, column, type, description, vocabulary group, example) for
    every column of every table; the example written as the CSV writes a value of its column."""
    return [(table, column.name, KIND_NAMES[column.kind], column.description, column.vocabulary,
             text_cell(column.example, column.kind) if column.example is not None else "")
            for table, columns in table_columns(one_hot).items() for column in columns]  # fmt: skip

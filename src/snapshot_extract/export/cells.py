"""Cells: how one typed value of a column is written as text (CSV, the XLSX list cells, the data
dictionary's examples) and read back.

The conventions (README "Tables"):
- null is an empty cell, except for a list column (``ids``, ``texts``), where an empty cell is
  the empty list and null (the input cannot carry the list) is the marker ``null``;
- a list is its items joined with ``;``; an item's own ``;`` and ``\\`` are escaped with a
  backslash (``a\\;b``), and a one-item list whose item is ``null`` is written ``\\null``;
- booleans are ``true`` / ``false``; numbers as Python prints them (``159000``, ``51.9``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

LIST_SEPARATOR = ";"
NULL_LIST = "null"
LIST_KINDS = frozenset({"ids", "texts"})


def is_null(value: Any) -> bool:
    """None, pandas' NA or a float NaN."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return type(value).__name__ == "NAType"


def join_list(items: Iterable[Any]) -> str:
    """List items as one cell: ``;``-joined, their own ``;`` and ``\\`` escaped."""
    cell = LIST_SEPARATOR.join(str(item).replace("\\", "\\\\").replace(";", "\\;") for item in items)
    return "\\" + cell if cell == NULL_LIST else cell


def split_list(cell: str) -> list[str] | None:
    """The list a cell holds (the inverse of ``join_list``); None for the ``null`` marker."""
    if cell == NULL_LIST:
        return None
    items: list[str] = []
    current: list[str] = []
    escaped = False
    for character in cell:
        if escaped:
            current.append(character)
            escaped = False
        elif character == "\\":
            escaped = True
        elif character == LIST_SEPARATOR:
            items.append("".join(current))
            current = []
        else:
            current.append(character)
    if cell:
        items.append("".join(current))
    return items


def text_cell(value: Any, kind: str) -> str:
    """One value of a column of ``kind`` as cell text (see the module docstring)."""
    if is_null(value):
        return NULL_LIST if kind in LIST_KINDS else ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple) or type(value).__name__ == "ndarray":
        return join_list(value)
    return str(value)


def parse_cell(cell: str, kind: str) -> Any:
    """The typed value of a cell of a column of ``kind`` (the inverse of ``text_cell``)."""
    if kind in LIST_KINDS:
        return split_list(cell)
    if cell == "":
        return None
    if kind == "boolean":
        return {"true": True, "false": False}[cell]
    if kind == "integer":
        return int(cell)
    if kind == "number":
        return float(cell)
    return cell

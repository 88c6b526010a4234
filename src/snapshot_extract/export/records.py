"""Records as JSON: one pretty JSON document per record, or JSON Lines for many.

Output is a pure function of the records: the same records give byte-identical text.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..models import Record


def record_json(record: Record) -> str:
    """One record as pretty JSON (two-space indent, ends with a newline)."""
    return record.model_dump_json(indent=2) + "\n"


def records_jsonl(records: Iterable[Record]) -> str:
    """Records as JSON Lines: one compact record per line."""
    return "".join(record.model_dump_json() + "\n" for record in records)

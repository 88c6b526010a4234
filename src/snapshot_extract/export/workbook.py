"""Workbook: typed table rows -> an XLSX file, streamed (openpyxl's write-only mode).

Contract: one sheet per table, in order; header row bold, frozen and filtered, column widths
fitted to the longest cell. Cells are typed: numbers as numbers, booleans as real TRUE/FALSE,
null empty; a list column holds the CSV's text (``;``-joined, ``null`` for a null list); text is
stored as text, never as a formula (``=...`` is shown, not run; no apostrophe is added).
Characters XML cannot carry become U+FFFD and text is cut at Excel's 32 767 characters.

Memory stays flat: each sheet's rows are read twice from their source (once to fit the widths
and count the rows, once to write them) and openpyxl writes rows to a temporary file as they
come; the finished zip is copied entry by entry. Determinism: document properties and every zip
entry get the fixed time ``FIXED_TIME``, so the same rows give the same bytes.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from .cells import LIST_KINDS, is_null, text_cell
from .columns import Column

if TYPE_CHECKING:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

FIXED_TIME = datetime(2000, 1, 1)
MAX_CELL_TEXT = 32_767
MAX_COLUMN_WIDTH = 60
_CORE_TIMES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")
_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")  # openpyxl's ILLEGAL_CHARACTERS_RE


class Sheet(NamedTuple):
    """A sheet to write: its title, columns, and a callable giving its rows (called twice)."""

    title: str
    columns: Sequence[Column]
    rows: Callable[[], Iterable[Sequence[Any]]]


def xlsx_value(value: Any, kind: str) -> Any:
    """A typed value as the sheet stores it: empty -> None, a list as its CSV text, text cleaned
    of characters XML cannot hold and cut to Excel's limit."""
    if kind in LIST_KINDS:
        value = text_cell(value, kind)
    elif is_null(value):
        return None
    if isinstance(value, str):
        return _ILLEGAL.sub("\ufffd", value)[:MAX_CELL_TEXT] or None
    return value


def _shown_length(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, bool):
        return 5
    return len(str(value))


def write_workbook(stream: IO[bytes], sheets: Sequence[Sheet]) -> None:
    """The sheets as an XLSX workbook onto ``stream`` (see the module docstring)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for sheet in sheets:
        _fill_sheet(workbook.create_sheet(sheet.title), sheet)
    workbook.properties.creator = "snapshot-extract"
    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    with tempfile.TemporaryFile() as draft:
        workbook.save(draft)
        draft.seek(0)
        _copy_with_fixed_times(draft, stream)


def _fill_sheet(sheet: WriteOnlyWorksheet, table: Sheet) -> None:
    """Header (bold, frozen, filtered), then the rows; widths fitted to the longest cell."""
    from openpyxl.utils import get_column_letter

    kinds = [column.kind for column in table.columns]
    widths = [len(column.name) for column in table.columns]
    count = 0
    for row in table.rows():
        count += 1
        for position, (value, kind) in enumerate(zip(row, kinds, strict=True)):
            widths[position] = max(widths[position], _shown_length(xlsx_value(value, kind)))
    for position, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(position)].width = min(width, MAX_COLUMN_WIDTH) + 2
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(max(len(widths), 1))}{count + 1}"
    sheet.append([_bold(sheet, column.name) for column in table.columns])
    for row in table.rows():
        sheet.append([_text_cell(sheet, xlsx_value(value, kind)) for value, kind in zip(row, kinds, strict=True)])


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


def _copy_with_fixed_times(source: IO[bytes], target: IO[bytes]) -> None:
    """The zip in ``source`` onto ``target`` with every entry dated ``FIXED_TIME`` and fixed
    core-property times, entry by entry (a sheet is never all in memory)."""
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for entry in archive.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            fixed.create_system = 3
            if entry.filename == "docProps/core.xml":
                out.writestr(fixed, _CORE_TIMES.sub(rb"\g<1>" + stamp + rb"\g<3>", archive.read(entry)))
                continue
            fixed.file_size = entry.file_size
            with archive.open(entry) as reader, out.open(fixed, "w") as writer:
                shutil.copyfileobj(reader, writer, 1 << 20)

"""An outcomes grid keyed by typed marks, as a document's own legend says ("(+) = With sufficient
data; (-) = Without sufficient data", "Y = …", "# = …", "[*] = …"): a plain-text grid that has
no colours and no glyphs, each area after its mark (on the line before it, or opening its line).

``keyed_areas(blocks)`` reads such a grid when the section prints such a legend: each area with
the side its mark says, its wrapped lines joined, and the blocks it used. A legend of glyphs or
colours is ``legend.py``'s.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..geometry import right_under, union_box
from ..models import Block, Evidence, Line
from ..textutil import join_wrapped
from .legend import legend_kind

# a mark: up to three characters, no word ("(+)", "[X]", "#", "Y", "*")
_MARK = r"(?:[^\w\s]{1,3}|\[\w\]|\(\w\)|[A-Za-z])"
# a legend's entry, "MARK = label", after the start of its line, a separator or a wide gap
_ENTRY_RE = re.compile(rf"(?:^|[;,]\s*|\s{{2,}})(?P<mark>{_MARK})\s*[=:]\s*(?P<label>[^;=]+?)\s*"
                       rf"(?=[;,]\s*{_MARK}\s*[=:]|$)")
MIN_KEYED = 6  # areas at least after the legend's marks: a grid, not a stray mark
Keyed = tuple[str, Evidence, str]  # an area's text, its evidence, "with" or "without"


def keyed_areas(blocks: Sequence[Block]) -> tuple[list[Keyed], set[int]] | None:
    """The areas of a grid keyed by the marks of a legend among ``blocks``, and the blocks they
    and the legend fill; None where no such legend is printed or too few areas carry its marks."""
    legend = next(((index, marks) for index, block in enumerate(blocks) if len(marks := _legend_marks(block)) == 2),
                  None)
    if legend is None:
        return None
    legend_index, marks = legend
    areas: list[tuple[str, list[Line]]] = []  # each area's side and its lines
    used: set[int] = {legend_index}
    pending: str | None = None  # a mark on a line of its own: the side of the area on the next line
    open_area = False  # the line before was an area's: this one may carry its label on
    for index, block in enumerate(blocks):
        if index == legend_index:
            open_area, pending = False, None
            continue
        for line in block.lines:
            text = line.text.strip()
            mark = next((mark for mark in marks if text == mark or text.startswith(f"{mark} ")), None)
            taken = True
            if mark is not None:
                rest = text[len(mark):].strip()
                pending = None if rest else marks[mark]
                if rest:
                    areas.append((marks[mark], [line._replace(text=rest)]))
            elif pending is not None:
                areas.append((pending, [line]))
                pending = None
            elif open_area and _carries_on(areas[-1][1][-1], line):
                areas[-1][1].append(line)  # a wrapped label's next line
            else:
                taken = False
            open_area = taken and pending is None
            if taken:
                used.add(index)
    if len(areas) < MIN_KEYED:
        return None
    return [_area(side, lines) for side, lines in areas], used


def _legend_marks(block: Block) -> dict[str, str]:
    """Mark -> "with"/"without" of a legend line ("(+) = With sufficient data; (-) = Without …"),
    both sides named by two marks; else empty."""
    for line in block.lines:
        entries = {match.group("mark"): legend_kind(match.group("label")) for match in _ENTRY_RE.finditer(line.text)}
        kinds = {kind for kind in entries.values() if kind is not None}
        if len(entries) == 2 and kinds == {"with", "without"}:
            return {mark: kind for mark, kind in entries.items() if kind is not None}
    return {}


def _carries_on(before: Line, line: Line) -> bool:
    """``line`` goes on with the label of ``before``: no sentence, set under it (a dump's lines
    have no place: any short line)."""
    if line.text.endswith(".") or len(line.text) > 40:
        return False
    if before.bbox is None or line.bbox is None:
        return True
    height = before.bbox[3] - before.bbox[1]
    return before.page == line.page and right_under(before.bbox, line.bbox, gap=1.0, indent=height, outdent=height)


def _area(side: str, lines: list[Line]) -> Keyed:
    text = join_wrapped([line.text for line in lines])
    boxes = [line.bbox for line in lines if line.bbox is not None]
    return text, Evidence(text, lines[0].page, union_box(boxes)), side

"""The cells of an outcomes grid put together: a label wrapped over several lines that the
reading order set apart joined again, and a cell keyed by a marker the label wrapped away from."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..geometry import right_under, union_box
from ..models import RGB, BBox, Evidence, Swatch, vocabulary_group
from ..vocabulary import Vocabulary


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    evidence: Evidence
    fill: RGB | None
    color: RGB | None
    side: str | None = None  # "with" or "without" where the cell's glyph says it ("● Culture")
    glyph: str = ""  # the list glyph printed before the cell's label
    row: int | None = None  # the section's block of a table row the cell was printed in
    key: BBox | None = None  # the swatch printed left of the label that keys it


MAX_WRAPS = 3  # lines of one grid label
_KEY_GAP = 8.0  # points: a key stands at most this far left of the label it keys


def join_wrapped(cells: list[Cell], vocabulary: Vocabulary) -> list[Cell]:
    """Cells whose label wrapped onto lines the reading order put elsewhere ("Labour Market and"
    ... "Skills", "Policing" ... "and law" ... "enforcement"): a cell takes the lines right under
    it, one by one, where together they name an area confidently and apart they do not (either
    one) or the line has no key of its own under a keyed label (a marker keys a label's first
    line only)."""
    group = vocabulary_group("outcomes.policy_areas")
    joined: list[Cell] = []
    taken: set[int] = set()
    for index, cell in enumerate(cells):
        if index in taken:
            continue
        lines = [index]
        while cell.evidence.bbox is not None and len(lines) < MAX_WRAPS:
            below = next((other for other, candidate in enumerate(cells) if other not in taken
                          and other not in lines and _wraps_into(cells[lines[-1]], candidate, cell)), None)  # fmt: skip
            if below is None:
                break
            lines.append(below)
            text = " ".join(cells[line].text for line in lines)
            unkeyed = cell.fill is not None and cells[below].fill is None  # a line with no key of its own carries on
            alone = not unkeyed and vocabulary.is_confident(group, cell.text) and vocabulary.is_confident(
                group, cells[below].text)
            if not alone and vocabulary.is_confident(group, text):
                taken.update(lines[1:])
                box = union_box([b for b in (cells[line].evidence.bbox for line in lines) if b is not None])
                cell = replace(cell, text=text, evidence=Evidence(text, cell.evidence.page, box))
        joined.append(cell)
    return joined


def keyed_above(cells: list[Cell], swatches: tuple[Swatch, ...]) -> list[Cell]:
    """Cells with no key beside them take the one printed alone on the line above, at their left
    edge (a marker whose label was too long to follow it and wrapped whole onto the next line)."""
    return [cell if cell.fill is not None or (key := _key_above(cell, cells, swatches)) is None
            else replace(cell, fill=key) for cell in cells]  # fmt: skip


def _key_above(cell: Cell, cells: list[Cell], swatches: tuple[Swatch, ...]) -> RGB | None:
    box = cell.evidence.bbox
    if box is None:
        return None
    height = box[3] - box[1]
    for swatch in swatches:
        key = swatch.bbox
        if (swatch.page == cell.evidence.page and abs(key[0] - box[0]) <= 2 and 0 <= box[1] - key[3] <= height
                and key[3] - key[1] <= height and not any(_follows(key, other) for other in cells)):
            return swatch.fill
    return None


def _follows(key: BBox, cell: Cell) -> bool:
    """``cell``'s text starts right after ``key``, level with it: the key is that cell's."""
    box = cell.evidence.bbox
    return box is not None and key[2] - 2 <= box[0] <= key[2] + _KEY_GAP and box[1] < key[3] and key[1] < box[3]



def _wraps_into(line: Cell, other: Cell, cell: Cell) -> bool:
    """``other`` is the next line after ``line`` of ``cell``'s label: on its page, in its text
    colour and its fill (or none: a line under a key printed beside the label carries none),
    right under it at its left edge or hanging under the key (as far left as the key, a line height
    at least)."""
    above, below = line.evidence.bbox, other.evidence.bbox
    if (above is None or below is None or other.evidence.page != cell.evidence.page or other.color != cell.color
            or other.fill not in (cell.fill, None)):
        return False
    hang = max(above[3] - above[1], cell.evidence.bbox[0] - cell.key[0] if cell.evidence.bbox and cell.key else 0.0)
    return right_under(above, below, gap=0.8, overlap=0.2, outdent=hang + 2)

"""Outcomes grid -> ``outcomes.policy_areas`` and, where colours survive, the with/without lists.

The meaning of a grid cell ("with sufficient data" / "without sufficient data") is carried by
colour only. The legend is found in the document: a label line "With sufficient data" /
"Without sufficient data" whose colour is that of the swatch beside it (a filled rectangle on
the same page, left of the label and overlapping it vertically) or, without a swatch, of the
label's own text. Each cell is then classified to the nearest legend colour by its fill or its
text colour, whichever is nearer to a legend colour; an attribute every cell shares (a neutral
fill behind coloured text, white text on coloured fills) is not compared. A cell colour close to
both legend colours, or to neither, is still classified but gets an ``uncertain_grid_colour``
warning. No colour is hard-coded. Without a readable legend or cell colours the
two lists are null and each carries a ``no_grid_colours`` warning.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import replace

from ..models import PAPER, RGB, Block, Evidence, FieldResult, Section, Swatch, vocabulary_group
from ..textutil import is_bullet_glyph
from ..vocabulary import Vocabulary
from .common import Found, locate, separated
from .grid_cells import Cell, join_wrapped, keyed_above
from .keyed_grid import Keyed, keyed_areas
from .legend import (
    Legend,
    key_beside,
    key_colour,
    legend_kind,
    named_keys,
    resolve_names,
    swatch_beside,
    without_legend,
)
from .lists import Unit, split_items

_INTRO_RE = re.compile(r"\bsufficient\s+data\b", re.I)
_AMBIGUITY_MARGIN = 0.05
MIN_SEPARATED = 3  # areas at least between separator glyphs make a paragraph the grid run on as text
_MATCH_DISTANCE = 0.25  # RGB distance: a cell colour farther than this from every legend colour is doubtful
WITH, WITHOUT = "outcomes.with_sufficient_data", "outcomes.without_sufficient_data"


def map_outcomes(section: Section | None, vocabulary: Vocabulary, swatches: tuple[Swatch, ...] = ()) -> FieldResult:
    found = Found("outcomes", vocabulary)
    found.values["outcomes.policy_areas"] = []
    if section is None:
        return found.result()
    keyed = keyed_areas(section.blocks)
    if keyed is not None:  # a plain-text grid, each area after a mark its legend names
        return _keyed_result(found, section, *keyed)
    legend = Legend.over(section.blocks)
    cells: list[Cell] = []
    units: list[Unit] = []  # a dump's grid: lines whose cells the dump ran together or wrapped
    unit_glyphs: list[str] = []  # each unit's glyph: its line's marker, or the one of the line it carries on
    unit_paints: list[tuple[str, RGB]] = []  # the runs of one colour of the units' lines
    for index, block in enumerate(section.blocks):
        is_intro = _INTRO_RE.search(block.text) and block.text.endswith(".") and block.kind != "row"
        if legend.take(index, block, swatches) or is_intro:
            found.use(index)
        elif block.kind != "row" and ((block.is_item and (block.lines[0].bbox is None or _glyph_cells(block.text)))
                                      or len(separated(block.text)) >= MIN_SEPARATED  # "Housing · Culture · …"
                                      or _areas_only(block, vocabulary)):
            found.use(index)
            _add_units(block, units, unit_glyphs)
            unit_paints += [part for line in block.lines for part in line.color_parts]
        elif block.kind == "row" or (len(block.text) <= 60 and not block.text.endswith(".")):
            found.use(index)
            cells.extend(_cells(block, swatches, index))
    glyphs = legend.glyphs
    by_glyph = {glyph: kind for kind, glyph in glyphs.items()} if len(set(glyphs.values())) == 2 else {}
    cells = keyed_above(join_wrapped(_answered(cells, section.blocks, swatches), vocabulary), swatches)
    cells = [replace(cell, side=by_glyph.get(cell.glyph, cell.side)) for cell in cells]
    sides = _glyph_sides(units, unit_glyphs, by_glyph, vocabulary)
    cells += [Cell(text, evidence, None, _painted(text, unit_paints), sides.get(text))
              for text, evidence in split_items(units, "policy_areas", vocabulary)]
    found.terms("outcomes.policy_areas", [(cell.text, cell.evidence) for cell in cells])
    colours = legend.colours
    if len(colours) < 2 and legend.worded and any(cell.fill is not None or cell.color is not None for cell in cells):
        colours = _worded_legend(cells, [section.blocks[index] for index in legend.worded]) or colours
    for index in legend.worded if len(colours) == 2 else ():  # a legend sentence ("Legend: blue = with ...")
        found.use(index)
    if len(colours) == 1:
        colours = _other_side(cells, colours) or colours
    _classify(found, cells, colours)
    return found.result()


def _keyed_result(found: Found, section: Section, areas: list[Keyed], used: set[int]) -> FieldResult:
    for index, block in enumerate(section.blocks):
        if index in used or (_INTRO_RE.search(block.text) and block.text.endswith(".")):
            found.use(index)
    cells = [Cell(text, evidence, None, None, side) for text, evidence, side in areas]
    found.terms("outcomes.policy_areas", [(cell.text, cell.evidence) for cell in cells])
    _classify(found, cells, {})
    return found.result()


def _areas_only(block: Block, vocabulary: Vocabulary) -> bool:
    """Lines with no full stop whose words are all policy areas, ``MIN_SEPARATED`` of them or
    more a line ("Culture Environment and Climate Change Housing Economic development": a dump's
    grid rows whose cells lost the gaps between them)."""
    return all(_areas_line(line.text, vocabulary) for line in block.lines)


def _areas_line(text: str, vocabulary: Vocabulary) -> bool:
    if text.endswith(".") or len(text.split()) < MIN_SEPARATED:
        return False
    items = split_items([Unit(text, Evidence(text, None, None))], "policy_areas", vocabulary)
    return len(items) >= MIN_SEPARATED and all(vocabulary.is_confident("policy_areas", item) for item, _ in items)


def _add_units(block: Block, units: list[Unit], glyphs: list[str]) -> None:
    """The lines of a dump's grid block as units, without the legend labels a dump may run into
    them, each with its glyph: its marker, or the one of the line it carries on; a line of
    several cells ("● Housing ○ Public Works") a unit a cell, each with the glyph before it."""
    for line in block.lines:
        cells = [(line.marker or (glyphs[-1] if glyphs else ""), "")]
        for part in _ONE_CHARACTER_RE.split(without_legend(line.text)):
            if _glyph_opens(part):
                cells.append((part[0], part[2:]))
            else:
                cells[-1] = (cells[-1][0], f"{cells[-1][1]} {part}")
        for glyph, text in cells:
            if text.strip():
                units.append(Unit(text.strip(), Evidence(text.strip(), line.page, line.bbox)))
                glyphs.append(glyph)


_ONE_CHARACTER_RE = re.compile(r"\s+(?=\S\s)")  # before each one-character word (a glyph may start a cell)


def _painted(text: str, paints: list[tuple[str, RGB]]) -> RGB | None:
    """The colour an item of a grid run on as text is printed in ("Housing" green, "Tourism"
    red, "·" between them in black): the one colour of the runs that are part of it (a wrapped
    item's two lines), None where they differ or none is."""
    colours = {colour for part, colour in paints if part in text and part.strip(" ·•,;")}
    return colours.pop() if len(colours) == 1 else None


def _glyph_cells(text: str) -> bool:
    """``text`` holds a cell a glyph starts after the first ("Education ☑ Housing"): a line of
    several cells keyed by glyphs (a typewriter memo's grid)."""
    return any(_glyph_opens(part) for part in _ONE_CHARACTER_RE.split(text)[1:])


def _glyph_opens(text: str) -> bool:
    """``text`` opens with a glyph set apart from the label after it ("● Housing")."""
    return text[1:2] == " " and is_bullet_glyph(text[0])


def _glyph_sides(units: list[Unit], glyphs: list[str], by_glyph: dict[str, str],
                 vocabulary: Vocabulary) -> dict[str, str]:
    """Item text -> "with"/"without" for a dump's grid coded by glyphs (``by_glyph``, the legend's
    two): the items of each side's lines (a line with no glyph carries on the one above)."""
    sides: dict[str, str] = {}
    for glyph, kind in by_glyph.items():
        side = [unit for unit, own in zip(units, glyphs, strict=True) if own == glyph]
        sides.update((text, kind) for text, _ in split_items(side, "policy_areas", vocabulary))
    return sides


def _cells(block: Block, swatches: tuple[Swatch, ...], index: int) -> list[Cell]:
    """The grid cells of ``block``; a cell without a fill of its own takes the colour of a
    marker printed left of it."""
    line = block.lines[0]
    if block.kind != "row":
        fill = line.cell_fills[0] if line.cell_fills else None
        key = None
        if fill is None and line.bbox is not None and line.page is not None:
            key = key_beside(line.page, line.bbox, swatches)
            fill = key.fill if key is not None else None
        if fill is None:
            fill = key_colour(line)  # a coloured marker glyph before the label
        return [Cell(block.text, locate(block), fill, line.color, glyph=line.marker,
                     key=key.bbox if key is not None else None)]
    result = []
    for position, text in enumerate(line.cells):
        box = line.cell_boxes[position] if position < len(line.cell_boxes) else None
        fill = line.cell_fills[position] if position < len(line.cell_fills) else None
        if fill is None and box is not None and line.page is not None:
            fill = swatch_beside(line.page, box, swatches)
        color = line.cell_colors[position] if position < len(line.cell_colors) else None
        glyph = line.marker if position == 0 else ""  # the row's marker keys its first cell
        if _glyph_opens(text):  # a glyph before the cell's label (a chat's emoji)
            glyph, text = text[0], text[2:].strip()
        result.append(Cell(text, Evidence(text, line.page, box), fill, color, row=index, glyph=glyph))
    return result


def _answered(cells: list[Cell], blocks: Sequence[Block], swatches: tuple[Swatch, ...]) -> list[Cell]:
    """A table that answers a column's question ("Sufficient data?", a cell or a block of the
    section) with "Yes" or "No" after each area: each area on the side its answer says; the
    question, the headings level with it ("Policy area") and the answers are no cells."""
    questions = [cell for index, block in enumerate(blocks) if block.text.endswith("?") or block.kind == "row"
                 for cell in _cells(block, swatches, index) if cell.text.endswith("?")]
    asked = {legend_kind(question.text.rstrip("?").strip()) for question in questions}
    if len(asked) != 1 or None in asked:
        return cells
    yes = asked.pop()
    sides = {"yes": yes, "no": "without" if yes == "with" else "with"}
    answered: list[Cell] = []
    for cell in cells:
        answer = sides.get(cell.text.strip(" .").casefold())
        if answer is not None and answered and answered[-1].side is None and _level(answered[-1], cell):
            answered[-1] = replace(answered[-1], side=answer)
        elif not any(_level(cell, question) for question in questions):
            answered.append(cell)
    return answered


def _level(cell: Cell, answer: Cell) -> bool:
    """``answer`` is printed on ``cell``'s row: in one row of a table, or level with it."""
    if cell.row is not None and cell.row == answer.row:
        return True
    box, other = cell.evidence.bbox, answer.evidence.bbox
    return (box is not None and other is not None and cell.evidence.page == answer.evidence.page
            and box[1] < other[3] and other[1] < box[3])


def _worded_legend(cells: list[Cell], blocks: list[Block]) -> dict[str, RGB]:
    """The legend a sentence words ("green shaded cells are areas with sufficient data;
    unshaded cells are ..."): its named colours matched to the two paints the cells use."""
    named = named_keys([block.text for block in blocks])
    if not named:
        return {}
    fills = {cell.fill or PAPER for cell in cells} if PAPER in named.values() else {cell.fill for cell in cells}
    colors = {cell.color for cell in cells}
    for paints in (fills, colors):
        if len(paints) == 2 and None not in paints:
            return resolve_names(named, sorted(paint for paint in paints if paint is not None))
    return {}


def _other_side(cells: list[Cell], legend: dict[str, RGB]) -> dict[str, RGB]:
    """A legend whose other label could not be read (wrapped where the reading order lost it): the
    cells painted in two colours, one of them the legend's, the other is the other side's."""
    (kind, colour), = legend.items()
    other = "without" if kind == "with" else "with"
    for paints in ({cell.fill for cell in cells}, {cell.color for cell in cells}):
        if len(paints) != 2 or None in paints:
            continue
        first, second = sorted(paint for paint in paints if paint is not None)
        near, far = sorted((first, second), key=lambda paint: math.dist(paint, colour))
        if math.dist(near, colour) <= _MATCH_DISTANCE < math.dist(far, colour):
            return {kind: near, other: far}
    return {}


def _classify(found: Found, cells: list[Cell], legend: dict[str, RGB]) -> None:
    if not cells:  # the section is there but its grid is not: printed where the layout lost it
        found.warn("outcomes.policy_areas", "unreadable_value", "the outcomes section holds no policy-area cells")
        for path in (WITH, WITHOUT):
            found.warn(path, "no_grid_colours", "cannot tell which areas have sufficient data: no grid was read")
        return
    if any(cell.side is not None for cell in cells):
        _classify_by_glyph(found, cells)
        return
    if len(legend) < 2 or math.dist(legend["with"], legend["without"]) < _AMBIGUITY_MARGIN:  # one colour: no key
        colourless = all(cell.fill is None and cell.color is None for cell in cells)
        reason = "the input carries no colours" if colourless else "no legend with both colours was found"
        for path in (WITH, WITHOUT):
            found.warn(path, "no_grid_colours", f"cannot tell which areas have sufficient data: {reason}")
        return
    sides: dict[str, list[tuple[str, Evidence]]] = {"with": [], "without": []}
    doubtful = []
    if PAPER in legend.values() and any(cell.fill is not None for cell in cells):
        # a legend keyed by an unpainted cell: the cells printed on no fill are that side's
        cells = [cell if cell.fill is not None else replace(cell, fill=PAPER) for cell in cells]
    use_fill, use_color = _telling(cells)
    for cell in cells:
        kind, margin = _nearest(cell, legend, use_fill, use_color)
        if kind is None or margin < _AMBIGUITY_MARGIN:
            doubtful.append(cell.text)
        if kind is not None:
            sides[kind].append((cell.text, cell.evidence))
    _set_sides(found, sides)
    for text in doubtful:  # a doubtful cell may belong on either side: both lists are in doubt
        for path in (WITH, WITHOUT):
            found.warn(
                path, "uncertain_grid_colour", f'"{text}": its colour is close to both legend colours or to neither'
            )


def _set_sides(found: Found, sides: dict[str, list[tuple[str, Evidence]]]) -> None:
    """The with and without lists from the cells each side holds (both lists set, empty or not);
    a cell that names no one area ("Labor market and Culture": cells the layout ran together) puts
    the other list in doubt too, for the areas it holds may be printed on that side."""
    found.values[WITH] = []
    found.values[WITHOUT] = []
    found.terms(WITH, sides["with"])
    found.terms(WITHOUT, sides["without"])
    for kind, other in (("with", WITHOUT), ("without", WITH)):
        for text, _ in sides[kind]:
            if not found.vocabulary.is_confident(vocabulary_group("outcomes.policy_areas"), text):
                found.warn(other, "uncertain_list", f'"{text}" names no one area: what it runs together '
                           "may belong on this side too")


def _classify_by_glyph(found: Found, cells: list[Cell]) -> None:
    """A grid keyed by glyphs: each cell on the side its glyph says; an area printed without one
    may belong on either side, and both lists are in doubt."""
    _set_sides(found, {kind: [(cell.text, cell.evidence) for cell in cells if cell.side == kind]
                       for kind in ("with", "without")})
    for cell in cells:
        if cell.side is None and found.vocabulary.is_confident("policy_areas", cell.text):
            for path in (WITH, WITHOUT):
                found.warn(path, "uncertain_grid_colour", f'"{cell.text}": no glyph of the legend before it')


def _telling(cells: list[Cell]) -> tuple[bool, bool]:
    """Which cell attribute carries the coding: one shared by every cell (a neutral fill behind
    coloured text, one text colour on coloured fills) tells nothing and is not compared."""
    fills = {cell.fill for cell in cells if cell.fill is not None}
    colors = {cell.color for cell in cells if cell.color is not None}
    if len(fills) > 1 or len(colors) > 1:
        return len(fills) > 1, len(colors) > 1
    return True, True


def _nearest(
    cell: Cell, legend: dict[str, RGB], use_fill: bool = True, use_color: bool = True
) -> tuple[str | None, float]:
    """The legend entry nearest to the cell's fill or text colour (whichever is nearer to one),
    and the margin to the other entry; a colour far from every entry gives no margin."""
    best: tuple[float, str, float] | None = None
    for colour, telling in ((cell.fill, use_fill), (cell.color, use_color)):
        if colour is None or not telling:
            continue
        distances = sorted((math.dist(colour, value), kind) for kind, value in legend.items())
        margin = distances[1][0] - distances[0][0] if len(distances) > 1 else 1.0
        if best is None or distances[0][0] < best[0]:
            best = (distances[0][0], distances[0][1], margin)
    if best is None:
        return None, 0.0
    distance, kind, margin = best
    return kind, margin if distance <= _MATCH_DISTANCE else 0.0

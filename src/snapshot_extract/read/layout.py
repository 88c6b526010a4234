"""Layout: a page's spans and shapes -> text lines grouped into units (both backends share it).

Contract: ``page_lines(page, containers, swatches)`` (the containers and swatches of
``shapes.page_shapes``) makes each segment of the page (``segments.page_segments``: the spans on
one baseline, split at wide gaps, gutters and the edge of a box) a ``TextLine`` (symbol-font and
unknown glyphs at a line start, or a small drawn shape just left of it, make it a bullet) in the
smallest ``Box`` it sits in; ``page_units(page, lines)`` groups the lines into
``Unit``s: free lines, boxed panels (Overview, Spotlight, header band), single tiles, and rows of
side-by-side tiles or grid cells. ``order`` puts units in reading order and ``compose`` turns
them into ``models.Line``s. Everything here is geometry: no backend-specific step.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from ..geometry import union_box
from ..models import RGB, BBox, Swatch
from ..textutil import SOFT_BREAK, clean_text, fold_spaces, marker_of, split_bullet, unframed
from .hyphens import shown_soft_hyphens
from .page import SPACE_GAP, PageContent, Span
from .segments import BULLET_GAP, page_segments
from .shapes import Box

# U+FFFD inside a word stays: a ligature whose glyph the font cannot name ("o\ufffdce"), which
# ``ligatures.repair_ligatures`` reads back by the word it makes
_UNKNOWN_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]|\ufffd(?!\\w)|(?<!\\w)\ufffd")
MARKER_MIN, MARKER_MAX = 0.15, 0.9  # of the font size: the sides of a drawn bullet marker
SIZE_CHANGE = 0.6  # points: a larger step between two lines' sizes is a change of type
ASCENT, DESCENT = 0.8, 0.2  # of the font size: a line's box above and below its baseline
CELL_MAX_LINES, CELL_MAX_CHARS, CELL_MAX_WIDTH = 4, 80, 0.45
HIGHLIGHT = 1.8  # font sizes: the tallest box behind one line of text that only marks it


@dataclass(slots=True)
class TextLine:
    """One visual line of text (or a segment of one) with its style and place."""

    page: int
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    baseline: float
    size: float
    font: str
    color: RGB | None
    bold: bool
    bold_parts: tuple[str, ...]
    bullet: bool
    box: Box | None = None
    marker_x0: float | None = None  # where a bullet glyph left out of the text starts
    color_parts: tuple[tuple[str, RGB], ...] = ()  # runs of one colour, where a line has several
    marker: str = ""  # the list glyph printed in the text before it ("●", "○"), taken off
    overprinted: bool = False  # printed over another line, or under one (see ``mark_overprinted``)

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)


@dataclass(slots=True, eq=False)
class Unit:
    """What reading order places: a free line, a panel, a tile, or a row of cells."""

    kind: Literal["line", "panel", "tile", "row"]
    cells: list[list[TextLine]]  # one entry for line/panel/tile; one per cell for a row
    boxes: list[Box | None] = field(default_factory=list)
    bbox: BBox = field(init=False)

    def __post_init__(self) -> None:
        if self.kind == "line":  # one free line: the common case
            self.bbox = self.cells[0][0].bbox
            return
        boxes = [box.bbox for box in self.boxes if box is not None]
        boxes.extend(line.bbox for line in self.lines)
        union = union_box(boxes)
        assert union is not None, "a unit has at least one line"
        self.bbox = union

    @property
    def lines(self) -> list[TextLine]:
        return [line for cell in self.cells for line in cell]


# --------------------------------------------------------------------------- lines


def page_lines(page: PageContent, containers: Sequence[Box], swatches: Sequence[Swatch] = ()) -> list[TextLine]:
    """The page's text lines: its segments (``segments.page_segments``) made lines; a line with a
    small drawn shape just left of it is a bullet (``_mark_drawn_bullets``)."""
    lines: list[TextLine] = []
    for segments in page_segments(page.spans, containers):
        for spans, box in segments:
            line = _make_line(page.number, spans, box)
            if line is not None:
                lines.append(line)
    if swatches:
        _mark_drawn_bullets(lines, swatches)
    texts = unframed([line.text for line in lines])  # a box typed with bars around a panel's lines
    return [line if text == line.text else replace(line, text=text) for line, text in zip(lines, texts, strict=True)
            if text]


def _mark_drawn_bullets(lines: list[TextLine], swatches: Sequence[Swatch]) -> None:
    """A line is a bullet when a small filled shape (a disc, square or tick drawn as a path, not
    a glyph) stands level with it, just left of its first letter."""
    for line in lines:
        if line.bullet:
            continue
        size = line.size
        for swatch in swatches:
            x0, top, x1, bottom = swatch.bbox
            if (
                MARKER_MIN * size <= x1 - x0 <= MARKER_MAX * size
                and MARKER_MIN * size <= bottom - top <= MARKER_MAX * size
                and line.top <= (top + bottom) / 2 <= line.bottom
                and 0 < line.x0 - x1 <= BULLET_GAP * size
            ):
                line.bullet, line.marker_x0 = True, x0
                break


def _make_line(page: int, spans: list[Span], box: Box | None) -> TextLine | None:
    """One line of ``spans`` (left to right): their text joined with a space where the PDF had
    one or the gap is wide, bold runs kept, symbol-font glyphs at the start making it a bullet."""
    content = [span for span in spans if not span.symbol]
    if not content:
        return None
    if len(content) == 1:  # most lines: one span, one style
        return _one_span_line(page, spans, content[0], box)
    pieces: list[str] = []
    bold_runs: list[list[str]] = []
    colour_runs: list[tuple[RGB | None, list[str]]] = []
    previous: Span | None = None
    for span in content:
        known = span.text
        spaced = previous is not None and (
            previous.space_after or span.space_before
            or span.x0 - previous.x1 > SPACE_GAP * max(previous.size, span.size)
        )
        piece = " " + known if spaced else known
        pieces.append(piece)
        if span.bold:
            if previous is not None and previous.bold and bold_runs:
                bold_runs[-1].append(piece)
            else:
                bold_runs.append([known])
        if colour_runs and colour_runs[-1][0] == span.color:
            colour_runs[-1][1].append(piece)
        else:
            colour_runs.append((span.color, [known]))
        previous = span
    cleaned = _clean(_known("".join(pieces)))
    bullet, text = split_bullet(cleaned)
    if not text:
        return None
    main = max(content, key=lambda span: len(span.text))  # the longest span gives the line its style
    return TextLine(
        page, text, min(span.x0 for span in content),
        min(span.baseline - ASCENT * span.size for span in content),
        max(span.x1 for span in content),
        max(span.baseline + DESCENT * span.size for span in content),
        main.baseline, main.size, main.font, main.color,
        len(bold_runs) == 1 and all(span.bold for span in content),
        tuple(_clean(_known("".join(run))) for run in bold_runs),
        bullet or spans[0].symbol, box, spans[0].x0 if spans[0].symbol else None,
        _colour_parts(_keyed(spans, colour_runs)), marker_of(cleaned, text),
    )


def _one_span_line(page: int, spans: list[Span], span: Span, box: Box | None) -> TextLine | None:
    """``_make_line`` of a line whose text is one span (after a symbol-font bullet, if any)."""
    known = _known(span.text)
    cleaned = _clean(known)
    bullet, text = split_bullet(cleaned)
    if not text:
        return None
    return TextLine(
        page, text, span.x0, span.baseline - ASCENT * span.size, span.x1, span.baseline + DESCENT * span.size,
        span.baseline, span.size, span.font, span.color, span.bold, (_clean(known),) if span.bold else (),
        bullet or spans[0].symbol, box, spans[0].x0 if spans[0].symbol else None,
        _colour_parts(_keyed(spans, [(span.color, [known])])), marker=marker_of(cleaned, text),
    )


def _keyed(spans: list[Span], runs: list[tuple[RGB | None, list[str]]]) -> list[tuple[RGB | None, list[str]]]:
    """The colour runs of a line's text, after the run of the symbol-font glyph that opens it
    when that glyph is printed in a colour of its own (a green ZapfDingbats disc before one grid
    cell, a red ring before the next: the key of each), as the glyph's own characters."""
    marker = spans[0]
    if not marker.symbol or marker.color is None or (runs and runs[0][0] == marker.color):
        return runs
    return [(marker.color, [marker.text]), *runs]


def _colour_parts(runs: list[tuple[RGB | None, list[str]]]) -> tuple[tuple[str, RGB], ...]:
    """The runs of one colour in a line printed in more than one (a legend's phrases coloured
    inside a sentence), cleaned as the line's text is (ligatures expanded: "suﬃcient"); nothing
    for a line in one colour."""
    if len(runs) < 2:
        return ()
    parts = ((_clean(_known("".join(pieces))), colour) for colour, pieces in runs if colour is not None)
    return tuple((text, colour) for text, colour in parts if text)


def _known(text: str) -> str:
    """``text`` without control characters and U+FFFD (glyphs the font cannot name) but inside a word."""
    if text.isprintable() and "\ufffd" not in text:  # no control character: nothing to drop
        return text
    return _UNKNOWN_RE.sub("", text)


def _clean(text: str) -> str:
    """Ligatures expanded, spaces folded; a soft hyphen ending the line is kept (as U+2010)."""
    if text.isascii():
        return fold_spaces(clean_text(text))
    text = text.rstrip()
    if text.endswith(SOFT_BREAK):
        text = text[:-1] + "\u2010"
    return fold_spaces(clean_text(shown_soft_hyphens(text)))


def body_size(pages: Iterable[Iterable[TextLine]]) -> float:
    """The font size of most of the text (by characters), to 0.1 point."""
    weights: dict[float, int] = {}
    for lines in pages:
        for line in lines:
            weights[line.size] = weights.get(line.size, 0) + len(line.text)
    if not weights:
        return 0.0
    most: float = max(weights, key=weights.__getitem__)
    return round(most, 1)


# --------------------------------------------------------------------------- units


def page_units(page: PageContent, lines: list[TextLine]) -> list[Unit]:
    """Free lines, panels, tiles and rows of cells (see the module docstring)."""
    units: list[Unit] = []
    by_box: dict[Box, list[TextLine]] = {}
    for line in lines:
        if line.box is None:
            units.append(Unit("line", [[line]]))
        else:
            by_box.setdefault(line.box, []).append(line)
    cells: list[tuple[Box, list[TextLine]]] = []
    for box, boxed in by_box.items():
        if _is_cell(box, boxed, page.width):
            cells.append((box, _reading_sorted(boxed)))
        elif _highlighted(box, boxed):
            units.append(Unit("line", [boxed]))
        else:
            units.append(Unit("panel", [boxed], [box]))
    units.extend(_cell_rows(cells))
    return units


def _is_cell(box: Box, lines: list[TextLine], page_width: float) -> bool:
    width = box.bbox[2] - box.bbox[0]
    return (
        len(lines) <= CELL_MAX_LINES
        and width <= CELL_MAX_WIDTH * page_width
        and sum([len(line.text) for line in lines]) <= CELL_MAX_CHARS
        and not any([line.bullet for line in lines])
        and not _titles_text(lines)
    )


def _highlighted(box: Box, lines: list[TextLine]) -> bool:
    """A box behind one line of running text (longer than a cell's), no taller than the line
    with a little room (``HIGHLIGHT`` font sizes): a marker pen's stroke, emphasis, no panel of
    its own; the line stays in its paragraph."""
    return len(lines) == 1 and box.bbox[3] - box.bbox[1] <= HIGHLIGHT * lines[0].size


def _titles_text(lines: list[TextLine]) -> bool:
    """The box starts with a bold title over text in smaller, plain type: a panel's start (a
    spotlight box cut by a column break after its first line of text), not a tile's label."""
    first, last = lines[0], lines[-1]
    return first.bold and not last.bold and first.size > last.size + SIZE_CHANGE


def _reading_sorted(lines: list[TextLine]) -> list[TextLine]:
    return sorted(lines, key=lambda line: (round(line.baseline), line.x0))


def _cell_rows(cells: list[tuple[Box, list[TextLine]]]) -> list[Unit]:
    rows: list[list[tuple[Box, list[TextLine]]]] = []
    for cell in sorted(cells, key=lambda cell: (cell[0].bbox[1], cell[0].bbox[0])):
        box = cell[0].bbox
        row = rows[-1] if rows else None
        if row is not None and _same_row(row[-1][0].bbox, box):
            row.append(cell)
        else:
            rows.append([cell])
    units = []
    for row in rows:
        row.sort(key=lambda cell: cell[0].bbox[0])
        kind: Literal["tile", "row"] = "row" if len(row) > 1 else "tile"
        units.append(Unit(kind, [lines for _, lines in row], [box for box, _ in row]))
    return units


def _same_row(first: BBox, second: BBox) -> bool:
    same_top = abs(first[1] - second[1]) <= 3
    same_height = abs((first[3] - first[1]) - (second[3] - second[1])) <= 3
    return same_top and same_height and second[0] >= first[2] - 1


OVERPRINT = 0.15  # of the smaller line's body: lines of text never overlap so (their leading is wider than a body)
_BODY = 0.7  # of the font size: a line's body above its baseline (no descenders, no accents)


def mark_overprinted(lines: Sequence[TextLine]) -> None:
    """Mark the lines of one page printed over another line of other words (a float or a box
    set over running text, its lines across the text's): the bodies of the two (from the
    baseline up ``_BODY`` of the size: a tall title's descenders touching the line under it do
    not count) overlap by more than ``OVERPRINT`` of the smaller one's, on different baselines."""
    def body(line: TextLine) -> tuple[float, float]:
        return line.baseline - _BODY * line.size, line.baseline

    by_top = sorted(lines, key=lambda line: body(line)[0])
    for index, line in enumerate(by_top):
        top, bottom = body(line)
        area = (line.x1 - line.x0) * (bottom - top)
        for other in by_top[index + 1:]:
            other_top, other_bottom = body(other)
            if other_top >= bottom:
                break
            width = min(line.x1, other.x1) - max(line.x0, other.x0)
            if width <= 0 or abs(other.baseline - line.baseline) < 0.1 * min(line.size, other.size):
                continue
            smaller = min(area, (other.x1 - other.x0) * (other_bottom - other_top))
            if width * (min(bottom, other_bottom) - other_top) > OVERPRINT * smaller and other.text != line.text:
                line.overprinted = other.overprinted = True

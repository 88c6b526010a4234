"""Layout: a page's spans and shapes -> text lines grouped into units (both backends share it).

Contract: ``page_lines(page, containers, swatches)`` (the containers and swatches of
``shapes.page_shapes``) cuts the page into ``TextLine``s (the spans on one baseline, split at
wide gaps and at the edge of a box; symbol-font and unknown glyphs at a line start, or a small
drawn shape just left of it, make it a bullet) and gives each line the smallest ``Box`` it sits
in; ``page_units(page, lines)`` groups the lines into
``Unit``s: free lines, boxed panels (Overview, Spotlight, header band), single tiles, and rows of
side-by-side tiles or grid cells. ``order`` puts units in reading order and ``compose`` turns
them into ``models.Line``s. Everything here is geometry: no backend-specific step.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Literal, NamedTuple

from ..geometry import union_box
from ..models import RGB, BBox, Swatch
from ..textutil import SOFT_BREAK, clean_text, fold_spaces, marker_of, split_bullet
from .hyphens import shown_soft_hyphens
from .page import PageContent, Span
from .shapes import Box

_UNKNOWN_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]")
SPACE_GAP = 0.15  # of the font size: a wider gap between spans is a word space
SEGMENT_GAP = 1.2  # of the font size: a wider gap on one baseline separates two text lines
BULLET_GAP = 3.0  # of the font size: a bullet glyph is joined to text at most this far right
JUSTIFIED_GAP = 3.0  # of the font size: the widest word space a justified line stretches
WORD_GAP = 0.6  # of the font size: a gap between spans wider than this may be a column gutter
GUTTER_ROWS = 8  # rows whose gaps line up at one x for a page to have a narrow gutter there
MEASURE_LINES = 3  # lines that span one left edge to one right edge, besides a pair cut apart: a column's measure
GUTTER_CROSSING = 0.5  # of those rows: how many spans may cross just before it (headings over both columns)
TABLE_ROWS = 3  # rows cut at one x, their first words at one x too, for a borderless table's value column
MARKER_MIN, MARKER_MAX = 0.15, 0.9  # of the font size: the sides of a drawn bullet marker
ROW_TOLERANCE = 0.3  # of the font size: baselines closer than this share a row
SIZE_CHANGE = 0.6  # points: a larger step between two lines' sizes is a change of type
ASCENT, DESCENT = 0.8, 0.2  # of the font size: a line's box above and below its baseline
CELL_MAX_LINES, CELL_MAX_CHARS, CELL_MAX_WIDTH = 4, 80, 0.45


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


def _box_at(boxes: Sequence[Box], x: float, y: float) -> Box | None:
    for box in boxes:
        x0, y0, x1, y1 = box.bbox
        if x0 - 1 <= x <= x1 + 1 and y0 - 1 <= y <= y1 + 1:
            return box
    return None


def page_lines(page: PageContent, containers: Sequence[Box], swatches: Sequence[Swatch] = ()) -> list[TextLine]:
    """The page's text lines: spans grouped by baseline, split at wide gaps and box edges; a
    line with a small drawn shape just left of it is a bullet (``_mark_drawn_bullets``)."""
    lines: list[TextLine] = []
    reach = [(box.bbox[1] - 1, box.bbox[3] + 1, box) for box in containers]  # smallest first, as given
    rows = _rows(page.spans)
    gutters = _gutters(rows) + _value_columns(rows)
    cut = []
    for row in rows:
        baseline, size = row[0].baseline, row[0].size
        near = [box for top, bottom, box in reach if top <= baseline <= bottom + size]
        cut.append(_segments(row, near, gutters))
    measures = Counter((round(spans[0].x0), round(spans[-1].x1)) for segments in cut for spans, _ in segments)
    for segments in cut:
        for spans, box in _join_justified(_join_measure(segments, measures)):
            line = _make_line(page.number, spans, box)
            if line is not None:
                lines.append(line)
    if swatches:
        _mark_drawn_bullets(lines, swatches)
    return lines


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
                and 0 < line.x0 - x1 <= BULLET_GAP / 2 * size
            ):
                line.bullet, line.marker_x0 = True, x0
                break


_BASELINE_X0 = attrgetter("baseline", "x0")
_X0 = attrgetter("x0")


def _rows(spans: Iterable[Span]) -> list[list[Span]]:
    rows: list[list[Span]] = []
    anchor_baseline = anchor_size = 0.0
    for span in sorted(spans, key=_BASELINE_X0):
        baseline, size = span.baseline, span.size
        if rows and baseline - anchor_baseline <= ROW_TOLERANCE * (anchor_size if anchor_size < size else size):
            rows[-1].append(span)
            continue
        rows.append([span])
        anchor_baseline, anchor_size = baseline, size
    return rows


class _Gutter(NamedTuple):
    """Where a column starts right of a gutter, on the rows whose baselines lie from ``first``
    to ``last`` (a whole page's column: every row); on the rows within ``margin`` beyond them, only
    after a gap wider than any word space (``WORD_GAP``)."""

    x: float
    first: float = -math.inf
    last: float = math.inf
    margin: float = 0.0


def _gutters(rows: list[list[Span]]) -> list[_Gutter]:
    """Where the columns right of a page's narrow gutters start (a gutter narrower than a segment
    gap: LaTeX's 10 pt between 9 pt columns): an x where ``GUTTER_ROWS`` rows or more start a
    span after a gap wider than a word space, and that nearly no other row's span crosses just
    before it. The words after a column's word spaces start at x positions of their own."""
    starts: Counter[int] = Counter()
    for row in rows:
        ordered = sorted(row, key=_X0)
        for before, after in zip(ordered, ordered[1:], strict=False):
            if after.x0 - before.x1 > WORD_GAP * max(before.size, after.size):
                starts[round(after.x0)] += 1
    gutters = []
    for start, count in starts.items():
        if count >= GUTTER_ROWS:
            crossing = sum(1 for row in rows for span in row if span.x0 < start - 1.5 < span.x1)
            if crossing <= GUTTER_CROSSING * count:
                gutters.append(_Gutter(float(start)))
    return gutters


def _value_columns(rows: list[list[Span]]) -> list[_Gutter]:
    """Where a borderless table's columns start after its first (label | value, or a grid's
    cells): an x where ``TABLE_ROWS`` rows or more are cut by a segment gap, the rows' first words
    at one x too. It holds over the table's rows, from the first to the last row cut at any of its
    columns: a label that fills its column ("Innovation / open data") comes closer to its value
    than a segment gap, and a grid's first row may be cut at its third column only; a row before
    or after them (a row's step away) only after a gap wider than a word space ("Environment and
    Climate Change ✓ Housing": the first row of a grid coded by glyphs)."""
    cut: dict[tuple[int, int], list[float]] = {}
    for row in rows:
        ordered = sorted(row, key=_X0)
        for before, after in zip(ordered, ordered[1:], strict=False):
            if after.x0 - before.x1 > SEGMENT_GAP * max(before.size, after.size):
                cut.setdefault((round(ordered[0].x0), round(after.x0)), []).append(after.baseline)
    columns = {key: baselines for key, baselines in cut.items() if len(baselines) >= TABLE_ROWS}
    extent: dict[int, list[float]] = {}  # a table's rows, by the x its rows start at
    for (left, _), baselines in columns.items():
        extent.setdefault(left, []).extend(baselines)
    return [_Gutter(float(x), min(extent[left]), max(extent[left]), _pitch(extent[left])) for left, x in columns]


def _pitch(baselines: list[float]) -> float:
    """The step between a table's rows (the smallest): a row before its first or after its last
    one is that far away."""
    ordered = sorted(baselines)
    return min((after - before for before, after in zip(ordered, ordered[1:], strict=False) if after > before),
               default=0.0)


_Segment = tuple[list[Span], Box | None]  # a segment's spans, left to right, and the box it is in


def _segments(row: list[Span], boxes: Sequence[Box], gutters: Sequence[_Gutter] = ()) -> list[_Segment]:
    """The segments of one row: its spans left to right, cut where ``_splits`` says or where
    a span starts a column after a gutter of the page (``_gutters``)."""
    if len(row) > 1:
        row.sort(key=_X0)
    baseline = row[0].baseline
    starts = [(gutter.x, gutter.first <= baseline <= gutter.last) for gutter in gutters
              if gutter.first - gutter.margin - 1.0 <= baseline <= gutter.last + gutter.margin + 1.0]
    segments: list[_Segment] = []
    for span in row:
        box = _box_at(boxes, (span.x0 + span.x1) / 2, span.baseline - 0.3 * span.size) if boxes else None
        across = bool(segments) and any(
            abs(span.x0 - x) <= 1.0 and x - segments[-1][0][-1].x1 > (1.0 if inside else WORD_GAP * span.size)
            for x, inside in starts)
        if not segments or across or _splits(segments[-1][0], span, box is segments[-1][1]):
            segments.append(([], box))
        segments[-1][0].append(span)
    return segments


def _join_measure(segments: list[_Segment], measures: Counter[tuple[int, int]]) -> list[_Segment]:
    """``segments`` with two neighbours in one box joined where together they span a measure
    that more than ``MEASURE_LINES`` lines of the page span (from one left edge to one right
    edge), no wider apart than a justified word space ("departments," ... "universities": a
    justified line of two words in a narrow panel; two columns' lines span no line's measure)."""
    joined = [segments[0]] if segments else []
    for spans, box in segments[1:]:
        before, before_box = joined[-1]
        gap, size = spans[0].x0 - before[-1].x1, max(spans[0].size, before[-1].size)
        measure = measures[round(before[0].x0), round(spans[-1].x1)]
        if box is before_box and gap <= JUSTIFIED_GAP * size and measure > MEASURE_LINES and not _is_marker(before[0]):
            joined[-1] = (before + spans, box)
        else:
            joined.append((spans, box))
    return joined


def _join_justified(segments: list[_Segment]) -> list[_Segment]:
    """``segments`` with each run of three words or more that is one justified line
    (``_justified``) across segment cuts joined into one segment ("Spotlight", "- Ljubljana": a
    dash's word is kept with it); the spans beside a run (the column next to it, a table's value
    cell set close to its label's last word) keep their own segments, cut where the run ends."""
    if len(segments) < 2:
        return segments  # most rows: one segment, no run crosses a cut
    flat = [(span, number) for number, (spans, _) in enumerate(segments) for span in spans]
    run_of: list[int | None] = [None] * len(flat)  # the first span of the run a span is in
    start = 0
    while start < len(flat):
        end = start + 1
        while (end < len(flat) and segments[flat[end][1]][1] is segments[flat[start][1]][1]
               and _justified([[span] for span, _ in flat[start:end + 1]])):
            end += 1  # one box's words: the cells of a table are apart
        if end - start >= 3 and flat[start][1] != flat[end - 1][1]:
            run_of[start:end] = [start] * (end - start)
            start = end
        else:
            start += 1
    joined: list[_Segment] = []
    last: tuple[str, int] | None = None
    for (span, number), run in zip(flat, run_of, strict=True):
        key = ("run", run) if run is not None else ("segment", number)
        if key == last:
            joined[-1][0].append(span)
        else:
            joined.append(([span], segments[number][1]))
        last = key
    return joined


def _justified(segments: list[list[Span]]) -> bool:
    """Single words a justified line spread apart, each word space stretched past a segment
    gap alike (to half a point): the first word no list marker, no gap wider than
    ``JUSTIFIED_GAP`` font sizes. Cells of a table are set apart by gaps their texts' lengths
    make unequal."""
    spans = [span for segment in segments for span in segment]
    gaps = [after.x0 - before.x1 for before, after in zip(spans, spans[1:], strict=False)]
    size = max(span.size for span in spans)
    words = all(" " not in span.text.strip() for span in spans)
    return words and not _is_marker(spans[0]) and max(gaps) - min(gaps) <= 0.5 and max(gaps) <= JUSTIFIED_GAP * size


def _splits(current: list[Span], span: Span, same_box: bool) -> bool:
    if not same_box:
        return True
    previous = current[-1]
    gap = span.x0 - previous.x1
    size = max(span.size, previous.size)
    if _is_marker(current[0]) and all(_is_marker(part) for part in current[1:]):
        return not -size <= gap <= BULLET_GAP * size
    return gap > SEGMENT_GAP * size or gap < -size


def _is_marker(span: Span) -> bool:
    return span.symbol or (len(span.text) == 1 and split_bullet(span.text + " x")[0])


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
        known = _known(span.text)
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
    cleaned = _clean("".join(pieces))
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
        tuple(_clean("".join(run)) for run in bold_runs),
        bullet or spans[0].symbol, box, spans[0].x0 if spans[0].symbol else None,
        _colour_parts(colour_runs), marker_of(cleaned, text),
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
        bullet or spans[0].symbol, box, spans[0].x0 if spans[0].symbol else None, marker=marker_of(cleaned, text),
    )


def _colour_parts(runs: list[tuple[RGB | None, list[str]]]) -> tuple[tuple[str, RGB], ...]:
    """The runs of one colour in a line printed in more than one (a legend's phrases coloured
    inside a sentence), cleaned as the line's text is (ligatures expanded: "suﬃcient"); nothing
    for a line in one colour."""
    if len(runs) < 2:
        return ()
    parts = ((_clean("".join(pieces)), colour) for colour, pieces in runs if colour is not None)
    return tuple((text, colour) for text, colour in parts if text)


def _known(text: str) -> str:
    """``text`` without control characters and U+FFFD (glyphs the font cannot name)."""
    if text.isprintable() and "\ufffd" not in text:  # no control character: nothing to drop
        return text
    return _UNKNOWN_RE.sub("", text)


def _clean(text: str) -> str:
    """Ligatures expanded, spaces folded; a soft hyphen ending the line is kept (as U+2010)."""
    if text.isascii():
        return fold_spaces(text)
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

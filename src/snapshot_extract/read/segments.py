"""Segments: a page's spans -> rows (one baseline each) -> the segments each row is cut into.

Contract: ``page_segments(spans, containers)`` groups the spans by baseline into rows and cuts each
row, left to right, at a gap wider than ``SEGMENT_GAP`` sizes, at the edge of a box (a container
of ``shapes.page_shapes``), and where a column starts: after a page's narrow gutter
(``_gutters``) or in a borderless table's rows (``_value_columns``); then joins again the words a
justified line stretched apart (``_join_measure``, ``_join_justified``). Each segment is its spans
and the smallest box it sits in; ``layout`` makes each segment a text line. Geometry only.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from operator import attrgetter
from typing import NamedTuple

from ..textutil import PAGE_NUMBER_RE, split_bullet
from .page import Span
from .shapes import Box

SEGMENT_GAP = 1.2  # of the font size: a wider gap on one baseline separates two text lines
BULLET_GAP = 3.0  # of the font size: a bullet glyph is joined to text at most this far right
JUSTIFIED_GAP = 3.0  # of the font size: the widest word space a justified line stretches
WORD_GAP = 0.6  # of the font size: a gap between spans wider than this may be a column gutter
GUTTER_ROWS = 8  # rows whose gaps line up at one x for a page to have a narrow gutter there
JUSTIFIED_SHARE = 0.35  # of the measure: a narrow column's justified line of two words stretches its space so far
MEASURE_LINES = 3  # lines that span one left edge to one right edge, besides a pair cut apart: a column's measure
GUTTER_CROSSING = 0.5  # of those rows: how many spans may cross just before it (headings over both columns)
TABLE_ROWS = 3  # rows cut at one x, their first words at one x too, for a borderless table's value column
ROW_TOLERANCE = 0.3  # of the font size: baselines closer than this share a row


Segment = tuple[list[Span], Box | None]  # a segment's spans, left to right, and the box it is in


def page_segments(spans: Iterable[Span], containers: Sequence[Box]) -> list[list[Segment]]:
    """Each row's segments, rows top to bottom (see the module docstring)."""
    reach = [(box.bbox[1] - 1, box.bbox[3] + 1, box) for box in containers]  # smallest first, as given
    rows = _rows(spans)
    gutters = _gutters(rows) + _value_columns(rows)
    cut = []
    for row in rows:
        baseline, size = row[0].baseline, row[0].size
        near = [box for top, bottom, box in reach if top <= baseline <= bottom + size]
        starts = _column_starts(gutters, baseline)
        cut.append((_segments(row, near, starts), starts))
    measures = Counter((round(spans[0].x0), round(spans[-1].x1)) for segments, _ in cut for spans, _ in segments)
    lefts = Counter(round(spans[0].x0) for segments, _ in cut for spans, _ in segments)
    return [_join_justified(_join_measure(segments, measures, starts, lefts)) for segments, starts in cut]


def _box_at(boxes: Sequence[Box], x: float, y: float) -> Box | None:
    for box in boxes:
        x0, y0, x1, y1 = box.bbox
        if x0 - 1 <= x <= x1 + 1 and y0 - 1 <= y <= y1 + 1:
            return box
    return None



_BASELINE_X0 = attrgetter("baseline", "x0")
_X0 = attrgetter("x0")


def _rows(spans: Iterable[Span]) -> list[list[Span]]:
    """The spans on one baseline (to ``ROW_TOLERANCE``), rows top to bottom, each left to right."""
    rows: list[list[Span]] = []
    anchor_baseline = anchor_size = 0.0
    for span in sorted(spans, key=_BASELINE_X0):
        baseline, size = span.baseline, span.size
        if rows and baseline - anchor_baseline <= ROW_TOLERANCE * (anchor_size if anchor_size < size else size):
            rows[-1].append(span)
            continue
        rows.append([span])
        anchor_baseline, anchor_size = baseline, size
    for row in rows:
        if len(row) > 1:
            row.sort(key=_X0)
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
        for before, after in zip(row, row[1:], strict=False):
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
        for before, after in zip(row, row[1:], strict=False):
            if after.x0 - before.x1 > SEGMENT_GAP * max(before.size, after.size):
                cut.setdefault((round(row[0].x0), round(after.x0)), []).append(after.baseline)
    columns = {key: baselines for key, baselines in cut.items() if len(baselines) >= TABLE_ROWS}
    extent: dict[int, list[float]] = {}  # a table's rows, by the x its rows start at
    for (left, _), baselines in columns.items():
        extent.setdefault(left, []).extend(baselines)
    for left, baselines in extent.items():
        xs = [x for table_left, x in columns if table_left == left]
        baselines.extend(_rows_going_on(rows, left, xs, baselines))
    return [_Gutter(float(x), min(extent[left]), max(extent[left]), _pitch(extent[left])) for left, x in columns]


def _rows_going_on(rows: list[list[Span]], left: int, xs: list[int], baselines: list[float]) -> list[float]:
    """The rows a table goes on over, above and below the rows cut at its columns: rows starting
    where its rows start, each within two of its steps of the one before, with a word where one
    of its columns starts, however close to the word before (a cell's justified line stretched
    to the next column: "Environment and Climate" / "Housing"), or held in its first column (a
    wrapped label's next line between them)."""
    pitch = _pitch(baselines)
    if not pitch:
        return []
    first_column = min(xs)
    at_left = sorted((row[0].baseline, any(abs(span.x0 - x) <= 1.0 for span in row[1:] for x in xs),
                      row[-1].x1 < first_column) for row in rows if abs(row[0].x0 - left) <= 1.0)
    going_on = []
    for direction in (1, -1):
        reached = max(baselines) if direction == 1 else min(baselines)
        for baseline, in_column, in_first in (at_left if direction == 1 else reversed(at_left)):
            step = (baseline - reached) * direction
            if step <= 0:
                continue
            if step > 2 * pitch + 1.0 or not (in_column or in_first):
                break
            reached = baseline
            if in_column:
                going_on.append(baseline)
    return going_on


def _pitch(baselines: list[float]) -> float:
    """The step between a table's rows (the smallest): a row before its first or after its last
    one is that far away."""
    ordered = sorted(baselines)
    return min((after - before for before, after in zip(ordered, ordered[1:], strict=False) if after > before),
               default=0.0)


def _column_starts(gutters: Sequence[_Gutter], baseline: float) -> list[tuple[float, bool]]:
    """Where a column starts on a row at ``baseline`` (``_gutters``, ``_value_columns``): each x,
    and whether the row is inside the gutter's rows (not a row's step before or after them)."""
    return [(gutter.x, gutter.first <= baseline <= gutter.last) for gutter in gutters
            if gutter.first - gutter.margin - 1.0 <= baseline <= gutter.last + gutter.margin + 1.0]


def _segments(row: list[Span], boxes: Sequence[Box], starts: Sequence[tuple[float, bool]]) -> list[Segment]:
    """The segments of one row (its spans left to right, as ``_rows`` gives them), cut where
    ``_splits`` says or where a span starts a column (``_column_starts``)."""
    segments: list[Segment] = []
    for span in row:
        box = _box_at(boxes, (span.x0 + span.x1) / 2, span.baseline - 0.3 * span.size) if boxes else None
        across = bool(segments) and any(
            abs(span.x0 - x) <= 1.0 and (x - segments[-1][0][-1].x1 > (1.0 if inside else WORD_GAP * span.size)
                                         or _collides(segments[-1][0][-1], span))
            for x, inside in starts)
        if not segments or across or _splits(segments[-1][0], span, box is segments[-1][1]):
            segments.append(([], box))
        segments[-1][0].append(span)
    return segments


def _collides(before: Span, span: Span) -> bool:
    """``span``, starting where a column does, touches the span before it with no word space
    between them, in another font, and does not carry on its word (a ligature set in a fallback
    font, "profi" + "les"): the text before overflowed its column into the next one's
    ("www.tromso.kommune.no/innovation" run into "Social Inclusion and Equity")."""
    if before.space_after or span.space_before or before.font == span.font:
        return False
    return not (before.text[-1:].isalpha() and span.text[:1].islower())


def _join_measure(segments: list[Segment], measures: Counter[tuple[int, int]],
                  starts: Sequence[tuple[float, bool]], lefts: Counter[int]) -> list[Segment]:
    """``segments`` with two neighbours in one box joined where together they span a measure
    that more than ``MEASURE_LINES`` lines of the page span (from one left edge to one right
    edge), no wider apart than a justified word space, or than ``JUSTIFIED_SHARE`` of the measure
    ("departments," ... "universities", "knowledge" ... "sharing,": a justified line of two words in
    a narrow panel; two columns' lines span no line's measure), or at any distance where no other
    line of the page starts where the second does (``lefts``: "capacity" ... "with", a column's
    last line justified before a page break; another column's line starts where that column's
    lines do), unless the second starts a column (``starts``: a table's label and its value as
    wide as the page's text)."""
    if len(segments) > 2:
        segments = _justified_runs(segments, measures, starts)
    joined = [segments[0]] if segments else []
    for spans, box in segments[1:]:
        before, before_box = joined[-1]
        gap, size = spans[0].x0 - before[-1].x1, max(spans[0].size, before[-1].size)
        measure = _spanning(measures, before[0].x0, spans[-1].x1)
        column = _starts_column(spans[0], starts)
        stretched = (gap <= JUSTIFIED_GAP * size or gap <= JUSTIFIED_SHARE * (spans[-1].x1 - before[0].x0)
                     or lefts[round(spans[0].x0)] == 1)
        if (box is before_box and stretched and measure > MEASURE_LINES and not column
                and not _is_marker(before[0]) and not _page_number(spans)):
            joined[-1] = (before + spans, box)
        else:
            joined.append((spans, box))
    return joined


def _justified_runs(segments: list[Segment], measures: Counter[tuple[int, int]],
                    starts: Sequence[tuple[float, bool]]) -> list[Segment]:
    """``segments`` with each run of three or more in one box joined where together they span a
    measure that more than ``MEASURE_LINES`` lines span, each gap within ``JUSTIFIED_SHARE`` of it
    and none at a column's start: a justified line of a few short words ("through" ... "a" ...
    "shared"), beside the other column's line on its row or not."""
    result: list[Segment] = []
    index = 0
    while index < len(segments):
        end = next((end for end in range(len(segments), index + 2, -1)
                    if _one_line(segments[index:end], measures, starts)), None)
        if end is None:
            result.append(segments[index])
            index += 1
        else:
            result.append(([span for spans, _ in segments[index:end] for span in spans], segments[index][1]))
            index = end
    return result


def _one_line(run: list[Segment], measures: Counter[tuple[int, int]], starts: Sequence[tuple[float, bool]]) -> bool:
    """The segments of ``run`` are one justified line (see ``_justified_runs``)."""
    first, last = run[0][0][0], run[-1][0][-1]
    if _spanning(measures, first.x0, last.x1) <= MEASURE_LINES or any(box is not run[0][1] for _, box in run):
        return False
    widest = JUSTIFIED_SHARE * (last.x1 - first.x0)
    return all(spans[0].x0 - before[-1].x1 <= widest and not _starts_column(spans[0], starts)
               for (before, _), (spans, _) in zip(run, run[1:], strict=False))


def _spanning(measures: Counter[tuple[int, int]], x0: float, x1: float) -> int:
    """How many lines span ``x0``..``x1``, each edge to a point (360.4 and 360.5 round apart)."""
    left, right = round(x0), round(x1)
    return sum(measures[left + dx, right + dy] for dx in (-1, 0, 1) for dy in (-1, 0, 1))


def _page_number(spans: list[Span]) -> bool:
    """A page number ("Page 2 of 2") at a footer's end: never the last word of a justified line."""
    return bool(PAGE_NUMBER_RE.match(" ".join(span.text for span in spans)))


def _starts_column(span: Span, starts: Sequence[tuple[float, bool]]) -> bool:
    """``span`` starts where a column does on its row (``_column_starts``)."""
    return any(abs(span.x0 - x) <= 1.0 for x, _ in starts)


def _join_justified(segments: list[Segment]) -> list[Segment]:
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
    joined: list[Segment] = []
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


__all__ = ["BULLET_GAP", "ROW_TOLERANCE", "Segment", "page_segments"]

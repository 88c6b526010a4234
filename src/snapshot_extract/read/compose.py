"""Compose: units in reading order -> ``models.Line``s, with blank lines between blocks.

Contract: ``compose(pages)`` takes each page's ``(unit, column)`` pairs in reading order and
returns the document's lines. A blank ``Line("")`` separates paragraphs and blocks: a new panel
or column, a vertical gap wider than ``PARAGRAPH_GAP`` font sizes, a change of font size, a
second segment on the same baseline. Tiles and grid rows are blocks of their own: a tile is one
line (its wrapped text joined), a row of cells one line with ``cells``, ``cell_boxes``,
``cell_fills`` (the fill of each cell's box) and ``cell_colors`` (each cell's text colour).
A bullet's wrapped continuation lines are joined into the bullet's line, and so are the lines
of a bold title larger than the body text that wraps over two or three lines. Hyphens at line
ends are marked with what ``hyphens.Hyphenation`` decided, for ``textutil.join_wrapped``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from ..geometry import round_box, union_box
from ..models import RGB, BBox, Line, colour_step, is_neutral
from ..textutil import NUMBERED_ITEM_RE, join_wrapped
from .hyphens import LINE_END_HYPHENS, Hyphenation
from .layout import SIZE_CHANGE, TextLine, Unit
from .order import order_units
from .segments import ROW_TOLERANCE
from .shapes import Box

PARAGRAPH_GAP = 1.6  # of the font size: a wider baseline distance starts a new paragraph
OUTDENT = 3.0  # of the font size: a line starting this far left of the one above is no wrap of it (an indent is less)
EDGE_TOLERANCE = 0.01  # points: the backends place a baseline this differently; a gap at the limit breaks
TITLE_MAX_LINES = 3
RECOLOURED = 0.2  # of a channel (0-1): a wider step between two lines' colours is another colour
LEADING_SLACK = 1.1  # of the body text's line pitch: a wider step starts a new paragraph
MAX_LEADING = 2.5  # of the body size: a wider step between two lines is no line pitch
PROSE_WORDS, LEADING_LINES = 5, 5  # words on each of two lines whose step is the pitch; steps seen, at least
_FREE = -1  # group of lines outside any panel
_SENTENCE_END = ".:?!;"


# What ``_paragraphs`` reads, in reading order: (unit, its line or None for a tile or row, column,
# group). A plain tuple: one is made per line of the document.
_Item = tuple[Unit, TextLine | None, int, int]
_Leading = tuple[float, float] | None  # the body text's line pitch and size
_BLANK = Line("")  # between paragraphs (immutable: one instance serves them all)


@dataclass(slots=True)
class _Entry:
    kind: Literal["text", "tile", "row"]
    cells: list[list[TextLine]]
    boxes: list[Box | None] = field(default_factory=list)
    column: int = 0
    texts: list[list[str]] = field(default_factory=list)
    panel: int = 0  # the panel the lines were printed in (numbered from 1), 0 for free lines

    @property
    def bullet(self) -> bool:
        return self.kind == "text" and self.cells[0][0].bullet


def compose(pages: Sequence[Sequence[tuple[Unit, int]]], hyphenation: Hyphenation,
            body_size: float) -> list[Line]:
    items = _items(pages)
    paragraphs = [_joined_title(paragraph, body_size) for paragraph in _paragraphs(items, _leading(items, body_size))]
    _mark_hyphens(paragraphs, hyphenation)
    lines: list[Line] = []
    for paragraph in paragraphs:
        if lines:
            lines.append(_BLANK)
        lines.extend([_to_line(entry) for entry in paragraph])
    return lines


# --------------------------------------------------------------------------- items


def _items(pages: Sequence[Sequence[tuple[Unit, int]]]) -> list[_Item]:
    items: list[_Item] = []
    group = 0
    for ordered in pages:
        for unit, column in ordered:
            if unit.kind == "line":
                items.append((unit, unit.cells[0][0], column, _FREE))
            elif unit.kind == "panel":
                group += 1
                items.extend(_panel_items(unit, column, group))
            else:
                items.append((unit, None, column, _FREE))
    return items


def _panel_items(panel: Unit, column: int, group: int) -> list[_Item]:
    box = panel.bbox
    inner = [Unit("line", [[line]]) for line in panel.lines]
    return [(unit, unit.cells[0][0], column, group) for unit, _ in order_units(inner, box[0], box[2])]


# --------------------------------------------------------------------------- paragraphs


def _leading(items: list[_Item], body_size: float) -> _Leading:
    """The body text's line pitch: the smallest baseline step between two lines of running text
    (``PROSE_WORDS`` words or more, in the body size, one column), rounded to half a point, seen
    ``LEADING_LINES`` times at least (a paragraph's step may be seen as often, between short
    paragraphs), with the body size; None without one (a grid's cells are no running text)."""
    steps: Counter[float] = Counter()
    for (_, above, column, group), (_, line, next_column, next_group) in zip(items, items[1:], strict=False):
        if (above is None or line is None or (column, group, above.page) != (next_column, next_group, line.page)
                or max(abs(above.size - body_size), abs(line.size - body_size)) > SIZE_CHANGE
                or min(above.text.count(" "), line.text.count(" ")) < PROSE_WORDS - 1):
            continue
        step = line.baseline - above.baseline
        if ROW_TOLERANCE * body_size < step < MAX_LEADING * body_size:
            steps[round(2 * step) / 2] += 1
    pitches = [step for step, count in steps.items() if count >= LEADING_LINES]
    return (min(pitches), body_size) if pitches else None  # the smallest: short paragraphs step apart often


def _paragraphs(items: list[_Item], leading: _Leading) -> list[list[_Entry]]:
    paragraphs: list[list[_Entry]] = []
    previous: _Item | None = None  # the last text line's item; None after a tile or row
    indent: float | None = None  # where the list's items carry on (their hanging indent), once seen
    for item in items:
        unit, line, column, group = item
        if line is None:
            kind: Literal["tile", "row"] = "row" if unit.kind == "row" else "tile"
            paragraphs.append([_Entry(kind, unit.cells, unit.boxes, column)])
            previous = indent = None
            continue
        entry = _Entry("text", [[line]], [line.box], column, panel=max(group, 0))
        if previous is None or _breaks(previous, item, leading) or line.bullet or NUMBERED_ITEM_RE.match(line.text):
            next_item = line.bullet and previous is not None and paragraphs[-1][-1].bullet and previous[2] == column
            indent = indent if next_item else None  # the next item of the same list keeps it
            paragraphs.append([entry])
        elif paragraphs[-1][-1].bullet:
            last = paragraphs[-1][-1]
            if _hangs(last.cells[0][0], line, indent) and _wraps(last.cells[0][-1], line):
                last.cells[0].append(line)
                indent = line.x0
            else:
                paragraphs.append([entry])
                indent = None
        else:
            paragraphs[-1].append(entry)
        previous = item
    return paragraphs


def _breaks(previous: _Item, item: _Item, leading: _Leading) -> bool:
    _, above, above_column, above_group = previous
    _, line, column, group = item
    assert above is not None and line is not None
    if above_group != group and _FREE in (above_group, group):
        return True
    if above_column != column or above.page != line.page:  # a panel too runs on (drawn again there)
        return not _flows(above, line)
    if above_group != group:
        return True
    size = max(above.size, line.size)
    step = line.baseline - above.baseline
    if step < ROW_TOLERANCE * size or step > _paragraph_gap(size, leading) - EDGE_TOLERANCE:
        return True
    if line.x0 < above.x0 - OUTDENT * size:  # starts far left of the line above: another column of a table
        return True
    if line.x0 > above.x1:  # starts right of where the line above ends: a neighbouring cell's line
        return True
    return abs(above.size - line.size) > SIZE_CHANGE or _recoloured(above, line)


def _recoloured(above_line: TextLine, line: TextLine) -> bool:
    """A line ending in one colour that codes something (no ink of text) and the next starting in
    another: two grid cells of the two sides ("and" ending a green cell, level with a red cell's
    "Digital Governance"); a legend's red label wrapping on in red is one paragraph."""
    above = above_line.color_parts[-1][1] if above_line.color_parts else above_line.color
    colour = line.color_parts[0][1] if line.color_parts else line.color
    if above is None or colour is None or is_neutral(above) or is_neutral(colour):
        return False
    return colour_step(above, colour) > RECOLOURED


def _paragraph_gap(size: float, leading: _Leading) -> float:
    """The widest baseline step inside a paragraph: ``PARAGRAPH_GAP`` font sizes, or a little
    more than the body text's own pitch where that pitch is as wide (cairo placing each line of a
    paragraph 1.8 sizes below the one before)."""
    if leading is None or abs(size - leading[1]) > SIZE_CHANGE or leading[0] < PARAGRAPH_GAP * size - EDGE_TOLERANCE:
        return PARAGRAPH_GAP * size  # most layouts: the pitch is well within a paragraph's step
    return LEADING_SLACK * leading[0]


def _flows(above: TextLine, line: TextLine) -> bool:
    """A paragraph running on into the next column or page: no sentence end, lowercase start."""
    return (
        above.text[-1:] not in _SENTENCE_END
        and line.text[:1].islower()
        and abs(above.size - line.size) <= SIZE_CHANGE
        and not line.bullet
    )


def _wraps(above: TextLine, line: TextLine) -> bool:
    """``line`` carries on ``above``: a wrapped line filled its width (it reaches as far right as
    the next one, give or take), or the next line starts in lower case. A short bullet followed
    by a capitalised full line is a bullet and then a new paragraph set tight against it."""
    return line.text[:1].islower() or above.x1 >= line.x1 - 2 * max(above.size, line.size)


def _hangs(bullet: TextLine, line: TextLine, indent: float | None) -> bool:
    """A bullet's continuation line: indented to the bullet's text, not further; or, starting in
    lower case, anywhere from under the bullet glyph (a list set without a hanging indent) to the
    bullet's text (a hanging indent a little short of the text the glyph and its space push on).
    Where an item of the list above carried on at an ``indent``, a capitalised line left of it
    starts a paragraph set tight under the list."""
    if indent is not None and line.x0 < indent - 2 and not line.text[:1].islower():
        return False
    if bullet.x0 - 2 <= line.x0 <= bullet.x0 + 2 * bullet.size:
        return True
    marker = bullet.marker_x0
    return marker is not None and marker - 2 <= line.x0 <= bullet.x0 and line.text[:1].islower()


def _joined_title(paragraph: list[_Entry], body_size: float) -> list[_Entry]:
    """A paragraph of two or three bold lines in one font, larger than the body text, each
    wrapped into the next (a heading or panel title too long for its column), as one entry, so
    that it becomes one line."""
    if not 2 <= len(paragraph) <= TITLE_MAX_LINES:
        return paragraph
    lines = [entry.cells[0][0] for entry in paragraph if entry.kind == "text" and len(entry.cells[0]) == 1]
    if len(lines) != len(paragraph) or not all(
        line.bold and not line.bullet and line.font == lines[0].font
        and line.size > body_size + SIZE_CHANGE for line in lines
    ):
        return paragraph
    widest = max(line.x1 - line.x0 for line in lines)
    if not all(_title_wraps(above, line, widest) for above, line in zip(lines, lines[1:], strict=False)):
        return paragraph
    first = paragraph[0]
    return [_Entry("text", [lines], [first.boxes[0]], first.column, panel=first.panel)]


def _title_wraps(above: TextLine, line: TextLine, widest: float) -> bool:
    """``line`` carries on a title line: aligned with it (left or centred), the line above ends
    no sentence or question (a colon may end a title's kicker), and ``line`` is no wider, or its
    first word would not have fitted on the line above within the title's widest line
    ("SPOTLIGHT –" / "GUADALAJARA")."""
    width, above_width = line.x1 - line.x0, above.x1 - above.x0
    aligned = abs(line.x0 - above.x0) <= line.size or abs(line.x0 + line.x1 - above.x0 - above.x1) <= line.size
    first_word = width * len(line.text.split(" ", 1)[0]) / max(len(line.text), 1)
    fits = width <= above_width or above_width + first_word > widest
    return aligned and fits and above.text[-1:] not in ".?!;"  # "SPOTLIGHT:" / "LINKÖPING CO-" runs on


# --------------------------------------------------------------------------- hyphens


def _mark_hyphens(paragraphs: list[list[_Entry]], hyphenation: Hyphenation) -> None:
    """Every line end with a hyphen, within an entry or running on into the next one, marked by
    ``hyphenation`` all at once (it weighs the document's breaks together)."""
    ends: list[tuple[list[str], int, str]] = []  # (texts, index of the line end, following text)
    previous: _Entry | None = None
    for paragraph in paragraphs:
        for position, entry in enumerate(paragraph):
            cells = entry.cells
            if len(cells) == 1 and len(cells[0]) == 1:  # one line, as most entries: no end inside
                entry.texts = [[cells[0][0].text]]
            else:
                entry.texts = [[line.text for line in cell] for cell in cells]
                for texts in entry.texts:
                    ends.extend((texts, index, texts[index + 1]) for index in range(len(texts) - 1)
                                if texts[index].endswith(LINE_END_HYPHENS))
            # a word cut at a line end in the paragraph, or at the foot of a column or page and
            # carried on in lower case in the next ("data part-" / "nerships to analyse data")
            following = cells[0][0].text
            if (previous is not None and previous.kind == "text" and entry.kind != "row"
                    and previous.texts[0][-1].endswith(LINE_END_HYPHENS)
                    and (position > 0 or following[:1].islower())):
                ends.append((previous.texts[0], len(previous.texts[0]) - 1, following))
            previous = entry
    marked = hyphenation.mark_all([(texts[index], following) for texts, index, following in ends])
    for (texts, index, _), text in zip(ends, marked, strict=True):
        texts[index] = text


# --------------------------------------------------------------------------- lines


def _to_line(entry: _Entry) -> Line:
    if entry.kind == "row":
        return _row_line(entry)
    lines = entry.cells[0]
    first = lines[0]
    text = join_wrapped(entry.texts[0]) if len(lines) > 1 else entry.texts[0][0]
    box = _box(lines)
    fill = entry.boxes[0].fill if entry.boxes and entry.boxes[0] is not None else None
    tile = entry.kind == "tile"
    colour = _colour(lines)
    return Line(
        text=text, page=first.page, bbox=box, font=first.font, size=round(first.size, 2),
        bold=all(line.bold for line in lines), color=colour, bullet=first.bullet,
        bold_parts=tuple(part for line in lines for part in line.bold_parts),
        color_parts=tuple(part for line in lines for part in line.color_parts),
        cells=(text,), cell_boxes=(box,) if tile else (),
        cell_colors=(colour,) if tile else (), cell_fills=(fill,) if tile else (),
        column=entry.column, panel=entry.panel, marker=first.marker, mixed=any(line.overprinted for line in lines),
    )  # fmt: skip


def _row_line(entry: _Entry) -> Line:
    lines = [line for cell in entry.cells for line in cell]
    texts = tuple([join_wrapped(cell_texts) for cell_texts in entry.texts])
    boxes = tuple([_box(cell) for cell in entry.cells])
    return Line(
        text=" ".join(texts), page=lines[0].page, bbox=_union(list(boxes)), font=lines[0].font,
        size=round(lines[0].size, 2), bold=all([line.bold for line in lines]), color=_colour(lines),
        bold_parts=tuple([part for line in lines for part in line.bold_parts]),
        cells=texts, cell_boxes=boxes,
        cell_colors=tuple([_cell_colour(cell) for cell in entry.cells]),
        cell_fills=tuple([box.fill if box is not None else None for box in entry.boxes]),
        column=entry.column, mixed=any(line.overprinted for line in lines),
    )  # fmt: skip


def _colour(lines: list[TextLine]) -> RGB | None:
    """The colour of most of the text."""
    weights: dict[RGB | None, int] = {}
    for line in lines:
        weights[line.color] = weights.get(line.color, 0) + len(line.text)
    return max(weights, key=weights.__getitem__) if weights else None


def _cell_colour(lines: list[TextLine]) -> RGB | None:
    """The colour that codes a grid cell: its key's, where the list glyph that opens it is
    printed in a colour of its own ("✔" in green before a label in black), else its text's."""
    first = lines[0]
    if first.marker and len(first.color_parts) > 1:
        key, colour = first.color_parts[0]
        if key == first.marker and not is_neutral(colour):
            return colour
    return _colour(lines)


def _box(lines: list[TextLine]) -> BBox:
    """The box of ``lines``, rounded to 0.01 pt."""
    return round_box(_union([line.bbox for line in lines]))


def _union(boxes: list[BBox]) -> BBox:
    """The box holding ``boxes``, rounded as they are (rounding to 0.01 pt twice is once)."""
    union = union_box(boxes)
    assert union is not None, "an entry has at least one line"
    return union

"""The outcomes grid's legend: which colour (or glyph) means "with sufficient data" and which
"without", read from the document itself.

A legend is a label line ("With sufficient data", "Insufficient data", "Green: with sufficient
data") in the colour of the swatch beside it, of a key printed before it, or of its own text; a
row of label cells each painted in its colour; a sentence whose two phrases are each printed in
their colour; or labels after the glyphs that key them ("● With sufficient data ○ Without …").
No colour is hard-coded.
"""

from __future__ import annotations

import re

from ..models import PAPER, RGB, BBox, Block, Line, Swatch
from ..textutil import is_bullet_glyph, split_bullet

# "With sufficient data" / "Without sufficient data", or "Sufficient data" / "Insufficient data"
# A legend label may follow its key: a colour's name ("Green: with sufficient data") or "=" after a marker
_LEGEND_RE = re.compile(r"^(?:[^\W\d_]+\s*[:=]\s*|[=:]\s*)?(?P<kind>with|without|in)?\s*sufficient\s+data\.?$", re.I)
_LEGEND_PHRASE_RE = re.compile(r"\b(?:with\s+|without\s+|in)?sufficient\s+data\b\.?", re.I)
_WITHOUT = ("without", "in")
_NEUTRAL_TOLERANCE = 0.08
_INDENT = 8.0  # points: a marker may stand this far inside a wrapped label's box (its first line's indent)


def legend_kind(text: str) -> str | None:
    """"with" or "without" for a legend label ("With sufficient data", "Insufficient data"), else None."""
    label = _LEGEND_RE.match(text)
    if label is None:
        return None
    return "without" if (label.group("kind") or "").lower() in _WITHOUT else "with"


def without_legend(text: str) -> str:
    """``text`` without the legend labels a dump may run into a grid line."""
    return _LEGEND_PHRASE_RE.sub(" ", text).strip()


def both_keys(text: str) -> bool:
    """A line holding the legend's two labels and nothing else but marker glyphs."""
    phrases = [match.group(0).lower() for match in _LEGEND_PHRASE_RE.finditer(text)]
    rest = _LEGEND_PHRASE_RE.sub(" ", text)
    return len({legend_kind(phrase) for phrase in phrases}) == 2 and not any(char.isalnum() for char in rest)


def add_keys(block: Block, legend: dict[str, RGB], keys: dict[str, str]) -> None:
    """The legend keys a block prints inside its lines, the first of each kind kept: phrases in
    their colours, and labels after their glyphs."""
    for kind, colour in _coloured_phrases(block):
        legend.setdefault(kind, colour)
    for kind, glyph in _glyph_keys(block):
        keys.setdefault(kind, glyph)


def _glyph_keys(block: Block) -> list[tuple[str, str]]:
    """The legend printed with glyphs: each legend label after the glyph that keys it ("● With
    sufficient data   ○ Without sufficient data"; a line's first glyph is its marker)."""
    found = []
    for line in block.lines:
        text = f"{line.marker} {line.text}"
        for phrase in _LEGEND_PHRASE_RE.finditer(text):
            glyph = text[: phrase.start()].rstrip()[-1:]
            kind = legend_kind(phrase.group())
            if glyph and is_bullet_glyph(glyph) and kind is not None:
                found.append((kind, glyph))
    return found


def _coloured_phrases(block: Block) -> list[tuple[str, RGB]]:
    """The legend a sentence carries: "with sufficient data" and "without sufficient data"
    printed each in its colour (a run of one colour that starts the phrase counts: the phrase
    may wrap onto the next line), a marker glyph before it too ("● With sufficient data ○ Without …")."""
    found = []
    for line in block.lines:
        for text, colour in line.color_parts:
            run = " ".join(split_bullet(text)[1].lower().rstrip(".,;:").split())
            kind = run.split(" ", 1)[0]
            if kind in ("with", "without") and f"{kind} sufficient data".startswith(run) and not is_neutral(colour):
                found.append((kind, colour))
    return found


def legend_colour(block: Block, swatches: tuple[Swatch, ...]) -> RGB | None:
    line = block.lines[0]
    swatch = None
    if line.bbox is not None and line.page is not None:
        swatch = swatch_beside(line.page, line.bbox, swatches, legend=True)
        if swatch is not None and swatch != PAPER:
            return swatch
    key = key_colour(line)  # a coloured key beats a hollow box drawn before it ("□ Green: with ...")
    if key is not None:
        return key
    if swatch is not None:
        return swatch
    if line.color is not None and not is_neutral(line.color):
        return line.color
    return None


def key_colour(line: Line) -> RGB | None:
    """The colour of a line's first run when it is a key printed before the rest in another
    colour: a marker glyph ("✔", "■") or a colour's name ("Green: with sufficient data")."""
    if len(line.color_parts) < 2:
        return None
    text, colour = line.color_parts[0]
    return None if is_neutral(colour) or len(text) > 12 else colour


def row_legend(block: Block, swatches: tuple[Swatch, ...]) -> list[tuple[str, RGB]]:
    """A row of cells that are all legend labels, each painted (or printed) in its colour, or
    set after a cell painted in it (a table's swatch cell)."""
    line = block.lines[0]
    if block.kind != "row" or len(line.cells) < 2:
        return []
    kinds = [legend_kind(cell) for cell in line.cells]
    if None in kinds or len(set(kinds)) < len(kinds):
        return []
    fills, colors = line.cell_fills, line.cell_colors
    page = line.page
    if None in fills and page is not None and len(line.cell_boxes) == len(fills):
        fills = tuple([fill if fill is not None or box is None else swatch_beside(page, box, swatches, legend=True)
                       for fill, box in zip(fills, line.cell_boxes, strict=True)])
    for paint in (fills, colors):  # the attribute the cells differ in is the one that codes them
        if len(paint) == len(kinds) and None not in paint and len(set(paint)) == len(paint):
            return [(kind, colour) for kind, colour in zip(kinds, paint, strict=True)
                    if kind is not None and colour is not None]
    return []


def swatch_beside(page: int, box: BBox, swatches: tuple[Swatch, ...], legend: bool = False) -> RGB | None:
    """The fill of the small swatch just left of ``box`` on its page and level with it (a
    marker may sit at a wrapped label's first line, in the indent it makes), the nearest one if
    several; a legend's swatch may be wide (a table cell painted in the colour, its label in
    the next cell)."""
    candidates = [
        swatch for swatch in swatches
        if swatch.page == page and swatch.bbox[1] - 2 <= box[3] and swatch.bbox[3] + 2 >= box[1]
        and swatch.bbox[0] <= box[0] + 2 and swatch.bbox[2] <= box[0] + _INDENT and box[0] - swatch.bbox[2] < 40
        and (legend or swatch.bbox[2] - swatch.bbox[0] < 60)
    ]  # fmt: skip
    if not candidates:
        return None
    middle = (box[1] + box[3]) / 2
    nearest = min(
        candidates, key=lambda swatch: (box[0] - swatch.bbox[2], abs((swatch.bbox[1] + swatch.bbox[3]) / 2 - middle))
    )
    return nearest.fill


def is_neutral(colour: RGB) -> bool:
    return max(colour) - min(colour) < _NEUTRAL_TOLERANCE and (max(colour) < 0.35 or min(colour) > 0.9)

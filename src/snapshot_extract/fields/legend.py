"""The outcomes grid's legend: which colour (or glyph) means "with sufficient data" and which
"without", read from the document itself.

A legend is a label line ("With sufficient data", "Insufficient data", "Green: with sufficient
data") in the colour of the swatch beside it, of a key printed before it, or of its own text; a
row of label cells each painted in its colour; a sentence whose two phrases are each printed in
their colour; or labels after the glyphs that key them ("● With sufficient data ○ Without …").
No colour is hard-coded.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import permutations

import webcolors

from ..geometry import right_under
from ..models import PAPER, RGB, BBox, Block, Line, Swatch, is_neutral
from ..textutil import is_bullet_glyph, split_bullet

# A legend label may follow its key: a colour's name ("Green: with sufficient data", "Light grey:",
# "Dark, bold:") or "=" after a marker
_KEY_PREFIX = r"(?:(?:[^\W\d_]+,?\s+){0,2}[^\W\d_]+\s*[:=]\s*|[=:]\s*)"
_KEY_PREFIX_RE = re.compile(rf"^{_KEY_PREFIX}")
# A legend's phrase: data said to be sufficient or not, before or after the word "data" ("With
# sufficient data" / "Without sufficient data", "Insufficient data", "Sufficient data available" /
# "No sufficient data", "Lacks sufficient data", "Enough data" / "Not enough data", "Data (are) sufficient" / "Data not
# sufficient", "Data available" / "Data lacking"); a negation or a word of lack makes it the
# "without" side.
_ENOUGH = r"(?:in)?sufficient|enough|(?:in)?adequate"
_LEGEND_PHRASE = (rf"(?:(?:with|without|not|no|lack(?:s|ing)?)\s+)?(?:{_ENOUGH})\s+data(?:\s+available)?"
                  rf"|data\s+(?:(?:are|is)\s+)?(?:not\s+)?(?:{_ENOUGH}|(?:un)?available|lacking|missing|gaps?)")
# what the data is for may follow a label, in a few words: "data sufficient to support innovation
# capacity in the city", "enough data to measure outcomes"
_PURPOSE = r"(?:\s+(?:to|for)(?:\s+[^\W\d_]+){1,6})?"
_LEGEND_RE = re.compile(rf"^{_KEY_PREFIX}?(?:{_LEGEND_PHRASE}){_PURPOSE}\.?$", re.I)
_LEGEND_PHRASE_RE = re.compile(rf"\b(?:{_LEGEND_PHRASE})\b\.?", re.I)
_WITHOUT_RE = re.compile(r"\b(?:without|not|no|insufficient|inadequate|unavailable|lack(?:s|ing)?|missing|gaps?)\b",
                         re.I)
_TITLE_RE = re.compile(r"^\s*(?:legend|key)\b\s*:?", re.I)  # the legend's title ("Key:")
# A side named as unpainted in a worded legend ("unshaded cells are areas without sufficient data")
_UNPAINTED_RE = re.compile(
    r"\b(?:un(?:shaded|filled|painted|colou?red|highlighted)|blank|plain|white|no\s+(?:fill|shading|colou?r))\b", re.I
)
# A side named only as painted ("shaded cells = data available"): a mid grey, which pairs it with
# the grid's paint farther from the paper when the other side is named unpainted (``resolve_names``)
_PAINTED_RE = re.compile(r"\b(?:shaded|filled|colou?red|highlighted|tinted|painted)\b", re.I)
SHADED: RGB = (0.5, 0.5, 0.5)
_CLAUSE_RE = re.compile(r"[;,.]|\s+(?:and|while|whereas)\s+")
LEGEND_OPENING = 60  # characters at most before a worded legend's first phrase: a line of it, not of cells run on
KEY_LENGTH = 12  # characters at most of a key printed before a label: a glyph or a colour's name
_INDENT = 8.0  # points: a marker may stand this far inside a wrapped label's box (its first line's indent)


@dataclass
class Legend:
    """What an outcomes section says about its grid's coding, gathered block by block."""

    wrapped: dict[int, tuple[int, str]]  # see wrapped_labels
    rests: frozenset[int]  # the blocks holding a wrapped label's rest
    colours: dict[str, RGB] = field(default_factory=dict)  # "with"/"without" -> its colour
    glyphs: dict[str, str] = field(default_factory=dict)  # "with"/"without" -> the glyph printed before it
    worded: list[int] = field(default_factory=list)  # blocks that may word it ("green cells are ...")

    @classmethod
    def over(cls, blocks: Sequence[Block]) -> Legend:
        wrapped = wrapped_labels(blocks)
        return cls(wrapped, frozenset(rest for rest, _ in wrapped.values()))

    def take(self, index: int, block: Block, swatches: tuple[Swatch, ...]) -> bool:
        """Read the keys ``block`` prints; True when the whole block is legend: a label (its
        rest, wrapped), a row of labels, a line of both keys."""
        add_keys(block, self.colours, self.glyphs)
        if index in self.rests:
            return True
        in_row = row_legend(block, swatches)
        for kind, paint in in_row:
            self.colours.setdefault(kind, paint)
        labels = [(legend_kind(line.text), line) for line in block.lines]
        if len(labels) > 1 and not in_row and all(side is not None for side, _ in labels):
            for side, line in labels:  # a label a line, each keyed by what stands before it
                if side is not None and (colour := legend_colour(line, swatches)) is not None:
                    self.colours.setdefault(side, colour)
            return True
        label = self.wrapped[index][1] if index in self.wrapped else legend_kind(block.text)
        if label is not None and not in_row:
            colour = legend_colour(block.lines[0], swatches)
            if colour is not None:
                self.colours.setdefault(label, colour)
            else:  # a label in black may name its colour ("Green: sufficient data")
                self.worded.append(index)
        if in_row or label is not None or _TITLE_RE.fullmatch(block.text):
            return True
        if block.kind != "row" and (phrase := _LEGEND_PHRASE_RE.search(block.text)):
            self.worded.append(index)
            if len(block.lines) == 1 and phrase.start() <= LEGEND_OPENING and named_keys([block.text]):
                return True  # a line that names both sides' colours ("Legend: green = sufficient data, red = ...")
        return keys_only(block.text)


def legend_kind(text: str) -> str | None:
    """"with" or "without" for a legend label ("With sufficient data", "Data lacking"), else None."""
    if _LEGEND_RE.match(text) is None:
        return None
    phrase = _LEGEND_PHRASE_RE.search(text)
    return "without" if phrase is not None and _WITHOUT_RE.search(phrase.group()) else "with"


def without_legend(text: str) -> str:
    """``text`` without the legend labels a dump may run into a grid line."""
    return _LEGEND_PHRASE_RE.sub(" ", text).strip()


def wrapped_labels(blocks: Sequence[Block]) -> dict[int, tuple[int, str]]:
    """Legend labels wrapped in their box whose lines the reading order set apart ("With
    sufficient", the next label's first line, then "data"): the index of a label's first block ->
    (the index of the block holding its rest, right under it at its left edge or, the legend a
    line of text that wrapped, at the start of the next line; the label's kind)."""
    found: dict[int, tuple[int, str]] = {}
    rests: set[int] = set()
    for index, block in enumerate(blocks):
        line = block.lines[-1]
        if line.bbox is None or index in rests or legend_kind(block.text) is not None:
            continue
        for other in range(index + 1, min(len(blocks), index + 4)):
            below = blocks[other].lines[0]
            if (other not in rests and below.bbox is not None and below.page == line.page
                    and _carries_on(line.bbox, below.bbox) and legend_kind(blocks[other].text) is None):  # a
                # whole label is no other's rest ("Education" over "green = Data available")
                kind = legend_kind(f"{block.text} {blocks[other].text}")
                if kind is not None:
                    found[index] = (other, kind)
                    rests.add(other)
                    break
    return found


def _carries_on(above: BBox, below: BBox) -> bool:
    """``below`` is the next line of a label ending ``above``: right under it at its left edge,
    or the next line of the text it is set in, starting left of it."""
    return right_under(above, below, gap=0.8, overlap=0.2, outdent=math.inf)


def named_keys(texts: Sequence[str]) -> dict[str, RGB]:
    """A legend worded in sentences that name each side's colour ("green shaded cells are areas
    with sufficient data; unshaded cells are areas without sufficient data"): kind -> the named
    colour (PAPER for a side named unpainted); empty unless both sides are named, apart. A clause
    that names a colour and no side is the side not named ("shaded cells mark areas with enough
    data; unshaded cells mark areas where it does not")."""
    named: dict[str, RGB] = {}
    unsaid: set[RGB] = set()  # colours named in clauses that name no side
    for clause in (part for text in texts for split in _CLAUSE_RE.split(text) for part in _by_phrase(split)):
        kinds = {legend_kind(phrase.group()) for phrase in _LEGEND_PHRASE_RE.finditer(clause)}
        kind = kinds.pop() if len(kinds) == 1 else None
        colour = _colour_named(_LEGEND_PHRASE_RE.sub(" ", clause)) if len(kinds) < 2 else None
        if kind is not None and colour is not None:
            named.setdefault(kind, colour)
        elif not kinds and colour is not None:
            unsaid.add(colour)
    others = unsaid - set(named.values())
    if len(named) == 1 and len(others) == 1:
        named["without" if "with" in named else "with"] = others.pop()
    return named if len(named) == 2 and named["with"] != named["without"] else {}


def _by_phrase(clause: str) -> list[str]:
    """A clause cut after each legend phrase that the next key follows ("Green: sufficient data
    Grey: insufficient data", a legend's two keys set apart by spaces only; "with sufficient data
    or without sufficient data" stays whole)."""
    ends = [phrase.end() for phrase in _LEGEND_PHRASE_RE.finditer(clause) if _NEXT_KEY_RE.match(clause, phrase.end())]
    return [clause[start:end] for start, end in zip([0, *ends], [*ends, len(clause)], strict=True)]


_NEXT_KEY_RE = re.compile(r"\s+[^\W\d_]+(?: [^\W\d_]+)?\s*[:=]")  # " Grey:", " light blue ="


def _colour_named(text: str) -> RGB | None:
    """The colour a clause names: unpainted (the paper's), a CSS colour name ("green", "light
    grey"; a two-word name read as one), or painted without a name (``SHADED``)."""
    if _UNPAINTED_RE.search(text):
        return PAPER
    words = [word.lower() for word in re.findall(r"[^\W\d_]+", text)]
    for position, word in enumerate(words):
        for name in ("".join(words[position : position + 2]), word):
            if name in _css_colour_names():
                red, green, blue = webcolors.name_to_rgb(name)
                return red / 255, green / 255, blue / 255
    return SHADED if _PAINTED_RE.search(text) else None  # "green shaded cells" named green above


@cache  # the CSS table does not change while the program runs
def _css_colour_names() -> frozenset[str]:
    return frozenset(webcolors.names("css3"))


def resolve_names(named: dict[str, RGB], paints: Sequence[RGB]) -> dict[str, RGB]:
    """A worded legend's sides matched to the two paints the grid really uses: the pairing
    whose named colours lie nearest the paints (a "green" legend means the grid's own green)."""
    if len(named) != 2 or len(paints) != 2:
        return {}
    kinds = list(named)
    best = min(permutations(paints), key=lambda order: sum(
        math.dist(named[kind], paint) for kind, paint in zip(kinds, order, strict=True)))
    return dict(zip(kinds, best, strict=True))


def keys_only(text: str) -> bool:
    """A line holding legend labels and nothing else but marker glyphs and a title ("● With
    sufficient data   ○ Without sufficient data", "Key: ☑ = with sufficient data")."""
    rest = _TITLE_RE.sub("", _LEGEND_PHRASE_RE.sub(" ", text), count=1)
    return _LEGEND_PHRASE_RE.search(text) is not None and not any(char.isalnum() for char in rest)


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
            glyph = text[: phrase.start()].rstrip(" =:")[-1:]  # "☑ = with sufficient data"
            kind = legend_kind(phrase.group())
            if glyph and is_bullet_glyph(glyph) and kind is not None:
                found.append((kind, glyph))
    return found


def _coloured_phrases(block: Block) -> list[tuple[str, RGB]]:
    """The legend a sentence carries: "with sufficient data" and "without sufficient data" (or
    another legend phrase) printed each in its colour (a run of one colour that starts the
    phrase counts: the phrase may wrap onto the next line), a marker glyph before it too
    ("● With sufficient data ○ Without …"); or each phrase after a key in its colour (a green
    "●" before "adequate data", an orange one before "data lacking")."""
    found = []
    for line in block.lines:
        key: RGB | None = None  # the colour of a key printed right before this run
        for text, colour in line.color_parts:
            run = split_bullet(text)[1].lower().rstrip(".,;:")
            run = " ".join(_KEY_PREFIX_RE.sub("", run, count=1).split())  # "blue = with sufficient data"
            kind = _run_kind(run)
            if kind is not None and not is_neutral(colour):
                found.append((kind, colour))
            elif kind is not None and key is not None:
                found.append((kind, key))
            key = colour if not is_neutral(colour) and len(text) <= KEY_LENGTH else None
    return found


def _run_kind(run: str) -> str | None:
    """The side a coloured run names: a legend phrase ("not enough data"), or the start of "with
    (out) sufficient data" where the phrase wraps onto the next line."""
    first = run.split(" ", 1)[0]
    if first in ("with", "without") and f"{first} sufficient data".startswith(run):
        return first
    return legend_kind(run)


def legend_colour(line: Line, swatches: tuple[Swatch, ...]) -> RGB | None:
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
    return None if is_neutral(colour) or len(text) > KEY_LENGTH else colour


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
    """The fill of ``key_beside``."""
    key = key_beside(page, box, swatches, legend)
    return key.fill if key is not None else None


def key_beside(page: int, box: BBox, swatches: tuple[Swatch, ...], legend: bool = False) -> Swatch | None:
    """The small swatch just left of ``box`` on its page and level with it (a
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
    return nearest


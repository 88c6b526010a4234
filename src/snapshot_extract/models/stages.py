"""The stage types: plain immutable named tuples and dataclasses (see ``models``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from .schema import Unmapped, Warning

BBox = tuple[float, float, float, float]
RGB = tuple[float, float, float]

MAX_ITEM_LINE = 80  # characters: a longer line is running text, not a list item or tile


# --------------------------------------------------------------------------- read -> Document


@dataclass(frozen=True)
class PdfOptions:
    """How to read a PDF: the backend (``pymupdf``, fast; ``pdfplumber``, detailed), a password,
    the most pages a snapshot may have, and when to OCR a page (``auto``: the pages without a text
    layer; ``always``; ``never``: such a page is ``no_text_layer``)."""

    backend: Literal["pymupdf", "pdfplumber"] = "pymupdf"
    password: str | None = None
    max_pages: int = 20
    ocr: Literal["auto", "always", "never"] = "auto"


class Line(NamedTuple):
    """One line of text as the reader saw it, markup removed.

    ``bullet`` is true when the line was introduced by a list marker or bullet glyph (which is
    not part of ``text``). ``bold`` is true when the whole line was set in bold; ``bold_parts``
    keeps the bold runs inside it (``**x**`` in a text dump, bold spans in a PDF), ``color_parts``
    the runs of one colour in a PDF line printed in several (a phrase coloured in a sentence). ``cells``
    holds the separate cells of a grid row (tab-separated in a dump, tiles in a PDF); a line
    that is not a grid row has ``cells == (text,)``. ``cell_boxes``, ``cell_colors`` and
    ``cell_fills`` run parallel to ``cells`` where the reader knows them. Boxes are in PDF
    points, rounded to 0.01; ``column`` numbers the column a PDF line was read in, ``panel`` the
    boxed panel it was printed in (from 1; 0 outside any). ``mixed`` is true for a part of a dump
    line that held two columns' text (``read.joins``): the columns are interleaved around it; in a
    PDF, for a line printed over another (a float or box set over the text): their words mix.
    """

    text: str
    page: int | None = None
    bbox: BBox | None = None
    font: str | None = None
    size: float | None = None
    bold: bool = False
    color: RGB | None = None
    bullet: bool = False
    bold_parts: tuple[str, ...] = ()
    color_parts: tuple[tuple[str, RGB], ...] = ()
    cells: tuple[str, ...] = ()
    cell_boxes: tuple[BBox | None, ...] = ()
    cell_colors: tuple[RGB | None, ...] = ()
    cell_fills: tuple[RGB | None, ...] = ()
    column: int = 0
    panel: int = 0
    mixed: bool = False
    marker: str = ""  # the list glyph a dump printed before the text ("●", "○"), where it was one


@dataclass(frozen=True, slots=True)
class Swatch:
    """A filled rectangle on a page (grid tile, legend swatch, panel background), or a hollow
    marker (an outlined circle or box), whose fill is the paper's: ``PAPER``."""

    page: int
    bbox: BBox
    fill: RGB


PAPER: RGB = (1.0, 1.0, 1.0)  # the fill of a hollow marker: the paper shows through it
NEUTRAL_TOLERANCE = 0.08  # of a channel: a colour whose channels are this close is a grey


def colour_step(first: RGB, second: RGB) -> float:
    """How far apart two colours are: the widest step between their channels (0-1)."""
    return max(abs(a - b) for a, b in zip(first, second, strict=True))


def is_neutral(colour: RGB) -> bool:
    """Black, a dark grey or white: the ink of text, or the paper; no colour that codes anything."""
    return max(colour) - min(colour) < NEUTRAL_TOLERANCE and (max(colour) < 0.35 or min(colour) > 0.9)


class OcrDoubt(NamedTuple):
    """A word OCR read with low confidence: page, box (points), text and confidence (0-100)."""

    page: int
    bbox: BBox
    text: str
    confidence: float


@dataclass(frozen=True, slots=True)
class SourceInfo:
    file: str
    sha256: str
    format: Literal["pdf", "text"]
    pages: int | None
    ocr: bool = False  # some page was read by OCR


@dataclass(frozen=True, slots=True)
class Document:
    """What a reader hands to the section stage: lines in reading order, the page's filled
    shapes, and the reader's own doubts (``notes``, warnings the record carries)."""

    source: SourceInfo
    lines: tuple[Line, ...]
    swatches: tuple[Swatch, ...] = ()
    page_sizes: tuple[tuple[float, float], ...] = ()
    notes: tuple[Warning, ...] = ()
    doubts: tuple[OcrDoubt, ...] = ()  # OCR words read with low confidence
    turned: tuple[Line, ...] = ()  # lines printed turned (up a margin), outside the reading order


# --------------------------------------------------------------------------- sections -> Sections


class Block(NamedTuple):
    """A paragraph, a bullet item or a grid row: the unit the field mappers read, with its text
    split into ``sentences`` once."""

    kind: Literal["paragraph", "bullet", "row"]
    text: str
    lines: tuple[Line, ...]
    sentences: tuple[str, ...]

    @property
    def cells(self) -> tuple[str, ...]:
        return self.lines[0].cells if self.kind == "row" else (self.text,)

    @property
    def is_item(self) -> bool:
        """A bullet, a grid row or tiles, or lines that read as list items (a dump that lost its
        bullet glyphs, tiles whose labels wrap): no sentence end, no line longer than an item."""
        if self.kind != "paragraph":
            return True
        return (not self.text.endswith((".", ":", "?", "!")) and len(self.sentences) == 1
                and all(len(line.text) <= MAX_ITEM_LINE for line in self.lines))


@dataclass(frozen=True, slots=True)
class Header:
    """The page header: "City Innovation Snapshot <as_printed>, <country>"; ``kicker`` false when
    the kicker was not read and the document's title line "<CITY>, <Country>" stands for it."""

    as_printed: str
    country: str
    line: Line
    kicker: bool = True


class Section(NamedTuple):
    """One canonical section (``key``): its heading as printed and its blocks."""

    key: str
    heading: str | None
    blocks: tuple[Block, ...]
    heading_line: Line | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Move:
    """A block moved to the section its content belongs to (``from_key`` -> ``to_key``)."""

    text: str
    from_key: str
    to_key: str


@dataclass(frozen=True, slots=True)
class Sections:
    """The document split into sections; ``preamble`` holds the blocks before any heading."""

    header: Header | None
    sections: dict[str, Section]
    preamble: tuple[Block, ...] = ()
    moves: tuple[Move, ...] = ()
    header_cities: tuple[str, ...] = ()

    def get(self, key: str) -> Section | None:
        return self.sections.get(key)

    def block_texts(self) -> list[str]:
        """The text of every block in reading order: the preamble, then section by section."""
        blocks = [*self.preamble, *(block for section in self.sections.values() for block in section.blocks)]
        return [block.text for block in blocks]


# --------------------------------------------------------------------------- fields -> FieldResult


class Evidence(NamedTuple):
    """Where a value was read: the text, its page and box (None in a text dump)."""

    text: str
    page: int | None
    bbox: BBox | None


class Stray(NamedTuple):
    """A list item no term of its own list matched (an ``Unmapped`` entry), with where it was read."""

    path: str
    text: str
    evidence: Evidence


class FieldResult(NamedTuple):
    """One mapper's output: values by JSON path, their evidence, the problems found, and the
    blocks it read (``(block index, None)`` for a whole block, ``(index, sentence)`` for one
    sentence of it): the record stage warns about every sentence no mapper read. ``intros``:
    the list paths whose intro announced items to follow ("… from the following sources:");
    ``strays``: the items of its lists that matched no term of their list."""

    values: dict[str, Any]
    evidence: dict[str, Evidence]
    warnings: tuple[Warning, ...]
    unmapped: tuple[Unmapped, ...]
    used: frozenset[tuple[int, str | None]]
    intros: frozenset[str] = frozenset()
    strays: tuple[Stray, ...] = ()



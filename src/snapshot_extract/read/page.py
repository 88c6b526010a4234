"""What a PDF backend hands to the layout stage: the text runs and shapes of each page.

Both backends (``pdf_mupdf``, ``pdf_plumber``) reduce a page to the same primitives so that one
layout stage (``layout``) turns either into the same lines:

* ``Span``: a run of text on one baseline in one font, size and colour, stripped of surrounding
  whitespace (``space_before``/``space_after`` say whether there was any); ``x0``/``x1`` are the
  ink extent, ``baseline`` the y of the baseline, all in PDF points with a top-left origin;
* ``Shape``: a filled or outlined rectangle-like path (panel background, tile, grid cell, legend
  swatch): ``fill`` is its RGB fill (0-1) or None for an outline (a stroke); one filled path
  of two nested subpaths (a border drawn as a box minus its inside) is the one shape it paints
  (``ring_paint``: the strip of a one-sided border, else the outer box as an outline).

Colours are normalised here (grey, RGB and CMYK tuples -> RGB 0-1) and fonts are judged by name
(bold, symbol), so neither backend decides anything the other could decide differently.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from ..errors import TooManyPages, UnreadableInput
from ..models import RGB, BBox, is_neutral
from ..textutil import SPACING_ACCENTS, SYMBOL_FONT_HINTS

_EDGE = 0.1  # points: subpath edges this close are the same edge
SWATCH_PICTURE = 40.0, 64 * 64  # points, pixels: the largest picture read as a swatch when it is of one colour
SOLID_SPREAD = 12  # 0-255: a picture whose channels vary no more is of one colour (JPEG's ripples)
PAGE_PICTURE = 0.8  # of the page's area: a picture this large is the page (a scan)
_RING_BAND = 3.0  # points: a hole this close to every edge of its box leaves a border, not a fill
_SUBSET_RE = re.compile(r"^[A-Z]{6}\+")
_BOLD_RE = re.compile(r"bold|black|heavy|semibold|demibold|extrabold|ultrabold", re.IGNORECASE)


class Span(NamedTuple):
    text: str
    x0: float
    x1: float
    baseline: float
    size: float
    font: str
    color: RGB | None
    space_before: bool
    space_after: bool
    bold: bool
    symbol: bool  # no text: a symbol-font glyph or only unknown code points (see ``make_span``)


def make_span(text: str, x0: float, x1: float, baseline: float, size: float, font: str,
              color: RGB | None, space_before: bool = False, space_after: bool = False) -> Span:
    """A span with ``bold`` and ``symbol`` judged from its font name and characters: a symbol
    font (ZapfDingbats bullets extract as letters) or only unknown, control or private-use code
    points (a bullet glyph the font cannot name) make a symbol run, which is no text."""
    bold, symbol_font = font_traits(font)
    symbol = symbol_font or all(_is_unknown(char) for char in text)
    return Span(text, x0, x1, baseline, size, font, color, space_before, space_after, bold, symbol)


@dataclass(frozen=True, slots=True)
class Shape:
    bbox: BBox
    fill: RGB | None


@dataclass(frozen=True, slots=True)
class PageContent:
    number: int  # 1-based
    width: float
    height: float
    spans: tuple[Span, ...]
    shapes: tuple[Shape, ...]
    turned: tuple[str, ...] = ()  # lines printed turned (up a margin): outside the reading order
    pictured: bool = False  # a picture covers the page (a scan, its text layer laid over it, or none)


RUN_GAP = 1.0  # of the font size: a wider gap between two glyphs starts a new span
SPACE_GAP = 0.15  # of the font size: a wider gap between two glyphs or spans is a word space
MARK_SIZE = 12.0  # points: a stroked path no wider or taller is a mark (a tick, a cross), not a rule or a frame


def over_letter(char: str, box: tuple[float, float], letter: tuple[float, float]) -> bool:
    """``char`` is a spacing accent drawn over the letter printed before it (``box`` and
    ``letter``: their left and right edges): groff overstrikes "s" then "´" where TeX prints
    "´" then "s"; read in TeX's order, the two compose ("´s" -> "ś", ``textutil.clean_text``)."""
    return char in SPACING_ACCENTS and letter[0] <= (box[0] + box[1]) / 2 <= letter[1]


CEDILLA = "\u00b8"  # the spacing cedilla: composes with the letter after it (``textutil.clean_text``)
MARK_SHARE = 0.7  # of the letter's size: a comma set this small under a letter is its accent


def under_letter(char: str, size: float, box: tuple[float, float], letter_size: float,
                 letter: tuple[float, float], drop: float) -> bool:
    """``char`` is a comma set small under the letter printed before it (``box`` and ``letter``:
    their left and right edges; ``drop``: how far its baseline lies below the letter's): pdflatex
    builds "ņ", "ķ", "ş" so, "n" then a half-size "," under it. Read as a cedilla before the
    letter, the two compose ("¸n" -> "ņ")."""
    return (char == "," and size <= MARK_SHARE * letter_size and drop > 0
            and letter[0] <= (box[0] + box[1]) / 2 <= letter[1])


def stroked_shape(bbox: BBox, colour: RGB | None, open_lines: bool) -> Shape:
    """A stroked path: an outline (no fill: a rule, a frame, a hollow marker, whose inside is
    the paper's), or a mark drawn in a colour (a small path of straight lines that closes
    nothing, a tick or a cross in green or red: an icon that codes a grid cell) painted in that
    colour."""
    small = max(bbox[2] - bbox[0], bbox[3] - bbox[1]) <= MARK_SIZE
    if small and open_lines and colour is not None and not is_neutral(colour):
        return Shape(bbox, colour)
    return Shape(bbox, None)


def font_name(raw: str) -> str:
    """Font name without the subset prefix ("ABCDEF+DejaVuSans" -> "DejaVuSans"), cut the way
    MuPDF cuts it (31 characters with the prefix), so both backends name a font alike."""
    return _SUBSET_RE.sub("", (raw or "")[:31])


def check_page_count(pages: int, max_pages: int) -> None:
    """Refuse an empty document or one longer than ``max_pages`` before reading any page."""
    if pages == 0:
        raise UnreadableInput("PDF has no pages")
    if pages > max_pages:
        raise TooManyPages(f"PDF has {pages} pages (more than --max-pages {max_pages})")


def _is_unknown(char: str) -> bool:
    return char == "\ufffd" or char < " " or "\ue000" <= char <= "\uf8ff"


# Bounded: a document uses a handful of fonts, each named on hundreds of spans.
@lru_cache(maxsize=256)
def font_traits(font: str) -> tuple[bool, bool]:
    """(bold, symbol font) of a font judged by its name: ZapfDingbats bullets extract as letters."""
    lowered = font.lower()
    return bool(_BOLD_RE.search(font)), any(hint in lowered for hint in SYMBOL_FONT_HINTS)


def rgb_from_int(value: int) -> RGB:
    """An sRGB integer (0xRRGGBB, as PyMuPDF reports text colour) -> RGB 0-1."""
    return (
        round(((value >> 16) & 255) / 255, 3),
        round(((value >> 8) & 255) / 255, 3),
        round((value & 255) / 255, 3),
    )


def normalise_colour(value: object) -> RGB | None:
    """Grey, RGB or CMYK components (0-1) -> RGB 0-1; anything else (patterns, None) -> None."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = (value,)
    if not isinstance(value, Sequence) or isinstance(value, str):
        return None
    try:
        parts = [min(max(float(part), 0.0), 1.0) for part in value]
    except (TypeError, ValueError):
        return None
    if len(parts) == 1:
        grey = round(parts[0], 3)
        return (grey, grey, grey)
    if len(parts) == 3:
        return (round(parts[0], 3), round(parts[1], 3), round(parts[2], 3))
    if len(parts) == 4:
        cyan, magenta, yellow, black = parts
        return (
            round((1 - cyan) * (1 - black), 3),
            round((1 - magenta) * (1 - black), 3),
            round((1 - yellow) * (1 - black), 3),
        )
    return None


def covers_page(bbox: BBox, width: float, height: float) -> bool:
    """A picture at ``bbox`` is the page: it covers ``PAGE_PICTURE`` of it at least."""
    return (bbox[2] - bbox[0]) * (bbox[3] - bbox[1]) >= PAGE_PICTURE * width * height


def picture_swatch(bbox: BBox, samples: bytes, components: int) -> Shape | None:
    """A small picture of one colour (8-bit grey or RGB ``samples``) as a shape painted in it: a
    coloured square a converter placed as an image (html2ps, which draws no cell backgrounds,
    keys a grid by such squares)."""
    if max(bbox[2] - bbox[0], bbox[3] - bbox[1]) > SWATCH_PICTURE[0] or components not in (1, 3) or not samples:
        return None
    channels = [samples[channel::components] for channel in range(components)]
    if any(max(values) - min(values) > SOLID_SPREAD for values in channels):
        return None
    levels = [round(sorted(values)[len(values) // 2] / 255, 3) for values in channels]
    red, green, blue = levels * 3 if components == 1 else levels
    return Shape(bbox, (red, green, blue))


def ring_paint(first: BBox, second: BBox, fill: RGB | None) -> Shape | None:
    """What one filled path of two nested subpaths paints (a border drawn as a box minus its
    inside): the strip left over, in ``fill``, when the hole shares three sides with the outer box
    (a one-sided border); the outer box as an outline when the hole leaves a thin band all round
    (a ring border: nothing is painted inside it), else the outer box in ``fill``; None when
    neither box holds the other."""
    if _holds(first, second):
        outer, hole = first, second
    elif _holds(second, first):
        outer, hole = second, first
    else:
        return None
    x0, top, x1, bottom = outer
    same = [abs(a - b) <= _EDGE for a, b in zip(outer, hole, strict=True)]
    if same[0] and same[2]:
        if same[1]:
            return Shape((x0, hole[3], x1, bottom), fill)
        if same[3]:
            return Shape((x0, top, x1, hole[1]), fill)
    if same[1] and same[3]:
        if same[0]:
            return Shape((hole[2], top, x1, bottom), fill)
        if same[2]:
            return Shape((x0, top, hole[0], bottom), fill)
    thin = all(abs(a - b) <= _RING_BAND for a, b in zip(outer, hole, strict=True))
    return Shape(outer, None if thin else fill)


def _holds(outer: BBox, inner: BBox) -> bool:
    return (outer[0] - _EDGE <= inner[0] and outer[1] - _EDGE <= inner[1]
            and inner[2] <= outer[2] + _EDGE and inner[3] <= outer[3] + _EDGE)

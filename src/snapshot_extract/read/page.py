"""What a PDF backend hands to the layout stage: the text runs and shapes of each page.

Both backends (``pdf_mupdf``, ``pdf_plumber``) reduce a page to the same primitives so that one
layout stage (``layout``) turns either into the same lines:

* ``Span``: a run of text on one baseline in one font, size and colour, stripped of surrounding
  whitespace (``space_before``/``space_after`` say whether there was any); ``x0``/``x1`` are the
  ink extent, ``baseline`` the y of the baseline, all in PDF points with a top-left origin;
* ``Shape``: a filled or outlined rectangle-like path (panel background, tile, grid cell, legend
  swatch): ``fill`` is its RGB fill (0-1) or None for an outline (stroke, or an even-odd ring as
  used for borders).

Colours are normalised here (grey, RGB and CMYK tuples -> RGB 0-1) and fonts are judged by name
(bold, symbol), so neither backend decides anything the other could decide differently.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import RGB, BBox
from ..textutil import SYMBOL_FONT_HINTS

_SUBSET_RE = re.compile(r"^[A-Z]{6}\+")
_BOLD_RE = re.compile(r"bold|black|heavy|semibold|demibold|extrabold|ultrabold", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    x0: float
    x1: float
    baseline: float
    size: float
    font: str
    color: RGB | None
    space_before: bool = False
    space_after: bool = False

    @property
    def bold(self) -> bool:
        return is_bold_font(self.font)

    @property
    def symbol(self) -> bool:
        return is_symbol_font(self.font)


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


def font_name(raw: str) -> str:
    """Font name without the subset prefix ("ABCDEF+DejaVuSans" -> "DejaVuSans")."""
    return _SUBSET_RE.sub("", raw or "")


def is_bold_font(font: str) -> bool:
    return bool(_BOLD_RE.search(font))


def is_symbol_font(font: str) -> bool:
    lowered = font.lower()
    return any(hint in lowered for hint in SYMBOL_FONT_HINTS)


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

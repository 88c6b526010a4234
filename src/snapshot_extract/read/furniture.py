"""Page furniture and text repair for the PDF layout stage (backend-independent).

* ``remove_furniture``: page numbers ("3", "Page 3 of 4", "– 3 –") in the top/bottom margin and
  margin lines repeated on several pages (running headers, footers) are dropped; the first
  occurrence of a repeated *top* line is kept (it is the header the section stage reads); so is
  a footer printed once (a one-page document): a line in the bottom margin, smaller than the
  body text, set well apart below everything else on its page, unless a mark is drawn just
  left of it (a legend's key: a grid's legend may be set at the page's foot);
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

from ..models import Swatch
from ..textutil import PAGE_NUMBER_RE

MARGIN = 0.1  # of the page height: the top and bottom bands where furniture lives
FOOTER_SMALLER = 0.6  # points: a lone footer's font is at least this much smaller than the body's
FOOTER_GAP = 3.0  # of the body size: how far a lone footer sits below everything else
KEY_GAP = 1.5  # of the line's size: a mark drawn at most this far left of a line is its key
_DIGITS_RE = re.compile(r"\d+")


class Placed(Protocol):
    """What the furniture pass needs of a line: its text and vertical place on its page."""

    @property
    def text(self) -> str: ...
    @property
    def top(self) -> float: ...
    @property
    def bottom(self) -> float: ...
    @property
    def x0(self) -> float: ...
    @property
    def x1(self) -> float: ...
    @property
    def size(self) -> float: ...


P = TypeVar("P", bound=Placed)


# --------------------------------------------------------------------------- furniture


def remove_furniture(pages: Sequence[list[P]], heights: Sequence[float], body_size: float,
                     marks: Sequence[Sequence[Swatch]]) -> list[list[P]]:
    """Drop page numbers, repeated margin lines and lone footers (see the module docstring);
    ``body_size`` is the font size of most of the text, ``marks`` each page's drawn swatches."""
    keyed = [[(line, _margin_key(line, height)) for line in lines]
             for lines, height in zip(pages, heights, strict=True)]
    seen_on: dict[str, set[int]] = {}
    for number, page_keyed in enumerate(keyed):
        for _, key in page_keyed:
            if key:
                seen_on.setdefault(key, set()).add(number)
    repeated = {key for key, numbers in seen_on.items() if len(numbers) > 1}
    kept_top: set[str] = set()
    result = []
    for page_keyed in keyed:
        page_lines = []
        for line, key in page_keyed:
            if not key:  # body text: no furniture test applies
                page_lines.append(line)
                continue
            if PAGE_NUMBER_RE.match(line.text):
                continue
            if key in repeated:
                if key.startswith("top") and key not in kept_top:
                    kept_top.add(key)
                    page_lines.append(line)
                continue
            page_lines.append(line)
        result.append(page_lines)
    return [_without_footer(lines, height, body_size, page_marks)
            for lines, height, page_marks in zip(result, heights, marks, strict=True)]


def _without_footer(lines: list[P], height: float, body_size: float, marks: Sequence[Swatch]) -> list[P]:
    """``lines`` without a footer seen once (a one-page document has no repeats): lines in the
    bottom margin, in a font smaller than the body text, set apart below everything else on the
    page by ``FOOTER_GAP`` body sizes, none of them keyed by a mark. Small lines of the margin
    each close under the one above them are the body's (a grid's rows run on to the page's foot,
    a legend's wrapped label under its keyed line); the footer starts at the first gap."""
    footer = [line for line in lines
              if line.top >= (1 - MARGIN) * height and line.size <= body_size - FOOTER_SMALLER
              and not _keyed(line, marks)]
    if not footer:
        return lines
    candidates = {id(line) for line in footer}
    lowest = max((line.bottom for line in lines if id(line) not in candidates), default=0.0)
    dropped: set[int] = set()
    for line in sorted(footer, key=lambda line: line.top):
        if dropped or line.top - lowest >= FOOTER_GAP * body_size:
            dropped.add(id(line))
        else:
            lowest = max(lowest, line.bottom)
    return [line for line in lines if id(line) not in dropped] if dropped else lines


def _keyed(line: Placed, marks: Sequence[Swatch]) -> bool:
    """A mark is drawn just left of ``line`` and level with it: the line is a legend's label."""
    return any(mark.bbox[2] <= line.x0 + 1 and line.x0 - mark.bbox[2] <= KEY_GAP * line.size
               and mark.bbox[1] < line.bottom and line.top < mark.bbox[3] for mark in marks)


def _margin_key(line: Placed, height: float) -> str:
    """What a line in the top or bottom margin is known by on every page ("top" or "bottom" and
    its text, digits as ``#``); "" for a line of the body."""
    if line.bottom <= MARGIN * height:
        return "top" + _key(line.text)
    if line.top >= (1 - MARGIN) * height:
        return "bottom" + _key(line.text)
    return ""


def _key(text: str) -> str:
    return _DIGITS_RE.sub("#", " ".join(text.lower().split()))

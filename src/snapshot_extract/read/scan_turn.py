"""A scanned page set a quarter turn off (the sheet fed sideways): found, and the turn that sets
it upright.

``sideways(picture)`` tells it from the page's ink alone: upright text leaves blank rows between
its lines and few blank columns (a gutter or two), text turned a quarter the other way round.
``quarter_turn(png, run)`` then asks the engine's orientation detection (Tesseract ``--psm 0``,
its ``osd`` data, which Debian's ``tesseract-ocr`` depends on) which way: the degrees the page is
to be turned clockwise (90 or 270), or 0 where it cannot tell (the page is read as it is).
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

BLANK_MARGIN = 0.2  # share of blank columns over the share of blank rows, at least, in a page turned sideways
MIN_BLANK_COLUMNS = 0.25  # share of the ink's width that is blank, at least, in a page turned sideways
INK = 80  # grey levels under the paper's: ink
MIN_INK = 50  # pixels of ink at least to judge a page by
_ROTATE_RE = re.compile(r"^Rotate:\s*(\d+)\s*$", re.MULTILINE)

Run = Callable[[list[str]], "subprocess.CompletedProcess[bytes]"]


def sideways(grey: NDArray[np.uint8]) -> bool:
    """The page's text runs up or down (see the module docstring): within the box of its ink,
    many more blank columns than blank rows."""
    paper = float(np.percentile(grey, 90))
    ink = grey.astype(np.int16) < paper - INK
    rows, columns = np.nonzero(ink)
    if len(rows) < MIN_INK:
        return False
    box = ink[rows.min() : rows.max() + 1, columns.min() : columns.max() + 1]
    blank_rows = float((box.sum(axis=1) == 0).mean())
    blank_columns = float((box.sum(axis=0) == 0).mean())
    return blank_columns >= MIN_BLANK_COLUMNS and blank_columns > blank_rows + BLANK_MARGIN


def quarter_turn(png: str, run: Run) -> int:
    """Clockwise degrees (90 or 270) that set the page in the picture file ``png`` upright, as
    the engine's orientation detection says; 0 where it says nothing of use."""
    done = run(["tesseract", png, "stdout", "--psm", "0"])
    if done.returncode != 0:
        return 0
    found = _ROTATE_RE.search(done.stdout.decode("utf-8", "replace"))
    degrees = int(found.group(1)) if found else 0
    return degrees if degrees in (90, 270) else 0


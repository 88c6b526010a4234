"""Scan images: a scanned PDF page -> its pictures, turned straight, with its paper colour.

Contract: ``page_picture(page, dpi)`` renders one PDF page (PyMuPDF) at ``dpi`` and returns a
``Picture``: the measured skew (``estimate_skew``: the angle whose projection of the ink onto
the vertical axis is sharpest, searched within ``MAX_SKEW`` degrees; scanners turn pages by up
to about one degree), the page in grey turned straight (for the OCR engine), a small colour
copy (about ``SMALL_DPI``) turned straight (for the shapes), the colour pixels as rendered
(for the colour of a word: ``colour_box`` finds a straightened box in them, so the large colour
picture is never turned), the paper colour and whether the scan is grey-scale. Coordinates are
page points times ``scale`` (pixels per point) in the page turned about its centre: everything
read from a picture (OCR words, shapes, colours) is in that straightened frame.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageFilter

from .scan_sheet import Corners, Pixels, even_light, find_sheet, flatten

RGB = tuple[float, float, float]

MAX_SKEW = 2.0  # degrees searched either way
MIN_SKEW = 0.04  # degrees: a smaller turn is left alone (turning blurs)
SMALL_DPI = 100.0  # resolution of the small colour picture the shapes are found on
SKEW_DPI = 150.0  # resolution of the grey picture the skew is measured on
GREY_SPREAD = 0.06  # largest R/G/B difference (0-1) of a grey-scale scan's pixels, JPEG noise included
SPECK_FILTER = 3  # pixels: the median filter that clears a 1-bit scan's specks (a letter's stroke is wider)
GREY_SHARE = 0.0005  # a colour scan has at least this share of clearly coloured pixels


@dataclass(frozen=True)
class Picture:
    """A page's pictures (see the module docstring)."""

    colour: Pixels  # RGB as rendered, not turned
    grey: NDArray[np.uint8]  # luma, turned straight
    small: Pixels  # RGB, turned straight, ``step`` times smaller
    step: int
    scale: float  # pixels per PDF point (of ``colour`` and ``grey``)
    skew: float  # degrees the scan was turned (counter-clockwise)
    sheet: Corners | None  # a photographed sheet's corners (fractions of the page), flattened first
    paper: RGB  # RGB 0-1
    greyscale: bool

    def colour_box(self, x0: float, y0: float, x1: float, y1: float) -> Pixels:
        """The rendered colour pixels under a straightened box (shifted as its centre turns;
        a box a few letters wide turns by less than a pixel within itself)."""
        height, width = self.colour.shape[:2]
        angle = math.radians(self.skew)
        cx, cy = width / 2, height / 2
        dx, dy = (x0 + x1) / 2 - cx, (y0 + y1) / 2 - cy
        shift_x = cx + dx * math.cos(angle) + dy * math.sin(angle) - (x0 + x1) / 2
        shift_y = cy - dx * math.sin(angle) + dy * math.cos(angle) - (y0 + y1) / 2
        left, top = max(round(x0 + shift_x), 0), max(round(y0 + shift_y), 0)
        right, bottom = min(round(x1 + shift_x), width), min(round(y1 + shift_y), height)
        return self.colour[top:max(bottom, top), left:max(right, left)]


def page_picture(page: Any, dpi: float) -> Picture:
    """Render ``page`` at ``dpi``, flatten a photographed sheet, measure its skew and turn it
    straight (see the module docstring)."""
    pixmap = page.get_pixmap(dpi=round(dpi), alpha=False, colorspace="rgb")
    image = Image.frombytes("RGB", (pixmap.width, pixmap.height), pixmap.samples_mv)  # one copy of the pixels
    scale = pixmap.width / page.rect.width
    del pixmap
    colour = np.asarray(image)
    step = max(1, round(dpi / SMALL_DPI))
    small = np.array(image.reduce(step), dtype=np.uint8)
    paper = paper_colour(small)
    sheet = find_sheet(small, paper)
    evened = even_light(flatten(image, sheet)) if sheet is not None else even_light(image, only_uneven=True)
    if evened is not image:
        image = evened
        colour = np.array(image, dtype=np.uint8)
        small = np.array(image.reduce(step), dtype=np.uint8)
        paper = paper_colour(small)
    grey = image.convert("L")
    if _bilevel(page):  # a fax's or a 1-bit scan's specks, read as accents and marks: filtered out
        grey = grey.filter(ImageFilter.MedianFilter(SPECK_FILTER))
    paper_grey = round(sum(paper) / 3 * 255)
    skew = estimate_skew(np.asarray(grey.reduce(max(1, round(dpi / SKEW_DPI)))), paper_grey)
    if abs(skew) >= MIN_SKEW:
        grey = grey.rotate(-skew, resample=Image.Resampling.BILINEAR, fillcolor=paper_grey)
        small = turn(small, -skew, paper)
    return Picture(colour, np.array(grey, dtype=np.uint8), small, step, scale, skew, sheet, paper, is_grey(small))


def _bilevel(page: Any) -> bool:
    """A page that is one black-and-white picture (1 bit a pixel: a fax, a scan to 1-bit TIFF)."""
    images = page.get_images(full=True)
    return len(images) == 1 and images[0][4] == 1


def straight_png(page: Any, picture: Picture, dpi: float) -> bytes:
    """The page rendered at ``dpi`` in colour, flattened and turned as ``picture`` was (PNG): the
    picture the boxes read from a scan belong on."""
    pixmap = page.get_pixmap(dpi=round(dpi), alpha=False, colorspace="rgb")
    image = Image.frombytes("RGB", (pixmap.width, pixmap.height), pixmap.samples)
    if picture.sheet is not None:
        image = even_light(flatten(image, picture.sheet))
    skew = picture.skew
    if abs(skew) >= MIN_SKEW:
        image = image.rotate(-skew, resample=Image.Resampling.BICUBIC, fillcolor=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def paper_colour(pixels: Pixels) -> RGB:
    """The commonest light colour: the median of the pixels in the brightest grey-level bin
    that holds at least a tenth of a sample of the page."""
    sample = pixels[::3, ::3].reshape(-1, 3).astype(np.float32)
    grey = sample.mean(axis=1)
    counts = np.bincount((grey // 8).astype(np.int64), minlength=32)
    enough = np.nonzero(counts >= 0.1 * len(grey))[0]
    level = int(enough[-1]) if len(enough) else int(np.argmax(counts))
    chosen = sample[(grey // 8) == level]
    red, green, blue = (float(value) / 255 for value in np.median(chosen, axis=0))
    return (red, green, blue)


def estimate_skew(grey: NDArray[np.uint8], paper: int) -> float:
    """Degrees the page content is turned counter-clockwise (0.0 when there is no ink): ink is
    what is much darker than the ``paper`` grey."""
    rows, columns = np.nonzero(grey.astype(np.int16) < paper - 80)
    if len(rows) < 50:
        return 0.0
    ys, xs = rows[::2].astype(np.float64), columns[::2].astype(np.float64) - grey.shape[1] / 2
    coarse = np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.2)
    best = _sharpest(ys, xs, coarse, grey.shape[0])
    fine = np.arange(best - 0.2, best + 0.2 + 1e-9, 0.02)
    return round(_sharpest(ys, xs, fine, grey.shape[0]), 2)


def _sharpest(ys: NDArray[np.float64], xs: NDArray[np.float64], angles: NDArray[np.float64], height: int) -> float:
    """The angle at which ink rows project most sharply (sum of squared row counts)."""
    scores = []
    for angle in angles:
        rows = np.round(ys + xs * np.tan(np.radians(angle))).astype(np.int64) + height
        counts = np.bincount(rows[rows >= 0])
        scores.append(float(np.dot(counts, counts)))
    return float(angles[int(np.argmax(scores))])


def turn(pixels: Pixels, degrees: float, paper: RGB) -> Pixels:
    """``pixels`` turned counter-clockwise by ``degrees`` about the centre (nearest pixel: a
    one-pixel rule keeps its colour), same size, the uncovered corners in the paper colour."""
    fill = tuple(round(channel * 255) for channel in paper)
    image = Image.fromarray(np.ascontiguousarray(pixels), "RGB")
    turned = image.rotate(degrees, resample=Image.Resampling.NEAREST, fillcolor=fill)  # thin rules stay dark
    return np.asarray(turned, dtype=np.uint8)


def is_grey(pixels: Pixels) -> bool:
    """A grey-scale scan: (almost) no pixel has channels that differ by more than ``GREY_SPREAD``."""
    sample = pixels[::2, ::2].astype(np.int16)
    spread = sample.max(axis=2) - sample.min(axis=2)
    coloured = np.count_nonzero(spread > GREY_SPREAD * 255)
    return bool(coloured < GREY_SHARE * spread.size)


def luma(colour: tuple[int, int, int]) -> int:
    red, green, blue = colour
    return round(0.299 * red + 0.587 * green + 0.114 * blue)

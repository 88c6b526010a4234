"""Scan images: a scanned PDF page -> its picture, turned straight, with its paper colour.

Contract: ``page_picture(page, dpi)`` renders one PDF page (PyMuPDF) at ``dpi`` and returns a
``Picture``: RGB pixels (uint8, height x width x 3) turned by ``-skew`` degrees so that text
lines are level again (``estimate_skew``: the angle whose projection of the ink onto the
vertical axis is sharpest, searched within ``MAX_SKEW`` degrees; scanners turn pages by up to
about one degree), the paper colour and whether the scan is grey-scale. Coordinates in the
picture are page points times ``scale`` (pixels per point), the page turned about its centre:
everything read from a picture (OCR words, shapes, colours) is in that straightened frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from PIL import Image

Pixels = NDArray[np.uint8]

MAX_SKEW = 2.0  # degrees searched either way
MIN_SKEW = 0.04  # degrees: a smaller turn is left alone (turning blurs)
SKEW_DPI = 150.0  # resolution of the ink map the skew is measured on
GREY_SPREAD = 0.06  # largest R/G/B difference (0-1) of a grey-scale scan's pixels, JPEG noise included
GREY_SHARE = 0.0005  # a colour scan has at least this share of clearly coloured pixels


@dataclass(frozen=True)
class Picture:
    """A page as pixels in the straightened frame (see the module docstring)."""

    pixels: Pixels
    scale: float  # pixels per PDF point
    skew: float  # degrees the scan was turned (counter-clockwise); the pixels are turned back
    paper: tuple[float, float, float]  # RGB 0-1
    grey: bool

    def to_points(self, value: float) -> float:
        return value / self.scale


def page_picture(page: Any, dpi: float) -> Picture:
    """Render ``page`` at ``dpi``, measure and undo its skew (see the module docstring)."""
    pixmap = page.get_pixmap(dpi=round(dpi), alpha=False, colorspace="rgb")
    pixels = np.frombuffer(pixmap.samples, dtype=np.uint8).reshape(pixmap.height, pixmap.width, pixmap.n)[:, :, :3]
    paper = paper_colour(pixels)
    skew = estimate_skew(pixels, dpi, paper)
    if abs(skew) >= MIN_SKEW:
        pixels = turn(pixels, -skew, paper)
    return Picture(pixels, pixmap.width / page.rect.width, skew, paper, is_grey(pixels))


def paper_colour(pixels: Pixels) -> tuple[float, float, float]:
    """The commonest light colour: the median of the pixels in the brightest grey-level bin
    that holds at least a tenth of a sample of the page."""
    sample = pixels[::7, ::7].reshape(-1, 3).astype(np.float32)
    grey = sample.mean(axis=1)
    counts = np.bincount((grey // 8).astype(np.int64), minlength=32)
    enough = np.nonzero(counts >= 0.1 * len(grey))[0]
    level = int(enough[-1]) if len(enough) else int(np.argmax(counts))
    chosen = sample[(grey // 8) == level]
    red, green, blue = (float(value) / 255 for value in np.median(chosen, axis=0))
    return (red, green, blue)


def ink_map(pixels: Pixels, dpi: float, paper: tuple[float, float, float]) -> tuple[NDArray[np.bool_], int]:
    """Pixels clearly darker or more coloured than the paper, on a grid of about ``SKEW_DPI``
    (every ``step``-th pixel), and that step."""
    step = max(1, round(dpi / SKEW_DPI))
    small = pixels[::step, ::step].astype(np.int16)
    reference = np.array([round(channel * 255) for channel in paper], dtype=np.int16)
    return np.abs(small - reference).max(axis=2) > 80, step


def estimate_skew(pixels: Pixels, dpi: float, paper: tuple[float, float, float]) -> float:
    """Degrees the page content is turned counter-clockwise (0.0 when there is no ink)."""
    ink, _ = ink_map(pixels, dpi, paper)
    rows, columns = np.nonzero(ink)
    if len(rows) < 50:
        return 0.0
    ys, xs = rows.astype(np.float64), columns.astype(np.float64) - ink.shape[1] / 2
    coarse = np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.1)
    best = _sharpest(ys, xs, coarse, ink.shape[0])
    fine = np.arange(best - 0.1, best + 0.1 + 1e-9, 0.01)
    return round(_sharpest(ys, xs, fine, ink.shape[0]), 2)


def _sharpest(ys: NDArray[np.float64], xs: NDArray[np.float64], angles: NDArray[np.float64], height: int) -> float:
    """The angle at which ink rows project most sharply (sum of squared row counts)."""
    scores = []
    for angle in angles:
        rows = np.round(ys + xs * np.tan(np.radians(angle))).astype(np.int64) + height
        counts = np.bincount(rows[rows >= 0])
        scores.append(float(np.dot(counts, counts)))
    return float(angles[int(np.argmax(scores))])


def turn(pixels: Pixels, degrees: float, paper: tuple[float, float, float]) -> Pixels:
    """``pixels`` turned counter-clockwise by ``degrees`` about the centre, same size, the
    uncovered corners in the paper colour."""
    fill = tuple(round(channel * 255) for channel in paper)
    image = Image.fromarray(np.ascontiguousarray(pixels), "RGB")
    turned = image.rotate(degrees, resample=Image.Resampling.BILINEAR, fillcolor=fill)
    return np.asarray(turned, dtype=np.uint8)


def is_grey(pixels: Pixels) -> bool:
    """A grey-scale scan: (almost) no pixel has channels that differ by more than ``GREY_SPREAD``."""
    sample = pixels[::3, ::3].astype(np.int16)
    spread = sample.max(axis=2) - sample.min(axis=2)
    coloured = np.count_nonzero(spread > GREY_SPREAD * 255)
    return bool(coloured < GREY_SHARE * spread.size)


def grey_levels(pixels: Pixels) -> NDArray[np.uint8]:
    """The picture as one grey channel (ITU-R 601 luma)."""
    image = Image.fromarray(np.ascontiguousarray(pixels), "RGB").convert("L")
    return np.array(image, dtype=np.uint8)  # a writable copy


def luma(colour: tuple[int, int, int]) -> int:
    red, green, blue = colour
    return round(0.299 * red + 0.587 * green + 0.114 * blue)

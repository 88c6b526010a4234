"""A photographed sheet: found on its background and flattened to fill the page.

Contract: ``find_sheet(pixels, paper)`` returns the four corners of the sheet of paper in a photo
of a page (fractions of the picture's width and height: top left, top right, bottom right, bottom
left), or None when the picture is the sheet itself, as a scanner makes it. ``flatten(image,
corners)`` stretches that quadrilateral back to the whole picture, so a page photographed at an
angle reads as if it had been scanned (its lines straight and level, not cut into pieces at
different heights).

The sheet's edges are found where a photo shows them: walking in from each border of the picture,
in every row and column that starts on something unlike the paper (a desk, a shadow), the first
sharp change of colour is the sheet's edge (a coloured band printed at the sheet's edge is a
second change, further in). Each edge is the straight line through most of its points (the others
are walks that met a corner of the sheet, or missed a faint edge and stopped at a printed band):
the line through two of them that passes near the most, fitted again to those. The sheet is
flattened only when all four edges are found, each on one line in half of its rows or columns at
least: a scan whose only "edge" is a band printed along one side, or its dark rim, or a photo that
cuts the sheet off, is left as it is (straightened by its skew alone).

``even_light(image)`` takes a photo's uneven light off a flattened sheet: the paper's colour across
the sheet (a lamp's warm cast, darker corners) is fitted as a smooth surface, a quadratic in x and
y for each channel, to the lightest pixels of each neighbourhood (the paper between the letters),
fitted again without the places far below the first fit (a coloured band or cell is not paper);
each pixel is divided by it, so the paper is white everywhere and a fill keeps its own colour. A
lamp's vignette falls off faster than a quadratic can follow: where the fit leaves more than
``UNFIT_SHARE`` of the sheet below it, the light is bent to the paper around each place (the paper's
light over the fit, averaged over the paper near it and picked out again a few times). A
picture that is the sheet (a document camera's capture, cropped to the page) is evened the same way
where its paper's light is uneven: dimmest below ``UNEVEN`` of brightest (a lamp's vignette).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageFilter

Pixels = NDArray[np.uint8]
Corners = tuple[tuple[float, float], tuple[float, float], tuple[float, float], tuple[float, float]]
EdgeLine = tuple[float, float]  # a sheet's edge: across = slope * along + offset

FIND_WIDTH = 400  # pixels: the sheet is looked for on a copy this wide
PAPER_DISTANCE = 90  # sum of |R-G-B| differences (0-765) beyond which a border pixel is not paper
JUMP = 45  # the same sum between pixels STEP apart that marks an edge (a desk's shading is gentler)
RIM = 3  # pixels (of the small copy) left out at each border of the picture
STEP = 3  # pixels (of the small copy) between the compared pixels
MIN_SHARE = 0.5  # share of a side's rows or columns that must show the edge (on one line) for it to count
CANDIDATES = 40  # lines tried for each edge
FIT_SLACK = 0.01  # share of the picture's size: how near its edge's line a point must lie to be on it
MIN_INSET = 0.01  # share of the picture's size a corner must lie inside for the photo to be flattened
UNEVEN = 0.85  # the paper's light at its dimmest over its brightest, below which a picture's light is evened
MIN_AREA = 0.4  # share of the picture the sheet must cover (else it is not the page's sheet)
LIGHT_WIDTH = 120  # pixels: the paper's light is fitted on a copy this wide
BAND_ROWS = 256  # rows of a picture evened at a time
LIGHT_WINDOW = 5  # pixels (of that copy): the lightest in this square is the paper between letters
LIGHT_SLACK = 0.1  # share of the fitted light: a place further below it is a fill, left out of the refit
LIGHT_REACH = 0.03  # of the copy's width: how far the paper's light is averaged around a place (Gaussian sigma)
LIGHT_ROUNDS = 5  # times the paper is picked out again under the bent light
UNFIT_SHARE = 0.3  # of the sheet: left below the quadratic by more than LIGHT_SLACK, its light is bent to the paper
LIGHT_SUPPORT = 0.02  # weight of paper near a place below which the fit alone stands


def find_sheet(pixels: Pixels, paper: tuple[float, float, float]) -> Corners | None:
    """The corners of the photographed sheet (see the module docstring), or None."""
    height, width = pixels.shape[:2]
    step = max(1, width // FIND_WIDTH)
    small = pixels[::step, ::step].astype(np.int16)
    paper_rgb = np.array([round(channel * 255) for channel in paper], dtype=np.int16)
    left = _edge_line(small, paper_rgb)
    right = _edge_line(small[:, ::-1], paper_rgb)
    top = _edge_line(small.transpose(1, 0, 2), paper_rgb)
    bottom = _edge_line(small.transpose(1, 0, 2)[:, ::-1], paper_rgb)
    if left is None or right is None or top is None or bottom is None:
        return None  # not a whole sheet: a band printed along an edge, a scan's dark rim, a close-up
    rows, columns = small.shape[:2]
    right = (-right[0], columns - 1 - right[1])
    bottom = (-bottom[0], rows - 1 - bottom[1])
    corners = [_meet(left, top), _meet(right, top), _meet(right, bottom), _meet(left, bottom)]
    top_left, top_right, bottom_right, bottom_left = [(x / (columns - 1), y / (rows - 1)) for x, y in corners]
    scaled = (top_left, top_right, bottom_right, bottom_left)
    return scaled if _worth_flattening(scaled) else None


def _edge_line(pixels: NDArray[np.int16], paper: NDArray[np.int16]) -> EdgeLine | None:
    """The left edge of the sheet, walking in from the left in each row: x = slope * y + offset."""
    pixels = pixels[:, RIM:]  # a picture's outermost pixels blend with the page around it
    rows, columns = pixels.shape[:2]
    border = pixels[:, 0]
    off_paper = np.abs(border - paper).sum(axis=1) > PAPER_DISTANCE
    jumps = np.abs(pixels[:, STEP:] - pixels[:, :-STEP]).sum(axis=2) > JUMP
    jumps[:, columns // 2:] = False  # an edge is in the outer half
    found = jumps.any(axis=1) & off_paper
    if np.count_nonzero(found) < MIN_SHARE * rows:
        return None
    ys = np.nonzero(found)[0].astype(np.float64)
    xs = jumps[found].argmax(axis=1).astype(np.float64) + STEP / 2 + RIM
    near = _inliers(ys, xs, FIT_SLACK * columns + 1)
    if np.count_nonzero(near) < MIN_SHARE * rows:
        return None
    slope, offset = np.polyfit(ys[near], xs[near], 1)
    return float(slope), float(offset)


def _inliers(ys: NDArray[np.float64], xs: NDArray[np.float64], slack: float) -> NDArray[np.bool_]:
    """The points near the line that passes near the most of them: of the lines through each
    point and the point half-way along from it, the first with the most points within ``slack``."""
    half = len(ys) // 2
    best = np.zeros(len(ys), dtype=bool)
    for first in range(0, half, max(1, half // CANDIDATES)):
        second = first + half
        if ys[second] == ys[first]:
            continue
        slope = (xs[second] - xs[first]) / (ys[second] - ys[first])
        near = np.abs(xs - (xs[first] + slope * (ys - ys[first]))) <= slack
        if np.count_nonzero(near) > np.count_nonzero(best):
            best = near
    return best


def _meet(upright: EdgeLine, level: EdgeLine) -> tuple[float, float]:
    """Where x = a*y + b meets y = c*x + d."""
    (a, b), (c, d) = upright, level
    y = (c * b + d) / (1 - a * c)
    return a * y + b, y


def _worth_flattening(corners: tuple[tuple[float, float], ...]) -> bool:
    """A sheet that covers most of the picture with at least one corner clearly inside it."""
    targets = ((0, 0), (1, 0), (1, 1), (0, 1))
    inset = max(max(abs(x - tx), abs(y - ty)) for (x, y), (tx, ty) in zip(corners, targets, strict=True))
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    area = 0.5 * abs(sum(xs[i] * ys[i - 1] - xs[i - 1] * ys[i] for i in range(4)))
    return inset >= MIN_INSET and area >= MIN_AREA


def flatten(image: Image.Image, corners: Corners) -> Image.Image:
    """``image`` with the quadrilateral ``corners`` (fractions) stretched over the whole of it."""
    width, height = image.size
    source = [(x * (width - 1), y * (height - 1)) for x, y in corners]
    target = [(0.0, 0.0), (width - 1.0, 0.0), (width - 1.0, height - 1.0), (0.0, height - 1.0)]
    return image.transform(image.size, Image.Transform.PERSPECTIVE, _perspective(target, source),
                           resample=Image.Resampling.BICUBIC)


def _perspective(target: list[tuple[float, float]], source: list[tuple[float, float]]) -> tuple[float, ...]:
    """Pillow's eight coefficients taking each ``target`` point (output) to its ``source`` point."""
    matrix: list[list[float]] = []
    values: list[float] = []
    for (x, y), (u, v) in zip(target, source, strict=True):
        matrix.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        matrix.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        values.extend((u, v))
    return tuple(float(value) for value in np.linalg.solve(np.array(matrix), np.array(values)))


def even_light(image: Image.Image, only_uneven: bool = False) -> Image.Image:
    """``image`` divided by its paper's light (see the module docstring): the paper comes out white;
    ``only_uneven``: ``image`` itself where that light is even (to ``UNEVEN``)."""
    width, height = image.size
    step = max(1, width // LIGHT_WIDTH)
    lightest = np.asarray(image.reduce(step).filter(ImageFilter.MaxFilter(LIGHT_WINDOW)), dtype=np.float64)
    rows, columns = lightest.shape[:2]
    ys, xs = np.mgrid[0:rows, 0:columns]
    terms = _quadratic_terms(xs.ravel() / columns, ys.ravel() / rows)
    values = lightest.reshape(-1, 3)
    paper: NDArray[np.bool_] = np.ones(len(values), dtype=bool)
    for _ in range(2):
        coefficients = np.linalg.lstsq(terms[paper], values[paper], rcond=None)[0]
        paper = np.all(values >= (terms @ coefficients) * (1 - LIGHT_SLACK), axis=1)
    fitted = np.clip(terms @ coefficients, 1, 255).reshape(rows, columns, 3)
    brightness = fitted.round().mean(axis=2)
    if only_uneven and brightness.min() >= UNEVEN * brightness.max():
        return image
    if paper.mean() < 1 - UNFIT_SHARE:  # a lamp's vignette no quadratic follows: half the sheet "not paper"
        fitted = _follow_paper(lightest, fitted)
    small_light = fitted.round().astype(np.uint8)
    light = np.asarray(Image.fromarray(small_light, "RGB").resize((width, height), Image.Resampling.BILINEAR))
    pixels = np.asarray(image)
    evened = np.empty_like(pixels)
    for top in range(0, height, BAND_ROWS):  # a band at a time: a page's picture in floats is 0.2 GB
        band = pixels[top : top + BAND_ROWS].astype(np.float32)
        np.multiply(band, 255, out=band)
        np.divide(band, light[top : top + BAND_ROWS], out=band)
        np.clip(band, 0, 255, out=band)
        evened[top : top + BAND_ROWS] = np.rint(band, out=band)
    return Image.fromarray(evened, "RGB")


def _follow_paper(lightest: NDArray[np.float64], fitted: NDArray[np.float64]) -> NDArray[np.float64]:
    """The fitted light bent to the paper where a quadratic cannot follow it (a lamp's vignette
    darkens the corners faster): the paper's own light over the fit, averaged over the paper
    near each place (``LIGHT_REACH`` of the width, a weighted mean that leaves fills out) and
    refitted ``LIGHT_ROUNDS`` times, so corners the first fit left out as "not paper" come in."""
    light = fitted
    ratio = lightest / fitted
    reach = max(1.0, LIGHT_REACH * lightest.shape[1])
    for _ in range(LIGHT_ROUNDS):
        paper = np.all(lightest >= light * (1 - LIGHT_SLACK), axis=2).astype(np.float64)
        weight = _blur(paper, reach)
        mean = np.stack([_blur(ratio[:, :, channel] * paper, reach) for channel in range(3)], axis=2)
        correction = np.where(weight[:, :, None] > LIGHT_SUPPORT, mean / np.maximum(weight, 1e-9)[:, :, None], 1.0)
        light = np.clip(fitted * correction, 1, 255)
    return light


def _blur(values: NDArray[np.float64], sigma: float) -> NDArray[np.float64]:
    """A Gaussian blur of a 2-D array (edges: the nearest value repeated)."""
    radius = int(3 * sigma)
    kernel = np.exp(-0.5 * (np.arange(-radius, radius + 1) / sigma) ** 2)
    kernel /= kernel.sum()
    padded = np.pad(values, radius, mode="edge")
    across = np.apply_along_axis(np.convolve, 1, padded, kernel, mode="valid")
    return np.apply_along_axis(np.convolve, 0, across, kernel, mode="valid")


def _quadratic_terms(xs: NDArray[np.float64], ys: NDArray[np.float64]) -> NDArray[np.float64]:
    return np.stack([np.ones_like(xs), xs, ys, xs * xs, xs * ys, ys * ys], axis=1)

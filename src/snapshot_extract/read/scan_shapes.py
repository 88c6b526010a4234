"""Scan shapes: the coloured rectangles and outlined boxes of a page picture -> ``Shape``s.

Contract: ``find_shapes(picture)`` returns, in page points (the straightened frame of
``scan_image``), what a PDF backend would report as filled or stroked paths:

* a filled ``Shape`` for every solid region that differs from the paper (panel background,
  header band, grid tile, legend swatch, a solid bullet): the picture's pixels that differ from
  the paper, opened (eroded, then grown back) by ``SOLID_RADIUS`` points so that text strokes
  and thin lines drop out, split into connected regions; its fill is the median of the
  region's background pixels (its eroded core, text left out by a second median);
* an outline (``fill=None``) for every thin closed frame around a box at least ``MIN_FRAME``
  points wide and high (a cell's grey border): a connected region of non-paper pixels, not
  solid, whose pixels lie along the edges of its bounding box all round.

On a grey-scale scan every fill is None: grey levels do not say which colour was printed.
Connected regions are found with ``label``: runs of set pixels per row joined across rows
(8-connectivity) with a union-find, in numpy and plain Python.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from ..models import RGB, colour_step
from .page import Shape
from .scan_image import Picture
from .scan_sheet import Pixels

PAPER_DISTANCE = 10  # 0-255: a pixel this far from the paper colour (any channel) is not paper
UNIFORM_RANGE = 24  # 0-255: the channel range (JPEG noise included) of a fill's 3 x 3 neighbourhood
MIN_SOLID = 3.0  # points: a solid region's smallest side (a letter's counter is smaller)
MIN_SOLID_SHARE = 0.4  # of its box a solid region covers at least (text on it makes holes)
PALE, MIN_PALE = 0.08, 12.0  # a fill this close to the paper (RGB 0-1) has sides of at least MIN_PALE points
FAINT, MIN_FAINT = 0.12, 6.0  # and one this close, at least MIN_FAINT (bullets and swatches are strong colours)
MAX_COLOURS = 4  # colours looked for in one region
TIGHT_SHARE = 0.4  # of a fill's contrast with the paper: how far its own pixels stray from its colour
ALIGN = 4.0  # points: shape edges closer than this are one line of a grid
ISLAND_COLOUR = 0.1  # RGB 0-1, per channel: the paint around a counter is this close to its colour
MIN_FRAME = 12.0  # points: an outlined box's smallest side
FRAME_BAND = 2.5  # points: how close to its box's edges a frame's pixels lie
FRAME_SHARE = 0.5  # of a frame's pixels at least lie in that band (text may touch it)
FRAME_COVER = 0.7  # of the band's length is covered on each side


@dataclass(frozen=True, slots=True)
class Region:
    """A connected region of set pixels: its box (pixels, end-exclusive) and pixel count."""

    x0: int
    y0: int
    x1: int
    y1: int
    count: int
    label: int


@dataclass(frozen=True, slots=True)
class Paint:
    """A solid region in picture pixels, for the OCR engine's picture: row bands
    ``(top, bottom, left, right)`` (end-exclusive) from its left to its right edge, and its fill
    (RGB 0-255; grey-scale scans have one too)."""

    bands: tuple[tuple[int, int, int, int], ...]
    fill: tuple[int, int, int]


def find_shapes(picture: Picture) -> tuple[list[Shape], list[Paint]]:
    """The page's filled and outlined boxes (see the module docstring), and its solid regions
    as ``Paint``s."""
    step, small = picture.step, picture.small
    points = step / picture.scale  # points per pixel of the small picture
    paper = np.array([round(channel * 255) for channel in picture.paper], dtype=np.int16)
    off_paper = np.abs(small.astype(np.int16) - paper).max(axis=2) > PAPER_DISTANCE
    core = off_paper & uniform(small)
    solid = dilate(core, 1)
    labels, regions = label(solid)
    large = [region for region in regions  # the share is judged once the region is cut to its colour
             if min(region.x1 - region.x0, region.y1 - region.y0) * points >= MIN_SOLID]
    tight = [part for region in large for part in split_by_colour(region, small, core, labels, paper)]
    solids = [(region, fill) for region, fill in tight if _large(region, points)]
    kept = [(region, fill) for region, fill in solids
            if not _island(region, fill, solids) and not _speck(region, fill, picture.paper, points)]
    shapes = [Shape(_box(region, points), None if picture.greyscale else fill) for region, fill in kept]
    paints = [Paint(_bands(labels, region, step), _bytes(fill)) for region, fill in kept]
    kept_labels = np.array([region.label for region, _ in kept], dtype=np.int32)
    frames = off_paper & ~dilate(np.isin(labels, kept_labels), 1)
    shapes += [Shape(_box(region, points), None) for region in frames_of(frames, points)]
    return align(shapes), paints


def _large(region: Region, points: float) -> bool:
    """At least ``MIN_SOLID`` points on each side and covering ``MIN_SOLID_SHARE`` of its box."""
    width, height = region.x1 - region.x0, region.y1 - region.y0
    return min(width, height) * points >= MIN_SOLID and region.count >= MIN_SOLID_SHARE * width * height


def split_by_colour(region: Region, small: Pixels, core: NDArray[np.bool_], labels: NDArray[np.int32],
                    paper: NDArray[np.int16]) -> list[tuple[Region, RGB]]:
    """The region cut into its parts of one colour each (within a share of the colour's contrast
    with the paper), each with its fill: a pale fill otherwise leaks into the blurred gaps
    between its neighbours, and two touching tiles of a grid are one region."""
    window = (slice(region.y0, region.y1), slice(region.x0, region.x1))
    pixels = small[window].astype(np.int16)
    inside_region = labels[window] == region.label
    left = inside_region & core[window]
    parts = []
    for _ in range(MAX_COLOURS):
        if left.sum() < 4:
            break
        colour = np.median(pixels[left], axis=0)
        reach = max(6.0, min(40.0, TIGHT_SHARE * float(np.abs(colour - paper).max())))
        near = np.abs(pixels - colour).max(axis=2) <= reach
        own = dilate(erode(near & inside_region, 1), 1)  # no thin bridge
        left &= ~near
        inside_region &= ~own  # a later colour is looked for in what is left
        pieces, found = label(own)
        for piece in found:  # each piece looked at in its own box: a streak of toner breaks into thousands
            box = (slice(piece.y0, piece.y1), slice(piece.x0, piece.x1))
            mine = pieces[box] == piece.label
            inside = mine & core[window][box]
            fill = _rgb(pixels[box][inside] if inside.any() else pixels[box][mine])
            parts.append((Region(region.x0 + piece.x0, region.y0 + piece.y0, region.x0 + piece.x1,
                                 region.y0 + piece.y1, piece.count, region.label), fill))
    return parts


def _rgb(pixels: NDArray[np.int16]) -> RGB:
    red, green, blue = (round(float(value) / 255, 3) for value in np.median(pixels, axis=0))
    return (red, green, blue)


def erode(mask: NDArray[np.bool_], radius: int) -> NDArray[np.bool_]:
    """Pixels whose whole square neighbourhood of ``radius`` is set."""
    result: NDArray[np.bool_] = _window_counts(mask, radius) == (2 * radius + 1) ** 2
    return result


def _bytes(fill: RGB) -> tuple[int, int, int]:
    red, green, blue = (round(channel * 255) for channel in fill)
    return (red, green, blue)


def _bands(labels: NDArray[np.int32], region: Region, step: int) -> tuple[tuple[int, int, int, int], ...]:
    """The region's rows as full-resolution bands from its leftmost to its rightmost pixel."""
    inside = labels[region.y0:region.y1, region.x0:region.x1] == region.label
    width = inside.shape[1]
    firsts = np.argmax(inside, axis=1)
    lasts = width - np.argmax(inside[:, ::-1], axis=1)
    bands: list[tuple[int, int, int, int]] = []
    for offset, (first, last) in enumerate(zip(firsts.tolist(), lasts.tolist(), strict=True)):
        if not inside[offset].any():
            continue
        row = region.y0 + offset
        left, right = (region.x0 + first) * step, (region.x0 + last) * step
        if bands and bands[-1][1] == row * step and bands[-1][2:] == (left, right):
            bands[-1] = (bands[-1][0], (row + 1) * step, left, right)
        else:
            bands.append((row * step, (row + 1) * step, left, right))
    return tuple(bands)


def align(shapes: list[Shape]) -> list[Shape]:
    """The shapes with their edges lined up: lefts within ``ALIGN`` points of each other take
    their median (rights, tops and bottoms alike), as a PDF draws a row of cells on one line
    where a scan's blur and JPEG blocks leave them a point or three apart."""
    if not shapes:
        return shapes
    sides = [_snap([shape.bbox[side] for shape in shapes]) for side in range(4)]
    return [Shape((sides[0][i], sides[1][i], sides[2][i], sides[3][i]), shape.fill) for i, shape in enumerate(shapes)]


def _snap(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=values.__getitem__)
    result = list(values)
    group: list[int] = []
    for index in [*order, -1]:
        if index >= 0 and group and values[index] - values[group[0]] <= ALIGN:
            group.append(index)
            continue
        if group:
            middle = float(np.median([values[member] for member in group]))
            for member in group:
                result[member] = round(middle, 2)
        group = [index]
    return result


def _speck(region: Region, fill: RGB, paper: RGB, points: float) -> bool:
    """A small region of nearly the paper's colour: JPEG's tint around letters, not a fill
    (a pale fill is a cell or a panel: large)."""
    contrast = colour_step(fill, paper)
    side = min(region.x1 - region.x0, region.y1 - region.y0) * points
    return (contrast < PALE and side < MIN_PALE) or (contrast < FAINT and side < MIN_FAINT)


def _island(region: Region, fill: RGB, solids: list[tuple[Region, RGB]]) -> bool:
    """A region inside a larger one of (nearly) its colour: the paint showing through a
    letter's counter, cut off from the rest by the letter."""
    return any(
        other is not region and other.x0 <= region.x0 and other.y0 <= region.y0 and region.x1 <= other.x1
        and region.y1 <= other.y1 and colour_step(fill, other_fill) <= ISLAND_COLOUR
        for other, other_fill in solids
    )  # fmt: skip


def uniform(pixels: Pixels) -> NDArray[np.bool_]:
    """Pixels whose 3 x 3 neighbourhood is one colour (each channel within ``UNIFORM_RANGE``):
    the inside of a fill, never a text stroke or its anti-aliased edge."""
    padded = np.pad(pixels, ((1, 1), (1, 1), (0, 0)), mode="edge")
    height, width = pixels.shape[:2]
    shifted = [padded[dy:dy + height, dx:dx + width] for dy in range(3) for dx in range(3)]
    spread = np.maximum.reduce(shifted).astype(np.int16) - np.minimum.reduce(shifted)
    result: NDArray[np.bool_] = spread.max(axis=2) <= UNIFORM_RANGE
    return result


def _box(region: Region, points: float) -> tuple[float, float, float, float]:
    return (round(region.x0 * points, 2), round(region.y0 * points, 2),
            round(region.x1 * points, 2), round(region.y1 * points, 2))


def _window_counts(mask: NDArray[np.bool_], radius: int) -> NDArray[np.int64]:
    """How many set pixels each (2 * radius + 1)-square window centred on a pixel holds."""
    padded = np.pad(mask.astype(np.int64), radius + 1)
    total = padded.cumsum(axis=0).cumsum(axis=1)
    size = 2 * radius + 1
    height, width = mask.shape
    counts: NDArray[np.int64] = (total[size:size + height, size:size + width] - total[:height, size:size + width]
                                 - total[size:size + height, :width] + total[:height, :width])
    return counts


def dilate(mask: NDArray[np.bool_], radius: int) -> NDArray[np.bool_]:
    """Pixels with any set pixel in their square neighbourhood of ``radius``."""
    result: NDArray[np.bool_] = _window_counts(mask, radius) > 0
    return result


def label(mask: NDArray[np.bool_]) -> tuple[NDArray[np.int32], list[Region]]:
    """Connected regions of ``mask`` (8-connectivity): a label image (0 = unset, else the
    region's ``label``) and the regions."""
    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    change = np.diff(padded, axis=1)
    rows, starts = np.nonzero(change == 1)
    ends = np.nonzero(change == -1)[1]
    parent = _join_runs(rows, starts.tolist(), ends.tolist(), mask.shape[0])
    unique, index = np.unique(np.array(parent, dtype=np.int64), return_inverse=True)
    labels = np.zeros(mask.shape, dtype=np.int32)
    for row, start, end, number in zip(rows.tolist(), starts.tolist(), ends.tolist(), index.tolist(), strict=True):
        labels[row, start:end] = number + 1
    if not len(unique):
        return labels, []
    order = np.argsort(index, kind="stable")
    first = np.searchsorted(index[order], np.arange(len(unique)))
    x0 = np.minimum.reduceat(starts[order], first)
    y0 = np.minimum.reduceat(rows[order], first)
    x1 = np.maximum.reduceat(ends[order], first)
    y1 = np.maximum.reduceat(rows[order], first) + 1
    count = np.add.reduceat((ends - starts)[order], first)
    regions = [Region(int(a), int(b), int(c), int(d), int(e), number + 1)
               for number, (a, b, c, d, e) in enumerate(zip(x0, y0, x1, y1, count, strict=True))]
    return labels, regions


def _join_runs(rows: NDArray[np.int64], starts: list[int], ends: list[int], height: int) -> list[int]:
    """Each run's root run: runs of consecutive rows that touch (diagonally too) are joined."""
    parent = list(range(len(starts)))

    def root(run: int) -> int:
        while parent[run] != run:
            parent[run] = parent[parent[run]]
            run = parent[run]
        return run

    row_first = np.searchsorted(rows, np.arange(height + 1)).tolist()
    for row in range(1, height):
        first, stop = row_first[row - 1], row_first[row]
        for run in range(row_first[row], row_first[row + 1]):
            start, end = starts[run], ends[run]
            while first < stop and ends[first] < start:  # ends are exclusive: end == start touches diagonally
                first += 1
            other = first
            while other < stop and starts[other] <= end:
                a, b = root(run), root(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
                other += 1
    return [root(run) for run in range(len(parent))]


def region_fill(small: Pixels, core: NDArray[np.bool_], labels: NDArray[np.int32], region: Region) -> RGB:
    """The median colour of the region's core pixels, then of those near that median (text
    printed on the region left out)."""
    window = (slice(region.y0, region.y1), slice(region.x0, region.x1))
    inside = (labels[window] == region.label) & core[window]
    if not inside.any():
        inside = labels[window] == region.label
    pixels = small[window][inside].astype(np.float64)
    first = np.median(pixels, axis=0)
    near = pixels[np.abs(pixels - first).max(axis=1) <= 40]
    colour = np.median(near, axis=0) if len(near) else first
    red, green, blue = (round(float(value) / 255, 3) for value in colour)
    return (red, green, blue)


def frames_of(mask: NDArray[np.bool_], points: float) -> list[Region]:
    """The regions of ``mask`` that are thin closed frames around a box (see the module docstring)."""
    smallest = MIN_FRAME / points
    band = max(1, round(FRAME_BAND / points))
    labels, regions = label(mask)
    frames = []
    for region in regions:
        width, height = region.x1 - region.x0, region.y1 - region.y0
        if width < smallest or height < smallest or region.count > 2 * band * (width + height) * 3:
            continue
        inside = labels[region.y0:region.y1, region.x0:region.x1] == region.label
        if _is_frame(inside, band):
            frames.append(region)
    return frames


def _is_frame(inside: NDArray[np.bool_], band: int) -> bool:
    interior = inside[band:-band, band:-band]
    if interior.sum() > (1 - FRAME_SHARE) * inside.sum():
        return False
    sides = (inside[:band].any(axis=0), inside[-band:].any(axis=0), inside[:, :band].any(axis=1),
             inside[:, -band:].any(axis=1))
    return all(side.mean() >= FRAME_COVER for side in sides)

"""Scan text: OCR words of a page picture -> ``Span``s, as a PDF backend would give them.

Contract: ``scan_lines(words, picture)`` groups the engine's words into ``ScanLine``s (the
engine's own lines) with a baseline and a font size read from the word boxes (the height of a
word over the share of the em its letters reach: capitals and ascenders, x-height,
descenders); ``snap_sizes`` rounds every line's size to the size most lines of the document
near it share, so that the lines of one paragraph keep one size as in a PDF;
``line_spans(line, picture, size)`` turns a line into spans: one per word, coloured with the
median of its line's ink (the pixels farthest from each word's background), plus a bullet: a leading
token that is no word (a glyph the engine read as ``@``, ``>``, ``e``, ...) or ink left of the
first word that the engine did not read is a list marker, given as a marker span; where its ink
draws a solid or hollow disc or square (``marker_glyph``), the shape ("●", "○", "■", "□") is
printed before the first word, as a text layer prints it, and a mark-only token inside a line is
read the same way ("Key: @ sufficient data" -> "Key: ● sufficient data").
Everything is in page points in the straightened frame of ``scan_image``.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from ..models import RGB
from .page import Span, make_span
from .scan_image import Picture

FONT = "OCR"
MARKER = "\uf0b7"  # a bullet as a symbol font encodes it: no text, a list marker (see page.make_span)
# Of the font size: how far the letters of a word reach above and below the baseline.
X_HEIGHT, DESCENT = 0.53, 0.21
TOPS = {**dict.fromkeys("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 0.72), **dict.fromkeys("bdfhkl", 0.75),
        **dict.fromkeys("ij", 0.7), "t": 0.62, **dict.fromkeys("ÀÁÂÃÄÅÈÉÊËÌÍÎÏÒÓÔÕÖÙÚÛÜÝÇŠŽÞ", 0.9),
        **dict.fromkeys("?!%&#@/\\|'\"“”‘’", 0.72), **dict.fromkeys("()[]{}", 0.75)}
DESCENDERS = frozenset("gjpqyQ()[]{}|")
SHORT_LINE = 8  # letters: a line this short takes the size of the nearest common size (within SHORT_SNAP)
SHORT_SNAP = 0.2
COMMON_SIZE = 40  # letters set in a size make it a common one
SIZE_SNAP = 0.07  # sizes this share apart are drawn to one size
TEXT_MARKS = frozenset({"/", "&", "%", "(", "$", "€", "£", "\"", "“", "'", "‘"})  # a wrapped line's first token
# (above, below) the baseline, in font sizes: the windows a marker's ink is looked for in, the
# line's own first, then a taller one (a square as tall as a capital and more: a fax's grid cells)
GLYPH_WINDOWS = ((0.85, 0.1), (1.25, 0.35))
CORNER = 0.1  # of a marker's side: how near its box's corner ink makes it a square's
GLYPH_MIDDLE = 0.4  # font sizes above the baseline: the middle of a marker's ink
GLYPH_ASPECT = (0.7, 1.4)
_SQUARES = ("■", "□")  # height over width of a disc's or a square's ink
SOLID = 0.85  # share of a glyph's middle third that is ink: a solid disc or square (at most 0.15: hollow)
RING = 0.2  # share of a hollow glyph's box that its ring inks at least
MARKER_GAP = 0.5  # of the font size: a leading token this far from the next word may be a bullet
MARKER_REACH = 2.5  # of the font size: a bullet is looked for this far left of the first word
MARKER_OFFSET = 3.0  # points: the marker span ends this far left of the bullet's ink (boxes reach 1 point)
REAL_SHORT_WORDS = frozenset({"a", "A", "I", "&", "an", "An", "as", "As", "at", "At", "by", "By", "in", "In",
                              "is", "Is", "it", "It", "of", "Of", "on", "On", "or", "Or", "to", "To", "we",
                              "We", "no", "No", "so", "So", "up", "Up", "do", "Do", "be", "Be", "if", "If"})
NOISE_CONFIDENCE = 60.0  # a token of marks only read with less confidence is noise
LINE_GAP = 1.5  # of the font size: a wider gap inside an engine line separates two lines
BASELINE_JUMP = 0.3  # of the font size: a larger step of the baseline separates two lines
DASHES = frozenset({"-", "–", "—", "--", "‐"})
EN_DASH, EM_DASH = 0.2, 0.75  # of the font size: the ink length from which a lone dash is an en / em dash
SHORT_DASH = 0.3  # of the font size: a lone dash shorter than this may be a hyphen set between spaces
INK_DISTANCE = 60  # 0-255: a pixel this far from the background (any channel) is ink


@dataclass(frozen=True, slots=True)
class OcrWord:
    """One word as the OCR engine read it: picture pixels, end-exclusive box, confidence 0-100."""

    text: str
    x0: int
    y0: int
    x1: int
    y1: int
    confidence: float
    line: tuple[int, ...]  # the engine's (block, paragraph, line), keyed apart for cells read alone


@dataclass(frozen=True, slots=True)
class ScanLine:
    words: tuple[OcrWord, ...]
    baseline: float  # pixels
    size: float  # pixels


def scan_lines(words: Iterable[OcrWord]) -> list[ScanLine]:
    """The engine's lines, cut where a gap or a jump of the baseline shows two lines side by side
    (cells of one grid row), with their baseline and font size (see the module docstring)."""
    grouped: dict[tuple[int, ...], list[OcrWord]] = {}
    for word in words:
        if is_noise(word):
            continue
        grouped.setdefault(word.line, []).append(word)
    lines = []
    for members in grouped.values():
        members.sort(key=lambda word: word.x0)
        size = _line_size(members)
        for part in _side_by_side(members, size):
            if _is_noise_line(part):
                continue
            part_size = _line_size(part)
            lines.append(ScanLine(tuple(part), _baseline(part, part_size), part_size))
    return lines


def is_noise(word: OcrWord) -> bool:
    """A token that is no text: only marks, read with low confidence (a rule, an edge, a speck)."""
    return word.confidence < NOISE_CONFIDENCE and not any(char.isalnum() for char in word.text)


def _is_noise_line(words: Sequence[OcrWord]) -> bool:
    """A line of marks only (a swatch read as "." or "|"), or of one short, doubtful token."""
    if not any(char.isalnum() for word in words for char in word.text):
        return True
    return len(words) == 1 and len(words[0].text) <= 2 and words[0].confidence < NOISE_CONFIDENCE


def _side_by_side(words: list[OcrWord], size: float) -> list[list[OcrWord]]:
    parts: list[list[OcrWord]] = [[words[0]]]
    for word in words[1:]:
        previous = parts[-1][-1]
        jump = abs(_word_baseline(word, size) - _word_baseline(previous, size))
        if word.x0 - previous.x1 > LINE_GAP * size or jump > BASELINE_JUMP * size:
            parts.append([word])
        else:
            parts[-1].append(word)
    return parts


def _word_baseline(word: OcrWord, size: float) -> float:
    return word.y1 - (DESCENT * size if any(char in DESCENDERS for char in word.text) else 0.0)


def _reach(text: str) -> float | None:
    """The share of the em a word's letters span from top to bottom (None: no letter tells)."""
    if not any(char.isalnum() for char in text):
        return None
    marks = [char for char in text if char.isalnum() or char in TOPS or char in DESCENDERS]
    top = max(TOPS.get(char, X_HEIGHT) for char in marks)
    return top + (DESCENT if any(char in DESCENDERS for char in marks) else 0.0)


def _line_size(words: Sequence[OcrWord]) -> float:
    estimates = []
    for word in words:
        reach = _reach(word.text)
        if reach is not None:
            estimates.extend([(word.y1 - word.y0) / reach] * len(word.text))
    if not estimates:
        return max(word.y1 - word.y0 for word in words) / (TOPS["A"] + DESCENT)
    return statistics.median(estimates)


def _baseline(words: Sequence[OcrWord], size: float) -> float:
    flat = [word.y1 for word in words if not any(char in DESCENDERS for char in word.text)]
    if flat:
        return statistics.median(flat)
    return statistics.median(word.y1 for word in words) - DESCENT * size


def letters(line: ScanLine) -> int:
    return sum(1 for word in line.words for char in word.text if char.isalnum())


def snap_sizes(lines: Sequence[ScanLine]) -> list[float]:
    """Each line's size snapped to the size it shares with the lines of similar size: the mode
    its size climbs to (mean shift over the sizes weighted by letters, within ``SIZE_SNAP``);
    a short line (its few letters tell little) takes the nearest common size within
    ``SHORT_SNAP``."""
    if not lines:
        return []
    sizes = np.log(np.array([line.size for line in lines], dtype=np.float64))
    weights = np.array([letters(line) + 1 for line in lines], dtype=np.float64)
    modes = sizes.copy()
    for _ in range(30):
        near = np.abs(modes[:, None] - sizes[None, :]) <= np.log1p(SIZE_SNAP)
        moved = (near * weights).dot(sizes) / (near * weights).sum(axis=1)
        if np.allclose(moved, modes, atol=1e-5):
            break
        modes = moved
    snapped = np.round(np.exp(modes), 1)
    support = {size: float(weights[snapped == size].sum()) for size in set(snapped.tolist())}
    common = [size for size, weight in support.items() if weight >= COMMON_SIZE]
    result = []
    for line, size in zip(lines, snapped.tolist(), strict=True):
        if letters(line) < SHORT_LINE and common:
            nearest = min(common, key=lambda candidate: abs(candidate - line.size))
            size = nearest if abs(nearest - line.size) <= SHORT_SNAP * nearest else size
        result.append(float(size))
    return result


def line_spans(line: ScanLine, picture: Picture, size: float, others: Sequence[ScanLine]) -> list[Span]:
    """The spans of one line, a leading bullet included (see the module docstring); ``others``
    are the page's other lines (a bullet is not looked for inside their words)."""
    words = list(line.words)
    marker: tuple[float, float] | None = None
    while len(words) > 1 and (_is_marker_token(words[0], words[1], size)
                              or _square_mark(picture, words[0], line, size)):
        marker = (words[0].x0, words[0].x1) if marker is None else marker
        words.pop(0)
    if marker is None:
        marker = _ink_left_of(words[0], line, picture, size, others)
    scale = picture.scale
    baseline = line.baseline / scale
    points = size / scale
    spans = []
    shape = ""  # the marker's shape, printed before the first word: a grid may code its cells by it
    if marker is not None:
        right = marker[0] / scale - MARKER_OFFSET  # outside a bullet drawn as a filled box
        spans.append(make_span(MARKER, right - 0.3 * points, right, baseline, points, FONT, None))
        shape = marker_glyph(picture, marker, line.baseline, size, "")
    colour = None if picture.greyscale else ink_colour(picture, words)
    for position, word in enumerate(words):  # the engine separated the words: a space between each two
        text = dash(word, size)
        if position and len(text) <= 2 and (_glyph_read(text) or _may_be_square(text)):
            drawn = marker_glyph(picture, (word.x0, word.x1), line.baseline, size, "")  # "Key: @ sufficient data"
            text = drawn if drawn and (_glyph_read(text) or drawn in _SQUARES) else text
        elif not position and shape:
            text = f"{shape} {text}"
        spans.append(make_span(text, word.x0 / scale, word.x1 / scale, baseline, points, FONT, colour, position > 0))
    return spans


def marker_glyph(picture: Picture, columns: tuple[float, float], baseline: float, size: float,
                 unknown: str) -> str:
    """The list glyph a marker's ink draws between ``columns`` (pixels) on a line: a solid disc
    or square ("●", "■"), or a ring or frame ("○", "□"), told by whether ink fills the middle of
    its box and its corners; ``unknown`` where it is none of these (a tick, a star, an arrow). A
    grid may code its cells by the two ("● Housing", "○ Blight": "Key: ● sufficient data")."""
    box = next((box for above, below in GLYPH_WINDOWS
                if (box := _glyph_ink(picture, columns, baseline, size, above, below)) is not None), None)
    if box is None:
        return unknown
    height, width = box.shape
    if not GLYPH_ASPECT[0] <= height / width <= GLYPH_ASPECT[1]:
        return unknown
    middle = float(box[height // 3:height - height // 3, width // 3:width - width // 3].mean())
    reach = max(1, round(CORNER * min(height, width)))  # a jagged scan's corner: any ink near it
    corners = float(np.mean([box[:reach, :reach].any(), box[:reach, -reach:].any(),
                             box[-reach:, :reach].any(), box[-reach:, -reach:].any()]))
    if middle >= SOLID:
        return "■" if corners > 0.5 else "●"
    if middle <= 1 - SOLID and box.mean() >= RING:
        return "□" if corners > 0.5 else "○"
    return unknown


def _glyph_ink(picture: Picture, columns: tuple[float, float], baseline: float, size: float,
               above: float, below: float) -> NDArray[np.bool_] | None:
    """The ink between ``columns`` from ``above`` to ``below`` the baseline (in font sizes): the
    rows of ink around the glyph's middle, set apart from others by blank rows (a cell's edge
    above), cropped to the glyph; None where there is too little, or where it runs on to the
    window's top or bottom (a box's edge, or a glyph taller than the window)."""
    pad = round(0.3 * size)  # the background is the median of a frame this far around the glyph
    top, bottom = round(baseline - above * size), round(baseline + below * size)
    region = picture.colour_box(columns[0] - pad, top, columns[1] + pad, bottom).astype(np.int16)
    if region.shape[0] < 3 or region.shape[1] <= 2 * pad + 2:
        return None
    frame = np.concatenate([region[0], region[-1], region[:, 0], region[:, -1]])
    ink = (np.abs(region - np.median(frame, axis=0)).max(axis=2) > INK_DISTANCE)[:, pad:-pad]  # the glyph's own
    inked = ink.any(axis=1)
    first = last = min(max(round(baseline - GLYPH_MIDDLE * size) - top, 0), len(inked) - 1)  # the glyph's middle
    if not inked[first]:
        return None
    while first > 0 and inked[first - 1]:
        first -= 1
    while last < len(inked) - 1 and inked[last + 1]:
        last += 1
    if first == 0 or last == len(inked) - 1:
        return None  # too small, or ink that runs on above or below the window (a box's edge)
    glyph = ink[first:last + 1]
    cols = np.nonzero(glyph.any(axis=0))[0]
    if last - first < 3 or len(cols) < 4:
        return None
    cropped: NDArray[np.bool_] = glyph[:, cols[0]:cols[-1] + 1]
    return cropped


def dash(word: OcrWord, size: float) -> str:
    """A dash standing alone, named by its length (engines read every dash as "-"): hyphen,
    en dash or em dash; any other word as read."""
    if word.text not in DASHES:
        return word.text
    length = (word.x1 - word.x0) / size
    return "-" if length < EN_DASH else ("–" if length < EM_DASH else "—")


def _is_marker_token(word: OcrWord, following: OcrWord, size: float) -> bool:
    """A leading token of marks only (a glyph or swatch read as "@", ">" or "."), or a short
    non-word far enough from the next word (a bullet read as "e" or "v")."""
    text = word.text
    if _glyph_read(text):
        return True
    if not any(char.isalnum() for char in text) or following.x0 - word.x1 < MARKER_GAP * size:
        return False  # a mark text begins with ("/ macro level"), or a word set close to the next
    doubtful_number = not text.isdigit() or word.confidence < NOISE_CONFIDENCE  # a check mark read as "7"
    return len(text) <= 2 and text not in REAL_SHORT_WORDS and doubtful_number


def _square_mark(picture: Picture, word: OcrWord, line: ScanLine, size: float) -> bool:
    """A short token the engine read as letters ("I", "C", "Q]") whose ink is a square, solid or
    a frame, its four corners inked: a grid cell's marker (a fax's "■ Waste", "□ Housing"). No
    letter inks a square's corners with its middle solid or empty; a short word ("is") may, in a
    noisy scan, and is kept (but "I", which a snapshot never says: an engine's reading of "■")."""
    return _may_be_square(word.text) and marker_glyph(picture, (word.x0, word.x1), line.baseline, size, "") in _SQUARES


def _may_be_square(text: str) -> bool:
    """A short token that may be a square's ink read as letters: no real short word but "I"."""
    return len(text) <= 2 and (text == "I" or text not in REAL_SHORT_WORDS)


def _glyph_read(text: str) -> bool:
    """A token of marks only that no text begins with: a glyph the engine read ("@", ">", "."),
    not "/", "&" or a quote (a wrapped line's "a holistic" / "/ macro level")."""
    return text not in TEXT_MARKS and not any(char.isalnum() for char in text)


def _ink_left_of(word: OcrWord, line: ScanLine, picture: Picture, size: float,
                 others: Sequence[ScanLine]) -> tuple[float, float] | None:
    """The columns (pixels) of a glyph left of ``word`` that no OCR word covers, or None."""
    top, bottom = round(line.baseline - 0.85 * size), round(line.baseline + 0.1 * size)
    left = word.x0 - MARKER_REACH * size
    for other in others:
        for neighbour in other.words:
            if neighbour.x1 <= word.x0 and neighbour.y1 > top and neighbour.y0 < bottom:
                left = max(left, neighbour.x1 + 0.3 * size)
    start, end = max(0, round(left)), round(word.x0 - 0.1 * size)
    if end - start < 0.3 * size or top < 0 or bottom > picture.grey.shape[0]:
        return None
    region = picture.colour_box(start, top, end, bottom).astype(np.int16)
    if region.size == 0:
        return None
    background = np.median(region.reshape(-1, 3), axis=0)
    ink = np.abs(region - background).max(axis=2) > INK_DISTANCE
    columns = np.nonzero(ink.any(axis=0))[0]
    if not len(columns):
        return None
    right = int(columns[-1])
    gaps = np.nonzero(np.diff(columns) > 0.15 * size)[0]
    first = int(columns[gaps[-1] + 1]) if len(gaps) else int(columns[0])
    rows = np.nonzero(ink[:, first:right + 1].any(axis=1))[0]
    height = rows[-1] - rows[0] + 1
    if right - first + 1 > 1.3 * size or height < 0.2 * size or (rows[0] == 0 and rows[-1] == ink.shape[0] - 1):
        return None
    return (start + first, start + right + 1)


def ink_colour(picture: Picture, words: Sequence[OcrWord]) -> RGB | None:
    """The median of the ink of a line's words: the tenth of their pixels farthest from their
    background (the median of a one-pixel frame around each word)."""
    inks = []
    for word in words:
        box = picture.colour_box(word.x0 - 1, word.y0 - 1, word.x1 + 1, word.y1 + 1).astype(np.int16)
        if box.shape[0] < 3 or box.shape[1] < 3:
            continue
        frame = np.concatenate([box[0], box[-1], box[:, 0], box[:, -1]])
        distance = np.abs(box - np.median(frame, axis=0)).max(axis=2).ravel()
        keep = max(1, len(distance) // 10)
        inks.append(box.reshape(-1, 3)[np.argpartition(distance, -keep)[-keep:]])
    if not inks:
        return None
    red, green, blue = (round(float(value) / 255, 3) for value in np.median(np.concatenate(inks), axis=0))
    return (red, green, blue)

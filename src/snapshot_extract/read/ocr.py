"""OCR: the pages of a PDF without a text layer -> ``PageContent``, as the PDF backends give it.

Contract: ``ocr_pages(data, password, pages, mode)`` returns the pages with every page that
needs OCR (``mode`` ``auto``: those without any text; ``always``: all; ``never``: none)
replaced by what its picture shows, and the words in doubt (``OcrDoubt``: a confidence under
``DOUBT_CONFIDENCE``, or a reading an engine often gets wrong: see ``_doubts``), so that the
record stage can flag the values they feed. A scanned page becomes spans (one per OCR word, ``scan_text``: box, size
from the word heights, baseline, ink colour, bullets) and shapes (``scan_shapes``: fills
coloured from the picture, outlined boxes), in page points of the page turned straight
(``scan_image``): the layout stage and everything after it work unchanged.

Engine: Tesseract (Debian ``tesseract-ocr`` and ``tesseract-ocr-script-latn``: the
``ENGINE_LANGUAGE`` data), run as one subprocess per document on one core
(``OMP_THREAD_LIMIT=1``) over the pages as grey PGM files (each page, and a strip of its grid
cells: ``scan_cells``), writing TSV (words with boxes and confidences) on stdout. Without it
(or without its Latin data), a page that needs OCR raises ``NoTextLayer`` with a one-line hint
on how to install it. Colours are snapped to a per-document palette
(colours closer than ``PALETTE_DISTANCE`` become one), so that a colour every grid cell shares
is one value, as in a PDF.
"""

from __future__ import annotations

import contextlib
import ctypes
import math
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pymupdf as _pymupdf

from ..errors import NoTextLayer, UnreadableInput
from ..models import RGB, OcrDoubt, colour_step
from .page import PageContent, Shape, Span
from .scan_cells import CellStrip, cell_boxes, cut_cells, place_back
from .scan_image import SMALL_DPI, Picture, luma, page_picture, straight_png
from .scan_shapes import Paint, find_shapes
from .scan_text import DASHES, SHORT_DASH, OcrWord, ScanLine, line_spans, scan_lines, snap_sizes
from .scan_turn import quarter_turn, sideways

OcrMode = Literal["auto", "never", "always"]
OCR_MODES: tuple[str, ...] = ("auto", "never", "always")
OCR_DPI = 300.0  # 250 dpi saved little time and lost accuracy (F1 0.983 against 0.996 on the scan matrix)
OCR_AREA = 2.2 * 595.0 * 842.0  # points²: about A3 (two A4 pages side by side: 0.6 GB); a larger page is
# rendered with no more pixels than this at OCR_DPI
ENGINE_LANGUAGE = "Latin"  # Tesseract's Latin-script model: "eng" has no accented letters
ENGINE_LAYOUT = "3"  # page segmentation: automatic (grid cells are read apart, see scan_cells)
DOUBT_CONFIDENCE = 80.0  # Tesseract word confidence (0-100) under which a word is in doubt
HYPHEN_CONFIDENCE = 50.0  # the doubt of a word broken at a line end
CONFUSABLE_CONFIDENCE = 40.0  # the doubt of a word read in two confusable ways
QUOTE_CONFIDENCE = 60.0  # the doubt of a straight quote or apostrophe (it may be printed curly)
INK = 0.3  # RGB 0-1: a solid region this dark is in the text's ink
LETTER_SIZE = 30.0  # points: a letter of large type is no larger
BAR_WIDTH = 0.26  # of its height: a "1" narrower than this has no flag or foot (an "I" or "l")
_CONFUSABLE = {"1": "l", "I": "l", "l": "l", "|": "l", "0": "o", "O": "o", "o": "o", "5": "s", "S": "s",
               "8": "b", "B": "b"}  # digits and the letters an engine mixes them up with, folded
_PUNCTUATION = "\"'“”‘’«»()[]{},.;:!?"
PALETTE_DISTANCE = 0.08  # RGB 0-1, per channel
EDGE_MARGIN = 1.0  # points along a fill's edge left blank for the engine
CELL_MARGIN = 1.5  # points along a cell's edge left out of the strip (its border; text keeps clear of it)
FILL_CONTRAST = 40  # 0-255: a fill this much darker than the paper is evened out for the engine
ENGINE_SECONDS = 120.0  # one page; a batch's --timeout stops the document sooner
TURN_DPI, OSD_DPI = 50, 150  # dpi of the pictures a page is judged sideways on, and its turn found on
_PR_SET_PDEATHSIG = 1
INSTALL_HINT = ("install Tesseract for OCR (Debian/Ubuntu: apt-get install tesseract-ocr "
                "tesseract-ocr-script-latn; see README 'Scanned snapshots') or run OCR first")
pymupdf: Any = _pymupdf


def needs_ocr(pages: Sequence[PageContent], mode: OcrMode) -> list[int]:
    """The (0-based) indexes of the pages to OCR under ``mode``."""
    if mode == "never":
        return []
    return [index for index, page in enumerate(pages) if mode == "always" or not page.spans]


def engine_available() -> bool:
    """Tesseract is installed with the ``ENGINE_LANGUAGE`` data (asked once per process)."""
    return _installed_languages().count(ENGINE_LANGUAGE) > 0


@cache
def _installed_languages() -> tuple[str, ...]:
    if shutil.which("tesseract") is None:
        return ()
    try:
        done = subprocess.run(["tesseract", "--list-langs"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ()
    return tuple(line.strip() for line in done.stdout.decode("utf-8", "replace").splitlines()[1:])


def ocr_pages(data: bytes, password: str | None, pages: list[PageContent],
              mode: OcrMode) -> tuple[list[PageContent], tuple[OcrDoubt, ...]]:
    """Pages with those that need OCR read from their pictures (see the module docstring)."""
    wanted = needs_ocr(pages, mode)
    if not wanted:
        return pages, ()
    if not engine_available():
        raise NoTextLayer(f"no text layer (scanned or image-only PDF): {INSTALL_HINT}")
    pictures: dict[int, tuple[Picture, list[Shape], CellStrip | None]] = {}
    sizes: dict[int, tuple[float, float]] = {}  # each page's width and height, set upright
    inputs = []
    with pymupdf.open(stream=data, filetype="pdf") as document:
        if document.needs_pass:
            document.authenticate(password or "")
        for index in wanted:
            pdf_page = document.load_page(index)
            _upright(pdf_page)
            sizes[index] = (pdf_page.rect.width, pdf_page.rect.height)
            picture = page_picture(pdf_page, ocr_dpi(pdf_page.rect.width, pdf_page.rect.height))
            shapes, paints = find_shapes(picture)
            boxes = cell_boxes(shapes, picture.scale, pdf_page.rect.width)
            margin = round(CELL_MARGIN * picture.scale)
            page_grey, strip = cut_cells(engine_picture(picture, paints), boxes, margin)
            pictures[index] = (picture, shapes, strip)
            inputs.append(page_grey)
            if strip is not None:
                inputs.append(strip.picture)
    words = iter(recognise(inputs))
    read = {}
    for index, (picture, shapes, strip) in pictures.items():
        found = next(words)
        if strip is not None:
            found = found + place_back(next(words), strip)
        read[index] = (picture, scan_lines(found), shapes)
    every_line = [line for _, lines, _ in read.values() for line in lines]
    conflicts = confusable_readings(word.text for line in every_line for word in line.words)
    type_sizes = dict(zip(map(id, every_line), snap_sizes(every_line), strict=True))
    result = list(pages)
    doubts: list[OcrDoubt] = []
    for index, (picture, lines, shapes) in read.items():
        page = pages[index]
        spans = [span for line in lines for span in line_spans(line, picture, type_sizes[id(line)], lines)]
        shapes = [shape for shape in shapes if not _in_words(shape, spans)]
        result[index] = PageContent(page.number, *sizes[index], tuple(spans), tuple(shapes))
        doubts.extend(_doubts(page.number, picture, lines, conflicts))
    return _snap_colours(result, [index for index in wanted]), tuple(doubts)


def pictured_shapes(data: bytes, password: str | None, pages: list[PageContent]) -> list[PageContent]:
    """Pages whose text layer lies over a picture of the page (a scan a copier or ``ocrmypdf`` made
    searchable), with nothing painted but the picture: with the fills and boxes the picture shows
    (``scan_shapes``) as their shapes, the grid's colours being in the picture only."""
    wanted = [index for index, page in enumerate(pages)
              if page.pictured and page.spans and not any(shape.fill is not None for shape in page.shapes)]
    if not wanted:
        return pages
    result = list(pages)
    with pymupdf.open(stream=data, filetype="pdf") as document:
        if document.needs_pass:
            document.authenticate(password or "")
        for index in wanted:
            shapes, _ = find_shapes(page_picture(document.load_page(index), SMALL_DPI))
            result[index] = replace(pages[index], shapes=pages[index].shapes + tuple(shapes))
    return result


def straight_page_image(page: Any, mode: OcrMode, dpi: float) -> bytes | None:
    """For a page that ``mode`` reads by OCR, the page as a PNG at ``dpi``, turned straight as
    it was read (the frame its boxes are in); None for a page read from its text layer."""
    if mode == "never" or (mode == "auto" and page.get_text("text").strip()):
        return None
    _upright(page)
    return straight_png(page, page_picture(page, ocr_dpi(page.rect.width, page.rect.height)), dpi)


def ocr_dpi(width: float, height: float) -> float:
    """The resolution a page is read at: ``OCR_DPI``, or less for a page larger than ``OCR_AREA``, to
    the pixels that area gets (an image tool's page of a scan at 72 dpi is 2 to 3 times A4's width:
    rendered at 300 dpi it took 2.2 GB, and holds no more than its image's own pixels)."""
    return OCR_DPI * min(1.0, math.sqrt(OCR_AREA / (width * height)))


def _upright(page: Any) -> None:
    """Turn a scanned ``page`` set a quarter turn off upright (``scan_turn``), as the engine's
    orientation detection says."""
    pixmap = page.get_pixmap(dpi=TURN_DPI, alpha=False, colorspace="gray")
    grey = np.frombuffer(pixmap.samples, dtype=np.uint8).reshape(pixmap.height, pixmap.width)
    if not sideways(grey):
        return
    with tempfile.TemporaryDirectory(prefix="snapshot-osd-") as folder:
        path = Path(folder) / "page.png"
        page.get_pixmap(dpi=OSD_DPI, alpha=False, colorspace="gray").save(str(path))
        degrees = quarter_turn(str(path), _run_engine)
    if degrees:
        page.set_rotation((page.rotation + degrees) % 360)


def _run_engine(command: list[str]) -> subprocess.CompletedProcess[bytes]:
    """The engine run as ``command`` on one core, stopped after ``ENGINE_SECONDS`` and with its
    parent; a run that cannot start or stop in time is ``UnreadableInput``."""
    environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        return subprocess.run(command, capture_output=True, env=environment, timeout=ENGINE_SECONDS, check=False,
                              preexec_fn=_die_with_parent)  # fmt: skip
    except (OSError, subprocess.TimeoutExpired) as error:
        raise UnreadableInput(f"OCR failed ({type(error).__name__})") from None


def confusable_readings(texts: Iterable[str]) -> set[str]:
    """The words read in two ways where one has a digit and the other a letter an engine
    confuses with it ("I4" and "14", "2019" and "20l9"): the engine was sure of each reading,
    but they cannot both be right."""
    readings: dict[str, set[str]] = {}
    for text in texts:
        word = text.strip(_PUNCTUATION)
        key = "".join(_CONFUSABLE.get(char, char.lower()) for char in word)
        if len(word) >= 2 and any(char in _CONFUSABLE for char in word):
            readings.setdefault(key, set()).add(word)
    conflicts: set[str] = set()
    for variants in readings.values():
        for first in variants:
            for second in variants:
                if any(a.isdigit() != b.isdigit() for a, b in zip(first, second, strict=True)):
                    conflicts.update((first, second))
    return conflicts


def flagless_one(picture: Picture, word: OcrWord) -> bool:
    """A word read as starting with "1" whose first glyph is a plain bar (no flag, no foot): an
    "I" or an "l" read as a digit ("I4" -> "14")."""
    crop = picture.grey[word.y0:word.y1, word.x0:word.x1].astype(np.int16)
    if crop.shape[0] < 4 or crop.shape[1] < 4:
        return False
    background = np.median(np.concatenate([crop[0], crop[-1], crop[:, 0], crop[:, -1]]))
    ink = np.abs(crop - background) > 60
    columns = np.nonzero(ink.any(axis=0))[0]
    if not len(columns):
        return False
    breaks = np.nonzero(np.diff(columns) > 1)[0]
    last = int(columns[breaks[0]]) if len(breaks) else int(columns[-1])
    rows = np.nonzero(ink[:, columns[0]:last + 1].any(axis=1))[0]
    return bool((last - columns[0] + 1) < BAR_WIDTH * (rows[-1] - rows[0] + 1))


def _doubts(number: int, picture: Picture, lines: list[ScanLine], conflicts: set[str]) -> list[OcrDoubt]:
    """The words read with low confidence or in two confusable ways (``confusable_readings``),
    and the words broken by a hyphen at a line end (the reader joins "co-" + "create" or keeps
    the hyphen by the document's evidence: a guess)."""
    scale = picture.scale
    doubts = []
    for line in lines:
        for word in line.words:
            confidence = word.confidence
            if word.text.strip(_PUNCTUATION) in conflicts:
                confidence = min(confidence, CONFUSABLE_CONFIDENCE)
            if word.text[:1] == "1" and len(word.text) > 1 and flagless_one(picture, word):
                confidence = min(confidence, CONFUSABLE_CONFIDENCE)
            if "'" in word.text or '"' in word.text:
                confidence = min(confidence, QUOTE_CONFIDENCE)  # printed straight or curly: engines read straight
            if word.text in DASHES and (word.x1 - word.x0) < SHORT_DASH * line.size:
                confidence = min(confidence, HYPHEN_CONFIDENCE)  # an en dash or a spaced hyphen
            if word is line.words[-1] and len(word.text) > 2 and word.text.endswith("-") and word.text[-2].isalpha():
                confidence = min(confidence, HYPHEN_CONFIDENCE)
            if confidence < DOUBT_CONFIDENCE:
                box = (round(word.x0 / scale, 2), round(word.y0 / scale, 2), round(word.x1 / scale, 2),
                       round(word.y1 / scale, 2))
                doubts.append(OcrDoubt(number, box, word.text, confidence))
    return doubts


# --------------------------------------------------------------------------- engine


def _blank_edges(grey: np.ndarray[Any, np.dtype[np.uint8]], bands: Sequence[tuple[int, int, int, int]],
                 margin: int) -> None:
    """Paint ``margin`` pixels either side of a region's edge white: half fill and half paper,
    an edge would read as a rule or a letter."""
    for top, bottom, left, right in bands:
        grey[top:bottom, max(left - margin, 0):left + margin] = 255
        grey[top:bottom, max(right - margin, 0):right + margin] = 255
    first, last = bands[0], bands[-1]
    grey[max(first[0] - margin, 0):first[0] + margin, max(first[2] - margin, 0):first[3] + margin] = 255
    grey[max(last[1] - margin, 0):last[1] + margin, max(last[2] - margin, 0):last[3] + margin] = 255


def _letter_part(paint: Paint, scale: float) -> bool:
    """A solid region in the ink's near black no larger than a letter of large type (a bold
    heading's stroke, a solid bullet): nothing printed on it to bring out, and turning it over
    would break the letters ("TE AWAROA" read "Ta, ser ealar")."""
    top, bottom = paint.bands[0][0], paint.bands[-1][1]
    left, right = min(band[2] for band in paint.bands), max(band[3] for band in paint.bands)
    return max(paint.fill) < INK * 255 and max(bottom - top, right - left) <= LETTER_SIZE * scale


def _in_words(shape: Shape, spans: Sequence[Span]) -> bool:
    """A shape inside a word the engine read (a bold letter's solid stroke taken for a fill, its
    bowl for a frame: "HAEUNDO"'s "O"); a bullet stands beside its word, a frame around it."""
    x0, y0, x1, y1 = shape.bbox
    return any(span.x0 - 1 <= x0 and x1 <= span.x1 + 1 and span.baseline - span.size - 1 <= y0
               and y1 <= span.baseline + 0.3 * span.size + 1 for span in spans if not span.symbol)


def engine_picture(picture: Picture, paints: Sequence[Paint]) -> np.ndarray[Any, np.dtype[np.uint8]]:
    """The grey picture the engine reads: inside each solid region that is not near the paper's
    grey, the distance from the fill's grey, stretched and inverted, so that text on any fill
    (white on dark, dark on mid-tone) reads as dark on white."""
    grey = picture.grey.copy()
    paper = luma(tuple(round(channel * 255) for channel in picture.paper))  # type: ignore[arg-type]
    for paint in paints:
        fill = luma(paint.fill)
        if abs(fill - paper) < FILL_CONTRAST or _letter_part(paint, picture.scale):
            continue
        stretch = 255 / max(fill, 255 - fill, 1)
        margin = round(EDGE_MARGIN * picture.scale)
        for top, bottom, left, right in paint.bands:
            area = grey[top:bottom, left:right].astype(np.float32)
            grey[top:bottom, left:right] = np.clip(255 - np.abs(area - fill) * stretch, 0, 255).astype(np.uint8)
        _blank_edges(grey, paint.bands, margin)
    return grey


def recognise(pictures: Sequence[np.ndarray[Any, np.dtype[np.uint8]]]) -> list[list[OcrWord]]:
    """Tesseract's words of each grey page picture, in one run (the language data is loaded
    once per document); see the module docstring."""
    with tempfile.TemporaryDirectory(prefix="snapshot-ocr-") as folder:
        names = []
        for number, grey in enumerate(pictures, start=1):
            height, width = grey.shape
            path = Path(folder) / f"page-{number}.pgm"
            path.write_bytes(f"P5 {width} {height} 255\n".encode() + np.ascontiguousarray(grey).tobytes())
            names.append(str(path))
        listing = Path(folder) / "pages.txt"
        listing.write_text("\n".join(names) + "\n", encoding="utf-8")
        done = _run_engine(["tesseract", str(listing), "stdout", "-l", ENGINE_LANGUAGE, "--psm", ENGINE_LAYOUT,
                            "-c", "tessedit_do_invert=0", "tsv"])
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UnreadableInput(f"OCR failed ({reason[-1] if reason else 'tesseract exit ' + str(done.returncode)})")
    pages: list[list[OcrWord]] = [[] for _ in pictures]
    for page, word in parse_tsv(done.stdout.decode("utf-8", "replace")):
        if 1 <= page <= len(pages):
            pages[page - 1].append(word)
    return pages


def _die_with_parent() -> None:
    """In the engine's process (Linux): die when the process that started it dies, so that a
    batch worker killed for its --timeout takes its OCR run with it (a timeout inside the worker
    kills the engine through ``subprocess.run``)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def parse_tsv(text: str) -> list[tuple[int, OcrWord]]:
    """The words (level 5 rows with text) of Tesseract's TSV output, with their page number."""
    words = []
    for row in text.splitlines()[1:]:
        parts = row.split("\t")
        if len(parts) != 12 or parts[0] != "5" or not parts[11].strip():
            continue
        block, paragraph, line = int(parts[2]), int(parts[3]), int(parts[4])
        left, top, width, height = (int(value) for value in parts[6:10])
        words.append((int(parts[1]), OcrWord(parts[11].strip(), left, top, left + width, top + height,
                                             float(parts[10]), (block, paragraph, line))))
    return words


# --------------------------------------------------------------------------- colours


def _snap_colours(pages: list[PageContent], indexes: list[int]) -> list[PageContent]:
    """The OCR'd pages with their colours snapped to one palette (see the module docstring)."""
    counts: dict[RGB, int] = {}
    for index in indexes:
        for span in pages[index].spans:
            if span.color is not None:
                counts[span.color] = counts.get(span.color, 0) + len(span.text)
        for shape in pages[index].shapes:
            if shape.fill is not None:
                counts[shape.fill] = counts.get(shape.fill, 0) + 1
    palette = _palette(counts)
    result = list(pages)
    for index in indexes:
        page = pages[index]
        spans = tuple(span._replace(color=palette.get(span.color)) if span.color else span for span in page.spans)
        shapes = tuple(Shape(shape.bbox, palette.get(shape.fill)) if shape.fill else shape for shape in page.shapes)
        result[index] = replace(page, spans=spans, shapes=shapes)
    return result


def _palette(counts: dict[RGB, int]) -> dict[RGB, RGB]:
    """Each colour -> the commonest colour within ``PALETTE_DISTANCE`` that was seen before it."""
    centres: list[RGB] = []
    mapping: dict[RGB, RGB] = {}
    for colour in sorted(counts, key=lambda value: (-counts[value], value)):
        for centre in centres:
            if colour_step(colour, centre) <= PALETTE_DISTANCE:
                mapping[colour] = centre
                break
        else:
            centres.append(colour)
            mapping[colour] = colour
    return mapping


__all__ = ["OCR_MODES", "OcrMode", "engine_available", "needs_ocr", "ocr_pages", "straight_page_image"]

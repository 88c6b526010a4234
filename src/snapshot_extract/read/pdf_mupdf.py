"""PyMuPDF backend (the default, fast path): PDF bytes -> ``PageContent`` per page.

One text page per page (``get_textpage().extractDICT()``: what ``get_text("dict")`` returns,
without the wrapper's page cropbox lookup), with ``TEXT_COLLECT_VECTORS`` so that filled and
stroked paths (panel backgrounds, tiles, grid cells, legend swatches) come back as vector
blocks of the same call instead of a separate, slower ``get_drawings()``. Images are not
extracted and MuPDF's own sorting is off: the layout stage orders text itself. Library
exceptions are left to ``read.pdf`` (the reader boundary), which turns them into one-line errors.

Caps (``limits``): MuPDF builds a page's text page in C in one go; before it is turned into
Python objects (the costly step: ~2 KB a span), the memory it took is checked (an O(1) read,
~75 bytes a character or drawing) against ``MAX_GLYPHS_PER_PAGE``, then spans and drawings are
counted as they are read and the page is refused as soon as one passes its cap.
"""

from __future__ import annotations

import re
from typing import Any

import pymupdf as _pymupdf

from ..errors import EncryptedInput, TooComplex
from ..limits import MAX_GLYPHS_PER_PAGE, check_page
from ..textutil import SPACING_ACCENTS
from .page import (
    CEDILLA,
    RUN_GAP,
    SPACE_GAP,
    SWATCH_PICTURE,
    PageContent,
    Shape,
    Span,
    check_page_count,
    covers_page,
    font_name,
    make_span,
    normalise_colour,
    over_letter,
    picture_swatch,
    rgb_from_int,
    ring_paint,
    stroked_shape,
    under_letter,
)

pymupdf: Any = _pymupdf  # the library is untyped: keep its calls out of mypy's strict checks
_FLAGS = (
    pymupdf.TEXT_PRESERVE_LIGATURES
    | pymupdf.TEXT_PRESERVE_WHITESPACE
    | pymupdf.TEXT_MEDIABOX_CLIP
    | pymupdf.TEXT_COLLECT_VECTORS
    | pymupdf.TEXT_PRESERVE_IMAGES
)
_TEXT_BLOCK, _IMAGE_BLOCK, _VECTOR_BLOCK = 0, 1, 3
_SPACE_WIDTH = 0.28  # of the font size: trims MuPDF's leading/trailing spaces off a span's box
_MONOSPACED = 8  # MuPDF's span flag for a fixed-pitch font
_SPACED_RE = re.compile(r"\S\s{2,}\S")  # words a run of spaces sets apart
_SET_APART_RE = re.compile(r"\S+(?: {1,2}\S+)*")  # a monospaced line's parts: three spaces set two columns apart
_BYTES_PER_GLYPH = 80  # what MuPDF's text page takes for a character or a drawing, rounded up
_MAX_TEXT_PAGE_BYTES = MAX_GLYPHS_PER_PAGE * _BYTES_PER_GLYPH
pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)


def extract_pages(data: bytes, password: str | None, max_pages: int) -> list[PageContent]:
    """Every page's spans and shapes, in page order."""
    with _open(data, password) as document:
        count = document.page_count
        check_page_count(count, max_pages)
        return [_page(document.load_page(number)) for number in range(count)]


def _open(data: bytes, password: str | None) -> Any:
    document = pymupdf.open(stream=data, filetype="pdf")
    if document.needs_pass:
        if not password:
            document.close()
            raise EncryptedInput("encrypted PDF: give --password")
        if not document.authenticate(password):
            document.close()
            raise EncryptedInput("encrypted PDF: the --password given does not open it")
    return document


def _page(page: Any) -> PageContent:
    number = page.number + 1
    if page.rotation:  # printed turned (/Rotate: a2ps's landscape sheets): read as it is shown
        page.remove_rotation()
    text_page = _text_page(page, number)
    content = text_page.extractDICT()
    spans: list[Span] = []
    turned: list[str] = []
    shapes: list[Shape] = []
    curved_strokes = continued = pictured = False
    raw_blocks: list[dict[str, Any]] | None = None
    for index, block in enumerate(content["blocks"]):
        if block["type"] == _TEXT_BLOCK:
            if _spaced_out(block) or _overstruck(block) or _ligatures_in(block):  # where each glyph stands
                raw_blocks = raw_blocks or text_page.extractRAWDICT()["blocks"]
                if index < len(raw_blocks) and raw_blocks[index]["bbox"] == block["bbox"]:  # the same block
                    block = _set_apart(raw_blocks[index])
            _add_spans(spans, turned, block)
        elif block["type"] == _VECTOR_BLOCK and block.get("alpha", 255):
            if block.get("stroked"):
                curved_strokes = curved_strokes or not block.get("isrect")
                shapes.append(Shape(_bbox(block["bbox"]), None))
            else:
                _add_fill(shapes, Shape(_bbox(block["bbox"]), rgb_from_int(int(block["color"]))), continued)
            continued = bool(block.get("continues")) and not block.get("stroked")
        elif block["type"] == _IMAGE_BLOCK:
            pictured = pictured or covers_page(block["bbox"], page.rect.width, page.rect.height)
            if (swatch := _picture_swatch(block)) is not None:
                shapes.append(swatch)
        check_page(number, spans=len(spans), drawings=len(shapes))
    if curved_strokes:
        shapes = [shape for shape in shapes if shape.fill is not None] + _outlines(page)
    rect = page.rect
    return PageContent(number, rect.width, rect.height, tuple(spans), tuple(shapes), tuple(turned), pictured)


def _picture_swatch(block: dict[str, Any]) -> Shape | None:
    """A small picture of one colour, as a swatch (``page.picture_swatch``)."""
    if block["width"] * block["height"] > SWATCH_PICTURE[1]:
        return None
    pixmap = pymupdf.Pixmap(block["image"])
    if pixmap.n - pixmap.alpha not in (1, 3):
        pixmap = pymupdf.Pixmap(pymupdf.csRGB, pixmap)
    if pixmap.alpha:
        pixmap = pymupdf.Pixmap(pixmap, 0)
    return picture_swatch(_bbox(block["bbox"]), pixmap.samples, pixmap.n)


def _text_page(page: Any, number: int) -> Any:
    """The page's MuPDF text page, refused (``TooComplex``) when it took more memory than a
    page of ``MAX_GLYPHS_PER_PAGE`` characters would."""
    text_page = page.get_textpage(flags=_FLAGS)
    size = pymupdf.mupdf.ll_fz_pool_size(text_page.this.m_internal.pool)
    if size > _MAX_TEXT_PAGE_BYTES:
        raise TooComplex(f"page {number} is too complex: its text layer takes {size / 2**20:.0f} MB "
                         f"(more than {MAX_GLYPHS_PER_PAGE:,} characters or drawings)")
    return text_page


def _add_fill(shapes: list[Shape], shape: Shape, continued: bool) -> None:
    """Append a filled subpath; one that continues the path of the previous fill (MuPDF's
    ``continues``) and nests with it is put together with it as what they paint."""
    if continued and shapes and shapes[-1].fill == shape.fill:
        painted = ring_paint(shapes[-1].bbox, shape.bbox, shape.fill)
        if painted is not None:
            shapes[-1] = painted
            return
    shapes.append(shape)


def _outlines(page: Any) -> list[Shape]:
    """Stroked paths with their true bounds: MuPDF's text-page vector boxes of curved strokes
    are grown by the line join allowance (~12 pt for a thin rounded rectangle), so a page that
    has them pays for one ``get_cdrawings()`` call (``get_drawings()`` without its conversion of
    every path item to point and rect objects); a mark drawn in a colour among them is painted
    in it (``stroked_shape``)."""
    outlines = [stroked_shape(_bbox(drawing["rect"]), normalise_colour(drawing.get("color")),
                              not drawing.get("closePath") and all(item[0] == "l" for item in drawing["items"]))
                for drawing in page.get_cdrawings() if drawing.get("type") == "s"]
    check_page(page.number + 1, drawings=len(outlines))
    return outlines


def _bbox(values: tuple[float, ...]) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = values
    return (float(x0), float(y0), float(x1), float(y1))


def _add_spans(spans: list[Span], turned: list[str], block: dict[str, Any]) -> None:
    """Append the block's horizontal spans that hold more than whitespace, stripped of it (their
    box trimmed by ``_SPACE_WIDTH`` a space); a span of whitespace alone marks the space after
    the span before it (a ligature's last letter may stand over it: "Staff" + " " + "from").
    The text of a line printed turned goes to ``turned``."""
    for line in block["lines"]:
        direction = line["dir"]
        if abs(direction[1]) > 0.01 or direction[0] <= 0:  # rotated or vertical: not in the reading order
            turned.append(" ".join("".join(span["text"] for span in line["spans"]).split()))
            continue
        first = len(spans)
        marked = False  # the span before took a comma set under its last letter: the word goes on
        for raw in line["spans"]:
            text: str = raw["text"]
            stripped = text.strip()
            if not stripped:
                if text and len(spans) > first:
                    spans[-1] = spans[-1]._replace(space_after=True)
                continue
            size = raw["size"]
            x0, _, x1, _ = raw["bbox"]
            if len(spans) > first and _marks_last_letter(spans[-1], stripped, raw):
                last = spans[-1]
                spans[-1] = last._replace(text=last.text[:-1] + CEDILLA + last.text[-1])
                marked = True
                continue
            if raw["flags"] & _MONOSPACED:  # every character as wide as the next: each part where it stands
                _add_set_apart(spans, raw)
                continue
            leading = trailing = 0
            if len(stripped) != len(text):
                leading = len(text) - len(text.lstrip())
                trailing = len(text) - len(text.rstrip())
                x0 += leading * _SPACE_WIDTH * size
                x1 = max(x1 - trailing * _SPACE_WIDTH * size, x0)
            if marked and abs(size - spans[-1].size) < 0.01 and x0 - spans[-1].x1 < SPACE_GAP * size:
                spans[-1] = spans[-1]._replace(text=spans[-1].text + stripped, x1=x1, space_after=trailing > 0)
                marked = False  # "Bērziņ" + "š": MuPDF's space after the small comma is none
                continue
            marked = False
            spans.append(make_span(stripped, x0, x1, raw["origin"][1], size, font_name(raw["font"]),
                                   rgb_from_int(raw["color"]), leading > 0, trailing > 0))


def _marks_last_letter(last: Span, text: str, raw: dict[str, Any]) -> bool:
    """``text`` (the span ``raw``) is a comma set small under the last letter of ``last``
    (``under_letter``: a span of its own in MuPDF, its size differing), where that letter is
    assumed to end the span before (its box: the span's last letter's share of it)."""
    if text != "," or not last.text[-1:].isalpha():
        return False
    width = (last.x1 - last.x0) / len(last.text)
    x0, _, x1, _ = raw["bbox"]
    return under_letter(text, raw["size"], (x0, x1), last.size, (last.x1 - width, last.x1),
                        raw["origin"][1] - last.baseline)


def _spaced_out(block: dict[str, Any]) -> bool:
    """A span of the block holds a run of spaces between words, in a proportional font (an
    HTML printer's legend: "Data available", spaces over a swatch, "Data gap")."""
    return any(_SPACED_RE.search(span["text"]) and not span["flags"] & _MONOSPACED
               for line in block["lines"] for span in line["spans"])


def _overstruck(block: dict[str, Any]) -> bool:
    """A span of the block holds a spacing accent (groff draws one over the letter before it)."""
    return any(not SPACING_ACCENTS.keys().isdisjoint(span["text"]) for line in block["lines"] for span in line["spans"])


def _ligatures_in(block: dict[str, Any]) -> bool:
    """A span of the block holds a ligature glyph ("ﬀ"), whose width in a re-encoded font may
    not be the one it is drawn with: MuPDF then misses the word space after it ("staﬀmembers")."""
    return any(_LIGATURE_RE.search(span["text"]) for line in block["lines"] for span in line["spans"])


_LIGATURE_RE = re.compile("[\ufb00-\ufb06]")


def _set_apart(block: dict[str, Any]) -> dict[str, Any]:
    """The raw block's spans cut where a gap wider than ``RUN_GAP`` sizes parts two glyphs (the
    rule the pdfplumber backend reads characters by), each part with its text and box, and a
    space put in a gap wider than ``SPACE_GAP`` sizes that holds none; an accent drawn over the
    letter before it put before that letter (``over_letter``)."""
    lines = []
    for line in block["lines"]:
        parts = []
        for span in line["spans"]:
            runs: list[list[dict[str, Any]]] = [[]]
            last = None
            for char in span["chars"]:
                if char["c"].strip() and last is not None and char["bbox"][0] - last > RUN_GAP * span["size"]:
                    runs.append([])
                current = runs[-1]
                if current and char["c"].strip() and current[-1]["c"].strip() \
                        and char["bbox"][0] - current[-1]["bbox"][2] > SPACE_GAP * span["size"]:
                    x0, y0, x1, y1 = current[-1]["bbox"][2], char["bbox"][1], char["bbox"][0], char["bbox"][3]
                    current.append({**char, "c": " ", "bbox": (x0, y0, x1, y1)})
                if current and over_letter(char["c"], char["bbox"][::2], current[-1]["bbox"][::2]):
                    current.insert(len(current) - 1, char)  # the accent first, as TeX prints it
                    continue
                current.append(char)
                if char["c"].strip():
                    last = char["bbox"][2]
            for run in filter(None, runs):  # (a span with no characters gives none)
                x0, y0, _, y1 = run[0]["bbox"]
                text = "".join(char["c"] for char in run)
                parts.append({**span, "text": text, "bbox": (x0, y0, run[-1]["bbox"][2], y1),
                              "origin": run[0]["origin"]})
        lines.append({**line, "spans": parts})
    return {**block, "lines": lines}


def _add_set_apart(spans: list[Span], raw: dict[str, Any]) -> None:
    """Append the parts of a monospaced span that runs of spaces set apart (a typewriter layout
    of columns: "Labour Market and Skills        Policing and Law Enforcement"), each where its
    characters stand: every character of a monospaced font is as wide as the next."""
    text: str = raw["text"]
    x0, _, x1, _ = raw["bbox"]
    width = (x1 - x0) / len(text)
    font, colour = font_name(raw["font"]), rgb_from_int(raw["color"])
    for part in _SET_APART_RE.finditer(text):
        spans.append(make_span(part.group(), x0 + part.start() * width, x0 + part.end() * width,
                               raw["origin"][1], raw["size"], font, colour, part.start() > 0, part.end() < len(text)))

"""pdfplumber backend (the detail path, ~30x slower): PDF bytes -> ``PageContent`` per page.

Characters are grouped into ``Span`` runs (same font, size and colour on one baseline, no wide
gap) the way PyMuPDF reports spans, with a space wherever the gap between two glyphs is wider
than ``SPACE_GAP`` of the font size and the PDF drew none. Rectangles and curves with a fill or
a stroke, and stroked lines, become ``Shape``s; colours in grey, RGB or CMYK are normalised to
RGB. Library
exceptions are left to ``read.pdf`` (the reader boundary).

Caps (``limits``): each page is interpreted by ``_CappedAggregator``, pdfplumber's own layout
device counting text spans (text-showing operators), characters and drawings as pdfminer
reports them; the first count over its cap stops the page (``TooComplex``), long before
pdfminer has built an object for every one of a million glyphs.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfplumber.page import PDFPageAggregatorWithMarkedContent

from ..errors import EncryptedInput
from ..limits import check_page
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
    ring_paint,
    stroked_shape,
    under_letter,
)

_CID_RE = re.compile(r"\(cid:\d+\)")
_COMPONENTS = {"DeviceRGB": 3, "RGB": 3, "DeviceGray": 1, "G": 1}  # a picture's colour space (inline: abbreviated)


def extract_pages(data: bytes, password: str | None, max_pages: int) -> list[PageContent]:
    """Every page's spans and shapes, in page order."""
    with _open(data, password) as pdf:
        check_page_count(len(pdf.pages), max_pages)
        return [_page(page, number) for number, page in enumerate(pdf.pages, start=1)]


def _open(data: bytes, password: str | None) -> Any:
    try:
        return pdfplumber.open(io.BytesIO(data), password=password or "")
    except PDFPasswordIncorrect:
        raise _encrypted(password) from None
    except Exception as error:  # pdfplumber wraps pdfminer errors in its own exception type
        if isinstance(getattr(error, "args", (None,))[0], PDFPasswordIncorrect) or (
            "PDFPasswordIncorrect" in repr(error)
        ):
            raise _encrypted(password) from None
        raise


def _encrypted(password: str | None) -> EncryptedInput:
    if not password:
        return EncryptedInput("encrypted PDF: give --password")
    return EncryptedInput("encrypted PDF: the --password given does not open it")


class _CappedAggregator(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's layout device, counting as pdfminer goes (see the module docstring)."""

    def __init__(self, page: Any) -> None:
        super().__init__(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams)
        self.number = page.page_number
        self.spans = self.glyphs = self.drawings = 0

    def render_string(self, *args: Any, **kwargs: Any) -> None:
        self.spans += 1
        check_page(self.number, spans=self.spans)
        super().render_string(*args, **kwargs)

    def render_char(self, *args: Any, **kwargs: Any) -> float:
        self.glyphs += 1
        check_page(self.number, glyphs=self.glyphs)
        return float(super().render_char(*args, **kwargs))

    def paint_path(self, *args: Any, **kwargs: Any) -> None:
        self.drawings += 1
        check_page(self.number, drawings=self.drawings)
        super().paint_path(*args, **kwargs)


def _lay_out(page: Any) -> None:
    """Interpret the page with the capped device and hand pdfplumber the result (what its
    ``Page.layout`` does, with our device: ``layout`` returns ``_layout`` once it is set)."""
    device = _CappedAggregator(page)
    PDFPageInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    page._layout = device.get_result()


def _page(page: Any, number: int) -> PageContent:
    _lay_out(page)
    spans = tuple(_spans(page.chars))
    shapes = tuple(_shapes([*page.rects, *page.curves])) + tuple(_rules(page.lines)) + tuple(_pictures(page.images))
    pictured = any(covers_page((float(image["x0"]), float(image["top"]), float(image["x1"]), float(image["bottom"])),
                               float(page.width), float(page.height)) for image in page.images)
    return PageContent(number, float(page.width), float(page.height), spans, shapes, _turned(page.chars), pictured)


def _turned(chars: Iterable[dict[str, Any]]) -> tuple[str, ...]:
    """The lines printed turned (not upright): runs of such characters in the content stream,
    a new one where a character stands off the line of the one before (more than its size)."""
    lines: list[list[str]] = []
    last: dict[str, Any] | None = None
    for char in chars:
        if char.get("upright", True):
            last = None
            continue
        size = float(char["size"])
        if last is None or abs(float(char["x0"]) - float(last["x0"])) > size:
            lines.append([])
        lines[-1].append(_CID_RE.sub(" ", char["text"]))  # a glyph without its character: "•" a separator
        last = char
    return tuple(text for line in lines if (text := " ".join("".join(line).split())))


@dataclass(slots=True)
class _Run:
    font: str
    size: float
    color: tuple[float, float, float] | None
    baseline: float
    x0: float
    x1: float
    text: list[str] = field(default_factory=list)
    space_before: bool = False
    pending_space: bool = False
    last: tuple[float, float] = (0.0, 0.0)  # the left and right edges of the last glyph

    def span(self) -> Span:
        return make_span("".join(self.text), self.x0, self.x1, self.baseline, self.size,
                         self.font, self.color, self.space_before, self.pending_space)


def _spans(chars: Iterable[dict[str, Any]]) -> list[Span]:
    spans: list[Span] = []
    run: _Run | None = None
    space_seen = False
    for char in chars:
        if not char.get("upright", True):
            continue
        text = _CID_RE.sub("\ufffd", char["text"])
        if not text.strip():
            if run is not None:
                run.pending_space = True
            space_seen = True
            continue
        font = font_name(char["fontname"])
        size = float(char["size"])
        color = normalise_colour(char.get("non_stroking_color"))
        baseline = float(char["top"]) + float(char["y1"]) - float(char["matrix"][5])
        x0, x1 = float(char["x0"]), float(char["x1"])
        before, space_seen = space_seen, False
        if run is not None and under_letter(text, size, (x0, x1), run.size, run.last, baseline - run.baseline):
            run.text.insert(len(run.text) - 1, CEDILLA)  # before its letter, as an accent drawn over it
            continue
        if run is not None and _continues(run, font, size, color, baseline, x0):
            if over_letter(text, (x0, x1), run.last):
                run.text.insert(len(run.text) - 1, text)  # the accent first, as TeX prints it
                continue
            if run.pending_space or x0 - run.x1 > SPACE_GAP * size:
                run.text.append(" ")
            run.pending_space = False
            run.text.append(text)
            run.x1, run.last = max(run.x1, x1), (x0, x1)
            continue
        if run is not None:
            spans.append(run.span())
        run = _Run(font, size, color, baseline, x0, x1, [text], before, last=(x0, x1))
    if run is not None:
        spans.append(run.span())
    return spans


def _continues(run: _Run, font: str, size: float, color: object, baseline: float,
               x0: float) -> bool:
    if font != run.font or abs(size - run.size) > 0.01 or color != run.color:
        return False
    if abs(baseline - run.baseline) > 0.05 * size:
        return False
    gap = x0 - run.x1
    return -0.5 * size <= gap <= RUN_GAP * size


def _shapes(objects: Iterable[dict[str, Any]]) -> list[Shape]:
    """Filled or stroked paths as shapes; pdfplumber hands each subpath of a path on its own, so
    two nested subpaths of one even-odd fill (a border drawn as a box minus its inside) are
    put back together as what they paint (``ring_paint``)."""
    shapes: list[Shape] = []
    after_even_odd = False
    for item in objects:
        if not (item.get("fill") or item.get("stroke")):
            continue
        fill = normalise_colour(item.get("non_stroking_color")) if item.get("fill") else None
        bbox = (float(item["x0"]), float(item["top"]), float(item["x1"]), float(item["bottom"]))
        if fill is None:  # stroked only
            shapes.append(stroked_shape(bbox, normalise_colour(item.get("stroking_color")), _open_lines(item)))
            after_even_odd = False
            continue
        even_odd = bool(item.get("evenodd") and item.get("fill"))
        if even_odd and after_even_odd and shapes[-1].fill == fill:
            painted = ring_paint(shapes[-1].bbox, bbox, fill)
            if painted is not None:
                shapes[-1] = painted
                after_even_odd = False
                continue
        shapes.append(Shape(bbox, fill))
        after_even_odd = even_odd
    return shapes


def _pictures(images: Iterable[dict[str, Any]]) -> Iterator[Shape]:
    """Small pictures of one colour as swatches (``page.picture_swatch``): those whose samples the
    PDF holds as 8-bit grey or RGB (a JPEG's are left: pdfminer does not decode them)."""
    for image in images:
        width, height = image["srcsize"]
        components = _COMPONENTS.get(str(image.get("colorspace", [""])[0]).strip("/'"))
        if components is None or image.get("bits") != 8 or width * height > SWATCH_PICTURE[1]:
            continue
        samples = image["stream"].get_data()
        bbox = (float(image["x0"]), float(image["top"]), float(image["x1"]), float(image["bottom"]))
        if len(samples) == width * height * components and (swatch := picture_swatch(bbox, samples, components)):
            yield swatch


def _open_lines(item: dict[str, Any]) -> bool:
    """A curve made of straight lines that closes nothing (a tick), or a slanted line (a cross's
    stroke; a level or upright one is a rule)."""
    if item.get("object_type") == "line":
        return bool(item["x0"] != item["x1"] and item["top"] != item["bottom"])
    path: list[tuple[Any, ...]] = item.get("path") or []
    points: list[tuple[float, float]] = item.get("pts") or []
    return (item.get("object_type") == "curve" and all(step[0] in ("m", "l") for step in path)
            and len(points) > 1 and points[0] != points[-1])


def _rules(lines: Iterable[dict[str, Any]]) -> Iterator[Shape]:
    """Stroked straight lines as outlines, their box grown by half the line width all round
    (as MuPDF reports them); a slanted one drawn in a colour is a mark (``stroked_shape``)."""
    for line in lines:
        if line.get("stroke"):
            half = float(line.get("linewidth") or 0) / 2
            yield stroked_shape((float(line["x0"]) - half, float(line["top"]) - half,
                                 float(line["x1"]) + half, float(line["bottom"]) + half),
                                normalise_colour(line.get("stroking_color")), _open_lines(line))

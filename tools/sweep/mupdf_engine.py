"""PyMuPDF producer: Story (MuPDF's HTML engine) placed into column rectangles page by page,
balanced by searching the last page's column height; discs and page furniture drawn afterwards
with the page API; fonts subset."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pymupdf as _pymupdf

from . import blocks as b
from .geometry import MM, SIDEBAR, content_width, rgb
from .html_css import base_rules
from .html_engine import HtmlWriter

pymupdf: Any = _pymupdf  # untyped library: calls go through Any

TOP, BOTTOM = 16.0, 16.0
FONT_ROOT = "/usr/share/fonts/truetype"
SYMBOL_FILE = f"{FONT_ROOT}/dejavu/DejaVuSans.ttf"
METADATA = {"producer": "PyMuPDF Story (sweep)", "creator": "sweep", "title": "City Innovation Snapshot",
            "creationDate": "D:20200101000000Z", "modDate": "D:20200101000000Z"}  # fmt: skip


def _font_css(style: b.Style) -> str:
    rules = ['@font-face { font-family: "DejaVu Sans"; src: url(dejavu/DejaVuSans.ttf); }']
    if style.font_files[0]:
        regular = style.font_files[0].removeprefix(FONT_ROOT + "/")
        bold = style.font_files[1].removeprefix(FONT_ROOT + "/")
        rules.append(f'@font-face {{ font-family: "{style.font_family}"; src: url({regular}); }}')
        rules.append(f'@font-face {{ font-family: "{style.font_family}"; src: url({bold}); font-weight: bold; }}')
    return "\n".join(rules)


@dataclass
class _Pages:
    """What the writer placed: per page, the discs to draw (rect, colour)."""

    discs: list[list[tuple[Any, str]]] = field(default_factory=list)


class _Engine:
    def __init__(self, doc: b.Document) -> None:
        self.doc = doc
        self.writer_html = HtmlWriter(doc, "story")
        self.css = _font_css(doc.style) + base_rules(doc, story=True)
        self.parts = self.writer_html.parts(self.css)
        self.archive = pymupdf.Archive(FONT_ROOT)
        self.m = doc.style.margin_mm * MM
        self.w, self.h = doc.page
        self.bottom = self.h - self.m - BOTTOM - 12  # room for what pokes out (see fits)
        self.gap = doc.style.column_gap_mm * MM
        self.placed = _Pages()

    def story(self, html: str, extra_css: str = "") -> Any:
        return pymupdf.Story(html=html, user_css=self.css + extra_css, archive=self.archive)

    def columns(self, top: float, height: float, width: float) -> list[Any]:
        n = self.doc.columns
        col = (width - self.gap * (n - 1)) / n
        return [pymupdf.Rect(self.m + i * (col + self.gap), top, self.m + i * (col + self.gap) + col, top + height)
                for i in range(n)]  # fmt: skip

    def record(self, story: Any, page: int) -> None:
        def seen(position: object) -> None:
            ident = getattr(position, "id", "")
            if ident in self.writer_html.discs and getattr(position, "open_close", 0) & 1:
                while len(self.placed.discs) <= page:
                    self.placed.discs.append([])
                self.placed.discs[page].append((pymupdf.Rect(position.rect), self.writer_html.discs[ident]))  # type: ignore[attr-defined]

        story.element_positions(seen)

    def fits(self, html: str, rects: list[Any]) -> bool:
        """Whether the rectangles hold all of it, none overflowing (Story can place a table
        past a rectangle's bottom: such a plan is refused)."""
        story = self.story(html)
        for rect in rects:
            more, filled = story.place(rect)
            story.draw(None)  # placing advances only once drawn
            if filled[3] > rect.y1 + 18:  # (a last margin or a table row may poke out a little)
                return False
            if not more:
                return True
        return False


class _Flow:
    """Writes the pages: the header, then each segment into columns, then what spans them."""

    def __init__(self, engine: _Engine, writer: Any) -> None:
        self.e, self.writer = engine, writer
        self.page = -1
        self.device: Any = None

    def new_page(self) -> None:
        if self.device is not None:
            self.writer.end_page()
        self.page += 1
        self.device = self.writer.begin_page(pymupdf.Rect(0, 0, self.e.w, self.e.h))

    def draw(self, story: Any, rect: Any) -> tuple[int, Any]:
        more, filled = story.place(rect)
        self.e.record(story, self.page)
        story.draw(self.device)
        return more, pymupdf.Rect(filled)

    def segment(self, html: str, top: float, width: float) -> float:
        """Columns from ``top`` over as many pages as needed; the lowest y on the last page."""
        e = self.e
        pages, shrink = self.plan(html, top, width)
        last = None
        if e.doc.balance == "balanced" and e.doc.columns > 1:
            last = self.balanced_height(html, top, width, pages, shrink)
        story = e.story(html)
        lowest = top
        for index, rect in enumerate(self.page_rects(top, width, pages, last, shrink)):
            if index and index % e.doc.columns == 0:
                self.new_page()
                lowest = rect.y0
            more, filled = self.draw(story, rect)
            lowest = max(lowest, filled.y1)
            if not more:
                break
        return lowest

    def page_rects(self, top: float, width: float, pages: int, last: float | None,
                   shrink: float = 0.0) -> list[Any]:  # fmt: skip
        e = self.e
        rects: list[Any] = []
        for index in range(pages):
            height = last if last is not None and index == pages - 1 else e.bottom - top - shrink
            rects += e.columns(top, height, width)
            top, width = e.m + TOP, content_width(e.doc)
        return rects

    def plan(self, html: str, top: float, width: float) -> tuple[int, float]:
        """(pages, how much shorter than the page the columns are) of a placement that fits."""
        for shrink in (0.0, 4.0, 9.0, 15.0, 24.0, 40.0, 60.0):
            for pages in range(1, 10):
                if self.e.fits(html, self.page_rects(top, width, pages, None, shrink)):
                    return pages, shrink
        raise RuntimeError("Story cannot place this segment without overflowing")

    def balanced_height(self, html: str, top: float, width: float, pages: int, shrink: float) -> float | None:
        e = self.e
        last_top = top if pages == 1 else e.m + TOP
        low, high = 10.0, e.bottom - last_top - shrink
        if not e.fits(html, self.page_rects(top, width, pages, high, shrink)):
            return None
        while high - low > 2:
            mid = (low + high) / 2
            if e.fits(html, self.page_rects(top, width, pages, mid, shrink)):
                high = mid
            else:
                low = mid
        return high

    def full_width(self, html: str, top: float) -> None:
        e = self.e
        story = e.story(html)
        if top > e.bottom - 60:  # no room left below the columns: start on a new page
            self.new_page()
            top = e.m + TOP
        while True:
            more, _ = self.draw(story, pymupdf.Rect(e.m, top, e.m + content_width(e.doc), e.bottom))
            if not more:
                return
            self.new_page()
            top = e.m + TOP


def _post(pdf: bytes, engine: _Engine) -> bytes:
    doc = engine.doc
    with pymupdf.open("pdf", pdf) as out:
        for number, page in enumerate(out):
            for rect, colour in engine.placed.discs[number] if number < len(engine.placed.discs) else []:
                d = max(min(rect.width, rect.height), 4.0)
                page.draw_circle(rect.tl + (d / 2, rect.height / 2), d / 2, color=None, fill=rgb(colour))
            _furniture(page, number + 1, out.page_count, doc, engine.m)
        out.subset_fonts()
        out.set_metadata(METADATA)
        return bytes(out.tobytes(garbage=3, deflate=True, no_new_id=True))


def _furniture(page: Any, number: int, total: int, doc: b.Document, m: float) -> None:
    w, h = doc.page
    grey = rgb("#666666")
    font = _furniture_font()

    def put(x: float, y: float, text: str, size: float, right: bool) -> None:
        left = x - font.text_length(text, fontsize=size) if right else x
        page.insert_text((left, y), text, fontsize=size, fontname="F0", fontfile=SYMBOL_FILE, color=grey)

    if doc.furniture == "page_number":
        put(w / 2, h - m + 4, str(number), 7.5, False)
    if doc.furniture in ("page_x_of_y", "footer_number"):
        put(w - m, h - m + 4, f"Page {number} of {total}", 7.5, True)
    if doc.furniture in ("footer", "footer_number"):
        put(m, h - m + 4, doc.style.footer_text, 7.5, False)
    if number > 1 and doc.header.repeat == "repeated":
        put(m, m + 6, doc.header.kicker, 9, False)
        put(w - m, m + 6, doc.header.city_line, 9, True)
    elif number > 1 and doc.header.repeat == "shortened":
        put(w - m, m + 6, doc.header.short, 7.5, True)


@cache
def _furniture_font() -> Any:
    return pymupdf.Font(fontfile=SYMBOL_FILE)


def render_mupdf(doc: b.Document) -> bytes:
    engine = _Engine(doc)
    buffer = io.BytesIO()
    writer = pymupdf.DocumentWriter(buffer)
    flow = _Flow(engine, writer)
    flow.new_page()
    parts = engine.parts
    full = content_width(doc)
    _, header = flow.draw(
        engine.story(parts.header), pymupdf.Rect(engine.m, engine.m + TOP, engine.m + full, engine.bottom)
    )
    top = header.y1 + 10
    for index, (segment, spanning) in enumerate(zip(parts.segments, parts.spanning, strict=True)):
        if index:
            flow.new_page()
            top = engine.m + TOP
        width = full
        if index == 0 and parts.sidebar:
            width = full * (1 - SIDEBAR) - 28
            _sidebar(
                flow, parts.sidebar, pymupdf.Rect(engine.m + full * (1 - SIDEBAR), top, engine.m + full, engine.bottom)
            )
        lowest = flow.segment(segment, top, width) if segment else top
        if spanning:
            flow.full_width(spanning, lowest + 8)
    writer.end_page()
    writer.close()
    return _post(buffer.getvalue(), engine)


def _sidebar(flow: _Flow, html: str, rect: Any) -> None:
    e = flow.e
    tint = e.doc.style.tint
    page = f'<div style="background-color:{tint};padding:8pt">{html}</div>'
    for scale in (1.0, 0.92, 0.85, 0.78, 0.7, 0.62, 0.55):
        extra = f"html {{ font-size: {e.doc.style.body_size * scale:.2f}pt; }}"
        story = e.story(page, extra)
        more, _ = story.place(rect)
        if more and scale != 0.55:
            continue
        e.record(story, flow.page)
        story.draw(flow.device)
        return

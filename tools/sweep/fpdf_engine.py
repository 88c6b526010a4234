"""fpdf2 producer: an own column placer over units (fill first or balanced on the last page),
spanning grid below the columns, a page-1 sidebar, a float beside text, furniture per page."""

from __future__ import annotations

import datetime
import logging
from dataclasses import replace

from fpdf import FPDF

from . import blocks as b
from .fpdf_text import Typesetter
from .fpdf_units import Unit, UnitMaker
from .geometry import MM, SIDEBAR, content_width, rgb
from .styles import SYMBOL_FONT

TOP, BOTTOM = 16.0, 16.0
logging.getLogger("fontTools").setLevel(logging.ERROR)  # "BDF NOT subset" of the CJK font's bitmaps
PINNED = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)


def _need(heights: list[float], keeps: list[bool], i: int, height: float) -> float:
    """The height unit ``i`` needs in its column: itself and the chain it keeps with (a heading
    with the first lines after it), unless the chain is taller than a column."""
    need, j = heights[i], i
    while keeps[j] and j + 1 < len(heights):
        j += 1
        need += heights[j]
    return need if need <= height else heights[i]


def _pack(heights: list[float], keeps: list[bool], columns: int, height: float) -> int:
    """How many of the units fit into ``columns`` columns of ``height`` (fill first)."""
    column, used, i = 0, 0.0, 0
    while i < len(heights):
        need = _need(heights, keeps, i, height)
        if used and used + need > height:
            column, used = column + 1, 0.0
            if column >= columns:
                return i
            continue
        used += heights[i]
        i += 1
    return i


class Placer:
    def __init__(self, pdf: FPDF, doc: b.Document, maker: UnitMaker) -> None:
        self.pdf, self.doc, self.maker = pdf, doc, maker
        self.m = doc.style.margin_mm * MM
        self.bottom = doc.page[1] - self.m - BOTTOM
        self.gap = doc.style.column_gap_mm * MM

    def columns(self, width: float) -> tuple[int, float]:
        n = self.doc.columns
        return n, (width - self.gap * (n - 1)) / n

    def place_columns(self, units: list[Unit], top: float, width: float) -> float:
        """Stack units into columns from ``top`` (new pages as needed); returns the lowest y used
        on the last page."""
        n, col_w = self.columns(width)
        while units:
            heights, keeps = [u.height for u in units], [u.keep_with_next for u in units]
            avail = self.bottom - top
            fit = max(_pack(heights, keeps, n, avail), 1)
            height = avail
            if fit >= len(units) and self.doc.balance == "balanced" and n > 1:
                low = max(heights)
                while avail - low > 1:  # the shortest column height that still holds them all
                    mid = (low + avail) / 2
                    if _pack(heights, keeps, n, mid) >= len(units):
                        avail = mid
                    else:
                        low = mid
                height = avail + 0.5
            lowest = self._draw_columns(units[:fit], top, n, col_w, height)
            units = units[fit:]
            if units:
                self.pdf.add_page()
                top = self.m + TOP
                width = content_width(self.doc)
                n, col_w = self.columns(width)
        return lowest

    def _draw_columns(self, units: list[Unit], top: float, n: int, col_w: float, height: float) -> float:
        heights, keeps = [u.height for u in units], [u.keep_with_next for u in units]
        column, used, lowest = 0, 0.0, top
        for i, unit in enumerate(units):
            need = _need(heights, keeps, i, height)
            if used and used + need > height and column + 1 < n:
                column, used = column + 1, 0.0
            unit.draw(self.m + column * (col_w + self.gap), top + used, col_w)
            used += unit.height
            lowest = max(lowest, top + used)
        return lowest

    def place_full(self, units: list[Unit], top: float) -> None:
        width = content_width(self.doc)
        y = top
        heights, keeps = [u.height for u in units], [u.keep_with_next for u in units]
        for i, unit in enumerate(units):
            need = _need(heights, keeps, i, self.bottom - self.m - TOP)
            if y + need > self.bottom and y > self.m + TOP + 1:
                self.pdf.add_page()
                y = self.m + TOP
            unit.draw(self.m, y, width)
            y += unit.height


def _segments(doc: b.Document) -> list[list[b.Block]]:
    out: list[list[b.Block]] = [[]]
    for block in doc.blocks:
        if isinstance(block, b.PageBreak):
            out.append([])
        else:
            out[-1].append(block)
    return out


def _float_units(maker: UnitMaker, spot: b.Spotlight, following: list[b.Block], width: float) -> tuple[list[Unit], int]:
    """The spotlight as a float at the right, and the units of the blocks beside it."""
    box_w = width * 0.46
    box = maker.spotlight(replace(spot, form="box"), box_w - 10)
    box_h = sum(u.height for u in box)
    beside: list[Unit] = []
    used = 0
    while used < len(following) and sum(u.height for u in beside) < box_h:
        beside += maker.block(following[used], width - box_w - 10)
        used += 1
    height = max(box_h, sum(u.height for u in beside))

    def draw(x: float, y: float, w: float) -> None:
        yy = y
        for unit in box:
            unit.draw(x + w - box_w, yy, box_w)
            yy += unit.height
        yy = y
        for unit in beside:
            unit.draw(x, yy, w - box_w - 10)
            yy += unit.height

    return [Unit(height, draw)], used


def _segment_units(
    maker: UnitMaker, blocks: list[b.Block], width: float, full: float
) -> tuple[list[Unit], list[Unit], list[b.Spotlight]]:
    units: list[Unit] = []
    spanning: list[Unit] = []
    sidebar: list[b.Spotlight] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        spans = isinstance(block, b.Grid) and block.span and maker.doc.columns > 1
        if isinstance(block, b.Heading) and isinstance(nxt, b.Grid) and nxt.span and maker.doc.columns > 1 or spans:
            spanning += maker.block(block, full)
        elif isinstance(block, b.Spotlight) and block.form == "sidebar":
            sidebar.append(block)
        elif isinstance(block, b.Spotlight) and block.form == "float":
            made, used = _float_units(maker, block, blocks[i + 1 :], width)
            units += made
            i += used
        else:
            units += maker.block(block, width)
        i += 1
    return units, spanning, sidebar


def _header(maker: UnitMaker, header: b.Header, x: float, y: float, width: float) -> float:
    ts, accent = maker.ts, maker.accent

    def line(text: str, size: float, bold: bool, colour: str, top: float, right: bool = False) -> None:
        words = ts.words((b.Run(text, bold=bold),))
        wrapped = ts.wrap(words, width, size)
        for i, ln in enumerate(wrapped):
            w = ln.natural(ts.measure(" ", False, size))
            ts.draw(
                ln,
                x + width - w - (8 if right else 0) if right else x,
                top + size * 0.95 + i * size * 1.2,
                w,
                size,
                colour,
            )

    if header.arrangement == "one_line":
        wrapped = ts.wrap(
            ts.words((b.Run(header.kicker + " "), b.Run(header.city_line, bold=True, colour=accent))), width, 15
        )
        for i, ln in enumerate(wrapped):
            ts.draw(ln, x, y + 15 * 0.95 + i * 18, width, 15)
        return 18 * len(wrapped) + 10
    if header.arrangement == "banner":
        maker.fill(accent)
        maker.pdf.rect(x, y, width, 30, style="F")
        kicker = ts.wrap(ts.words((b.Run(header.kicker),)), width, 13)[0]
        ts.draw(kicker, x + 9, y + 20, width, 13, "#ffffff")
        line(header.city_line, 13, True, "#ffffff", y + 20 - 13 * 0.95, right=True)
        return 42
    if header.arrangement == "city_above":
        line(header.city_line, 20, True, accent, y)
        line(header.kicker, 10, False, "#1a1a1a", y + 26)
        return 50
    gap = 40 if header.arrangement == "stacked_large_gap" else 2
    line(header.kicker, 10, False, "#1a1a1a", y)
    line(header.city_line, 20, True, accent, y + 13 + gap)
    return 13 + gap + 36


def _furniture(pdf: FPDF, doc: b.Document, maker: UnitMaker) -> None:
    total = pdf.page
    w, h = doc.page
    m = doc.style.margin_mm * MM
    for page in range(1, total + 1):
        pdf.page = page
        pdf.set_text_color(*[int(c * 255) for c in rgb("#666666")])
        pdf.set_font(maker.ts.family, "", 7.5)
        if doc.furniture == "page_number":
            pdf.text(w / 2 - pdf.get_string_width(str(page)) / 2, h - m + 4, str(page))
        if doc.furniture in ("page_x_of_y", "footer_number"):
            text = f"Page {page} of {total}"
            pdf.text(w - m - pdf.get_string_width(text), h - m + 4, text)
        if doc.furniture in ("footer", "footer_number"):
            pdf.text(m, h - m + 4, doc.style.footer_text)
        if page > 1 and doc.header.repeat != "page1_only":
            right = doc.header.city_line if doc.header.repeat == "repeated" else doc.header.short
            pdf.set_font(maker.ts.family, "B" if doc.header.repeat == "repeated" else "", 9)
            pdf.text(w - m - pdf.get_string_width(right), m + 6, right)
            if doc.header.repeat == "repeated":
                pdf.set_font(maker.ts.family, "", 9)
                pdf.text(m, m + 6, doc.header.kicker)
    pdf.page = total


def _fonts(pdf: FPDF, style: b.Style) -> tuple[str, str, bool]:
    if not style.font_files[0]:
        return ("helvetica" if style.font_family == "Helvetica" else "times"), "zapfdingbats", True
    pdf.add_font("body", "", style.font_files[0])
    pdf.add_font("body", "B", style.font_files[1])
    pdf.add_font("sym", "", SYMBOL_FONT)
    return "body", "sym", False


def render_fpdf(doc: b.Document) -> bytes:
    w, h = doc.page
    pdf = FPDF(unit="pt", format=(w, h))
    pdf.set_creation_date(PINNED)
    pdf.set_auto_page_break(False)
    pdf.set_title("City Innovation Snapshot")
    family, symbol, dingbats = _fonts(pdf, doc.style)
    ts = Typesetter(pdf, family, symbol, dingbats, doc.style.justify)
    maker = UnitMaker(pdf, ts, doc)
    placer = Placer(pdf, doc, maker)
    m, full = placer.m, content_width(doc)
    pdf.add_page()
    top = m + TOP + _header(maker, doc.header, m, m + TOP, full)
    for index, segment in enumerate(_segments(doc)):
        if index:
            pdf.add_page()
            top = m + TOP
        width = full
        sidebar_blocks = [x for x in segment if isinstance(x, b.Spotlight) and x.form == "sidebar"]
        if sidebar_blocks:
            width = full * (1 - SIDEBAR) - 28
            _sidebar(maker, sidebar_blocks[0], m + full - full * SIDEBAR, top, full * SIDEBAR, placer.bottom - top)
        _, col_w = placer.columns(width)
        units, spanning, _ = _segment_units(maker, segment, col_w, full)
        lowest = placer.place_columns(units, top, width) if units else top
        if spanning:
            placer.place_full(spanning, lowest + 6)
    _furniture(pdf, doc, maker)
    return bytes(pdf.output())


def _sidebar(maker: UnitMaker, spot: b.Spotlight, x: float, y: float, width: float, height: float) -> None:
    size = maker.size
    while True:
        units = maker.spotlight(replace(spot, form="box"), width)
        if sum(u.height for u in units) <= height or maker.size < 5:
            break
        maker.size *= 0.92
    for unit in units:
        unit.draw(x, y, width)
        y += unit.height
    maker.size = size

"""ReportLab producer: platypus frames (one per column) or balanced columns, the page-1 header in
its own frame, a sidebar drawn into page 1, furniture drawn on every page."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import replace
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    KeepInFrame,
    KeepTogether,  # fmt: skip
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import BalancedColumns, ImageAndFlowables

from . import blocks as b
from .geometry import MM, SIDEBAR, column_width, content_width
from .rl_flowables import FloatBox, Fonts, Kit
from .rl_grid import grid_flowables
from .styles import SYMBOL_FONT

TOP, BOTTOM = 16.0, 16.0  # room for running heads and footers
_registered: set[str] = set()


def register_fonts(style: b.Style) -> Fonts:
    family = style.font_family
    if not style.font_files[0]:
        bold = "Helvetica-Bold" if family == "Helvetica" else "Times-Bold"
        return Fonts(family, bold, "ZapfDingbats", True)
    regular, bold = f"{family}-R".replace(" ", ""), f"{family}-B".replace(" ", "")
    if regular not in _registered:
        index = {"subfontIndex": 0} if style.font_files[0].endswith(".ttc") else {}
        pdfmetrics.registerFont(TTFont(regular, style.font_files[0], **index))
        pdfmetrics.registerFont(TTFont(bold, style.font_files[1], **index))
        pdfmetrics.registerFontFamily(regular, normal=regular, bold=bold, italic=regular, boldItalic=bold)
        _registered.add(regular)
    if "SweepSymbol" not in _registered:
        pdfmetrics.registerFont(TTFont("SweepSymbol", SYMBOL_FONT))
        _registered.add("SweepSymbol")
    return Fonts(regular, bold, "SweepSymbol", False)


def header_flowables(kit: Kit, header: b.Header, width: float) -> list[Flowable]:
    k, c = escape(header.kicker), escape(header.city_line)
    accent = kit.accent
    if header.arrangement == "one_line":
        return [_p(kit, f'{k} <b><font color="{accent}">{c}</font></b>', 15)]
    if header.arrangement == "banner":
        left = _p(kit, k, 13, textColor=colors.white)
        right = _p(kit, f"<b>{c}</b>", 13, textColor=colors.white, alignment=TA_RIGHT)
        table = Table([[left, right]], colWidths=[width * 0.45, width * 0.55], style=TableStyle([
            ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(accent)), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("TOPPADDING", (0, 0), (-1, -1), 7), ("BOTTOMPADDING", (0, 0), (-1, -1), 7)]))  # fmt: skip
        return [table]
    kicker = _p(kit, k, 10)
    city = _p(kit, f'<b><font color="{accent}">{c}</font></b>', 20)
    if header.arrangement == "city_above":
        return [city, Spacer(1, 2), kicker]
    gap = 40 if header.arrangement == "stacked_large_gap" else 2
    return [kicker, Spacer(1, gap), city]


def _p(kit: Kit, markup: str, size: float, **changes: Any) -> Flowable:
    style = ParagraphStyle("h", parent=kit.body, fontSize=size, leading=size * 1.2, spaceAfter=0, **changes)
    return Paragraph(markup, style)


class _Flow:
    """Blocks -> the story of one document."""

    def __init__(self, doc: b.Document, kit: Kit, balance: str) -> None:
        self.doc, self.kit, self.balance = doc, kit, balance
        self.frame_height = doc.page[1] - 2 * doc.style.margin_mm * MM - TOP - BOTTOM - 80
        self.column = column_width(doc) if doc.columns > 1 else content_width(doc)
        if any(isinstance(x, b.Spotlight) and x.form == "sidebar" for x in doc.blocks):
            self.column = (
                content_width(doc) * (1 - SIDEBAR) - 28 - doc.style.column_gap_mm * MM * (doc.columns - 1)
            ) / doc.columns
        self.sidebar: list[Flowable] = []

    def block(self, block: b.Block) -> list[Flowable]:
        kit, width = self.kit, self.column
        if isinstance(block, b.Heading):
            return [kit.text(block.text, kit.heading)]
        if isinstance(block, b.Paragraph):
            extra = {"spaceAfter": 0} if block.cut else {}
            return [kit.para(block.runs, None, **extra)]
        if isinstance(block, b.Bullets):
            return kit.bullets(block)
        if isinstance(block, b.Pairs):
            return kit.pairs(block, width)
        if isinstance(block, b.Tiles):
            return kit.tiles(block, width)
        if isinstance(block, b.Spotlight):
            if block.form == "sidebar":
                self.sidebar = kit.spotlight(block, content_width(self.doc) * SIDEBAR)
                return []
            box_width = width * 0.46 if block.form == "float" else width
            return kit.spotlight(block, box_width)
        if isinstance(block, b.Grid):
            return grid_flowables(kit, block, content_width(self.doc) if self.spans(block) else width,
                                  self.doc.style.grid_gap)  # fmt: skip
        return []

    def float_or_box(self, block: b.Spotlight) -> list[Flowable]:
        """The spotlight floated right, or (too tall to float beside text) a box in the flow."""
        width = self.column * 0.46
        tint = colors.HexColor(self.doc.style.tint)
        table = Table([[self.kit.spotlight(block, width)]], colWidths=[width],
                      style=TableStyle([("BACKGROUND", (0, 0), (-1, -1), tint)]))  # fmt: skip
        if table.wrap(width, 10_000)[1] <= 0.55 * self.frame_height:
            return [FloatBox(table)]
        self.doc.notes["spotlight_form"] = "box"
        return self.kit.spotlight(replace(block, form="box"), self.column)

    def spans(self, block: b.Block) -> bool:
        return isinstance(block, b.Grid) and block.span and self.doc.columns > 1

    def segment(self, blocks: list[b.Block]) -> list[Flowable]:
        """One page segment; floats take the next flowables beside them; balanced columns wrap
        what precedes a spanning grid."""
        out: list[Flowable] = []
        floated: list[Flowable] = []
        float_at = -1
        spanning: list[Flowable] = []
        for i, block in enumerate(blocks):
            if isinstance(block, b.Spotlight) and block.form == "float":
                floated, float_at = self.float_or_box(block), len(out)
                if not isinstance(floated[0], FloatBox):
                    out, floated = out + floated, []
                continue
            made = self.block(block)
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if self.spans(block) or (isinstance(block, b.Heading) and nxt is not None and self.spans(nxt)):
                spanning += made
            else:
                out += made
        if floated:
            beside = out[float_at:]
            out = out[:float_at] + ([ImageAndFlowables(floated[0], beside, imageSide="right")] if beside else floated)
        if not spanning:
            tail: list[Flowable] = []
        elif self.balance == "balanced":
            tail = [KeepTogether(spanning)]
        else:  # frames cannot end above a spanning block: it gets a page of its own
            tail = [NextPageTemplate("single"), PageBreak(), *spanning]
        if self.doc.columns > 1 and self.balance == "balanced" and out:
            out = [BalancedColumns(out, nCols=self.doc.columns, innerPadding=self.doc.style.column_gap_mm * MM)]
        return out + tail


def _segments(doc: b.Document) -> list[list[b.Block]]:
    segments: list[list[b.Block]] = [[]]
    for block in doc.blocks:
        if isinstance(block, b.PageBreak):
            segments.append([])
        else:
            segments[-1].append(block)
    return segments


def _frames(doc: b.Document, top: float, height: float, sidebar: bool, balance: str) -> list[Frame]:
    m = doc.style.margin_mm * MM
    width = content_width(doc) * (1 - SIDEBAR) - 28 if sidebar else content_width(doc)
    columns = doc.columns if balance == "fill_first" else 1
    gap = doc.style.column_gap_mm * MM
    col = (width - gap * (columns - 1)) / columns if columns > 1 else width
    return [Frame(m + i * (col + gap), top - height, col, height, 0, 0, 0, 0, id=f"c{i}") for i in range(columns)]


def _furniture(doc: b.Document, kit: Kit, total: int, sidebar: list[Flowable], header_h: float) -> Callable[..., None]:
    w, h = doc.page
    m = doc.style.margin_mm * MM

    def draw(canvas: Any, template: Any) -> None:
        page = canvas.getPageNumber()
        canvas.saveState()
        canvas.setFont(kit.fonts.regular, 7.5)
        canvas.setFillColor(colors.HexColor("#666666"))
        if doc.furniture == "page_number":
            canvas.drawCentredString(w / 2, m - 4, str(page))
        if doc.furniture in ("page_x_of_y", "footer_number"):
            canvas.drawRightString(w - m, m - 4, f"Page {page} of {total}")
        if doc.furniture in ("footer", "footer_number"):
            canvas.drawString(m, m - 4, doc.style.footer_text)
        if page > 1 and doc.header.repeat == "repeated":
            canvas.setFillColor(colors.HexColor("#333333"))
            canvas.setFont(kit.fonts.regular, 9)
            canvas.drawString(m, h - m - 2, doc.header.kicker)
            canvas.setFont(kit.fonts.bold, 9)
            canvas.drawRightString(w - m, h - m - 2, doc.header.city_line)
        elif page > 1 and doc.header.repeat == "shortened":
            canvas.drawRightString(w - m, h - m - 2, doc.header.short)
        if page == 1 and sidebar:
            side_w = content_width(doc) * SIDEBAR
            top = h - m - TOP - header_h
            frame = Frame(w - m - side_w, m + BOTTOM, side_w, top - m - BOTTOM, 0, 0, 0, 0)
            frame.addFromList([KeepInFrame(side_w, top - m - BOTTOM, list(sidebar), mode="shrink")], canvas)
        canvas.restoreState()

    return draw


def _build(doc: b.Document, kit: Kit, total: int, balance: str) -> tuple[bytes, int]:
    w, h = doc.page
    m = doc.style.margin_mm * MM
    flow = _Flow(doc, kit, balance)
    story: list[Flowable] = []
    segments = _segments(doc)
    for index, segment in enumerate(segments):
        if index:
            story.append(PageBreak())
        story += flow.segment(segment)
    header = header_flowables(kit, doc.header, content_width(doc))
    header_h = sum(f.wrap(content_width(doc), h)[1] for f in header) + 14
    top = h - m - TOP
    body_h = top - header_h - m - BOTTOM
    first = [Frame(m, top - header_h, content_width(doc), header_h, 0, 0, 0, 0, id="header"),
             *_frames(doc, top - header_h, body_h, bool(flow.sidebar), balance)]  # fmt: skip
    later = _frames(doc, top, top - m - BOTTOM, False, balance)
    single = _frames(doc, top, top - m - BOTTOM, False, "balanced")
    draw = _furniture(doc, kit, total, flow.sidebar, header_h)
    buffer = io.BytesIO()
    template = BaseDocTemplate(buffer, pagesize=(w, h), invariant=1, title="City Innovation Snapshot",
                               author="", creator="sweep", subject="")  # fmt: skip
    template.addPageTemplates([PageTemplate("first", first, onPage=draw), PageTemplate("later", later, onPage=draw),
                               PageTemplate("single", single, onPage=draw)])  # fmt: skip
    template.build([*header, FrameBreak(), NextPageTemplate("later"), *story])
    return buffer.getvalue(), template.page


def render_reportlab(doc: b.Document) -> bytes:
    rl_config.invariant = 1
    fonts = register_fonts(doc.style)
    kit = Kit(fonts, doc.style.body_size, doc.style.accent, doc.style.tint, doc.style.justify)
    balance = doc.balance
    try:
        _, pages = _build(doc, kit, 0, balance)
    except ValueError:  # BalancedColumns cannot split some contents: fill the columns in turn instead
        balance = doc.notes["balance"] = "fill_first"
        _, pages = _build(doc, kit, 0, balance)
    pdf, _ = _build(doc, kit, pages, balance)
    return pdf

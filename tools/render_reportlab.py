"""Render a fixture ``Snapshot`` to PDF bytes with reportlab (platypus).

``render(fixture) -> bytes`` is deterministic (``invariant=1``: fixed dates and document id).
Layout: a coloured header band and a footer (page number, optional text) drawn on every page;
one or two frames per page; the Overview panel and the Spotlight are one-cell tables; tiles,
the outcomes grid and its legend are the flowables below, drawn as filled (rounded)
rectangles with centred paragraphs. Standard fonts (Helvetica, Times) cannot print ▶/✓, so
those cities use ZapfDingbats bullets; TrueType cities (DejaVu) use Unicode bullets.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import cache
from pathlib import Path

from reportlab.lib.colors import CMYKColor, Color, HexColor
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from .fixture_model import Bullets, CityFixture, Grid, Para, Section, Snapshot, Style, Tiles
from .fixture_render import (
    LEGEND_WITH,
    LEGEND_WITHOUT,
    SNAPSHOT_TITLE,
    body_text,
    glyphs,
    grid_rows,
    header_line,
    heading_text,
    is_dark,
    markup_to_tags,
    page_label,
    question_numbers,
    rgb,
    tint,
)

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts"))
# style.font -> (regular, bold) PostScript/registered names and, for TrueType, file names
FONTS: dict[str, tuple[str, str, tuple[str, str] | None]] = {
    "Helvetica": ("Helvetica", "Helvetica-Bold", None),
    "Times": ("Times-Roman", "Times-Bold", None),
    "DejaVuSans": ("DejaVuSans", "DejaVuSans-Bold", ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")),
    "DejaVuSerif": ("DejaVuSerif", "DejaVuSerif-Bold",
                    ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf")),
}
INK = "#1f2937"
MUTED = "#6b7280"


def _font_file(name: str) -> Path:
    for folder in FONT_DIRS:
        found = sorted(folder.rglob(name)) if folder.is_dir() else []
        if found:
            return found[0]
    raise FileNotFoundError(f"font file {name} not found under {FONT_DIRS}")


@cache
def fonts(key: str) -> tuple[str, str]:
    """Register (once) and return the (regular, bold) font names for ``style.font``."""
    regular, bold, files = FONTS[key]
    if files is not None:
        pdfmetrics.registerFont(TTFont(regular, str(_font_file(files[0]))))
        pdfmetrics.registerFont(TTFont(bold, str(_font_file(files[1]))))
        pdfmetrics.registerFontFamily(regular, normal=regular, bold=bold, italic=regular,
                                      boldItalic=bold)
    return regular, bold


def colour(hex_colour: str, style: Style) -> Color:
    """The colour in the city's colour space (naive RGB -> CMYK for ``cmyk`` cities)."""
    if style.colour_space == "rgb":
        return HexColor(hex_colour)
    red, green, blue = rgb(hex_colour)
    black = 1 - max(red, green, blue)
    if black >= 1:
        return CMYKColor(0, 0, 0, 1)
    cyan, magenta, yellow = ((1 - c - black) / (1 - black) for c in (red, green, blue))
    return CMYKColor(round(cyan, 3), round(magenta, 3), round(yellow, 3), round(black, 3))


# --------------------------------------------------------------------------- flowables


class CellGrid(Flowable):  # type: ignore[misc]
    """Rows of rounded cells, each with a centred paragraph (tiles and the outcomes grid)."""

    def __init__(self, paragraphs: list[Paragraph], fills: list[Color | None], columns: int,
                 cell_width: float | None = None, stroke: Color | None = None,
                 gap: float = 4, pad: float = 5, min_height: float = 26,
                 radius: float = 3) -> None:
        super().__init__()
        self.paragraphs, self.fills, self.columns = paragraphs, fills, columns
        self.cell_width, self.stroke, self.radius = cell_width, stroke, radius
        self.gap, self.pad, self.min_height = gap, pad, min_height
        self._rows: list[tuple[tuple[int, ...], float]] = []
        self._width = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._width = self.cell_width or (avail_width - self.gap * (self.columns - 1)) / self.columns
        self._rows = []
        for row in grid_rows(len(self.paragraphs), self.columns):
            inner = [self.paragraphs[i].wrap(self._width - 2 * self.pad, avail_height)[1]
                     for i in row]
            self._rows.append((row, max(self.min_height, max(inner) + 2 * self.pad)))
        height = sum(h for _, h in self._rows) + self.gap * (len(self._rows) - 1)
        width = self.columns * self._width + self.gap * (self.columns - 1)
        return width, height

    def draw(self) -> None:
        canvas = self.canv
        top = sum(h for _, h in self._rows) + self.gap * (len(self._rows) - 1)
        for row, height in self._rows:
            bottom = top - height
            for column, index in enumerate(row):
                left = column * (self._width + self.gap)
                fill = self.fills[index]
                if fill is not None:
                    canvas.setFillColor(fill)
                if self.stroke is not None:
                    canvas.setStrokeColor(self.stroke)
                    canvas.setLineWidth(0.6)
                shape = dict(stroke=int(self.stroke is not None), fill=int(fill is not None))
                if self.radius:
                    canvas.roundRect(left, bottom, self._width, height, self.radius, **shape)
                else:
                    canvas.rect(left, bottom, self._width, height, **shape)
                paragraph = self.paragraphs[index]
                _, inner = paragraph.wrap(self._width - 2 * self.pad, height)
                paragraph.drawOn(canvas, left + self.pad, bottom + (height - inner) / 2)
            top = bottom - self.gap


class Legend(Flowable):  # type: ignore[misc]
    """Swatch + label pairs on one line: the only key to the grid's colours."""

    def __init__(self, entries: list[tuple[Color, str]], shape: str, font: str,
                 size: float = 8.5, ink: Color | None = None) -> None:
        super().__init__()
        self.entries, self.shape, self.font, self.size = entries, shape, font, size
        self.ink = ink or HexColor(INK)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, self.size + 6

    def draw(self) -> None:
        canvas = self.canv
        x, middle = 0.0, (self.size + 6) / 2
        for fill, label in self.entries:
            canvas.setFillColor(fill)
            if self.shape == "circle":
                canvas.circle(x + 4.5, middle, 4.5, stroke=0, fill=1)
                x += 9
            elif self.shape == "bar":
                canvas.rect(x, middle - 3, 18, 6, stroke=0, fill=1)
                x += 18
            else:
                canvas.rect(x, middle - 4, 8, 8, stroke=0, fill=1)
                x += 8
            canvas.setFillColor(self.ink)
            canvas.setFont(self.font, self.size)
            canvas.drawString(x + 4, middle - self.size * 0.35, label)
            x += 4 + pdfmetrics.stringWidth(label, self.font, self.size) + 18


# --------------------------------------------------------------------------- styles


class Look:
    """Paragraph styles and colours of one city."""

    def __init__(self, style: Style) -> None:
        self.style = style
        self.regular, self.bold = fonts(style.font)
        narrow = style.columns == 2
        size = 8.8 if narrow else 9.4
        self.size = size
        self.ink = colour(INK, style)
        self.accent = colour(style.accent, style)
        align = TA_JUSTIFY if style.justify else TA_LEFT
        hyphens = {"hyphenationLang": "en_GB", "embeddedHyphenation": 1,
                   "uriWasteReduce": 0.3} if style.justify else {}
        marker, _, _ = glyphs(style)
        # DejaVu Serif has no ✓/✔: Unicode bullets always come from DejaVu Sans
        bullet_font = "ZapfDingbats" if style.bullets == "zapf" else fonts("DejaVuSans")[0]
        self.body = ParagraphStyle("body", fontName=self.regular, fontSize=size,
                                   leading=size * 1.32, textColor=self.ink, alignment=align,
                                   spaceAfter=4, **hyphens)
        self.bullet = ParagraphStyle("bullet", parent=self.body, leftIndent=13, bulletIndent=2,
                                     bulletFontName=bullet_font, bulletFontSize=size - 1,
                                     bulletColor=self.accent, spaceAfter=1.5, alignment=TA_LEFT)
        self.heading = ParagraphStyle("heading", fontName=self.bold, fontSize=size + 2.6,
                                      leading=(size + 2.6) * 1.2, textColor=self.accent,
                                      spaceBefore=9, spaceAfter=4, keepWithNext=1)
        self.panel_title = ParagraphStyle("panel", parent=self.heading, spaceBefore=0)
        # names and URLs are never hyphenated
        self.overview = ParagraphStyle("overview", parent=self.bullet, alignment=TA_LEFT,
                                       bulletFontSize=size - 2, hyphenationLang="")
        self.url = ParagraphStyle("url", parent=self.body, leftIndent=13, alignment=TA_LEFT,
                                  textColor=self.accent, spaceAfter=1, hyphenationLang="")
        self.marker = marker

    def cell(self, text_colour: Color, bold: bool = True, size: float | None = None
             ) -> ParagraphStyle:
        font_size = size or self.size - 0.6
        return ParagraphStyle("cell", fontName=self.bold if bold else self.regular,
                              fontSize=font_size, leading=font_size * 1.2,
                              textColor=text_colour, alignment=TA_CENTER)


# --------------------------------------------------------------------------- blocks


def overview_panel(snapshot: Snapshot, look: Look) -> Flowable:
    rows: list[Flowable] = [Paragraph("Overview", look.panel_title)]
    for line in snapshot.overview:
        text = f"<b>{line.label}</b> {line.value}".rstrip()
        rows.append(Paragraph(text, look.overview, bulletText=look.marker))
        rows.extend(Paragraph(url, look.url) for url in line.urls)
    table = Table([[rows]])
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.9, look.accent),
        ("BACKGROUND", (0, 0), (-1, -1), colour(tint(look.style.accent, 0.92), look.style)),
        ("LEFTPADDING", (0, 0), (-1, -1), 9), ("RIGHTPADDING", (0, 0), (-1, -1), 9),
        ("TOPPADDING", (0, 0), (-1, -1), 7), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


def bullet_list(block: Bullets, look: Look) -> list[Flowable]:
    _, bullet, check = glyphs(look.style)
    glyph = check if block.kind == "check" else bullet
    out: list[Flowable] = []
    for index, text in enumerate(block.texts):
        last = index == len(block.texts) - 1
        punctuation = ("." if last else block.separator) if block.separator else ""
        markup = f"**{text}**{punctuation}" if block.bold and block.bold[index] else text + punctuation
        out.append(Paragraph(markup_to_tags(markup, look.style, "b"), look.bullet,
                             bulletText=glyph))
    return [*out, Spacer(1, 4)]


def tiles(block: Tiles, look: Look) -> Flowable:
    text_colour = colour("#ffffff" if is_dark(look.style.tile_colour) else INK, look.style)
    paragraphs = [Paragraph(body_text(text, look.style), look.cell(text_colour))
                  for text in block.texts]
    fill = colour(look.style.tile_colour, look.style)
    width = 84 if look.style.columns == 2 else 96
    return CellGrid(paragraphs, [fill] * len(paragraphs), len(paragraphs), cell_width=width,
                    gap=6, min_height=34)


def outcomes_grid(block: Grid, look: Look) -> list[Flowable]:
    grid_style, style = look.style.grid, look.style
    marks = {True: grid_style.with_colour, False: grid_style.without_colour}
    paragraphs: list[Paragraph] = []
    fills: list[Color | None] = []
    for text, sufficient in zip(block.texts, block.sufficient, strict=True):
        mark = marks[sufficient]
        if grid_style.coding == "fill":
            ink = colour("#ffffff" if is_dark(mark) else INK, style)
            fills.append(colour(mark, style))
        else:
            ink = colour(mark, style)
            fills.append(colour(grid_style.neutral_fill, style) if grid_style.neutral_fill
                         else None)
        paragraphs.append(Paragraph(body_text(text, style), look.cell(ink)))
    stroke = colour("#c7ccd4", style) if grid_style.coding == "text" else None
    grid = CellGrid(paragraphs, fills, grid_style.columns, stroke=stroke,
                    radius=3 if grid_style.rounded else 0)
    legend = Legend([(colour(grid_style.with_colour, style), LEGEND_WITH),
                     (colour(grid_style.without_colour, style), LEGEND_WITHOUT)],
                    grid_style.swatch, look.regular, ink=look.ink)
    if grid_style.legend == "above":
        return [legend, Spacer(1, 5), grid]
    return [grid, Spacer(1, 6), legend]


def spotlight_box(section: Section, look: Look) -> Flowable:
    title = ParagraphStyle("spot", parent=look.heading, spaceBefore=0)
    rows: list[Flowable] = [Paragraph(section.heading, title)]
    rows.extend(Paragraph(markup_to_tags(block.markup, look.style, "b"), look.body)
                for block in section.blocks if isinstance(block, Para))
    table = Table([[rows]])
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), colour(tint(look.style.accent, 0.86), look.style)),
        ("LEFTPADDING", (0, 0), (-1, -1), 10), ("RIGHTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, -1), 8), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


def section_flowables(section: Section, look: Look, number: int) -> list[Flowable]:
    if section.key == "spotlight":
        return [Spacer(1, 8), spotlight_box(section, look), Spacer(1, 2)]
    out: list[Flowable] = [Paragraph(heading_text(section, look.style, number), look.heading)]
    for block in section.blocks:
        if isinstance(block, Para):
            out.append(Paragraph(markup_to_tags(block.markup, look.style, "b"), look.body))
        elif isinstance(block, Bullets):
            out.extend(bullet_list(block, look))
        elif isinstance(block, Tiles):
            out.extend([tiles(block, look), Spacer(1, 6)])
        elif isinstance(block, Grid):
            out.append(KeepTogether(outcomes_grid(block, look)))
    return out


def story(fixture: CityFixture, look: Look) -> list[Flowable]:
    snapshot = fixture.snapshot
    numbers = question_numbers(snapshot.sections)
    flowables: list[Flowable] = [overview_panel(snapshot, look), Spacer(1, 4)]
    for section in snapshot.sections:
        if section.key == fixture.style.page_two:
            flowables.append(PageBreak())
        flowables.extend(section_flowables(section, look, numbers.get(section.key, 0)))
    return flowables


# --------------------------------------------------------------------------- pages


def furniture(fixture: CityFixture, look: Look, band: float
              ) -> Callable[[Canvas, BaseDocTemplate], None]:
    """Header band and footer, drawn on every page."""
    style, snapshot = fixture.style, fixture.snapshot

    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = doc.pagesize
        canvas.saveState()
        canvas.setFillColor(look.accent)
        canvas.rect(0, height - band, width, band, stroke=0, fill=1)
        canvas.setFillColor(colour("#ffffff", style))
        place = header_line(snapshot.as_printed, snapshot.country)
        if style.header_lines == 1:
            canvas.setFont(look.regular, 15)
            canvas.drawString(18 * mm, height - band + 15, SNAPSHOT_TITLE + " ")
            shift = pdfmetrics.stringWidth(SNAPSHOT_TITLE + " ", look.regular, 15)
            canvas.setFont(look.bold, 15)
            canvas.drawString(18 * mm + shift, height - band + 15, place)
        else:
            canvas.setFont(look.regular, 10)
            canvas.drawString(18 * mm, height - 20, SNAPSHOT_TITLE)
            canvas.setFont(look.bold, 19)
            canvas.drawString(18 * mm, height - band + 13, place)
        canvas.setStrokeColor(look.accent)
        canvas.setLineWidth(0.6)
        canvas.line(18 * mm, 15 * mm, width - 18 * mm, 15 * mm)
        canvas.setFillColor(colour(MUTED, style))
        canvas.setFont(look.regular, 7.5)
        if style.footer:
            canvas.drawString(18 * mm, 10 * mm, style.footer)
        label = page_label(style, canvas.getPageNumber(), 2)  # make_fixtures asserts 2 pages
        canvas.drawRightString(width - 18 * mm, 10 * mm, label)
        canvas.restoreState()

    return draw


def render(fixture: CityFixture) -> bytes:
    style = fixture.style
    look = Look(style)
    page = A4 if style.page_size == "A4" else LETTER
    band = 42.0 if style.header_lines == 1 else 58.0
    margin, gutter = 18 * mm, 7 * mm
    top, bottom = band + 14, 21 * mm
    buffer = io.BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=page, invariant=1, leftMargin=margin,
                          rightMargin=margin, topMargin=top, bottomMargin=bottom,
                          title=f"{SNAPSHOT_TITLE} {fixture.snapshot.as_printed}",
                          author="snapshot-extract fixtures", creator="tools/make_fixtures.py")
    body_width = page[0] - 2 * margin
    body_height = page[1] - top - bottom
    column = (body_width - gutter) / 2 if style.columns == 2 else body_width
    frames = [Frame(margin + i * (column + gutter), bottom, column, body_height, id=f"col{i}",
                    leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
              for i in range(style.columns)]
    doc.addPageTemplates([PageTemplate("page", frames=frames,
                                       onPage=furniture(fixture, look, band))])
    doc.build(story(fixture, look))
    return buffer.getvalue()

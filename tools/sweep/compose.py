"""Content + layout -> the producer-neutral ``Document`` (blocks), and the printed facts the
truth needs (the header's city form, the spotlight title as printed)."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from .blocks import Block, Bullets, Document, Grid, Header, Heading, Pairs, Paragraph, Run, Spotlight, Tiles
from .content import Content, Item, encodable
from .geometry import fit_size, flow_width
from .headings import heading_text, spotlight_title
from .hyphens import hyphenate_blocks
from .pagebreak import insert_page_break
from .phrases import Writer
from .styles import charset_of, sample_style

PAGES_MM = {"a4": (210.0, 297.0), "letter": (215.9, 279.4), "a5": (148.0, 210.0)}
GLYPHS = {"unicode": ("•", "▶", "■", "➤", "●", "◆"), "cp1252": ("•", "●", "■", "◆"), "latin-1": ("●", "■", "◆")}
CHECKS = {"unicode": ("✓", "✔"), "cp1252": ("✓", "✔"), "latin-1": ("✓", "✔")}
COLOURS_FILL = (("#1b4f72", "#aed6f1"), ("#00796b", "#d7dbdd"), ("#c0392b", "#f5cba7"), ("#4a235a", "#d2b4de"),
                ("#0b5394", "#f1c232"), ("#2e7d32", "#bdbdbd"))  # fmt: skip
COLOURS_TEXT = (("#1b4f72", "#e67e22"), ("#00796b", "#c0392b"), ("#2e7d32", "#7f8c8d"), ("#6c3483", "#b9770e"))


@dataclass(frozen=True)
class Printed:
    """Facts of the printed page the truth states: the header's city, the spotlight title."""

    city_as_printed: str
    country_as_printed: str
    spotlight_title: str | None
    adjusted: dict[str, str]  # layout values compose had to change to keep the page plausible


def page_points(page: str) -> tuple[float, float]:
    size, orientation = page.split("_")
    w, h = PAGES_MM[size]
    if orientation == "landscape":
        w, h = h, w
    return w * 72 / 25.4, h * 72 / 25.4


def compose(content: Content, layout: dict[str, str], rng: random.Random) -> tuple[Document, Printed]:
    charset = charset_of(layout["producer"], layout["font"])
    style = sample_style(rng, layout)
    header, city_printed, country_printed = _header(content, layout, charset)
    writer = Writer(content, layout["emphasis"], style.accent, rng.choice(("and", "serial", "as_well_as")))
    page = page_points(layout["page"])
    columns = int(layout["columns"])
    sidebar = layout["spotlight_form"] == "sidebar" and content.spotlight is not None
    column = flow_width(page[0], style.margin_mm, style.column_gap_mm, columns, sidebar)
    adjusted: dict[str, str] = {}
    if sidebar and column < 150:  # text columns beside a sidebar would be too narrow to read
        layout = {**layout, "spotlight_form": "box"}
        adjusted["spotlight_form"] = "box"
        column = flow_width(page[0], style.margin_mm, style.column_gap_mm, columns, False)
    full = flow_width(page[0], style.margin_mm, 0, 1, False)
    builder = _Builder(content, layout, rng, writer, charset, (column, full, style.body_size))
    builder.adjusted.update(adjusted)
    blocks, title = builder.build()
    if layout["hyphenation"] != "off":
        blocks = hyphenate_blocks(blocks)
    blocks, actual_break = insert_page_break(blocks, layout["page_break"], rng)
    balance = layout["balance"]
    spans = any(isinstance(block, Grid) and block.span for block in blocks)
    if layout["producer"] == "reportlab" and columns > 1 and spans and balance == "fill_first":
        balance = builder.adjusted["balance"] = "balanced"  # platypus frames cannot end above a spanning block
    doc = Document(header, tuple(blocks), style, page, columns, balance, layout["furniture"])
    builder.adjusted["page_break"] = actual_break
    return doc, Printed(city_printed, country_printed, title, builder.adjusted)


def _header(content: Content, layout: dict[str, str], charset: str) -> tuple[Header, str, str]:
    case = layout["header_case"]
    name, country = content.city.name, content.city.country
    city = name if case in ("title_city", "lower_kicker") else name.upper()
    if case == "upper_all":
        country = country.upper()
    kicker = {"upper_all": "CITY INNOVATION SNAPSHOT", "lower_kicker": "city innovation snapshot"}.get(
        case, "City Innovation Snapshot"
    )
    sep = " · " if encodable("·", charset) else " | "
    short = f"{city}{sep}City Innovation Snapshot"
    header = Header(kicker, f"{city}, {country}", layout["header"], layout["header_repeat"], short)
    return header, city, country


class _Builder:
    def printable(self, text: str) -> str:
        """Chrome text (headings, separators) in characters the fonts have."""
        if encodable(text, self.charset):
            return text
        return text.replace("’", "'").replace("–", "-").replace("·", "|")

    def __init__(self, content: Content, layout: dict[str, str], rng: random.Random, writer: Writer,
                 charset: str, widths: tuple[float, float, float]) -> None:  # fmt: skip
        self.c, self.layout, self.rng, self.w, self.charset = content, layout, rng, writer, charset
        self.column, self.full, self.size = widths
        self.adjusted: dict[str, str] = {}
        glyphs = GLYPHS.get(charset, GLYPHS["unicode"])
        self.glyph = rng.choice(glyphs)
        self.check = rng.choice(CHECKS.get(charset, CHECKS["unicode"]))
        self.blocks: list[Block] = []

    def heading(self, key: str) -> None:
        lay = self.layout
        text = heading_text(self.rng, key, lay["heading_wording"], lay["heading_case"], lay["heading_numbering"])
        self.blocks.append(Heading(key, self.printable(text)))

    def para(self, runs: tuple[Run, ...]) -> None:
        self.blocks.append(Paragraph(runs))

    def bullets(self, items: tuple[Item, ...], check: bool = False) -> None:
        paras = tuple((Run(item.text),) for item in items)
        self.blocks.append(Bullets(paras, self.layout["marker"], self.check if check else self.glyph))

    def inline(self, field: str) -> bool:
        return self.c.styles[field] == "inline"

    def build(self) -> tuple[list[Block], str | None]:
        self.overview()
        self.organisation()
        title = self.spotlight()
        self.vision_approach()
        self.partnerships()
        self.funding()
        self.impact()
        self.data()
        self.outcomes()
        return self.blocks, title

    def overview(self) -> None:
        o = self.c.overview
        rows: list[tuple[str, tuple[str, ...]]] = []
        for label, value in (("Mayor", o.mayor), ("Term", o.term), ("Innovation Lead", o.lead),
                             ("Population size", o.population_text)):  # fmt: skip
            if value is not None:
                rows.append((label, (value,)))
        if o.websites:
            rows.append(("Innovation / open data website", o.websites))
        join = self.rng.choice((", ", " | ", "; ")) if self.layout["websites"] == "inline" else ""
        if not encodable(join, self.charset):
            join = ", "
        self.heading("overview")
        form = self.layout["overview_form"]
        colon = form in ("bullets", "lines") or self.rng.random() < 0.5
        self.blocks.append(Pairs(tuple(rows), form, join, colon, self.layout["marker"], self.glyph))

    def organisation(self) -> None:
        self.heading("organisation")
        self.para(self.w.organisation())
        inline = self.inline("staff_skills")
        self.para(self.w.staff_intro(inline))
        if not inline:
            self.bullets(self.c.organisation.skills)

    def spotlight(self) -> str | None:
        spot = self.c.spotlight
        if spot is None:
            return None
        case = self.layout["heading_case"]
        kicker, line, shown = spotlight_title(
            self.layout["spotlight_title"], spot.title, case, not encodable("–", self.charset)
        )
        paragraphs = tuple((Run(p),) for p in spot.paragraphs)
        form = self.layout["spotlight_form"]
        if form == "float" and self.column < 300:
            form = self.adjusted["spotlight_form"] = "box"  # a float beside less than 150 pt of text is unreadable
        if form == "float" and self.layout["producer"] == "fpdf2" and self.layout["columns"] != "1":
            form = self.adjusted["spotlight_form"] = "box"  # the fpdf2 placer floats in a single column only
        self.blocks.append(Spotlight(kicker, line, paragraphs, form))
        return shown

    def vision_approach(self) -> None:
        self.heading("vision")
        self.para(self.w.vision())
        inline = self.inline("associations")
        self.para(self.w.associations_intro(inline))
        if not inline:
            self.bullets(self.c.vision.associations)
        self.heading("approach")
        self.para(self.w.approach())
        self.para(self.w.priorities_intro())
        labels = tuple(self.wrapped(item.text, self.layout["tile_wrap"] == "explicit")
                       for item in self.c.approach.priorities)  # fmt: skip
        count = len(labels)
        side = self.layout["tiles_form"] == "side_by_side"
        tile = (self.column - 6 * (count + 1)) / count - 14 if side else self.column * 0.6 - 14
        words = [w for lines in labels for line in lines for w in line.split()]
        size = fit_size(tile, max(words, key=len), self.size)
        self.blocks.append(Tiles(labels, self.layout["tiles_form"], max(size, 6.0)))

    def wrapped(self, text: str, explicit: bool) -> tuple[str, ...]:
        """A label cut over two lines the way a designer would: after "/" or ",", before "and"
        or "&", else near the middle."""
        words = text.split(" ")
        if not explicit or len(words) < 2:
            return (text,)
        cuts = range(1, len(words))
        preferred = [c for c in cuts if words[c - 1] in ("/", "&") or words[c - 1].endswith((",", "/"))]
        preferred += [c for c in cuts if words[c] in ("and", "&")]
        cut = preferred[0] if preferred else (len(words) + 1) // 2
        if words[cut - 1] in ("/", "&"):
            cut = cut if cut < len(words) else cut - 1
        return " ".join(words[:cut]), " ".join(words[cut:])

    def partnerships(self) -> None:
        part = self.c.partnerships
        if part is None:
            return
        self.heading("partnerships")
        for field, items, sentence in (("innovation_partners", part.innovation, self.w.innovation_partners),
                                       ("data_partners", part.data, self.w.data_partners)):  # fmt: skip
            inline = self.inline(field) or not items
            self.para(sentence(inline))
            if not inline:
                self.bullets(items)

    def funding(self) -> None:
        f = self.c.funding
        self.heading("funding")
        inline = self.inline("sources")
        self.para(self.w.funding(inline))
        if f.dedicated and not inline:
            self.bullets(f.sources)
        if f.dedicated:
            inline = self.inline("directed_to")
            self.para(self.w.funding_uses(inline))
            if not inline:
                self.bullets(f.uses)

    def impact(self) -> None:
        impact = self.c.impact
        if impact is None:
            return
        self.heading("impact")
        if self.inline("benefits"):
            self.para(self.w.benefits_sentence())
        else:
            self.bullets(impact.benefits, check=True)
        inline = self.inline("success_factors")
        self.para(self.w.success_factors(inline))
        if not inline:
            self.bullets(impact.factors)

    def data(self) -> None:
        data = self.c.data
        if data is None:
            return
        self.heading("data")
        inline = self.inline("challenges")
        self.para(self.w.data_use(inline))
        if not inline:
            self.para(self.w.challenges_intro())
            self.bullets(data.challenges)
        self.para(self.w.inventory())

    def outcomes(self) -> None:
        out = self.c.outcomes
        if out is None:
            return
        lay = self.layout
        self.heading("outcomes")
        text_style = lay["grid_style"] == "text_colour"
        colours = self.rng.choice(COLOURS_TEXT if text_style else COLOURS_FILL)
        in_sentence = lay["legend_position"] == "in_sentence"
        intro = self.w.outcomes_intro(colours if in_sentence else None)
        explicit = lay["grid_label_wrap"] == "explicit"
        cells = tuple((self.wrapped(item.text, explicit and len(item.text) > 12), flag) for item, flag in out.cells)
        labels = ("with sufficient data", "without sufficient data")
        if self.rng.random() < 0.5:
            labels = ("With sufficient data", "Without sufficient data")
        span, nowrap, size = self.grid_fit(cells)
        grid = Grid(intro, cells, int(lay["grid_columns"]), lay["grid_style"], lay["legend_position"],
                    lay["legend_swatch"], colours, nowrap, span, labels, size)  # fmt: skip
        self.blocks.append(grid)

    def grid_fit(self, cells: tuple[tuple[tuple[str, ...], bool], ...]) -> tuple[bool, bool, float]:
        """(spans the page, no wrapping, font size): a grid whose cells would be too narrow for
        their words spans the page, and one whose labels cannot stay on one line wraps."""
        lay = self.layout
        span = lay["grid_span"] == "full" or lay["columns"] == "1"
        share = 0.75 if lay["legend_position"] == "right" else 1.0
        marker = 14 if lay["grid_style"] == "marker" else 0

        def cell_width(spans: bool) -> float:
            width = self.full if spans else self.column
            return width * share / int(lay["grid_columns"]) - 12 - marker

        words = max((w for lines, _ in cells for line in lines for w in line.split()), key=len)
        if not span and fit_size(cell_width(False), words, 9) < 6.5:
            span = True
            self.adjusted["grid_span"] = "full"
        size = fit_size(cell_width(span), words, self.size * 0.92)
        nowrap = lay["grid_label_wrap"] == "nowrap"
        if nowrap:
            longest = max((" ".join(lines) for lines, _ in cells), key=len)
            if fit_size(cell_width(span), longest, size) < 6.5:
                nowrap = False
                self.adjusted["grid_label_wrap"] = "natural"
            else:
                size = fit_size(cell_width(span), longest, size)
        return span, nowrap, max(size, 5.5)


def with_blocks(doc: Document, blocks: tuple[Block, ...]) -> Document:
    return replace(doc, blocks=blocks)

"""Blocks -> HTML + CSS, for the HTML producers (WeasyPrint, Chromium) and, in the ``story``
dialect (no @page, no CSS columns, no floats, no rounded boxes), for PyMuPDF's Story."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from .blocks import (
    Block,
    Bullets,
    Document,
    Grid,
    Header,
    Heading,
    PageBreak,
    Pairs,
    Para,
    Paragraph,
    Spotlight,  # fmt: skip
    Tiles,
)
from .geometry import column_width, text_colour_on

SYMBOL_FAMILY = "'DejaVu Sans'"


@dataclass(frozen=True)
class HtmlParts:
    css: str
    header: str
    sidebar: str  # the spotlight when it is a page-1 sidebar, else ""
    segments: tuple[str, ...]  # the flow, cut at forced page breaks
    spanning: tuple[str, ...]  # per segment, what spans the columns below them


def _e(text: str) -> str:
    return escape(text, quote=True)


def runs_html(runs: Para) -> str:
    out = []
    for run in runs:
        text = _e(run.text)
        if run.colour:
            text = f'<span style="color:{run.colour}">{text}</span>'
        if run.bold:
            text = f"<b>{text}</b>"
        out.append(text)
    return "".join(out)


class HtmlWriter:
    def __init__(self, doc: Document, dialect: str) -> None:
        self.doc, self.dialect, self.story = doc, dialect, dialect == "story"
        self.counter = 0
        self.discs: dict[str, str] = {}  # story dialect: id -> colour of the discs drawn after placing

    def disc(self, cls: str, colour: str) -> str:
        self.counter += 1
        ident = f"disc{self.counter}"
        self.discs[ident] = colour
        body = "&#160;&#160;" if self.story else ""
        return f'<span class="{cls}" id="{ident}">{body}</span>'

    # ------------------------------------------------------------------ markers
    def marker(self, marker: str, glyph: str, colour: str) -> str:
        if self.story:
            return self.story_marker(marker, glyph, colour)
        if marker == "glyph":
            return f'<span class="mk" style="color:{colour}">{_e(glyph)}</span>'
        if marker == "vector_square":
            return f'<span class="vm" style="background-color:{colour}"></span>'
        if marker == "vector_disc":
            if self.story:  # drawn after placing: Story has no rounded boxes
                return self.disc("vm", colour)
            return f'<span class="vm disc" style="background-color:{colour}"></span>'
        return ""

    def story_marker(self, marker: str, glyph: str, colour: str) -> str:
        """Story has no inline blocks: a glyph, or spaces whose box is filled (square) or gets a
        disc drawn over it after placing."""
        if marker == "glyph":
            return f'<span class="smk" style="color:{colour}">{_e(glyph)}</span>&#160; '
        if marker == "vector_square":
            return f'<span class="ssq" style="background-color:{colour}">&#160;&#160;</span>&#160; '
        if marker == "vector_disc":
            return self.disc("ssq", colour) + "&#160; "
        return ""

    # ------------------------------------------------------------------ blocks
    def block(self, block: Block) -> str:
        if isinstance(block, Heading):
            return f'<h2 class="sec">{_e(block.text)}</h2>'
        if isinstance(block, Paragraph):
            cls = " ".join(c for c, on in (("cut", block.cut), ("cont", block.continues)) if on)
            return f'<p class="{cls}">{runs_html(block.runs)}</p>' if cls else f"<p>{runs_html(block.runs)}</p>"
        if isinstance(block, Bullets):
            return self.bullets(block)
        if isinstance(block, Pairs):
            return self.pairs(block)
        if isinstance(block, Tiles):
            return self.tiles(block)
        if isinstance(block, Grid):
            return self.grid(block)
        if isinstance(block, Spotlight):
            return self.spotlight(block)
        return ""

    def bullets(self, block: Bullets) -> str:
        accent = self.doc.style.accent
        if block.marker == "none":
            items = "".join(f'<p class="item">{runs_html(item)}</p>' for item in block.items)
            return f'<div class="plainlist">{items}</div>'
        if self.story:
            return "".join(f'<p class="sitem">{self.marker(block.marker, block.glyph, accent)}{runs_html(item)}</p>'
                           for item in block.items)  # fmt: skip
        lis = "".join(f"<li>{self.marker(block.marker, block.glyph, accent)}{runs_html(item)}</li>"
                      for item in block.items)  # fmt: skip
        return f'<ul class="list">{lis}</ul>'

    def pairs(self, block: Pairs) -> str:
        colon = ":" if block.colon else ""
        accent = self.doc.style.accent
        rows = []
        for label, values in block.rows:
            shown = [_e(v) for v in values]
            joined = _e(block.inline_join).join(shown) if block.inline_join else "<br>".join(shown)
            if block.form == "table":
                rows.append(f"<tr><th>{_e(label)}{colon}</th><td>{joined}</td></tr>")
            elif block.form == "value_below":
                vals = "".join(f'<div class="val">{v}</div>' for v in ([joined] if block.inline_join else shown))
                rows.append(f'<div class="pair"><div class="lbl">{_e(label)}{colon}</div>{vals}</div>')
            else:
                sep = "<br>" if len(values) > 1 and not block.inline_join else " "
                mark = self.marker(block.marker, block.glyph, accent) if block.form == "bullets" else ""
                tag = "li" if block.form == "bullets" and block.marker != "none" and not self.story else "p"
                rows.append(f'<{tag} class="ovl">{mark}<b>{_e(label)}{colon}</b>{sep}{joined}</{tag}>')
        if block.form == "table":
            return f'<table class="ov">{"".join(rows)}</table>'
        if block.form == "bullets" and block.marker != "none" and not self.story:
            return f'<ul class="list ovlist">{"".join(rows)}</ul>'
        return f'<div class="ovblock">{"".join(rows)}</div>'

    def tiles(self, block: Tiles) -> str:
        labels = ["<br>".join(_e(line) for line in lines) for lines in block.labels]
        if block.form == "plain":
            return "".join(f'<p class="tileplain"><b>{label}</b></p>' for label in labels)
        if block.form == "stacked":
            return "".join(f'<div class="tile stackedtile" style="font-size:{block.size:.1f}pt">{label}</div>'
                           for label in labels)  # fmt: skip
        font = f"font-size:{block.size:.1f}pt"
        cells = "".join(f'<td class="tile" style="{font}">{label}</td>' for label in labels)
        return f'<table class="tiles"><tr>{cells}</tr></table>'

    def spotlight(self, block: Spotlight) -> str:
        title = f'<h3 class="spottitle">{_e(block.title)}</h3>'
        if block.kicker:
            title = f'<div class="spotkicker">{_e(block.kicker)}</div>{title}'
        body = "".join(f"<p>{runs_html(p)}</p>" for p in block.paragraphs)
        if block.form == "plain":
            return f'<h2 class="sec">{_e(block.title)}</h2>{body}' if not block.kicker else f"{title}{body}"
        return f'<div class="spot {block.form}">{title}{body}</div>'

    # ------------------------------------------------------------------ grid
    def swatch(self, shape: str, colour: str) -> str:
        if self.story:
            if shape == "circle":
                return self.disc("ssq", colour)
            body = "&#160;" * (4 if shape == "bar" else 2)
            return f'<span class="ssq" style="background-color:{colour}">{body}</span>'
        return f'<span class="sw {shape}" style="background-color:{colour}"></span>'

    def legend(self, grid: Grid, vertical: bool) -> str:
        items = [f'<span class="lg">{self.swatch(grid.swatch, c)} {_e(label)}</span>'
                 for c, label in zip(grid.colours, grid.legend_labels, strict=True)]  # fmt: skip
        return ("<br>" if vertical else " &#160; &#160; ").join(items)

    def cell(self, grid: Grid, lines: tuple[str, ...], flag: bool, size: float) -> str:
        colour = grid.colours[0 if flag else 1]
        label = "<br>".join(_e(line) for line in lines)
        font = f"font-size:{size:.1f}pt;" + (f"width:{100 / grid.columns:.0f}%;" if self.story else "")
        if grid.style in ("fill_gap", "bordered"):
            return f'<td style="{font}background-color:{colour};color:{text_colour_on(colour)}">{label}</td>'
        if grid.style == "text_colour":
            return f'<td style="{font}color:{colour}"><b>{label}</b></td>'
        mark = self.swatch("circle" if grid.swatch == "circle" else "square", colour)
        return f'<td style="{font}">{mark} {label}</td>'

    def grid(self, grid: Grid, lead: str = "") -> str:
        size = grid.size
        rows = []
        for start in range(0, len(grid.cells), grid.columns):
            chunk = grid.cells[start : start + grid.columns]
            cells = "".join(self.cell(grid, lines, flag, size) for lines, flag in chunk)
            empty = f'<td style="width:{100 / grid.columns:.0f}%"></td>' if self.story else "<td></td>"
            cells += empty * (grid.columns - len(chunk))
            rows.append(f"<tr>{cells}</tr>")
        cls = f"grid g-{grid.style}" + (" nowrap" if grid.nowrap else "")
        gap = self.doc.style.grid_gap
        spacing = "" if grid.style == "bordered" else f' style="border-spacing:{gap}pt"'
        if self.story:  # one table per row: Story moves small tables between columns reliably
            table = "".join(f'<table class="{cls}"{spacing}>{row}</table>' for row in rows)
        else:
            table = f'<table class="{cls}"{spacing}>{"".join(rows)}</table>'
        intro = f"<p>{runs_html(grid.intro)}</p>"
        if grid.legend == "in_sentence":
            body = table
        elif grid.legend == "above":
            body = f'<p class="legend">{self.legend(grid, False)}</p>{table}'
        elif grid.legend == "below" or self.story:  # Story squeezes a grid nested beside its legend to slivers
            body = f'{table}<p class="legend">{self.legend(grid, False)}</p>'
            if grid.legend != "below":
                self.doc.notes["legend_position"] = "below"
        else:
            body = (f'<table class="gridwrap"><tr><td class="gw">{table}</td>'
                    f'<td class="lgcol">{self.legend(grid, True)}</td></tr></table>')  # fmt: skip
        span = " span" if grid.span and self.doc.columns > 1 else ""
        return f'<div class="gridblock{span}">{lead}{intro}{body}</div>'

    def column_width(self) -> float:
        return column_width(self.doc)

    # ------------------------------------------------------------------ header, parts
    def header(self, header: Header) -> str:
        k, c = _e(header.kicker), _e(header.city_line)
        accent = self.doc.style.accent
        if header.arrangement == "one_line":
            return f'<div class="hdr one"><span class="k">{k}</span> <span class="c">{c}</span></div>'
        if header.arrangement == "banner":
            return (f'<table class="hdr banner" style="background-color:{accent}"><tr>'
                    f'<td class="k">{k}</td><td class="c">{c}</td></tr></table>')  # fmt: skip
        if header.arrangement == "city_above":
            return f'<div class="hdr"><div class="c big">{c}</div><div class="k small">{k}</div></div>'
        gap = "gapl" if header.arrangement == "stacked_large_gap" else "gaps"
        return f'<div class="hdr"><div class="k small">{k}</div><div class="c big {gap}">{c}</div></div>'

    def parts(self, css: str) -> HtmlParts:
        segments: list[list[str]] = [[]]
        spanning: list[list[str]] = [[]]
        sidebar = ""
        blocks = self.doc.blocks
        for i, block in enumerate(blocks):
            following = blocks[i + 1] if i + 1 < len(blocks) else None
            if isinstance(block, PageBreak):
                segments.append([])
                spanning.append([])
            elif isinstance(block, Spotlight) and block.form == "sidebar":
                sidebar = self.spotlight(block)
            elif isinstance(block, Heading) and self.spans(following):
                continue  # printed with the spanning grid
            elif isinstance(block, Grid) and self.spans(block):
                lead = self.block(blocks[i - 1]) if i and isinstance(blocks[i - 1], Heading) else ""
                spanning[-1].append(self.grid(block, lead))
            else:
                segments[-1].append(self.block(block))
        return HtmlParts(css, self.header(self.doc.header), sidebar, tuple("".join(s) for s in segments),
                         tuple("".join(s) for s in spanning))  # fmt: skip

    def spans(self, block: Block | None) -> bool:
        return isinstance(block, Grid) and block.span and self.doc.columns > 1

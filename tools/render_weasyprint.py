"""Render a fixture ``Snapshot`` to PDF bytes with WeasyPrint (HTML + CSS -> PDF).

``render(fixture) -> bytes`` is deterministic (fixed ``pdf_identifier``, no dates, subset fonts
stamped with a fixed ``SOURCE_DATE_EPOCH``). The header
band is a ``position: fixed`` block (WeasyPrint repeats it on every page), page numbers and the
footer text are ``@page`` margin boxes, page 2 is a second ``<main>`` with
``break-before: page``; two-column cities set ``column-count: 2``. Justified cities use
``hyphens: auto`` (pyphen) with the city's ``hyphenate-character``; DejaVu fonts shape fi/fl
into ligature glyphs unless ``font-variant-ligatures: none``.
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterator
from contextlib import contextmanager

import weasyprint

from .fixture_model import Bullets, CityFixture, Grid, Para, Section, Snapshot, Style, Tiles
from .fixture_render import (
    LEGEND_WITH,
    LEGEND_WITHOUT,
    SNAPSHOT_TITLE,
    glyphs,
    grid_rows,
    header_line,
    heading_text,
    is_dark,
    markup_to_tags,
    question_numbers,
    tint,
)

FONT_EPOCH = "1577836800"  # 2020-01-01T00:00:00Z
PAGE_WIDTH_MM = {"A4": 210.0, "Letter": 215.9}
INK = "#1f2937"
MUTED = "#6b7280"
SWATCH_CSS = {
    "square": "width: 8pt; height: 8pt;",
    "bar": "width: 18pt; height: 6pt;",
    "circle": "width: 9pt; height: 9pt; border-radius: 50%;",
}


def css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page_counter(style: Style) -> str:
    """``style.page_number`` as a CSS ``content`` value with page counters."""
    parts: list[str] = []
    rest = style.page_number
    while rest:
        head, brace, tail = rest.partition("{")
        if head:
            parts.append(css_string(head))
        if not brace:
            break
        name, _, rest = tail.partition("}")
        parts.append(f"counter({name})")
    return " ".join(parts)


def stylesheet(style: Style) -> str:
    band = 15.0 if style.header_lines == 1 else 20.0
    top, side = band + 6, 16.0
    accent, grid = style.accent, style.grid
    marker, bullet, check = glyphs(style)
    size = 8.4 if style.columns == 2 else 8.8
    with_rule, without_rule = (
        (f"background: {colour}; color: {'#ffffff' if is_dark(colour) else INK};"
         for colour in (grid.with_colour, grid.without_colour))
        if grid.coding == "fill" else
        (f"color: {colour}; background: {grid.neutral_fill or 'none'}; "
         "border: 0.6pt solid #c7ccd4;" for colour in (grid.with_colour, grid.without_colour)))
    corners = "" if grid.rounded else "table.grid td { border-radius: 0; }"
    footer = (f"@bottom-left {{ content: {css_string(style.footer)}; font-size: 7.5pt; "
              f"color: {MUTED}; }}") if style.footer else ""
    return f"""
@page {{
  size: {style.page_size}; margin: {top}mm {side}mm 20mm {side}mm;
  @bottom-right {{ content: {page_counter(style)}; font-size: 7.5pt; color: {MUTED}; }}
  {footer}
}}
html {{ font-family: "{style.font}"; font-size: {size}pt; color: {INK};
  {"font-variant-ligatures: none;" if style.ligatures == "none" else ""} }}
body {{ margin: 0; }}
.band {{ position: fixed; top: -{top}mm; left: -{side}mm; width: {PAGE_WIDTH_MM[style.page_size]}mm;
  height: {band}mm; background: {accent}; color: #ffffff; }}
.band p {{ margin: 0; padding: 0 {side}mm; }}
.band .one {{ font-size: 15pt; padding-top: 4.6mm; }}
.band .small {{ font-size: 10pt; padding-top: 3.2mm; }}
.band .big {{ font-size: 19pt; font-weight: bold; }}
.band strong {{ font-weight: bold; }}
main.cols {{ column-count: 2; column-gap: 7mm; }}
main.page2 {{ break-before: page; }}
h2 {{ font-size: {size + 2.6}pt; color: {accent}; margin: 9pt 0 4pt; break-after: avoid;
  line-height: 1.2; }}
p {{ margin: 0 0 4pt; line-height: 1.32; }}
main p {{ {"text-align: justify; hyphens: auto; hyphenate-character: " + css_string(style.hyphen_char) + ";" if style.justify else ""} }}
ul {{ list-style: none; margin: 0 0 5pt; padding: 0 0 0 13pt; }}
li {{ margin: 0 0 1.5pt; line-height: 1.32; text-indent: -11pt; }}
li::before {{ display: inline-block; width: 11pt; text-indent: 0; color: {accent};
  content: {css_string(bullet)}; }}
ul.check li::before {{ content: {css_string(check)}; }}
.overview {{ border: 0.9pt solid {accent}; background: {tint(accent, 0.92)};
  padding: 7pt 9pt 6pt; margin-bottom: 6pt; break-inside: avoid; }}
.overview h2 {{ margin-top: 0; }}
.overview li::before {{ content: {css_string(marker)}; font-size: {size - 2}pt; }}
.overview .url {{ display: block; color: {accent}; text-indent: 0; }}
.spotlight {{ background: {tint(accent, 0.86)}; padding: 8pt 10pt 5pt; margin: 10pt 0 4pt;
  break-inside: avoid; }}
.spotlight h2 {{ margin-top: 0; }}
table {{ border-collapse: separate; table-layout: fixed; }}
table.tiles {{ border-spacing: 6pt 0; margin: 2pt -6pt 8pt; }}
table.tiles td {{ width: {84 if style.columns == 2 else 96}pt; height: 34pt; padding: 3pt 5pt;
  background: {style.tile_colour}; color: {"#ffffff" if is_dark(style.tile_colour) else INK};
  font-weight: bold; font-size: {size - 0.6}pt; text-align: center; vertical-align: middle;
  border-radius: 3pt; line-height: 1.2; }}
table.grid {{ width: calc(100% + 8pt); border-spacing: 4pt; margin: 0 -4pt; }}
table.grid td {{ height: 26pt; padding: 3pt 5pt; font-weight: bold; font-size: {size - 0.6}pt;
  text-align: center; vertical-align: middle; border-radius: 3pt; line-height: 1.2; }}
table.grid td.with {{ {with_rule} }}
table.grid td.without {{ {without_rule} }}
table.grid td.empty {{ background: none; border: none; }}
{corners}
.legend {{ font-size: 8.5pt; margin: 4pt 0 5pt; }}
.legend .sw {{ display: inline-block; {SWATCH_CSS[grid.swatch]} margin-right: 4pt; }}
.legend .gap {{ display: inline-block; width: 14pt; }}
.legend .sw.with {{ background: {grid.with_colour}; }}
.legend .sw.without {{ background: {grid.without_colour}; }}
.outcomes {{ break-inside: avoid; }}
"""


def header_band(snapshot: Snapshot, style: Style) -> str:
    place = html.escape(header_line(snapshot.as_printed, snapshot.country))
    if style.header_lines == 1:
        return f'<div class="band"><p class="one">{SNAPSHOT_TITLE} <strong>{place}</strong></p></div>'
    return (f'<div class="band"><p class="small">{SNAPSHOT_TITLE}</p>'
            f'<p class="big">{place}</p></div>')


def overview_panel(snapshot: Snapshot) -> str:
    lines = []
    for line in snapshot.overview:
        urls = "".join(f'<span class="url">{html.escape(url)}</span>' for url in line.urls)
        lines.append(f"<li><strong>{html.escape(line.label)}</strong> "
                     f"{html.escape(line.value)}{urls}</li>")
    return f'<div class="overview"><h2>Overview</h2><ul>{"".join(lines)}</ul></div>'


def bullet_list(block: Bullets, style: Style) -> str:
    entries = []
    for index, text in enumerate(block.texts):
        last = index == len(block.texts) - 1
        punctuation = ("." if last else block.separator) if block.separator else ""
        markup = f"**{text}**" if block.bold and block.bold[index] else text
        entries.append(f"<li>{markup_to_tags(markup, style, 'strong')}{punctuation}</li>")
    kind = ' class="check"' if block.kind == "check" else ""
    return f"<ul{kind}>{''.join(entries)}</ul>"


def tiles(block: Tiles, style: Style) -> str:
    cells = "".join(f"<td>{markup_to_tags(text, style, 'strong')}</td>" for text in block.texts)
    return f'<table class="tiles"><tr>{cells}</tr></table>'


def outcomes_grid(block: Grid, style: Style) -> str:
    rows = []
    for row in grid_rows(len(block.texts), style.grid.columns):
        cells = [f'<td class="{"with" if block.sufficient[i] else "without"}">'
                 f"{markup_to_tags(block.texts[i], style, 'strong')}</td>" for i in row]
        cells += ['<td class="empty"></td>'] * (style.grid.columns - len(row))
        rows.append(f"<tr>{''.join(cells)}</tr>")
    table = f'<table class="grid">{"".join(rows)}</table>'
    legend = (f'<p class="legend"><span class="sw with"></span>{LEGEND_WITH}'
              f'<span class="gap"></span><span class="sw without"></span>{LEGEND_WITHOUT}</p>')
    return legend + table if style.grid.legend == "above" else table + legend


def block_html(block: Para | Bullets | Tiles | Grid, style: Style) -> str:
    if isinstance(block, Para):
        return f"<p>{markup_to_tags(block.markup, style, 'strong')}</p>"
    if isinstance(block, Bullets):
        return bullet_list(block, style)
    if isinstance(block, Tiles):
        return tiles(block, style)
    return outcomes_grid(block, style)


def section_html(section: Section, style: Style, number: int) -> str:
    heading = html.escape(heading_text(section, style, number))
    blocks = "".join(block_html(block, style) for block in section.blocks)
    kind = {"spotlight": "spotlight", "outcomes": "outcomes"}.get(section.key, "section")
    return f'<section class="{kind}"><h2>{heading}</h2>{blocks}</section>'


def document_html(fixture: CityFixture) -> str:
    snapshot, style = fixture.snapshot, fixture.style
    numbers = question_numbers(snapshot.sections)
    keys = [section.key for section in snapshot.sections]
    split = keys.index(style.page_two)
    parts = [section_html(section, style, numbers.get(section.key, 0))
             for section in snapshot.sections]
    columns = " cols" if style.columns == 2 else ""
    lang = "en-US" if style.american else "en-GB"
    title = html.escape(f"{SNAPSHOT_TITLE} {snapshot.as_printed}")
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{title}</title><style>{stylesheet(style)}</style></head><body>"
            f"{header_band(snapshot, style)}"
            f'<main class="page1{columns}">{overview_panel(snapshot)}{"".join(parts[:split])}</main>'
            f'<main class="page2{columns}">{"".join(parts[split:])}</main></body></html>')


@contextmanager
def fixed_font_timestamps() -> Iterator[None]:
    """fontTools stamps subset fonts with the current time unless SOURCE_DATE_EPOCH is set."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = FONT_EPOCH
    try:
        yield
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def render(fixture: CityFixture) -> bytes:
    document = weasyprint.HTML(string=document_html(fixture))
    with fixed_font_timestamps():
        pdf: bytes = document.write_pdf(pdf_identifier=f"fixture-{fixture.slug}".encode())
    return pdf

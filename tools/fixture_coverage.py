"""``fixtures/COVERAGE-pdf.md``: what each PDF fixture varies, generated from the fixtures.

The tables are built from each city's ``Style``, ``Snapshot`` and truth, the line-end hyphen
column from ``fixture_check`` (what PyMuPDF extracts), and the symbol-glyph table from a probe
PDF drawn in ZapfDingbats and read back with PyMuPDF and pdfplumber, so the document cannot
drift from the fixtures it describes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import pdfplumber
import pymupdf
from reportlab.pdfgen.canvas import Canvas

from .fixture_check import Report
from .fixture_model import CityFixture, Para, plain
from .fixture_render import glyphs

Row = tuple[object, ...]
READER_NOTES = """\
## What a PDF reader must know

- **Page furniture.** Every page starts with a full-width coloured band holding
  `City Innovation Snapshot <CITY IN CAPS>, <Country>` (white text; one line, or two lines
  with "City Innovation Snapshot" small above the place). The footer holds the page number
  (`1`, `Page 1`, `– 1 –`, `1 / 2`, `Page 1 of 2`) and in some cities a repeated text
  ("Innovation Capacity in Cities", once "City Innovation Snapshot · Innovation Capacity in
  Cities"). reportlab draws band and footer before the body, so they come *first* in
  PyMuPDF's text of every page; WeasyPrint emits them *last*. None of it is content.
- **Columns.** Two-column cities flow column 1 then column 2 on each page; a section may
  continue from the bottom of column 1 into column 2 (Kraków, page 1: funding). WeasyPrint
  balances the columns of page 1 (Montréal). Headings may wrap inside a narrow column.
- **Overview panel.** A bordered, tinted box: "Overview" then one line per fact with a marker
  glyph and a bold label (`Mayor:`, `Term:`, `Innovation Lead:`, `Population size:`,
  `Innovation / open data website:`); the URLs follow on their own lines, without a marker.
  A fact the city does not state has no line at all (Bristol: no Innovation Lead).
- **Spotlight.** A tinted box whose first line is `Spotlight | <title>` in the heading style.
- **Bullets.** The glyph is separate from the item text. Unicode cities print `▶ ► ▸ • ▪ ■ – ✓
  ✔` as text: WeasyPrint puts the glyph right before the text with no space ("•Project
  manager", "▶Mayor:"), reportlab as its own span (in DejaVu Sans even when the body is DejaVu
  Serif). The Overview marker is set smaller than the text, so PyMuPDF may give it a line of
  its own just left of the fact (Düsseldorf). ZapfDingbats cities (reportlab with
  Helvetica/Times) print symbol-font glyphs that extract as letters, control characters or
  even U+00AD (table below): recognise a bullet by its font (`ZapfDingbats`) and position.
  Some bullet lists end items with `;` and the last with `.` (Bristol).
- **Hyphenation.** Justified cities hyphenate words at line ends. reportlab and Besançon
  (WeasyPrint, `hyphenate-character: "-"`) print an ASCII `-`; the other justified
  WeasyPrint cities print U+2010 `‐`. Real compounds also break after their own hyphen
  ("not-|for-profit", "third-|party"): the column "line-end hyphens" lists every split.
- **Ligatures.** Bristol and Reykjavík print U+FB01 `ﬁ` / U+FB02 `ﬂ` code points in body text,
  tiles and grid cells (NFKC gives back "fi"/"fl"; the truth always says "fi"/"fl").
  WeasyPrint cities with DejaVu shape ligature glyphs whose ToUnicode maps back to "fi",
  "ffi", ...: PyMuPDF yields plain letters, pdfplumber one char object whose text is "fi".
- **Tiles.** Priority policy areas are filled rounded rectangles with centred white (or dark)
  bold text that may wrap inside the tile: join the lines of one tile with a space.
- **Outcomes grid.** Cells are rounded rectangles in rows (row-major order = truth order);
  a cell's text may wrap over two or three lines. The meaning is carried only by colour and
  the legend ("With sufficient data" / "Without sufficient data", each after its swatch):
  *fill* cities colour the cell background (text white on dark fills); *text* cities colour
  the cell text and leave cells unfilled (thin grey border) or give every cell the same
  neutral fill. Match cell colour (fill or text) to the swatch colour of the legend. The
  colour pairs differ per city, and the legend sits above or below the grid.
- **Colour spaces and shapes.** Kraków and Medellín write every colour as DeviceCMYK. PyMuPDF
  converts to RGB (drawing fills as 3-tuples, span colours as sRGB ints), and the converted
  values differ from the nominal palette, so compare a cell with the legend swatches of the
  same page, never with fixed colours; pdfplumber reports the CMYK 4-tuples as written.
  reportlab's rounded cells and circle swatches are Bézier paths (pdfplumber `curves`,
  PyMuPDF drawings with `c` items and a bounding `rect`); square cells, bar/square swatches and
  every WeasyPrint background (rounded ones are rectangles under a rounded clip) are
  rectangles (pdfplumber `rects`). Tiles, panels and the header band are filled shapes too.
- **Fonts.** Bold runs use a bold font (`Helvetica-Bold`, `Times-Bold`, `DejaVuSans-Bold`,
  WeasyPrint `DejaVu-Sans-Bold`, `DejaVu-Sans-Bold-Semi-Co…` for the condensed face); PyMuPDF
  sets span flag bit 16 on all of them.
- **Missing sections / negatives.** Kraków has no "How is data used?", Montréal no Spotlight;
  several cities answer in the negative (see the content table).
"""


def _row(cells: Sequence[object]) -> str:
    return "| " + " | ".join(str(cell).replace("|", "\\|") for cell in cells) + " |"


def _table(header: Sequence[str], rows: list[Row]) -> list[str]:
    return [_row(header), _row(["---"] * len(header)), *(_row(row) for row in rows), ""]


def _headings(fixture: CityFixture) -> str:
    style = fixture.style
    flags: list[str] = [style.heading_case]
    flags += ["numbered"] * style.numbered + ["no '?'"] * (not style.question_mark)
    flags += ["curly ’"] * style.curly + ["'organizational'"] * style.american
    return ", ".join(flags)


def _body(fixture: CityFixture) -> str:
    style = fixture.style
    if not style.justify:
        return "ragged right"
    mark = "-" if style.producer == "reportlab" else style.hyphen_char
    return f"justified, hyphen {'U+2010' if mark == chr(0x2010) else repr(mark)}"


def rendering_rows(fixtures: Sequence[CityFixture]) -> list[Row]:
    rows: list[Row] = []
    for fixture in fixtures:
        style = fixture.style
        marks = " ".join(glyphs(style))
        bullets = f"{marks} (ZapfDingbats)" if style.bullets == "zapf" else marks
        rows.append((fixture.file_name, style.producer, style.page_size, style.columns,
                     style.font, bullets, _body(fixture), style.ligatures, _headings(fixture),
                     style.page_two, f"{style.header_lines}-line band", style.colour_space))
    return rows


def grid_rows(fixtures: Sequence[CityFixture]) -> list[Row]:
    rows: list[Row] = []
    for fixture in fixtures:
        grid = fixture.style.grid
        cells = len(fixture.truth["outcomes"]["policy_areas"])
        neutral = grid.neutral_fill or ("none (grey border)" if grid.coding == "text" else "—")
        rows.append((fixture.file_name, grid.coding, grid.with_colour, grid.without_colour,
                     neutral, "rounded" if grid.rounded else "square", grid.legend, grid.swatch,
                     f"{cells} in {grid.columns} columns"))
    return rows


def _printed(fixture: CityFixture, label: str) -> str:
    return next((line.value for line in fixture.snapshot.overview if line.label == label), "—")


def content_rows(fixtures: Sequence[CityFixture]) -> list[Row]:
    rows: list[Row] = []
    for fixture in fixtures:
        truth = fixture.truth
        peers = [truth[key]["peer"]["text"] for key in ("vision", "approach", "funding")
                 if truth[key]["peer"]]
        unmapped = [f"{u['field']}: {u['text']}" for u in truth["unmapped"]]
        warnings = [f"{w['field']} {w['code']}" for w in truth["warnings"]]
        population = _printed(fixture, "Population size:").replace("\u00a0", "&lt;NBSP&gt;")
        rows.append((fixture.file_name, population, _printed(fixture, "Term:"),
                     truth["organisation"]["staff_count"] or "—", "; ".join(peers),
                     "; ".join(unmapped) or "—", "; ".join(warnings) or "—",
                     "; ".join(fixture.notes)))
    return rows


def _source_text(fixture: CityFixture) -> str:
    """Everything the city prints, as plain text (to tell real hyphens from hyphenation)."""
    parts = [line.value for line in fixture.snapshot.overview]
    for section in fixture.snapshot.sections:
        parts.append(section.heading)
        for block in section.blocks:
            parts += [block.markup] if isinstance(block, Para) else list(block.texts)
    return plain(" ".join(parts))


def hyphen_rows(fixtures: Sequence[CityFixture], reports: dict[str, Report]
                ) -> list[Row]:
    rows: list[Row] = []
    for fixture in fixtures:
        source = _source_text(fixture)
        real: list[str] = []
        soft: list[str] = []
        for split in reports[fixture.slug].line_end_hyphens:
            before, after = split.split("|")
            (real if f"{before[:-1]}-{after}".strip(".,;") in source else soft).append(split)
        rows.append((fixture.file_name, ", ".join(real) or "—", ", ".join(soft) or "—"))
    return rows


def zapf_rows(fixtures: Sequence[CityFixture]) -> list[Row]:
    """Draw every ZapfDingbats glyph the fixtures use, read each back with both libraries."""
    used = sorted({g for f in fixtures if f.style.bullets == "zapf" for g in glyphs(f.style)})
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    for index, glyph in enumerate(used):
        canvas.setFont("ZapfDingbats", 12)
        canvas.drawString(72, 720 - 20 * index, glyph)
    canvas.save()
    with pymupdf.open(stream=buffer.getvalue(), filetype="pdf") as document:  # type: ignore[no-untyped-call]
        lines = [line for block in document[0].get_text("dict")["blocks"]
                 for line in block.get("lines", [])]
        by_mupdf = ["".join(span["text"] for span in line["spans"]) for line in lines]
    with pdfplumber.open(io.BytesIO(buffer.getvalue())) as document:
        by_plumber = [char["text"] for char in sorted(document.pages[0].chars,
                                                      key=lambda char: char["top"])]
    return [(f"{glyph} U+{ord(glyph):04X}", f"{mupdf!r} U+{ord(mupdf[0]):04X}", repr(plumber))
            for glyph, mupdf, plumber in zip(used, by_mupdf, by_plumber, strict=True)]


def coverage_markdown(fixtures: Sequence[CityFixture], reports: dict[str, Report]) -> str:
    lines = [
        "# PDF fixture coverage",
        "",
        "Generated by `python -m tools.make_fixtures` from `fixtures/pdf/cities/`; do not edit. "
        "Each `<city>.pdf` has its truth in `<city>.expected.json`. Enschede prints the real "
        "seed; every other city, person, programme and web address is invented.",
        "",
        "## Rendering",
        "",
        *_table(("file", "producer", "page", "columns", "font", "bullets (overview / list / "
                 "check)", "body", "ligatures", "headings", "page 2 starts with", "header",
                 "colours"), rendering_rows(fixtures)),
        "## Outcomes grid",
        "",
        *_table(("file", "coded by", "with sufficient data", "without sufficient data",
                 "cell fill", "cell corners", "legend", "swatch", "cells"), grid_rows(fixtures)),
        "## Content",
        "",
        *_table(("file", "population as printed", "term as printed", "staff count",
                 "peer phrases", "unmapped", "warnings", "notes"), content_rows(fixtures)),
        "## Line-end hyphens (as PyMuPDF extracts them; `|` = line break)",
        "",
        *_table(("file", "real compounds split at a line end", "hyphenation hyphens"),
                hyphen_rows(fixtures, reports)),
        READER_NOTES,
        "### ZapfDingbats bullets as extracted",
        "",
        *_table(("glyph drawn", "PyMuPDF get_text", "pdfplumber char"), zapf_rows(fixtures)),
    ]
    return "\n".join(lines)

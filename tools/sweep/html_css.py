"""The style sheet of an HTML-produced snapshot (page size, furniture, columns, blocks)."""

from __future__ import annotations

from .blocks import Document

FURNITURE_FONT = "font-size: 7.5pt; color: #666666;"


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page_rules(doc: Document) -> str:
    """@page with size, margins and the margin boxes (page numbers, footer, repeated header)."""
    w, h = doc.page
    boxes: list[str] = []
    furniture = doc.furniture
    if furniture in ("page_number",):
        boxes.append(f"@bottom-center {{ content: counter(page); {FURNITURE_FONT} }}")
    if furniture in ("page_x_of_y", "footer_number"):
        boxes.append(f'@bottom-right {{ content: "Page " counter(page) " of " counter(pages); {FURNITURE_FONT} }}')
    if furniture in ("footer", "footer_number"):
        boxes.append(f"@bottom-left {{ content: {_q(doc.style.footer_text)}; {FURNITURE_FONT} }}")
    header = doc.header
    first = ""
    if header.repeat == "repeated":
        size = "font-size: 9pt; color: #333333;"
        boxes.append(f"@top-left {{ content: {_q(header.kicker)}; {size} }}")
        boxes.append(f"@top-right {{ content: {_q(header.city_line)}; {size} font-weight: bold; }}")
        first = "@page :first { @top-left { content: none } @top-right { content: none } }"
    elif header.repeat == "shortened":
        boxes.append(f"@top-right {{ content: {_q(header.short)}; {FURNITURE_FONT} }}")
        first = "@page :first { @top-right { content: none } }"
    margin = doc.style.margin_mm
    return (
        f"@page {{ size: {w:.2f}pt {h:.2f}pt; margin: {margin + 4:.0f}mm {margin:.0f}mm; {' '.join(boxes)} }}\n{first}"
    )


def base_rules(doc: Document, story: bool) -> str:
    s = doc.style
    accent, tint = s.accent, s.tint
    family = (
        f"'{s.font_family}'"
        if s.font_family not in ("Helvetica", "Times-Roman")
        else ("Helvetica" if s.font_family == "Helvetica" else "Times")
    )
    justify = "p { text-align: justify; } p.cut { text-align-last: justify; }" if s.justify else ""
    return f"""
html {{ font-family: {family}, 'DejaVu Sans', sans-serif; font-size: {s.body_size:.1f}pt; line-height: 1.28;
       color: #1a1a1a; }}
body {{ margin: 0; }}
{justify}
.hdr {{ margin: 0 0 12pt 0; }}
.hdr.one {{ font-size: 15pt; }}
.hdr.one .c {{ font-weight: bold; color: {accent}; }}
table.hdr.banner {{ width: 100%; border-collapse: collapse; }}
table.hdr.banner td {{ padding: 7pt 9pt; vertical-align: baseline; font-size: 13pt; color: #ffffff; }}
table.hdr.banner td.c {{ text-align: right; font-weight: bold; }}
.hdr .small {{ font-size: 10pt; letter-spacing: 0.04em; }}
.hdr .big {{ font-size: 20pt; font-weight: bold; color: {accent}; }}
.gaps {{ margin-top: 2pt; }}
.gapl {{ margin-top: 42pt; }}
h2.sec {{ font-size: 1.22em; margin: 0.8em 0 0.3em 0; color: {accent}; }}
h3.spottitle {{ font-size: 1.1em; margin: 0 0 0.3em 0; color: {accent}; }}
p {{ margin: 0 0 0.45em 0; }}
p.cut {{ margin-bottom: 0; }}
p.cont {{ margin-top: 0; }}
ul.list {{ list-style: none; margin: 0 0 0.45em 0; padding: 0; }}
ul.list li {{ padding-left: 1.3em; text-indent: -1.3em; margin: 0 0 0.12em 0; }}
.mk {{ display: inline-block; width: 1.3em; text-indent: 0; font-family: 'DejaVu Sans'; }}
.vm {{ display: inline-block; width: 0.5em; height: 0.5em; margin-right: 0.8em; vertical-align: 0.1em; }}
.plainlist p.item {{ margin: 0 0 0.15em 0; }}
p.sitem {{ margin: 0 0 0.15em 0; padding-left: 1.3em; text-indent: -1.3em; }}
.smk {{ font-family: 'DejaVu Sans'; }}
.ssq {{ font-size: 0.6em; }}
p.ovl {{ margin: 0 0 0.15em 0; }}
table.ov {{ border-collapse: collapse; margin: 0 0 0.5em 0; }}
table.ov th {{ text-align: left; padding: 1.5pt 10pt 1.5pt 0; vertical-align: top; font-weight: bold; }}
table.ov td {{ padding: 1.5pt 0; vertical-align: top; }}
.pair {{ margin: 0 0 0.35em 0; }}
.pair .lbl {{ font-weight: bold; }}
table.tiles {{ width: 100%; border-collapse: separate; border-spacing: 6pt 0; margin: 0.3em 0 0.6em 0;
       table-layout: fixed; }}
td.tile, div.stackedtile {{ background-color: {tint}; border: 1pt solid {accent}; padding: 6pt; text-align: center;
       font-weight: bold; color: {accent}; vertical-align: middle; }}
div.stackedtile {{ margin: 0 0 4pt 0; width: 60%; }}
p.tileplain {{ margin: 0 0 0.2em 0; color: {accent}; }}
div.spot {{ background-color: {tint}; padding: 6pt 8pt; margin: 0.6em 0; }}
div.spot.box {{ border-left: 3pt solid {accent}; }}
.spotkicker {{ font-size: 0.8em; letter-spacing: 0.1em; color: {accent}; font-weight: bold; }}
table.grid {{ width: 100%; margin: 0.3em 0; }}
table.grid td {{ padding: 4pt 5pt; vertical-align: middle; }}
table.g-bordered {{ border-collapse: collapse; }}
table.g-bordered td {{ border: 0.8pt solid #444444; }}
table.nowrap td {{ white-space: nowrap; }}
.sw {{ display: inline-block; width: 0.75em; height: 0.75em; }}
.sw.bar {{ width: 1.8em; height: 0.45em; }}
p.legend {{ margin: 0.3em 0; font-size: 0.9em; }}
table.gridwrap {{ width: 100%; border-collapse: collapse; }}
td.gw {{ width: 75%; vertical-align: top; }}
td.lgcol {{ vertical-align: top; padding-left: 8pt; font-size: 0.9em; line-height: 1.8; white-space: nowrap; }}
""" + ("" if story else _screen_rules(doc))


def _screen_rules(doc: Document) -> str:
    """What only a full CSS engine draws: columns, floats, rounded shapes, the sidebar."""
    gap = doc.style.column_gap_mm
    fill = "balance" if doc.balance == "balanced" else "auto"
    tint = doc.style.tint
    return f"""
.flow {{ display: flow-root; column-count: {doc.columns}; column-gap: {gap:.0f}mm; column-fill: {fill}; }}
.seg {{ break-before: page; }}
h2.sec {{ break-after: avoid; }}
.vm.disc, .sw.circle {{ border-radius: 50%; }}
table.grid {{ table-layout: fixed; }}
div.spot.box {{ break-inside: avoid; }}
div.spot.float {{ float: right; width: 46%; margin: 0 0 0.4em 0.8em; }}
aside.sidebar {{ float: right; width: 27%; margin: 0 0 8pt 12pt; background-color: {tint}; padding: 8pt; }}
aside.sidebar div.spot {{ margin: 0; padding: 0; }}
.gridblock.span {{ column-span: all; }}
table.tiles {{ table-layout: fixed; break-inside: avoid; }}
"""

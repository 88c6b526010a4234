"""The two full-CSS producers: WeasyPrint (Python) and headless Chromium (Debian's ``chromium``)."""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

from .blocks import Document
from .html_css import base_rules, page_rules
from .html_engine import HtmlParts, HtmlWriter

PINNED_DATE = b"20200101000000"
CHROMIUM = "chromium"


def full_html(doc: Document, span_inside: bool = True) -> str:
    """The page as HTML. A grid spanning the columns is inside the columns' box with
    ``column-span: all`` (Chromium) or a block after it (WeasyPrint: its column-span breaks pages)."""
    css = page_rules(doc) + base_rules(doc, story=False)
    parts: HtmlParts = HtmlWriter(doc, "full").parts(css)
    sidebar = f'<aside class="sidebar">{parts.sidebar}</aside>' if parts.sidebar else ""
    segments = []
    for i, (flow, spanning) in enumerate(zip(parts.segments, parts.spanning, strict=True)):
        cls = "flow seg" if i else "flow"
        if span_inside:
            segments.append(f'<div class="{cls}">{flow}{spanning}</div>')
        else:
            segments.append(f'<div class="{cls}">{flow}</div>{spanning}')
    return (
        f'<!DOCTYPE html><html lang="{doc.lang}"><head><meta charset="utf-8">'
        f"<title>City Innovation Snapshot</title><style>{parts.css}</style></head>"
        f"<body>{parts.header}{sidebar}{''.join(segments)}</body></html>"
    )


def render_weasyprint(doc: Document) -> bytes:
    import weasyprint

    pdf = weasyprint.HTML(string=full_html(doc, span_inside=False)).write_pdf(
        pdf_identifier=b"snapshot-sweep", uncompressed_pdf=False
    )
    assert pdf is not None
    return bytes(pdf)


def render_chromium(doc: Document, binary: str = CHROMIUM) -> bytes:
    with tempfile.TemporaryDirectory(prefix="sweep-chromium-") as tmp:
        source, target = Path(tmp, "in.html"), Path(tmp, "out.pdf")
        source.write_text(full_html(doc), encoding="utf-8")
        command = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                   f"--user-data-dir={tmp}/profile", f"--print-to-pdf={target}", source.as_uri()]  # fmt: skip
        subprocess.run(command, check=True, capture_output=True, timeout=120)
        return pin_dates(target.read_bytes())


def pin_dates(pdf: bytes) -> bytes:
    """Chromium stamps the time of printing: overwrite it in place (same length, offsets kept)."""
    return re.sub(rb"\(D:\d{14}", b"(D:" + PINNED_DATE, pdf)

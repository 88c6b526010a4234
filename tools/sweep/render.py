"""One document from (seed, index): layout, content, blocks, PDF bytes and truth."""

from __future__ import annotations

import hashlib
import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pymupdf as _pymupdf

from .blocks import Document
from .compose import Printed, compose
from .content import Content, ContentChoices, sample_content
from .space import PRODUCERS, Layout, grid_cell_count, sample_layout
from .styles import charset_of
from .truth import build_truth

pymupdf: Any = _pymupdf  # untyped library: calls go through Any

Producer = Callable[[Document], bytes]


def producer(name: str) -> Producer:
    """The renderer of one producer (imported on demand: each pulls in its own library)."""
    if name == "reportlab":
        from .rl_engine import render_reportlab

        return render_reportlab
    if name == "weasyprint":
        from .html_producers import render_weasyprint

        return render_weasyprint
    if name == "chromium":
        from .html_producers import render_chromium

        return render_chromium
    if name == "pymupdf":
        from .mupdf_engine import render_mupdf

        return render_mupdf
    from .fpdf_engine import render_fpdf

    return render_fpdf


@dataclass(frozen=True)
class Rendered:
    name: str
    pdf: bytes
    truth: dict[str, Any]
    layout: Layout
    printed: Printed
    content: Content
    furniture: tuple[str, ...]  # page furniture strings (not content)


def document_name(layout: Layout, content: Content, index: int) -> str:
    plain = unicodedata.normalize("NFKD", content.city.name.lower().replace("ł", "l").replace("ß", "ss"))
    letters = "".join(ch for ch in plain if not unicodedata.combining(ch))
    slug = "-".join("".join(ch if ch.isascii() and ch.isalnum() else " " for ch in letters).split())
    return f"{index:04d}-{layout['producer']}-{slug}"


def choices_for(layout: Layout, rng: random.Random) -> ContentChoices:
    return ContentChoices(
        charset=charset_of(layout["producer"], layout["font"]), list_form=layout["list_form"],
        websites=layout["websites"], tiles_count=layout.number("tiles_count"),
        grid_cells=grid_cell_count(rng, layout), spotlight=layout["spotlight_form"] != "none",
        missing=layout["missing"], unmapped=layout["unmapped"],
    )  # fmt: skip


def plan(
    seed: int, index: int, producers: tuple[str, ...] = PRODUCERS, overrides: dict[str, str] | None = None
) -> tuple[Layout, Content, Document, Printed]:
    """Everything but the rendering: deterministic in (seed, index, producers, overrides)."""
    layout = sample_layout(random.Random(f"sweep:{seed}:{index}:layout"), producers, overrides)
    rng = random.Random(f"sweep:{seed}:{index}:content")
    content = sample_content(rng, choices_for(layout, rng))
    doc, printed = compose(content, layout.as_dict(), random.Random(f"sweep:{seed}:{index}:compose"))
    for name, value in printed.adjusted.items():
        layout = layout.with_value(name, value)
    return layout, content, doc, printed


def render(
    seed: int, index: int, producers: tuple[str, ...] = PRODUCERS, overrides: dict[str, str] | None = None
) -> Rendered:
    layout, content, doc, printed = plan(seed, index, producers, overrides)
    pdf = producer(layout["producer"])(doc)
    for key, value in doc.notes.items():  # what the producer had to draw otherwise
        layout = layout.with_value(key, value)
    name = document_name(layout, content, index)
    with pymupdf.open("pdf", pdf) as opened:
        pages = opened.page_count
    truth = build_truth(content, file=f"{name}.pdf", sha256=hashlib.sha256(pdf).hexdigest(), pages=pages,
                        city_as_printed=printed.city_as_printed, country_as_printed=printed.country_as_printed,
                        spotlight_title=printed.spotlight_title)  # fmt: skip
    header = doc.header
    furniture = (header.kicker, header.city_line, header.short, doc.style.footer_text)
    return Rendered(name, pdf, truth, layout, printed, content, furniture)

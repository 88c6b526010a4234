"""Drawing: a page image with its marks boxed and labelled in the gutters either side."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pymupdf as _pymupdf

from ..geometry import union_box
from ..models import RGB, BBox
from .marks import CELL_COLOURS, GREEN, Mark

LEFT_GUTTER = RIGHT_GUTTER = 225.0
FONT_SIZE, LINE_STEP = 6.5, 8.4
pymupdf: Any = _pymupdf  # the library is untyped: keep its calls out of mypy's strict checks


def render_page(pdf: Any, number: int, marks: Sequence[Mark], out_dir: Path, dpi: int,
                 picture: bytes | None = None) -> Path:
    """The page between its gutters with its marks; a page read by OCR is shown as ``picture``
    (the page turned straight, as its boxes are)."""
    source = pdf[number - 1]
    width, height = source.rect.width, source.rect.height
    canvas_doc = pymupdf.open()
    page = canvas_doc.new_page(width=LEFT_GUTTER + width + RIGHT_GUTTER, height=height)
    shape = page.new_shape()
    shape.draw_rect(page.rect)
    shape.finish(color=None, fill=(0.96, 0.96, 0.97))
    shape.draw_rect(pymupdf.Rect(LEFT_GUTTER, 0, LEFT_GUTTER + width, height))
    shape.finish(color=(0.7, 0.7, 0.7), fill=(1, 1, 1), width=0.5)
    shape.commit()
    if picture is not None:
        page.insert_image(pymupdf.Rect(LEFT_GUTTER, 0, LEFT_GUTTER + width, height), stream=picture)
    else:
        page.show_pdf_page(pymupdf.Rect(LEFT_GUTTER, 0, LEFT_GUTTER + width, height), pdf, number - 1)
    shape = page.new_shape()
    mine = [mark for mark in marks if mark.page == number]
    _draw_boxes(shape, mine)
    _draw_cell_tags(shape, [mark for mark in mine if mark.kind == "cell"])
    labelled = _gutter_marks(mine)
    for side in ("left", "right"):
        _draw_gutter_labels(shape, [m for m in labelled if _side(m, width) == side], side, width, height)
    shape.commit()
    target = out_dir / f"page-{number}.png"
    page.get_pixmap(dpi=dpi, alpha=False).save(target)
    canvas_doc.close()
    return target


def _shift(box: BBox) -> Any:
    return pymupdf.Rect(box[0] + LEFT_GUTTER, box[1], box[2] + LEFT_GUTTER, box[3])


def _draw_boxes(shape: Any, marks: Sequence[Mark]) -> None:
    order = {"section": 0, "legend": 1, "cell": 2, "heading": 3, "field": 4, "unmapped": 5}
    for mark in sorted(marks, key=lambda m: order[m.kind]):
        rect = _shift(mark.bbox)
        shape.draw_rect(rect)
        if mark.kind == "section":
            shape.finish(color=mark.colour, width=0.8, dashes="[4 2] 0", stroke_opacity=0.8)
        elif mark.kind == "cell":
            shape.finish(color=mark.colour, width=2.0)
        elif mark.kind == "heading":
            shape.finish(color=mark.colour, fill=mark.colour, width=1.2, fill_opacity=0.08)
        elif mark.kind == "legend":
            shape.finish(color=(0.1, 0.1, 0.1), width=1.0, dashes="[2 1] 0")
        else:
            shape.finish(color=mark.colour, fill=mark.colour, width=0.9, fill_opacity=0.13)


def _draw_cell_tags(shape: Any, cells: Sequence[Mark]) -> None:
    size = 5.5
    for mark in cells:
        rect = _shift(mark.bbox)
        text = mark.label
        # On the tile's top border, so that it hides neither the cell's text nor the next tile.
        tag = pymupdf.Rect(rect.x0 + 2, rect.y0 - 3.4, rect.x0 + 5 + pymupdf.get_text_length(text, "hebo", size),
                           rect.y0 + 3.4)  # fmt: skip
        shape.draw_rect(tag)
        shape.finish(color=mark.colour, fill=(1, 1, 1), width=0.5)
        shape.insert_text((tag.x0 + 1.5, tag.y1 - 1.5), text, fontsize=size, fontname="hebo", color=mark.colour)


def _gutter_marks(marks: Sequence[Mark]) -> list[Mark]:
    """Marks labelled in a gutter: section headings, fields outside the grid (one summary for
    the grid), unmapped items and the legend."""
    chosen = [m for m in marks if m.kind in ("heading", "unmapped", "legend")
              or m.kind == "field" and not all(p.startswith("outcomes.") for p in m.paths)]  # fmt: skip
    cells = [m for m in marks if m.kind == "cell"]
    if cells:
        counts = {kind: sum(1 for m in cells if m.label == kind) for kind in CELL_COLOURS}
        summary = ", ".join(f"{n} {kind}" for kind, n in counts.items() if n)
        grid = union_box(m.bbox for m in cells)
        assert grid is not None
        chosen.append(Mark(cells[0].page, grid, "field", f"outcomes grid: {len(cells)} cells ({summary})", GREEN))
    return sorted(chosen, key=lambda m: ((m.bbox[1] + m.bbox[3]) / 2, m.bbox[0]))


def _side(mark: Mark, width: float) -> str:
    """The nearer gutter: left for a box in the left part of the page (a left column, a bullet)."""
    middle = (mark.bbox[0] + mark.bbox[2]) / 2
    return "left" if middle < width * 0.45 and mark.bbox[2] < width * 0.6 else "right"


def _stack(wanted: Sequence[float], height: float) -> list[float]:
    """Label heights near ``wanted`` (sorted), at least ``LINE_STEP`` apart, inside the page."""
    placed: list[float] = []
    for y in wanted:
        placed.append(max(y, placed[-1] + LINE_STEP if placed else 8.0))
    for index in range(len(placed) - 1, -1, -1):  # push back up what ran off the bottom
        limit = height - 6 if index == len(placed) - 1 else placed[index + 1] - LINE_STEP
        placed[index] = min(placed[index], limit)
    return placed


def _draw_gutter_labels(shape: Any, marks: Sequence[Mark], side: str, width: float, height: float) -> None:
    """Labels stacked in one gutter near their box's height, a leader line to each box."""
    wanted = [(m.bbox[1] + m.bbox[3]) / 2 for m in marks]
    left = side == "left"
    edge = LEFT_GUTTER if left else LEFT_GUTTER + width  # the page edge on this side
    step = -1 if left else 1
    for mark, y, anchor in zip(marks, _stack(wanted, height), wanted, strict=True):
        colour = (0.1, 0.1, 0.1) if mark.kind == "legend" else mark.colour
        font = "hebo" if mark.kind == "heading" else "helv"
        box_x = mark.bbox[0] + LEFT_GUTTER if left else mark.bbox[2] + LEFT_GUTTER
        shape.draw_line((box_x, anchor), (edge + 4 * step, anchor))
        shape.draw_line((edge + 4 * step, anchor), (edge + 12 * step, y))
        shape.finish(color=colour, width=0.4, stroke_opacity=0.6)
        swatch = 8.5 if mark.kind == "legend" else 0.0
        text = _fit(mark.label, (LEFT_GUTTER if left else RIGHT_GUTTER) - 18 - swatch, FONT_SIZE, font)
        length = pymupdf.get_text_length(text, font, FONT_SIZE) + swatch
        x = edge - 14 - length if left else edge + 14
        if swatch:
            shape.draw_rect(pymupdf.Rect(x, y - 3.2, x + 6.4, y + 3.2))
            shape.finish(color=(0, 0, 0), fill=mark.colour, width=0.3)
        shape.insert_text((x + swatch, y + 2.3), text, fontsize=FONT_SIZE, fontname=font, color=_darker(colour))


def _darker(colour: RGB) -> RGB:
    return (colour[0] * 0.7, colour[1] * 0.7, colour[2] * 0.7)


def _fit(text: str, room: float, size: float, font: str) -> str:
    """``text`` cut with "..." to fit ``room`` points; non-Latin-1 characters become "?"."""
    text = text.encode("latin-1", "replace").decode("latin-1")
    if pymupdf.get_text_length(text, font, size) <= room:
        return text
    while text and pymupdf.get_text_length(text + "...", font, size) > room:
        text = text[:-1]
    return text + "..."



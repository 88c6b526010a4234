"""Overlay: one snapshot PDF -> page images with every detection drawn on them, and an HTML page.

Contract: ``inspect_pdf(path, out_dir)`` extracts the record and writes ``page-<n>.png`` per page
(PyMuPDF, ``dpi``), ``record.json`` and ``index.html`` into ``out_dir``. Each image is the page
between two gutters; every box is labelled in the nearer one, with a leader line:

- sections: the heading box (solid) and the extent of the section's lines (dashed), purple;
- field values, from ``record.provenance``: green when the Term's score is confident (or a
  scalar without a warning), amber below that (or a scalar a warning names), red for ``unmapped`` items
  (found again on the page by their text);
- the outcomes grid: every tile outlined by its classification (with / without / doubtful /
  unclassified) and tagged; the legend swatches with their colour.

``index.html`` shows the images beside the record (field, value, score, page); pointing at a row
highlights its boxes, clicking scrolls to them. It needs no network. A text dump raises
``NotAPdf``; unreadable input and non-snapshots raise like ``extract``. Boxes assume unrotated
pages (the readers' coordinates).
"""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pymupdf as _pymupdf

from ..errors import SnapshotError, UnreadableInput
from ..export.records import record_json
from ..geometry import union_box
from ..models import RGB, BBox, Document, Record, Section, Sections
from ..pipeline import parse_document
from ..read import PdfOptions, read_document
from ..read.ocr import straight_page_image
from ..vocabulary import Vocabulary, load_vocabulary

Kind = Literal["section", "heading", "field", "unmapped", "legend", "cell"]
GREEN, AMBER, RED = (0.05, 0.6, 0.25), (0.95, 0.55, 0.0), (0.85, 0.1, 0.1)
PURPLE, GREY = (0.5, 0.2, 0.75), (0.45, 0.45, 0.45)
CELL_COLOURS: dict[str, RGB] = {"with": (0.0, 0.35, 0.95), "without": (0.2, 0.2, 0.2),
                                "doubtful": (0.9, 0.0, 0.6), "unclassified": GREY}  # fmt: skip
LEFT_GUTTER = RIGHT_GUTTER = 225.0
FONT_SIZE, LINE_STEP = 6.5, 8.4
WITH, WITHOUT = "outcomes.with_sufficient_data", "outcomes.without_sufficient_data"
_LEGEND_RE = re.compile(r"^(with|without)\s+sufficient\s+data\.?$", re.I)
_INDEX_RE = re.compile(r"^(?P<base>.*)\[(?P<index>\d+)\]$")
pymupdf: Any = _pymupdf  # the library is untyped: keep its calls out of mypy's strict checks


class NotAPdf(UnreadableInput):
    code = "not_a_pdf"


@dataclass(frozen=True)
class Mark:
    """One box to draw: ``paths`` are the record paths (or section keys) it stands for."""

    page: int
    bbox: BBox
    kind: Kind
    label: str
    colour: RGB
    paths: tuple[str, ...] = ()


@dataclass(frozen=True)
class Inspection:
    record: Record
    images: tuple[Path, ...]
    html: Path
    marks: tuple[Mark, ...]


def inspect_pdf(
    path: str | Path,
    out_dir: str | Path,
    vocabulary: Vocabulary | None = None,
    pdf_options: PdfOptions | None = None,
    dpi: int = 110,
) -> Inspection:
    """Extract one snapshot PDF and draw what was found (see the module docstring)."""
    path, out_dir = Path(path), Path(out_dir)
    options = pdf_options or PdfOptions()
    try:
        data = path.read_bytes()
        if data.lstrip()[:5] != b"%PDF-" and path.suffix.lower() != ".pdf":
            raise NotAPdf("inspect needs a PDF (a text dump has no pages to draw on)")
        vocabulary = vocabulary or load_vocabulary()
        extraction = parse_document(read_document(path, options), vocabulary)
    except OSError as error:
        raise UnreadableInput(f"cannot read file ({error.strerror or error})", str(path)) from None
    except SnapshotError as error:
        raise error.with_file(str(path)) from None
    document, sections, record = extraction.document, extraction.sections, extraction.record
    with _open_pdf(data, options.password) as pdf:
        marks = [*section_marks(sections), *field_marks(record, vocabulary), *grid_marks(record, document),
                 *legend_marks(sections, document), *unmapped_marks(record, sections, pdf)]  # fmt: skip
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise UnreadableInput(f"cannot write here ({error.strerror or error})", str(out_dir)) from None
        pictures = [straight_page_image(pdf[number], options.ocr, dpi) if record.source.ocr else None
                    for number in range(len(pdf))]
        images = tuple(_render_page(pdf, number, marks, out_dir, dpi, pictures[number - 1])
                       for number in range(1, len(pdf) + 1))
    (out_dir / "record.json").write_text(record_json(record), encoding="utf-8")
    page_sizes = [(float(w), float(h)) for w, h in document.page_sizes]
    index = out_dir / "index.html"
    index.write_text(render_html(record, marks, images, page_sizes, vocabulary), encoding="utf-8")
    return Inspection(record, images, index, tuple(marks))


def _open_pdf(data: bytes, password: str | None) -> Any:
    pdf = pymupdf.open(stream=data, filetype="pdf")
    if pdf.needs_pass:
        pdf.authenticate(password or "")
    return pdf


# --------------------------------------------------------------------------- marks


def section_marks(sections: Sections) -> list[Mark]:
    """The heading box of every section and its extent in each page column it covers."""
    marks = []
    for key, section in sections.sections.items():
        heading = section.heading_line
        if heading is not None and heading.bbox is not None and heading.page is not None:
            marks.append(Mark(heading.page, heading.bbox, "heading", key, PURPLE, (key,)))
        lines = [line for block in section.blocks for line in block.lines]
        if heading is not None:
            lines.append(heading)
        by_column: dict[tuple[int, int], list[BBox]] = defaultdict(list)
        for line in lines:
            if line.page is not None and line.bbox is not None:
                by_column[(line.page, line.column)].append(line.bbox)
        for (page, _column), boxes in sorted(by_column.items()):
            box = union_box(boxes)
            assert box is not None
            marks.append(Mark(page, _grow(box, 3), "section", key, PURPLE, (key,)))
    return marks


def _grow(box: BBox, by: float) -> BBox:
    return (box[0] - by, box[1] - by, box[2] + by, box[3] + by)


def field_colour(record: Record, path: str, vocabulary: Vocabulary) -> tuple[RGB, float | None]:
    """Green / amber by the Term's score (scalars: amber when a warning names them), and the score."""
    score = term_score(record, path)
    if score is not None:
        return (GREEN if vocabulary.confident(score) else AMBER), score
    base = _INDEX_RE.sub(r"\g<base>", path)
    warned = any(warning.field in (path, base) for warning in record.warnings)
    return (AMBER if warned else GREEN), None


def term_score(record: Record, path: str) -> float | None:
    value = value_at(record.model_dump(mode="json"), path)
    return float(value["score"]) if isinstance(value, dict) and "score" in value else None


def value_at(data: Any, path: str) -> Any:
    """The value at a record path such as ``funding.sources[2]`` (None when absent)."""
    current = data
    for part in path.split("."):
        match = _INDEX_RE.match(part)
        key, index = (match.group("base"), int(match.group("index"))) if match else (part, None)
        current = current.get(key) if isinstance(current, dict) else None
        if index is not None:
            current = current[index] if isinstance(current, list) and index < len(current) else None
    return current


def field_marks(record: Record, vocabulary: Vocabulary) -> list[Mark]:
    """One mark per distinct box of ``record.provenance`` (values sharing a line share a box)."""
    groups: dict[tuple[int, BBox], list[str]] = defaultdict(list)
    for path, where in record.provenance.items():
        if where["page"] is not None and where["bbox"] is not None:
            groups[(where["page"], where["bbox"])].append(path)
    marks = []
    for (page, bbox), paths in groups.items():
        coloured = [field_colour(record, path, vocabulary) for path in paths]
        colour = AMBER if any(c == AMBER for c, _ in coloured) else GREEN
        scores = [score for _, score in coloured if score is not None]
        label = compact_paths(paths) + (f"  ({min(scores):g})" if scores else "")
        marks.append(Mark(page, bbox, "field", label, colour, tuple(paths)))
    return marks


def compact_paths(paths: Sequence[str]) -> str:
    """``["a.b[0]", "a.b[1]", "a.c"]`` -> ``"a.b[0,1], a.c"`` (printed order kept)."""
    indices: dict[str, list[str]] = {}
    for path in paths:
        match = _INDEX_RE.match(path)
        base, index = (match.group("base"), match.group("index")) if match else (path, None)
        indices.setdefault(base, [])
        if index is not None:
            indices[base].append(index)
    return ", ".join(f"{base}[{','.join(found)}]" if found else base for base, found in indices.items())


def grid_marks(record: Record, document: Document) -> list[Mark]:
    """Every outcomes grid cell: its tile (the filled shape around it) with its classification."""
    classes: dict[BBox, str] = {}
    for path, kind in ((WITH, "with"), (WITHOUT, "without")):
        for index in range(len(getattr(record.outcomes, path.split(".")[1]) or [])):
            where = record.provenance.get(f"{path}[{index}]")
            if where is not None and where["bbox"] is not None:
                classes[where["bbox"]] = kind
    doubtful = {m.group(1) for w in record.warnings if w.code == "uncertain_grid_colour"
                for m in [re.match(r'^"(.*)":', w.message)] if m}  # fmt: skip
    marks = []
    for index, term in enumerate(record.outcomes.policy_areas):
        path = f"outcomes.policy_areas[{index}]"
        where = record.provenance.get(path)
        page, bbox = (None, None) if where is None else (where["page"], where["bbox"])
        if bbox is None or page is None:
            continue
        kind = "doubtful" if term.text in doubtful else classes.get(bbox, "unclassified")
        tile = _tile_around(page, bbox, document)
        paths = (path, *(p for p, w in record.provenance.items() if p.startswith(("outcomes.with", "outcomes.without"))
                         and w["bbox"] == bbox and w["page"] == page))  # fmt: skip
        marks.append(Mark(page, tile or _grow(bbox, 2), "cell", kind, CELL_COLOURS[kind], paths))
    return marks


def _tile_around(page: int, box: BBox, document: Document) -> BBox | None:
    middle = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
    tiles = [s.bbox for s in document.swatches if s.page == page and s.bbox[0] <= middle[0] <= s.bbox[2]
             and s.bbox[1] <= middle[1] <= s.bbox[3] and (s.bbox[2] - s.bbox[0]) < 200]  # fmt: skip
    return min(tiles, key=lambda b: (b[2] - b[0]) * (b[3] - b[1])) if tiles else None


def legend_marks(sections: Sections, document: Document) -> list[Mark]:
    """The legend labels of the outcomes grid with the swatch beside each (its colour named)."""
    section = sections.get("outcomes")
    marks: list[Mark] = []
    for block in section.blocks if section is not None else ():
        found = _LEGEND_RE.match(block.text)
        line = block.lines[0]
        if not found or line.bbox is None or line.page is None:
            continue
        kind = found.group(1).lower()
        swatch = _swatch_left_of(line.page, line.bbox, document)
        box, fill = (line.bbox, line.color) if swatch is None else (union_box([line.bbox, swatch[0]]), swatch[1])
        assert box is not None
        colour_name = _hex(fill) if fill is not None else "no colour"
        marks.append(Mark(line.page, _grow(box, 2), "legend", f"legend: {kind} sufficient data = {colour_name}",
                          fill or GREY, ("legend",)))  # fmt: skip
    return marks


def _swatch_left_of(page: int, box: BBox, document: Document) -> tuple[BBox, RGB] | None:
    middle = (box[1] + box[3]) / 2
    near = [s for s in document.swatches if s.page == page and s.bbox[1] - 2 <= middle <= s.bbox[3] + 2
            and s.bbox[2] <= box[0] + 2 and box[0] - s.bbox[2] < 40 and s.bbox[2] - s.bbox[0] < 60]  # fmt: skip
    best = max(near, key=lambda s: s.bbox[2], default=None)
    return (best.bbox, best.fill) if best is not None else None


def _hex(colour: RGB) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in colour)


def unmapped_marks(record: Record, sections: Sections, pdf: Any) -> list[Mark]:
    """Each unmapped item, found again on the pages of its section by its text."""
    marks = []
    for index, entry in enumerate(record.unmapped):
        section = sections.get(entry.field.split(".")[0])
        pages = sorted({line.page for block in section.blocks for line in block.lines if line.page} if section else ())
        hit = _find_text(pdf, entry.text, pages or range(1, len(pdf) + 1)) or _find_line(section, entry.text)
        if hit is None:
            continue
        label = f"UNMAPPED {entry.field}: \"{entry.text}\"" + (
            f" (nearest {entry.best_id} {entry.best_score:g})" if entry.best_id else "")
        marks.append(Mark(hit[0], hit[1], "unmapped", label, RED, (f"unmapped[{index}]", entry.field)))
    return marks


def _find_line(section: Section | None, text: str) -> tuple[int, BBox] | None:
    """The first line of ``section`` that holds ``text`` (a page read by OCR has no text layer
    to search)."""
    for block in section.blocks if section is not None else ():
        for line in block.lines:
            if text in line.text and line.page is not None and line.bbox is not None:
                return line.page, line.bbox
    return None


def _find_text(pdf: Any, text: str, pages: Iterable[int]) -> tuple[int, BBox] | None:
    words = text.split()
    for query in dict.fromkeys([text, " ".join(words[:4]), " ".join(words[:2])]):
        for page in pages:
            rects = pdf[page - 1].search_for(query) if query else []
            if rects:
                first = rects[0]
                follow = [r for r in rects[1:3] if 0 < r.y0 - first.y0 < 16]  # a hit wrapped onto the next line
                box = union_box([tuple(r) for r in (first, *follow)])
                assert box is not None
                return page, box
    return None


# --------------------------------------------------------------------------- drawing


def _render_page(pdf: Any, number: int, marks: Sequence[Mark], out_dir: Path, dpi: int,
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


# --------------------------------------------------------------------------- html


def record_rows(record: Record) -> list[tuple[str, str, str, str]]:
    """(path, value, score, page) for every field of the record, list items one per row."""
    data = record.model_dump(mode="json")
    rows = []
    for section in ("city", "overview", "organisation", "spotlight", "vision", "approach",
                    "partnerships", "funding", "impact", "data", "outcomes"):  # fmt: skip
        for key, value in data[section].items():
            path = f"{section}.{key}"
            items = [(f"{path}[{i}]", item) for i, item in enumerate(value)] if isinstance(value, list) else []
            for item_path, item in items or [(path, value)]:
                where = record.provenance.get(item_path)
                score = f"{item['score']:g}" if isinstance(item, dict) and "score" in item else ""
                rows.append((item_path, _shown(item), score, "" if where is None or where["page"] is None
                             else str(where["page"])))  # fmt: skip
    return rows


def _shown(value: Any) -> str:
    if value is None:
        return "—"
    if value == []:
        return "[]"
    if isinstance(value, dict) and "id" in value:
        return f"{value['id']}  ← “{value['text']}”"
    if isinstance(value, dict) and "bound" in value:
        return f"{value['percent']} {value['bound']}  ← “{value['text']}”"
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value


def render_html(record: Record, marks: Sequence[Mark], images: Sequence[Path],
                page_sizes: Sequence[tuple[float, float]], vocabulary: Vocabulary) -> str:  # fmt: skip
    """The inspection page: images with clickable boxes beside the record's rows."""
    esc = html.escape
    pages = []
    for number, image in enumerate(images, 1):
        width, height = page_sizes[number - 1] if number <= len(page_sizes) else (595.0, 842.0)
        total = LEFT_GUTTER + width + RIGHT_GUTTER
        boxes = "".join(
            f'<div class="box {m.kind}" data-paths="{esc(" ".join(m.paths))}" title="{esc(m.label)}" style="'
            f"left:{(m.bbox[0] + LEFT_GUTTER) / total:.4%};top:{m.bbox[1] / height:.4%};"
            f'width:{(m.bbox[2] - m.bbox[0]) / total:.4%};height:{(m.bbox[3] - m.bbox[1]) / height:.4%}"></div>'
            for m in marks if m.page == number and m.paths
        )
        pages.append(f'<div class="page"><img src="{esc(image.name)}" alt="page {number}">{boxes}</div>')
    unmapped_at = {p for m in marks if m.kind == "unmapped" for p in m.paths}
    rows = "".join(
        f'<tr data-path="{esc(path)}" class="{_row_class(record, path, value, vocabulary)}"><td>{esc(path)}</td>'
        f"<td>{esc(value)}</td><td>{score}</td><td>{page}</td></tr>"
        for path, value, score, page in record_rows(record)
    )
    rows += "".join(
        f'<tr data-path="unmapped[{i}]" class="unmapped"><td>unmapped: {esc(u.field)}</td><td>{esc(u.text)}'
        f'{"" if f"unmapped[{i}]" in unmapped_at else " (not found on the page)"}</td>'
        f"<td>{u.best_score:g}</td><td></td></tr>"
        for i, u in enumerate(record.unmapped)
    )
    warnings = "".join(f'<li data-path="{esc(w.field)}"><b>{esc(w.field)}</b> {esc(w.code)}: {esc(w.message)}</li>'
                       for w in record.warnings) or "<li>none</li>"  # fmt: skip
    title = f"{record.source.file} — {record.city.name}, {record.city.country}"
    return _HTML.format(title=esc(title), pages="".join(pages), rows=rows, warnings=warnings,
                        status="partial" if record.warnings else "ok")  # fmt: skip


def _row_class(record: Record, path: str, value: str, vocabulary: Vocabulary) -> str:
    if value in ("—", "[]"):
        return "empty"
    colour, _ = field_colour(record, path, vocabulary)
    return "amber" if colour == AMBER else "green"


_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>inspect: {title}</title>
<style>
body {{ font: 13px/1.4 system-ui, sans-serif; margin: 0; display: flex; height: 100vh; }}
#pages {{ flex: 3; overflow-y: auto; background: #ddd; padding: 8px; }}
#record {{ flex: 2; overflow-y: auto; padding: 8px 12px; }}
.page {{ position: relative; margin: 0 auto 12px; max-width: 1400px; box-shadow: 0 1px 4px #999; }}
.page img {{ width: 100%; display: block; }}
.box {{ position: absolute; border: 2px solid transparent; border-radius: 2px; }}
.box.hl {{ border-color: #ff00c8; background: rgba(255, 0, 200, .18); }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border-bottom: 1px solid #e4e4e4; padding: 2px 6px; vertical-align: top; text-align: left; }}
td:first-child {{ font-family: ui-monospace, monospace; font-size: 12px; white-space: nowrap; }}
tr[data-path] {{ cursor: pointer; }} tr.hl td {{ background: #ffe3f7; }}
tr.green td:first-child {{ border-left: 4px solid #0d9940; }}
tr.amber td:first-child {{ border-left: 4px solid #f28c00; }}
tr.unmapped td:first-child {{ border-left: 4px solid #d91a1a; }}
tr.empty {{ color: #999; }}
li[data-path] {{ cursor: pointer; }}
.key span {{ display: inline-block; width: 10px; height: 10px; margin: 0 3px 0 10px; }}
</style></head><body>
<div id="pages">{pages}</div>
<div id="record"><h2>{title}</h2><p>status: <b>{status}</b></p>
<p class="key"><span style="background:#0d9940"></span>score ≥ 90 <span style="background:#f28c00"></span>85–90 or
warned <span style="background:#d91a1a"></span>unmapped <span style="background:#8033bf"></span>section
<span style="background:#0059f2"></span>with <span style="background:#333"></span>without
<span style="background:#e6009a"></span>doubtful</p>
<h3>Warnings</h3><ul>{warnings}</ul>
<h3>Record</h3><p>Point at a row to highlight its boxes; click to scroll to them.</p>
<table><tr><th>field</th><th>value</th><th>score</th><th>page</th></tr>{rows}</table></div>
<script>
function covers(paths, p) {{
  return paths.split(" ").some(q => q === p || q.startsWith(p + "[") || q.startsWith(p + "."));
}}
function highlight(p, scroll) {{
  let first = null;
  document.querySelectorAll(".box").forEach(b => {{
    const on = p !== null && covers(b.dataset.paths, p);
    b.classList.toggle("hl", on);
    if (on && !first) first = b;
  }});
  document.querySelectorAll("[data-path]").forEach(r => r.classList.toggle("hl", r.dataset.path === p));
  if (scroll && first) first.scrollIntoView({{behavior: "smooth", block: "center"}});
}}
document.querySelectorAll("#record [data-path]").forEach(r => {{
  r.addEventListener("mouseenter", () => highlight(r.dataset.path, false));
  r.addEventListener("click", () => highlight(r.dataset.path, true));
}});
document.querySelectorAll(".box").forEach(b => b.addEventListener("click", () => {{
  const p = b.dataset.paths.split(" ")[0];
  const row = document.querySelector('#record tr[data-path="' + p + '"]');
  highlight(p, false);
  if (row) row.scrollIntoView({{behavior: "smooth", block: "center"}});
}}));
</script></body></html>
"""

"""Marks: what ``inspect`` draws, found in the record and the document: section extents and
headings, field values coloured by score, unmapped items, the outcomes grid's cells by their
classification and the legend's swatches."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ..fields.legend import legend_kind
from ..geometry import union_box
from ..models import RGB, BBox, Document, Record, Section, Sections
from ..vocabulary import Vocabulary

Kind = Literal["section", "heading", "field", "unmapped", "legend", "cell"]
GREEN, AMBER, RED = (0.05, 0.6, 0.25), (0.95, 0.55, 0.0), (0.85, 0.1, 0.1)
PURPLE, GREY = (0.5, 0.2, 0.75), (0.45, 0.45, 0.45)
CELL_COLOURS: dict[str, RGB] = {"with": (0.0, 0.35, 0.95), "without": (0.2, 0.2, 0.2),
                                "doubtful": (0.9, 0.0, 0.6), "unclassified": GREY}  # fmt: skip
WITH, WITHOUT = "outcomes.with_sufficient_data", "outcomes.without_sufficient_data"
_INDEX_RE = re.compile(r"^(?P<base>.*)\[(?P<index>\d+)\]$")


@dataclass(frozen=True)
class Mark:
    """One box to draw: ``paths`` are the record paths (or section keys) it stands for."""

    page: int
    bbox: BBox
    kind: Kind
    label: str
    colour: RGB
    paths: tuple[str, ...] = ()


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
        kind = legend_kind(block.text)
        line = block.lines[0]
        if kind is None or line.bbox is None or line.page is None:
            continue
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



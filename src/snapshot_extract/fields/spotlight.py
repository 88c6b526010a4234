"""Spotlight box -> ``spotlight.title`` and ``spotlight.text`` (paragraphs folded, de-hyphenated)."""

from __future__ import annotations

from ..models import Evidence, FieldResult, Section
from ..vocabulary import Vocabulary
from .common import Found, locate


def map_spotlight(section: Section | None, vocabulary: Vocabulary) -> FieldResult:
    found = Found("spotlight", vocabulary)
    if section is None:
        return found.result()
    if section.title:
        line = section.heading_line
        found.set("spotlight.title", section.title,
                  Evidence(section.title, line.page if line else None, line.bbox if line else None))
    if section.blocks:
        for index in range(len(section.blocks)):
            found.use(index)
        text = " ".join(block.text for block in section.blocks)
        evidences = [locate(block) for block in section.blocks]
        boxes = [e.bbox for e in evidences if e.bbox is not None]
        bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                max(b[3] for b in boxes)) if boxes else None
        found.set("spotlight.text", text, Evidence(text, evidences[0].page, bbox))
    return found.result()

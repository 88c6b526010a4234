"""How innovation helps -> ``impact.benefits`` (bullets) and ``impact.success_factors``."""

from __future__ import annotations

import re

from ..sections import Section
from ..vocabulary import Vocabulary
from .common import FieldResult, Found, is_item, locate, sentences, split_list

_FACTORS_RE = re.compile(r"success\s+factors?\b.*?\b(?:are|include|is)\b\s*:?\s*(?P<list>.*)$", re.I)
_BENEFITS_RE = re.compile(r"\b(?:helping|helps|helped|benefits?)\b.*:\s*(?P<list>.*)$", re.I)


def map_impact(section: Section | None, vocabulary: Vocabulary) -> FieldResult:
    found = Found("impact", vocabulary)
    found.values["impact.benefits"] = []
    found.values["impact.success_factors"] = []
    if section is None:
        return found.result()
    in_factors = False
    for index, block in enumerate(section.blocks):
        if is_item(block):
            found.use(index)
            path, group = ("impact.success_factors", "success_factors") if in_factors else ("impact.benefits", "benefits")
            found.terms(path, group, [(block.text, locate(block))])
            continue
        for sentence in sentences(block.text):
            factors = _FACTORS_RE.search(sentence)
            benefits = _BENEFITS_RE.search(sentence)
            if factors:
                found.use(index, sentence=sentence)
                inline = factors.group("list").strip()
                in_factors = not inline
                items = split_list(inline, "success_factors", vocabulary)
                found.terms("impact.success_factors", "success_factors", [(i, locate(block, i)) for i in items])
            elif benefits:
                found.use(index, sentence=sentence)
                items = split_list(benefits.group("list"), "benefits", vocabulary)
                found.terms("impact.benefits", "benefits", [(i, locate(block, i)) for i in items])
    return found.result()

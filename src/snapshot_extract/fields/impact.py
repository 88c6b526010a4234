"""How innovation helps -> ``impact.benefits`` (bullets) and ``impact.success_factors``."""

from __future__ import annotations

import re

from ..models import FieldResult, Section, vocabulary_group
from ..vocabulary import Match, Vocabulary
from .common import Found, ItemList, is_list_item, read_inline

_FACTORS_RE = re.compile(
    r"success\s+factors?\b.*?\b(?:are|include|is)\b\s*:?\s*(?P<list>.*)$", re.I)
# "... is helping the city to:" + bullets, or the list run on: "... the city to A, B and C.", "... by improving A; …"
_BENEFITS_RE = re.compile(
    r"\b(?:helping|helps|helped|benefits?)\b(?:.*:|\s+(?:the\s+)?city\s+(?:to|by)\b)\s*(?P<list>.*)$", re.I)


_LISTS = {False: "impact.benefits", True: "impact.success_factors"}


def _read_items(found: Found, items: ItemList, in_factors: bool) -> None:
    """Items go to the list their intro opened; one that is plainly a term of the other list
    (a benefit printed after the success factors) goes there, with a warning."""
    path, other_path = _LISTS[in_factors], _LISTS[not in_factors]
    group, other_group = vocabulary_group(path), vocabulary_group(other_path)
    vocabulary = found.vocabulary
    for text, evidence in items.close(path):
        own = vocabulary.match(group, text)
        if vocabulary.is_confident(other_group, text) and not isinstance(own, Match):
            found.terms(other_path, [(text, evidence)])
            found.warn(other_path, "uncertain_list", f'"{text}" stands among the {group} but reads as one of the '
                                                     f"{other_group}")
        else:
            found.terms(path, [(text, evidence)])


def map_impact(section: Section | None, vocabulary: Vocabulary) -> FieldResult:
    found = Found("impact", vocabulary)
    found.values["impact.benefits"] = []
    found.values["impact.success_factors"] = []
    if section is None:
        return found.result()
    in_factors = False
    items = ItemList(found)
    for index, block in enumerate(section.blocks):
        if is_list_item(block, "impact.success_factors" if in_factors else "impact.benefits", vocabulary):
            items.add(index, block)
            continue
        _read_items(found, items, in_factors)
        for sentence in block.sentences:
            factors = _FACTORS_RE.search(sentence)
            benefits = _BENEFITS_RE.search(sentence)
            if factors:
                found.use(index, sentence=sentence)
                inline = factors.group("list").strip()
                in_factors = not inline
                if in_factors:
                    found.expect_items("impact.success_factors", sentence)
                read_inline(found, block, "impact.success_factors", inline)
            elif benefits:
                found.use(index, sentence=sentence)
                if not benefits.group("list").strip():
                    found.expect_items("impact.benefits", sentence)
                read_inline(found, block, "impact.benefits", benefits.group("list"))
    _read_items(found, items, in_factors)
    return found.result()

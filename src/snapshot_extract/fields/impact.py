"""How innovation helps -> ``impact.benefits`` (bullets) and ``impact.success_factors``."""

from __future__ import annotations

from ..sections import Block, Section
from ..textutil import GuardedPattern
from ..vocabulary import CONFIDENT_SCORE, Match, Vocabulary
from .common import FieldResult, Found, is_item, locate, sentences, split_list

_FACTORS_RE = GuardedPattern(
    r"success\s+factors?\b.*?\b(?:are|include|is)\b\s*:?\s*(?P<list>.*)$", ("success",), starts=True
)
_BENEFITS_RE = GuardedPattern(
    r"\b(?:helping|helps|helped|benefits?)\b.*:\s*(?P<list>.*)$", ("help", "benefit"), starts=True
)


_LISTS = {False: ("impact.benefits", "benefits"), True: ("impact.success_factors", "success_factors")}


def _read_item(found: Found, block: Block, in_factors: bool, vocabulary: Vocabulary) -> None:
    """A bullet goes to the list its intro opened; one that is plainly a term of the other list
    (a benefit printed after the success factors) goes there, with a warning."""
    path, group = _LISTS[in_factors]
    other_path, other_group = _LISTS[not in_factors]
    own, other = vocabulary.match(group, block.text), vocabulary.match(other_group, block.text)
    if isinstance(other, Match) and other.score >= CONFIDENT_SCORE and not isinstance(own, Match):
        found.terms(other_path, other_group, [(block.text, locate(block))])
        found.warn(
            other_path,
            "uncertain_list",
            f'"{block.text}" stands among the {group} but reads as one of the {other_group}',
        )
        return
    found.terms(path, group, [(block.text, locate(block))])


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
            _read_item(found, block, in_factors, vocabulary)
            continue
        for sentence in sentences(block.text):
            factors = _FACTORS_RE.search(sentence)
            benefits = _BENEFITS_RE.search(sentence)
            if factors:
                found.use(index, sentence=sentence)
                inline = factors.group("list").strip()
                in_factors = not inline
                if in_factors:
                    found.expect_items("impact.success_factors", sentence)
                items = split_list(inline, "success_factors", vocabulary)
                found.terms("impact.success_factors", "success_factors", [(i, locate(block, i)) for i in items])
            elif benefits:
                found.use(index, sentence=sentence)
                if not benefits.group("list").strip():
                    found.expect_items("impact.benefits", sentence)
                items = split_list(benefits.group("list"), "benefits", vocabulary)
                found.terms("impact.benefits", "benefits", [(i, locate(block, i)) for i in items])
    return found.result()

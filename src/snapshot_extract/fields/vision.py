"""Innovation vision -> ``vision.formal_strategy``, ``vision.peer``, ``vision.associations``."""

from __future__ import annotations

import re

from ..models import Block, FieldResult, Section
from ..vocabulary import Vocabulary
from .common import Found, ItemList, is_list_item, locate, read_flag, read_list_intro, read_peer

_ASSOCIATIONS = "vision.associations"

_STRATEGY_RE = re.compile(
    r"\b(?:has|have|had|adopted|developed|published|maintains?|lacks?|possess(?:es)?|with|without|"
    r"no)\b[^.;]{0,40}?\binnovation\s+(?:strategy|vision)\b", re.I)
_ASSOCIATES_RE = re.compile(
    r"associates?\s+innovation(?:\s+capacity)?\s+with\s*:?\s*(.*)$", re.I)


def map_vision(section: Section | None, vocabulary: Vocabulary) -> FieldResult:
    found = Found("vision", vocabulary)
    if section is None:
        return found.result()
    in_list = False
    items = ItemList(found)
    for index, block in enumerate(section.blocks):
        if in_list and is_list_item(block, _ASSOCIATIONS, vocabulary):
            items.add(index, block)
            continue
        found.terms(_ASSOCIATIONS, items.close(_ASSOCIATIONS))
        for sentence in block.sentences:  # an intro can share a block with the sentence before it
            associates = _ASSOCIATES_RE.search(sentence)
            if associates:
                in_list = True
                read_list_intro(found, block, index, sentence, associates.group(1), _ASSOCIATIONS)
            elif _read_strategy(found, block, sentence):
                found.use(index, sentence=sentence)
    found.terms(_ASSOCIATIONS, items.close(_ASSOCIATIONS))
    return found.result()


def _read_strategy(found: Found, block: Block, sentence: str) -> bool:
    if not read_flag(found, "vision.formal_strategy", sentence, _STRATEGY_RE, block):
        return False
    read_peer(found, "vision.peer", sentence, locate(block, sentence))
    return True

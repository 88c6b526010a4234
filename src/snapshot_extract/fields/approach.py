"""Innovation approach -> ``approach.scope``, ``approach.peer``, ``approach.priority_policy_areas``."""

from __future__ import annotations

import re

from ..models import FieldResult, Section
from ..vocabulary import Vocabulary
from .common import Found, ItemList, clean_item, is_list_item, locate, read_list_intro, read_peer

_PRIORITIES = "approach.priority_policy_areas"

_SCOPE_RE = re.compile(
    r"\bapproach(?:es|ed)?\s+innovation(?:\s+capacity)?\s+(?P<scope>.+?)\s*[.;]?$", re.I)
_PRIORITY_RE = re.compile(
    r"priority\s+(?:policy\s+)?areas?\b.*?\b(?:are|is|include)\b\s*:?\s*(?P<inline>.*)$", re.I)


def map_approach(section: Section | None, vocabulary: Vocabulary) -> FieldResult:
    found = Found("approach", vocabulary)
    if section is None:
        return found.result()
    in_list = False
    items = ItemList(found)
    for index, block in enumerate(section.blocks):
        if in_list and is_list_item(block, _PRIORITIES, vocabulary):
            items.add(index, block)
            continue
        found.terms(_PRIORITIES, items.close(_PRIORITIES))
        for sentence in block.sentences:  # an intro can share a block with the sentence before it
            priority = _PRIORITY_RE.search(sentence)
            if priority:
                in_list = True
                read_list_intro(found, block, index, sentence, priority.group("inline"), _PRIORITIES)
                continue
            scope = _SCOPE_RE.search(sentence)
            if scope is None:
                continue
            found.use(index, sentence=sentence)
            phrase = clean_item(scope.group("scope"))
            found.term("approach.scope", phrase, locate(block, phrase))
            read_peer(found, "approach.peer", sentence, locate(block, sentence))
    found.terms(_PRIORITIES, items.close(_PRIORITIES))
    return found.result()

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
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
_COUNT_RE = re.compile(rf"\btop\s+({'|'.join(_COUNTS)})\s+priority\b", re.I)  # "The top three priority …"


def map_approach(section: Section | None, vocabulary: Vocabulary) -> FieldResult:
    found = Found("approach", vocabulary)
    if section is None:
        return found.result()
    in_list = False
    announced = 0  # how many areas the intro says it lists ("the top three …"), where it says
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
                count = _COUNT_RE.search(sentence)
                announced = _COUNTS[count.group(1).lower()] if count else 0
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
    _warn_short(found, announced)
    return found.result()


def _warn_short(found: Found, announced: int) -> None:
    """The intro names more areas than were read, none of them flagged: the others may be printed
    elsewhere (a table's other cells read into another column)."""
    read = len(found.values.get(_PRIORITIES, []))
    if read < announced and not any(warning.field == _PRIORITIES for warning in found.warnings):
        found.warn(_PRIORITIES, "list_cut", f"the intro names {announced} areas, {read} read: the others may be "
                                            "printed elsewhere")

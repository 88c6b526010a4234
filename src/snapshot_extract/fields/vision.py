"""Innovation vision -> ``vision.formal_strategy``, ``vision.peer``, ``vision.associations``."""

from __future__ import annotations

import re

from ..sections import Section
from ..vocabulary import Vocabulary
from .common import FieldResult, Found, is_item, locate, sentences, split_list
from .peer import parse_peer

_NO_STRATEGY_RE = re.compile(
    r"\b(?:has|have)\s+no\s+(?:formal\s+|explicit\s+|official\s+|dedicated\s+)?innovation\s+"
    r"(?:strategy|vision)|\b(?:does|do)\s+not\s+(?:yet\s+)?have\s+(?:an?\s+)?(?:formal\s+|explicit\s+|"
    r"official\s+|dedicated\s+)?innovation\s+(?:strategy|vision)|\bno\s+(?:formal|explicit)\s+"
    r"innovation\s+strategy|\blacks?\s+an?\s+(?:\w+\s+)?innovation\s+strategy",
    re.IGNORECASE,
)
_STRATEGY_RE = re.compile(
    r"\b(?:has|have)\s+(?:adopted\s+|developed\s+|published\s+)?(?:an?|its\s+own)\s+(?:formal\s+|"
    r"explicit\s+|official\s+|dedicated\s+|dedicated,\s+)?innovation\s+(?:strategy|vision)",
    re.IGNORECASE,
)
_ASSOCIATES_RE = re.compile(r"associates?\s+innovation(?:\s+capacity)?\s+with\s*:?\s*(.*)$", re.I)


def map_vision(section: Section | None, vocabulary: Vocabulary) -> FieldResult:
    found = Found("vision", vocabulary)
    if section is None:
        return found.result()
    in_list = False
    for index, block in enumerate(section.blocks):
        if in_list and is_item(block):
            found.use(index)
            found.terms("vision.associations", "innovation_terms", [(block.text, locate(block))])
            continue
        associates = _ASSOCIATES_RE.search(block.text)
        if associates:
            found.use(index)
            in_list = True
            inline = associates.group(1).strip()
            if inline:
                items = split_list(inline, "innovation_terms", vocabulary)
                found.terms("vision.associations", "innovation_terms", [(i, locate(block, i)) for i in items])
            continue
        for sentence in sentences(block.text):
            if _read_strategy(found, sentence, locate(block, sentence)):
                found.use(index, sentence=sentence)
    found.values.setdefault("vision.associations", [])
    return found.result()


def _read_strategy(found: Found, sentence: str, evidence) -> bool:  # type: ignore[no-untyped-def]
    if _NO_STRATEGY_RE.search(sentence):
        value = False
    elif _STRATEGY_RE.search(sentence):
        value = True
    else:
        return False
    found.set("vision.formal_strategy", value, evidence)
    peer = parse_peer(sentence)
    if peer:
        found.set("vision.peer", peer, evidence)
    return True

"""Funding -> ``funding.dedicated``, ``funding.peer``, ``funding.sources``, ``funding.directed_to``."""

from __future__ import annotations

import re

from ..models import Block, FieldResult, Section
from ..vocabulary import Vocabulary
from .common import Found, ItemList, is_list_item, locate, read_flag, read_peer, split_list

_DEDICATED_RE = re.compile(
    r"\b(?:has|have|had|receives?|sets?\s+aside|allocates?|earmarks?|with|without|no|lacks?|"
    r"possess(?:es)?)\b[^.;]{0,30}?\bdedicated\s+(?:\w+\s+){0,2}?(?:funding|budgets?|funds?)\b", re.I)
_SOURCES_RE = re.compile(
    r"\bcomes?\s+from\s*(?:the\s+following\s+sources)?\s*:?\s*(?P<list>.*)$", re.I)
_DIRECTED_RE = re.compile(r"\bdirected\s+(?:towards?|to|at)\s*:?\s*(?P<list>.+)$", re.I)


def map_funding(section: Section | None, vocabulary: Vocabulary) -> FieldResult:
    found = Found("funding", vocabulary)
    found.values["funding.sources"] = []
    found.values["funding.directed_to"] = []
    if section is None:
        return found.result()
    in_sources = False
    items = ItemList(found)
    for index, block in enumerate(section.blocks):
        if in_sources and is_list_item(block, "funding.sources", vocabulary):
            items.add(index, block)
            continue
        found.terms("funding.sources", items.close("funding.sources"))
        in_sources = False
        for sentence in block.sentences:
            used, opens_list = _read_sentence(found, block, sentence, vocabulary)
            if used:
                found.use(index, sentence=sentence)
            in_sources = in_sources or opens_list
    found.terms("funding.sources", items.close("funding.sources"))
    return found.result()


def _read_sentence(found: Found, block: Block, sentence: str, vocabulary: Vocabulary) -> tuple[bool, bool]:
    used, opens_list = False, False
    if read_flag(found, "funding.dedicated", sentence, _DEDICATED_RE, block):
        used = True
        read_peer(found, "funding.peer", sentence, locate(block, sentence))
    if sources := _SOURCES_RE.search(sentence):
        used = True
        inline = sources.group("list").strip()
        if inline:
            items = split_list(inline, "funding_sources", vocabulary)
            found.terms("funding.sources", [(i, locate(block, i)) for i in items])
        else:
            opens_list = True
            found.expect_items("funding.sources", sentence)
    if directed := _DIRECTED_RE.search(sentence):
        used = True
        items = split_list(directed.group("list"), "funding_uses", vocabulary)
        found.terms("funding.directed_to", [(i, locate(block, i)) for i in items])
    return used, opens_list

"""Funding -> ``funding.dedicated``, ``funding.peer``, ``funding.sources``, ``funding.directed_to``."""

from __future__ import annotations

import re

from ..models import Block, FieldResult, Section
from ..vocabulary import Vocabulary
from .common import Found, ItemList, is_list_item, locate, read_flag, read_inline, read_peer

_DEDICATED_RE = re.compile(
    r"\b(?:has|have|had|receives?|sets?\s+aside|allocates?|earmarks?|with|without|no|lacks?|"
    r"possess(?:es)?)\b[^.;]{0,30}?\bdedicated\s+(?:\w+\s+){0,2}?(?:funding|budgets?|funds?)\b", re.I)
_SOURCES_RE = re.compile(
    r"\bcomes?\s+from\s*(?:the\s+following\s+sources)?\s*:?\s*(?P<list>.*)$", re.I)
_DIRECTED_RE = re.compile(r"\bdirected\s+(?:towards?|to|at)\s*:?\s*(?P<list>.*)$", re.I)
_VOCABULARY = {"funding.sources": "funding_sources", "funding.directed_to": "funding_uses"}


def map_funding(section: Section | None, vocabulary: Vocabulary) -> FieldResult:
    found = Found("funding", vocabulary)
    found.values["funding.sources"] = []
    found.values["funding.directed_to"] = []
    if section is None:
        return found.result()
    opened: str | None = None  # the list whose intro ended without its items ("... comes from:")
    items = ItemList(found)
    for index, block in enumerate(section.blocks):
        if opened is not None and is_list_item(block, opened, vocabulary):
            items.add(index, block)
            continue
        if opened is not None:
            found.terms(opened, items.close(opened))
        opened = None
        for sentence in block.sentences:
            used, opens = _read_sentence(found, block, sentence, vocabulary)
            if used:
                found.use(index, sentence=sentence)
            opened = opens or opened
    if opened is not None:
        found.terms(opened, items.close(opened))
    return found.result()


def _read_sentence(found: Found, block: Block, sentence: str, vocabulary: Vocabulary) -> tuple[bool, str | None]:
    """Whether the sentence was read, and the list it opened, if its items follow it."""
    used, opens = False, None
    if read_flag(found, "funding.dedicated", sentence, _DEDICATED_RE, block):
        used = True
        read_peer(found, "funding.peer", sentence, locate(block, sentence))
    for path, pattern in (("funding.sources", _SOURCES_RE), ("funding.directed_to", _DIRECTED_RE)):
        if listed := pattern.search(sentence):
            used = True
            inline = listed.group("list").strip()
            if inline:
                read_inline(found, block, path, inline)
            else:
                opens = path
                found.expect_items(path, sentence)
    return used, opens

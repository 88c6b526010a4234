"""How data is used -> ``data.role``, ``data.uses``, ``data.challenges``, ``data.inventory``,
``data.publishes_open_data``."""

from __future__ import annotations

import re

from ..models import Block, FieldResult, Section
from ..vocabulary import Vocabulary
from .common import Found, ItemList, is_list_item, locate, read_flag, read_inline

_ROLE_RE = re.compile(r"\bdata\s+plays?\s+(?:an?\s+)?(?P<role>(?:\w+[\s-]+){0,3}?role)\b", re.I)
_NO_ROLE_RE = re.compile(
    r"\bdata\s+(?:does|do)\s+not\s+play\s+(?:an?\s+)?(?P<role>(?:\w+[\s-]+){0,3}?role)\b", re.I)
_USING_DATA_TO = r"\b(?:using|uses|use|used)\s+(?:its\s+|the\s+|their\s+)?(?:own\s+)?data\s+to\s+"
_USES_RE = re.compile(rf"{_USING_DATA_TO}(?P<use>.+?)\s*(?:;|[.!]?\s*$)", re.I)
# "… to A, and to B", "… to A and using data to B": the uses after the first
_MORE_USES_RE = re.compile(
    rf",?\s+(?:and|as well as)\s+(?:also\s+)?(?:{_USING_DATA_TO}|to\s+)|;\s*(?:and\s+)?to\s+", re.I)
_CHALLENGES_RE = re.compile(r"\bchallenges?\b.*?\binclude[sd]?\b\s*:?\s*(?P<list>.*)$", re.I)
_INVENTORY_RE = re.compile(
    r"\b(?P<phrase>(?:(?:comprehensive|partial|complete|limited|full)\s+)?data\s+inventory"
    r"(?:\s+(?:on|for|covering)\s+(?:some|all|most)\s+key\s+topics)?)", re.I)
_NO_INVENTORY_RE = re.compile(
    r"\b(?:does|do)\s+not\s+(?:maintain|have|keep)\s+an?\s+(?:\w+\s+)?data\s+inventory|\bhas\s+no\s+"
    r"(?:\w+\s+)?data\s+inventory|\bno\s+data\s+inventory", re.I)
_OPEN_DATA_RE = re.compile(
    r"\bpublish\w*\s+(?:its\s+|their\s+|some\s+|any\s+)?(?:\w+\s+)?open\s+data|\bmakes?\s+(?:its\s+|their\s+)?"
    r"data\s+(?:openly|publicly)\s+available|\bopen\s+data\s+(?:portal|platform|website)", re.I)


def map_data(section: Section | None, vocabulary: Vocabulary) -> FieldResult:
    found = Found("data", vocabulary)
    found.values["data.uses"] = []
    found.values["data.challenges"] = []
    if section is None:
        return found.result()
    in_challenges = False
    inventory_named = any("inventory" in block.text.lower() for block in section.blocks)
    items = ItemList(found)
    for index, block in enumerate(section.blocks):
        if in_challenges and is_list_item(block, "data.challenges", vocabulary):
            items.add(index, block)
            continue
        found.terms("data.challenges", items.close("data.challenges"))
        for sentence in block.sentences:
            used, opens = _read_sentence(found, block, sentence, vocabulary)
            if used:
                found.use(index, sentence=sentence)
            in_challenges = opens or (in_challenges and not used)
    found.terms("data.challenges", items.close("data.challenges"))
    if inventory_named and "data.inventory" not in found.values and not found.unmapped_at("data.inventory"):
        found.warn("data.inventory", "unreadable_value", "an inventory is mentioned but its kind was not recognised")
    return found.result()


def _read_sentence(found: Found, block: Block, sentence: str, vocabulary: Vocabulary) -> tuple[bool, bool]:
    used = _read_role(found, block, sentence)
    for use in _USES_RE.finditer(sentence):
        for part in _MORE_USES_RE.split(use.group("use")):
            text = part.strip(" ,")
            uses: list[str] = found.values["data.uses"]
            if text and text not in uses:
                found.evidence[f"data.uses[{len(uses)}]"] = locate(block, text)
                uses.append(text)
        used = True
    opens = False
    if challenges := _CHALLENGES_RE.search(sentence):
        used = True
        inline = challenges.group("list").strip()
        opens = not inline
        if opens:
            found.expect_items("data.challenges", sentence)
        read_inline(found, block, "data.challenges", inline)
    if _NO_INVENTORY_RE.search(sentence):
        found.term("data.inventory", "no data inventory", locate(block, sentence))
        used = True
    elif inventory := _INVENTORY_RE.search(sentence):
        phrase = inventory.group("phrase")
        found.term("data.inventory", phrase, locate(block, phrase))
        used = True
    if read_flag(found, "data.publishes_open_data", sentence, _OPEN_DATA_RE, block):
        used = True
    return used, opens


def _read_role(found: Found, block: Block, sentence: str) -> bool:
    negative = _NO_ROLE_RE.search(sentence)
    match = negative or _ROLE_RE.search(sentence)
    if match is None:
        return False
    role = match.group("role")
    query = f"not a {role}" if negative else role
    printed = match.group(0) if negative else role
    found.term("data.role", printed, locate(block, printed), query=query)
    return True

"""Partnerships -> ``partnerships.innovation_partners``, ``data_partners``, ``data_activities``."""

from __future__ import annotations

import re

from ..models import Block, FieldResult, Section
from ..textutil import ends_mid_sentence
from ..vocabulary import Vocabulary
from .common import (
    Found,
    ItemList,
    clean_item,
    is_cut,
    is_list_item,
    locate,
    polarity,
    split_commas,
    split_list,
    warn_if_cut,
)

_INNOVATION_RE = re.compile(
    r"partnerships?\s+(?:to|that)\s+promote\s+innovation(?:\s+capacity)?\s+with\b\s*:?\s*(?P<list>.*)$", re.I)
# "data partnerships with A and B", or "data partnerships to collect and share data, with:" + items
_DATA_RE = re.compile(r"data\s+partnerships?\b\s*(?P<list>(?:with\b|to\b|in order\b|,).*)$", re.I)
_PARTNERSHIPS_RE = re.compile(r"\bpartnerships?\b", re.I)
_PURPOSE_RE = re.compile(r"^(?:in order\s+)?to\s+", re.I)
_LEADING_AND_RE = re.compile(r"^(?:as well as|and)\s+", re.I)
_WITH_RE = re.compile(r"^(?:(?:and|as well as)\s+)?with\b", re.I)
# "... to collect data and with academia to analyse it": a new "with" names partners again
_WITH_SPLIT_RE = re.compile(r"\s+(?=(?:and|as well as)\s+with\b)", re.I)
_ACTIVITY_SPLIT_RE = re.compile(r",|\band\b|\bor\b|&")
_PURPOSE_SPLIT_RE = re.compile(
    r"(?<!\border)\s+(?=(?:in order\s+)?to\s+(?:collect|analy[sz]e|share|gather|exchange|use)\b)", re.I)


def map_partnerships(section: Section | None, vocabulary: Vocabulary) -> FieldResult:
    found = Found("partnerships", vocabulary)
    for path in ("innovation_partners", "data_partners", "data_activities"):
        found.values[f"partnerships.{path}"] = []
    if section is None:
        return found.result()
    items = ItemList(found)
    opened: str | None = None  # the list whose intro ended in ":", its items to come
    for index, block in enumerate(section.blocks):
        if opened is not None and is_list_item(block, opened, vocabulary):
            items.add(index, block)
            continue
        _close(found, items, opened)
        opened = None
        for sentence in block.sentences:
            read = _read_sentence(found, block, sentence, vocabulary)
            if read is not None:
                found.use(index, sentence=sentence)
            if read and sentence.rstrip().endswith(":"):
                opened = read
                found.expect_items(read, sentence)
    _close(found, items, opened)
    return found.result()


def _close(found: Found, items: ItemList, path: str | None) -> None:
    if path is not None:
        found.terms(path, items.close(path))


def _read_sentence(found: Found, block: Block, sentence: str, vocabulary: Vocabulary) -> str | None:
    """The list a partnership sentence read (its path), "" for one that names none, None for a
    sentence about something else."""
    if polarity(sentence, _PARTNERSHIPS_RE) is False:
        return ""  # "has not developed (data) partnerships (with ...)": nothing to list
    data = _DATA_RE.search(sentence)
    innovation = _INNOVATION_RE.search(sentence)
    if data:
        _read_partners(found, block, data.group("list"), "partnerships.data_partners", vocabulary)
        return "partnerships.data_partners"
    if innovation:
        _read_partners(found, block, innovation.group("list"), "partnerships.innovation_partners", vocabulary)
        return "partnerships.innovation_partners"
    return None


def _read_partners(found: Found, block: Block, text: str, path: str, vocabulary: Vocabulary) -> None:
    partners: list[str] = []
    in_purpose = False
    for raw in split_commas(text.rstrip(" .")):
        for piece in (part for clause in _PURPOSE_SPLIT_RE.split(raw) for part in _WITH_SPLIT_RE.split(clause)):
            cleaned = _LEADING_AND_RE.sub("", piece.strip())
            if _PURPOSE_RE.match(cleaned):
                in_purpose = True
                cleaned = _PURPOSE_RE.sub("", cleaned)
            elif _WITH_RE.match(piece.strip()):
                in_purpose = False
            if in_purpose:
                _read_activities(found, block, cleaned, vocabulary)
            else:
                partners.extend(split_list(_WITH_RE.sub("", piece.strip()).strip(" :"), "partner_types", vocabulary))
    found.terms(path, [(p, locate(block, p)) for p in partners if clean_item(p)])
    warn_if_cut(found, path, text)
    if path == "partnerships.data_partners" and not in_purpose and (is_cut(text) or ends_mid_sentence(text)):
        # the purpose ("… to collect and share data") follows the partners: cut before it, unread
        # ("… with other public agencies and other" / "cities, to analyse data." a page later)
        found.warn("partnerships.data_activities", "list_cut", f'the sentence breaks off at "…{text.strip()[-40:]}" '
                   "before what the partnerships do with data: it may be printed elsewhere")


def _read_activities(found: Found, block: Block, text: str, vocabulary: Vocabulary) -> None:
    verbs = [clean_item(v) for v in _ACTIVITY_SPLIT_RE.split(text) if clean_item(v)]
    found.terms("partnerships.data_activities", [(v, locate(block, v)) for v in verbs])

"""The heading table: which canonical section a heading line names.

Headings are recognised from ``data/sections.json`` whatever their case, spelling
(organisational / organizational), quotes, numbering or missing "?", or their spaces lost in a
dump; a long heading in question form may match fuzzily. "Spotlight | <title>" names the
spotlight, whose title it may carry (``spotlight_title``). Every reader that looks for
headings asks here.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from rapidfuzz import fuzz, process

from ..textutil import squeeze, strip_accents

_SPOTLIGHT_RE = re.compile(r"^\s*spotlight\s*(?:[|:–—-]\s*(?P<title>.*\S))?\s*$", re.IGNORECASE)
_SPOTLIGHT_WORDS_RE = re.compile(r"^\s*spotlight\s+(?P<title>\w.*\S)\s*$", re.IGNORECASE)
# "5. ", "Q5 ", "iv) ", and "11.Item" (a word processor's tab after the number, dropped by a tool)
NUMBERING_RE = re.compile(r"^\s*(?:q?\d{1,2}[.):]?|[ivx]{1,4}[.)])(?:\s+|(?<=[.):])(?=[^\W\d_]))", re.IGNORECASE)
_NON_ALNUM_RE = re.compile(r"[^a-z0-9]+")
_SPELLING = (("organizational", "organisational"), ("organized", "organised"))
_FUZZY_HEADING_CUTOFF = 88.0
MAX_HEADING_LENGTH = 80  # characters: a longer line is no heading


def normalise_heading(text: str) -> str:
    """Heading text reduced to lowercase ascii words: no numbering, quotes or punctuation."""
    text = NUMBERING_RE.sub("", strip_accents(text).lower())
    text = text.replace("’", "'").replace("‘", "'").replace("'s", "s")
    text = _NON_ALNUM_RE.sub(" ", text).strip()
    for american, british in _SPELLING:
        text = text.replace(american, british)
    return text


@cache  # read once: the packaged heading table does not change while the program runs
def _heading_table() -> dict[str, str]:
    raw = resources.files("snapshot_extract").joinpath("data/sections.json").read_text("utf-8")
    table: dict[str, str] = {}
    for entry in json.loads(raw)["sections"]:
        for heading in entry["headings"]:
            table[normalise_heading(heading)] = entry["key"]
    return table


def match_heading(text: str) -> str | None:
    """The canonical section key a heading line names, or None. Spotlight is matched apart."""
    return match_heading_exact(text)[0]


def exact_heading(text: str) -> str | None:
    """The section key ``text`` names exactly (a heading of the table, or "Spotlight | title"),
    or None: no fuzzy match, for a reader that looks for headings inside a line."""
    key, exact = match_heading_exact(text)
    return key if exact else None


_SQUEEZED_MIN = 12  # characters: a heading written without spaces is no short word
_SQUEEZED_NUMBER_RE = re.compile(r"^q?\d{1,2}")  # "q1whatis…": its number, the space after it lost


@cache  # derived once from the packaged table
def _squeezed_table() -> dict[str, str]:
    """The headings of the table without their spaces ("whatisthecitysinnovationvision"): a dump
    whose tool lost the word gaps prints them so."""
    return {key.replace(" ", ""): section for key, section in _heading_table().items() if " " in key}


@cache  # derived once from the packaged table
def heading_first_words() -> frozenset[str]:
    """The first word of every heading of the table (normalised), and "spotlight": a cheap test
    of whether a heading may start at a word."""
    return frozenset({key.split()[0] for key in _heading_table() if key} | {"spotlight"})


@cache  # derived once from the packaged table
def heading_last_words() -> frozenset[str]:
    """The last word of every heading of the table (normalised): whether a heading may end at a word."""
    return frozenset(key.split()[-1] for key in _heading_table() if key)


def match_heading_exact(text: str) -> tuple[str | None, bool]:
    """``match_heading``, and whether the match is exact (the spotlight, or a heading of the table)
    rather than fuzzy."""
    if not text or len(text) > MAX_HEADING_LENGTH or text.endswith((".", ",", ";")):
        return None, False
    if _SPOTLIGHT_RE.match(text) or squeeze(text) == "spotlight":  # "S P O T L I G H T" too
        return "spotlight", True
    key = normalise_heading(text)
    table = _heading_table()
    if key in table:
        return table[key], True
    if " " not in key and len(key) > _SQUEEZED_MIN:  # a dump that lost the spaces between words
        section = _squeezed_table().get(_SQUEEZED_NUMBER_RE.sub("", key))
        if section is not None:
            return section, True
    if len(key.split()) < 3 or (text.rstrip()[-1:] not in "?" and not text.isupper()):
        return None, False
    best = process.extractOne(key, table.keys(), scorer=fuzz.ratio, score_cutoff=_FUZZY_HEADING_CUTOFF)
    return (table[best[0]], False) if best else (None, False)


def topic_of(text: str) -> str | None:
    """The one section whose keywords the text names ("Q5 Funding for Innovation" -> funding), if exactly one."""
    words = f" {normalise_heading(text)} "
    topics = {key for key, keywords in _keyword_table().items() if any(f" {word}" in words for word in keywords)}
    return topics.pop() if len(topics) == 1 else None


@cache  # read once: the packaged heading table does not change while the program runs
def _keyword_table() -> dict[str, tuple[str, ...]]:
    raw = resources.files("snapshot_extract").joinpath("data/sections.json").read_text("utf-8")
    return {entry["key"]: tuple(normalise_heading(word) for word in entry["keywords"])
            for entry in json.loads(raw)["sections"]}


def spotlight_title(heading: str) -> str | None:
    """The title a spotlight heading carries ("Spotlight | Open Lab" -> "Open Lab"), if any; a
    spotlight heading with no separator before its title ("SPOTLIGHT" over the title in a
    larger type, read as one heading line) carries the rest of its words; a section's heading
    that ends the line is no part of it (a poster's next box's heading read level with it)."""
    match = _SPOTLIGHT_RE.match(heading) or _SPOTLIGHT_WORDS_RE.match(heading)
    if not match or not match.group("title"):
        return None
    words = match.group("title").split(" ")
    table = _heading_table()  # a heading printed level with the title ran into its line: not the title's
    cut = next((index for index in range(1, len(words)) if normalise_heading(" ".join(words[index:])) in table), None)
    return " ".join(words[:cut]) if cut is not None else match.group("title")

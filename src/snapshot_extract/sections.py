"""Sections: ``Document`` -> ``Sections``.

Contract: page furniture is removed (the repeated "City Innovation Snapshot <CITY>, <Country>"
header, whose first occurrence becomes ``Sections.header``, and page numbers); headings are
recognised from ``data/sections.json`` whatever their case, spelling (organisational /
organizational), quotes, numbering or missing "?", also when wrapped over two lines; the lines
between headings are grouped into ``Block``s (paragraphs, bullets, grid rows). Blocks whose
content unambiguously belongs to another section (an Overview "Mayor:" line, a vision sentence
that a two-column dump put elsewhere) are moved there; the move is recorded in
``Sections.moves``. Nothing here interprets values.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Literal

from rapidfuzz import fuzz, process

from .models import Block, Document, Header, Line, Move, Section, Sections
from .textutil import join_wrapped, split_sentences, strip_accents

SECTION_KEYS = (
    "overview", "organisation", "spotlight", "vision", "approach",
    "partnerships", "funding", "impact", "data", "outcomes",
)  # fmt: skip

_HEADER_RE = re.compile(
    r"^\s*city\s+innovation\s+snapshot\s*[|:–—·•-]?\s*(?P<city>[^,(|–—·•]+?)\s*(?:,|\(|\s[|–—·•-]\s)\s*"
    r"(?P<country>[^()]+?)\s*\)?\s*$",
    re.IGNORECASE,
)
_QUESTION_RE = re.compile(r"^(?:\d{1,2}[.)]\s*)?(?:what|how|who|which|where|why|is|are|does|do)\b.{3,70}\?$", re.I)
_PAGE_NUMBER_RE = re.compile(r"^\s*(?:page\s+)?\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?\s*$", re.I)
_SPOTLIGHT_RE = re.compile(r"^\s*spotlight\s*(?:[|:–—-]\s*(?P<title>.*\S))?\s*$", re.IGNORECASE)
_NUMBERING_RE = re.compile(r"^\s*(?:q?\d{1,2}[.):]?|[ivx]{1,4}[.)])\s+", re.IGNORECASE)
_NON_ALNUM_RE = re.compile(r"[^a-z0-9]+")
_SPELLING = (("organizational", "organisational"), ("organized", "organised"))
_FUZZY_HEADING_CUTOFF = 88.0
_MAX_HEADING_LENGTH = 80


# --------------------------------------------------------------------------- headings


def normalise_heading(text: str) -> str:
    """Heading text reduced to lowercase ascii words: no numbering, quotes or punctuation."""
    text = _NUMBERING_RE.sub("", strip_accents(text).lower())
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
    return _match_heading(text)[0]


def _match_heading(text: str) -> tuple[str | None, bool]:
    """``match_heading``, and whether the match is exact (the spotlight, or a heading of the table)
    rather than fuzzy."""
    if not text or len(text) > _MAX_HEADING_LENGTH or text.endswith((".", ",", ";")):
        return None, False
    if _SPOTLIGHT_RE.match(text):
        return "spotlight", True
    key = normalise_heading(text)
    table = _heading_table()
    if key in table:
        return table[key], True
    if len(key.split()) < 3 or (text.rstrip()[-1:] not in "?" and not text.isupper()):
        return None, False
    best = process.extractOne(key, table.keys(), scorer=fuzz.ratio, score_cutoff=_FUZZY_HEADING_CUTOFF)
    return (table[best[0]], False) if best else (None, False)


# --------------------------------------------------------------------------- furniture


def _match_header(text: str) -> re.Match[str] | None:
    return _HEADER_RE.match(text)


def _is_page_number(text: str) -> bool:
    return _PAGE_NUMBER_RE.match(text) is not None


def _header_of(line: Line) -> Header | None:
    """The page header a line is ("City Innovation Snapshot <CITY>, <Country>"), if it is one; a
    snapshot repeats its own on every page."""
    match = _match_header(line.text)
    if match is None:
        return None
    return Header(match.group("city").strip(), match.group("country").strip(), line)


# --------------------------------------------------------------------------- splitting


@dataclass(slots=True)
class _Open:
    """A section while its lines are being read."""

    key: str | None
    heading: str | None = None
    heading_line: Line | None = None
    title: str | None = None
    lines: list[Line] = field(default_factory=list)


def _split(lines: list[Line]) -> Iterator[_Open]:
    current = _Open(None)
    resumed: str | None = None  # the section open before the spotlight panel
    index = 0
    while index < len(lines):
        line = lines[index]
        key, used, heading = _heading_at(lines, index)
        if key is None:
            if current.key == "spotlight" and _leaves_spotlight(current, line):
                yield current
                current = _Open(resumed)
            current.lines.append(line)
            index += 1
            continue
        yield current
        resumed = current.key if key == "spotlight" else resumed
        title = _spotlight_title(heading) if key == "spotlight" else None
        if key == "spotlight" and title is None and _title_follows(lines, index + used):
            title = lines[index + used].text
            used += 1
        current = _Open(None if key == _UNKNOWN else key, heading, line, title)
        index += used
    yield current


_UNKNOWN = "?"


def _leaves_spotlight(current: _Open, line: Line) -> bool:
    """``line`` is on a later page than the spotlight panel and carries on the section before it:
    a panel does not run over a page, and a bullet, or anything after a finished sentence, there is
    the section interrupted by the panel (a list continued at the top of page 2)."""
    heading = current.heading_line
    if current.key != "spotlight" or heading is None or heading.page is None or line.page is None:
        return False
    if line.page <= heading.page or not line.text:
        return False
    last = next((previous.text for previous in reversed(current.lines) if previous.text), "")
    return line.bullet or last.endswith((".", "!", "?"))


def _title_follows(lines: list[Line], index: int) -> bool:
    """A short line of its own right after a bare "Spotlight" heading is the spotlight's title."""
    if index >= len(lines) or (index + 1 < len(lines) and lines[index + 1].text):
        return False
    line = lines[index]
    text = line.text
    return bool(text) and not line.bullet and len(text) <= 80 and not text.endswith((".", ":", "?")) \
        and match_heading(text) is None and not _match_header(text)


def _heading_at(lines: list[Line], index: int) -> tuple[str | None, int, str]:
    """(section key, lines used, heading text) at ``index``; an unrecognised question heading
    gives ``_UNKNOWN`` so that its text is not read as part of the section before it."""
    line = lines[index]
    if not line.text or line.bullet or line.text[-1] == ".":  # no heading, alone or joined to the next
        return None, 1, ""
    if len(line.text) > _MAX_HEADING_LENGTH:  # no heading, alone or joined
        return (_UNKNOWN, 1, line.text) if _is_question(line.text) else (None, 1, "")
    key, exact = _match_heading(line.text)
    if exact or key == "spotlight":
        return key, 1, line.text  # an exact heading on one line
    following = lines[index + 1] if index + 1 < len(lines) else None
    if following and following.text and not following.bullet and not line.text.endswith((".", ":")) \
            and len(line.text) + len(following.text) < _MAX_HEADING_LENGTH:
        joined = line.text + " " + following.text
        joined_key = match_heading(joined)
        if joined_key and not match_heading(following.text):
            return joined_key, 2, joined  # a wrapped heading beats a fuzzy match of its first line
    if key:
        return key, 1, line.text
    if _is_question(line.text):
        return _UNKNOWN, 1, line.text
    return None, 1, ""


def _is_question(text: str) -> bool:
    """An unrecognised question heading."""
    return _QUESTION_RE.match(text) is not None


def _spotlight_title(heading: str) -> str | None:
    match = _SPOTLIGHT_RE.match(heading)
    return match.group("title") if match and match.group("title") else None


def group_blocks(lines: Iterable[Line]) -> tuple[Block, ...]:
    """Group section lines into paragraphs, bullet items and grid rows."""
    blocks: list[Block] = []
    pending: list[Line] = []
    kind: Literal["paragraph", "bullet", "row"] = "paragraph"
    for line in lines:
        if not line.text:
            _close(blocks, kind, pending)
        elif len(line.cells) > 1:
            _close(blocks, kind, pending)
            blocks.append(_block("row", line.text, (line,)))
        elif line.bullet:
            _close(blocks, kind, pending)
            kind = "bullet"
            pending.append(line)
        elif pending and _continues(pending[-1], line, kind):
            pending.append(line)
        else:
            _close(blocks, kind, pending)
            kind = "paragraph"
            pending.append(line)
    _close(blocks, kind, pending)
    return tuple(blocks)


def _close(blocks: list[Block], kind: Literal["paragraph", "bullet", "row"], pending: list[Line]) -> None:
    """End the open block: its lines joined into one ``Block``."""
    if pending:
        blocks.append(_block(kind, join_wrapped([line.text for line in pending]), tuple(pending)))
        pending.clear()


def _block(kind: Literal["paragraph", "bullet", "row"], text: str, lines: tuple[Line, ...]) -> Block:
    return Block(kind, text, lines, split_sentences(text))


_KEY_VALUE_RE = re.compile(r"^[A-Z][\w /]{1,40}:(?:\s|$)")


def _continues(previous: Line, line: Line, kind: str) -> bool:
    if _KEY_VALUE_RE.match(line.text):
        return False
    if kind == "paragraph":
        return not (previous.text.endswith(":") and line.text[:1].isupper())
    first = line.text[:1]
    return first.islower() or previous.text.endswith(("-", "/", ",", ":")) or line.text.startswith(
        ("http", "www.")
    )


# --------------------------------------------------------------------------- relocation

# What a block says that ties it to one section whatever heading it was printed under. Searched
# in lowercased text. Every gap is bounded: an unbounded ".*" between two phrases made a long line
# of words quadratic to search.
_SIGNATURES = {
    "overview": r"^(?:mayor|term|innovation lead|population(?: size)?|innovation\s*/\s*open data website|"
                r"(?:open data )?websites?)\s*:",
    "vision": r"\binnovation (?:strategy|vision)\b|most closely associates innovation",
    "approach": r"approach(?:es)? innovation capacity|priority policy areas",
    "partnerships": r"partnerships? to promote innovation|data partnerships?\b",
    "impact": r"critical success factors?",
    "funding": r"funding (?:to support|for) innovation|(?:has|have|no|not have) (?:any )?dedicated funding|"
               r"funding .{0,200}?directed towards|following sources",
    "data": r"^data plays|role in (?:the )?decision|challenges preventing the use of data|data inventory|"
            r"publish(?:es)? open data",
    "organisation": r"staff skills and profiles|innovation work is|dedicated team for innovation|staff members are",
    "outcomes": r"with sufficient data|without sufficient data",
}  # fmt: skip
_SIGNATURE_RES = {key: re.compile(pattern) for key, pattern in _SIGNATURES.items()}


def signature_of(lowered: str, skip: str | None = None) -> str | None:
    """The section a block's ``lowered`` text unambiguously belongs to (its leftmost signature), if
    any; ``skip``: a section not to consider."""
    best: tuple[int, str] | None = None
    for key, pattern in _SIGNATURE_RES.items():
        match = pattern.search(lowered) if key != skip else None
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), key)
    return best[1] if best else None


def _relocate(
    opened: list[_Open],
) -> tuple[dict[str, Section], tuple[Block, ...], tuple[Move, ...]]:
    grouped: dict[str | None, list[Block]] = {}
    meta: dict[str, _Open] = {}
    for part in opened:
        if part.key is not None and part.key not in meta:
            meta[part.key] = part
        grouped.setdefault(part.key, []).extend(group_blocks(part.lines))
    moved: dict[str, list[Block]] = {}
    moves: list[Move] = []
    for key, blocks in grouped.items():
        kept: list[Block] = []
        for block in blocks:
            target = _target(key, block)
            if target is None:
                kept.append(block)
            else:
                moved.setdefault(target, []).append(block)
                moves.append(Move(block.text, key or "preamble", target))
        grouped[key] = kept
    sections: dict[str, Section] = {}
    for key in SECTION_KEYS:
        blocks = grouped.get(key, []) + moved.get(key, [])
        if key in meta:
            part = meta[key]
            sections[key] = Section(key, part.heading, tuple(blocks), part.heading_line, part.title)
        elif blocks:
            sections[key] = Section(key, None, tuple(blocks))
    return sections, tuple(grouped.get(None, [])), tuple(moves)


def _target(current: str | None, block: Block) -> str | None:
    """The section ``block`` moves to, if any. A block that bears its own section's signature
    stays, whatever else it names; so that test comes first, and the others only without it."""
    lowered = block.text.lower()
    if current is not None and current in _SIGNATURE_RES and _SIGNATURE_RES[current].search(lowered):
        return None
    target = signature_of(lowered, skip=current)
    if target is None:
        return None
    if current == "spotlight" and target != "overview" and "cities surveyed" not in block.text:
        return None
    return target


def detect_sections(document: Document) -> Sections:
    """Split a ``Document`` into canonical sections (see the module docstring)."""
    headers: list[Header] = []
    content: list[Line] = []
    for line in document.lines:  # one pass: page headers out (kept as headers), page numbers out
        found = _header_of(line)
        if found is not None:
            headers.append(found)
        elif not _is_page_number(line.text):
            content.append(line)
    header = headers[0] if headers else None
    cities = tuple(dict.fromkeys(strip_accents(h.as_printed).casefold() for h in headers))
    sections, preamble, moves = _relocate(list(_split(content)))
    return Sections(header, sections, preamble, moves, cities)

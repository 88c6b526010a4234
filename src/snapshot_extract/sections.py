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
from functools import cache, lru_cache
from importlib import resources
from typing import Literal, NamedTuple

from rapidfuzz import fuzz, process

from .models import Document, Line
from .textutil import holds_any, join_wrapped, strip_accents

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


class Block(NamedTuple):
    """A paragraph, a bullet item or a grid row: the unit the field mappers read (a named tuple:
    sections make dozens per document)."""

    kind: Literal["paragraph", "bullet", "row"]
    text: str
    lines: tuple[Line, ...]

    @property
    def cells(self) -> tuple[str, ...]:
        return self.lines[0].cells if self.kind == "row" else (self.text,)


@dataclass(frozen=True, slots=True)
class Header:
    as_printed: str
    country: str
    line: Line


class Section(NamedTuple):
    """One canonical section: its heading as printed and its blocks (a named tuple: compiled, a
    frozen dataclass's __init__ costs several times more, and a document has ten sections)."""

    key: str
    heading: str | None
    blocks: tuple[Block, ...]
    heading_line: Line | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Move:
    text: str
    from_key: str
    to_key: str


@dataclass(frozen=True, slots=True)
class Sections:
    header: Header | None
    sections: dict[str, Section]
    preamble: tuple[Block, ...] = ()
    moves: tuple[Move, ...] = field(default=())
    header_cities: tuple[str, ...] = ()

    def get(self, key: str) -> Section | None:
        return self.sections.get(key)

    def block_texts(self) -> Iterator[str]:
        """The text of every block in reading order: the preamble, then section by section."""
        for block in self.preamble:
            yield block.text
        for section in self.sections.values():
            for block in section.blocks:
                yield block.text


# --------------------------------------------------------------------------- headings


def normalise_heading(text: str) -> str:
    """Heading text reduced to lowercase ascii words: no numbering, quotes or punctuation."""
    text = _NUMBERING_RE.sub("", strip_accents(text).lower())
    text = text.replace("’", "'").replace("‘", "'").replace("'s", "s")
    text = _NON_ALNUM_RE.sub(" ", text).strip()
    for american, british in _SPELLING:
        text = text.replace(american, british)
    return text


@cache
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


@lru_cache(maxsize=8192)
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
    """The page-header match of ``text``; the literal test first spares most lines the regex."""
    return _HEADER_RE.match(text) if text.lstrip()[:4].lower() == "city" else None


def _is_page_number(text: str) -> bool:
    first = text.lstrip()[:1]
    return bool(first) and (first.isdigit() or first in "pP") and _PAGE_NUMBER_RE.match(text) is not None


def _header_of(line: Line) -> Header | None:
    """The page header a line is ("City Innovation Snapshot <CITY>, <Country>"), if it is one; a
    snapshot repeats its own on every page."""
    match = _match_header(line.text)
    if match is None:
        return None
    return Header(match.group("city").strip(), match.group("country").strip(), line)


# --------------------------------------------------------------------------- splitting


class _Open:
    """A section while its lines are being read (a plain class: compiled, it is built natively)."""

    __slots__ = ("key", "heading", "heading_line", "title", "lines")

    def __init__(self, key: str | None, heading: str | None, heading_line: Line | None, title: str | None,
                 lines: list[Line]) -> None:  # fmt: skip
        self.key, self.heading, self.heading_line, self.title, self.lines = key, heading, heading_line, title, lines


def _split(lines: list[Line]) -> Iterator[_Open]:
    current = _Open(None, None, None, None, [])
    resumed: str | None = None  # the section open before the spotlight panel
    index = 0
    while index < len(lines):
        line = lines[index]
        key, used, heading = _heading_at(lines, index)
        if key is None:
            if current.key == "spotlight" and _leaves_spotlight(current, line):
                yield current
                current = _Open(resumed, None, None, None, [])
            current.lines.append(line)
            index += 1
            continue
        yield current
        resumed = current.key if key == "spotlight" else resumed
        title = _spotlight_title(heading) if key == "spotlight" else None
        if key == "spotlight" and title is None and _title_follows(lines, index + used):
            title = lines[index + used].text
            used += 1
        current = _Open(None if key == _UNKNOWN else key, heading, line, title, [])
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
    if len(line.text) > _MAX_HEADING_LENGTH:  # no heading, alone or joined (and no cache churn)
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
    """An unrecognised question heading; the end test spares most lines the regex."""
    return text.endswith(("?", "?\n")) and _QUESTION_RE.match(text) is not None


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
    """End the open block: its lines joined into one ``Block`` (a plain function, not a closure:
    compiled, a closure call costs several times more)."""
    if pending:
        blocks.append(_block(kind, join_wrapped([line.text for line in pending]), tuple(pending)))
        pending.clear()


def _block(kind: Literal["paragraph", "bullet", "row"], text: str, lines: tuple[Line, ...]) -> Block:
    """``Block(kind, text, lines)``, built by ``tuple.__new__`` in C: the named tuple's own
    ``__new__`` is Python code (see ``read.text._line``)."""
    return tuple.__new__(Block, (kind, text, lines))


_KEY_VALUE_RE = re.compile(r"^[A-Z][\w /]{1,40}:(?:\s|$)")


def _continues(previous: Line, line: Line, kind: str) -> bool:
    if ":" in line.text and _KEY_VALUE_RE.match(line.text):
        return False
    if kind == "paragraph":
        return not (previous.text.endswith(":") and line.text[:1].isupper())
    first = line.text[:1]
    return first.islower() or previous.text.endswith(("-", "/", ",", ":")) or line.text.startswith(
        ("http", "www.")
    )


# --------------------------------------------------------------------------- relocation

# (section, literal clues, pattern): the pattern is searched only when a clue is in the text.
_SIGNATURE_PATTERNS = (
    ("overview", (":",), r"^(?:mayor|term|innovation lead|population(?: size)?|innovation\s*/\s*open "
                          r"data website|(?:open data )?websites?)\s*:"),
    ("vision", ("innovation strategy", "innovation vision", "associates innovation"),
     r"\binnovation (?:strategy|vision)\b|most closely associates innovation"),
    ("approach", ("approach", "priority policy"), r"approach(?:es)? innovation capacity|priority policy areas"),
    ("partnerships", ("partnership",), r"partnerships? to promote innovation|data partnerships?\b"),
    ("impact", ("success factor",), r"critical success factors?"),
    ("funding", ("funding", "following sources"),
     r"funding (?:to support|for) innovation|(?:has|have|no|not have) (?:any )?dedicated funding|"
     r"funding .*directed towards|following sources"),
    ("data", ("data plays", "role in", "challenges preventing", "data inventory", "open data"),
     r"^data plays|role in (?:the )?decision|challenges preventing the use of data|data inventory|"
     r"publish(?:es)? open data"),
    ("organisation", ("staff", "innovation work", "dedicated team"),
     r"staff skills and profiles|innovation work is|dedicated team for innovation|staff members are"),
    ("outcomes", ("sufficient data",), r"with sufficient data|without sufficient data"),
)  # fmt: skip
# Searched in lowercased text: a case-sensitive pattern runs markedly faster than re.IGNORECASE.
_SIGNATURES = tuple((key, clues, re.compile(pattern)) for key, clues, pattern in _SIGNATURE_PATTERNS)
_SECTION_SIGNATURE = {key: (clues, pattern) for key, clues, pattern in _SIGNATURES}


def _signature_match(clues: tuple[str, ...], pattern: re.Pattern[str], lowered: str) -> re.Match[str] | None:
    """The signature's first match in ``lowered`` text; searched only when one of its clues is there."""
    return pattern.search(lowered) if holds_any(lowered, clues) else None


def signature_of(lowered: str, skip: str | None = None) -> str | None:
    """The section a block's ``lowered`` text unambiguously belongs to (its leftmost signature), if
    any; ``skip``: a section whose signature is known to be absent."""
    best: tuple[int, str] | None = None
    for key, clues, pattern in _SIGNATURES:
        match = _signature_match(clues, pattern, lowered) if key != skip else None
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
    own = _SECTION_SIGNATURE.get(current) if current is not None else None
    if own is not None and _signature_match(own[0], own[1], lowered) is not None:  # compiled: no *args call
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

"""What every section mapper shares: the accumulator, the evidence locator, list splitting,
peer phrases and yes/no statements.

A mapper is a pure function ``map_x(section, vocabulary) -> FieldResult``. It reads blocks,
never mutates them, and reports every block it consumed; the record stage turns the sentences
no mapper consumed into ``unparsed_text`` warnings, so nothing printed is silently ignored.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from ..geometry import union_box
from ..models import (
    MAX_ITEM_LINE,
    Block,
    Evidence,
    FieldResult,
    Line,
    Section,
    Stray,
    Term,
    Unmapped,
    Warning,
    vocabulary_group,
)
from ..sections.signatures import signature_of
from ..textutil import fold_spaces, join_wrapped
from ..vocabulary import Match, Vocabulary
from .lists import Unit, split_items
from .peer import mentions_peers, parse_peer

_ARTICLE_RE = re.compile(r"^(?:the|a|an)\s+", re.I)
_LEAD_RE = re.compile(
    r"^(?:and|or|as well as(?: with)?|with|also with|including|plus|together with)\s+",
    re.IGNORECASE,
)
_TRAIL = " .;,:!?"
_CONJUNCTION_RE = re.compile(r"\s+(?:and|&|as well as(?: with)?|or|plus)\s+", re.I)
# a glyph set apart by spaces between the items of a list printed as running text ("A · B · C")
_SEPARATOR_RE = re.compile(r"\s+[·•∙▪⦁|]\s+")


def locate(block: Block, part: str | None = None) -> Evidence:
    """Evidence for ``part`` of ``block`` (the whole block when None): page and box of its lines."""
    text = block.text if part is None else fold_spaces(part)
    lines: tuple[Line, ...] = block.lines
    if part is not None and len(lines) > 1:
        lines = _lines_spanning(block, part) or lines
    boxes = [line.bbox for line in lines if line.bbox is not None]
    page = next((line.page for line in lines if line.page is not None), None)
    # the reader's line boxes are rounded to 0.01 pt already, and so is their union
    return Evidence(text, page, union_box(boxes))


def _lines_spanning(block: Block, part: str) -> tuple[Line, ...]:
    """The lines of ``block`` that ``part`` of its text was printed on."""
    start = block.text.find(part)
    if start < 0:
        return ()
    end = start + len(part)
    chosen = []
    offset = 0
    for line in block.lines:
        line_end = offset + len(line.text)
        if line_end > start and offset < end:
            chosen.append(line)
        offset = line_end + 1
    return tuple(chosen)


def clean_item(text: str) -> str:
    """A list element as printed, without leading conjunctions/articles or trailing punctuation."""
    text = fold_spaces(text).strip(_TRAIL)
    previous = None
    while previous != text:
        previous = text
        text = _ARTICLE_RE.sub("", _LEAD_RE.sub("", text)).strip(_TRAIL)
    return text


def split_commas(text: str) -> list[str]:
    """Split at commas and semicolons outside parentheses."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        if char in ",;" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [part for part in (p.strip() for p in parts) if part]


def split_list(text: str, group: str, vocabulary: Vocabulary) -> list[str]:
    """Split an inline list ("with A, B, and C", "A, B as well as C") into its items.

    Commas always split; "and"/"as well as" split only where the vocabulary says the parts are
    terms and the whole is not ("generating ideas and brainstorming" stays whole).
    """
    pieces: list[str] = []
    # "A · B" reads as "A, B"; a term whose own label holds a comma ("Foresight, scenario planning")
    for piece in split_commas(", ".join(_SEPARATOR_RE.split(text))):
        head, *rest = _CONJUNCTION_RE.split(piece, maxsplit=1)  # "scenario planning and data analytics"
        if pieces and _is_exact(vocabulary, group, clean_item(f"{pieces[-1]}, {head}")):
            pieces[-1] = f"{pieces[-1]}, {head}"
            pieces.extend(rest)
        else:
            pieces.append(piece)
    items: list[str] = []
    for piece in pieces:
        items.extend(_split_conjunctions(clean_item(piece), group, vocabulary))
    return [item for item in items if item]


def _is_exact(vocabulary: Vocabulary, group: str, text: str) -> bool:
    """``text`` is a term's label or alias as printed (a score of 100)."""
    match = vocabulary.match(group, text)
    return isinstance(match, Match) and match.score == 100.0


def _split_conjunctions(item: str, group: str, vocabulary: Vocabulary) -> list[str]:
    """Split ``item`` at a conjunction when every part is a confident term; else keep it whole."""
    if not item:
        return []
    if _is_exact(vocabulary, group, item):
        return [item]
    for match in _CONJUNCTION_RE.finditer(item):
        left, right = clean_item(item[: match.start()]), clean_item(item[match.end() :])
        if not vocabulary.is_confident(group, left):
            continue
        rest = _split_conjunctions(right, group, vocabulary)
        if all(vocabulary.is_confident(group, part) for part in rest):
            return [left, *rest]
    return [item]


def is_item(block: Block) -> bool:
    """``Block.is_item``, but not a paragraph that says what a section's sentences say (its
    signature: "The most critical success factors … are …", "… is generally directed towards …"),
    printed without its full stop or cut by a column break: a sentence, not a list item."""
    return block.is_item and (block.kind != "paragraph" or signature_of(block.text.lower()) is None)


def is_list_item(block: Block, path: str, vocabulary: Vocabulary) -> bool:
    """``is_item``, or a line printed with a full stop that names a term of the list at ``path``
    ("Data analyst.", the last item of a list punctuated as a sentence), or a line longer than an
    item that is terms of that list run together, every word of it (a viewer's copy that joined
    a list's lines: "External (non-public) funding Municipal budget Innovative financing tools")."""
    text = block.text
    group = vocabulary_group(path)
    if is_item(block):
        return True
    if parts := separated(text):  # "Gaining efficiency · Engaging residents · …", wrapped or not
        return sum(vocabulary.is_confident(group, part) for part in parts) * 2 >= len(parts)
    if len(block.lines) != 1:
        return False
    if len(text) <= MAX_ITEM_LINE:
        return text.endswith(".") and vocabulary.is_confident(group, text.rstrip(". "))
    if text.endswith((".", ":", "?", "!")) or not text[:1].isupper() or _VERB_RE.search(text):
        return False  # a sentence (its end, or a verb: "… is generally directed towards"), not items run together
    items = split_items([Unit(text, locate(block))], group, vocabulary)
    return len(items) > 1 and all(vocabulary.is_confident(group, item) for item, _ in items)


def item_units(block: Block) -> list[Unit]:
    """The units ``split_items`` reads in a list block: a bullet whole, each cell of a row whole,
    each line of a paragraph (where the items' own boundaries were lost), a line that opens a
    bracket together with the lines up to the one that closes it ("… budget (EU structural" /
    "funds)")."""
    if block.kind == "bullet":
        return [Unit(block.text, locate(block), bullet=True)]
    if block.kind == "row":
        line = block.lines[0]
        boxes = line.cell_boxes or (None,) * len(line.cells)
        cells = zip(line.cells, boxes, strict=True)
        return [Unit(cell, Evidence(cell, line.page, box), bullet=True) for cell, box in cells]
    if parts := separated(block.text):  # each part after a separator starts an item; the first may end one
        return [Unit(part, locate(block, part), bullet=position > 0) for position, part in enumerate(parts)]
    units: list[Unit] = []
    open_brackets = 0
    for line in (line for line in block.lines if line.text):
        if open_brackets > 0:  # a bracket an item opened and the line before did not close: one item
            text = join_wrapped([units[-1].text, line.text])
            both = [box for box in (units[-1].evidence.bbox, line.bbox) if box is not None]
            units[-1] = Unit(text, Evidence(text, units[-1].evidence.page, union_box(both)))
        else:
            units.append(Unit(line.text, Evidence(line.text, line.page, line.bbox)))
        open_brackets = max(0, units[-1].text.count("(") - units[-1].text.count(")"))
    return units


def separated(text: str) -> list[str]:
    """The items of a list printed as running text between separator glyphs ("Gaining efficiency
    within the public sector · Engaging residents"), each no longer than an item; [] for other text."""
    parts = [part.strip(_TRAIL) for part in _SEPARATOR_RE.split(text)]
    return parts if len(parts) > 1 and all(0 < len(part) <= MAX_ITEM_LINE for part in parts) else []


class ItemList:
    """The item blocks of one list (after its intro), read together when the list ends: a wrapped
    item may run from one block into the next, two items may share a line."""

    def __init__(self, found: Found) -> None:
        self.found = found
        self.blocks: list[Block] = []

    def add(self, index: int, block: Block) -> None:
        self.found.use(index)
        self.blocks.append(block)

    def close(self, path: str) -> list[tuple[str, Evidence]]:
        """The items of the blocks added since the last close, for the list at ``path``."""
        units = [unit for block in self.blocks for unit in item_units(block)]
        self.blocks = []
        return split_items(units, vocabulary_group(path), self.found.vocabulary) if units else []


def paragraph_blocks(section: Section | None) -> list[tuple[int, Block]]:
    if section is None:
        return []
    return [(index, block) for index, block in enumerate(section.blocks) if block.kind == "paragraph"]


_VERB_RE = re.compile(r"\b(?:is|are|was|were|has|have|will)\b")  # no term of a list says these
NO_ITEM = "no item read after"  # how the warning on a list whose intro got no item begins


class Found:
    """Accumulator a mapper fills while it reads one section; ``result()`` freezes it. The
    vocabulary group of a path's Terms comes from the record model (``vocabulary_group``)."""

    def __init__(self, section_key: str, vocabulary: Vocabulary) -> None:
        self.key = section_key
        self.vocabulary = vocabulary
        self.values: dict[str, Any] = {}
        self.evidence: dict[str, Evidence] = {}
        self.warnings: list[Warning] = []
        self.unmapped: list[Unmapped] = []
        self.used: set[tuple[int, str | None]] = set()
        self.intros: dict[str, str] = {}  # list path -> the sentence that announced its items
        self.strays: list[Stray] = []  # the list items no term of their list matched

    def use(self, index: int, sentence: str | None = None) -> None:
        """Mark a block as read: the whole block, or (with ``sentence``) one sentence of it."""
        self.used.add((index, sentence))

    def set(self, path: str, value: Any, evidence: Evidence | None) -> None:
        """A scalar value; the first one found for a path wins."""
        if value is None or path in self.values:
            return
        self.values[path] = value
        if evidence is not None:
            self.evidence[path] = evidence

    def expect_items(self, path: str, intro: str) -> None:
        """``intro`` announced items for the list at ``path`` ("... include:"); ``result`` warns
        when none was read (they were printed where the layout could not follow)."""
        self.intros.setdefault(path, intro)

    def unmapped_at(self, path: str) -> bool:
        return any(entry.field == path for entry in self.unmapped)

    def warn(self, path: str, code: str, message: str) -> None:
        self.warnings.append(Warning(field=path, code=code, message=message))

    def term(self, path: str, text: str, evidence: Evidence, *, query: str | None = None) -> bool:
        """Match one printed item; a single Term at ``path`` or an unmapped entry."""
        if path in self.values:
            return False
        found = self._match(path, text, query)
        if found is None:
            return False
        self.values[path] = found
        self.evidence[path] = evidence
        return True

    def terms(self, path: str, items: list[tuple[str, Evidence]]) -> None:
        """Append matched items to the Term list at ``path`` (printed order, first duplicate kept)."""
        current: list[Term] = self.values.setdefault(path, [])
        for text, evidence in items:
            unmapped = len(self.unmapped)
            found = self._match(path, text, None)
            if found is None:
                if len(self.unmapped) > unmapped:  # a new unmapped item: kept with its place
                    self.strays.append(Stray(path, self.unmapped[-1].text, evidence))
                continue
            if any(term.id == found.id for term in current):
                continue
            self.evidence[f"{path}[{len(current)}]"] = evidence
            current.append(found)

    def _match(self, path: str, text: str, query: str | None) -> Term | None:
        group = vocabulary_group(path)
        text = fold_spaces(text).rstrip(" .;,:")
        result = self.vocabulary.match(group, query or text)
        if isinstance(result, Match):
            if not self.vocabulary.confident(result.score):
                self.warn(path, "uncertain_match",
                          f'"{text}" matched {result.id} with a low score ({result.score:g})')
            return Term(id=result.id, label=result.label, text=text, score=result.score)
        if any(entry.field == path and entry.text == text for entry in self.unmapped):
            return None
        nearest = f"nearest: {result.best_id} {result.best_score:g}" if result.best_id else "no candidate"
        self.unmapped.append(Unmapped(field=path, text=text, best_id=result.best_id, best_score=result.best_score))
        self.warn(path, "unmapped_term", f'"{text}" matched no {group} term ({nearest})')
        return None

    def result(self) -> FieldResult:
        for path, intro in self.intros.items():
            if not self.values.get(path) and not self.unmapped_at(path):
                self.warn(path, "unreadable_value", f'{NO_ITEM} "{intro}"')
        return FieldResult(dict(self.values), dict(self.evidence), tuple(self.warnings), tuple(self.unmapped),
                           frozenset(self.used), frozenset(self.intros), tuple(self.strays))


def read_list_intro(found: Found, block: Block, index: int, sentence: str, inline: str, path: str) -> None:
    """A sentence that opens a list ("... include:"): mark it read and take the items it names
    inline ("include A, B and C"); the caller reads the following bullets into ``path``."""
    found.use(index, sentence=sentence)
    inline = inline.strip()
    if not inline:
        found.expect_items(path, sentence)
        return
    read_inline(found, block, path, inline)


_CUT_END_RE = re.compile(r"(?:[,;]|[^\W\d_]-|\b(?:and|or|as well as|with|including|to|the|of|in))\s*$", re.I)


def read_inline(found: Found, block: Block, path: str, inline: str) -> None:
    """The items an inline list of ``block`` names, appended at ``path``. A list that breaks off
    (a comma, "and" or a hyphenated word at its end: a column or page break cut the sentence)
    warns ``list_cut`` on the field: its other items may be printed elsewhere."""
    items = split_list(inline, vocabulary_group(path), found.vocabulary)
    found.terms(path, [(item, locate(block, item)) for item in items])
    warn_if_cut(found, path, inline)


def is_cut(inline: str) -> bool:
    """An inline list that breaks off ("… think tanks, academia and"): a break cut its sentence."""
    return _CUT_END_RE.search(inline) is not None


def warn_if_cut(found: Found, path: str, inline: str) -> None:
    if is_cut(inline):
        found.warn(path, "list_cut", f'the list breaks off at "…{inline.strip()[-40:]}": its other items '
                                     "may be printed elsewhere")


def read_peer(found: Found, path: str, sentence: str, evidence: Evidence) -> None:
    """Set the peer phrase of ``sentence`` at ``path``; warn where its share cannot be read."""
    peer = parse_peer(sentence)
    if peer is None:
        if mentions_peers(sentence) and path not in found.values:
            found.warn(path, "unreadable_value", f'surveyed cities are named but no share was read: "{sentence}"')
        elif sentence[:1].islower() and path not in found.values:  # "de-Hoeve has no formal ...": its start lost
            found.warn(path, "unreadable_value", f'the sentence starts mid-way ("{sentence[:40]}…"): a share of '
                                                 "surveyed cities printed before it may be lost")
        return
    if path in found.values:
        return
    found.set(path, peer, evidence)
    if peer["percent"] is None:
        contrast = peer["text"].lower().startswith(("unlike", "contrary", "in contrast", "different"))
        code = "peer_contrast" if contrast else "unreadable_value"
        reason = "it counts cities that answered differently" if contrast else "its share is not a number"
        found.warn(path, code, f'"{peer["text"]}": percent left null, {reason}')


# Searched in lowercased text.
_NEGATION_RE = re.compile(
    r"\b(?:no|not|never|nor|neither|without|lacks?|lacking|yet\s+to|none|stopped|ceased|discontinued|"
    r"abandoned)\b|n't\b"
)
# After the key, in its clause: a state that ended or ends ("had a strategy until 2019").
_ENDED_RE = re.compile(r"\b(?:until|till|up\s+to|expired|ended|lapsed)\b")
_HEDGE_RE = re.compile(
    r"\b(?:plans?|planning|intends?|intending|aims?|aiming|hopes?|expects?|considering|will|would|"
    r"could|may|might|is\s+developing|is\s+preparing|is\s+drafting)\b"
)
_CLAUSE_BOUNDARY_RE = re.compile(r"[,;:(]|\s[–—]\s|\b(?:but|and|while|whereas|although|though)\b")

Polarity = Literal[True, False, "hedged"] | None


def polarity(sentence: str, key: re.Pattern[str]) -> Polarity:
    """What ``sentence`` says of the thing ``key`` finds: True (it has it), False (negated),
    "hedged" (planned, considered, not yet real, or ended: "until 2019"), or None when ``key`` is
    not in the sentence.

    Only the words of the same clause before the key count, so "Unlike most cities, X has Y" is
    positive and "X does not publish open data" negative; after the key only an end counts. Where
    the sentence names the thing twice and says yes once and no once, the later clause qualifies
    the earlier ("a dedicated team ..., with no dedicated staff"): it is read.
    """
    matches = list(key.finditer(sentence))
    if not matches:
        return None
    said = [_polarity_at(sentence, match) for match in matches]
    definite = [value for value in said if isinstance(value, bool)]
    return definite[-1] if len(set(definite)) > 1 else said[0]


def _polarity_at(sentence: str, match: re.Match[str]) -> Polarity:
    before = sentence[: match.start()].lower()
    window = _CLAUSE_BOUNDARY_RE.split(before)[-1] + " " + match.group(0).lower()
    if _NEGATION_RE.search(window):
        return False
    if _HEDGE_RE.search(window):
        return "hedged"
    rest = sentence[match.end():].lower()
    if not _ENDED_RE.search(rest):
        return True
    return "hedged" if _ENDED_RE.search(_CLAUSE_BOUNDARY_RE.split(rest, maxsplit=1)[0]) else True


def read_flag(found: Found, path: str, sentence: str, key: re.Pattern[str], block: Block) -> bool:
    """Set a boolean from ``sentence`` (of ``block``); a hedged statement leaves it null with a
    warning."""
    value = polarity(sentence, key)
    if value is None:
        return False
    if value == "hedged":
        if path not in found.values:
            found.warn(path, "uncertain_value", f'neither yes nor no (planned, intended or ended): "{sentence}"')
        return True
    if path not in found.values:
        found.set(path, value, locate(block, sentence))
    return True

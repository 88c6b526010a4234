"""Blocks: the lines of a section grouped into paragraphs, bullet items and grid rows, and
blocks moved to the section their content unambiguously belongs to (an Overview "Mayor:" line,
a vision sentence that a two-column dump put elsewhere)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Literal

from ..models import MAX_ITEM_LINE, SECTIONS, Block, Line, Move, Section, record_fields
from ..textutil import NUMBERED_ITEM_RE, OVERVIEW_KEYS, join_wrapped, split_sentences
from .headings import OpenSection, TermGroups

SECTION_KEYS = SECTIONS[2:]  # the sections of the record after source and city: overview ... outcomes


def wrap_width(lines: Sequence[Line]) -> int | None:
    """The width, in characters, that a text dump's running text wraps at (most lines of a
    paragraph fill it); None for a PDF, whose paragraphs the layout stage has already found."""
    lengths = sorted(len(line.text) for line in lines if line.text and line.bbox is None)
    if not lengths or any(line.bbox is not None for line in lines):
        return None
    return lengths[int(0.9 * (len(lengths) - 1))]


def group_blocks(lines: Iterable[Line], wrap: int | None = None, term_groups: TermGroups | None = None
                 ) -> tuple[Block, ...]:
    """Group section lines into paragraphs, bullet items and grid rows. In a dump (``wrap``: the
    width its text wraps at, ``wrap_width``), a line ending well short of it ends its paragraph,
    and so does a line that is a term of the vocabulary (``term_groups``): a list item, not prose."""
    blocks: list[Block] = []
    pending: list[Line] = []
    kind: Literal["paragraph", "bullet", "row"] = "paragraph"
    bridged = False  # a blank line inside an open parenthesis or a sentence: the next line may carry it on
    for line in lines:
        numbered = NUMBERED_ITEM_RE.match(line.text)
        if numbered is not None and len(line.cells) <= 1:  # "1. Item": the list's own marker
            line = line._replace(text=line.text[numbered.end():], bullet=True, cells=())
        if bridged and line.text and not _carries_on(pending, line):
            _close(blocks, kind, pending)
        bridged = not line.text and bool(pending) and (
            _open_parenthesis(pending[-1].text) or (kind == "paragraph" and _cut_mid_sentence(pending, term_groups)))
        if not line.text:
            if not bridged:
                _close(blocks, kind, pending)
        elif len(line.cells) > 1:
            _close(blocks, kind, pending)
            blocks.append(_block("row", line.text, (line,)))
        elif line.bullet:
            _close(blocks, kind, pending)
            kind = "bullet"
            pending.append(line)
        elif pending and _continues(pending, line, kind, wrap, term_groups):
            pending.append(line)
        else:
            _close(blocks, kind, pending)
            kind = "paragraph"
            pending.append(line)
    _close(blocks, kind, pending)
    return tuple(_split_run_ins(blocks, term_groups))


def _open_parenthesis(text: str) -> bool:
    return text.count("(") > text.count(")")


def _cut_mid_sentence(pending: list[Line], term_groups: TermGroups | None) -> bool:
    """A paragraph that stops after a word or a comma ("… human resource support, engagement
    with"), and is not a list item printed without a marker: a column or page break cut it."""
    text = pending[-1].text.rstrip()
    return (text[-1:].isalpha() or text.endswith(",")) and not (term_groups is not None and term_groups(text))


def _carries_on(pending: list[Line], line: Line) -> bool:
    """``line`` carries on, after a blank line, the text the ``pending`` lines left open: it
    starts in lower case, is no list item or grid row, and closes the parenthesis left open
    ("Higher levels of government (national or regional", "", "government)") or goes on with
    the sentence cut ("… engagement with", "", "partners and leadership from the Mayor.") across
    a break: on the page, in the next column or on the next page; in a dump, after a paragraph of
    lines (a one-line block may be a label: "with sufficient data", "", "without sufficient data")."""
    if not line.text[:1].islower() or line.bullet or len(line.cells) > 1:
        return False
    previous = pending[-1]
    if _open_parenthesis(previous.text):
        return ")" in line.text
    if previous.bbox is None or line.bbox is None:
        return len(pending) > 1
    return (line.page, line.column) != (previous.page, previous.column)


def _close(blocks: list[Block], kind: Literal["paragraph", "bullet", "row"], pending: list[Line]) -> None:
    """End the open block: its lines joined into one ``Block``."""
    if pending:
        blocks.append(_block(kind, join_wrapped([line.text for line in pending]), tuple(pending)))
        pending.clear()


def _split_run_ins(blocks: Iterable[Block], term_groups: TermGroups | None) -> Iterator[Block]:
    """``blocks`` with each list item that runs into a sentence bearing a section's signature
    ended where that sentence starts, the sentence a paragraph of its own: a slide's text box set
    it tight under the last bullet; a list printed without markers ran its last item into it
    ("… for firms and residents The most critical success factors …": a paragraph whose words
    before the sentence are a term of the vocabulary)."""
    for block in blocks:
        start = _run_in_start(block, term_groups)
        if start is None:
            yield block
            continue
        # each part one line of the text it holds (the first and the last line's place): the
        # mappers read a paragraph's lines as its items
        item, rest = block.text[:start].rstrip(), block.text[start:]
        yield _block(block.kind, item, (block.lines[0]._replace(text=item),))
        yield _block("paragraph", rest, (block.lines[-1]._replace(text=rest, bullet=False, cells=(rest,)),))


# a space after a word (no punctuation before it) where a sentence starts: a capitalised word,
# then one in lower case ("… residents The most", "… fund) Cluj-Napoca's funding"), not a run of
# capitalised cells ("Equity Blight Government Finance")
_SENTENCE_GAP_RE = re.compile(r"(?<=[\w)]) (?=[^\W\d_a-z][\w'’-]* [a-z])")


def _run_in_start(block: Block, term_groups: TermGroups | None) -> int | None:
    """Where a signed sentence starts inside ``block``: in a bullet longer than an item, its
    first capitalised word before the signature; in a paragraph, the first capitalised word
    after words that are a term of the vocabulary, when the sentence from there bears a signature."""
    text = block.text
    if block.kind == "bullet" and len(text) > MAX_ITEM_LINE:
        return _signed_sentence_start(text)
    if block.kind != "paragraph" or term_groups is None:
        return None
    for gap in _SENTENCE_GAP_RE.finditer(text):
        if gap.start() > MAX_ITEM_LINE:
            break  # the words before it are longer than an item
        if term_groups(text[:gap.start()]) and signature_of(text[gap.end():].lower()):
            return gap.end()
    return None


def _signed_sentence_start(text: str) -> int | None:
    """Where a sentence bearing a section's signature starts inside ``text`` (its first
    capitalised word before the signature), if one does after other words."""
    signed = _leftmost_signature(text.lower())
    if signed is None:
        return None
    starts = [index for index in range(1, signed[0] + 1) if text[index - 1] == " " and text[index].isupper()]
    return starts[-1] if starts else None


def _block(kind: Literal["paragraph", "bullet", "row"], text: str, lines: tuple[Line, ...]) -> Block:
    return Block(kind, text, lines, split_sentences(text))


_KEY_VALUE_RE = re.compile(r"^[A-Z][\w /]{1,40}:(?:\s|$)")


SHORT_LINE = 0.6  # of the wrap width: a line ending before this ended its paragraph


MAX_TERM_LINES = 3  # a term of the vocabulary wraps over this many lines at most


def _continues(pending: list[Line], line: Line, kind: str, wrap: int | None, term_groups: TermGroups | None) -> bool:
    """``line`` carries on the block of the ``pending`` lines."""
    previous = pending[-1]
    if _KEY_VALUE_RE.match(line.text):
        return False
    if kind == "paragraph":
        if not line.text[:1].isupper():
            return True
        if previous.text.endswith(":"):
            return False
        if previous.text.count("(") > previous.text.count(")"):
            return True  # a parenthesis left open: "… within a department (the" / "Department of …)"
        if term_groups is not None and (term_groups(previous.text) or (
                1 < len(pending) <= MAX_TERM_LINES and term_groups(join_wrapped([part.text for part in pending])))):
            return False  # a list item printed without a marker (wrapped or not), then a new line: it ended
        if wrap is None:
            return True
        # in a hard-wrapped dump, a capital after a sentence end, after a line that stops short of
        # the wrap width or after a list item starts a new block: the paragraph, item or tile ended
        ended = (previous.text.endswith((".", "?", "!")) or len(previous.text) < SHORT_LINE * wrap
                 or (term_groups is not None and bool(term_groups(previous.text) or term_groups(line.text))))
        return not ended or previous.text.endswith((",", "/", "-", "&", " and", " or"))
    first = line.text[:1]
    return first.islower() or previous.text.endswith(("-", "/", ",", ":")) or line.text.startswith(
        ("http", "www.")
    )


# --------------------------------------------------------------------------- relocation

# What a block says that ties it to one section whatever heading it was printed under. Searched
# in lowercased text. Every gap is bounded: an unbounded ".*" between two phrases made a long line
# of words quadratic to search.
_SIGNATURES = {
    "overview": rf"^(?:{OVERVIEW_KEYS})\s*:",
    "vision": r"\binnovation (?:strategy|vision)\b|most closely associates innovation",
    "approach": r"approach(?:es)? innovation capacity|priority policy areas?\b",
    "partnerships": r"partnerships? to promote innovation|data partnerships?\b",
    "impact": r"critical success factors?",
    "funding": r"funding (?:to support|for) innovation|(?:has|have|no|not have) (?:any )?dedicated funding|"
               r"funding .{0,200}?directed towards|following sources",
    "data": r"^data plays|role in (?:the )?decision|challenges preventing the use of data|data inventory|"
            r"publish(?:es)? open data",
    "organisation": r"staff skills and profiles|innovation work is\b(?!\s*:)|dedicated team for innovation|"
                    r"staff members are",
    "outcomes": r"with sufficient data|without sufficient data|^(?:in)?sufficient data\.?$",
}  # fmt: skip
_SIGNATURE_RES = {key: re.compile(pattern) for key, pattern in _SIGNATURES.items()}
_TABLE_CELL = 80  # characters: the longest value an overview table prints in one block
_LABEL_RE = re.compile(rf"^(?:{OVERVIEW_KEYS})\s*:?\s*$|" + _SIGNATURES["overview"])


def signature_of(lowered: str, skip: str | None = None) -> str | None:
    """The section a block's ``lowered`` text unambiguously belongs to (its leftmost signature), if
    any; ``skip``: a section not to consider."""
    signed = _leftmost_signature(lowered, skip)
    return signed[1] if signed else None


def _leftmost_signature(lowered: str, skip: str | None = None) -> tuple[int, str] | None:
    """(where, section) of the leftmost signature in ``lowered``, ``skip`` not considered."""
    best: tuple[int, str] | None = None
    for key, pattern in _SIGNATURE_RES.items():
        match = pattern.search(lowered) if key != skip else None
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), key)
    return best


def relocate(
    opened: list[OpenSection], wrap: int | None = None, term_groups: TermGroups | None = None
) -> tuple[dict[str, Section], tuple[Block, ...], tuple[Move, ...]]:
    grouped: dict[str | None, list[Block]] = {}
    meta: dict[str, OpenSection] = {}
    parts = [(part, list(group_blocks(part.lines, wrap, term_groups))) for part in opened]
    moves: list[Move] = _unstack(parts)
    for part, part_blocks in parts:
        if part.key is not None and part.key not in meta:
            meta[part.key] = part
        grouped.setdefault(part.key, []).extend(part_blocks)
    moved: dict[str, list[Block]] = {}
    if "overview" not in meta:
        _headingless_overview(grouped, moved, moves)
    for key, blocks in grouped.items():
        grouped[key] = _move_signed(key, blocks, moved, moves)
    if term_groups is not None:
        for key, blocks in grouped.items():
            grouped[key] = _move_foreign_lists(key, blocks, term_groups, moved, moves)
    # what moved into a section comes after its own blocks, in the order the document printed it
    printed = [block for _, part_blocks in parts for block in part_blocks]
    position = {id(block): index for index, block in enumerate(printed)}
    sections: dict[str, Section] = {}
    for key in SECTION_KEYS:
        blocks = grouped.get(key, []) + sorted(moved.get(key, []), key=lambda block: position[id(block)])
        if key in meta:
            part = meta[key]
            sections[key] = Section(key, part.heading, tuple(blocks), part.heading_line, part.title)
        elif blocks:
            sections[key] = Section(key, None, tuple(blocks))
    return sections, tuple(grouped.get(None, [])), tuple(moves)


def _move_signed(key: str | None, blocks: list[Block], moved: dict[str, list[Block]], moves: list[Move]) -> list[Block]:
    """``blocks`` without those that bear another section's signature (each added to ``moved``),
    and without what goes with them: the rest of an overview table whose label moved, the items
    after a list intro that moved."""
    kept: list[Block] = []
    previous: tuple[Block, str] | None = None  # the last block moved, and where, while what goes with it runs on
    for block in blocks:
        target = _target(key, block)
        if target is None and previous is not None and _goes_with(*previous, block):
            target = previous[1]
        if target is None or target == key:
            kept.append(block)
        else:
            moved.setdefault(target, []).append(block)
            moves.append(Move(block.text, key or "preamble", target))
        previous = (block, target) if target is not None and target != key else None
    return kept


def _goes_with(moved: Block, target: str, block: Block) -> bool:
    """``block`` follows ``moved`` to ``target``: an item of the list ``moved`` introduced, or
    the rest of the overview table ``moved`` is part of."""
    if target == "overview":
        return _same_table(moved, block)
    return block.is_item and (moved.is_item or moved.text.endswith(":"))


def _same_table(label: Block, block: Block) -> bool:
    """``block`` carries on the overview table of ``label`` (the block before it): short, no
    sentence and no list item, on the same page and close under or beside it."""
    above, line = label.lines[-1], block.lines[0]
    if above.bbox is None or line.bbox is None or above.page != line.page or block.kind != "paragraph":
        return False
    if len(block.text) > _TABLE_CELL or block.text.endswith("."):
        return False
    height = above.bbox[3] - above.bbox[1]
    return line.bbox[1] - above.bbox[3] <= 2 * height and line.bbox[3] >= above.bbox[1] - 2 * height


def _headingless_overview(grouped: dict[str | None, list[Block]], moved: dict[str, list[Block]],
                          moves: list[Move]) -> None:
    """An Overview printed without its heading is what comes before the first heading: the
    preamble, from its first overview label ("Mayor:", "Term") on, with the values beside and
    under the labels."""
    preamble = grouped.get(None, [])
    first = next((index for index, block in enumerate(preamble) if _LABEL_RE.match(_first_cell(block).lower())), None)
    if first is None:
        return
    moved.setdefault("overview", []).extend(preamble[first:])
    moves.extend(Move(block.text, "preamble", "overview") for block in preamble[first:])
    del preamble[first:]


def _first_cell(block: Block) -> str:
    """The first cell of a block's first line: a row's first label, a paragraph's first line (a
    label whose value was joined to it from the line below: "Mayor" over "Aroha Ngata")."""
    first = block.lines[0]
    return first.cells[0] if first.cells else first.text


def _unstack(parts: list[tuple[OpenSection, list[Block]]]) -> list[Move]:
    """Headings printed one under the other with their texts after both (a dump that read two
    columns' heads first): an empty section takes the blocks that open the next one up to its
    first block bearing that section's signature (or, without one, its first list item: a
    list of benefits opens its section without a sentence); they are the empty section's content."""
    moves = []
    for (part, blocks), (following, after) in zip(parts, parts[1:], strict=False):
        if blocks or part.key is None or following.key not in _SIGNATURE_RES:
            continue
        signature = _SIGNATURE_RES[following.key]
        signed = next((i for i, block in enumerate(after) if signature.search(block.text.lower())),
                      next((i for i, block in enumerate(after) if block.is_item), None))
        if signed:  # a signature further on, not in the first block
            blocks.extend(after[:signed])
            moves += [Move(block.text, following.key, part.key) for block in after[:signed]]
            del after[:signed]
    return moves


def _target(current: str | None, block: Block) -> str | None:
    """The section ``block`` moves to, if any. A block that bears its own section's signature
    stays, whatever else it names; so that test comes first, and the others only without it."""
    lowered = block.text.lower()
    if current is not None and current in _SIGNATURE_RES and _SIGNATURE_RES[current].search(lowered):
        return None
    return signature_of(lowered, skip=current)


# section key -> the vocabulary groups its lists hold, from the record model
_SECTION_GROUPS = {key: {spec.vocabulary for spec in record_fields()
                         if spec.vocabulary and spec.path.split(".")[0] == key} for key in SECTION_KEYS}


def _move_foreign_lists(key: str | None, blocks: list[Block], term_groups: TermGroups, moved: dict[str, list[Block]],
                        moves: list[Move]) -> list[Block]:
    """``blocks`` without the runs of list items that name terms of a group none of the section's
    lists holds (a grid's cells, a list whose intro a dump printed elsewhere): each such run goes
    to the last section whose lists hold that group, where the reader of that list finds it. The
    run goes from its first to its last item naming that group: what lies before or after it (a
    sentence of the section cut at a column's foot) stays. (Keeping the items before the first
    named one with the run instead: blind round 2 PDFs F1 0.9321 and 11 silent, against 0.9333
    and 7 this way; the sweep's seeds within 0.0004.)"""
    kept: list[Block] = []
    run: list[Block] = []
    for block in [*blocks, None]:
        if block is not None and block.is_item:
            run.append(block)
            continue
        target = _foreign_target(key, run, term_groups)
        if target is not None:
            groups = _SECTION_GROUPS[target]
            named = [index for index, item in enumerate(run)
                     if any(group in groups for cell in item.cells for group in term_groups(cell))]
            first, last = named[0], named[-1] + 1
            moved.setdefault(target, []).extend(run[first:last])
            moves.extend(Move(item.text, key or "preamble", target) for item in run[first:last])
            run = run[:first] + run[last:]
        for item in run:  # one item of another section's list among this one's ("Software developer" under benefits)
            target = _item_target(key, item, term_groups)
            if target is None:
                kept.append(item)
            else:
                moved.setdefault(target, []).append(item)
                moves.append(Move(item.text, key or "preamble", target))
        run = []
        if block is not None:
            kept.append(block)
    return kept


def _item_target(key: str | None, item: Block, term_groups: TermGroups) -> str | None:
    """The section one list item goes to: the last whose lists hold the group the item is a label
    or alias of, when ``key``'s lists do not."""
    groups = term_groups(item.text) if item.kind == "bullet" else ()
    if not groups or (key is not None and _SECTION_GROUPS.get(key, set()).intersection(groups)):
        return None
    return _holder(groups[0])


def _foreign_target(key: str | None, run: list[Block], term_groups: TermGroups) -> str | None:
    """The section a run of items goes to: the one whose lists hold the group most of its items
    name (each cell of a grid row an item: a grid continued in the next column), if not ``key``."""
    items = [cell for block in run for cell in block.cells]
    groups = [named[0] for item in items if (named := term_groups(item))]
    if not groups:
        return None
    group = max(dict.fromkeys(groups), key=groups.count)  # a tie goes to the first named, whatever the hash seed
    if 2 * groups.count(group) < len(items) or (key is not None and group in _SECTION_GROUPS.get(key, set())):
        return None
    return _holder(group)


def _holder(group: str) -> str | None:
    """The last section whose lists hold the vocabulary ``group``, where its items are read."""
    holders = [section for section in SECTION_KEYS if group in _SECTION_GROUPS[section]]
    return holders[-1] if holders else None



"""Relocation: blocks moved to the section their content unambiguously belongs to (an Overview
"Mayor:" line, a vision sentence that a two-column dump put elsewhere, a list continued under
another section's heading)."""

from __future__ import annotations

import re

from ..geometry import level, right_under
from ..models import SECTIONS, Block, Line, Move, Section, record_fields
from ..textutil import OVERVIEW_KEYS
from .blocks import cut_mid_sentence, group_blocks, joined
from .headings import OpenSection, TermGroups
from .signatures import SIGNATURE_RES, SIGNATURES, signature_of

SECTION_KEYS = SECTIONS[2:]  # the sections of the record after source and city: overview ... outcomes


_SENTENCE_WORDS = 4  # a block cut after this many words at least is a sentence, not a label or a cell
_TABLE_CELL = 80  # characters: the longest value an overview table prints in one block
_LABEL_RE = re.compile(rf"^(?:{OVERVIEW_KEYS})\s*:?\s*$|" + SIGNATURES["overview"])


def relocate(
    opened: list[OpenSection], wrap: int | None = None, term_groups: TermGroups | None = None
) -> tuple[dict[str, Section], tuple[Block, ...], tuple[Move, ...]]:
    grouped: dict[str | None, list[Block]] = {}
    meta: dict[str, OpenSection] = {}
    parts = [(part, list(group_blocks(part.lines, wrap, term_groups))) for part in opened]
    moves: list[Move] = _unstack(parts)
    _rejoin_cut(parts, term_groups, moves)
    for part, part_blocks in parts:
        if part.key is not None and part.key not in meta:
            meta[part.key] = part
        grouped.setdefault(part.key, []).extend(part_blocks)
    moved: dict[str, list[Block]] = {}
    if "overview" not in meta or not any(map(_opens_with_label, grouped["overview"])):
        _headingless_overview(grouped, moved, moves)  # no heading, or one read after its labels
    for key, blocks in grouped.items():
        grouped[key] = _move_signed(key, blocks, moved, moves)
    _values_beside_labels(grouped, moved, moves)
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


def _rejoin_cut(parts: list[tuple[OpenSection, list[Block]]], term_groups: TermGroups | None,
                moves: list[Move]) -> None:
    """A sentence cut at a break whose rest the reading order put under another heading ("… data
    partnerships with think tanks, academia and" / "Overview" / "the private sector, to share
    data."): a part's first block, a paragraph in lower case that names no other section by its
    signature, joins the one sentence of four words or more that another part (not the overview)
    leaves cut at its end (none or several: each stays where it is); the section a spotlight panel
    interrupted, resumed after it ("… Bristol has" / the panel / "dedicated funding to …"), too.
    The overview holds no sentences: any of its paragraphs in lower case that ends one is such a
    rest too (a column's last words set at the top of the next column, level with the overview
    panel)."""
    for part, blocks in parts:
        rests = [block for block in blocks if _ends_a_sentence(block)] if part.key == "overview" else blocks[:1]
        for rest in rests:
            if rest.kind != "paragraph" or not rest.text[:1].islower() or rest.text.endswith("?"):
                continue  # a heading's wrapped rest stays
            cut = [(other, other_blocks) for other, other_blocks in parts
                   if other_blocks and other_blocks is not blocks and other.key != "overview"
                   and _cut_sentence(other_blocks[-1], term_groups)]
            signed = signature_of(rest.text.lower())  # a block that names another section stays
            if len(cut) == 1 and signed in (None, cut[0][0].key):
                other, other_blocks = cut[0]
                other_blocks[-1] = joined(other_blocks[-1], rest)
                blocks.remove(rest)
                moves.append(Move(rest.text, part.key or "preamble", other.key or "preamble"))


def _ends_a_sentence(block: Block) -> bool:
    """A paragraph of words that ends with a full stop, holding no address ("cities, to analyse data.")."""
    words = block.text.split()
    return (block.kind == "paragraph" and len(words) >= 2 and block.text.endswith(".")
            and not any(c in word for word in words[:-1] for c in "/:@") and "." not in block.text[:-1])


def _cut_sentence(block: Block, term_groups: TermGroups | None) -> bool:
    """A paragraph of a few words at least that a break cut after a word, not an address."""
    words = block.text.split()
    return (block.kind == "paragraph" and len(words) >= _SENTENCE_WORDS and not any(c in words[-1] for c in "/.:@")
            and cut_mid_sentence(block.text, term_groups))


def _move_signed(key: str | None, blocks: list[Block], moved: dict[str, list[Block]], moves: list[Move]) -> list[Block]:
    """``blocks`` without those that bear another section's signature (each added to ``moved``),
    and without what goes with them: the rest of an overview table whose label moved, the items
    after a list intro that moved."""
    kept: list[Block] = []
    previous: tuple[Block, str] | None = None  # the last block moved, and where, while what goes with it runs on
    for block in blocks:
        target = _target(key, block)
        if target is None and previous is not None and _goes_with(*previous, block) and not _own(key, block):
            target = previous[1]
        if target is None or target == key:
            kept.append(block)
        else:
            moved.setdefault(target, []).append(block)
            moves.append(Move(block.text, key or "preamble", target))
        previous = (block, target) if target is not None and target != key else None
    return kept


def _own(key: str | None, block: Block) -> bool:
    """``block`` bears the signature of ``key``, the section it was printed in: it stays there."""
    return key in SIGNATURE_RES and SIGNATURE_RES[key].search(block.text.lower()) is not None


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
    """An Overview printed without its heading (or whose heading the reading order put after its
    labels, a box's title read after the box's table) is what comes before the first heading: the
    preamble, from its first overview label ("Mayor:", "Term") on, with the values beside and
    under the labels."""
    preamble = grouped.get(None, [])
    first = next((index for index, block in enumerate(preamble) if _opens_with_label(block)), None)
    if first is None:
        return
    moved.setdefault("overview", []).extend(preamble[first:])
    moves.extend(Move(block.text, "preamble", "overview") for block in preamble[first:])
    del preamble[first:]


def _values_beside_labels(grouped: dict[str | None, list[Block]], moved: dict[str, list[Block]],
                          moves: list[Move]) -> None:
    """Values printed beside the Overview's bare labels that the reading order put under another
    heading (a poster's table whose value column was read after the page's other boxes): a short
    block level with a label that has nothing beside it or under it, right of it and near, goes to
    the Overview."""
    overview = grouped.get("overview", []) + moved.get("overview", [])
    labels = [block.lines[0] for block in overview if len(block.lines) == 1 and _BARE_LABEL_RE.match(block.text)]
    values = [block for block in overview if not _BARE_LABEL_RE.match(block.text)]
    lonely = [label for label in labels if not any(_beside(label, block) or _under(label, block) for block in values)]
    if not lonely:
        return
    found = [(key, block) for key, blocks in grouped.items() if key != "overview" for block in blocks
             if _value_like(block) and any(_beside(label, block) for label in lonely)]
    lefts = [block.lines[0].bbox[0] for _, block in found if block.lines[0].bbox is not None]
    column = [(key, block) for key, block in found if block.lines[0].bbox is not None
              and sum(abs(left - block.lines[0].bbox[0]) <= 2 for left in lefts) >= MIN_VALUE_ROWS]
    for key, block in column:  # a column of values beside the labels, not one text that happens level
        grouped[key].remove(block)
        moved.setdefault("overview", []).append(block)
        moves.append(Move(block.text, key or "preamble", "overview"))


MIN_VALUE_ROWS = 2  # values at least, at one left edge, each beside a label: the table's value column


def _value_like(block: Block) -> bool:
    """A paragraph of one or two short lines (the websites), no sentence, no list's intro and no
    label."""
    return (block.kind == "paragraph" and len(block.lines) <= 2 and all(len(line.text) <= _TABLE_CELL
                                                                          for line in block.lines)
            and not block.text.endswith((".", ":")) and _OVERVIEW_KEY_RE.search(block.text) is None)


def _under(label: Line, block: Block) -> bool:
    """``block``'s first line is the next line under ``label`` (a value printed below its label)."""
    line = block.lines[0]
    if label.bbox is None or line.bbox is None or label.page != line.page or line is label:
        return False
    return right_under(label.bbox, line.bbox, gap=1.0, indent=_VALUE_REACH)


_OVERVIEW_KEY_RE = re.compile(OVERVIEW_KEYS, re.IGNORECASE)  # a label's words: no value holds them
_BARE_LABEL_RE = re.compile(rf"^(?:{OVERVIEW_KEYS})\s*:?\s*$", re.IGNORECASE)
_VALUE_REACH = 200.0  # points: a value stands at most this far right of its label


def _beside(label: Line, block: Block) -> bool:
    """``block``'s first line is level with ``label`` and right of it, near, on its page."""
    line = block.lines[0]
    if label.bbox is None or line.bbox is None or label.page != line.page or line is label:
        return False
    return level(label.bbox, line.bbox) and 0 <= line.bbox[0] - label.bbox[2] <= _VALUE_REACH


def _opens_with_label(block: Block) -> bool:
    """``block``'s first cell is an Overview label alone or opens with one ("Mayor:", "Term")."""
    return _LABEL_RE.match(_first_cell(block).lower()) is not None


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
        if blocks or part.key is None or following.key not in SIGNATURE_RES:
            continue
        signature = SIGNATURE_RES[following.key]
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
    if _own(current, block):
        return None
    if current != "overview" and _opens_with_label(block):
        return "overview"  # an Overview label alone on its first line ("Population size" over its value)
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
    # a bullet, or a line of its own that is the whole of a term of one section's list (a list
    # that lost its glyphs: not a policy area, which the priorities and the grid both list)
    bullet = item.kind == "bullet"
    groups = term_groups(item.text) if bullet or len(item.lines) == 1 else ()
    if not groups or (key is not None and _SECTION_GROUPS.get(key, set()).intersection(groups)):
        return None
    if not bullet and sum(groups[0] in _SECTION_GROUPS[section] for section in SECTION_KEYS) > 1:
        return None
    return _holder(groups[0])


def _foreign_target(key: str | None, run: list[Block], term_groups: TermGroups) -> str | None:
    """The section a run of items goes to: the one whose lists hold the group most of its items
    name (each cell of a grid row an item: a grid continued in the next column), if not ``key``."""
    items = [cell for block in run for cell in block.cells]
    home = _SECTION_GROUPS.get(key, set()) if key is not None else set()
    # an item of several groups is of ``key``'s where it can be ("Philanthropy": a funding source too)
    groups = [next((group for group in named if group in home), named[0])
              for item in items if (named := term_groups(item))]
    if not groups:
        return None
    group = max(dict.fromkeys(groups), key=groups.count)  # a tie goes to the first named, whatever the hash seed
    if 2 * groups.count(group) < len(items) or group in home:
        return None
    return _holder(group)


def _holder(group: str) -> str | None:
    """The last section whose lists hold the vocabulary ``group``, where its items are read."""
    holders = [section for section in SECTION_KEYS if group in _SECTION_GROUPS[section]]
    return holders[-1] if holders else None



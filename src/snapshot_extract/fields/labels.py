"""Overview labels and their values: pairs that the blocks did not hold together.

An Overview prints "Label: value" on a line, or its labels and values apart: a table (label |
value, or a row of labels over a row of values), cards (a label over its value), a label with its
values on the lines below it. ``pair_labels`` pairs them by geometry where the reader knows the
boxes (beside, right under, in the same cell) and by reading order where it does not.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..geometry import level, right_under
from ..models import BBox, Block, Evidence, Line, Section
from ..textutil import OVERVIEW_KEYS, ends_in_address
from .addresses import URL_RE, holds_address, is_scheme, lines_text
from .common import Found, locate

_KEYS = OVERVIEW_KEYS
CELL_PADDING = 1.5  # line heights: a table's value may stand this far under its label


KEY_RE = re.compile(rf"^(?P<key>{_KEYS})\s*:\s*(?P<value>.*)$", re.I)


# A label inside a block: Overview lines a layout joined ("... (2019) Innovation / open data
# website: https://..."); consumed whole, so the leftmost label wins over the ones inside it.
PAIR_SEPARATORS = "|·•; "
_SPACED_DASH_END_RE = re.compile(r"\s+[-–—]$")  # a dash set apart between two pairs ("Mayor: X - Term: Y"), no hyphen


_INNER_KEY_RE = re.compile(rf"\s(?P<key>{_KEYS})\s*:", re.I)


# A label with or without its colon, alone on its line or followed by its value: an Overview set as
# a table (label | value) or with the value on the line below
# (a whole word: "MAYORAL TERM" is no "Mayor" label with the value "AL TERM")
# (a typed form's dot leaders too: "Mayor ........ X")
BARE_KEY_RE = re.compile(rf"^(?P<key>{_KEYS})(?!\w)\s*(?:[:\u2013\u2014]|(?:[.\u2026·_]\s?){{3,}}:?)?\s*(?P<value>.*)$",
                         re.I)  # "Mayor — X" too


def labelled_parts(cell: str) -> list[str]:
    """A cell ("Mayor: X    Term: Y" is two) cut before every further capitalised label in it."""
    lead = KEY_RE.match(cell)
    if lead is None or cell.count(":") < 2:  # a further label needs a colon of its own
        return [cell]
    starts = [match.start() + 1 for match in _INNER_KEY_RE.finditer(cell, lead.end("key"))
              if match.group("key")[0].isupper()]
    if not starts:
        return [cell]
    bounds = [0, *starts, len(cell)]
    # the separators between the pairs of a strip ("Mayor: X | Term: Y", "·", "•", ";", " - ") are no value's
    return [_SPACED_DASH_END_RE.sub("", cell[start:end].rstrip(PAIR_SEPARATORS)).strip()
            for start, end in zip(bounds, bounds[1:], strict=False)]


def unlabelled_head(cell: str) -> tuple[str, str]:
    """("million (2021)", "Website: …") for "million (2021) | Website: …": the words before the
    first capitalised label inside ``cell``, and the rest from that label; ("", cell) when no
    label follows words."""
    match = _INNER_KEY_RE.search(cell)
    if match is None or not match.group("key")[0].isupper():
        return "", cell
    return cell[:match.start()].rstrip(PAIR_SEPARATORS).strip(), cell[match.start() + 1:]


def pair_labels(found: Found, section: Section) -> tuple[list[tuple[str, str, Evidence]], list[str]]:
    """Labels and values the blocks read so far did not hold together: a label without its value
    (or its colon) takes the value printed right of it on the same line of the page, or right
    under it, else the value lines after it; a run of labels followed by as many values (a table read column by
    column) pairs them in order; a websites label with an address after it takes the address
    lines that follow too. Each block read is marked used. Also the keys of the labels left
    without a value."""
    pairs: list[tuple[str, str, Evidence]] = _row_pairs(found, section)
    lines, absorbed = _join_wrapped_labels([(index, cell) for index, block in enumerate(section.blocks)
                                            if (index, None) not in found.used for line in block.lines
                                            for cell in _cell_lines(line) if cell.text])
    for index in absorbed:
        found.use(index)
    values = [(index, line) for index, line in lines if not BARE_KEY_RE.match(line.text)]
    order = [line for _, line in lines]
    waiting: list[tuple[str, Line]] = []
    taken: set[int] = set()
    for index, line in lines:
        match = BARE_KEY_RE.match(line.text)
        if match is None:
            continue
        found.use(index)
        key, value = match.group("key").lower(), match.group("value").strip()
        if not value:
            waiting.append((key, line))
            continue
        more = _take(found, values, taken, _addresses_below(line, order, values, taken)) if "web" in key else []
        pairs.append((key, " ".join([value, *(line.text for line in more)]), _evidence([line, *more], value)))
    unpaired: list[tuple[str, Line]] = []
    labels = [label for _, label in waiting]
    for key, label in waiting:
        chosen = _value_of(key, label, values, taken, order, labels)
        if not chosen:
            unpaired.append((key, label))
            continue
        texts = _take(found, values, taken, chosen)
        pairs.append((key, lines_text(texts), _evidence([label, *texts], None)))
    rest = [position for position in range(len(values)) if position not in taken]
    if unpaired and len(rest) == len(unpaired):  # labels, then their values, in the same order
        for (key, label), position in zip(unpaired, rest, strict=True):
            found.use(values[position][0])
            value = values[position][1]
            pairs.append((key, value.text, _evidence([label, value], None)))
        unpaired = []
    return pairs, [key for key, _ in unpaired]


def _value_of(key: str, label: Line, values: list[tuple[int, Line]], taken: set[int], order: list[Line],
              labels: list[Line]) -> list[int]:
    """The value lines of ``label``: beside it or right under it (a websites label's, addresses,
    the cell's run of them), with the lines a wrapped value carries on with; else the line(s)
    after it in reading order."""
    free = [(position, line) for position, (_, line) in enumerate(values) if position not in taken]
    if "web" in key:  # a websites label's value is an address
        addresses = [(position, line) for position, line in free if holds_address(line.text, piece=False)]
        chosen = _beside(label, addresses) or _right_under(label, free)
        if chosen:  # a cell of several websites, one under the other; a strip of them, wrapped under its first
            value = values[chosen[0]][1]
            chosen += _beside(value, addresses, every=True)
            runs = [_cell_run(values[position][1], free) for position in chosen]
            chosen += [line for run in runs for line in run]
            chosen += _stacked(values[chosen[-1]][1], [item for item in addresses if item[0] not in chosen])
            return _cell_run(value, free, upward=True) + chosen
        return _below(label, order, free, several=True)
    starts = [(position, line) for position, line in free if not _carries_an_address(line, free)]
    chosen = _beside(label, starts) or _right_under(label, free)
    if chosen:  # a value wrapped in its cell: the lines right under it that carry it on
        return chosen + _wrapped_rest(values, chosen[0], taken, labels)
    return _below(label, order, free, several=False)


def _carries_an_address(line: Line, free: list[tuple[int, Line]]) -> bool:
    """``line`` is the rest of a web address cut at the end of the line right over it
    ("…/smart-city-and-o" / "pen-innovation-programme"): no value of a label beside it."""
    return holds_address(line.text, piece=True) and any(_under(other, line) and ends_in_address(other.text)
                                                        for _, other in free)


def _row_pairs(found: Found, section: Section) -> list[tuple[str, str, Evidence]]:
    """A table's row of labels over its row of values, as many cells each (a layout dump prints
    both rows as lines of cells): each label with the value in its cell's place. Both blocks are
    marked used."""
    rows = [(index, block.lines[0]) for index, block in enumerate(section.blocks)
            if (index, None) not in found.used and len(block.lines) == 1 and len(block.lines[0].cells) > 1]
    pairs: list[tuple[str, str, Evidence]] = []
    for (index, labels), (next_index, values) in zip(rows, rows[1:], strict=False):
        keys = [BARE_KEY_RE.match(cell) for cell in labels.cells]
        if next_index != index + 1 or len(values.cells) != len(keys) or any(key is None or key.group("value")
                                                                            for key in keys):
            continue
        if any(BARE_KEY_RE.match(cell) for cell in values.cells) or (next_index, None) in found.used:
            continue
        for key, value in zip(keys, values.cells, strict=True):
            assert key is not None
            pairs.append((key.group("key").lower(), value, _evidence([values], value)))
        found.use(index)
        found.use(next_index)
    return pairs


def _cell_lines(line: Line) -> list[Line]:
    """A grid row's cells as lines of their own, each in its own box where the reader knows it
    (a table of labels over values, cards of a label and its value, printed as one row)."""
    if len(line.cells) < 2:
        return [line]
    boxes = line.cell_boxes if len(line.cell_boxes) == len(line.cells) else (None,) * len(line.cells)
    return [line._replace(text=cell, cells=(cell,), bbox=_in_row(box, line.bbox), cell_boxes=(), cell_colors=(),
                          cell_fills=()) for cell, box in zip(line.cells, boxes, strict=True)]


def _in_row(cell: BBox | None, row: BBox | None) -> BBox | None:
    """A cell's box as tall as its row: a one-line label beside a wrapped one stands over the
    row's values as far as the wrapped one does."""
    if cell is None or row is None:
        return cell or row
    return (cell[0], min(cell[1], row[1]), cell[2], max(cell[3], row[3]))


def _take(found: Found, values: list[tuple[int, Line]], taken: set[int], chosen: list[int]) -> list[Line]:
    """The value lines at ``chosen``, marked taken and their blocks used."""
    for position in chosen:
        taken.add(position)
        found.use(values[position][0])
    return [values[position][1] for position in chosen]


def only_addresses(text: str) -> bool:
    """A line of web addresses only: each word an address, a scheme cut from the address after it
    ("http://"), or a separator between them ("https://a.org | https://b.org")."""
    words = text.split()
    return bool(words) and all(URL_RE.fullmatch(word) or is_scheme(word) or word in PAIR_SEPARATORS for word in words)


def _addresses_below(label: Line, order: list[Line], values: list[tuple[int, Line]], taken: set[int]) -> list[int]:
    """The lines right after ``label`` in reading order that hold web addresses only (a
    websites label with its first address beside it and the others under it)."""
    position_of = {id(line): position for position, (_, line) in enumerate(values) if position not in taken}
    chosen: list[int] = []
    for line in order[order.index(label) + 1:]:
        if id(line) not in position_of or not only_addresses(line.text):
            break
        chosen.append(position_of[id(line)])
    return chosen


def _join_wrapped_labels(lines: list[tuple[int, Line]]) -> tuple[list[tuple[int, Line]], set[int]]:
    """A label wrapped in a narrow cell ("Innovation" / "Lead:"), its value printed between its
    two lines in reading order, as one label: two lines, one right under the other at the same
    left edge, that read as a label only together. Also the blocks of the second lines, read."""
    joined = list(lines)
    absorbed: set[int] = set()
    for position, (index, line) in enumerate(joined):
        if BARE_KEY_RE.match(line.text) and not _longer_label(joined, position):
            continue  # a label already, not the first line of a longer one ("Population" / "size:")
        label, taken = line, []
        for _ in range(MAX_LABEL_LINES - 1):  # "Innovation /" / "open data" / "website:"
            later = _second_label_line(joined, position, label)
            if later is None:
                break
            second = joined[later][1]
            box = None if label.bbox is None or second.bbox is None else (
                label.bbox[0], label.bbox[1], max(label.bbox[2], second.bbox[2]), second.bbox[3])
            label = label._replace(text=f"{label.text} {second.text}", bbox=box)
            taken.append(later)
            if _reads_as_label(label.text):
                joined[position] = (index, label)
                absorbed.update(joined[later][0] for later in taken)
                for later in sorted(taken, reverse=True):
                    del joined[later]
                break
    return joined, absorbed


MAX_LABEL_LINES = 4  # a label wrapped in a narrow cell over this many lines at most ("Innovation" / "/ open" / …)


def _second_label_line(lines: list[tuple[int, Line]], position: int, label: Line) -> int | None:
    """Where the next line of ``label``, wrapped from ``position``, may be: on a page, the line
    right under it (``_under``); in a dump (no boxes), the line after the next one, the value
    printed level with the middle of the wrapped label coming between them in the text."""
    if label.bbox is not None:
        return next((later for later in range(position + 1, len(lines)) if _under(label, lines[later][1])), None)
    if label is not lines[position][1]:  # a dump's label on more than two lines: not known
        return None
    following = lines[position + 1][1] if position + 1 < len(lines) else None
    if following is not None and following.bbox is None and _reads_as_label(f"{label.text} {following.text}"):
        return position + 1  # the label's lines one after the other ("Innovation" / "Lead:")
    later = position + 2
    if later < len(lines) and lines[later][1].bbox is None and not BARE_KEY_RE.match(lines[position + 1][1].text):
        return later
    return None


def _longer_label(lines: list[tuple[int, Line]], position: int) -> bool:
    label = lines[position][1]
    later = _second_label_line(lines, position, label)
    return later is not None and _reads_as_label(f"{label.text} {lines[later][1].text}")


def _reads_as_label(text: str) -> bool:
    match = BARE_KEY_RE.match(text)
    return match is not None and not match.group("value").strip()


def _under(line: Line, other: Line, gap: float = 0.6, indent: float = 2.0, outdent: float = 2.0) -> bool:
    """``other`` is the line right under ``line`` at its left edge (``right_under``)."""
    if line.bbox is None or other.bbox is None or other.page != line.page:
        return False
    return right_under(line.bbox, other.bbox, gap=gap, indent=indent, outdent=outdent)


def _beside(label: Line, free: list[tuple[int, Line]], every: bool = False) -> list[int]:
    """The value printed right of ``label`` on the same line of the page (a table's cell): the
    two overlap by half the height of the lower one (a label wrapped over two lines in its cell
    is as tall as two values: of the values at the nearest left edge, the top one). ``every``:
    all such values, left to right (a strip of web addresses set apart by gaps or bars)."""
    if label.bbox is None:
        return []
    right = [(line.bbox[0], line.bbox[1], position) for position, line in free
             if line.bbox is not None and line.page == label.page and line.bbox[0] > label.bbox[2]
             and level(label.bbox, line.bbox)]
    if every:
        return [position for _, _, position in sorted(right)]
    if not right:
        return []
    nearest = min(right)[0]
    return [min((line_top, position) for left, line_top, position in right if left - nearest <= _SAME_LEFT)[1]]


_SAME_LEFT = 4.0  # points: values starting this close are at one left edge (one column of a table)


def _run(start: Line, lines: list[tuple[int, Line]], follows: Callable[[Line, Line], bool]) -> list[int]:
    """The positions of the lines that go on from ``start``, each the first of ``lines`` that
    ``follows`` the one before."""
    chosen: list[int] = []
    edge = start
    while (step := next(((position, line) for position, line in lines if follows(edge, line)), None)) is not None:
        chosen.append(step[0])
        edge = step[1]
    return chosen


def _stacked(value: Line, addresses: list[tuple[int, Line]]) -> list[int]:
    """The addresses set one under the other below ``value``, each in a box of its own (a form's
    fields, padded up to ``CELL_PADDING`` line heights apart) at its left edge."""
    return _run(value, addresses, lambda edge, line: _under(edge, line, gap=CELL_PADDING))


def _cell_run(value: Line, free: list[tuple[int, Line]], upward: bool = False) -> list[int]:
    """The lines that carry on ``value`` in its cell, in printed order: each right under the one
    before at its left edge (``_under``), holding a web address or one unbroken piece of one
    ("…/open-dat" + "a-and-digital-services"); ``upward``: the whole addresses over it instead,
    each right over the one after it (a cell of several set level with the middle of its label,
    the first ones above the label's top)."""
    pieces = [(position, line) for position, line in free if holds_address(line.text, piece=not upward)]
    if upward:
        return _run(value, pieces, lambda edge, line: _under(line, edge))[::-1]
    return _run(value, pieces, _under)


def _wrapped_rest(values: list[tuple[int, Line]], position: int, taken: set[int], labels: list[Line]) -> list[int]:
    """The value lines after ``position``, each right under the one before with no label beside
    it ("Conceição" / "Carvalho Simões": a name wrapped in a narrow cell, in its block or, where
    the reading order set its wrapped label's second line between, in the next; the next row's
    value has its label level with it). The values of the cells beside it, level with its first
    line, may be read between (a table read row by row)."""
    _, last = values[position]
    first = last
    rest: list[int] = []
    for following in range(position + 1, len(values)):
        _, line = values[following]
        outdent = WRAP_OUTDENT * (last.bbox[3] - last.bbox[1]) if last.bbox is not None else 2.0
        if following in taken or not _under(last, line, outdent=outdent) or _labelled(line, labels):
            if not rest and _beside(first, [(following, line)]):
                continue  # the next cell's value on the first line's row
            break
        rest.append(following)
        last = line
    return rest


WRAP_OUTDENT = 0.3  # of a line's height: a wrapped value's next line may start this far left (mandoc's
# table cells place each line's first letter apart by up to 3 points)


def _labelled(line: Line, labels: list[Line]) -> bool:
    """A label starts left of ``line``, level with it (a table row of its own)."""
    return any(_beside(label, [(0, line)]) and label.bbox is not None and line.bbox is not None
               and label.bbox[1] >= line.bbox[1] - 0.5 * (line.bbox[3] - line.bbox[1]) for label in labels)


def _right_under(label: Line, free: list[tuple[int, Line]]) -> list[int]:
    """The value printed right under ``label`` at its left edge, or set in from it by up to a
    line height (a card: the label over its value; a table's row of labels over its row of
    values, padded up to ``CELL_PADDING`` line heights apart; a form's field, its text inset in
    the box under its label), whatever the reading order put between them."""
    if label.bbox is None:
        return []
    height = label.bbox[3] - label.bbox[1]
    return next(([position] for position, line in free
                 if _under(label, line, gap=CELL_PADDING, indent=height)), [])


def _below(label: Line, order: list[Line], free: list[tuple[int, Line]], several: bool) -> list[int]:
    """The value line(s) right after ``label`` in reading order, up to the next label (websites
    may take several); none when a label follows straight away."""
    position_of = {id(line): position for position, line in free}
    chosen: list[int] = []
    for line in order[order.index(label) + 1:]:
        if BARE_KEY_RE.match(line.text) or id(line) not in position_of:
            break
        if several and not holds_address(line.text, piece=bool(chosen)):
            continue  # websites: addresses (and the pieces of one cut at a line end), not another label's value
        chosen.append(position_of[id(line)])
        if not several:
            break
    return chosen


def _evidence(lines: list[Line], part: str | None) -> Evidence:
    block = Block("paragraph", " ".join(line.text for line in lines), tuple(lines), ())
    return locate(block, part)


__all__ = [
    "BARE_KEY_RE", "KEY_RE", "PAIR_SEPARATORS", "labelled_parts", "only_addresses", "pair_labels", "unlabelled_head",
]

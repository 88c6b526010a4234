"""Columns of a dump that kept the page layout (``pdftotext -layout``, pdfplumber's
``layout=True``): two columns printed side by side on the same lines, read back one after the
other; a grid's cells, their labels wrapped over lines, read back column by column.

Such a dump places every piece of text at its page position in a monospaced grid. Where the page
had two columns, many lines hold a run of spaces and then text starting at about the same
character position: the start of the right column (the gutter). ``unweave`` finds that position
on each page (a form feed starts a page), cuts every line that leaves it clear into its left and
right part, and reads the left parts of a run of such lines, then their right parts. A line
whose left text runs into the gutter, pushing the right column's text along, is cut where the
join rules (``joins``: a heading, a list glyph, an address, a broken word) take it apart. A
line whose text runs across the gutter otherwise (the page header, a heading over both columns,
a wide grid row) ends the run and stays as it is.

A grid in such a dump is a run of lines holding several cells each (text, a run of two spaces or
more, text ...), their wrapped labels on the lines around. ``grid_columns`` finds the character
columns that every line of the run leaves blank and reads the cells between them column by column,
one fragment a line, so that a wrapped label comes out as consecutive lines (the list reader
puts a label's fragments back together).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from ..sections.heading_table import exact_heading
from ..textutil import KICKER_RE, OVERVIEW_KEYS, fold_word_spaces
from .joins import split_joined

GAP_RE = re.compile(r"(?<=\S)( {3,})(?=\S)")
MIN_SIDE_BY_SIDE = 6  # lines with text on both sides of one gutter, for a page to have two columns
SLACK = 2  # characters: how far a right column's lines may start from the gutter
MIN_INDENT = 20  # characters past the page's margin: a line starting there is the right column's alone


_WORD_GAPS_RE = re.compile(r"(?<=\S)( +)(?=\S)")
MEASURE_LINES = 5  # lines at least that end at one column, for a dump to have a measure (justified text)
NEIGHBOURS = 2  # lines above and below a justified line whose blanks could line up with its wide gaps
ALIGNED = 2  # of those lines, blank where a wide gap is: a gutter or a cell edge, no stretched space


def unjustified(lines: list[str]) -> list[str]:
    """``lines`` with the word spaces of a justified paragraph back to one space each (a terminal's
    rendering, ``nroff``/``groff -Tutf8``: "Like  half  of  cities  surveyed,  Głogówek  Nowy  has"):
    a line that ends at the dump's measure (the column that most lines with a stretched space end at,
    ``MEASURE_LINES`` at least), its word spaces stretched alike (to n or n + 1 spaces, as nroff
    stretches them), whose gaps of three spaces or more fall where the lines around it
    print on (a justified space; a layout's gutter or a table's cell edge runs down ``ALIGNED``
    lines around it at least)."""
    ends = Counter(len(line.rstrip()) for line in lines if "  " in line.strip())
    if not ends:
        return lines
    measure, count = ends.most_common(1)[0]
    if count < MEASURE_LINES:
        return lines
    result = list(lines)
    for index, line in enumerate(lines):
        if len(line.rstrip()) != measure:
            continue
        gaps = _gaps(line)
        widths = {end - start for start, end in gaps}
        if max(widths, default=1) < 2 or max(widths) - min(widths) > 1:
            continue  # a justified line's spaces are stretched alike, to n or n + 1
        around = [lines[other] for other in range(max(0, index - NEIGHBOURS), min(len(lines), index + NEIGHBOURS + 1))
                  if other != index]
        if any(end - start >= 3 and sum(_open_at(other, (start + end) // 2) for other in around) >= ALIGNED
               for start, end in gaps):
            continue  # a wide gap lined up with the blanks of lines around: columns or cells
        indent = line[:len(line) - len(line.lstrip())]
        result[index] = indent + _WORD_GAPS_RE.sub(" ", line.strip())
    return result


def _gaps(line: str) -> list[tuple[int, int]]:
    return [match.span(1) for match in _WORD_GAPS_RE.finditer(line)]


def _open_at(line: str, column: int) -> bool:
    """``line`` is blank at ``column`` (two spaces at least) and prints on after it: a gutter or
    a cell edge running down past ``column``, or an indent up to a column's start."""
    return line[column - 1:column + 1] == "  " and bool(line[column:].strip())


CELL_GAP_RE = re.compile(r"(?<=\S) {2,}(?=\S)")
_LABEL_RE = re.compile(rf"(?:{OVERVIEW_KEYS})\s*:?", re.IGNORECASE)
MAX_FRAGMENT, MAX_FRAGMENT_WORDS = 40, 5  # a longer piece of text on a grid's line is no cell label


class Unwoven(NamedTuple):
    """``unweave``'s result: the lines column by column, and the text (stripped) of the lines that
    still hold both columns' text or were taken apart by the join rules: their order is a guess."""

    lines: list[str]
    mixed: frozenset[str]


def unweave(raw_lines: list[str]) -> Unwoven | None:
    """The lines column by column, or None when no page has two columns side by side or a grid."""
    pages: list[list[str]] = []
    page: list[str] = []
    for line in raw_lines:
        if "\f" in line and page:
            pages.append(page)
            page = []
        page.append(line)
    pages.append(page)
    mixed: set[str] = set()
    read = [_unweave_page(page, mixed) for page in pages]
    gridded = [grid_columns(result or page) for result, page in zip(read, pages, strict=True)]
    if all(result is None for result in read) and all(result is None for result in gridded):
        return None
    lines = [line for grid, result, page in zip(gridded, read, pages, strict=True) for line in (grid or result or page)]
    return Unwoven(lines, frozenset(mixed))


def grid_columns(lines: list[str]) -> list[str] | None:
    """``lines`` with every grid run read column by column (see the module docstring), or None."""
    out: list[str] = []
    changed = False
    index = 0
    while index < len(lines):
        start, end = _grid_run(lines, index)
        run = lines[start:end]
        counts = {len(CELL_GAP_RE.split(line.strip())) for line in run}
        # a grid whose every line is a whole row reads as it is, row by row; wrapped labels do not
        cells = _cell_columns(run) if len(run) >= 2 and len(counts) > 1 else None
        if cells is None:
            out.append(lines[index])
            index += 1
            continue
        out = out[: len(out) - (index - start)] + cells
        changed = True
        index = end
    return out if changed else None


def _is_fragments(line: str) -> bool:
    """A line of a grid: cells or label fragments (a few words, no sentence end), not the header
    nor a justified line of prose (``fold_word_spaces``)."""
    parts = CELL_GAP_RE.split(fold_word_spaces(line.strip()))
    return bool(line.strip()) and not KICKER_RE.search(line) and all(
        len(part) <= MAX_FRAGMENT and len(part.split()) <= MAX_FRAGMENT_WORDS and not part.endswith(".")
        for part in parts)


def _grid_run(lines: list[str], index: int) -> tuple[int, int]:
    """The grid run around a line of several cells at ``index`` (the label fragments above and
    below it included); an empty run when ``index`` holds no such line."""
    line = fold_word_spaces(lines[index].strip())
    if "  " not in line or len(CELL_GAP_RE.findall(line)) < 2 or not _is_fragments(lines[index]):
        return index, index
    if all(_LABEL_RE.fullmatch(cell) for cell in CELL_GAP_RE.split(line)):  # an Overview table's labels row
        return index, index
    start, end = index, index + 1
    while start > 0 and _is_fragments(lines[start - 1]):
        start -= 1
    while end < len(lines) and _is_fragments(lines[end]):
        end += 1
    return start, end


def _cell_columns(run: list[str]) -> list[str] | None:
    """The fragments of a grid run column by column (a blank line between columns), or None when
    no run of two character columns is blank on every line of the run (a layout dump that packed
    the cells so close that one row's labels overlap the next row's)."""
    width = max(len(line) for line in run)
    padded = [line.ljust(width) for line in run]
    blank = [all(line[column] == " " for line in padded) for column in range(width)]
    bounds, start = [], None
    for column, is_blank in enumerate([*blank, True]):
        if not is_blank and start is None:
            start = column
        elif is_blank and start is not None:
            if column < width and not all(blank[column:column + 2]):
                continue  # one blank column inside a label is a space between its words
            bounds.append((start, column))
            start = None
    if len(bounds) < 2:
        return None
    out: list[str] = []
    for left, right in bounds:
        out += [line[left:right].strip() for line in padded if line[left:right].strip()] + [""]
    return out


def _unweave_page(lines: list[str], mixed: set[str]) -> list[str] | None:
    """The page column by column (see the module docstring), or None without a gutter; the text
    of every line whose order is a guess is added to ``mixed``."""
    gutter = _gutter(lines)
    if gutter is None:
        return None
    out: list[str] = []
    left: list[str] = []
    right: list[str] = []
    for line in lines:
        cut = _cut(line, gutter)
        if cut is None and (cut := _taken_apart(line, gutter)) is not None:
            mixed.update(part.strip() for part in cut)
        if cut is None:  # runs across the gutter: the run of two-column lines ends here
            out += _read(left, right)
            left, right = [], []
            out.append(line)
            if _crosses(line, gutter):
                mixed.add(line.strip())
        else:
            left.append(cut[0])
            right.append(cut[1])
    return out + _read(left, right)


def _crosses(line: str, gutter: int) -> bool:
    """``line`` holds text on both sides of the gutter with no gap there: a line of each column
    joined, or one wide line (the page header and a known heading are the latter)."""
    text = line.strip()
    if KICKER_RE.search(text) or exact_heading(text) is not None:
        return False
    return bool(line[: gutter - SLACK].strip()) and len(line.rstrip()) > gutter + SLACK


def _gutter(lines: list[str]) -> int | None:
    """Where the right column starts on this page: the position most side-by-side lines share,
    with the lines the right column prints alone (pdfplumber's layout puts a line of each column
    apart where their heights differ)."""
    starts: Counter[int] = Counter()
    margin = min((len(line) - len(line.lstrip(" ")) for line in lines if line.strip()), default=0)
    for line in lines:
        if _is_table_row(line):  # a pipe table pads its cells apart: no page column
            continue
        for gap in GAP_RE.finditer(line.rstrip()) if "   " in line else ():
            if not _labels_value(line, gap.span(1)):
                starts[gap.end()] += 1
        indent = len(line) - len(line.lstrip(" "))
        if indent >= margin + MIN_INDENT and _is_prose(line):  # the right column's line alone
            starts[indent] += 1
    if not starts:
        return None
    best = max(starts, key=lambda start: (sum(starts[start + d] for d in range(-SLACK, SLACK + 1)), -start))
    shared = sum(starts[best + d] for d in range(-SLACK, SLACK + 1))
    return best if shared >= MIN_SIDE_BY_SIDE else None


MAX_LABEL = 60  # characters: a longer start of a line holds no Overview label alone


def _labels_value(line: str, gap: tuple[int, int]) -> bool:
    """The text after ``gap`` is an Overview label's value ("Mayor:   Jane Roe"), no column of its
    own: a label and its colon before it, a short value after it (a sidebar's "MAYOR" over its
    value, beside the text's sentence, is a column)."""
    label = line[:gap[0]].strip() if gap[0] <= MAX_LABEL else ""
    return label.endswith(":") and _LABEL_RE.fullmatch(label) is not None and len(line[gap[1]:].strip()) <= MAX_FRAGMENT


def _is_table_row(line: str) -> bool:
    """A row of a pipe table ("|Mayor      |Jane Roe      |"), its cells padded to one width."""
    text = line.strip()
    return len(text) > 2 and text[0] == "|" and text[-1] == "|"


def _is_prose(line: str) -> bool:
    """A line of running text: words set apart by single spaces, four at least (no grid row,
    no cell label)."""
    text = line.strip()
    return "  " not in text and text.count(" ") >= 3


def _cut(line: str, gutter: int) -> tuple[str, str] | None:
    """(left part, right part) of a line that leaves the gutter clear, or None."""
    text = line.rstrip()
    if KICKER_RE.search(text):
        return None  # the page header runs over both columns, its words spread out
    if len(text) < gutter - SLACK:
        return text, ""
    head = text[: gutter - SLACK]
    window = text[gutter - SLACK : gutter + SLACK + 1]
    if not head.strip():  # the right column alone
        return "", text.strip()
    if not window.strip():
        return head.rstrip(), text[gutter - SLACK :].strip()
    # the right part may start a little before the gutter: a space run just before it
    gap = next((match for match in GAP_RE.finditer(text) if abs(match.end() - gutter) <= SLACK), None)
    if gap is None:
        return None
    return text[: gap.start()].rstrip(), text[gap.end() :].strip()


def _taken_apart(line: str, gutter: int) -> tuple[str, str] | None:
    """(left part, right part) of a line whose left column's text runs into the gutter, pushing
    the right column's text along ("▸ Population size: 128 793 (2018) data partnerships ..."),
    where the join rules (``joins.split_joined``) take it apart in two, about the gutter."""
    parts = split_joined(line)
    if len(parts) != 2:
        return None
    end = line.find(parts[0]) + len(parts[0])
    if not gutter - SLACK <= line.find(parts[1], end) or end > 2 * gutter:
        return None
    return line[:end], parts[1]


_SENTENCE_ENDS = ".:;?!"


def _read(left: list[str], right: list[str]) -> list[str]:
    if not any(part for part in right):
        return left
    return [*_bridged(left), "", *_bridged(right)]


def _bridged(column: list[str]) -> list[str]:
    """One column's lines without the blank rows inside a sentence: a layout prints the rows of
    both columns, so a taller label beside it opens blank rows in this column's running text
    ("… with no" / "" / "dedicated staff working …"); a line that ends no sentence, then one
    that carries on in lower case, are one paragraph."""
    out: list[str] = []
    for line in column:
        if line.strip() and line.lstrip()[:1].islower() and out and not out[-1].strip():
            last = next((kept for kept in reversed(out) if kept.strip()), "")
            if last and last.rstrip()[-1:] not in _SENTENCE_ENDS:
                while not out[-1].strip():
                    out.pop()
        out.append(line)
    return out

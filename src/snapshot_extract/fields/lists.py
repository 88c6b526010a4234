"""Lists whose items the layout did not keep apart: tiles whose labels wrap, grid cells run
together on one line, bullets that lost their glyphs.

``split_items(units, group, vocabulary)`` cuts the words of a list region into items by what
the vocabulary knows, not by where a line happens to break. A unit is a printed line (or a
whole bullet, which no item crosses); the cut is the one that leaves the fewest words outside a
confident term, then loses the least score (100 - score, summed over the items), then has the
fewest items. Words no term explains
stay items of their own, verbatim: a whole line when the line as a whole is unexplained, else
each unexplained run (which costs a word more, so a line is cut only when terms explain it).
A clean list, one term per line, comes back unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..geometry import union_box
from ..models import Evidence
from ..textutil import join_wrapped
from ..vocabulary import Match, Vocabulary
from .tiles import Piece, assemble

MAX_ITEM_WORDS = 12  # the longest item a list prints ("Save costs and improve efficiency ...")


@dataclass(frozen=True)
class Unit:
    """One printed line of a list region, or a whole bullet item (``bullet``: no item starts
    before it or runs into it from the unit before)."""

    text: str
    evidence: Evidence
    bullet: bool = False


@dataclass(frozen=True)
class _Word:
    text: str
    unit: int
    first: bool  # the first word of its unit
    last: bool  # the last word of its unit


def split_items(units: Sequence[Unit], group: str, vocabulary: Vocabulary) -> list[tuple[str, Evidence]]:
    """The items of a list region (see the module docstring), each with its evidence."""
    if all(vocabulary.is_confident(group, unit.text) for unit in units):
        return [(unit.text, unit.evidence) for unit in units]
    assembled = assemble([Piece(unit.text, unit.evidence, unit.bullet) for unit in units], group, vocabulary)
    if assembled is not None:  # tile labels wrapped around the labels beside them, put together
        units = [Unit(piece.text, piece.evidence, piece.whole) for piece in assembled]
    words = _words(units)
    # best[i]: (cost, score lost, items, start of the last item) for the words before i; an item
    # is tried from each start, growing a word at a time (a bullet's start ends the growth)
    best: list[tuple[float, float, int, int] | None] = [None] * (len(words) + 1)
    best[0] = (0.0, 0.0, 0, 0)
    for start in range(len(words)):
        before = best[start]
        if before is None:
            continue
        text = ""
        for end in range(start + 1, min(len(words), start + MAX_ITEM_WORDS) + 1):
            word = words[end - 1]
            if end - 1 > start and word.first and units[word.unit].bullet:
                break  # an item never runs across the start of a bullet
            text = word.text if not text else join_wrapped([text, word.text]) if word.first else f"{text} {word.text}"
            cost, lost = _cost(words, start, end, text, group, vocabulary)
            if cost is None:
                continue
            candidate = (before[0] + cost, before[1] + lost, before[2] + 1, start)
            current = best[end]
            if current is None or candidate[:3] < current[:3]:
                best[end] = candidate
    return _items(words, units, best)


def _words(units: Sequence[Unit]) -> list[_Word]:
    words = []
    for index, unit in enumerate(units):
        parts = unit.text.split()
        words += [_Word(part, index, position == 0, position == len(parts) - 1) for position, part in enumerate(parts)]
    return words


def _text(words: Sequence[_Word], start: int, end: int) -> str:
    lines: dict[int, list[str]] = {}
    for word in words[start:end]:
        lines.setdefault(word.unit, []).append(word.text)
    return join_wrapped([" ".join(parts) for parts in lines.values()])


def _cost(words: Sequence[_Word], start: int, end: int, text: str, group: str,
          vocabulary: Vocabulary) -> tuple[float | None, float]:
    """(cost, score lost) of words[start:end] as one item: a confident term costs nothing; a
    whole unit no term explains confidently costs its words (half of them when it is a term with
    a doubt); a part of a unit, one word more; None: not an item (an unexplained run across units)."""
    result = vocabulary.match(group, text)
    if isinstance(result, Match) and vocabulary.confident(result.score):
        return 0.0, 100.0 - result.score
    if words[start].unit != words[end - 1].unit:
        return None, 0.0
    if words[start].first and words[end - 1].last:
        return (end - start) * (0.5 if isinstance(result, Match) else 1.0), 0.0
    return float(end - start) + 1.0, 0.0


def _items(words: Sequence[_Word], units: Sequence[Unit],
           best: Sequence[tuple[float, float, int, int] | None]) -> list[tuple[str, Evidence]]:
    cuts: list[tuple[int, int]] = []
    end = len(words)
    while end > 0:
        state = best[end]
        assert state is not None, "every word can stand in an item of its own unit"
        start = state[3]
        cuts.append((start, end))
        end = start
    items = []
    for start, end in reversed(cuts):
        spanned = [units[index].evidence for index in dict.fromkeys(word.unit for word in words[start:end])]
        boxes = [evidence.bbox for evidence in spanned if evidence.bbox is not None]
        text = _text(words, start, end)
        items.append((text, Evidence(text, spanned[0].page, union_box(boxes))))
    return items

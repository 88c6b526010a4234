"""Tile labels wrapped around the labels beside them: put back together by what the vocabulary knows.

A dump that reads a page line by line by height (pdfplumber's ``extract_text()``, PyMuPDF's
``sort=True``) prints a row of tiles whose labels are centred in their tiles as several lines: the
first line of each wrapped label, then the one-line labels of the row together with the middle
lines, then the last lines::

    Policing and            <- "Policing and Law Enforcement", first line
    Government              <- "Government Finance", first line
    Law Health              <- its middle line, and the one-line "Health"
    Finance
    Enforcement

``assemble`` finds each term of the group (its label or an alias) whose words are printed so:
as runs of whole words, each run inside one line, on lines one after the other (at most
``MAX_SKIP`` lines apart, the lines between holding the other tiles), and in the term's order.
The longest terms are tried first; a run's words are then taken, and what a line has left is read
as before. Only lines that are no term as a whole give words, and only terms that span two lines
or more are assembled (a term inside one line is the item splitter's).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ..geometry import union_box
from ..models import Evidence
from ..vocabulary import Vocabulary

MAX_SKIP = 3  # lines from one run of a label to its next


class Piece(NamedTuple):
    """A printed line of a list region; ``whole``: a bullet item, which gives no words away."""

    text: str
    evidence: Evidence
    whole: bool = False


def assemble(units: Sequence[Piece], group: str, vocabulary: Vocabulary) -> list[Piece] | None:
    """``units`` with the wrapped labels put together (see the module docstring), each where its
    first run was printed; None when no label was. A piece marked whole (a bullet item) gives no
    words."""
    words = [piece.text.split() for piece in units]
    keys = [[_key(word) for word in line] for line in words]
    free = [[not piece.whole and not vocabulary.is_confident(group, piece.text)] * len(line)
            for line, piece in zip(words, units, strict=True)]
    taken = [[False] * len(line) for line in words]
    found: dict[int, list[tuple[str, list[int]]]] = {}  # line -> labels starting there (text, lines spanned)
    printed = _free_keys(keys, free)
    for phrase in _phrases(vocabulary, group):
        if not printed.issuperset(phrase):
            continue  # a word of the phrase is nowhere free to take
        runs = _place(phrase, keys, free)
        if runs is None:
            continue
        for line, start, end in runs:
            taken[line][start:end] = [True] * (end - start)
            free[line][start:end] = [False] * (end - start)
        printed = _free_keys(keys, free)
        text = " ".join(" ".join(words[line][start:end]) for line, start, end in runs)
        found.setdefault(runs[0][0], []).append((text, [line for line, _, _ in runs]))
    if not found:
        return None
    out: list[Piece] = []
    for index, piece in enumerate(units):
        for label, lines in found.get(index, []):
            boxes = [box for line in lines if (box := units[line].evidence.bbox) is not None]
            out.append(Piece(label, Evidence(label, piece.evidence.page, union_box(boxes))))
        out += [piece._replace(text=rest) for rest in _left(words[index], taken[index], piece.text)]
    return out


def _phrases(vocabulary: Vocabulary, group: str) -> list[list[str]]:
    """The group's labels and aliases as lowercase words, the longest first."""
    phrases = {tuple(_key(word) for word in phrase.split())
               for term in vocabulary.groups.get(group, ()) for phrase in (term.label, *term.aliases)}
    return sorted((list(phrase) for phrase in phrases if len(phrase) >= 2), key=lambda phrase: (-len(phrase), phrase))


def _key(word: str) -> str:
    return word.lower().strip(",.;:")


def _free_keys(keys: list[list[str]], free: list[list[bool]]) -> set[str]:
    return {key for line, line_free in zip(keys, free, strict=True)
            for key, is_free in zip(line, line_free, strict=True) if is_free}  # fmt: skip


def _place(phrase: list[str], keys: list[list[str]], free: list[list[bool]]) -> list[tuple[int, int, int]] | None:
    """Runs (line, start, end) that print ``phrase`` over two lines or more, the fewest runs (then
    the first printed) when there are several ways, or None. ``keys``: the lines' words as ``_key``s."""
    best: list[tuple[int, int, int]] | None = None
    for line in range(len(keys)):
        runs = _place_from(phrase, 0, line, keys, free, first=True)
        if runs is not None and len(runs) >= 2 and (best is None or len(runs) < len(best)):
            best = runs
    return best


def _place_from(phrase: list[str], at: int, line: int, keys: list[list[str]], free: list[list[bool]],
                first: bool = False) -> list[tuple[int, int, int]] | None:
    """The fewest runs printing ``phrase[at:]`` from ``line`` on (its first run on ``line`` itself
    when ``first``, else on one of the next ``MAX_SKIP`` lines); the first printed of as few."""
    best: list[tuple[int, int, int]] | None = None
    lines = [line] if first else list(range(line + 1, min(len(keys), line + 1 + MAX_SKIP)))
    for here in lines:
        for start in range(len(keys[here])):
            for size in range(_run(phrase, at, keys[here], free[here], start), 0, -1):
                rest = [] if at + size == len(phrase) else _place_from(phrase, at + size, here, keys, free)
                if rest is not None and (best is None or 1 + len(rest) < len(best)):
                    best = [(here, start, start + size), *rest]
    return best


def _run(phrase: list[str], at: int, line: list[str], free: list[bool], start: int) -> int:
    """How many words of ``phrase`` from ``at`` the free words of ``line`` (its keys) from ``start`` print."""
    size = 0
    while (at + size < len(phrase) and start + size < len(line) and free[start + size]
           and line[start + size] == phrase[at + size]):
        size += 1
    return size


def _left(words: list[str], taken: list[bool], text: str) -> list[str]:
    """What a line has left once labels took some of its words: its text when none was taken,
    else each run of words left, apart."""
    if not any(taken):
        return [text]
    runs: list[list[str]] = [[]]
    for word, is_taken in zip(words, taken, strict=True):
        if not is_taken:
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    return [" ".join(run) for run in runs if run]

"""Running heads and footers in a document's stream of lines: the parts of a page header printed
again alone (the city's name or its city line on page 2, the kicker with the city's name), and
short lines a text dump printed more than once next to other furniture (a footer at a page
break) or three times or more wherever it put them (a footnote). ``header.find_furniture``
calls them once it has found the headers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice

from ..models import Header, Line
from ..textutil import squeeze, strip_accents
from .heading_table import match_heading
from .headings import TermGroups

NEAR = 3  # lines: how far from the kicker its city line may be, and a footer from a page break
_FOOTER_LENGTH = 100
_REPEATS, _REPEATED_WORDS = 3, 4  # a line of this many words printed this often is furniture wherever it stands
_DIGITS_RE = re.compile(r"\d+")
_WORD_RE = re.compile(r"\w+")


def fold(text: str) -> str:
    """``text`` compared without case, accents, spacing or punctuation."""
    return " ".join(_WORD_RE.findall(strip_accents(text).casefold()))


class Folds(dict[int, str]):
    """Line index -> the line's text folded (``fold``), worked out when first asked for: the
    header-part and the footer tests ask for the same short lines."""

    def __init__(self, lines: Sequence[Line]) -> None:
        super().__init__()
        self.lines = lines

    def __missing__(self, index: int) -> str:
        folded = self[index] = fold(self.lines[index].text)
        return folded


def repeated_header_parts(lines: Sequence[Line], headers: list[Header], used: set[int], folds: Folds) -> set[int]:
    """Lines that repeat a header part alone: the city's name (next to other furniture) or its
    city line (page 2's short header), or the kicker with the city's name, in either order
    ("Seoul · City Innovation Snapshot"); also such a part wrapped onto the next line ("AKRON,
    United" / "States")."""
    if not headers:
        return set()
    names = {fold(header.as_printed) for header in headers}
    parts = set(names)
    parts |= {fold(f"{header.as_printed} {header.country}") for header in headers}
    parts |= {fold(f"{header.as_printed} city innovation snapshot") for header in headers}
    parts |= {fold(f"city innovation snapshot {header.as_printed}") for header in headers}
    longest = 2 * max(len(part) for part in parts)  # folding drops punctuation: a longer line is no part
    free = [index for index, line in enumerate(lines) if index not in used and line.text and len(line.text) <= longest]
    starts = {part.split(" ", 1)[0] for part in parts}  # a part wrapped onto the next line starts with one of these
    repeated: set[int] = set()
    for position, index in enumerate(free):
        folded = folds[index]
        if folded in parts:
            found = {index}
        elif folded.split(" ", 1)[0] in starts and position + 1 < len(free) and free[position + 1] == index + 1 \
                and f"{folded} {folds[index + 1]}" in parts:
            found = {index, index + 1}
        else:
            continue
        if not _under_spotlight(lines, index) and not _runs_on(lines, index, used):
            repeated |= found
    # the city's name alone, run on by the line right under it, is a running head only at a page
    # break: elsewhere it is a word of a narrow column's sentence ("Linköping" / "Co-design" / "Studio
    # brings together …")
    bare = {index for index in repeated if folds[index] in names and index + 1 < len(lines) and lines[index + 1].text}
    if bare:
        rank, breaks = _ranks(lines, used)
        repeated -= {index for index in bare if not _near_break(rank[index], breaks) or _starts_sentence(lines, index)}
    return repeated


def _starts_sentence(lines: Sequence[Line], index: int) -> bool:
    """The line at ``index`` (the city's name) is the subject of a sentence: the text line before
    it ends one, the line after it carries on in lower case ("… other organisations." /
    "Querétaro" / "maintains a comprehensive …"), however near a page's furniture it stands."""
    before = next((line.text for line in reversed(lines[:index]) if line.text), "")
    return before.rstrip().endswith((".", "!", "?")) and lines[index + 1].text[:1].islower()


def _under_spotlight(lines: Sequence[Line], index: int) -> bool:
    """The line before ``index`` opens the spotlight panel ("Spotlight: Open", "SPOTLIGHT –"): the
    city's name under it is the rest of the panel's title ("Open" / "Mönchengladbach"), wrapped in
    a narrow column, not a running head; the line before may be the title's start, printed level
    with the heading ("Spotlight:   Open" / "Mönchengladbach")."""
    above = list(islice((lines[at] for at in range(index - 1, -1, -1) if lines[at].text), 2))
    if len(above) == 2 and not (above[0].bbox and above[1].bbox and abs(above[0].bbox[1] - above[1].bbox[1]) < 1):
        above.pop()  # not level with the line before it
    return any(squeeze(line.text).startswith("spotlight") for line in above)


def _runs_on(lines: Sequence[Line], index: int, used: set[int]) -> bool:
    """The line at ``index`` carries on the line right above it, no furniture: the same type, the
    same left edge, at the line spacing ("STREET LAB" / "TALLINN", a title wrapped)."""
    line, above = lines[index], lines[index - 1] if index else None
    if above is None or index - 1 in used or line.bbox is None or above.bbox is None or line.size is None:
        return False
    return (above.page == line.page and above.size == line.size and above.bold == line.bold
            and abs(above.bbox[0] - line.bbox[0]) <= 1 and 0 <= line.bbox[1] - above.bbox[3] <= line.size / 2)


def footers(lines: Sequence[Line], furniture: set[int], folds: Folds, term_groups: TermGroups | None = None
             ) -> set[int]:
    """Short lines of a text dump printed more than once (digits aside), each time within ``NEAR``
    non-blank lines of other furniture or with a last number that counts the pages: a running
    footer or head at a page break; and a line of
    some words printed three times or more, wherever a dump put it (a footnote under the columns:
    "Source: OECD (2019), Survey on …"); never a term of the vocabulary (a priority area and the
    same grid cell, each at a page's foot). (A PDF's are known by their place in the page margin:
    the reader has taken them out.)"""
    position, breaks = _ranks(lines, furniture)
    occurrences: dict[str, list[int]] = {}
    for index in position:  # the non-blank lines, in order
        line = lines[index]
        text = line.text
        if (index not in furniture and len(text) <= _FOOTER_LENGTH and not line.bullet and line.bbox is None
                and not (term_groups is not None and term_groups(text))):
            occurrences.setdefault(_DIGITS_RE.sub("#", folds[index]), []).append(index)
    found: set[int] = set()
    for text, indices in occurrences.items():
        repeated = len(indices) >= _REPEATS and len(text.split()) >= _REPEATED_WORDS
        if repeated or (len(indices) > 1 and (all(_near_break(position[index], breaks) for index in indices)
                                              or _numbered_pages(text, [folds[index] for index in indices])
                                              or _cuts_a_sentence(lines, indices, folds, term_groups))):
            found.update(indices)
    return found


def _cuts_a_sentence(lines: Sequence[Line], indices: list[int], folds: Folds, term_groups: TermGroups | None) -> bool:
    """A line of some words printed twice or more, one copy starting in upper case in the middle
    of a sentence: the line before it stops after a word and the line after it goes on in lower case
    ("… Staff from five departments" / "OECD / Bloomberg Philanthropies — Survey …" / "were
    seconded …"): a running footer that a dump left where the page broke."""
    if len({folds[index] for index in indices}) > 1 or len(folds[indices[0]].split()) < _REPEATED_WORDS:
        return False  # the same words, its numbers too ("Similar to 60% …" and "Similar to 63% …" are two)
    for index in indices:
        before = next((lines[at] for at in range(index - 1, -1, -1) if lines[at].text), None)
        after = next((line.text for line in lines[index + 1 :] if line.text), "")
        text = lines[index].text
        if before is None or before.bullet or not before.text[-1:].isalpha() or not after[:1].islower() \
                or text[:1].islower() or match_heading(before.text) is not None \
                or (term_groups is not None and term_groups(before.text)):
            continue  # (a heading or a list's item stops after a word too)
        if match_heading(f"{text} {after}") is None:  # no heading wrapped ("What is the City's innovation" / "vision")
            return True
    return False


def _numbered_pages(text: str, folded: list[str]) -> bool:
    """Lines alike but for their last number, which counts the pages ("Survey on Innovation
    Capacity in Cities, 2018 — 1" … "— 2"): a footer, wherever a dump put it (a header printed
    on page 1 only leaves no furniture at the page break to find it by); some words besides."""
    if len(text.split()) < _REPEATED_WORDS or not text.endswith("#"):
        return False
    numbers = [int(_DIGITS_RE.findall(line)[-1]) for line in folded]
    return numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def _ranks(lines: Sequence[Line], furniture: set[int]) -> tuple[dict[int, int], list[int]]:
    """Each non-blank line's rank among the non-blank lines (in order), and the ranks of the
    furniture among them: where the page breaks are."""
    rank = {index: position for position, index in enumerate(i for i, line in enumerate(lines) if line.text)}
    return rank, sorted(rank[index] for index in furniture if index in rank)


def _near_break(rank: int, breaks: list[int]) -> bool:
    return any(0 < abs(rank - other) <= NEAR for other in breaks)


__all__ = ["NEAR", "Folds", "fold", "footers", "repeated_header_parts"]

"""Page furniture and text repair for the PDF layout stage (backend-independent).

* ``merge_split_title``: a page header printed over two lines ("City Innovation Snapshot" above
  "ENSCHEDÉ, The Netherlands") becomes one line, so the section stage can read city and country;
* ``remove_furniture``: page numbers ("3", "Page 3 of 4", "– 3 –") in the top/bottom margin and
  margin lines repeated on several pages (running headers, footers) are dropped; the first
  occurrence of a repeated *top* line is kept (it is the header the section stage reads);
* ``Hyphenation``: decides whether a hyphen at a line end is a discretionary break or a real
  hyphen, from evidence in the document itself (the word printed elsewhere whole or hyphenated,
  and whether the producer marks its breaks with U+2010/U+00AD); the decision is written as a
  marker that ``textutil.join_wrapped`` understands (``SOFT_BREAK`` / ``HARD_BREAK``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Protocol, TypeVar

from ..textutil import HARD_BREAK, SOFT_BREAK

MARGIN = 0.1  # of the page height: the top and bottom bands where furniture lives
_TITLE_RE = re.compile(r"^\s*city\s+innovation\s+snapshot\s*[|:–—-]?\s*$", re.IGNORECASE)
_PAGE_NUMBER_RE = re.compile(
    r"^[\s\W_]*(?:page\s*)?\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?[\s\W_]*$", re.IGNORECASE
)
_DIGITS_RE = re.compile(r"\d+")
_WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_BREAK_HYPHENS = ("\u2010", "\u00ad")


class Placed(Protocol):
    """What the furniture pass needs of a line: its text and vertical place on its page."""

    @property
    def text(self) -> str: ...
    @property
    def top(self) -> float: ...
    @property
    def bottom(self) -> float: ...
    @property
    def x0(self) -> float: ...
    @property
    def x1(self) -> float: ...
    @property
    def size(self) -> float: ...


P = TypeVar("P", bound=Placed)


# --------------------------------------------------------------------------- header


def merge_split_title(lines: list[P], merge: Callable[[P, P], P]) -> list[P]:
    """Join a bare "City Innovation Snapshot" line with the line printed right below it."""
    for index, line in enumerate(lines):
        if not _TITLE_RE.match(line.text):
            continue
        below = [
            other for other in lines
            if other is not line and 0 <= other.top - line.bottom <= 1.5 * max(line.size, other.size)
            and other.x0 < line.x1 and other.x1 > line.x0
        ]  # fmt: skip
        if below:
            nearest = min(below, key=lambda other: other.top)
            merged = merge(line, nearest)
            rest = [other for other in lines if other is not line and other is not nearest]
            return [*rest[:index], merged, *rest[index:]]
    return lines


# --------------------------------------------------------------------------- furniture


def remove_furniture(pages: Sequence[list[P]], heights: Sequence[float]) -> list[list[P]]:
    """Drop page numbers and repeated margin lines (see the module docstring)."""
    seen_on: dict[str, set[int]] = {}
    for number, (lines, height) in enumerate(zip(pages, heights, strict=True)):
        for line in lines:
            zone = _zone(line, height)
            if zone:
                seen_on.setdefault(zone + _key(line.text), set()).add(number)
    repeated = {key for key, numbers in seen_on.items() if len(numbers) > 1}
    kept_top: set[str] = set()
    result = []
    for lines, height in zip(pages, heights, strict=True):
        page_lines = []
        for line in lines:
            zone = _zone(line, height)
            if zone and _PAGE_NUMBER_RE.match(line.text):
                continue
            key = zone + _key(line.text)
            if zone and key in repeated:
                if zone == "top" and key not in kept_top:
                    kept_top.add(key)
                    page_lines.append(line)
                continue
            page_lines.append(line)
        result.append(page_lines)
    return result


def _zone(line: Placed, height: float) -> str:
    if line.bottom <= MARGIN * height:
        return "top"
    if line.top >= (1 - MARGIN) * height:
        return "bottom"
    return ""


def _key(text: str) -> str:
    return _DIGITS_RE.sub("#", " ".join(text.lower().split()))


# --------------------------------------------------------------------------- hyphenation


@dataclass(frozen=True)
class Hyphenation:
    """Evidence for line-end hyphens: the document's words and how its producer marks breaks."""

    words: frozenset[str]
    marks_breaks: bool

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Hyphenation:
        words: set[str] = set()
        marks = False
        for text in texts:
            words.update(_WORD_RE.findall(text.lower()))
            marks = marks or text.rstrip().endswith(_BREAK_HYPHENS)
        return cls(frozenset(words), marks)

    def mark(self, text: str, following: str) -> str:
        """``text`` with its line-end hyphen replaced by a break marker when the evidence says:
        the word printed elsewhere in the document (hyphenated or whole), then in the project's
        vocabulary and headings, then the producer's break character; else ``text`` unchanged
        for ``join_wrapped``'s own rules."""
        stripped = text.rstrip()
        if len(stripped) < 2 or stripped[-1] not in ("-", *_BREAK_HYPHENS):
            return text
        fragment = re.findall(r"[^\W\d_]+$", stripped[:-1])
        head = re.match(r"[^\W\d_]+", following.lstrip())
        if not fragment or head is None or not head.group()[0].islower():
            return stripped[:-1] + "-" if stripped[-1] != "-" else text
        joined = (fragment[0] + head.group()).lower()
        hyphenated = f"{fragment[0]}-{head.group()}".lower()
        for words in (self.words, known_words()):
            if hyphenated in words:
                return stripped[:-1] + HARD_BREAK
            if joined in words:
                return stripped[:-1] + SOFT_BREAK
        if stripped[-1] in _BREAK_HYPHENS:
            return stripped[:-1] + SOFT_BREAK
        if self.marks_breaks:
            return stripped[:-1] + HARD_BREAK
        return text


@cache
def known_words() -> frozenset[str]:
    """Words of the packaged vocabulary (labels, aliases) and section headings."""
    package = resources.files("snapshot_extract")
    vocabulary = json.loads(package.joinpath("data/vocabulary.json").read_text("utf-8"))
    headings = json.loads(package.joinpath("data/sections.json").read_text("utf-8"))
    texts = [text for group in vocabulary["groups"].values() for term in group["terms"]
             for text in (term["label"], *term.get("aliases", ()))]
    texts.extend(text for section in headings["sections"] for text in section["headings"])
    return frozenset(word for text in texts for word in _WORD_RE.findall(text.lower()))

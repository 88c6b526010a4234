"""Page furniture and text repair for the PDF layout stage (backend-independent).

* ``merge_split_title``: a page header printed over two lines ("City Innovation Snapshot" above
  "ENSCHEDÉ, The Netherlands") becomes one line, so the section stage can read city and country;
* ``remove_furniture``: page numbers ("3", "Page 3 of 4", "– 3 –") in the top/bottom margin and
  margin lines repeated on several pages (running headers, footers) are dropped; the first
  occurrence of a repeated *top* line is kept (it is the header the section stage reads); so is
  a footer printed once (a one-page document): a line in the bottom margin, smaller than the
  body text, set well apart below everything else on its page;
* ``Hyphenation``: decides whether a hyphen at a line end is a discretionary break or a real
  hyphen, from evidence in the document itself (the word printed elsewhere whole or hyphenated,
  whether the producer marks its breaks with U+2010/U+00AD, and whether it breaks words with a
  plain hyphen); the decision is written as a marker that ``textutil.join_wrapped`` understands
  (``SOFT_BREAK`` / ``HARD_BREAK``).
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
FOOTER_SMALLER = 0.6  # points: a lone footer's font is at least this much smaller than the body's
FOOTER_GAP = 3.0  # of the body size: how far a lone footer sits below everything else
_TITLE_RE = re.compile(r"^\s*city\s+innovation\s+snapshot\s*[|:–—·•-]?\s*$", re.IGNORECASE)
_PAGE_NUMBER_RE = re.compile(
    r"^[\s\W_]*(?:page\s*)?\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?[\s\W_]*$", re.IGNORECASE
)
_DIGITS_RE = re.compile(r"\d+")
_FRAGMENT_RE = re.compile(r"[^\W\d_]+$")
_HEAD_RE = re.compile(r"[^\W\d_]+")
_WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_BREAK_HYPHENS = ("\u2010", "\u00ad")
_MARKED_BREAK_RE = re.compile("[\u2010\u00ad][ \t]*(?:\n|$)")
LINE_END_HYPHENS = ("-", *_BREAK_HYPHENS)
PRODUCER_BREAKS = 2  # plain line-end hyphens the evidence shows to be breaks: the producer hyphenates


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


def remove_furniture(pages: Sequence[list[P]], heights: Sequence[float], body_size: float) -> list[list[P]]:
    """Drop page numbers, repeated margin lines and lone footers (see the module docstring);
    ``body_size`` is the font size of most of the text."""
    keyed = [[(line, _margin_key(line, height)) for line in lines]
             for lines, height in zip(pages, heights, strict=True)]
    seen_on: dict[str, set[int]] = {}
    for number, page_keyed in enumerate(keyed):
        for _, key in page_keyed:
            if key:
                seen_on.setdefault(key, set()).add(number)
    repeated = {key for key, numbers in seen_on.items() if len(numbers) > 1}
    kept_top: set[str] = set()
    result = []
    for page_keyed in keyed:
        page_lines = []
        for line, key in page_keyed:
            if not key:  # body text: no furniture test applies
                page_lines.append(line)
                continue
            if _PAGE_NUMBER_RE.match(line.text):
                continue
            if key in repeated:
                if key.startswith("top") and key not in kept_top:
                    kept_top.add(key)
                    page_lines.append(line)
                continue
            page_lines.append(line)
        result.append(page_lines)
    return [_without_footer(lines, height, body_size) for lines, height in zip(result, heights, strict=True)]


def _without_footer(lines: list[P], height: float, body_size: float) -> list[P]:
    """``lines`` without a footer seen once (a one-page document has no repeats): lines in the
    bottom margin, in a font smaller than the body text, set apart below everything else on the
    page by ``FOOTER_GAP`` body sizes."""
    footer = [line for line in lines
              if line.top >= (1 - MARGIN) * height and line.size <= body_size - FOOTER_SMALLER]
    if not footer:
        return lines
    candidates = {id(line) for line in footer}
    lowest = max((line.bottom for line in lines if id(line) not in candidates), default=0.0)
    dropped = {id(line) for line in footer if line.top - lowest >= FOOTER_GAP * body_size}
    return [line for line in lines if id(line) not in dropped] if dropped else lines


def _margin_key(line: Placed, height: float) -> str:
    """What a line in the top or bottom margin is known by on every page ("top" or "bottom" and
    its text, digits as ``#``); "" for a line of the body."""
    if line.bottom <= MARGIN * height:
        return "top" + _key(line.text)
    if line.top >= (1 - MARGIN) * height:
        return "bottom" + _key(line.text)
    return ""


def _key(text: str) -> str:
    return _DIGITS_RE.sub("#", " ".join(text.lower().split()))


# --------------------------------------------------------------------------- hyphenation


@dataclass(frozen=True)
class Hyphenation:
    """Evidence for line-end hyphens: the document's words and how its producer marks breaks."""

    text: str  # the document's lines, lower-cased, one a line
    marks_breaks: bool

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Hyphenation:
        text = "\n".join(texts)
        # substring tests spare most documents a regex scan of their whole text
        marked = any(mark in text for mark in _BREAK_HYPHENS) and _MARKED_BREAK_RE.search(text) is not None
        return cls(text.lower(), marked)

    def printed(self, word: str, times: int = 1) -> bool:
        """``word`` (lower case) is printed at least ``times`` times as a word of its own: not
        part of a longer word or of a hyphenated compound. (Searched for rather than indexed up
        front: a document asks about a few words only.)"""
        text, size, found = self.text, len(word), 0
        start = text.find(word)
        while start >= 0:
            if not (_joins(text, start - 1, -1) or _joins(text, start + size, 1)):
                found += 1
                if found >= times:
                    return True
            start = text.find(word, start + 1)
        return False

    def mark_all(self, ends: Sequence[tuple[str, str]]) -> list[str]:
        """Each line end ``(text, following)`` marked as ``mark`` does; and when the evidence shows
        that the producer breaks words with a plain hyphen (``PRODUCER_BREAKS`` of them, none
        marked with U+2010/U+00AD), a plain hyphen the evidence left open that joins two pieces
        neither of which is a word of the document or the vocabulary ("Re-" + "cent") is a
        break too: a real compound joins words ("co-" + "design", "city-" + "wide")."""
        marked = [self.mark(text, following) for text, following in ends]
        breaks = sum(1 for (text, _), result in zip(ends, marked, strict=True)
                     if result.endswith(SOFT_BREAK) and text.rstrip().endswith("-"))
        if self.marks_breaks or breaks < PRODUCER_BREAKS:
            return marked
        return [self._word_break(text, following) if result == text else result
                for (text, following), result in zip(ends, marked, strict=True)]

    def _word_break(self, text: str, following: str) -> str:
        stripped = text.rstrip()
        pieces = _pieces(stripped, following)
        if pieces is None or not stripped.endswith("-"):
            return text
        known = known_words()
        if any(piece in known or self.printed(piece, 2) for piece in (pieces[0].lower(), pieces[1].lower())):
            return text  # a word piece cut by a break is printed once, as itself
        return stripped[:-1] + SOFT_BREAK

    def mark(self, text: str, following: str) -> str:
        """``text`` with its line-end hyphen replaced by a break marker when the evidence says:
        the word printed elsewhere in the document (hyphenated or whole), then in the project's
        vocabulary and headings, then the producer's break character; else ``text`` unchanged
        for ``join_wrapped``'s own rules."""
        stripped = text.rstrip()
        if len(stripped) < 2 or stripped[-1] not in LINE_END_HYPHENS:
            return text
        pieces = _pieces(stripped, following)
        if pieces is None:
            return stripped[:-1] + "-" if stripped[-1] != "-" else text
        fragment, head = pieces
        joined = (fragment + head).lower()
        hyphenated = f"{fragment}-{head}".lower()
        known = known_words()
        for printed in (self.printed, known.__contains__):
            if printed(hyphenated):
                return stripped[:-1] + HARD_BREAK
            if printed(joined):
                return stripped[:-1] + SOFT_BREAK
        if stripped[-1] in _BREAK_HYPHENS:
            return stripped[:-1] + SOFT_BREAK
        if self.marks_breaks:
            return stripped[:-1] + HARD_BREAK
        return text


def _joins(text: str, index: int, step: int) -> bool:
    """The character at ``index`` carries a word on: a letter, or a hyphen with a letter after
    it (``step`` is the direction away from the word)."""
    if not 0 <= index < len(text):
        return False
    char = text[index]
    if char == "-":
        beyond = index + step
        return 0 <= beyond < len(text) and text[beyond].isalpha()
    return char.isalpha()


def _pieces(stripped: str, following: str) -> tuple[str, str] | None:
    """(word piece before the line-end hyphen, word piece the next line starts with) when that
    one starts with a lowercase letter, else None."""
    body = stripped[:-1]
    # searched for after the last space (no letter run holds one): a search from the start
    # would try every position of the line
    fragment = _FRAGMENT_RE.search(body, body.rfind(" ") + 1)
    head = _HEAD_RE.match(following.lstrip())
    if fragment is None or head is None or not head.group()[0].islower():
        return None
    return fragment.group(), head.group()


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

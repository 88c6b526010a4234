"""Headings: which line opens which canonical section, and the document cut at its headings.

A line opens a section where the heading table names it (``heading_table``), also when wrapped
over two lines or set in a heading's type; a question that names no known section opens a
section of its own (``UNKNOWN``), so its text is not read as part of the one before. "Spotlight |
<title>" opens the spotlight panel, whose title may follow on lines of its own, and which ends
where the page does when the section it interrupted carries on after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..models import Line, is_neutral
from ..textutil import ends_mid_sentence, join_wrapped
from .heading_table import (
    MAX_HEADING_LENGTH,
    NUMBERING_RE,
    exact_heading,
    match_heading,
    match_heading_exact,
    spotlight_title,
    topic_of,
)

_QUESTION_RE = re.compile(r"^(?:\d{1,2}[.)]\s*)?(?:what|how|who|which|where|why|is|are|does|do)\b.{3,70}\?$", re.I)
TermGroups = Callable[[str], tuple[str, ...]]  # the vocabulary groups a text is a label or alias of


# --------------------------------------------------------------------------- furniture


@dataclass(slots=True)
class OpenSection:
    """A section while its lines are being read."""

    key: str | None
    heading: str | None = None
    heading_line: Line | None = None
    title: str | None = None
    lines: list[Line] = field(default_factory=list)


def split_at_headings(lines: list[Line], term_groups: TermGroups | None = None) -> Iterator[OpenSection]:
    current = OpenSection(None)
    resumed: str | None = None  # the section open before the spotlight panel
    body = _body_size(lines)
    index = 0
    while index < len(lines):
        line = lines[index]
        key, used, heading = _heading_at(lines, index, term_groups, body)
        if key is None:
            if current.key == "spotlight" and _leaves_spotlight(current, line):
                yield current
                current = OpenSection(resumed)
            current.lines.append(line)
            index += 1
            continue
        yield current
        resumed = current.key if key == "spotlight" else resumed
        title = spotlight_title(heading) if key == "spotlight" else None
        if key == "spotlight":
            title, used = _read_title(lines, index, used, title)
        current = OpenSection(None if key == UNKNOWN else key, heading, line, title)
        index += used
    yield current


UNKNOWN = "?"


def _leaves_spotlight(current: OpenSection, line: Line) -> bool:
    """``line`` is no longer the spotlight's: printed outside the panel that holds the spotlight's
    heading and text; or on a later page than the panel, carrying on the section before it (a
    panel does not run over a page, and a bullet, or anything after a finished sentence, there
    is the section interrupted by the panel: a list continued at the top of page 2)."""
    heading = current.heading_line
    if current.key != "spotlight" or heading is None or heading.page is None or line.page is None:
        return False
    if not line.text:
        return False
    if heading.panel and line.panel == 0:  # a panel's spotlight ends with its panel (its text in one too)
        first = next((previous for previous in current.lines if previous.text), None)
        if first is not None and first.panel:
            return True
    if line.page <= heading.page:
        return False
    last = next((previous.text for previous in reversed(current.lines) if previous.text), "")
    return line.bullet or last.endswith((".", "!", "?"))


def _read_title(lines: list[Line], index: int, used: int, title: str | None) -> tuple[str | None, int]:
    """The spotlight's title and the lines its heading at ``index`` takes: the title printed in
    the heading, else on a line of its own after it (set apart from the kicker or not, or in the
    heading's own type), with the lines after it that carry the title on in the same type (a
    title wrapped); a separator the title starts with ("–" set on a line of its own) is no part of it."""
    last, end = lines[index + used - 1], index + used
    at = _next_text(lines, end)
    if title is None and at < len(lines) and (_title_follows(lines, at) or _wraps_title(last, lines[at])):
        title, last, end = lines[at].text, lines[at], at + 1
        at = _next_text(lines, end)
    for taken in range(_MAX_TITLE_LINES - 1):  # in a dump, one line at most: its text's lines are short too
        if title is None or at >= len(lines) or not (
                _wraps_title(last, lines[at])
                or (not taken and at == end and _wraps_title_in_dump(lines, at, title.endswith(_BREAKS)))):
            break
        title, last, end = join_wrapped([title, lines[at].text]), lines[at], at + 1
        at = _next_text(lines, end)
    return (title.lstrip(_TITLE_SEPARATORS) or None) if title is not None else None, end - index


_MAX_TITLE_LINES = 3
_TITLE_LINE, _INKED_TITLE_LINE = 40, 80  # characters: the longest line that carries a title on (in its own colour)
_TITLE_SEPARATORS = "|:–—- "


# the small words of a title case, English and the particles of place names ("Newcastle upon Tyne")
_TITLE_SMALL_WORDS = frozenset("a an and at by for from in into of on or the to upon with – — - & + "  # noqa: SIM905
                               "am de del der di du im la le sur van von".split())


def _wraps_title_in_dump(lines: list[Line], at: int, hyphenated: bool = False) -> bool:
    """In a dump (no type, no boxes), the line right under a title carries it on when it reads as
    the rest of a title: a few words, each capitalised (or a number, or a small word, or a
    particle before an elided capital: "nell'Emilia"; the first in lower case where the title
    broke at a hyphen: "Co-" / "design Studio"), no sentence end, and the line after it starts a
    sentence or is blank ("SPOTLIGHT | Green" / "Roofs 2030" / "The municipality partnered …")."""
    line = lines[at]
    words = line.text.split()
    if line.bbox is not None or line.bullet or not words or len(words) > 6 or len(line.text) > 40:
        return False
    if line.text.endswith((".", ":", "?", "!", ",")) or match_heading(line.text) is not None:
        return False
    if not all(_title_word(word) or (hyphenated and position == 0) for position, word in enumerate(words)):
        return False
    following = lines[at + 1].text if at + 1 < len(lines) else ""
    return not following or _starts_capitalised(following)


_BREAKS = ("-", "\u2010", "\u2011", "\u00ad")  # a title line ending in a hyphen: its word runs on
_ELIDED_RE = re.compile(r"^[^\W\d_]{1,4}['’][^\W\d_]")  # "nell'Emilia", "d'Ascq", "l'Hospitalet"


def _title_word(word: str) -> bool:
    """A word of a title case: capitalised (after an apostrophe: "'S-HERTOGENBOSCH"), a number,
    a small word, or a particle before an elided capital ("nell'Emilia")."""
    if word.lower() in _TITLE_SMALL_WORDS or _starts_capitalised(word) or word[0].isdigit():
        return True
    elided = _ELIDED_RE.match(word)
    return elided is not None and word[elided.end() - 1].isupper()


def _starts_capitalised(text: str) -> bool:
    """The first letter of ``text`` is a capital ("'s-Hertogenbosch" starts with a small one)."""
    letter = next((char for char in text[:4] if char.isalpha()), "")
    return letter.isupper()


def _next_text(lines: list[Line], at: int) -> int:
    while at < len(lines) and not lines[at].text:
        at += 1
    return at


def _wraps_title(title: Line, line: Line) -> bool:
    """``line`` carries a title on: the same type (size, weight), short (longer in the title's own
    colour: "Service Design Journey for Every Resident" in its orange), no sentence, close under
    it or at the top of the next column."""
    if title.size is None or line.size is None or title.bbox is None or line.bbox is None:
        return False
    if abs(title.size - line.size) > 0.3 or title.bold != line.bold or line.bullet:
        return False
    inked = line.color is not None and line.color == title.color and not is_neutral(line.color)
    if len(line.text) > (_INKED_TITLE_LINE if inked else _TITLE_LINE) or line.text.endswith((".", ":", "?", "!")):
        return False
    if match_heading(line.text) is not None:
        return False
    next_column = line.bbox[1] < title.bbox[1] and line.bbox[0] > title.bbox[2]  # the title went on at its top
    return line.page == title.page and (0 <= line.bbox[1] - title.bbox[3] <= title.size or next_column)


def _title_follows(lines: list[Line], index: int) -> bool:
    """A short line of its own right after a bare "Spotlight" heading is the spotlight's title; in
    a dump (no boxes, often no blank line after it), a short line of a few words before a line
    that starts a sentence is one too ("Citizen Panels" / "A cross-departmental group meets …")."""
    if index >= len(lines):
        return False
    line = lines[index]
    text = line.text
    if not text or line.bullet or len(text) > 80 or text.endswith((".", ":", "?", ",")) or match_heading(text):
        return False
    following = lines[index + 1].text if index + 1 < len(lines) else ""
    if not following:
        return True
    if line.bbox is not None:
        return _in_type_of_its_own(lines, index)
    return len(text.split()) <= 6 and (following[:1].isupper() or following[:1] in "'’" and following[1:2].isalpha())


def _in_type_of_its_own(lines: list[Line], index: int) -> bool:
    """The line at ``index``, with the lines that carry it on, is set larger or bolder than the
    line right after them: a title over the text ("Donostia-San Sebastián" / "Co-design Studio"
    in 11.6 points over the text in 10.5)."""
    end = index
    while end + 1 < len(lines) and end - index < _MAX_TITLE_LINES - 1 and _wraps_title(lines[end], lines[end + 1]):
        end += 1
    line = lines[index]
    at = _next_text(lines, end + 1)
    after = lines[at] if at < len(lines) else None
    if after is None or line.size is None or after.size is None:
        return False
    return line.size - after.size > 0.3 or (line.bold and not after.bold)


def _heading_at(lines: list[Line], index: int, term_groups: TermGroups | None = None,
                body: float | None = None) -> tuple[str | None, int, str]:
    """(section key, lines used, heading text) at ``index``; an unrecognised question heading
    gives ``UNKNOWN`` so that its text is not read as part of the section before it."""
    line = lines[index]
    if line.bullet and (icon_key := exact_heading(line.text)) is not None:  # an icon before it (a chat's emoji)
        return icon_key, 1, line.text
    if not line.text or line.bullet or line.text[-1] == ".":  # no heading, alone or joined to the next
        return None, 1, ""
    if len(line.text) > MAX_HEADING_LENGTH:  # no heading, alone or joined
        return (UNKNOWN, 1, line.text) if _is_question(line.text) else (None, 1, "")
    key, exact = match_heading_exact(line.text)
    if key is not None and _carries_a_sentence_on(lines, index):
        return None, 1, ""
    if exact or key == "spotlight":
        return key, 1, line.text  # an exact heading on one line
    following = lines[index + 1] if index + 1 < len(lines) else None
    if following and following.text and not following.bullet and not line.text.endswith((".", ":")) \
            and len(line.text) + len(following.text) < MAX_HEADING_LENGTH:
        joined = line.text + " " + following.text
        joined_key, joined_exact = match_heading_exact(joined)
        second = match_heading(following.text)
        if joined_key and (second is None or (second == joined_key and joined_exact)):
            # a wrapped heading beats a fuzzy match of its first line, and, printed exactly, a short
            # heading its second line is ("What is the city's" / "innovation vision?")
            return joined_key, 2, joined
    if key:
        return key, 1, line.text
    # a heading reworded: set as one and naming one section's topic, but no list item or grid cell
    # (numbered or not: "10. Municipal budget" is the tenth item of a list)
    item = term_groups is not None and bool(term_groups(NUMBERING_RE.sub("", line.text)))
    set_apart = not item and (_set_as_heading(line, body) or _heading_line_of_dump(lines, index, term_groups))
    topic = topic_of(line.text) if set_apart else None
    if topic is not None:
        return topic, 1, line.text
    if _is_question(line.text):
        return UNKNOWN, 1, line.text
    return None, 1, ""


def _carries_a_sentence_on(lines: list[Line], index: int) -> bool:
    """The line at ``index`` starts in lower case right after a line that stops after a word: it
    carries that sentence on, whatever heading its words spell ("… Medellín has dedicated" /
    "funding" / "to support innovation capacity …", a page break after "funding")."""
    if not lines[index].text[:1].islower():
        return False
    return ends_mid_sentence(next((lines[at].text for at in range(index - 1, -1, -1) if lines[at].text), ""))


_NUMBERED_RE = re.compile(r"^\s*(?:q\s?\d{1,2}\b|\d{1,2}[.):])", re.IGNORECASE)
_MAX_HEADING_WORDS = 8
LARGER = 1.15  # of the body size: a line this much larger is set as a heading


def _body_size(lines: list[Line]) -> float | None:
    """The size of most of the text (by characters), where the reader knows sizes."""
    weights: dict[float, int] = {}
    for line in lines:
        if line.size is not None:
            weights[line.size] = weights.get(line.size, 0) + len(line.text)
    return max(weights, key=weights.__getitem__) if weights else None


def _set_as_heading(line: Line, body: float | None = None) -> bool:
    """A short line set apart as a heading: bold, in capitals, larger than the body text,
    numbered ("Q5", "5."), or a question; two words at least (a lone word is a wrapped cell's
    fragment as often as a heading, and the one-word headings are in the table); never starting
    in lower case (a bold phrase inside a sentence: "… started using data to" / "align its budget
    process with its strategic" / "priorities.")."""
    text = line.text
    if line.bullet or len(line.cells) > 1 or not 2 <= len(text.split()) <= _MAX_HEADING_WORDS or text[:1].islower():
        return False
    if text.endswith((".", ",", ";", ":")) or text.count("(") > text.count(")"):
        return False  # a sentence, or a line that goes on (a bracket left open: "… budget (EU structural")
    larger = body is not None and line.size is not None and line.size >= LARGER * body
    return line.bold or larger or text.isupper() or text.endswith("?") or _NUMBERED_RE.match(text) is not None


def _heading_line_of_dump(lines: list[Line], index: int, term_groups: TermGroups | None) -> bool:
    """A dump lost the type that set a heading apart: a short line of a few words with no
    punctuation at its end, after a line that ends a sentence or a list item (a bullet or a term
    of the vocabulary) and before a line that starts one, but not between two items of one list
    ("Paying for third-party services" / "How innovation helps the city" / "Gaining efficiency
    within the public sector": a funding use, the heading, a benefit)."""
    line = lines[index]
    words = line.text.split()
    if line.bbox is not None or line.bullet or not 2 <= len(words) <= 6 or not line.text[:1].isupper():
        return False
    if line.text.endswith((".", ",", ";", ":", "-", "–")) or topic_of(line.text) is None:
        return False
    before = next((lines[at] for at in range(index - 1, -1, -1) if lines[at].text), None)
    after = next((lines[at] for at in range(index + 1, len(lines)) if lines[at].text), None)
    if after is None or not (after.bullet or after.text[:1].isupper()):
        return False
    if before is None:
        return True
    groups_before = term_groups(before.text) if term_groups is not None else ()
    groups_after = term_groups(after.text) if term_groups is not None else ()
    if set(groups_before) & set(groups_after):
        return False  # "City residents" / "Not-for-profit organisations" / "Universities": one list
    return before.bullet or before.text.endswith((".", "?", "!")) or bool(groups_before)


def _is_question(text: str) -> bool:
    """An unrecognised question heading."""
    return _QUESTION_RE.match(text) is not None

"""Peer phrases: "Like 81% of cities surveyed" -> {"percent": 81, "bound": "exact", "text": ...}.

``parse_peer`` returns the phrase's share of surveyed cities that answered the same way. A
contrast ("Unlike 61% of cities surveyed") names cities that answered differently: its percent is
null and the caller warns (``peer_contrast``); a phrase that names surveyed cities but whose
share cannot be read also has a null percent.
"""

from __future__ import annotations

import re
from typing import Any

_INTRO = (
    r"like|similar to|along with|as with|in line with|just like|together with|consistent with|"
    r"as do|as did|as is the case (?:for|with|in)|in common with|alongside|as in|as for|unlike|"
    r"contrary to|in contrast to|different from|as are|one of|among"
)
_SURVEYED = (
    r"(?:other\s+)?(?:cities\s+(?:that\s+were\s+)?surveyed|surveyed\s+cities|cities\s+(?:that\s+)?"
    r"(?:responded|answered)|responding\s+cities|respondent\s+cities|cities\s+in\s+the\s+survey)"
)
_PEER_RE = re.compile(
    rf"(?P<text>\b(?P<intro>{_INTRO})\s+(?P<quantity>[^,.;]{{1,40}}?)\s+(?:of\s+)?(?:the\s+|all\s+)?"
    rf"{_SURVEYED})", re.I)
_CONTRAST_RE = re.compile(r"^(?:unlike|contrary to|in contrast to|different from)$", re.I)
_PERCENT_RE = re.compile(r"(\d{1,3}(?:[.,]\d+)?)\s*(?:%|per\s*cent|percent)", re.I)
_RATIO_RE = re.compile(r"\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine)\s+(?:in|out\s+of)\s+"
                       r"(\d{1,3}|two|three|four|five|ten)\b", re.I)
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_WORD_PERCENT_RE = re.compile(
    r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](one|two|three|four|five|six|"
    r"seven|eight|nine))?\s*(?:per\s*cent|percent)",
    re.IGNORECASE,
)
_FRACTIONS = (
    (r"three[- ]quarters", 75), (r"two[- ]thirds", 67), (r"(?:one|a)[- ]third|\bthird\b", 33),
    (r"(?:one|a)[- ]quarter|\bquarter\b", 25), (r"(?:one|a)[- ]fifth|\bfifth\b", 20),
    (r"\bhalf\b", 50), (r"majority|\bmost\b|minority", 50), (r"\ball\b", 100),
)  # fmt: skip
_FRACTION_RES = tuple((re.compile(pattern), value) for pattern, value in _FRACTIONS)
_BOUNDS = (
    ("more_than", r"more than|over|above|upwards of|most|majority|at least"),
    ("less_than", r"less than|fewer than|under|below|minority|at most"),
    ("about", r"about|around|nearly|almost|approximately|roughly|some|close to"),
)
_BOUND_RES = tuple((name, re.compile(rf"\b(?:{pattern})\b")) for name, pattern in _BOUNDS)
_SURVEYED_RE = re.compile(_SURVEYED, re.IGNORECASE)


def _percent(quantity: str) -> int | None:
    if number := _PERCENT_RE.search(quantity):
        return round(float(number.group(1).replace(",", ".")))
    if words := _WORD_PERCENT_RE.search(quantity):
        tens, units = words.group(1).lower(), (words.group(2) or "").lower()
        return _WORD_NUMBERS[tens] + _WORD_NUMBERS.get(units, 0)
    if ratio := _RATIO_RE.search(quantity):
        top, bottom = (int(_WORD_NUMBERS.get(part.lower(), part)) for part in ratio.groups())
        return round(100 * top / bottom) if bottom > 0 and top <= bottom else None
    return next((value for pattern, value in _FRACTION_RES if pattern.search(quantity)), None)


def parse_peer(text: str) -> dict[str, Any] | None:
    """The first peer phrase in ``text``, or None (see the module docstring)."""
    match = _PEER_RE.search(text)
    if match is None:
        return None
    quantity = match.group("quantity").lower()
    contrast = bool(_CONTRAST_RE.match(match.group("intro")))
    bound = next((name for name, pattern in _BOUND_RES if pattern.search(quantity)), "exact")
    phrase = match.group("text")
    if phrase[0].islower() and match.start() == 0:
        phrase = phrase[0].upper() + phrase[1:]
    return {"percent": None if contrast else _percent(quantity), "bound": bound, "text": phrase}


def mentions_peers(text: str) -> bool:
    """Whether ``text`` speaks of the surveyed cities at all (to warn when no phrase was read)."""
    return _SURVEYED_RE.search(text) is not None

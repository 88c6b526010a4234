"""Peer phrases: "Like 81% of cities surveyed" -> {"percent": 81, "bound": "exact", "text": ...}."""

from __future__ import annotations

import re
from typing import Any

_PEER_RE = re.compile(
    r"(?P<text>\b(?:like|similar to|along with|as with|in line with|just like|together with|"
    r"consistent with|as do|as did|unlike)\s+(?P<quantity>[^,.;]{1,40}?)\s+(?:of\s+)?(?:the\s+)?"
    r"(?:other\s+)?cities\s+surveyed)",
    re.IGNORECASE,
)
_PERCENT_RE = re.compile(r"(\d{1,3}(?:[.,]\d+)?)\s*(?:%|per\s*cent|percent)", re.IGNORECASE)
_FRACTIONS = (
    (r"three[- ]quarters", 75), (r"two[- ]thirds", 67), (r"(?:one|a)[- ]third|a third", 33),
    (r"(?:one|a)[- ]quarter|a quarter", 25), (r"(?:one[- ])?half", 50), (r"majority|most", 50),
    (r"\ball\b", 100),
)  # fmt: skip
_BOUNDS = (
    ("more_than", r"more than|over|above|upwards of|most|majority"),
    ("less_than", r"less than|fewer than|under|below"),
    ("about", r"about|around|nearly|almost|approximately|roughly|some|close to"),
)


def parse_peer(text: str) -> dict[str, Any] | None:
    """The first peer phrase in ``text``, or None."""
    match = _PEER_RE.search(text)
    if match is None:
        return None
    quantity = match.group("quantity").lower()
    percent: int | None = None
    if number := _PERCENT_RE.search(quantity):
        percent = round(float(number.group(1).replace(",", ".")))
    else:
        percent = next((value for pattern, value in _FRACTIONS if re.search(pattern, quantity)), None)
    bound = next((name for name, pattern in _BOUNDS if re.search(rf"\b(?:{pattern})\b", quantity)), "exact")
    phrase = match.group("text")
    return {"percent": percent, "bound": bound, "text": phrase[0].upper() + phrase[1:] if phrase[0].islower() and match.start() == 0 else phrase}

"""OCR doubts: words OCR read with low confidence -> lower scores and warnings on what they fed.

Contract: ``flag_doubts(doubts, values, evidence, sections)`` takes the record stage's values
(JSON path -> value) and evidence (path -> page, box, text) before validation and returns
the values with the score of every ``Term`` fed by a doubtful word lowered to that word's
confidence (when lower), and the warnings to add:

* ``uncertain_match`` on a Term list or Term whose evidence holds a doubtful word;
* ``unreadable_value`` on a scalar or string value whose evidence holds one;
* ``unreadable_value`` on the section (``field`` = its key) for a doubtful word that fed no
  value but lies in the section's text: the values read from that section may be wrong or
  missing there.

A word feeds a value when its box's centre lies in the value's box on the same page and its
text is part of the value's text. Nothing here changes a value itself: an OCR mistake is
flagged, never guessed at.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from .models import Evidence, OcrDoubt, Sections, Term, Warning

_INDEX_RE = re.compile(r"\[\d+\]$")
_FOLD_RE = re.compile(r"[^\w]+")
_REACH = 1.0  # points: a word's centre may lie this far outside a value's box


def flag_doubts(
    doubts: Iterable[OcrDoubt],
    values: Mapping[str, Any],
    evidence: Mapping[str, Evidence],
    sections: Sections,
) -> tuple[dict[str, Any], list[Warning]]:
    """Values with lowered Term scores, and the warnings (see the module docstring)."""
    result = dict(values)
    fed: dict[str, list[OcrDoubt]] = {}
    loose: dict[str, list[OcrDoubt]] = {}
    for doubt in doubts:
        paths = [path for path, where in evidence.items() if _feeds(doubt, where)]
        for path in paths:
            fed.setdefault(path, []).append(doubt)
        if not paths:
            key = _section_of(doubt, sections)
            if key is not None:
                loose.setdefault(key, []).append(doubt)
    warnings: dict[tuple[str, str], str] = {}
    for path, words in fed.items():
        base = _INDEX_RE.sub("", path)
        lowest = min(word.confidence for word in words)
        lowered = _lower_score(result, path, base, lowest)
        code = "uncertain_match" if lowered else "unreadable_value"
        warnings.setdefault((base, code), f"OCR read {_quoted(words)} with low confidence ({lowest:.0f})")
    for key, words in loose.items():
        lowest = min(word.confidence for word in words)
        warnings.setdefault((key, "unreadable_value"),
                            f"OCR read {_quoted(words)} with low confidence ({lowest:.0f}): values of this "
                            "section may be wrong or missing")
    return result, [Warning(field=field, code=code, message=message) for (field, code), message in warnings.items()]


def _feeds(doubt: OcrDoubt, where: Evidence) -> bool:
    if where.page != doubt.page or where.bbox is None:
        return False
    x = (doubt.bbox[0] + doubt.bbox[2]) / 2
    y = (doubt.bbox[1] + doubt.bbox[3]) / 2
    x0, y0, x1, y1 = where.bbox
    if not (x0 - _REACH <= x <= x1 + _REACH and y0 - _REACH <= y <= y1 + _REACH):
        return False
    word = _fold(doubt.text)
    return not word or word in _fold(where.text)


def _fold(text: str) -> str:
    return _FOLD_RE.sub("", text).lower()


def _lower_score(values: dict[str, Any], path: str, base: str, confidence: float) -> bool:
    """Lower the score of the Term at ``path`` (a list item or a single Term) to ``confidence``;
    False when ``path`` holds no Term."""
    if path != base:
        items = values.get(base)
        index = int(path[len(base) + 1:-1])
        if not isinstance(items, list) or index >= len(items) or not isinstance(items[index], Term):
            return False
        items = list(items)
        items[index] = _lowered(items[index], confidence)
        values[base] = items
        return True
    term = values.get(path)
    if not isinstance(term, Term):
        return False
    values[path] = _lowered(term, confidence)
    return True


def _lowered(term: Term, confidence: float) -> Term:
    score = min(term.score, round(confidence, 1))
    return term if score == term.score else term.model_copy(update={"score": score})


def _section_of(doubt: OcrDoubt, sections: Sections) -> str | None:
    x = (doubt.bbox[0] + doubt.bbox[2]) / 2
    y = (doubt.bbox[1] + doubt.bbox[3]) / 2
    for key, section in sections.sections.items():
        for block in section.blocks:
            for line in block.lines:
                if line.page == doubt.page and line.bbox is not None:
                    x0, y0, x1, y1 = line.bbox
                    if x0 - _REACH <= x <= x1 + _REACH and y0 - _REACH <= y <= y1 + _REACH:
                        return key
    return None


def _quoted(words: list[OcrDoubt]) -> str:
    shown = ", ".join(f'"{word.text}"' for word in words[:3])
    return shown + (f" and {len(words) - 3} more" if len(words) > 3 else "")

"""Signatures: what a block says that ties it to one section, whatever heading it was printed under."""

from __future__ import annotations

import re

from ..textutil import OVERVIEW_KEYS

# Overview labels printed alone on their line (their values under them) that say nothing else;
# a bare "website" may be a table cell's wrapped end
_BARE_LABELS = r"(?:lord\s+|city\s+)?mayor|(?:mayoral\s+)?term(?: of office)?|innovation lead(?:er)?|" \
               r"chief innovation officer|population size|innovation\s*/\s*open data websites?"
# Searched in lowercased text. Every gap is bounded: an unbounded ".*" between two phrases made a
# long line of words quadratic to search.
SIGNATURES = {
    "overview": rf"^(?:{OVERVIEW_KEYS})\s*:|^(?:{_BARE_LABELS})$|"
                rf"^(?:(?:{OVERVIEW_KEYS})\s+){{2}}(?:{OVERVIEW_KEYS})\b",  # a label, or a row of them
    "vision": r"\binnovation (?:strategy|vision)\b|most closely associates innovation",
    "approach": r"approach(?:es)? innovation capacity|priority policy areas?\b",
    "partnerships": r"partnerships? to promote innovation|data partnerships?\b",
    "impact": r"critical success factors?|^innovation (?:is helping|helps|has helped) the city\b",
    "funding": r"funding (?:to support|for) innovation|(?:has|have|no|not have) (?:any )?dedicated funding|"
               r"funding .{0,200}?directed towards|following sources",
    "data": r"^data plays|role in (?:the )?decision|challenges preventing the use of data|data inventory|"
            r"publish(?:es)? open data",
    "organisation": r"staff skills and profiles|innovation work is\b(?!\s*:)|dedicated team for innovation|"
                    r"staff members are|dedicated staff working|working specifically on building innovation|"
                    r"is driven by a dedicated team",
    "outcomes": r"with sufficient data|without sufficient data|^(?:in)?sufficient data\.?$",
}  # fmt: skip
SIGNATURE_RES = {key: re.compile(pattern) for key, pattern in SIGNATURES.items()}


def signature_of(lowered: str, skip: str | None = None) -> str | None:
    """The section a block's ``lowered`` text unambiguously belongs to (its leftmost signature), if
    any; ``skip``: a section not to consider."""
    signed = leftmost_signature(lowered, skip)
    return signed[1] if signed else None


def leftmost_signature(lowered: str, skip: str | None = None) -> tuple[int, str] | None:
    """(where, section) of the leftmost signature in ``lowered``, ``skip`` not considered."""
    best: tuple[int, str] | None = None
    for key, pattern in SIGNATURE_RES.items():
        match = pattern.search(lowered) if key != skip else None
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), key)
    return best

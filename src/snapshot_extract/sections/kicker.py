"""The kicker ("City Innovation Snapshot") as a line of its own, and letter-spaced type in a header.

``is_kicker`` tells the kicker alone on its line, its letters spaced out or not; ``spelled_out``
gives a header line printed letter by letter (a dump of letter-spaced type: "C I T Y I N N O V A T
I O N", "H Ä M E E N L I N N A , F i n l a n d") as the words it spells.
"""

from __future__ import annotations

import re

from ..models import Line
from ..textutil import KICKER, fold_spaces, squeeze

SEPARATORS = "|:–—·•,-"  # "," too: a screen reader reads the header's line break so
KICKER_LINE_RE = re.compile(rf"^\s*{KICKER}\s*[{SEPARATORS}]?\s*$", re.IGNORECASE)
SQUEEZED_KICKER = "cityinnovationsnapshot"
KICKER_WORDS_RE = re.compile(r"\s*(?:city|innovation|snapshot)(?:\s+(?:city|innovation|snapshot))*\s*", re.I)


def spelled_out(line: Line) -> Line:
    """A kicker printed letter by letter ("C I T Y I N N O V A T I O N S N A P S H O T": a dump
    of letter-spaced type, its word gaps lost) as the words it spells, alone on its line or
    beside the city line ("KRAKÓW, Poland C I T Y I N N O VAT I O N …"); so is a city line printed
    so ("H Ä M E E N L I N N A , F i n l a n d")."""
    if line.text[1:2] == " " and is_kicker(line.text) and not KICKER_LINE_RE.match(line.text):
        return line._replace(text="City Innovation Snapshot")
    if line.text[1:2] == " " and KICKER_WORDS_RE.fullmatch(squeeze(line.text)) and _LETTERS_RE.fullmatch(line.text):
        return line._replace(text=squeeze(line.text))  # one word of it a line ("C I T Y" / "I N N O V A T I O N" ...)
    if "S H O T" in line.text.upper() and (spaced := _SPACEDKICKER_LINE_RE.search(line.text)):
        line = line._replace(text=fold_spaces(line.text[:spaced.start()] + " City Innovation Snapshot "
                                              + line.text[spaced.end():]))
    if "," in line.text and _letter_spaced(line.text) and _SPACED_OUT_RE.search(line.text):  # the city line
        text = "  ".join(line.cells) if len(line.cells) > 1 else line.text  # a dump's word gap set its cells
        return line._replace(text=_SPACED_OUT_RE.sub(_closed_up, text))
    return line


_SPACEDKICKER_LINE_RE = re.compile(r"\s*".join(SQUEEZED_KICKER), re.IGNORECASE)
# A run of single characters set apart by spaces: letter-spaced type ("H Ä M E E N L I N N A , F i n l a n d")
# (a kerned pair may print without its space: "Q U E R É TA R O, M e x i c o")
_SPACED_OUT_RE = re.compile(r"(?<!\S)\S{1,2},?(?: {1,2}\S{1,2},?){5,}(?!\S)")


def _letter_spaced(text: str) -> bool:
    """A quarter of the line's characters or more are spaces: it may be letter-spaced (prose has about a sixth)."""
    return 4 * text.count(" ") >= len(text)


def _closed_up(run: re.Match[str]) -> str:
    """A letter-spaced run as the words it spells, where most of its pieces are one letter: two
    spaces part its words where a tool kept them, a comma is followed by one ("HÄMEENLINNA,
    Finland")."""
    pieces = run.group().replace(",", "").split()
    if sum(len(piece) == 1 for piece in pieces) < 2 * len(pieces) / 3:
        return run.group()  # short words, not spaced letters
    words = ["".join(word.split()) for word in run.group().split("  ")]
    return re.sub(r",(?=\S)", ", ", " ".join(words))


_LETTERS_RE = re.compile(r"\s*\w(?: \w)+\s*")


def is_kicker(text: str) -> bool:
    """The kicker alone on a line, its letters spaced out or not ("C I T Y  I N N O VAT I O N")."""
    if text.lstrip()[:1] not in ("c", "C"):  # spaced out or not, it starts with its "C"
        return False
    return bool(KICKER_LINE_RE.match(text)) or squeeze(text).rstrip(SEPARATORS) == SQUEEZED_KICKER


__all__ = ["KICKER_LINE_RE", "KICKER_WORDS_RE", "SEPARATORS", "is_kicker", "spelled_out"]

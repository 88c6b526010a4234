"""Ligatures a damaged text layer printed as other letters.

A PDF re-distilled through PostScript may carry fonts whose ligature glyphs lost their Unicode
names: the text layer then prints the code's letter in the font's base encoding ("staû" for
"staff", "proüles" for "profiles", "suþcient" for "sufficient"), in the PDF and in every dump of
it. The document itself says which letter stands for which ligature: once some letter, read as a
ligature, makes a word of the vocabulary or the headings (a cheap test most documents fail), a
letter outside ASCII that makes two or more different English words so; then, the damage shown,
one English word is enough for another letter. Each word holding such a letter is repaired where
the ligature makes an English word (a city's "Düsseldorf" or "Zürich" stays as printed).

A ligature whose glyph has no Unicode name at all reaches the reader as U+FFFD inside a word
("o\ufffdce", "speci\ufffdc"; one font may leave several ligatures so): each such word is read as
the most frequent English word a ligature makes of it, else without the unknown glyph, as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from ..models import Document, Line
from .hyphens import english_frequency, known_words

_LIGATURES = ("fi", "fl", "ff", "ffi", "ffl")
_WORD_RE = re.compile(r"[^\W\d_]+")
_UNNAMED = "\ufffd"
_UNNAMED_WORD_RE = re.compile(r"[^\W\d_]+(?:\ufffd[^\W\d_]+)+")
MIN_EVIDENCE = 2  # different English words a letter must make, read as a ligature


def repair_ligatures(document: Document) -> Document:
    """``document`` with the letters that stand for ligatures read as them (see the module docstring)."""
    words = {word for line in document.lines if not line.text.isascii()
             for word in _WORD_RE.findall(line.text) if not word.isascii()}
    stand_ins = _stand_ins(words) if words else {}
    unnamed = any(_UNNAMED in line.text for line in document.lines)
    if not stand_ins and not unnamed:
        return document
    return replace(document, lines=tuple(_repaired_line(line, stand_ins) for line in document.lines))


def _stand_ins(words: Iterable[str]) -> dict[str, str]:
    """Letter -> the ligature it stands for, where the document's own words say so: a word of the
    vocabulary made at all (a cheap test most documents fail), two English words made by one
    letter; then, the damage shown, one English word made by another ("suþcient", the only "þ")."""
    lowered = {word.lower() for word in words}
    letters = sorted({char for word in lowered for char in word if not char.isascii()})
    if not _made(letters, lowered, lambda word: word in known_words(), 1):
        return {}
    found = _made(letters, lowered, lambda word: english_frequency(word) > 0, MIN_EVIDENCE)
    if found:
        rest = [letter for letter in letters if letter not in found]
        found |= _made(rest, lowered, lambda word: english_frequency(word) > 0, 1)
    return found


def _made(letters: Iterable[str], words: set[str], is_word: Callable[[str], bool], evidence: int) -> dict[str, str]:
    """Letter -> the first ligature that, read for it, makes ``evidence`` different words or more."""
    found: dict[str, str] = {}
    for letter in letters:
        for ligature in _LIGATURES:
            made = {word for word in words if letter in word and is_word(word.replace(letter, ligature))}
            if len(made) >= evidence:
                found[letter] = ligature
                break
    return found


def _repaired_line(line: Line, stand_ins: dict[str, str]) -> Line:
    if line.text.isascii():
        return line
    return line._replace(
        text=_repaired(line.text, stand_ins),
        cells=tuple(_repaired(cell, stand_ins) for cell in line.cells),
        bold_parts=tuple(_repaired(part, stand_ins) for part in line.bold_parts),
        color_parts=tuple((_repaired(part, stand_ins), colour) for part, colour in line.color_parts),
    )


def _repaired(text: str, stand_ins: dict[str, str]) -> str:
    if _UNNAMED in text:
        text = _UNNAMED_WORD_RE.sub(_named, text).replace(_UNNAMED, "")
    if not stand_ins:
        return text

    def repair(match: re.Match[str]) -> str:
        word = match.group()
        for letter, ligature in stand_ins.items():
            candidate = word.replace(letter, ligature).replace(letter.upper(), ligature.capitalize())
            if candidate != word and english_frequency(candidate.lower()) > 0:
                word = candidate
        return word

    return text if text.isascii() else _WORD_RE.sub(repair, text)


def _named(match: re.Match[str]) -> str:
    """A word holding unnamed glyphs read as the most frequent English word a ligature in their
    place makes ("o\ufffdce" -> "office"), else left for the caller to drop the glyphs."""
    word = match.group()
    best, frequency = word, 0
    for ligature in _LIGATURES:
        candidate = word.replace(_UNNAMED, ligature.upper() if word.isupper() else ligature)
        found = english_frequency(candidate.lower())
        if found > frequency:
            best, frequency = candidate, found
    return best

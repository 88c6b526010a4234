"""Small text helpers shared by the readers and the mappers (no pipeline logic here)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_LIGATURE_RE = re.compile("[" + "".join(LIGATURES) + "]")

# Glyphs that introduce a list item. Private-use code points (symbol fonts) are handled apart.
BULLET_GLYPHS = frozenset("▶►▸▹▻●•◦▪▫■□◆◇❖➤➢➔→✓✔✗✘☑☐⦁∙·‣⁃○◉◘❯❱»*+-–—")
# Letters that the standard symbol fonts' bullet glyphs extract as (ZapfDingbats, Wingdings, Symbol).
SYMBOL_FONT_HINTS = ("zapf", "dingbat", "wingding", "symbol", "webding")

_SOFT_HYPHEN = "\u00ad"
# Line-end markers a reader may put where it knows what a hyphen at the end of a line is (the PDF
# layout stage does): SOFT_BREAK = a hyphenation break (dropped when joined), HARD_BREAK = a real
# hyphen (kept). join_wrapped honours them; unjoined they print as "-".
SOFT_BREAK = "\u00ad"
HARD_BREAK = "\u2011"


def holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether one of ``words`` is in ``text``: the literal test that spares a regex scan."""
    for word in words:  # noqa: SIM110 - a plain loop costs less than any() over a generator
        if word in text:
            return True
    return False


@lru_cache(maxsize=64)
def lowercase(text: str) -> str:
    """``text.lower()``, remembered for the last few texts: the mappers try a dozen guarded
    patterns on each sentence in turn, and each guard reads the sentence lowercased."""
    return text.lower()


class GuardedPattern:
    """A case-insensitive regex behind a cheap literal test.

    ``words`` are lowercase literals one of which every text the pattern matches in contains (in
    the match or in what it looks ahead at); ``search``, ``finditer`` and ``split`` run the regex
    only when the lowercased text holds one of them, which spares most sentences a regex scan (the
    mappers try a dozen patterns on every sentence). ``starts``: every match also begins with one
    of the words, so ``search`` starts at the first of them rather than scanning the text before
    it. Words are looked for in the lowercased text, as the guard's tests and hypothesis check; a
    word spelled with "ſ", "ı" or "İ" (which re.IGNORECASE matches as s and i) is not seen.
    """

    __slots__ = ("pattern", "starts", "words")

    def __init__(self, pattern: str, words: tuple[str, ...], starts: bool = False) -> None:
        self.pattern = re.compile(pattern, re.IGNORECASE)
        self.words = words
        self.starts = starts

    def admits(self, text: str) -> bool:
        return holds_any(lowercase(text), self.words)

    def search(self, text: str) -> re.Match[str] | None:
        if not self.starts:
            return self.pattern.search(text) if self.admits(text) else None
        lowered = lowercase(text)
        first = -1
        for word in self.words:
            at = lowered.find(word)
            if at >= 0 and (first < 0 or at < first):
                first = at
        if first < 0:
            return None
        # the regex sees the text before ``first`` (\b, lookbehinds); "İ" lowercases to two characters
        return self.pattern.search(text, first if len(lowered) == len(text) else 0)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self.admits(text) else iter(())

    def split(self, text: str) -> list[str]:
        return self.pattern.split(text) if self.admits(text) else [text]


def fold_spaces(text: str) -> str:
    """Collapse runs of whitespace into one space and strip both ends."""
    if "  " not in text and text.isprintable():  # printable: no whitespace but the plain space
        return text.strip()
    return " ".join(text.split())  # split() and strip() take the whitespace that \s takes


def _ligature_letters(match: re.Match[str]) -> str:  # module level: no closure per call (compiled)
    return LIGATURES[match.group()]


def expand_ligatures(text: str) -> str:
    if not any(ligature in text for ligature in LIGATURES):
        return text  # a substring test per ligature is far cheaper than a regex scan
    return _LIGATURE_RE.sub(_ligature_letters, text)


# Unicode space separators other than the space (NBSP, en/em/thin/narrow spaces, ...): a space.
_SPACE_SEPARATORS = ("\u00a0", "\u1680", *(chr(code) for code in range(0x2000, 0x200B)), "\u202f", "\u205f",
                     "\u3000")


def clean_text(text: str) -> str:
    """NFC, ligatures expanded, soft hyphens and zero-width characters dropped, every Unicode
    space separator (NBSP, en space, thin space, ...) as a plain space."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFC", expand_ligatures(text))
    text = text.replace(_SOFT_HYPHEN, "").replace("\u200b", "").replace("\ufeff", "")
    for space in _SPACE_SEPARATORS:  # substring tests: far cheaper than a regex scan
        if space in text:
            text = text.replace(space, " ")
    return text


def is_private_use(char: str) -> bool:
    return "\ue000" <= char <= "\uf8ff"


def is_bullet_glyph(char: str) -> bool:
    return char in BULLET_GLYPHS or is_private_use(char)


def split_bullet(text: str) -> tuple[bool, str]:
    """Strip leading list markers ("- ", "▶ ", "- ▶ ", private-use glyphs); say if there was one.

    A dash counts only when followed by a space, so "-5%" or "co-create" stay content.
    """
    stripped = text.lstrip()
    if stripped[:1].isalnum():  # a letter or digit never introduces a list item: most lines stop here
        return False, stripped
    found = False
    while stripped:
        first = stripped[0]
        rest = stripped[1:]
        if first in "-–—*+" and not rest[:1].isspace():
            break
        if not is_bullet_glyph(first):
            break
        found = True
        stripped = rest.lstrip()
    return found, stripped


def join_wrapped(parts: list[str]) -> str:
    """Join wrapped lines into one text, re-joining words hyphenated across a line end.

    "inno-" + "vation" -> "innovation", but a hyphen stays where it is a real one: before a
    capital ("Hierarchy-" + "Busting"), after a digit, or where the fragment before it is a
    known prefix of hyphenated compounds ("co-" + "create", "third-" + "party").
    """
    if len(parts) == 1:  # most blocks are one line: nothing to join
        text = parts[0].strip()
        return text[:-1] + "-" if text.endswith((SOFT_BREAK, HARD_BREAK)) else text
    pieces: list[str] = []  # the joined text is "".join(pieces); only the last piece is inspected
    for raw in parts:
        part = raw.strip()
        if not part:
            continue
        if not pieces:
            pieces.append(part)
            continue
        tail = pieces[-1]
        if tail.endswith(SOFT_BREAK):
            pieces[-1] = tail[:-1] + part
        elif tail.endswith(HARD_BREAK):
            pieces[-1] = tail[:-1] + "-" + part
        elif part.startswith(("http://", "https://", "www.")) or (
            ("://" in tail or "www." in tail) and _URL_END_RE.search(tail) and _DOMAIN_RE.match(part)
        ):
            pieces.append(" " + part)
        elif _is_line_end_hyphenation(tail, part):
            pieces[-1] = tail[:-1] + part
        elif tail.endswith(("-", "/")) and not tail.endswith((" -", " /")):
            pieces[-1] = tail + part
        else:
            pieces.append(" " + part)
    text = "".join(pieces)
    return text[:-1] + "-" if text.endswith((SOFT_BREAK, HARD_BREAK)) else text


_URL_END_RE = re.compile(r"(?:https?://|www\.)\S*$")
_DOMAIN_RE = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:[/:]|$)")
_KEEP_HYPHEN_PREFIXES = frozenset(
    "co re non pre post self cross inter multi well data city third long short high low "  # noqa: SIM905
    "open human user e semi sub anti mid real full part hierarchy not for decision evidence "
    "know front back top bottom cost place problem people citizen resident tech ex pro year "
    "day one two all state world small large start up in on off out over under big".split()
)
_KEEP_HYPHEN_SUFFIXES = (
    "based", "driven", "led", "making", "centred", "centered", "friendly", "oriented",
    "related", "term", "level", "scale", "wide", "busting", "profit", "party", "thinking",
    "sectoral", "jurisdictional", "public", "end", "create", "design", "creation",
)


def _is_line_end_hyphenation(text: str, following: str) -> bool:
    if not text.endswith("-") or len(text) < 2 or not text[-2].isalpha():
        return False
    if not following[:1].islower():
        return False
    token = text.rsplit(None, 1)[-1]
    if "://" in token or token.startswith("www.") or "/" in token[:-1]:
        return False  # a URL broken after one of its own hyphens keeps it: ".../otwarte-" + "dane"
    fragment = _WORD_CUT_RE.split(text[:-1])[-1].lower()
    if fragment in _KEEP_HYPHEN_PREFIXES:
        return False
    return not following.lower().startswith(_KEEP_HYPHEN_SUFFIXES)


_WORD_CUT_RE = re.compile(r"[\s/(]")
_COMBINING_RE = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def strip_accents(text: str) -> str:
    """Text without diacritics ("Enschedé" -> "Enschede"); ASCII passes through untouched."""
    if text.isascii():
        return text
    return _COMBINING_RE.sub("", unicodedata.normalize("NFKD", text))


def fold_char(char: str) -> str:
    """One character folded to lowercase without accents, keeping string length."""
    base = unicodedata.normalize("NFKD", char)[:1] or char
    return base.lower()[:1]

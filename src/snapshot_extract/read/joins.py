"""Lines of two columns printed as one line, taken apart where the line itself says where.

A tool that reads a two-column page line by line by height (pdfplumber's ``extract_text()``,
PyMuPDF's ``get_text(sort=True)``, what is left of a layout dump whose columns overlap) prints
a line of the left column and the line of the right column beside it as ONE line, joined by a
space or by a run of spaces ("Overview What Is the City's Innovation Vision?", "▶ Mayor: Annika
Bergqvist • Human-centred design"). Such a line is taken apart where one of its parts is a unit
that cannot run on into the other:

- a known section heading (exactly, as the heading table spells it) that starts the line and is
  followed by more text, or that ends the line after other text: a heading stands alone on its
  line in every snapshot. A one-word heading that starts a sentence ("Funding is mostly ...")
  is none: one word followed by a single space and a lowercase word stays;
- a list glyph (``•``, ``✓``, ``▶`` ...) in the middle of a line, after text: a glyph opens an
  item, it never continues a sentence;
- a web address that starts the line and is followed by words: the overview prints its
  addresses one a line, and an address holds no space. Without a scheme, an address is a
  host of three labels at least or one with a path ("malmo.se/innovation"), so that "011.lab is
  the city's laboratory" stays a sentence;
- a word broken at a line end, in the middle of the line: a break hyphen (U+2010, a soft
  hyphen) followed by more text, or a plain hyphen after a word fragment followed by a capital
  ("neigh- The most critical ..."): the break ended a line of one column ("short- and long-term"
  stays).

Every part of a line so taken apart is marked (``Line.mixed``): the columns are interleaved
around it, so the sections that hold such lines are flagged, and what the document seems to
lack may be printed elsewhere (the record stage warns). A line is never reordered here.
"""

from __future__ import annotations

import re

from ..sections.heading_table import exact_heading, heading_first_words, heading_last_words

# Glyphs that only ever open a list item (no hyphen, star or middle dot: those occur in text).
_ITEM_GLYPHS = "▶►▸▹▻●•◦▪■◆❖➤➢✓✔☑⦁‣❯"
_MID_GLYPH_RE = re.compile(rf"(?<=\S) *(?=[{_ITEM_GLYPHS}] ?[^\W\d_])")
_GLYPH_RE = re.compile(f"[{_ITEM_GLYPHS}]")
_SEPARATOR_RE = re.compile(r" +")
_BREAK_RE = re.compile(r"(?<=[^\W\d_]{2})(?:[\u2010\u00ad]|-(?= +[A-Z]))(?P<gap> +)(?=\S)")
_HYPHEN_RE = re.compile("[-\u2010\u00ad]")
_ADDRESS_RE = re.compile(r"(?:https?://\S+|www\.\S+|[\w-]+(?:\.[\w-]+){2,}(?:/\S*)?|[\w-]+\.[a-z]{2,}/\S*)(?= +\S)")
_MARKUP_RE = re.compile(r"^[#|]|\*\*|__|[<\[\\\t`]")  # a markdown line is the markdown reader's: left as it is
_MAX_HEADING_LENGTH = 80


def take_apart(raw_lines: list[str], known: frozenset[str] = frozenset()) -> tuple[list[str], frozenset[int]]:
    """The lines with every joined line (see the module docstring) split into its parts, and the
    indices, in the lines returned, of the parts, and of the lines (and their parts) whose
    stripped text is in ``known``: those a layout reader could not put in order."""
    out: list[str] = []
    mixed: set[int] = set()
    for raw in raw_lines:
        parts = split_joined(raw)
        if len(parts) > 1 or raw.strip() in known:
            mixed.update(range(len(out), len(out) + len(parts)))
        out += parts
    return out, frozenset(mixed)


def split_joined(raw: str) -> list[str]:
    """``raw`` as its parts, left to right; ``[raw]`` when it holds one column's text."""
    text = raw.strip()
    if len(text) < 2 or _MARKUP_RE.search(text):
        return [raw]
    cut = _glyph_cut(text) or _address_cut(text) or _heading_cut(text) or _break_cut(text)
    if cut is None:
        return [raw]
    return [*split_joined(text[: cut[0]]), *split_joined(text[cut[1] :])]


def _glyph_cut(text: str) -> tuple[int, int] | None:
    """(end of the left part, start of the right part) at a list glyph after text, or None."""
    if not _GLYPH_RE.search(text, 1):  # most lines hold no glyph: the look-arounds spared
        return None
    for match in _MID_GLYPH_RE.finditer(text, 1):
        if any(char.isalnum() for char in text[: match.start()]):  # text before it, not a marker ("- ✓ Item")
            return match.start(), match.end()
    return None


def _address_cut(text: str) -> tuple[int, int] | None:
    """(end of the address, start of the words after it) of a line that starts with a web address."""
    match = _ADDRESS_RE.match(text)
    if match is None:
        return None
    return match.end(), len(text) - len(text[match.end():].lstrip())


def _break_cut(text: str) -> tuple[int, int] | None:
    """(end of the broken word, with its hyphen; start of the text after it) or None."""
    if not _HYPHEN_RE.search(text):  # most lines hold no hyphen: the look-behind at every position spared
        return None
    match = _BREAK_RE.search(text)
    return (match.start("gap"), match.end()) if match else None


def _heading_cut(text: str) -> tuple[int, int] | None:
    """Where a known heading that starts the line ends, or where one that ends the line starts;
    None when the whole line is a heading or no part of it is one. The longest heading wins."""
    cut = _heading_at_end(text) or _heading_at_start(text)
    if cut is None or exact_heading(text) not in (None, "spotlight"):  # "Spotlight | <title>" may hold one after it
        return None
    return cut


def _heading_at_end(text: str) -> tuple[int, int] | None:
    if not _closes_heading(text, len(text)):
        return None
    for match in _SEPARATOR_RE.finditer(text):  # its longest reading first
        start, end = match.span()
        if text[end].isupper() and len(text) - end <= _MAX_HEADING_LENGTH and _opens_heading(text, end) \
                and exact_heading(text[end:]) is not None:
            return start, end
    return None


def _heading_at_start(text: str) -> tuple[int, int] | None:
    if not _opens_heading(text, 0) or text.lower().startswith("spotlight"):  # a title's end is unknown
        return None
    for match in reversed(list(_SEPARATOR_RE.finditer(text, 0, _MAX_HEADING_LENGTH + 1))):  # longest first
        start, end = match.span()
        if _closes_heading(text, start) and exact_heading(text[:start]) is not None \
                and (" " in text[:start] or end - start > 1 or not text[end].islower()):
            return start, end
    return None


def _closes_heading(text: str, at: int) -> bool:
    """``text`` has a word ending at ``at`` that some heading ends with (a cheap test, as below)."""
    head = text[:at].rstrip("?:.!")
    return head[head.rfind(" ") + 1 :].lower().replace("organiz", "organis") in heading_last_words()


_FIRST_WORD_RE = re.compile(r"(?:\d{1,2}[.)]\s*|q\d{1,2}\s+)?([^\W\d_]+)", re.IGNORECASE)


def _opens_heading(text: str, at: int) -> bool:
    """``text`` has a word at ``at`` that some heading starts with (after its numbering): a cheap
    test before the heading table is asked."""
    match = _FIRST_WORD_RE.match(text, at)
    return match is not None and match.group(1).lower().replace("organiz", "organis") in heading_first_words()

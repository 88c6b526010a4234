"""Text-dump reader: bytes -> ``Document``.

Contract: decode (UTF-8 with or without BOM, UTF-16/32 with BOM, cp1252 as the fallback), NFC,
ligatures expanded, then one ``Line`` per input line. Markdown is understood and removed:
``**bold**`` runs go to ``Line.bold_parts``, list markers and bullet glyphs set ``Line.bullet``,
``<https://...>`` autolinks and ``[text](url)`` links become the URL, ``#`` heading marks and
backslash escapes are dropped. A line whose cells are separated by tabs, by runs of two or more
spaces or by bars (a markdown table; its ``|---|`` rule is dropped) keeps them in ``Line.cells``
(the outcomes grid). Blank lines are kept as empty lines: they separate paragraphs and tiles.
Text dumps carry no page, box, font or colour.
"""

from __future__ import annotations

import codecs
import hashlib
import re

from ..errors import UnreadableInput
from ..models import Document, Line, SourceInfo
from ..textutil import clean_text, fold_spaces, split_bullet

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BOLD_RE = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_ITALIC_RE = re.compile(r"(?<![\w*])\*(?!\s)([^*]+?)(?<!\s)\*(?![\w*])")
_AUTOLINK_RE = re.compile(r"<((?:https?://|www\.)[^>\s]+)>")
_LINK_RE = re.compile(r"\[([^\]]*)\]\(([^)\s]+)\)")
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_HEADING_RE = re.compile(r"^#{1,6}\s+")
_CELL_SPLIT_RE = re.compile(r"\t+| {2,}")
_TABLE_RULE_RE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_BINARY_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f]")


def decode(data: bytes) -> str:
    """Decode a text dump: BOM first, then strict UTF-8, then UTF-16 sniffing, then cp1252."""
    return decode_as(data)[0]


def decode_as(data: bytes) -> tuple[str, str]:
    """``decode`` plus the encoding used; ``GUESSED`` when no rule proved one (the cp1252 fallback)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise UnreadableInput(f"invalid {encoding} text after its byte-order mark") from None
    if data.count(b"\x00") > len(data) // 4:  # UTF-16/32 without a byte-order mark
        for encoding in _wide_encodings(data):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                continue
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return data.decode("cp1252", errors="replace"), GUESSED


GUESSED = "cp1252 (guessed)"


def _wide_encodings(data: bytes) -> tuple[str, ...]:
    """UTF-16/32 byte orders to try, most likely first: ASCII text has its zero bytes at odd
    offsets in little-endian and at even offsets in big-endian."""
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if sample.count(0) > len(sample) * 0.6:
        return ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be")
    return ("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le")


def read_text(data: bytes, file_name: str) -> Document:
    """Read a text dump into a ``Document`` (see the module docstring)."""
    raw, encoding = decode_as(data)
    text = clean_text(raw)
    if _looks_binary(text):
        raise UnreadableInput("not a text file (binary content)")
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = tuple(parse_line(line) for line in raw_lines)
    source = SourceInfo(
        file=file_name, sha256=hashlib.sha256(data).hexdigest(), format="text", pages=None
    )
    notes = ((_GUESSED_NOTE,) if encoding == GUESSED else ()) + (
        (_SIDE_BY_SIDE_NOTE,) if _side_by_side(raw_lines) else ())
    return Document(source=source, lines=lines, notes=notes)


def _side_by_side(raw_lines: list[str]) -> bool:
    """Two columns printed side by side (``pdftotext -layout``): many lines split once, by a wide
    gap, at about the same character column. Their order cannot be recovered line by line."""
    starts: dict[int, int] = {}
    for raw in raw_lines:
        if "    " not in raw:  # no wide gap: most lines, spared the regex
            continue
        line = raw.rstrip()
        gaps = list(_COLUMN_GAP_RE.finditer(line))
        if len(gaps) == 1 and line[:1].strip():
            starts[gaps[0].end() // 4] = starts.get(gaps[0].end() // 4, 0) + 1
    return any(count + starts.get(bucket + 1, 0) >= _SIDE_BY_SIDE_LINES for bucket, count in starts.items())


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample or sample.replace("\n", "").replace("\t", "").replace("\r", "").isprintable():
        return False  # the common case, decided without scanning character by character
    controls = len(_BINARY_CONTROL_RE.findall(sample)) + sample.count("\ufffd")
    return controls > max(8, len(sample) // 50)


_BLANK = Line(text="")
# Another 8-bit encoding (Mac Roman, KOI8-R, Latin-2) also decodes as cp1252, with wrong letters.
_COLUMN_GAP_RE = re.compile(r"(?<=\S) {4,}(?=\S)")
_SIDE_BY_SIDE_LINES = 8
_SIDE_BY_SIDE_NOTE = ("document", "side_by_side_columns",
                      "two columns printed side by side (pdftotext -layout?): sections may be mixed; "
                      "convert without -layout or read the PDF")
_GUESSED_NOTE = ("document", "guessed_encoding",
                 "not UTF-8 or UTF-16: read as Windows-1252, a guess; check accented names and words")


def parse_line(raw: str) -> Line:
    """One raw dump line -> ``Line`` with markup understood and removed."""
    stripped = raw.strip()
    if not stripped:
        return _BLANK
    if stripped.startswith("#"):
        stripped = _HEADING_RE.sub("", stripped)
    bullet, body = split_bullet(stripped)
    if "|" in body and _TABLE_RULE_RE.match(body):
        return _BLANK  # the rule under a markdown table's first row
    if not _has_markup(body) and "\t" not in body and "  " not in body and "|" not in body:
        text = fold_spaces(body)  # the common plain line
        return Line(text, bullet=bullet and bool(text), cells=(text,) if text else ())
    bold_parts: tuple[str, ...] = ()
    if _has_markup(body):
        if "**" in body or "__" in body:
            bold_parts = tuple(fold_spaces(a or b) for a, b in _BOLD_RE.findall(body))
        body = _strip_markup(body)
    cells: tuple[str, ...] = ()
    if body.startswith("|") or body.count(" | ") >= 2:  # a markdown table row, or cells set apart by bars
        cells = tuple(fold_spaces(cell) for cell in body.strip().strip("|").split("|") if cell.strip())
        body = " ".join(cells)
    elif "\t" in body or "  " in body:
        cells = tuple(fold_spaces(cell) for cell in _CELL_SPLIT_RE.split(body.strip()) if cell.strip())
    text = fold_spaces(body)
    whole_bold = bool(bold_parts) and fold_spaces(" ".join(bold_parts)) == text
    return Line(
        text=text,
        bullet=bullet and bool(text),
        bold=whole_bold,
        bold_parts=bold_parts,
        cells=cells if len(cells) > 1 else (text,) if text else (),
    )


def _has_markup(text: str) -> bool:
    """Whether ``text`` holds a character markdown markup starts with (substring tests are cheap)."""
    return "*" in text or "_" in text or "<" in text or "[" in text or "\\" in text


def _strip_markup(text: str) -> str:
    if "<" in text:
        text = _AUTOLINK_RE.sub(lambda match: _absolute(match.group(1)), text)
    if "](" in text:
        text = _LINK_RE.sub(lambda match: _absolute(match.group(2)), text)
    if "**" in text or "__" in text:
        text = _BOLD_RE.sub(lambda match: match.group(1) or match.group(2), text)
    if "*" in text:
        text = _ITALIC_RE.sub(lambda match: match.group(1), text)
    if "\\" in text:
        text = _ESCAPE_RE.sub(lambda match: match.group(1), text)
    return text


def _absolute(url: str) -> str:
    return url if "://" in url else "https://" + url

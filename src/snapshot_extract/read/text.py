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
from ..textutil import clean_text, fold_spaces, holds_any, split_bullet

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
    if _looks_binary(text, data):
        raise UnreadableInput("not a text file (binary content)")
    if "\r" in text:  # Windows or old Mac line ends; most dumps are split in one pass
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    raw_lines = text.split("\n")
    lines = _parse_lines(raw_lines, text)
    source = SourceInfo(
        file=file_name, sha256=hashlib.sha256(data).hexdigest(), format="text", pages=None
    )
    side_by_side = "    " in text and _side_by_side(raw_lines)  # no wide gap anywhere: most dumps
    notes = ((_GUESSED_NOTE,) if encoding == GUESSED else ()) + ((_SIDE_BY_SIDE_NOTE,) if side_by_side else ())
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


def _looks_binary(text: str, data: bytes) -> bool:
    """Whether ``text``, decoded from ``data``, is binary content rather than a dump."""
    sample = text[:4096]
    if "\ufffd" not in sample and not _has_control(sample, nul=b"\x00" in data):
        return False  # the common case, decided by substring tests instead of a scan per character
    controls = len(_BINARY_CONTROL_RE.findall(sample)) + sample.count("\ufffd")
    return controls > max(8, len(sample) // 50)


def _has_control(text: str, nul: bool) -> bool:
    """Whether ``text`` holds a control character other than whitespace. ``nul``: whether it may
    hold a NUL; the caller knows from the bytes (a NUL is zero bytes in every encoding read here),
    which spares the slowest of these searches, for a NUL in a wide string."""
    return (nul and "\x00" in text) or holds_any(text, _CONTROLS)


_CONTROLS = tuple(chr(code) for code in range(1, 0x20) if _BINARY_CONTROL_RE.match(chr(code)))


_BLANK = Line(text="")
# Another 8-bit encoding (Mac Roman, KOI8-R, Latin-2) also decodes as cp1252, with wrong letters.
_COLUMN_GAP_RE = re.compile(r"(?<=\S) {4,}(?=\S)")
_SIDE_BY_SIDE_LINES = 8
_SIDE_BY_SIDE_NOTE = ("document", "side_by_side_columns",
                      "two columns printed side by side (pdftotext -layout?): sections may be mixed; "
                      "convert without -layout or read the PDF")
_GUESSED_NOTE = ("document", "guessed_encoding",
                 "not UTF-8 or UTF-16: read as Windows-1252, a guess; check accented names and words")


def parse_line(raw: str, rare_marks: bool = True) -> Line:
    """One raw dump line -> ``Line`` with markup understood and removed. ``rare_marks=False``: the
    caller knows that the document holds none of the rare marks ``_has_rare_marks`` looks for."""
    stripped = raw.strip()
    if not stripped:
        return _BLANK
    if not _is_plain(stripped, rare_marks):
        return _parse_body(stripped, False) if stripped[0].isalnum() else _parse_item(stripped)
    if not stripped[0].isalnum():
        return _parse_item(stripped, plain=True)
    # Most lines: no heading mark or bullet (they start with a letter or digit) and nothing to
    # remove, split or fold, so the stripped line is the text.
    return _line(stripped, False, False, (), (stripped,))


def _line(text: str, bold: bool, bullet: bool, bold_parts: tuple[str, ...], cells: tuple[str, ...]) -> Line:
    """``Line(text, bold=bold, bullet=bullet, bold_parts=bold_parts, cells=cells)``: a dump line has
    no page, box, font or colour. Built from a tuple by ``tuple.__new__``, in C: the named tuple's
    own ``__new__`` is Python code, which run for every line cost a tenth of the reader's time. A
    test compares the two, so a field added to ``Line`` cannot be missed here."""
    return tuple.__new__(Line, (text, None, None, None, None, bold, None, bullet, bold_parts, cells, (), (), (), 0))


def _parse_lines(raw_lines: list[str], text: str) -> tuple[Line, ...]:
    """``parse_line`` of every line of ``text`` (``raw_lines``: ``text`` split at its line ends).
    The rare marks are looked for once in the whole text: most dumps have none, and then each of
    their lines needs four substring tests and a printable test to be found plain."""
    rare_marks = _has_rare_marks(text)
    return tuple([parse_line(raw, rare_marks) for raw in raw_lines])


def _parse_item(stripped: str, plain: bool = False) -> Line:
    """``parse_line`` for a stripped line that starts with a mark: a heading, a list item, a table
    row. ``plain``: the caller found nothing to remove, split or fold in the line."""
    if stripped[0] == "#":
        stripped = _HEADING_RE.sub("", stripped)
    bullet, body = split_bullet(stripped)
    if plain or _is_plain(body):  # most list items: the body (stripped) is the text
        return _line(body, False, bullet and bool(body), (), (body,) if body else ())
    return _parse_body(body, bullet)


def _parse_body(body: str, bullet: bool) -> Line:
    """``parse_line`` for the stripped body of a line (after any heading mark or bullet) that may
    hold markup, cells or whitespace to fold."""
    if "|" in body and _TABLE_RULE_RE.match(body):
        return _BLANK  # the rule under a markdown table's first row
    bold_parts: tuple[str, ...] = ()
    if _has_markup(body):
        body, bold_parts = _unmark(body)
    cells: tuple[str, ...] = ()
    if "|" in body and (body.startswith("|") or body.count(" | ") >= 2):  # a table row, or cells set apart by bars
        cells = tuple(fold_spaces(cell) for cell in body.strip().strip("|").split("|") if cell.strip())
        text = fold_spaces(" ".join(cells))
    elif "\t" in body or "  " in body:
        cells = _grid_cells(body)
        # Exactly fold_spaces' result for a row with a tab or double space (its \s+ regex pass, then
        # strip), at C speed: ~0.4 µs instead of ~2.5 µs on a grid row.
        text = " ".join(body.split())
    else:
        text = fold_spaces(body)
    whole_bold = bool(bold_parts) and fold_spaces(" ".join(bold_parts)) == text
    cells = cells if len(cells) > 1 else (text,) if text else ()
    return _line(text, whole_bold, bullet and bool(text), bold_parts, cells)


def _is_plain(text: str, rare_marks: bool = True) -> bool:
    """Whether ``text`` holds nothing that markup removal, cell splitting or ``fold_spaces`` would
    change: no markup character, bar or double space, and printable (so no whitespace but the
    plain space); substring tests cost less than one regex scan of the line. ``rare_marks=False``
    skips the tests for the rare marks."""
    if "*" in text or "<" in text or "|" in text or "  " in text or not text.isprintable():
        return False
    return not (rare_marks and _has_rare_marks(text))


def _has_rare_marks(text: str) -> bool:
    """Whether ``text`` holds a markdown mark that is rare in dumps: "_", "[" or a backslash."""
    return "_" in text or "[" in text or "\\" in text


def _has_markup(text: str) -> bool:
    """Whether ``text`` holds a character markdown markup starts with (substring tests are cheap)."""
    return "*" in text or "<" in text or _has_rare_marks(text)


def _unmark(body: str) -> tuple[str, tuple[str, ...]]:
    """``body`` with its markup removed, and its bold runs (as written, before links are resolved)."""
    cut = _cut_bold(body)
    bold_parts = tuple([fold_spaces(run) for run in cut[1::2]])  # compiled: a native call, not map()
    if "<" in body or "](" in body:
        body = _strip_links(body)
        cut = _cut_bold(body)
    body = "".join(cut)
    if "*" in body:
        body = _ITALIC_RE.sub(_first_group, body)
    if "\\" in body:
        body = _ESCAPE_RE.sub(_first_group, body)
    return body, bold_parts


# Replacements for re.sub, at module level: compiled, a lambda makes every call of the function
# that holds it build a closure environment, taken or not.
def _first_group(match: re.Match[str]) -> str:
    return match.group(1)


def _autolink_url(match: re.Match[str]) -> str:
    return _absolute(match.group(1))


def _link_url(match: re.Match[str]) -> str:
    return _absolute(match.group(2))


def _cut_bold(text: str) -> list[str]:
    """``text`` cut at its bold marks: [outside, run, outside, run, ..., outside], as ``_BOLD_RE``
    finds the runs."""
    if "**" not in text and "__" not in text:
        return [text]
    if "__" not in text and "\n" not in text:
        pieces = text.split("**")
        if len(pieces) % 2 and all(pieces[1::2]):
            # Each mark pairs with the next one around a non-empty run, which is how the regex
            # pairs them too (lazy, needing a run, "." stopping only at a line end, "__" absent);
            # str.split does it at a fraction of the cost.
            return pieces
    parts = _BOLD_RE.split(text)  # [outside, ** run or None, __ run or None, outside, ...]
    cut = parts[:1]
    for star_run, underscore_run, outside in zip(parts[1::3], parts[2::3], parts[3::3], strict=True):
        cut += (star_run or underscore_run or "", outside)
    return cut


def _strip_links(text: str) -> str:
    if "<" in text:
        text = _AUTOLINK_RE.sub(_autolink_url, text)
    if "](" in text:
        text = _LINK_RE.sub(_link_url, text)
    return text


def _grid_cells(body: str) -> tuple[str, ...]:
    """The cells of a row set apart by tabs or by runs of two or more spaces."""
    # A row without double spaces splits at its tabs by str.split, which is exact here (empty
    # pieces between tabs are dropped either way) and spares the regex's ~2.5 µs a row.
    gaps = _CELL_SPLIT_RE.split(body.strip()) if "  " in body else body.strip().split("\t")
    cells = [fold_spaces(gap) for gap in gaps]
    return tuple([cell for cell in cells if cell])  # a cell folds to "" just where it is all spaces


def _absolute(url: str) -> str:
    return url if "://" in url else "https://" + url

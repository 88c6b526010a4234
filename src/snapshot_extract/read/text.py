"""Text-dump reader: bytes -> ``Document``.

Contract: decode (an e-mail saved with its MIME headers as they say; else UTF-8 with or without
BOM, UTF-16/32 with BOM, else Windows-1252 or Mac Roman, whichever puts fewer characters out of
place in words), NFC, a source typed or saved in another markup (RTF, BBCode, LaTeX, AsciiDoc,
Confluence, reStructuredText, a wiki's) turned into markdown (``markup``),
ligatures expanded, then one ``Line`` per input line. Markdown is understood and removed:
``**bold**`` runs go to ``Line.bold_parts``, list markers and bullet glyphs set ``Line.bullet``,
``<https://...>`` autolinks and ``[text](url)`` links become the URL, ``#`` heading marks (and a wiki's ``== … ==``) and
backslash escapes are dropped. A line whose cells are separated by tabs, by runs of two or more
spaces or by bars (a markdown table; its ``|---|`` rule is dropped) keeps them in ``Line.cells``
(the outcomes grid). Blank lines are kept as empty lines: they separate paragraphs and tiles.
Text dumps carry no page, box, font or colour.
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import re

from ..errors import UnreadableInput
from ..models import Document, Line, SourceInfo, Warning
from ..textutil import RULE_RE, clean_text, fold_spaces, fold_word_spaces, marker_of, split_bullet, unframed
from .columns import unjustified, unweave
from .hyphens import mark_cut_words, mark_line_ends, shown_soft_hyphens, soft_hyphens_drawn
from .joins import take_apart
from .literals import held_text
from .markup import WIKI_HEADING_RE, mail_text, typed_markup
from .rejoined import hyphens_printed_elsewhere, part_rejoined
from .spaces import lost_spaces, spaced
from .wrappers import (
    pasted,
    shortcodes_as_glyphs,
    struck_once,
    tabs_as_spaces,
    tabs_unpacked,
    unannounced,
    uncaptioned,
    undiffed,
    unlogged,
    unnumbered,
    unoutlined,
    unprefixed,
    unquote,
    untabled,
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BOLD_RE = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_ITALIC_RE = re.compile(r"(?<![\w*])\*(?!\s)([^*]+?)(?<!\s)\*(?![\w*])")
_CODE_RE = re.compile(r"`+([^`]+?)`+")  # a code span: a converter's way to print addresses as they are
_AUTOLINK_RE = re.compile(r"<((?:https?://|www\.)[^>\s]+)>")
_LINK_RE = re.compile(r"\[([^\]]*)\]\(([^)\s]+)\)")
_ORG_LINK_RE = re.compile(r"\[\[([^\]\s]+)\](?:\[[^\]]*\])?\]")  # org-mode: [[url]], [[url][text]]
_ORG_KEYWORD_RE = re.compile(r"^#\+[A-Za-z_]+:\s*")  # org-mode's "#+TITLE: " before a line's text
_ORG_TERM_RE = re.compile(r"^(.{1,60}?)\s*::(?:\s+|$)")  # org-mode's "Mayor :: Jane Roe", AsciiDoc's "Mayor:: Jane Roe"
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_HEADING_RE = re.compile(r"^#{1,6}\s+")
_FENCE_RE = re.compile(r"^:{3,}(?:\s*\{?[\w.#=\" -]*\}?)?$")
_CELL_SPLIT_RE = re.compile(r"\t+| {2,}")
_TABLE_RULE_RE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_BINARY_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f]")
# Inline HTML a PDF-to-markdown converter writes (highlights, emphasis); <mark>, <b>, <strong> are bold;
# and the containers an export wraps a block in (Notion's callout: <aside>)
_HTML_TAG_RE = re.compile(
    r"</?(?:mark|b|strong|em|i|u|span|font|sup|sub|small|aside|details|summary|div|p|blockquote)\b[^<>]*>", re.I)
_HTML_BREAK_RE = re.compile(r"<br\b[^<>]*>", re.IGNORECASE)  # a line break inside a table cell: a space
_HTML_BOLD_RE = re.compile(r"<(mark|b|strong)\b[^<>]*>(.+?)</\1\s*>", re.IGNORECASE)
_LINE_END_SOFT_HYPHEN_RE = re.compile("\u00ad(?=[ \t]*(?:\r?\n|$))")
_MARKUP_RE = re.compile(r"[*_<\[\\`]")  # the characters every markup the reader removes starts with


def decode(data: bytes) -> str:
    """Decode a text dump: BOM first, then strict UTF-8, then UTF-16 sniffing, then the likeliest of
    the legacy code pages (``GUESSES``)."""
    return decode_as(data)[0]


def decode_as(data: bytes) -> tuple[str, str]:
    """``decode`` plus the encoding used, ending in ``GUESSED`` when no rule proved one (a legacy code page)."""
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
    if data.isascii() and len(_UTF7_SHIFT_RE.findall(data)) >= MIN_UTF7_SHIFTS:
        # UTF-7: ASCII whose other letters are base64 runs ("UME+AMU-", "2019+IBM-2024"), read so
        # where they are Latin letters and punctuation (a phone number's "+353…" is no such run)
        with contextlib.suppress(UnicodeDecodeError):
            text = data.decode("utf-7")
            if all(_LATIN_RE.match(character) for character in text if not character.isascii()):
                return text, "utf-7"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # the fewer letters out of place, the likelier the code page; on a tie, the one listed first
    text, codec = min(((data.decode(codec, errors="replace"), codec) for codec in GUESSES),
                      key=lambda decoded: _misfits(decoded[0]))
    return text, f"{codec}{GUESSED}"


# a UTF-7 shift: "+", base64 of UTF-16 (two characters at least: "+AMU-" is "Å"), "-" or a non-base64 end
_UTF7_SHIFT_RE = re.compile(rb"\+[A-Za-z0-9/+]{2,}(?:-|(?=[^A-Za-z0-9/+]))")
_LATIN_RE = re.compile("[\u00a0-\u024f\u2010-\u2027\u20ac]")  # Latin letters, the usual punctuation, €
MIN_UTF7_SHIFTS = 3  # shifts at least: a dump in UTF-7 (a "+" before a word is rarer than that)

GUESSED = " (guessed)"
# The code pages a dump that is no UTF may be in, the likeliest first, each with the name a warning gives it
GUESSES = {"cp1252": "Windows-1252", "mac_roman": "Mac Roman (its accented letters fit the words)",
           "cp852": "DOS code page 852, Central European (its accented letters fit the words)",
           "cp850": "DOS code page 850, Western European (its accented letters fit the words)"}
# A character that is no ASCII between two letters: in its word if it is a letter of their case
# (or either case after a capital), or an apostrophe or hyphen; out of place otherwise.
_INSIDE_WORD_RE = re.compile(r"(?<=([^\W\d_]))([^\x00-\x7f])(?=([^\W\d_]))")
_IN_WORDS = "\u2019\u2018'\u2010\u2011\u00b7\u00ad"


def _misfits(text: str) -> int:
    """How many characters of ``text`` sit in a word where no word has them: "Ossand\u2014n",
    "VALPARA\u00eaSO", "city\u00d5s" (Windows-1252 and Mac Roman read as each other)."""
    count = 0
    for before, char, after in _INSIDE_WORD_RE.findall(text):
        if char in _IN_WORDS or char.isspace():  # a no-break space parts words in any code page
            continue
        if not char.isalpha() or (char.isupper() and after.islower() and before.islower()) \
                or (char.islower() and before.isupper() and after.isupper()):
            count += 1
    return count


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
    mail = mail_text(data)  # an e-mail saved with its headers: its body, decoded as they say
    raw, encoding = (mail, "e-mail") if mail is not None else decode_as(data)
    # a terminal's overstruck bold and paste; PDFium's text of a word hyphenated at a line end ("liv\ufffeing")
    raw = pasted(struck_once(raw)).replace("\ufffe", "\u00ad")
    if soft_hyphens_drawn(raw):  # the producer's hyphen glyph
        raw = raw.replace("\u00ad", "-")
    # a soft hyphen ending a line is a break (U+2010), which clean_text would drop
    text = clean_text(shown_soft_hyphens(_LINE_END_SOFT_HYPHEN_RE.sub("\u2010", raw)))
    if _looks_binary(text):
        raise UnreadableInput("not a text file (binary content)")
    # the text a program's data holds (JSON, XML, a calendar's or a card's property, printed string literals)
    text = held_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = typed_markup(text)  # before ":doctype:" is read as an emoji
    raw_lines = tabs_as_spaces(tabs_unpacked(shortcodes_as_glyphs(untabled(text)))).split("\n")
    raw_lines = uncaptioned(raw_lines)  # before the other wrappers: a cue's number is no line number
    raw_lines = unframed(unquote(unoutlined(unnumbered(unannounced(undiffed(unlogged(unprefixed(raw_lines))))))))
    glued = lost_spaces(raw_lines)
    if glued:  # words run together: parted by the word list
        raw_lines = spaced(raw_lines)
    raw_lines = part_rejoined(hyphens_printed_elsewhere("\n".join(raw_lines)).split("\n"))  # a tool's joins
    raw_lines = unjustified(raw_lines)  # a terminal's justified paragraphs: one space between words
    unwoven = unweave(raw_lines)  # two columns side by side: read one after the other
    if unwoven is not None:
        raw_lines, mixed = take_apart(unwoven.lines, unwoven.mixed)  # two columns on one line
    else:
        raw_lines, mixed = take_apart(raw_lines)
    raw_lines = mark_cut_words(mark_line_ends(_numbers_in_front(_bold_per_line(raw_lines))))
    source = SourceInfo(file=file_name, sha256=hashlib.sha256(data).hexdigest(), format="text", pages=None)
    notes = []
    if encoding.endswith(GUESSED):
        name = GUESSES[encoding.removesuffix(GUESSED)]
        notes.append(Warning(field="document", code="guessed_encoding",
                             message=f"not UTF-8 or UTF-16: read as {name}, a guess; check accented names "
                                     "and words"))
    if glued:
        notes.append(Warning(field="document", code="lost_spaces",
                             message="the dump ran words together (\"Seoulhasdevelopedpartnerships\"): the spaces "
                                     "were put back by an English word list and the document's own words"))
    if unwoven is None and _side_by_side(raw_lines):
        notes.append(Warning(field="document", code="side_by_side_columns",
                             message="two columns printed side by side (pdftotext -layout?): sections may be "
                                     "mixed; convert without -layout or read the PDF"))
    if mixed:
        notes.append(Warning(field="document", code="interleaved_columns",
                             message=f"{len(mixed)} lines held a line of each of two columns (pdfplumber, PyMuPDF "
                                     "sort=True?) and were taken apart: the sections around them may be mixed"))
    parsed = [parse_line(line) for line in raw_lines]
    lines = _with_document_bullets([line._replace(mixed=True) if index in mixed else line
                                    for index, line in enumerate(parsed)])
    return Document(source=source, lines=tuple(lines), notes=tuple(notes))


def _bold_per_line(lines: list[str]) -> list[str]:
    """``lines`` with each bold run that a markdown converter wrapped across a line end ("… **using
    data to target" / "where risks are highest**.") closed at the end of its first line and opened
    again on the next, so that each line's markup is its own."""
    marked = list(lines)
    for index in range(len(marked) - 1):
        if marked[index].count("**") % 2 and marked[index + 1].count("**") % 2 and marked[index + 1].strip():
            marked[index] = marked[index].rstrip() + "**"
            marked[index + 1] = "**" + marked[index + 1].lstrip()
    return marked


_TRAILING_NUMBER_RE = re.compile(r"^(?P<item>.*(?:[^\W\d_]|\)))\s*(?P<number>\d{1,2})\.\s*$")


def _trailing_number(line: str) -> re.Match[str] | None:
    stripped = line.rstrip()
    if stripped[-1:] != "." or not stripped[-2:-1].isdigit():
        return None  # most lines: spared the regex's backtracking over the whole line
    return _TRAILING_NUMBER_RE.match(stripped)


def _numbers_in_front(lines: list[str]) -> list[str]:
    """``lines`` with a numbered list whose numbers a tool printed after each item ("Municipal
    budget1." / "Higher levels of government2.": pypdf's content-stream order) numbered in front
    again: a run of two lines or more ending in 1., 2., … in turn."""
    marked = list(lines)
    index = 0
    while index < len(marked):
        run: list[re.Match[str]] = []
        while (index + len(run) < len(marked) and (match := _trailing_number(marked[index + len(run)]))
               and int(match.group("number")) == len(run) + 1):
            run.append(match)
        if len(run) >= 2:
            for position, match in enumerate(run, start=index):
                marked[position] = f"{match.group('number')}. {match.group('item').strip()}"
        index += max(len(run), 1)
    return marked


# A character the dump starts several lines with, alone before a capital, is the document's own
# bullet: what a tool made of a symbol-font glyph ("G Project Manager", "ä Mayor:"). Not the
# one-letter words that can start a line of text.
_LONE_START_RE = re.compile(r"^(\S) (?=[A-Z0-9])")
_WORDS = frozenset("AaIi")
_BULLET_REPEATS = 3


def _with_document_bullets(lines: list[Line]) -> list[Line]:
    """``lines`` with the document's own bullet character (see above) taken for a bullet."""
    starts = [match.group(1) for line in lines if (match := _LONE_START_RE.match(line.text))]
    counts = {char: starts.count(char) for char in set(starts) - _WORDS}
    markers = {char for char, count in counts.items() if count >= _BULLET_REPEATS}
    if not markers:
        return lines
    return [line._replace(text=line.text[2:], bullet=True, cells=(line.text[2:],))
            if (match := _LONE_START_RE.match(line.text)) and match.group(1) in markers else line for line in lines]


# Another 8-bit encoding (Mac Roman, KOI8-R, Latin-2) also decodes as cp1252, with wrong letters.
_COLUMN_GAP_RE = re.compile(r"(?<=\S) {4,}(?=\S)")
_SIDE_BY_SIDE_LINES = 8


def _side_by_side(raw_lines: list[str]) -> bool:
    """Two columns printed side by side (``pdftotext -layout``): many lines split once, by a wide
    gap, at about the same character column. Their order cannot be recovered line by line."""
    starts: dict[int, int] = {}
    for raw in raw_lines:
        line = raw.rstrip()
        if "    " not in line:  # no gap wide enough: spared the search
            continue
        gaps = list(_COLUMN_GAP_RE.finditer(line))
        if len(gaps) == 1 and line[:1].strip():
            starts[gaps[0].end() // 4] = starts.get(gaps[0].end() // 4, 0) + 1
    return any(count + starts.get(bucket + 1, 0) >= _SIDE_BY_SIDE_LINES for bucket, count in starts.items())


def _looks_binary(text: str) -> bool:
    """Whether ``text`` is binary content rather than a dump: many control characters or
    undecodable bytes in its first 4 KB."""
    sample = text[:4096]
    controls = len(_BINARY_CONTROL_RE.findall(sample)) + sample.count("\ufffd")
    return controls > max(8, len(sample) // 50)


def parse_line(raw: str) -> Line:
    """One raw dump line -> ``Line`` with markup understood and removed (see the module docstring)."""
    stripped = _HEADING_RE.sub("", _ORG_KEYWORD_RE.sub("", raw.strip()))
    if stripped.startswith("=") and (wiki := WIKI_HEADING_RE.match(stripped)):
        stripped = wiki.group(2)
    if not stripped or _FENCE_RE.match(stripped) or RULE_RE.match(stripped):
        return Line(text="")  # a blank line, a markdown converter's div fence ("::: banner"), a typed rule
    if stripped.endswith("\\") and not stripped.endswith("\\\\"):
        stripped = stripped[:-1].rstrip()  # markdown's hard line break
    bullet, body = split_bullet(stripped)
    marker = marker_of(stripped, body) if bullet else ""
    if "::" in body:
        body = _ORG_TERM_RE.sub(r"\1: ", body)
    if "|" in body and _TABLE_RULE_RE.match(body):
        return Line(text="")  # the rule under a markdown table's first row
    body, bold_parts = _unmark(body)
    cells: tuple[str, ...] = ()
    if "|" in body and (body.startswith("|") or body.count(" | ") >= 2):  # a table row, or cells set apart by bars
        cells = tuple(fold_spaces(cell) for cell in body.strip().strip("|").split("|") if cell.strip())
        text = fold_spaces(" ".join(cells))
    else:
        cells = _grid_cells(body)
        text = fold_spaces(body)
    whole_bold = bool(bold_parts) and fold_spaces(" ".join(bold_parts)) == text
    cells = cells if len(cells) > 1 else (text,) if text else ()
    return Line(text=text, bold=whole_bold, bullet=bullet and bool(text), bold_parts=bold_parts, cells=cells,
                marker=marker)


def _unmark(body: str) -> tuple[str, tuple[str, ...]]:
    """``body`` with its markup removed, and its bold runs (as written, before links are resolved)."""
    if not _MARKUP_RE.search(body):
        return body, ()
    body = body.replace("****", "")  # a converter's empty bold run (pandoc: "****Text")
    bold_parts = tuple(fold_spaces(run) for run in _bold_runs(body))
    body = _HTML_TAG_RE.sub("", _HTML_BREAK_RE.sub(" ", body))
    body = _AUTOLINK_RE.sub(lambda match: _absolute(match.group(1)), body)
    body = _LINK_RE.sub(lambda match: _absolute(match.group(2)), body)
    body = _ORG_LINK_RE.sub(lambda match: _absolute(match.group(1)), body)
    body = _BOLD_RE.sub(lambda match: match.group(1) or match.group(2), body)
    body = _ITALIC_RE.sub(lambda match: match.group(1), body)
    body = _CODE_RE.sub(lambda match: match.group(1), body)
    return _ESCAPE_RE.sub(lambda match: match.group(1), body), bold_parts


def _bold_runs(text: str) -> list[str]:
    runs = [match.group(1) or match.group(2) for match in _BOLD_RE.finditer(text)]
    return runs + [match.group(2) for match in _HTML_BOLD_RE.finditer(text)]


def _grid_cells(body: str) -> tuple[str, ...]:
    """The cells of a row set apart by tabs or by runs of two or more spaces; two spaces inside a
    sentence are a justified line's word space, no cell's edge (``fold_word_spaces``)."""
    if "\t" not in body and "  " not in body:
        return ()  # no separator: not a row
    cells = (fold_spaces(cell) for cell in _CELL_SPLIT_RE.split(fold_word_spaces(body.strip())))
    return tuple(cell for cell in cells if cell)



def _absolute(url: str) -> str:
    return url if "://" in url else "https://" + url

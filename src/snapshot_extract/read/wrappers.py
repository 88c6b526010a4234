"""What a tool or a paste wrapped around a dump's lines, taken off before the lines are read.

Each a rule on the whole dump, applied where most of its lines show it (or where any character is
struck over: a terminal's bold), spaces a terminal packed into tabs, a chat tool's emoji names
(glyphs of their own), tabs between words (Ghostscript's txtwrite), a terminal's paste, a table
of comma-separated values, a caption file's cues, a diff that adds the dump as a file, a screen
reader's announcements, an editor's line numbers, an e-mail reply's quoting, a chat log's stamp
and sender before each message, a program log's stamp before every line, an outliner's bullet
before every line.
"""

from __future__ import annotations

import csv
import io
import os
import re

# an emoji a chat tool wrote by name (":large_green_circle:", ":bulb:"): no word, not a time ("18:42:10")
_SHORTCODE_RE = re.compile(r"(?<![\w:]):[a-z][a-z0-9_+-]+:(?![\w:])")
_GLYPH_BASE = 0xE000  # private use: a glyph of the dump's own, one per name (a bullet glyph, as a symbol font's)


def shortcodes_as_glyphs(text: str) -> str:
    """``text`` with each emoji shortcode a chat tool wrote (Slack, Teams, GitHub) as a glyph of
    its own, the same for the same name: a marker before a list item or a grid cell, keyed by a
    legend (":large_green_circle: = with sufficient data") as any glyph is."""
    if ":" not in text or not _SHORTCODE_RE.search(text):
        return text
    names: dict[str, str] = {}
    return _SHORTCODE_RE.sub(lambda code: names.setdefault(code.group(), chr(_GLYPH_BASE + len(names))), text)


_OVERSTRIKE_RE = re.compile("[^\n\x08]\x08")


def struck_once(text: str) -> str:
    r"""``text`` as a terminal shows it where a pager or ``man`` printed bold and underlined words by
    overstriking (groff ``-Tutf8``: "C\bCi\bi…", "_\bw"): each character struck over once, the
    last one kept, as ``col -b`` keeps it."""
    return _OVERSTRIKE_RE.sub("", text) if "\x08" in text else text


_PASTE_START, _PASTE_END = "\x1b[200~", "\x1b[201~"  # a terminal's bracketed paste
_ESCAPE_RE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")  # an ANSI control sequence: a colour, a cursor move


def pasted(text: str) -> str:
    """``text`` as a terminal shows it where the dump is a terminal's transcript: the part between
    the markers a terminal puts round a paste ("kenji@ws:~$ cat > notes.txt" / ESC[200~ … ESC[201~
    / "^D": the prompt, the command and the end of input are no part of it), without the
    escape sequences that colour or move the text."""
    if "\x1b" not in text:
        return text
    start = text.find(_PASTE_START)
    if start >= 0:
        end = text.find(_PASTE_END, start)
        text = text[start + len(_PASTE_START) : end if end >= 0 else None]
    return _ESCAPE_RE.sub("", text)


_CSV_HEADER_RE = re.compile(r"^[A-Za-z_][\w ]{0,20}(?:,[A-Za-z_][\w ]{0,20}){1,7}$")  # "section,kind,text"
TABLE_ROWS, TABLE_SHARE = 5, 0.9  # rows at least, and the share of them as wide as the header row


def untabled(text: str) -> str:
    """A dump saved as a table of comma-separated values, a row per line of the snapshot under a
    header row of column names ("section,kind,text" / "header,title,\"City Innovation Snapshot
    …\""): the column that holds the text (the one with the longest values), a row a line; else
    ``text`` as it is. Quoted values keep their commas and line breaks (the ``csv`` module reads them)."""
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip()
    if not _CSV_HEADER_RE.match(first):
        return text
    try:
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    except csv.Error:  # a NUL byte, a field past the csv module's limit: no table it can read
        return text
    width = len(rows[0])
    body = [row for row in rows[1:] if row]
    if len(body) < TABLE_ROWS or sum(1 for row in body if len(row) == width) < TABLE_SHARE * len(body):
        return text
    column = max(range(width), key=lambda index: sum(len(row[index]) for row in body if len(row) == width))
    return "\n".join(row[column] if len(row) == width else ", ".join(row) for row in body)


_CUE_TIME_RE = re.compile(r"^\s*(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}\s+-->\s+(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}\b")
CAPTION_CUES = 3  # timed cues at least: a caption file (SubRip, WebVTT)


def uncaptioned(lines: list[str]) -> list[str]:
    """A caption file's text (SubRip, WebVTT) without its cues' numbers and times and the blank
    line before each cue: the cues cut the text wherever a caption was full ("… consists of 24
    staff" / "working specifically on building" / "innovation" / (cue) / "capacity."), so the
    text runs on across them as across a wrapped line."""
    times = [index for index, line in enumerate(lines) if _CUE_TIME_RE.match(line)]
    if len(times) < CAPTION_CUES:
        return lines
    dropped = set(times)
    for index in times:
        before = index - 1
        if before >= 0 and lines[before].strip().isdigit():  # the cue's number
            dropped.add(before)
            before -= 1
        while before >= 0 and not lines[before].strip():  # the blank lines that end the cue before
            dropped.add(before)
            before -= 1
    first = next((index for index, line in enumerate(lines) if line.strip()), None)
    if first is not None and lines[first].strip().startswith("WEBVTT"):
        dropped.add(first)
    return [line for index, line in enumerate(lines) if index not in dropped]


_PACKED_INDENT_RE = re.compile(r"^\t+ {1,7}\S", re.MULTILINE)
PACKED_LINES = 3  # lines at least whose indent is tabs then a few spaces: spaces packed into tabs


def tabs_unpacked(text: str) -> str:
    """``text`` with its tabs expanded to the columns they stand for (every 8) where a terminal
    tool packed runs of spaces into tabs (``nroff``/``groff -Tutf8``, ``col``, ``unexpand``: an
    indent of tabs then a few spaces, a justified line's stretched space a tab): the layout it
    printed, spaces only."""
    if "\t" not in text or len(_PACKED_INDENT_RE.findall(text)) < PACKED_LINES:
        return text
    return text.expandtabs(8)


_WORD_TAB_RE = re.compile(r"(?<=\S)\t(?=\S)")
_WORD_SPACE_RE = re.compile(r"(?<=\S) (?=\S)")


def tabs_as_spaces(text: str) -> str:
    """``text`` with a tab between two words read as a space where the dump puts tabs between
    words more often than spaces (Ghostscript's txtwrite: "Newcastle\tupon\tTyne's\tinnovation"):
    its tabs are word spaces, not the cell edges of a Word export ("Mayor:\tJane Doe")."""
    tabs = text.count("\t")  # no fewer than the tabs between words
    spaces = 0
    for _ in _WORD_SPACE_RE.finditer(text) if tabs else ():
        spaces += 1
        if spaces >= tabs:  # most dumps: their first words are spaced so, the scan stops there
            return text
    return _WORD_TAB_RE.sub(" ", text) if tabs and len(_WORD_TAB_RE.findall(text)) > spaces else text


_QUOTE_RE = re.compile(r"^[ \t]*>[ \t]?")
QUOTED_SHARE = 0.6  # of the non-blank lines: a dump quoted in an e-mail reply
NUMBERED_SHARE = 0.9  # of the lines: a dump whose lines an editor numbered, each the one before's + 1
ADDED_SHARE = 0.8  # of the lines after a diff's first hunk header: a diff that adds the dump as a file
_DIFF_HEADER_RE = re.compile(r"^(?:diff --git |index [0-9a-f]+\.\.|new file mode |deleted file mode |--- |\+\+\+ |@@ )")
# A screen reader's announcements (NVDA, JAWS) before what it reads: the markup they stand for
_ANNOUNCEMENT_RE = re.compile(
    r"^(?:heading level \d+|(?P<bullet>bullet|check mark|black circle|white circle|black square|white square)|link|"
    r"graphic|clickable|row \d+, column \d+)[,:]\s*", re.I)
_ANNOUNCED_LINE_RE = re.compile(r"^(?:list(?:,| of) \d+ items?|out of list|end of list|table with \d+ rows and \d+ "
                                r"columns|out of table|end of table)\.?$", re.I)
ANNOUNCED = 3  # lines with announcements, at least: a screen reader's reading
_LINE_NUMBER_RE = re.compile(r"^\s*(\d+)(?:[ \t]{1,2}|\s*[:|]\s?|$)")
# A chat log's stamp and sender before a message: a time, a date before or after it, bracketed
# or not, then "<nick>" or "Name:" ("09:11 < ayaka> ", "12/03/2024, 09:02 - Inès: ", "[20:40,
# 2021-05-04] Ib: ", "[2021-03-18 14:02:07] <@olga:example.org> "); an event line instead of a
# sender ("09:10 -!- ayaka has joined #channel") says nothing of the document
_DATE = r"\d{1,4}[-./]\d{1,2}[-./]\d{1,4}"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?"
_STAMP = rf"[ \t]*(?:\[(?:{_DATE},?\s+)?{_TIME}(?:,?\s+{_DATE})?\]|(?:{_DATE},?\s+)?{_TIME})[ \t]*(?:[-–—][ \t]*)?"
_CHAT_PREFIX_RE = re.compile(rf"^{_STAMP}(?:<[^<>\n]{{1,40}}>|[^\s:<>\[\]][^:\n]{{0,40}}?:)(?:[ \t]|$)")
_CHAT_EVENT_RE = re.compile(rf"^{_STAMP}(?:-!-|\*\*\*)\s")
CHAT_LINES = 3  # messages at least: a chat log


def undiffed(lines: list[str]) -> list[str]:
    """A dump a diff adds as a new file ("+" before each line, under "diff --git" and "@@"
    headers) as the file: ``ADDED_SHARE`` of the lines after the first hunk header or more start
    with "+"."""
    start = next((index for index, line in enumerate(lines) if line.startswith("@@ ")), None)
    if start is None:
        return lines
    body = lines[start + 1:]
    if sum(1 for line in body if line.startswith("+")) < ADDED_SHARE * len(body):
        return lines
    return [line[1:] if line.startswith("+") else line for line in body if not _DIFF_HEADER_RE.match(line)]


def unannounced(lines: list[str]) -> list[str]:
    """A screen reader's linear reading without its announcements: "heading level 2, " (or
    "HEADING LEVEL 2: ") and "link, " dropped, "bullet, " (and "check mark, ") a bullet, "row 1,
    column 2, " a cell's line, "list, 5 items" ("List of 5 items.") and "out of list" ("End of
    list.") lines blank (where ``ANNOUNCED`` lines carry them, or
    more)."""
    if sum(1 for line in lines[:200] if _ANNOUNCEMENT_RE.match(line) or _ANNOUNCED_LINE_RE.match(line)) < ANNOUNCED:
        return lines
    result = []
    for line in lines:
        if _ANNOUNCED_LINE_RE.match(line.strip()):
            result.append("")
            continue
        match = _ANNOUNCEMENT_RE.match(line)
        bullet = "• " if match and match.group("bullet") else ""
        result.append(bullet + line[match.end():] if match else line)
    return result


def unnumbered(lines: list[str]) -> list[str]:
    """A dump an editor or a code viewer printed with its line numbers ("  20  Population size")
    without them: ``NUMBERED_SHARE`` of its lines or more, blank ones too, start with a number one
    more than the line before's. A list's "1." or a population opening a line is no such run."""
    first = (_LINE_NUMBER_RE.match(lines[0]) or _LINE_NUMBER_RE.match(lines[1])) if len(lines) > 1 else None
    if first is None:
        return lines
    numbers = [_LINE_NUMBER_RE.match(line) for line in lines]
    start = int(first.group(1)) - (numbers[0] is None)
    counted = sum(1 for index, match in enumerate(numbers) if match and int(match.group(1)) == start + index)
    if counted < NUMBERED_SHARE * len(lines):
        return lines
    return [line[match.end():] if match and int(match.group(1)) == start + index else line
            for index, (line, match) in enumerate(zip(lines, numbers, strict=True))]


def unprefixed(lines: list[str]) -> list[str]:
    """A chat log's lines without the stamp and sender before each message (``CHAT_LINES``
    messages or more); its event lines blank. A message's later lines carry no prefix."""
    prefixes = [_CHAT_PREFIX_RE.match(line) for line in lines]
    if sum(1 for prefix in prefixes if prefix) < CHAT_LINES:
        return lines
    return ["" if _CHAT_EVENT_RE.match(line) else line[prefix.end():] if prefix else line
            for line, prefix in zip(lines, prefixes, strict=True)]


_DIGIT_RE = re.compile(r"\d")
_DIGITS_RE = re.compile(r"0+")  # a run of digits, once read alike
LOGGED_SHARE = 0.9  # of the non-blank lines: a program's log, every line after the same stamp
MIN_LOG_DIGITS = 4  # digits at least in that stamp (a time, a date, a process number)
MIN_LOG_NUMBERS = 2  # runs of digits at least in it: a date and a time, not a year opening each line
LOG_SAMPLE = 20  # lines the stamp's shape is taken from
MAX_STAMP = 80  # characters: the longest stamp looked for


def unlogged(lines: list[str]) -> list[str]:
    """A dump a program logged line by line ("2021-03-04T10:12:00.000Z INFO  ingest[4121]: " before
    each, blank ones too) without that stamp: the start every line shares once its digits are
    read alike, ``MIN_LOG_DIGITS`` of them at least in ``MIN_LOG_NUMBERS`` numbers, on
    ``LOGGED_SHARE`` of the lines or more."""
    texts = [line for line in lines if line.strip()]
    if len(texts) < LOG_SAMPLE or not _DIGIT_RE.search(texts[0][:MAX_STAMP]):
        return lines
    shapes = [_DIGIT_RE.sub("0", line[:MAX_STAMP]) for line in texts]
    stamp = os.path.commonprefix(shapes[:LOG_SAMPLE])
    stamp = stamp[:stamp.rfind(" ") + 1]  # up to the space after it: no start of the lines' own words
    logged = sum(1 for shape in shapes if shape.startswith(stamp))
    numbers = len(_DIGITS_RE.findall(stamp))
    if stamp.count("0") < MIN_LOG_DIGITS or numbers < MIN_LOG_NUMBERS or logged < LOGGED_SHARE * len(texts):
        return lines
    return [line[len(stamp):] if _DIGIT_RE.sub("0", line[:len(stamp)]) == stamp else line for line in lines]


_OUTLINE_BULLET_RE = re.compile(r"^[-*•] (?=\S)")
OUTLINED_SHARE = 0.9  # of the non-blank lines: an outliner's page, every line a bullet of its own
RUN_ON_BULLETS = 3  # bullets at least that carry on the sentence of the bullet before


def unoutlined(lines: list[str]) -> list[str]:
    """A dump pasted into an outliner (Logseq, Roam: "- " before every line, ``OUTLINED_SHARE``
    of them or more) without those bullets, where the document's sentences run on from one bullet
    into the next (``RUN_ON_BULLETS`` times at least: "- Giv'at Shaked has a dedicated team in" /
    "- office, which consists of …"): the bullets are the outliner's, not the document's lists."""
    texts = [line for line in lines if line.strip()]
    bulleted = [line for line in texts if _OUTLINE_BULLET_RE.match(line)]
    if len(bulleted) < OUTLINED_SHARE * len(texts):
        return lines
    runs_on = sum(1 for before, after in zip(bulleted, bulleted[1:], strict=False)
                  if before.rstrip()[-1:].isalpha() and after[2:3].islower())
    if runs_on < RUN_ON_BULLETS:
        return lines
    return [_OUTLINE_BULLET_RE.sub("", line, count=1) for line in lines]


def unquote(lines: list[str]) -> list[str]:
    """A dump quoted in an e-mail reply ("> " before every line, a bare ">" for its blank lines)
    without one level of quoting; so is a block quoted inside it (markdown's "> " before a
    panel's lines, a bare ">" between its paragraphs). Bullets a cp1252 round trip made ">"
    stand before list items only, never alone on a line: such lines are left as they are."""
    texts = [line for line in lines if line.strip()]
    quoted = [line for line in texts if _QUOTE_RE.match(line)]
    if not any(line.strip() == ">" for line in quoted):
        return lines  # nothing quoted: ">" bullets at most
    if len(quoted) >= QUOTED_SHARE * len(texts):
        return [_QUOTE_RE.sub("", line, count=1) for line in lines]
    out: list[str] = []
    run: list[str] = []  # consecutive quoted lines
    for line in [*lines, ""]:
        if _QUOTE_RE.match(line):
            run.append(line)
            continue
        bare = any(quoted_line.strip() == ">" for quoted_line in run)
        out += [_QUOTE_RE.sub("", quoted_line, count=1) for quoted_line in run] if bare else run
        run = []
        out.append(line)
    return out[:-1]

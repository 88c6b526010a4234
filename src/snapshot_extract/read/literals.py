"""A dump held in a program's string values, taken out before its lines are read.

People pass a snapshot's text through programs that keep it as data: an API's JSON response or a
chat or social network's JSON export, a phone's message backup or a form's field values in XML,
a calendar event's description or a contact's note (iCalendar, vCard), a Python or Rust program
printing the list of its lines, a shell listing objects that hold them (PowerShell's records of
named values). The text is then in string values, its line breaks escaped
("\\n", "&#10;"), its quotes and non-ASCII letters too. ``held_text`` gives the text those values
hold: the values of the one kind that holds the most text (a JSON key, an XML element or
attribute, a property), in the order printed, each decoded as its format says, one after the
other. Each format is read by the standard library's parser where it has one (``json``,
``xml.etree``, ``ast``); a text that is no such container comes back as it is.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from typing import Any
from xml.etree import ElementTree

from ..textutil import OVERVIEW_KEYS

MIN_XML_VALUES = 3  # values of one kind at least: an XML file that splits the text over them (one is a feed's entry)
OTHER_ELEMENTS = 0.1  # of the elements' text, at least, in other kinds than the one holding most: a document's parts
LITERAL_SHARE = 0.5  # of a line's characters, at least, in string literals: a line of a program's print
LITERAL_TEXT = 0.6  # of the dump's characters, at least, on such lines: the dump's lines as a program prints them
MIN_LITERALS = 10  # string literals at least on them (or several escaped line breaks in them)
_ESCAPED_BREAKS = 3  # "\n" escapes at least in a value that holds several lines of the dump

KeyPath = tuple[str, ...]
_HTML_RE = re.compile(r"<(?:!doctype\s+html|html|!--)", re.IGNORECASE)  # a web page: markup.py reads it


def held_text(text: str) -> str:
    """The text ``text`` holds in string values (see the module docstring), else ``text``."""
    start = text.lstrip("\ufeff \t\n")[:16]
    held = None
    if start[:1] in "{[":
        held = _json_text(text)
    elif start.startswith("<?xml") or (start.startswith("<") and not _HTML_RE.match(start)):
        held = _xml_text(text)
    elif start.upper().startswith(("BEGIN:VCALENDAR", "BEGIN:VCARD")):
        held = _property_text(text)
    if held is None:
        held = _record_text(text)
    if held is None:
        held = _literal_text(text)
    return text if held is None else _utf8_read_as_latin1(held).replace("\r\n", "\n").replace("\r", "\n")


# --------------------------------------------------------------------------- JSON


def _json_text(text: str) -> str | None:
    """A JSON document, or JSON Lines (a record a line): the string values at the key that holds
    the most text (list positions aside: every message's "content")."""
    try:
        documents: list[Any] = [json.loads(text)]
    except ValueError:
        try:
            documents = [json.loads(line) for line in text.split("\n") if line.strip()]
        except ValueError:
            return None
    by_key: dict[KeyPath, list[str]] = {}
    for document in documents:
        for path, value in _json_strings(document, ()):
            by_key.setdefault(path, []).append(value)
    return _joined(by_key)


def _json_strings(value: Any, path: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _json_strings(item, (*path, str(key)))
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item, path)


# --------------------------------------------------------------------------- XML


def _xml_text(text: str) -> str | None:
    """An XML file whose text is split over the values of one element or attribute, several of
    them, wherever they nest (a message backup's ``body`` attributes, a form's ``value`` elements,
    an outline's ``text`` attributes, a property list's strings); or, where elements of other kinds
    hold ``OTHER_ELEMENTS`` of the elements' text, all of it in document order, as a reader of the
    document sees it (a TEI transcription: headings, paragraphs, list items, each a paragraph)."""
    try:
        root = ElementTree.fromstring(text.lstrip("\ufeff \t\n"))
    except ElementTree.ParseError:
        return None
    by_kind: dict[KeyPath, list[str]] = {}
    document: list[str] = []
    for kind, value in _xml_strings(root):
        by_kind.setdefault(kind, []).append(value)
        if not kind[-1].startswith("@"):
            document.append(value)
    held = _joined({kind: values for kind, values in by_kind.items() if len(values) >= MIN_XML_VALUES})
    if held is not None and len(held) < (1 - OTHER_ELEMENTS) * sum(len(value) for value in document):
        return _paragraphs(document)
    return held


def _xml_strings(element: ElementTree.Element, field: str = "") -> Iterator[tuple[KeyPath, str]]:
    """Each attribute value and text of ``element`` and its children, with its kind (its element's
    name, and the attribute's); a text under a field named for an Overview label (a form's
    "Overview.Mayor") after that label; an element of mixed content ("<p><label>Mayor:</label>
    Jarmo Ronkainen</p>") one text, its children's words in it."""
    tag = element.tag.rpartition("}")[2]  # without its namespace
    field = element.attrib.get("name", field)
    for name, value in element.attrib.items():
        yield (tag, f"@{name.rpartition('}')[2]}"), value
    mixed = any(child.tail and child.tail.strip() for child in element)
    own = " ".join("".join(element.itertext()).split()) if mixed else element.text
    if own and own.strip():
        label = _FIELD_LABEL_RE.sub("", field).replace("_", " ").strip()
        yield (tag,), f"{label}: {own}" if _OVERVIEW_LABEL_RE.fullmatch(label) else own
    for child in () if mixed else element:
        yield from _xml_strings(child, field)


_FIELD_LABEL_RE = re.compile(r"^.*[./]")  # a field name's groups before its own name ("Overview.")
_OVERVIEW_LABEL_RE = re.compile(OVERVIEW_KEYS.replace("\\s*/\\s*", "\\s*/?\\s*"), re.IGNORECASE)


# --------------------------------------------------------------------------- iCalendar, vCard

_FOLD_RE = re.compile(r"\r?\n[ \t]")  # RFC 5545 3.1: a long content line goes on after a break and one blank
_PROPERTY_RE = re.compile(r"^[A-Za-z0-9-]+(?:;[^:\n]*)?:(.*)$", re.MULTILINE)
_PROPERTY_ESCAPE_RE = re.compile(r"\\([nN,;\\])")


def _property_text(text: str) -> str | None:
    """A calendar event or a contact card: the property value with the most text (a DESCRIPTION,
    a NOTE), its content lines unfolded and its escapes ("\\n", "\\,", "\\;") decoded (RFC 5545 3.3.11)."""
    values = _PROPERTY_RE.findall(_FOLD_RE.sub("", text))
    if not values:
        return None
    longest = max(values, key=len)
    return _PROPERTY_ESCAPE_RE.sub(lambda match: "\n" if match.group(1) in "nN" else match.group(1), longest)


# --------------------------------------------------------------------------- string literals

# a quoted string as Python and Rust print one, standing apart from words (no apostrophe in "city's")
_LITERAL_RE = re.compile(r"""(?<![\w'"])(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')(?![\w'"])""")
_KEYED_LITERAL_RE = re.compile(r"(?:\b(\w+)\s*[:=]\s*)?(" + _LITERAL_RE.pattern + ")")  # kind = "para"
_RUST_UNICODE_RE = re.compile(r"\\u\{([0-9a-fA-F]{1,6})\}")


def _literal_text(text: str) -> str | None:
    """A list of the dump's lines as a program prints it (Python's ``repr`` of ``readlines()``,
    Rust's ``{:#?}``, Go's ``%#v``, a .po file's ``msgid``s): most of its text on lines mostly of
    string literals (a prompt, a struct's fields, a comment around them). Their values, each a line, or joined
    as they are where most end with a line break of their own."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    held = [line for line in lines if _literal_share(line) >= LITERAL_SHARE]
    if not held or sum(map(len, held)) < LITERAL_TEXT * sum(map(len, lines)):
        return None
    values = [value for line in held for value in _line_values(line)]
    if len(values) < MIN_LITERALS and sum(value.count("\n") for value in values) < _ESCAPED_BREAKS:
        return None
    values = [value for value in values if value]  # a translation not made yet (a .po file's msgstr "")
    if sum(value.endswith("\n") for value in values) > len(values) / 2:
        return "".join(values)
    return "\n".join(values)


def _line_values(line: str) -> list[str]:
    """The literals of a printed line, each a value, but for those a field names as what the text
    is (``kind = "para"``: no text of the page); a label the Overview prints, then its value
    (``label: "Term" value: "2016–2020"``), one "Label: value" line."""
    values = [_decoded(match.group(2)) for match in _KEYED_LITERAL_RE.finditer(line)
              if (match.group(1) or "").lower() not in _META_KEYS]  # fmt: skip
    if len(values) >= 2 and _OVERVIEW_LABEL_RE.fullmatch(values[0].rstrip(":")):
        return [f"{values[0].rstrip(':')}: {' '.join(values[1:])}"]
    return values


_META_KEYS = frozenset({"kind", "type", "tag", "style", "class", "role", "lang"})  # a value's fields that name its kind


def _literal_share(line: str) -> float:
    """The share of ``line`` (stripped, not blank) in string literals, a comma after each counted
    with it, and on a line of fields holding them, every literal a field's (``label = "Term",
    value = "2016–2020"``), the fields' names too."""
    if _LITERAL_RE.search(line) is None:  # most lines of most dumps: no literal to weigh
        return 0.0
    matches = list(_KEYED_LITERAL_RE.finditer(line))
    fields = bool(matches) and all(match.group(1) for match in matches)
    return sum(len(match.group() if fields else match.group(2)) + 1 for match in matches) / (len(line) + 1)


def _decoded(literal: str) -> str:
    """A Python or Rust string literal's value (Rust's "\\u{e9}" as Python's "\\U000000e9")."""
    literal = _RUST_UNICODE_RE.sub(lambda match: f"\\U{int(match.group(1), 16):08x}", literal)
    try:
        value = ast.literal_eval(literal)
    except (ValueError, SyntaxError):
        return literal[1:-1]
    return value if isinstance(value, str) else literal[1:-1]


# --------------------------------------------------------------------------- records of named values

_FIELD_RE = re.compile(r"^([A-Za-z][\w.-]*(?: [\w.-]+)?)( *): (.*)$")  # "Text    : In Šiauliai, …" (PowerShell)
MIN_RECORDS = 5  # records at least, each of the same names, for a dump printed as records of named values


def _record_text(text: str) -> str | None:
    """A dump printed as records of named values, a line each, their colons aligned, the records
    apart by blank lines (PowerShell's ``Format-List`` of objects holding the lines; a long value
    goes on in lines set in to its column): the values of the name holding the most text."""
    records: list[dict[str, str]] = [{}]
    name, column = "", 0
    for line in text.split("\n"):  # its line ends made "\n" by the caller
        field = _FIELD_RE.match(line)
        starts = len(field.group(1)) + len(field.group(2)) + 2 if field else 0  # where the field's value starts
        if not line.strip():
            if records[-1]:
                records.append({})
        elif field and (not records[-1] or starts == column):
            name, column = field.group(1), starts
            records[-1][name] = field.group(3)
        elif name in records[-1] and line.startswith(" " * column) and column:
            records[-1][name] += "\n" + line[column:].rstrip()  # a line of the value (or its wrap)
        else:
            return None  # a line of no record: no such dump
    records = [record for record in records if record]
    if len(records) < MIN_RECORDS or any(record.keys() != records[0].keys() for record in records):
        return None
    return _joined({(name,): [record[name] for record in records if record[name].strip()] for name in records[0]})


# --------------------------------------------------------------------------- shared


def _joined(values: dict[KeyPath, list[str]]) -> str | None:
    """The values of the kind holding the most text, the first such kind printed on a tie; a value
    a paragraph of its own (a message, a field)."""
    if not values:
        return None
    return _paragraphs(max(values.values(), key=lambda kind: sum(len(value) for value in kind)))


def _paragraphs(values: list[str]) -> str:
    """The values one after the other, each a paragraph of its own."""
    return "\n\n".join(value.strip("\n") for value in values)


def _utf8_read_as_latin1(text: str) -> str:
    """``text`` whose UTF-8 bytes an exporter wrote back as Latin-1 letters, one each ("2018â\\x80\\x932022",
    as a Facebook export does): read as the UTF-8 it was; else ``text``."""
    if not any("\x80" <= character <= "\xff" for character in text):
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text

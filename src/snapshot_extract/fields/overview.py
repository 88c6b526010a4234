"""Overview panel -> ``overview.*`` (mayor, term, innovation lead, population, websites)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from typing import NamedTuple

from ..geometry import union_box
from ..models import BBox, Block, Evidence, FieldResult, Line, Section
from ..textutil import OVERVIEW_KEYS
from ..vocabulary import Vocabulary
from .addresses import URL_RE, is_scheme, run_on, urls
from .common import Found, locate
from .labels import KEY_RE, PAIR_SEPARATORS, labelled_parts, only_addresses, pair_labels, unlabelled_head
from .overview_values import NUMBER_RE, TERM_RE, parse_population, parse_term, split_name

_PLACEHOLDER_RE = re.compile(
    r"^(?:[-–—‐?]*|n\.?\s?/?\s?a\.?|none|unknown|tb[cd]\.?|to be (?:confirmed|determined|appointed|announced)|"
    r"not (?:yet )?(?:appointed|available|applicable|known)|vacant\b.*|position vacant|no (?:one|innovation lead))$",
    re.IGNORECASE,
)


_NOT_A_NAME_RE = re.compile(r"\d|https?:|www\.|\.[a-z]{2,4}(?:/|$)|@|\.{3}|\u2026")


def map_overview(section: Section | None, vocabulary: Vocabulary) -> FieldResult:
    found = Found("overview", vocabulary)
    if section is None:
        return found.result()
    websites: list[tuple[str, Evidence]] = []  # each with where it was read
    read: set[str] = set()  # the kinds of the labels read with a value (a placeholder too: "TBD")
    after_website_label = False  # a label's values may follow on the lines below it
    scheme = ""  # a scheme alone in its block ("http://"), cut from the address in the next one
    parts = _strip_parts(section)
    rows = _read_label_rows(found, section, websites, read)
    for index, block in enumerate(section.blocks):
        if index in rows:
            continue
        matches = [KEY_RE.match(part) for part in parts[index]]
        if all(matches) and not all(match.group("value").strip() for match in matches if match):
            continue  # a label whose value is printed elsewhere: pair_labels finds it
        if not all(matches):
            if (websites or after_website_label) and all(only_addresses(line.text) for line in block.lines):
                if is_scheme(block.text):
                    scheme = block.text.strip()
                else:
                    websites.extend((url, locate(block)) for url in urls(scheme + block.text.lstrip()))
                    scheme = ""
                found.use(index)
            continue
        found.use(index)
        for match in matches:
            assert match is not None
            key, value = match.group("key").lower(), match.group("value").strip()
            after_website_label = "web" in key
            _read_key(found, key, value, block, websites)
            read.add(_kind(key))
    pairs, unpaired = pair_labels(found, section)
    for key, value, evidence in pairs:
        _read_key(found, key, value, evidence, websites)
        read.add(_kind(key))
    _set_websites(found, websites)
    _warn_unpaired(found, unpaired)
    _warn_unread_labels(found, section, read)
    _warn_unread_addresses(found, section)
    return found.result()


def _set_websites(found: Found, websites: list[tuple[str, Evidence]]) -> None:
    """The addresses read, each once, in printed order, with where each was first read; one
    that runs on into the text after it is flagged."""
    first: dict[str, Evidence] = {}  # url -> where it was first read, in printed order
    for url, evidence in websites:
        first.setdefault(url, evidence)
    addresses = list(first)
    found.values["overview.websites"] = addresses
    for position, url in enumerate(addresses):
        found.evidence[f"overview.websites[{position}]"] = first[url]
        if run_on(url):
            found.warn("overview.websites", "unreadable_value", f'"{url}" runs on into other text: no address '
                       "ends so (the words printed after it may be glued on)")


def _warn_unread_addresses(found: Found, section: Section) -> None:
    """An address the overview prints that no websites label took (read into another label's
    value, a column's lines between it and its label) is flagged on the websites."""
    read = set(found.values.get("overview.websites") or ())
    printed = dict.fromkeys(url for block in section.blocks if "." in block.text for url in urls(block.text))
    for url in printed:
        if url not in read:
            found.warn("overview.websites", "unparsed_text", f'"{url}" is printed in the overview but was read '
                                                             "as no website")


def _strip_parts(section: Section) -> list[list[str]]:
    """Each block's cells cut at their labels (``labelled_parts``). A block that opens with words
    no label heads, then a label, after a block of labels only (a strip a tool wrapped onto a
    block of its own: "… Population: 1" / "million (2021) | Website: …"), gives those words to
    the last value of the block before. A cell that only separates ("|") is no part."""
    parts = [[part for cell in block.cells for part in labelled_parts(cell) if part.strip(PAIR_SEPARATORS)]
             for block in section.blocks]
    for before, block in zip(parts, parts[1:], strict=False):
        if not before or not block or KEY_RE.match(block[0]) or not all(KEY_RE.match(part) for part in before):
            continue
        head, rest = unlabelled_head(block[0])
        if head:  # "million (2021) | Website: …" in one cell
            block[0:1] = labelled_parts(rest)
        elif len(block) > 1 and all(KEY_RE.match(part) for part in block[1:]):  # the words in a cell of their own
            head = block.pop(0)
        if head:
            before[-1] = f"{before[-1]} {head}"
    return parts


_ANY_LABEL_RE = re.compile(rf"\b(?:{OVERVIEW_KEYS})\b", re.IGNORECASE)
# a two-word label wrapped around its value in a narrow cell ("Innovation Dan O'Sullivan-Reyes Lead")
_SPLIT_LABEL_RE = re.compile(
    r"\b(innovation)\s+(?:\S+\s+){1,4}?(lead)(?:er)?\b|\b(population)\s+(?:\S+\s+){1,4}?(size)\b", re.IGNORECASE)
_ROW_LABELS = 3  # labels run into one line, at least, for a row of labels over a line of values
SAME_BASELINE = 1.5  # points: cells of one printed row
MAX_CITY_POPULATION = 40_000_000  # more than the most populous city (Tokyo, ~37 million): a misread number


def _read_label_rows(found: Found, section: Section, websites: list[tuple[str, Evidence]], read: set[str]) -> set[int]:
    """Read the rows of labels over their values (``_label_rows``); the indexes of their blocks."""
    used: set[int] = set()
    for indexes, pairs in _label_rows(section):
        for index in indexes:
            found.use(index)
        for label, value in pairs:
            key = label.lower()
            _read_key(found, key, value, section.blocks[indexes[-1]], websites)
            read.add(_kind(key))
        used.update(indexes)
    return used


def _label_rows(section: Section) -> list[tuple[list[int], list[tuple[str, str]]]]:
    """A row of labels ("Mayor Term Innovation lead Population size Website": a dump's line, or a
    table's header cells on one baseline) over the row of their values, run together too
    ("Tomáš Kjærgaard since 2013 Anne-Sophie Wiśniewski 3,7 million (2016) http://…"), maybe
    addresses under it, and nothing else under them (a name wrapped in its cell: the cells are
    paired by geometry, ``pair_labels``): the indexes of their blocks with each label and its
    value (``_row_values``), where the values can be told apart."""
    rows = _printed_rows(section)
    found = []
    number = 0
    while number < len(rows):
        heads = list(itertools.takewhile(_only_labels, rows[number:]))  # a dump may print them a few a line
        labels = [match.group(0) for row in heads for match in _ANY_LABEL_RE.finditer(row.text)]
        after = number + len(heads)
        if len(labels) < _ROW_LABELS or after == len(rows):
            number = after + 1 if heads else number + 1
            continue
        if rows[after].box is None:  # a dump: its values on the lines that follow, to the next label
            values = list(itertools.takewhile(lambda row: not _only_labels(row), rows[after:]))
            carried = False
        else:  # a PDF: the row under the labels, addresses under it, nothing carrying a value on
            values = [rows[after], *itertools.takewhile(lambda row: only_addresses(row.text), rows[after + 1:])]
            carried = after + len(values) < len(rows) and _continues(values[0], rows[after + len(values)])
        pairs = _row_values(labels, " ".join(value.text for value in values))
        if pairs is not None and not carried:
            found.append(([index for row in heads + values for index in row.blocks], pairs))
        number = after + len(values)
    return found


def _only_labels(row: _Row) -> bool:
    return bool(_ANY_LABEL_RE.search(row.text)) and not _ANY_LABEL_RE.sub("", row.text).strip(PAIR_SEPARATORS + ":")


class _Row(NamedTuple):
    """A printed row: the indexes of the blocks it holds, its text, and its lines' box (None in a dump)."""

    blocks: list[int]
    text: str
    box: BBox | None


def _continues(values: _Row, row: _Row) -> bool:
    """``row`` carries on a PDF's row of ``values``: it starts under it within a line's height."""
    assert values.box is not None and row.box is not None
    return row.box[1] - values.box[3] < values.box[3] - values.box[1]


def _printed_rows(section: Section) -> list[_Row]:
    """The section's lines as printed rows: a PDF's lines on one baseline (a table's cells, each
    a block of its own, whatever order the columns were read in) joined left to right, top to
    bottom; a dump's lines each a row."""
    placed = [(index, line, line.bbox) for index, block in enumerate(section.blocks) for line in block.lines]
    boxed = [(index, line, box) for index, line, box in placed if box is not None]
    if len(boxed) < len(placed):
        return [_Row([index], line.text, None) for index, line, _ in placed]
    boxed.sort(key=lambda item: (item[1].page or 0, item[2][3], item[2][0]))  # page, baseline, left
    rows: list[list[tuple[int, Line, BBox]]] = []
    for item in boxed:
        if rows and rows[-1][0][1].page == item[1].page and item[2][3] - rows[-1][0][2][3] <= SAME_BASELINE:
            rows[-1].append(item)
        else:
            rows.append([item])
    return [_Row(sorted({index for index, _, _ in row}),
                 " ".join(line.text for _, line, _ in sorted(row, key=lambda item: item[2][0])),
                 union_box(box for _, _, box in row)) for row in rows]


_POPULATION_RE = re.compile(NUMBER_RE.pattern + r"(?:\s*\([^)]*\))?", re.IGNORECASE)  # "3,7 million (2016)"


def _row_values(labels: list[str], text: str) -> list[tuple[str, str]] | None:
    """Each label with its value in ``text``, the values printed in the labels' order: a term, a
    population and addresses are told by their form; a name is the text between them. None where
    that leaves a doubt: two names side by side (where one ends is unknown), a value not found,
    text no label claims."""
    pairs: list[tuple[str, str]] = []
    cursor = 0
    waiting: str | None = None  # a name's label, its value the text before the next value found
    for label in labels:
        kind = _kind(label.lower())
        if kind in ("mayor", "innovation_lead"):
            if waiting is not None:
                return None
            waiting = label
            continue
        pattern = {"term": TERM_RE, "population": _POPULATION_RE}.get(kind, URL_RE)
        match = pattern.search(text, cursor)
        if match is None:
            return None
        before = text[cursor:match.start()].strip()
        if (waiting is None) == bool(before):
            return None
        if waiting is not None:
            pairs.append((waiting, before))
            waiting = None
        end = len(text) if kind == "websites" else match.end()  # the addresses: the rest of the line
        pairs.append((label, text[match.start():end].strip()))
        cursor = end
    rest = text[cursor:].strip()
    if (waiting is None) == bool(rest):
        return None
    return [*pairs, (waiting, rest)] if waiting is not None else pairs


def _warn_unread_labels(found: Found, section: Section, read: set[str]) -> None:
    """A label printed anywhere in the section (a row of labels a dump ran into one line: "Mayor
    Term Innovation lead Population size Website"; a two-word label wrapped around its value),
    not ``read`` with a value, none of whose fields has one: each unwarned field is flagged (a
    population read without its year is a value read)."""
    warned = {warning.field for warning in found.warnings}
    keys = {match.group(0).lower() for block in section.blocks for match in _ANY_LABEL_RE.finditer(block.text)}
    keys |= {" ".join(word for word in match.groups() if word).lower()
             for block in section.blocks for match in _SPLIT_LABEL_RE.finditer(block.text)}
    for key in sorted(key for key in keys if _kind(key) not in read):
        paths = _paths_of(key)
        if all(found.values.get(path) in (None, []) for path in paths):
            for path in paths:
                if path not in warned:
                    found.warn(path, "not_found", f'the label "{key}" is printed, but no value was read for it')
                    warned.add(path)


def _warn_unpaired(found: Found, keys: list[str]) -> None:
    """A label printed without a value read for it: its fields, if still empty, are flagged."""
    for key in keys:
        for path in _paths_of(key):
            if found.values.get(path) in (None, []):
                found.warn(path, "not_found", f'the label "{key}" is printed, but no value was read beside or under it')


# a label opening a line, with its separator or alone: "Innovation Lead ...... X", "Mayor:", "Term"
_LABEL_LINE_RE = re.compile(rf"^(?P<key>{OVERVIEW_KEYS})\s*(?:$|[:\u2013\u2014]|(?:[.\u2026·_]\s?){{3,}})", re.I)


def labelled_paths(lines: Iterable[str]) -> set[str]:
    """The Overview fields whose label opens one of ``lines`` (with its separator, or alone):
    printed outside the Overview where a layout put its lines elsewhere."""
    return {path for line in lines if (match := _LABEL_LINE_RE.match(line.strip()))
            for path in _paths_of(match.group("key").lower())}


def _kind(key: str) -> str:
    """What a label (lowercased) gives: mayor, innovation_lead, term, population or websites."""
    if "term" in key.split():  # "Mayoral term" is the term
        return "term"
    if key.endswith("mayor") or key == "head of government":
        return "mayor"
    if key.startswith(("innovation lead", "chief")):
        return "innovation_lead"
    if key.startswith("population"):
        return "population"
    return "websites"


def _paths_of(key: str) -> tuple[str, ...]:
    """The record fields a label's value gives (as ``_read_key`` reads them)."""
    kind = _kind(key)
    if kind == "term":
        return ("overview.term_start", "overview.term_end")
    if kind == "population":
        return ("overview.population", "overview.population_year")
    return (f"overview.{kind}",)


def _read_key(found: Found, key: str, value: str, where: Block | Evidence,
              websites: list[tuple[str, Evidence]]) -> None:
    if isinstance(where, Evidence):
        evidence = where
    else:
        evidence = locate(where, value) if value and value in where.text else locate(where)
    if _PLACEHOLDER_RE.match(value) and "web" not in key:
        return  # the document says there is none: null, not a name
    kind = _kind(key)
    if kind in ("mayor", "innovation_lead"):
        _read_name(found, f"overview.{kind}", value, evidence)
    elif kind == "term":
        _read_term(found, value, evidence)
    elif kind == "population":
        _read_population(found, value, evidence)
    else:
        read = urls(value)
        if not read and value:
            found.warn("overview.websites", "unreadable_value", f'no web address could be read in "{value}"')
        if split := _SPLIT_PATH_RE.search(value):
            found.warn("overview.websites", "unreadable_value", f'"{split["word"]}" after "{split["address"]}" is '
                                                                 "no address: the rest of its path, set apart?")
        websites.extend((url, where if isinstance(where, Evidence) else locate(where)) for url in read)


# a word alone after an address that ends in "/", before the next address or the end: a path a dump
# split off with a space ("https://www.x.co/ innovation"); the address reader keeps it apart
_SPLIT_PATH_RE = re.compile(
    r"(?P<address>(?:https?://|www\.)\S*/)\s+(?P<word>[a-z][\w-]{2,})(?=\s+(?:https?://|www\.)|\s*$)")


def _read_name(found: Found, path: str, value: str, evidence: Evidence) -> None:
    """A person's name; a value that cannot be one (digits, a web address: another label's value
    the layout put here) is left null and warned. In a dump (no boxes), where a tool may have run
    a line of the next column on, the name ends where ``split_name`` says; on a page the line's
    own box holds the name whole ("Vicent Sales i Ferrer")."""
    if path in found.values:
        return
    name, rest = split_name(value) if evidence.bbox is None else (value, "")
    name = _FULL_STOP_RE.sub("", name)  # "Mayor: Jane Roe." read aloud as a sentence ("Jr." stays)
    if _NOT_A_NAME_RE.search(name):
        found.warn(path, "unreadable_value", f'"{value}" is no name: the label was not paired with its value')
        return
    found.set(path, name, evidence)
    if rest:
        found.warn(path, "mixed_columns", f'"{rest}" after the name "{name}" is no part of it (a line of the '
                                          "column beside it?): left out")
    if evidence.bbox is None and (joined := _JOINED_NAMES_RE.search(name)):
        found.warn(path, "unreadable_value", f'"{joined.group()}": two names run together (the tool that made '
                                             "this text dropped the space or hyphen between them?)")


_FULL_STOP_RE = re.compile(r"(?<=[^\W\d_]{3})\.$")  # a sentence's full stop after a name's last word
# Two names a dump tool ran together, dropping the hyphen at a line end ("O'SullivanReyes") or the
# space ("IñakiEtxebarria"): a small letter, after four letters at least of the name, right before a
# capital ("McAllister", "DeShawn", "MacDonald" are no such names)
_JOINED_NAMES_RE = re.compile(r"[A-ZÀ-Þ][a-zß-ÿ]{3,}[A-ZÀ-Þ][a-zß-ÿ]+")


def _read_term(found: Found, value: str, evidence: Evidence) -> None:
    start, end = parse_term(value)
    if start is None:  # neither end of the term is known
        for path in ("overview.term_start", "overview.term_end"):
            found.warn(path, "unreadable_value", f'term "{value}" has no year')
        return
    found.set("overview.term_start", start, evidence)
    found.set("overview.term_end", end, evidence)
    open_ended = re.search(r"\b(?:since|from|present|now|today|ongoing|current)\b|[–—-]\s*$", value, re.I)
    if end is None and not open_ended:
        found.warn("overview.term_end", "unreadable_value", f'term "{value}": no end year read')


def _read_population(found: Found, value: str, evidence: Evidence) -> None:
    population, year = parse_population(value)
    if population is None:  # nor the year it was counted in
        for path in ("overview.population", "overview.population_year"):
            found.warn(path, "unreadable_value", f'population "{value}" is not a number')
    elif population > MAX_CITY_POPULATION:  # a misread number (a scan's "1 900 000" as "119000000")
        found.warn("overview.population", "unreadable_value",
                   f'population "{value}" is more than any city holds ({MAX_CITY_POPULATION:,})')
    found.set("overview.population", population, evidence)
    found.set("overview.population_year", year, evidence)

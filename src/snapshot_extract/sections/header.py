"""The page header and the rest of the page furniture in a document's stream of lines.

A snapshot prints "City Innovation Snapshot" (the kicker) and "<CITY>, <Country>" at the top of
its pages. Producers and dump tools put the two parts on one line, on two lines in either order
with blank lines or a page number between them, at the start of a page or (a dump of a
two-column page) at its end. ``find_furniture`` finds every occurrence wherever it falls: a line
holding both parts, or a kicker line with a city line among the nearest lines before or after
it. A city line is "<CITY>, <Country>" (or "<CITY> (<Country>)", "<CITY> | <Country>") that
names a known country or prints the city in capitals.

Furniture also covers page numbers ("3", "Page 3 of 4", "– 3 –", "3 / 4"), a kicker or a city
line standing alone (a shorter header on page 2), and running footers: a short line printed
more than once, each time next to another piece of furniture (a page break).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import islice

from ..countries import country_code
from ..models import Header, Line
from ..textutil import KICKER, KICKER_RE, PAGE_NUMBER_RE, fold_spaces, squeeze, strip_accents
from .heading_table import match_heading, topic_of
from .headings import TermGroups
from .kicker import KICKER_LINE_RE, KICKER_WORDS_RE, SEPARATORS, is_kicker, spelled_out

_CITY = r"(?P<city>[^,(|–—·•:\d]{2,60}?)\s*(?:,|\(|\s[|–—·•-]\s)\s*(?P<country>[^()\d:]{2,60}?)\s*\)?\s*"
_CITY_LINE_RE = re.compile(rf"^\s*{_CITY}$")
_HEADER_RE = re.compile(rf"^\s*{KICKER}\s*[{SEPARATORS}]?\s*{_CITY}$", re.IGNORECASE)
_REVERSED_HEADER_RE = re.compile(rf"^\s*{_CITY}[{SEPARATORS}]?\s*{KICKER}\s*$", re.IGNORECASE)
_DIGITS_RE = re.compile(r"\d+")
NEAR = 3  # lines: how far from the kicker its city line may be, and a footer from a page break
SAME_CITY = 90  # rapidfuzz ratio of two headers' folded cities: one city printed twice, one copy damaged
MAX_HEADER_LINES = 5  # a header wrapped over this many lines at most (each word of the kicker, city, country)
_KICKER_PART_RE = re.compile(r"\b(?:city|innovation|snapshot)\b", re.IGNORECASE)
_FOOTER_LENGTH = 100
_REPEATS, _REPEATED_WORDS = 3, 4  # a line of this many words printed this often is furniture wherever it stands


@dataclass(frozen=True)
class Furniture:
    """The headers found (in document order) and the indices of every furniture line."""

    headers: tuple[Header, ...]
    lines: frozenset[int]


def find_furniture(lines: Sequence[Line], term_groups: TermGroups | None = None) -> Furniture:
    """Every page header and piece of furniture among ``lines`` (see the module docstring);
    ``term_groups`` (the vocabulary groups of a text) tells a list item printed twice from a footer."""
    lines = [spelled_out(line) for line in lines]
    headers: list[Header] = []
    used: set[int] = set()
    texts = [index for index, line in enumerate(lines) if line.text]
    # a header window holds the kicker's last word, "snapshot": the windows without one are not tried
    snapshots = [rank for rank, index in enumerate(texts) if "snapshot" in lines[index].text.lower()]
    near_kicker = {rank for part in snapshots for rank in range(part - MAX_HEADER_LINES + 1, part + 1)}
    for rank, index in enumerate(texts):
        line = lines[index]
        if index in used:
            continue
        window = _header_window(lines, texts[rank:rank + MAX_HEADER_LINES]) if rank in near_kicker else None
        if window is not None:
            headers.append(window[0])
            used.update(window[1])
        elif is_kicker(line.text):
            used.add(index)
            partner = _city_line_near(lines, index, used)
            if partner is not None:
                used.add(partner)
                headers.append(_header(lines[partner], _city_line(lines[partner].text)))
            elif (apart := _city_and_country_apart(lines, index, used)) is not None:
                headers.append(apart[0])
                used.update(apart[1])
    if not headers and (placed := _header_placed(lines, texts)) is not None:
        headers.append(placed[0])
        used.update(placed[1])
    if not headers:
        title = _title_city_line(lines)
        if title is not None:
            headers.append(replace(_header(lines[title[0]], title[1]), kicker=False))
            used.add(title[0])
    used |= {index for index, line in enumerate(lines) if PAGE_NUMBER_RE.match(line.text) and line.text.strip()}
    folds = _Folds(lines)
    used |= _repeated_header_parts(lines, headers, used, folds)
    used |= _footers(lines, used, folds, term_groups)
    return Furniture(tuple(headers), frozenset(used))


def _header_placed(lines: Sequence[Line], texts: list[int]) -> tuple[Header, list[int]] | None:
    """The header read in the order its lines stand on the first page, top to bottom, where the
    reading order set them apart (a small kicker over a right-aligned city and country, read
    with the columns under them): the first window of the page's top lines that holds the
    kicker and reads as a header."""
    first = next((lines[index] for index in texts if lines[index].bbox is not None), None)
    if first is None:
        return None
    on_page = sorted((bbox[1], bbox[0], index) for index in texts
                     if lines[index].page == first.page and (bbox := lines[index].bbox) is not None)
    placed = [index for _, _, index in on_page[:2 * MAX_HEADER_LINES]]
    for start in range(len(placed)):
        window = placed[start:start + MAX_HEADER_LINES]
        if any(is_kicker(lines[index].text) for index in window):
            found = _header_window(lines, window)
            if found is not None:
                return found
    return None


def _title_city_line(lines: Sequence[Line]) -> tuple[int, re.Match[str]] | None:
    """Without any kicker beside it: the document's first line, when it reads "<CITY>, <known
    country>" (or without the comma: "QUERÉTARO Mexico") and is set in the largest type of its
    page, if the reader knows sizes (a header whose kicker was printed as a picture, turned up a
    margin or read far from it), as a header: its index and its reading."""
    first = next((index for index, line in enumerate(lines) if line.text), None)
    if first is None:
        return None
    line = lines[first]
    match = _CITY_LINE_RE.match(_with_comma(line.text) or line.text)
    if match is None or not _plausible(match) or country_code(match.group("country")) is None:
        return None
    sizes = [other.size for other in lines if other.page == line.page and other.size is not None]
    return (first, match) if line.size is None or line.size >= max(sizes) else None  # a dump has no sizes


def _header_window(lines: Sequence[Line], following: list[int]) -> tuple[Header, list[int]] | None:
    """The header printed on the first of ``following`` lines, or wrapped over the next few
    ("City Innovation" / "Snapshot" / "LOUISVILLE, United" / "States"; "City Innovation Snapshot" /
    "KŌCHI" / "Japan", the known country alone on the last line), in either order; of the
    windows that read as a header, the first naming a known country, else the first."""
    found: list[tuple[re.Match[str], int]] = []
    for size in range(1, len(following) + 1):
        texts = [lines[index].text for index in following[:size]]
        text = " ".join(texts)
        if size > 1 and not _KICKER_PART_RE.search(text):
            break  # no part of the kicker in the lines joined so far: no header here
        match = _HEADER_RE.match(text) or _reversed_header(text)
        if match is None and size == 2 and "," not in texts[0]:  # "PORTO" / "Portugal | City Innovation Snapshot"
            match = _reversed_header(f"{texts[0]}, {texts[1]}")
        if match is None and size > 2 and "," not in text and country_code(texts[-1]) is not None:
            match = _HEADER_RE.match(f"{' '.join(texts[:-1])}, {texts[-1]}")  # the country on a line of its own
        if match is None and size > 2:
            match = _kicker_around(texts)
        if match is None and (separated := _with_comma(text)) is not None:
            match = _HEADER_RE.match(separated) or _REVERSED_HEADER_RE.match(separated)
        # one line holding the kicker is a header; lines joined must also name a known country
        # or print the city in capitals (a running head above a "Social Inclusion, Equity" cell is not one)
        if match is not None and _names_a_city(match) and (size == 1 or _plausible(match)):
            found.append((match, size))
    if not found:
        return None
    match, size = next((item for item in found if country_code(item[0].group("country"))), found[0])
    city = next((lines[index] for index in following[:size] if match.group("city") in lines[index].text),
                lines[following[0]])
    return _header(city, match), following[:size]


def _kicker_around(texts: list[str]) -> re.Match[str] | None:
    """The header whose kicker's lines stand around the city line ("City Innovation" /
    "DÜSSELDORF, Germany" / "Snapshot": the kicker wrapped in its cell beside the city's, the
    two cells read line by line)."""
    kicker = [text for text in texts if KICKER_WORDS_RE.fullmatch(text)]
    rest = [text for text in texts if not KICKER_WORDS_RE.fullmatch(text)]
    if len(rest) != 1 or texts[0] not in kicker or texts[-1] not in kicker:
        return None
    if not KICKER_LINE_RE.match(" ".join(kicker)):
        return None
    return _HEADER_RE.match(f"{' '.join(kicker)} {rest[0]}")


def _reversed_header(text: str) -> re.Match[str] | None:
    """``_REVERSED_HEADER_RE``'s match of ``text``, tried only when ``text`` ends with the kicker's
    last word: on any other text its city and country parts would try every split in vain."""
    if not text.rstrip().casefold().endswith("snapshot"):
        return None
    return _REVERSED_HEADER_RE.match(text)


_ELIDED_ARTICLE_RE = re.compile(r"^['’‘]+(?:[a-z]{1,2}[-\s])?")  # "'s-Hertogenbosch", "'t Zandt": a capital after it


def _names_a_city(match: re.Match[str]) -> bool:
    """The city part of a header reads as a name: a capital first, a few words, no second kicker
    (a running head's kicker over a title's), no section heading ("FUNDING FOR INNOVATION" over
    page 2's "Newcastle upon Tyne · City Innovation Snapshot"), the country after it no sentence (a
    kicker run into the body text by a layout is not a header)."""
    city, country = match.group("city").strip(), match.group("country").strip()
    return (_ELIDED_ARTICLE_RE.sub("", city)[:1].isupper() and len(city.split()) <= 5 and len(country.split()) <= 5
            and not country.endswith((".", ":", ";")) and not KICKER_RE.search(city)
            and match_heading(city) is None and topic_of(city) is None)


def _header(line: Line, match: re.Match[str] | None) -> Header:
    assert match is not None
    return Header(fold_spaces(match.group("city")), fold_spaces(match.group("country")), line)


def _with_comma(text: str) -> str | None:
    """``text`` ending in a known country printed without a comma before it ("LEUVEN Belgium",
    "AKRON United States"), with the comma; None for any other text, and for a country's name
    alone ("The Netherlands" is no city "The")."""
    if "," in text or country_code(text.strip()) is not None:
        return None
    words = text.split()
    for count in range(min(len(words) - 1, 3), 0, -1):  # the longest name first: "The Netherlands"
        if country_code(" ".join(words[-count:])) is not None:
            return f"{' '.join(words[:-count])}, {' '.join(words[-count:])}"
    return None


def _city_line(text: str) -> re.Match[str] | None:
    """``text`` read as a city line: "<CITY>, <Country>", or with the comma a layout left out
    before a known country ("AKRON United States")."""
    return _CITY_LINE_RE.match(text) or _CITY_LINE_RE.match(_with_comma(text) or "")


def _plausible(match: re.Match[str]) -> bool:
    """A city line names a known country, or prints the city in capitals ("AKRON, Ohio")."""
    city = match.group("city").strip()
    known = country_code(match.group("country")) is not None or (city.isupper() and len(city) >= 2)
    return known and _names_a_city(match)


def _city_line_near(lines: Sequence[Line], kicker: int, used: set[int]) -> int | None:
    """The index of the city line nearest to the kicker at ``kicker``: among the ``NEAR``
    non-blank lines after it, then before it, skipping page numbers."""
    for step in (1, -1):
        seen, index = 0, kicker + step
        while 0 <= index < len(lines) and seen < NEAR:
            text = lines[index].text
            if text and not PAGE_NUMBER_RE.match(text):
                seen += 1
                match = _city_line(text)
                if index not in used and match is not None and _plausible(match):
                    return index
            index += step
    return _city_line_level(lines, kicker, used)


def _city_line_level(lines: Sequence[Line], kicker: int, used: set[int]) -> int | None:
    """The city line printed level with the kicker, or within two of the taller line's heights
    above or below it, on its page, wherever the reading order put it (a banner with the kicker
    left and the city right; a city stamped under the kicker): the nearest."""
    best: tuple[float, int] | None = None
    for distance, index in _near_level(lines, kicker, used):
        if best is not None and distance >= best[0]:
            continue
        match = _CITY_LINE_RE.match(lines[index].text)
        if match is not None and _plausible(match):
            best = (distance, index)
    return best[1] if best else None


def _city_and_country_apart(lines: Sequence[Line], kicker: int, used: set[int]) -> tuple[Header, list[int]] | None:
    """The city and its country printed on lines of their own near the kicker, on its page
    (kicker left, "CLUJ-NAPOCA" right, "Romania" under the kicker): a known country alone on a
    line, and a name (a capital first, a few words, no digit), each within two line heights of
    the kicker, the nearest pair; the header with the name's line."""
    near = {index: distance for distance, index in _near_level(lines, kicker, used)}
    countries = [index for index in near if country_code(lines[index].text.strip()) is not None]
    pairs = []
    for city in near:
        name = lines[city].text.strip()
        for country in countries:
            match = _CITY_LINE_RE.match(f"{name}, {lines[country].text.strip()}")
            if city != country and match is not None and _plausible(match) and not any(c.isdigit() for c in name):
                pairs.append((near[city] + near[country], city, country, match))
    if not pairs:
        return None
    _, city, country, match = min(pairs, key=lambda pair: pair[:3])
    return _header(lines[city], match), [city, country]


def _near_level(lines: Sequence[Line], kicker: int, used: set[int]) -> list[tuple[float, int]]:
    """(distance, index) of the lines on the kicker's page within two of the taller line's
    heights above or below it (0 for a line level with it)."""
    line = lines[kicker]
    if line.page is None or line.bbox is None:
        return []
    near = []
    for index, other in enumerate(lines):
        if index in used or other.page != line.page or other.bbox is None or index == kicker or not other.text:
            continue
        reach = 2 * max(line.bbox[3] - line.bbox[1], other.bbox[3] - other.bbox[1])
        distance = max(other.bbox[1] - line.bbox[3], line.bbox[1] - other.bbox[3], 0.0)
        if distance <= reach:
            near.append((distance, index))
    return near


_WORD_RE = re.compile(r"\w+")


def fold(text: str) -> str:
    """``text`` compared without case, accents, spacing or punctuation."""
    return " ".join(_WORD_RE.findall(strip_accents(text).casefold()))


class _Folds(dict[int, str]):
    """Line index -> the line's text folded (``fold``), worked out when first asked for: the
    header-part and the footer tests ask for the same short lines."""

    def __init__(self, lines: Sequence[Line]) -> None:
        super().__init__()
        self.lines = lines

    def __missing__(self, index: int) -> str:
        folded = self[index] = fold(self.lines[index].text)
        return folded


def _repeated_header_parts(lines: Sequence[Line], headers: list[Header], used: set[int], folds: _Folds) -> set[int]:
    """Lines that repeat a header part alone: the city's name (next to other furniture) or its
    city line (page 2's short header), or the kicker with the city's name, in either order
    ("Seoul · City Innovation Snapshot"); also such a part wrapped onto the next line ("AKRON,
    United" / "States")."""
    if not headers:
        return set()
    names = {fold(header.as_printed) for header in headers}
    parts = set(names)
    parts |= {fold(f"{header.as_printed} {header.country}") for header in headers}
    parts |= {fold(f"{header.as_printed} city innovation snapshot") for header in headers}
    parts |= {fold(f"city innovation snapshot {header.as_printed}") for header in headers}
    longest = 2 * max(len(part) for part in parts)  # folding drops punctuation: a longer line is no part
    free = [index for index, line in enumerate(lines) if index not in used and line.text and len(line.text) <= longest]
    starts = {part.split(" ", 1)[0] for part in parts}  # a part wrapped onto the next line starts with one of these
    repeated: set[int] = set()
    for position, index in enumerate(free):
        folded = folds[index]
        if folded in parts:
            found = {index}
        elif folded.split(" ", 1)[0] in starts and position + 1 < len(free) and free[position + 1] == index + 1 \
                and f"{folded} {folds[index + 1]}" in parts:
            found = {index, index + 1}
        else:
            continue
        if not _under_spotlight(lines, index) and not _runs_on(lines, index, used):
            repeated |= found
    # the city's name alone, run on by the line right under it, is a running head only at a page
    # break: elsewhere it is a word of a narrow column's sentence ("Linköping" / "Co-design" / "Studio
    # brings together …")
    bare = {index for index in repeated if folds[index] in names and index + 1 < len(lines) and lines[index + 1].text}
    if bare:
        rank, breaks = _ranks(lines, used)
        repeated -= {index for index in bare if not _near_break(rank[index], breaks) or _starts_sentence(lines, index)}
    return repeated


def _starts_sentence(lines: Sequence[Line], index: int) -> bool:
    """The line at ``index`` (the city's name) is the subject of a sentence: the text line before
    it ends one, the line after it carries on in lower case ("… other organisations." /
    "Querétaro" / "maintains a comprehensive …"), however near a page's furniture it stands."""
    before = next((line.text for line in reversed(lines[:index]) if line.text), "")
    return before.rstrip()[-1:] in ".!?" and bool(before.strip()) and lines[index + 1].text[:1].islower()


def _under_spotlight(lines: Sequence[Line], index: int) -> bool:
    """The line before ``index`` opens the spotlight panel ("Spotlight: Open", "SPOTLIGHT –"): the
    city's name under it is the rest of the panel's title ("Open" / "Mönchengladbach"), wrapped in
    a narrow column, not a running head; the line before may be the title's start, printed level
    with the heading ("Spotlight:   Open" / "Mönchengladbach")."""
    above = list(islice((lines[at] for at in range(index - 1, -1, -1) if lines[at].text), 2))
    if len(above) == 2 and not (above[0].bbox and above[1].bbox and abs(above[0].bbox[1] - above[1].bbox[1]) < 1):
        above.pop()  # not level with the line before it
    return any(squeeze(line.text).startswith("spotlight") for line in above)


def _runs_on(lines: Sequence[Line], index: int, used: set[int]) -> bool:
    """The line at ``index`` carries on the line right above it, no furniture: the same type, the
    same left edge, at the line spacing ("STREET LAB" / "TALLINN", a title wrapped)."""
    line, above = lines[index], lines[index - 1] if index else None
    if above is None or index - 1 in used or line.bbox is None or above.bbox is None or line.size is None:
        return False
    return (above.page == line.page and above.size == line.size and above.bold == line.bold
            and abs(above.bbox[0] - line.bbox[0]) <= 1 and 0 <= line.bbox[1] - above.bbox[3] <= line.size / 2)


def _footers(lines: Sequence[Line], furniture: set[int], folds: _Folds, term_groups: TermGroups | None = None
             ) -> set[int]:
    """Short lines of a text dump printed more than once (digits aside), each time within ``NEAR``
    non-blank lines of other furniture: a running footer or head at a page break; and a line of
    some words printed three times or more, wherever a dump put it (a footnote under the columns:
    "Source: OECD (2019), Survey on …"); never a term of the vocabulary (a priority area and the
    same grid cell, each at a page's foot). (A PDF's are known by their place in the page margin:
    the reader has taken them out.)"""
    position, breaks = _ranks(lines, furniture)
    occurrences: dict[str, list[int]] = {}
    for index in position:  # the non-blank lines, in order
        line = lines[index]
        text = line.text
        if (index not in furniture and len(text) <= _FOOTER_LENGTH and not line.bullet and line.bbox is None
                and not (term_groups is not None and term_groups(text))):
            occurrences.setdefault(_DIGITS_RE.sub("#", folds[index]), []).append(index)
    found: set[int] = set()
    for text, indices in occurrences.items():
        repeated = len(indices) >= _REPEATS and len(text.split()) >= _REPEATED_WORDS
        if repeated or (len(indices) > 1 and all(_near_break(position[index], breaks) for index in indices)):
            found.update(indices)
    return found


def _ranks(lines: Sequence[Line], furniture: set[int]) -> tuple[dict[int, int], list[int]]:
    """Each non-blank line's rank among the non-blank lines (in order), and the ranks of the
    furniture among them: where the page breaks are."""
    rank = {index: position for position, index in enumerate(i for i, line in enumerate(lines) if line.text)}
    return rank, sorted(rank[index] for index in furniture if index in rank)


def _near_break(rank: int, breaks: list[int]) -> bool:
    return any(0 < abs(rank - other) <= NEAR for other in breaks)


def main_header(headers: Sequence[Header], lines: Sequence[Line] = ()) -> Header | None:
    """The document's header: the first that names a known country (a repeat on page 2 may print
    what a tool garbled in the first: "CO IMB RA , Po rtu gal"), else the first; where the
    headers spell the city differently, the first whose spelling the text's ``lines`` use (a
    running head in the wrong encoding, "PRÃ S", before the title block's "PRÉS")."""
    known = [header for header in headers if country_code(header.country)] or list(headers[:1])
    if len({fold(header.as_printed) for header in known}) > 1:
        text = f" {fold(' '.join(line.text for line in lines))} "
        return next((header for header in known if f" {fold(header.as_printed)} " in text), known[0])
    return known[0] if known else None


def header_cities(headers: Sequence[Header]) -> tuple[str, ...]:
    """The distinct cities the headers name (a file holding two snapshots names two); a header that
    holds an earlier one's city among other words (a running head joined with the text beside it),
    or its letters with other spaces ("CO IMB RA": a dump of letter-spaced type), or its letters
    but one or two ("SAINT-ALDRIC-DES-PRÃ S": a running head printed in the wrong encoding), names
    the same city."""
    from rapidfuzz.fuzz import ratio

    cities: list[str] = []
    for header in headers:
        city = fold(header.as_printed)
        if not any(f" {known} " in f" {city} " or squeeze(known) == squeeze(city) or ratio(known, city) >= SAME_CITY
                   for known in cities):
            cities.append(city)
    return tuple(cities)

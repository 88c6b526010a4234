"""The page header and the rest of the page furniture in a document's stream of lines.

A snapshot prints "City Innovation Snapshot" (the kicker) and "<CITY>, <Country>" at the top of
its pages. Producers and dump tools put the two parts on one line, on two lines in either order
with blank lines or a page number between them, at the start of a page or (a dump of a
two-column page) at its end. ``find_furniture`` finds every occurrence wherever it falls: a line
holding both parts, a kicker line with a city line among the nearest lines before or after it,
or a line of the kicker and a known country with the city's name near it (a title over it). A
city line is "<CITY>, <Country>" (or "<CITY> (<Country>)", "<CITY> | <Country>") that
names a known country or prints the city in capitals.

Furniture also covers page numbers ("3", "Page 3 of 4", "– 3 –", "3 / 4"), a kicker or a city
line standing alone (a shorter header on page 2), and running footers: a short line printed
more than once, each time next to another piece of furniture (a page break); the last two are
``running_heads``'s.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..countries import country_code
from ..models import Header, Line
from ..textutil import KICKER, KICKER_RE, PAGE_NUMBER_RE, fold_spaces, squeeze
from .heading_table import exact_heading, match_heading, topic_of
from .headings import TermGroups
from .kicker import KICKER_LINE_RE, KICKER_WORDS_RE, SEPARATORS, is_kicker, spelled_out
from .running_heads import NEAR, Folds, fold, footers, repeated_header_parts

_CITY = r"(?P<city>[^,(|–—·•:\d]{2,60}?)\s*(?:,|\(|\s[|–—·•-]\s)\s*(?P<country>[^()\d:]{2,60}?)\s*\)?\s*"
_CITY_LINE_RE = re.compile(rf"^\s*{_CITY}$")
_HEADER_RE = re.compile(rf"^\s*{KICKER}\s*[{SEPARATORS}]?\s*{_CITY}$", re.IGNORECASE)
_REVERSED_HEADER_RE = re.compile(rf"^\s*{_CITY}[{SEPARATORS}]?\s*{KICKER}\s*$", re.IGNORECASE)
# the kicker and the country on one line, the city on a line of its own ("ADELAIDE" over "City
# Innovation Snapshot • Australia"): the country part, known or not
_KICKER_COUNTRY_RE = re.compile(rf"^\s*{KICKER}\s*[{SEPARATORS}]?\s*(?P<country>[^\d:,]{{2,60}}?)\s*$", re.IGNORECASE)
# the prompt a pager prints where a screen ends, copied with the screens: less ("notes.txt lines
# 1-23/102 22%", "byte 512/4096 12%", "(END)"), more ("--More--(22%)")
_PAGER_RE = re.compile(r"^\s*(?:\S+\s+)?(?:lines \d+-\d+/\d+|byte \d+/\d+) \d{1,3}%\s*$"
                       r"|^\s*(?:\(END\)|--More--(?:\(\d{1,3}%\))?)\s*$")
SAME_CITY = 90  # rapidfuzz ratio of two headers' folded cities: one city printed twice, one copy damaged
MAX_HEADER_LINES = 5  # a header wrapped over this many lines at most (each word of the kicker, city, country)
SIZE_TOLERANCE = 0.1  # of a header end's type size: a line within it may be a part of the header
_KICKER_PART_RE = re.compile(r"\b(?:city|innovation|snapshot)\b", re.IGNORECASE)


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
        window = _window_at(lines, texts, rank, near_kicker)
        if window is not None and country_code(window[0].country) is None:
            # "OECD · Bloomberg Philanthropies" over "City Innovation Snapshot" / "PORTO, Brazil": of
            # two readings of one kicker, the one that names a known country
            later = (_window_at(lines, texts, other, near_kicker) for other in range(rank + 1, rank + MAX_HEADER_LINES))
            window = next((found for found in later if found is not None and country_code(found[0].country)), window)
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
        elif (beside := _city_beside_kicker_and_country(lines, index, used)) is not None:
            headers.append(beside[0])
            used.update(beside[1])
    if not headers and (placed := _header_placed(lines, texts)) is not None:
        headers.append(placed[0])
        used.update(placed[1])
    if not headers:
        title = _title_city_line(lines)
        if title is not None:
            headers.append(replace(_header(lines[title[0]], title[1]), kicker=False))
            used.add(title[0])
    used |= {index for index, line in enumerate(lines)
             if (PAGE_NUMBER_RE.match(line.text) and line.text.strip()) or _PAGER_RE.match(line.text)}
    folds = Folds(lines)
    used |= repeated_header_parts(lines, headers, used, folds)
    used |= footers(lines, used, folds, term_groups)
    return Furniture(tuple(headers), frozenset(used))


def _window_at(lines: Sequence[Line], texts: list[int], rank: int,
               near_kicker: set[int]) -> tuple[Header, list[int]] | None:
    """``_header_window`` of the lines from the ``rank``-th non-blank one, where a kicker is near."""
    return _header_window(lines, texts[rank:rank + MAX_HEADER_LINES]) if rank in near_kicker else None


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
    page = lines[following[0]].page if following else None
    for size in range(1, len(following) + 1):
        if size > 1 and lines[following[size - 1]].page not in (page, None):
            break  # a header is printed on one page ("Housing", a grid's last cell, over page 2's head)
        texts = [lines[index].text for index in following[:size]]
        text = _joined(texts)
        if size > 1 and not _KICKER_PART_RE.search(text):
            break  # no part of the kicker in the lines joined so far: no header here
        if size > 2 and _interrupted([lines[index] for index in following[:size]]):
            continue
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


def _interrupted(window: list[Line]) -> bool:
    """Lines read between a header's two ends that are none of its parts: set in another size
    than both ends, and wholly below the last end (page 2's kicker at the left and its city line
    at the right, the page's first grid cells between them in reading order, a line lower)."""
    ends = [line.size for line in (window[0], window[-1]) if line.size is not None]
    bottom = window[-1].bbox[3] if window[-1].bbox is not None else None
    if bottom is None or len(ends) < 2:
        return False
    return any(line.bbox is not None and line.size is not None and line.bbox[1] >= bottom
               and all(abs(line.size - size) > SIZE_TOLERANCE * size for size in ends)
               for line in window[1:-1])


def _joined(texts: list[str]) -> str:
    """A header's lines read as one: a line ending in a name's hyphen ("City Innovation Snapshot
    'S-" / "HERTOGENBOSCH, The Netherlands") runs on without a space."""
    text = texts[0]
    for following in texts[1:]:
        text += following if text.endswith("-") and text[-2:-1].isalpha() else f" {following}"
    return text


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
    """A city line names a known country, or prints the city in capitals ("AKRON, Ohio") before
    what is no section's heading (a wrapped city line's comma over "OVERVIEW")."""
    city, country = match.group("city").strip(), match.group("country")
    known = country_code(country) is not None or (city.isupper() and len(city) >= 2
                                                   and exact_heading(country.strip()) is None)
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
        name = lines[city].text.strip().rstrip(",")  # "DONOSTIA-SAN SEBASTIÁN," wrapped before its country
        for country in countries:
            match = _named_city(name, lines[country].text.strip())
            if city != country and match is not None:
                pairs.append((near[city] + near[country], city, country, match))
    if not pairs:
        return None
    _, city, country, match = min(pairs, key=lambda pair: pair[:3])
    return _header(lines[city], match), [city, country]


def _city_beside_kicker_and_country(lines: Sequence[Line], kicker: int,
                                    used: set[int]) -> tuple[Header, list[int]] | None:
    """A line of the kicker and a known country ("City Innovation Snapshot • Australia"), the city
    a name on a line of its own near it (a title over it): the nearest such name; the header with
    the city's line."""
    own = _KICKER_COUNTRY_RE.match(lines[kicker].text)
    if own is None or country_code(own.group("country")) is None:
        return None
    for _, city in sorted(_near_level(lines, kicker, used)):
        name = lines[city].text.strip().rstrip(",")
        match = _named_city(name, own.group("country"))
        if match is not None and match_heading(name) is None:
            return _header(lines[city], match), [kicker, city]
    return None


def _named_city(name: str, country: str) -> re.Match[str] | None:
    """The city line a name and a country printed apart make ("CLUJ-NAPOCA" + "Romania"), where
    it is plausible and the name holds no digit; else None."""
    match = _CITY_LINE_RE.match(f"{name}, {country}")
    return match if match is not None and _plausible(match) and not any(c.isdigit() for c in name) else None


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


def header_cities(headers: Sequence[Header], lines: Sequence[Line] = ()) -> tuple[str, ...]:
    """The distinct cities the headers name (a file holding two snapshots names two); a header that
    holds an earlier one's city among other words (a running head joined with the text beside it),
    or its letters with other spaces ("CO IMB RA": a dump of letter-spaced type), or its letters
    but one or two ("SAINT-ALDRIC-DES-PRÃ S": a running head printed in the wrong encoding), names
    the same city. A city one header names that the text of ``lines`` never does is no second
    snapshot's where the text names another that two headers name ("Ivra U": a scan's title
    misread), or one in the same country ("Ezan árie T", Hungary: the page's foot names
    Szentmárton-Tó, Hungary)."""
    from rapidfuzz.fuzz import ratio

    cities: list[str] = []
    counts: dict[str, int] = {}
    countries: dict[str, str] = {}
    for header in headers:
        city = fold(header.as_printed)
        same = next((known for known in cities if f" {known} " in f" {city} " or squeeze(known) == squeeze(city)
                     or ratio(known, city) >= SAME_CITY), None)
        if same is None:
            cities.append(city)
            countries[city] = fold(header.country)
        counts[same or city] = counts.get(same or city, 0) + 1
    if len(cities) > 1 and lines:
        text = f" {fold(' '.join(line.text for line in lines))} "
        named = [city for city in cities if f" {city} " in text]  # the document's own city
        if any(counts[city] > 1 for city in named):
            return tuple(city for city in cities if counts[city] > 1 or city in named)
        if named:  # a header alone names the others: misread where they name the named one's country
            return tuple(city for city in cities if city in named or countries[city] not in
                         {countries[own] for own in named})
    return tuple(cities)

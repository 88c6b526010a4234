"""The record's city: from the page header ("City Innovation Snapshot AKRON, United States"), as
the body text spells it (its accents, its case), else the name the body uses most, with warnings
where the header was trimmed, missing or names an unknown country."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from .countries import country_code
from .models import Evidence, Header, Warning
from .textutil import FOLDED, fold_char, strip_accents


def find_city_name(as_printed: str, texts: Iterable[str]) -> str | None:
    """The body's spelling of the header's city ("ENSCHEDÉ" -> "Enschede", "GIESSEN" -> "Gießen"), or None.

    ``texts`` are the body's blocks in reading order; the first capitalised occurrence in mixed
    case wins (a URL or e-mail, "aarhus.dk", is not how the body spells it, nor a title set in
    capitals, "A CORUÑA LIVING LAB"), else the first capitalised one, else the first one.
    """
    wanted = "".join(fold_char(char) for char in as_printed)
    spellings = [wanted, wanted.replace("ss", "ß")] if "ss" in wanted else [wanted]  # "GIESSEN": "Gießen"
    found: list[str] = []
    for text in texts:
        for name in (name for spelling in spellings for name in _occurrences(spelling, text)):
            if name[:1].isupper() and not name.isupper():
                return name  # blocks after this one need no folding
            found.append(name)
    return next((name for name in found if name[:1].isupper()), found[0] if found else None)


def _occurrences(wanted: str, text: str) -> Iterator[str]:
    """Each whole-word spelling in ``text`` of the folded name ``wanted``."""
    folded = strip_accents(text).lower().translate(FOLDED)  # as ``fold_char`` folds
    if len(folded) != len(text):  # a character decomposed into several: fold one by one
        folded = "".join(fold_char(char) for char in text)
    start = folded.find(wanted)
    while start >= 0:
        end = start + len(wanted)
        before = folded[start - 1] if start else " "
        after = folded[end] if end < len(folded) else " "
        if not before.isalnum() and not after.isalnum() and before not in "./@" and after not in "./@":
            yield text[start:end]
        start = folded.find(wanted, start + 1)


# The subject of a snapshot's sentences: "Akron has developed ...", "Akron's innovation work is ...".
_SUBJECT_RE = re.compile(r"(?:^|(?<=[.;:] ))(?P<city>[A-Z][\w.-]*(?:[ -][A-Z][\w.-]*){0,3}?)(?:['’]s)?\s+"
                         r"(?:has|have|is|approaches|maintains|publishes|does|developed|innovation work)\b")
_NOT_A_CITY = frozenset({"the city", "this city", "it", "this", "the", "data", "funding", "innovation"})


def body_city(texts: Iterable[str]) -> str | None:
    """The city a snapshot's sentences are about when no header names it: the most frequent
    subject of its sentences, when it is one at least twice."""
    counts: dict[str, int] = {}
    for text in texts:
        for match in _SUBJECT_RE.finditer(text):
            city = match.group("city")
            if city.lower() not in _NOT_A_CITY:
                counts[city] = counts.get(city, 0) + 1
    best = max(counts, key=lambda city: (counts[city], -len(city)), default=None)
    return best if best is not None and counts[best] >= 2 else None


def city_from_body(texts: list[str], warnings: list[Warning]) -> tuple[dict[str, Any], Evidence | None]:
    """The city without a readable page header: the one the body names, or null; warned either way."""
    name = body_city(texts)
    message = (f'no "City Innovation Snapshot <CITY>, <Country>" header was read; the city is "{name}", the one '
               "the text names most" if name else
               'no "City Innovation Snapshot <CITY>, <Country>" header was read, and the text names no city')
    warnings.append(Warning(field="city", code="missing_header", message=message))
    evidence = next((Evidence(name, None, None) for text in texts if name and name in text), None)
    return {"name": name, "as_printed": None, "country": None, "country_code": None}, evidence


def city_of(header: Header, texts: Iterable[str], warnings: list[Warning],
          ocr: bool) -> tuple[dict[str, Any], Evidence]:
    texts = list(texts)
    as_read = _rejoined(header.as_printed, texts) if ocr else header.as_printed
    as_printed, name = _named_part(as_read, texts)
    if as_printed != as_read:
        warnings.append(Warning(field="city", code="header_trimmed",  # the name is the trimmed part's
                                message=f'the header prints "{header.as_printed}"; the words the text never names '
                                        f'with the city are left out (a logo\'s word beside it?)'))
    if name is None:
        name = as_printed.title() if as_printed.isupper() else as_printed
        warnings.append(Warning(field="city.name", code="city_name_from_header",
                                message=f'the body never names "{as_printed}"; name taken from the header'))
    elif ocr:
        as_printed = _with_accents_of(name, as_printed)
    if not header.kicker:
        warnings.append(Warning(field="city", code="header_without_kicker",
                                message=f'no "City Innovation Snapshot" kicker was read; the city and country are '
                                        f'from the title line "{header.line.text}"'))
    country = _known_country_part(header.country)
    if ocr and country[:1].islower():  # a proper noun the engine read with a small first letter ("israel")
        country = country[:1].upper() + country[1:]
    if country != header.country:
        warnings.append(Warning(field="city.country", code="header_trimmed",
                                message=f'the header prints "{header.country}"; the words after the known country '
                                        f'"{country}" are left out'))
    code = country_code(country)
    if code is None:
        warnings.append(Warning(field="city.country_code", code="unknown_country",
                                message=f'"{country}" is not a known country name'))
    line = header.line
    evidence = Evidence(line.text, line.page, line.bbox)
    return {"name": name, "as_printed": as_printed, "country": country, "country_code": code}, evidence


def _rejoined(as_read: str, texts: list[str]) -> str:
    """The header's city as OCR read it, without a space the engine set inside a word where the
    body names the city so ("RO SARIO" beside "Rosario", "TEL AVIV-YA FO" beside "Tel Aviv-Yafo")."""
    if find_city_name(as_read, texts) is not None:
        return as_read
    spaces = [index for index, char in enumerate(as_read) if char == " "]
    joined = (as_read[:index] + as_read[index + 1 :] for index in spaces)
    return next((variant for variant in joined if find_city_name(variant, texts) is not None), as_read)


def _named_part(as_printed: str, texts: list[str]) -> tuple[str, str | None]:
    """The header's city and the body's spelling of it; where the body never names the header's
    words, the longest run of them at either end that it does name ("OECD BĂLŢENI": a logo's
    word printed beside the city in a banner), else the words as printed and None."""
    name = find_city_name(as_printed, texts)
    if name is not None:
        return as_printed, name
    words = as_printed.split()
    for kept in range(len(words) - 1, 0, -1):
        for part, dropped_before in ((" ".join(words[len(words) - kept:]), True), (" ".join(words[:kept]), False)):
            name = find_city_name(part, texts)
            if name is not None and _stands_alone(name, texts, dropped_before):
                return part, name
    return as_printed, None


_CAPITALISED_AFTER_RE = re.compile(r"\s+[^\W\d_a-z]")  # " Almirén": the name goes on
_CAPITALISED_BEFORE_RE = re.compile(r"(?<![.!?:;]\s)(?<![.!?:;])\b[^\W\d_a-z][\w'’-]*\s+$")


def _stands_alone(name: str, texts: list[str], before: bool) -> bool:
    """The text prints ``name`` somewhere without a capitalised word on the side the header's
    dropped words were (before it, or after it): "Puerto" is no city of its own where the text
    names "Puerto Almirén" each time; a capital opening a sentence is no part of a name."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    for text in texts:
        for match in pattern.finditer(text):
            if before and not _CAPITALISED_BEFORE_RE.search(text[:match.start()]):
                return True
            if not before and not _CAPITALISED_AFTER_RE.match(text, match.end()):
                return True
    return False


def _known_country_part(country: str) -> str:
    """The country as printed; where it is no known country, its first words that are one
    ("Lithuania OECD": a logo's word in the banner's next cell), else as printed."""
    words = country.split()
    if country_code(country) is not None:
        return country
    known = (" ".join(words[:kept]) for kept in range(len(words) - 1, 0, -1))
    return next((part for part in known if country_code(part) is not None), country)


def _with_accents_of(name: str, as_printed: str) -> str:
    """The header's city read by OCR with the accents the body's spelling of it has where the
    header's letter has none ("KALMARO" beside "Kalmarö": a banner's small diacritic the
    engine lost, while a printed header set in capitals may drop accents, a text layer says so)."""
    if len(name) != len(as_printed):
        return as_printed
    return "".join(spelled.upper() if read.isascii() and not spelled.isascii() and read.isupper() else read
                   for spelled, read in zip(name, as_printed, strict=True))

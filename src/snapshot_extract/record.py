"""Record: ``Sections`` + field results -> a validated ``Record`` (RECORD.md, schema 1).

Contract: runs every section mapper, adds the document-level warnings (``missing_section``,
``unparsed_text`` for every block no mapper consumed, ``city_name_from_header``,
``unknown_country``), gathers provenance for every value, and validates the whole through the
pydantic ``Record``. Warnings are sorted by (field, code); provenance by path. Run metadata
(time, versions, machine) never enters the record, so the same input gives the same record.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

import pycountry

from .fields import MAPPERS, Evidence, FieldResult, map_outcomes
from .fields.common import sentences
from .models import Document, Record
from .ocr_doubts import flag_doubts
from .sections import SECTION_KEYS, Header, Sections
from .textutil import fold_char, strip_accents
from .vocabulary import Vocabulary

_COUNTRY_ALIASES = {
    "usa": "US", "united states of america": "US", "us": "US", "uk": "GB", "united kingdom": "GB",
    "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB", "south korea": "KR",
    "korea": "KR", "republic of korea": "KR", "russia": "RU", "czech republic": "CZ",
    "czechia": "CZ", "holland": "NL", "turkey": "TR", "türkiye": "TR", "vietnam": "VN",
    "taiwan": "TW", "iran": "IR", "moldova": "MD", "bolivia": "BO", "venezuela": "VE",
    "tanzania": "TZ", "syria": "SY", "laos": "LA", "ivory coast": "CI", "kosovo": "XK",
}  # fmt: skip


@cache
def country_code(country: str) -> str | None:
    """ISO 3166-1 alpha-2 for a printed country name, or None."""
    name = country.strip().lower()
    name = name[4:] if name.startswith("the ") else name
    if name in _COUNTRY_ALIASES:
        return _COUNTRY_ALIASES[name]
    try:
        return str(pycountry.countries.lookup(name).alpha_2)
    except LookupError:
        return None


def find_city_name(as_printed: str, texts: Iterable[str]) -> str | None:
    """The body's spelling of the header's city ("ENSCHEDÉ" -> "Enschede"), or None.

    ``texts`` are the body's blocks in reading order; the first capitalised occurrence wins (a
    URL or e-mail, "aarhus.dk", is not how the body spells it), else the first occurrence.
    """
    wanted = "".join(fold_char(char) for char in as_printed)
    first = None
    for text in texts:
        for name in _occurrences(wanted, text):
            if name[:1].isupper():
                return name  # blocks after this one need no folding
            first = name if first is None else first
    return first


def _occurrences(wanted: str, text: str) -> Iterator[str]:
    """Each whole-word spelling in ``text`` of the folded name ``wanted``."""
    folded = strip_accents(text).lower()
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


def _city(header: Header, texts: Iterable[str], warnings: list[dict[str, str]]) -> tuple[dict[str, Any], Evidence]:
    name = find_city_name(header.as_printed, texts)
    if name is None:
        name = header.as_printed.title() if header.as_printed.isupper() else header.as_printed
        warnings.append({"field": "city.name", "code": "city_name_from_header",
                         "message": f'the body never names "{header.as_printed}"; name taken from the header'})
    code = country_code(header.country)
    if code is None:
        warnings.append({"field": "city.country_code", "code": "unknown_country",
                         "message": f'"{header.country}" is not a known country name'})
    line = header.line
    evidence = Evidence(line.text, line.page, line.bbox)
    return {"name": name, "as_printed": header.as_printed, "country": header.country,
            "country_code": code}, evidence


def _run_mappers(document: Document, sections: Sections, vocabulary: Vocabulary) -> dict[str, FieldResult]:
    results = {key: mapper(sections.get(key), vocabulary) for key, mapper in MAPPERS.items()}
    results["outcomes"] = map_outcomes(sections.get("outcomes"), vocabulary, document.swatches)
    return results


def _document_warnings(sections: Sections, results: dict[str, FieldResult]) -> list[dict[str, str]]:
    warnings: list[dict[str, str]] = []
    for key in SECTION_KEYS:
        section = sections.get(key)
        if section is None:
            warnings.append({"field": key, "code": "missing_section",
                             "message": f"the document has no {key} section"})
            continue
        used = results[key].used
        for index, block in enumerate(section.blocks):
            if (index, None) in used:
                continue
            for sentence in sentences(block.text):
                if (index, sentence) not in used:
                    warnings.append({"field": key, "code": "unparsed_text",
                                     "message": f'text not understood: "{_excerpt(sentence)}"'})
    for block in sections.preamble:
        warnings.append({"field": "document", "code": "unparsed_text",
                         "message": f'text outside any section: "{_excerpt(block.text)}"'})
    return warnings


def _excerpt(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _nest(values: dict[str, Any]) -> dict[str, Any]:
    nested: dict[str, Any] = {}
    for path, value in values.items():
        head, _, tail = path.partition(".")
        nested.setdefault(head, {})[tail] = value
    return nested


def build_record(document: Document, sections: Sections, vocabulary: Vocabulary) -> Record:
    """Assemble and validate the record for one document (see the module docstring)."""
    assert sections.header is not None, "detect_sections guarantees a header before this stage"
    results = _run_mappers(document, sections, vocabulary)
    warnings = _document_warnings(sections, results)
    warnings += [{"field": field, "code": code, "message": message} for field, code, message in document.notes]
    city, city_evidence = _city(sections.header, sections.block_texts(), warnings)
    values: dict[str, Any] = {}
    evidence: dict[str, Evidence] = {
        f"city.{key}": city_evidence for key, value in city.items() if value is not None
    }
    unmapped: list[dict[str, Any]] = []
    for result in results.values():
        values.update(result.values)
        evidence.update(result.evidence)
        warnings.extend(result.warnings)
        unmapped.extend(result.unmapped)
    if document.doubts:  # OCR words read with low confidence: flag what they fed
        values, flagged = flag_doubts(document.doubts, values, evidence, sections)
        warnings.extend(flagged)
    source = document.source
    data = {
        "source": {"file": source.file, "sha256": source.sha256, "format": source.format,
                   "pages": source.pages, "ocr": source.ocr},
        "city": city,
        **_nest(values),
        "unmapped": unmapped,
        "warnings": sorted(warnings, key=lambda w: (w["field"], w["code"])),
        "provenance": {
            path: {"page": item.page, "bbox": item.bbox, "text": item.text}
            for path, item in sorted(evidence.items())
        },
    }
    return Record.model_validate(data)

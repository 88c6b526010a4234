"""Overview panel -> ``overview.*`` (mayor, term, innovation lead, population, websites)."""

from __future__ import annotations

import re

from ..models import Block, Evidence, FieldResult, Section
from ..vocabulary import Vocabulary
from .common import Found, locate

_KEYS = (
    r"(?:lord\s+|city\s+)?mayor|head of government|term(?: of office)?|innovation lead(?:er)?|"
    r"chief innovation officer|population(?: size)?|"
    r"innovation\s*/\s*open data websites?|open data websites?|innovation websites?|websites?"
)
_KEY_RE = re.compile(rf"^(?P<key>{_KEYS})\s*:\s*(?P<value>.*)$", re.I)
# A label inside a block: Overview lines a layout joined ("... (2019) Innovation / open data
# website: https://..."); consumed whole, so the leftmost label wins over the ones inside it.
_INNER_KEY_RE = re.compile(rf"\s(?P<key>{_KEYS})\s*:", re.I)
_URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"')]+|\b(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/[^\s<>\"')]*)?",
    re.IGNORECASE,
)
_TERM_RE = re.compile(
    r"(?P<since>\b(?:since|from)\s+(?:\w+\s+)?)?(?P<start>(?:19|20)\d{2})\b(?:[^\d]{0,25}?(?:[–—/-]|\bto\b|\btill\b|"
    r"\buntil\b)\s*(?:[A-Za-z]+\.?\s+)?(?P<end>(?:19|20)\d{2}|\d{2})\b)?",
    re.I,
)
_NUMBER_RE = re.compile(
    r"(?P<number>\d{1,3}(?:[ ,.\u202f’']\d{3})+(?![\d])|\d+(?:[.,]\d+)?)\s*(?P<unit>million|mio|m|mn|thousand|k)?\b",
    re.IGNORECASE,
)
_LATER_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_YEAR_RE = re.compile(r"\b(?:in\s+|\(\s*)?((?:19|20)\d{2})\b")
_PLACEHOLDER_RE = re.compile(
    r"^(?:[-–—‐?]*|n\.?\s?/?\s?a\.?|none|unknown|tb[cd]\.?|to be (?:confirmed|determined|appointed|announced)|"
    r"not (?:yet )?(?:appointed|available|applicable|known)|vacant\b.*|position vacant|no (?:one|innovation lead))$",
    re.IGNORECASE,
)


def map_overview(section: Section | None, vocabulary: Vocabulary) -> FieldResult:
    found = Found("overview", vocabulary)
    if section is None:
        return found.result()
    websites: list[str] = []
    after_website_label = False  # a label's values may follow on the lines below it
    for index, block in enumerate(section.blocks):
        matches = [_KEY_RE.match(part) for cell in block.cells for part in _labelled_parts(cell)]
        if not all(matches):
            if (websites or after_website_label) and all(_URL_RE.fullmatch(line.text.strip()) for line in block.lines):
                websites.extend(_urls(block.text))
                found.use(index)
            continue
        found.use(index)
        for match in matches:
            assert match is not None
            key, value = match.group("key").lower(), match.group("value").strip()
            after_website_label = "web" in key
            _read_key(found, key, value, block, websites)
    urls = list(dict.fromkeys(websites))
    found.values["overview.websites"] = urls
    for position, url in enumerate(urls):
        block = next(b for b in section.blocks if url.split("://", 1)[-1].rstrip("/") in b.text)
        found.evidence[f"overview.websites[{position}]"] = locate(block, None)
    return found.result()


def _labelled_parts(cell: str) -> list[str]:
    """A cell ("Mayor: X    Term: Y" is two) cut before every further capitalised label in it."""
    lead = _KEY_RE.match(cell)
    if lead is None or cell.count(":") < 2:  # a further label needs a colon of its own
        return [cell]
    starts = [match.start() + 1 for match in _INNER_KEY_RE.finditer(cell, lead.end("key"))
              if match.group("key")[0].isupper()]
    if not starts:
        return [cell]
    bounds = [0, *starts, len(cell)]
    return [cell[start:end].strip() for start, end in zip(bounds, bounds[1:], strict=False)]


def _read_key(found: Found, key: str, value: str, block: Block, websites: list[str]) -> None:
    evidence = locate(block, value) if value and value in block.text else locate(block)
    if _PLACEHOLDER_RE.match(value) and "web" not in key:
        return  # the document says there is none: null, not a name
    if key.endswith("mayor") or key == "head of government":
        found.set("overview.mayor", value, evidence)
    elif key.startswith(("innovation lead", "chief")):
        found.set("overview.innovation_lead", value, evidence)
    elif key.startswith("term"):
        _read_term(found, value, evidence)
    elif key.startswith("population"):
        _read_population(found, value, evidence)
    else:
        websites.extend(_urls(value))


def _urls(text: str) -> list[str]:
    urls = []
    for raw in _URL_RE.findall(text):
        url = raw.rstrip(".,;)")
        urls.append(url if "://" in url else "https://" + url)
    return urls


def parse_term(value: str) -> tuple[int | None, int | None]:
    """"2015–2021" -> (2015, 2021); "since 2014" -> (2014, None); "2019–23" -> (2019, 2023)."""
    match = _TERM_RE.search(value)
    if match is None:
        return None, None
    start = int(match.group("start"))
    end_text = match.group("end")
    if end_text is None:
        return start, None
    end = int(end_text) if len(end_text) == 4 else start // 100 * 100 + int(end_text)
    if any(int(later.group()) > end for later in _LATER_YEAR_RE.finditer(value, match.end())):
        return start, None  # a later year after the end ("2018/19 – 2024", "2014–2018, 2018–2022"): unread
    return (start, end) if end >= start else (start, None)


def _read_term(found: Found, value: str, evidence: Evidence) -> None:
    start, end = parse_term(value)
    if start is None:
        found.warn("overview.term_start", "unreadable_value", f'term "{value}" has no year')
        return
    found.set("overview.term_start", start, evidence)
    found.set("overview.term_end", end, evidence)
    open_ended = re.search(r"\b(?:since|from|present|now|today|ongoing|current)\b|[–—-]\s*$", value, re.I)
    if end is None and not open_ended:
        found.warn("overview.term_end", "unreadable_value", f'term "{value}": no end year read')


def parse_population(value: str) -> tuple[int | None, int | None]:
    """"159 000 (2019)" -> (159000, 2019); "4.49 million (2018)" -> (4490000, 2018)."""
    year_match = _YEAR_RE.search(value)
    year = int(year_match.group(1)) if year_match else None
    body = value[: year_match.start()] if year_match else value
    match = _NUMBER_RE.search(body)
    if match is None:
        return None, year
    number, unit = match.group("number"), (match.group("unit") or "").lower()
    if unit in {"million", "mio", "m", "mn", "thousand", "k"}:
        scale = 1_000_000 if unit in {"million", "mio", "m", "mn"} else 1_000
        return round(float(number.replace(",", ".").replace(" ", "")) * scale), year
    digits = re.sub(r"[ ,.\u202f’']", "", number)
    if not re.fullmatch(r"\d+", digits) or (number != digits and not re.search(r"[ ,.\u202f’']\d{3}$", number)):
        return None, year
    return int(digits), year


def _read_population(found: Found, value: str, evidence: Evidence) -> None:
    population, year = parse_population(value)
    if population is None:
        found.warn("overview.population", "unreadable_value", f'population "{value}" is not a number')
    found.set("overview.population", population, evidence)
    found.set("overview.population_year", year, evidence)

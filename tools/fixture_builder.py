"""Write a fixture city once, as the document it prints; every printing call states its truth.

``CityBuilder`` makes a ``fixture_model.CityFixture``: every call that prints something a
record field reports also states that field's true value, so the document and its truth cannot
drift apart. The facts a call can state:

* ``Item(text, id)`` is one printed list element: ``text`` is the Term text the truth states
  (as printed, no bullet glyph, no trailing punctuation, no leading article); ``id`` is its
  vocabulary id, or ``None`` for an item the vocabulary does not hold (it then goes to the
  truth's ``unmapped`` with an ``unmapped_term`` warning, and not into the Term list);
* ``Inline(items, last=...)`` prints items inside a sentence ("A, B and C"), each with its
  printed ``lead`` ("the ", "a ") that the Term text leaves out;
* ``Peer``, ``Said`` (free text such as a data use) and ``T`` (a Term stated by a sentence,
  truth carries only its id) are the other facts a sentence can state; a ``bool`` or ``int``
  is stated as is.

``CityBuilder.build()`` adds a ``missing_section`` warning for every section the city does not
print. ``{name}`` / ``{name[i]}`` / ``{name[i:j]}`` in a paragraph are replaced by the printed
form of the fact passed as ``name``; ``{city}`` by the city's name.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from snapshot_extract.models import record_fields

from .fixture_model import (
    SECTION_KEYS,
    Block,
    Bullets,
    CityFixture,
    Grid,
    JsonDict,
    OverviewLine,
    Para,
    Section,
    Snapshot,
    Style,
    Tiles,
    plain,
)

VOCABULARY_FILE = Path(__file__).resolve().parents[1] / "src/snapshot_extract/data/vocabulary.json"

SECTIONS_FILE = VOCABULARY_FILE.with_name("sections.json")
# section key -> its canonical heading: the first spelling of the packaged heading table
HEADINGS = {entry["key"]: entry["headings"][0]
            for entry in json.loads(SECTIONS_FILE.read_text(encoding="utf-8"))["sections"]
            if entry["key"] not in ("overview", "spotlight")}
# record field (section.field) -> vocabulary group its Terms come from: declared in the record model
TERM_GROUPS = {spec.path: spec.vocabulary for spec in record_fields() if spec.vocabulary}


def _vocabulary_ids() -> dict[str, set[str]]:
    groups = json.loads(VOCABULARY_FILE.read_text(encoding="utf-8"))["groups"]
    return {name: {term["id"] for term in group["terms"]} for name, group in groups.items()}


VOCABULARY_IDS = _vocabulary_ids()


# --------------------------------------------------------------------------- facts


@dataclass(frozen=True)
class Item:
    """One printed list element (bullet, tile, grid cell or inline-list element)."""

    text: str
    id: str | None
    lead: str = ""
    bold: bool = False


@dataclass(frozen=True)
class Inline:
    """List elements printed inside a sentence, joined "A, B<last>C"."""

    items: tuple[Item, ...]
    last: str = " and "

    def printed(self, part: slice) -> str:
        chosen = self.items[part]
        words = [f"{item.lead}**{item.text}**" if item.bold else item.lead + item.text
                 for item in chosen]
        if len(words) <= 1:
            return "".join(words)
        return ", ".join(words[:-1]) + self.last + words[-1]


@dataclass(frozen=True)
class Peer:
    percent: int | None
    bound: Literal["exact", "more_than", "less_than", "about"]
    text: str


@dataclass(frozen=True)
class Said:
    """Free text a sentence prints and the record keeps verbatim (data uses)."""

    values: tuple[str, ...]

    def printed(self, part: slice | int) -> str:
        chosen = self.values[part]
        return chosen if isinstance(chosen, str) else " and ".join(chosen)


@dataclass(frozen=True)
class T:
    """A Term that a sentence states in its own words: the truth carries only the id."""

    id: str


Fact = Inline | Peer | Said | T | tuple[T, ...] | bool | int | None


# --------------------------------------------------------------------------- builder


def _empty_truth() -> JsonDict:
    return {
        "schema_version": "1",
        "city": {},
        "overview": {"mayor": None, "term_start": None, "term_end": None,
                     "innovation_lead": None, "population": None, "population_year": None,
                     "websites": []},
        "organisation": {"structure": None, "dedicated_staff": None, "staff_count": None,
                         "staff_skills": []},
        "spotlight": {"title": None, "text": None},
        "vision": {"formal_strategy": None, "peer": None, "associations": []},
        "approach": {"scope": None, "peer": None, "priority_policy_areas": []},
        "partnerships": {"innovation_partners": [], "data_partners": [], "data_activities": []},
        "funding": {"dedicated": None, "peer": None, "sources": [], "directed_to": []},
        "impact": {"benefits": [], "success_factors": []},
        "data": {"role": None, "uses": [], "challenges": [], "inventory": None,
                 "publishes_open_data": None},
        "outcomes": {"policy_areas": [], "with_sufficient_data": None,
                     "without_sufficient_data": None},
        "unmapped": [],
        "warnings": [],
    }


def absolute_url(printed: str) -> str:
    return printed if re.match(r"https?://", printed) else f"https://{printed}"


_PLACEHOLDER = re.compile(r"\{(\w+)(?:\[(-?\d*)(:?)(-?\d*)\])?\}")


def _part(start: str, colon: str, stop: str) -> slice | int:
    if not colon:
        return int(start) if start else slice(None)
    return slice(int(start) if start else None, int(stop) if stop else None)


class CityBuilder:
    """Write a city top to bottom; each printing call also records the truth it carries."""

    def __init__(self, slug: str, name: str, as_printed: str, country: str, code: str,
                 style: Style) -> None:
        self.slug = slug
        self.name = name
        self.style = style
        self.truth = _empty_truth()
        self.truth["city"] = {"name": name, "as_printed": as_printed, "country": country,
                              "country_code": code}
        self._head = (name, as_printed, country)
        self._overview: tuple[OverviewLine, ...] = ()
        self._sections: list[Section] = []
        self._notes: list[str] = []

    # -- overview ------------------------------------------------------------
    def overview(self, *, mayor: str | None, term: tuple[str, int, int | None] | None,
                 lead: str | None, population: tuple[str, int, int | None] | None,
                 websites: tuple[str, ...], website_label: str = "Innovation / open data website:",
                 ) -> None:
        """Print the Overview panel; ``term``/``population`` are (printed, value, value)."""
        lines: list[OverviewLine] = []
        facts = self.truth["overview"]
        if mayor is not None:
            lines.append(OverviewLine("Mayor:", mayor))
            facts["mayor"] = mayor
        if term is not None:
            lines.append(OverviewLine("Term:", term[0]))
            facts["term_start"], facts["term_end"] = term[1], term[2]
        if lead is not None:
            lines.append(OverviewLine("Innovation Lead:", lead))
            facts["innovation_lead"] = lead
        if population is not None:
            lines.append(OverviewLine("Population size:", population[0]))
            facts["population"], facts["population_year"] = population[1], population[2]
        if websites:
            lines.append(OverviewLine(website_label, "", websites))
            facts["websites"] = [absolute_url(url) for url in websites]
        self._overview = tuple(lines)

    # -- sections ------------------------------------------------------------
    def section(self, key: str, heading: str | None = None) -> SectionBuilder:
        if key not in SECTION_KEYS:
            raise ValueError(f"unknown section {key!r}")
        return SectionBuilder(self, key, heading or HEADINGS.get(key, ""))

    def spotlight(self, title: str, *paragraphs: str) -> None:
        builder = self.section("spotlight", f"Spotlight | {title}")
        for markup in paragraphs:
            builder.para(markup)
        self.truth["spotlight"] = {"title": title,
                                   "text": " ".join(plain(self.fill(p)) for p in paragraphs)}
        builder.close()

    def note(self, text: str) -> None:
        """A line for COVERAGE.md: what this city exercises beyond its style."""
        self._notes.append(text)

    def build(self) -> CityFixture:
        printed = {section.key for section in self._sections}
        for key in SECTION_KEYS:
            if key not in printed:
                self.warn(key, "missing_section")
        self.truth["warnings"].sort(key=lambda w: (w["field"], w["code"]))
        snapshot = Snapshot(*self._head, self._overview, tuple(self._sections))
        if self.style.page_two not in printed:
            raise ValueError(f"{self.slug}: page_two section {self.style.page_two!r} not printed")
        return CityFixture(self.slug, snapshot, self.style, self.truth, tuple(self._notes))

    # -- shared by SectionBuilder -------------------------------------------
    def warn(self, field_path: str, code: str) -> None:
        self.truth["warnings"].append({"field": field_path, "code": code})

    def terms(self, path: str, chosen: tuple[Item, ...], with_text: bool = True) -> list[JsonDict]:
        """Term list for ``path``; items outside the vocabulary go to unmapped (+ warning)."""
        group = VOCABULARY_IDS[TERM_GROUPS[path]]
        out: list[JsonDict] = []
        for item in chosen:
            if item.id is None:
                self.truth["unmapped"].append({"field": path, "text": item.text})
                self.warn(path, "unmapped_term")
                continue
            if item.id not in group:
                raise ValueError(f"{self.slug}: {item.id!r} is not in {TERM_GROUPS[path]}")
            if any(term["id"] == item.id for term in out):
                continue
            out.append({"id": item.id, "text": item.text} if with_text else {"id": item.id})
        return out

    def fill(self, markup: str, facts: dict[str, Fact] | None = None) -> str:
        """Replace ``{city}`` and the ``{fact}`` placeholders by their printed forms."""
        facts = facts or {}

        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            if name == "city":
                return self.name
            fact = facts[name]
            part = slice(None) if match.group(2) is None else _part(*match.group(2, 3, 4))
            if isinstance(fact, Inline):
                return fact.printed(part if isinstance(part, slice) else slice(part, part + 1))
            if isinstance(fact, Said):
                return fact.printed(part)
            if isinstance(fact, Peer):
                return fact.text
            raise ValueError(f"{self.slug}: fact {name!r} cannot be printed")

        return _PLACEHOLDER.sub(replace, markup)

    def add_section(self, section: Section) -> None:
        self._sections.append(section)


class SectionBuilder:
    def __init__(self, city: CityBuilder, key: str, heading: str) -> None:
        self.city = city
        self.key = key
        self.heading = heading
        self.blocks: list[Block] = []

    def __enter__(self) -> SectionBuilder:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self.city.add_section(Section(self.key, self.heading, tuple(self.blocks)))

    def _set(self, name: str, value: Any) -> None:
        facts = self.city.truth[self.key]
        if name not in facts:
            raise ValueError(f"{self.city.slug}: {self.key} has no field {name!r}")
        facts[name] = value

    def para(self, markup: str, **facts: Fact) -> None:
        """Print a sentence/paragraph; each keyword is a field of this section it states."""
        self.blocks.append(Para(self.city.fill(markup, facts)))
        for name, fact in facts.items():
            path = f"{self.key}.{name}"
            if isinstance(fact, Inline):
                self._set(name, self.city.terms(path, fact.items))
            elif isinstance(fact, Peer):
                self._set(name, {"percent": fact.percent, "bound": fact.bound, "text": fact.text})
            elif isinstance(fact, Said):
                self._set(name, list(fact.values))
            elif isinstance(fact, T):
                self._set(name, self.city.terms(path, (Item("", fact.id),), with_text=False)[0])
            elif isinstance(fact, tuple):
                self._set(name, self.city.terms(path, tuple(Item("", t.id) for t in fact),
                                                with_text=False))
            else:
                self._set(name, fact)

    def bullets(self, name: str, chosen: tuple[Item, ...], kind: Literal["bullet", "check"]
                = "bullet", separator: str = "") -> None:
        self.blocks.append(Bullets(tuple(item.text for item in chosen), kind,
                                   tuple(item.bold for item in chosen), separator))
        self._set(name, self.city.terms(f"{self.key}.{name}", chosen))

    def tiles(self, name: str, chosen: tuple[Item, ...]) -> None:
        self.blocks.append(Tiles(tuple(item.text for item in chosen)))
        self._set(name, self.city.terms(f"{self.key}.{name}", chosen))

    def grid(self, cells: tuple[tuple[str, str | None, bool], ...]) -> None:
        """Outcomes grid: (printed text, id, has sufficient data) per cell, row-major."""
        chosen = tuple(Item(text, term_id) for text, term_id, _ in cells)
        self.blocks.append(Grid(tuple(item.text for item in chosen),
                                tuple(flag for _, _, flag in cells)))
        truth = self.city.truth["outcomes"]
        truth["policy_areas"] = self.city.terms("outcomes.policy_areas", chosen)
        with_ids = {term_id for _, term_id, flag in cells if flag}
        truth["with_sufficient_data"] = [t for t in truth["policy_areas"] if t["id"] in with_ids]
        truth["without_sufficient_data"] = [
            t for t in truth["policy_areas"] if t["id"] not in with_ids]

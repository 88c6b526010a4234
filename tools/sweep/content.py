"""What one document says: a city's answers, sampled from a seeded random generator.

Every printed value is held here once; ``truth`` derives the expected record from it and
``compose`` prints it, so the truth never comes from a reader. Items carry both their printed
text and the Term text the truth states for them."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from functools import cache

from . import forms
from .places import CITIES, DATA_USES, DEPARTMENTS, FIRST_NAMES, LAST_NAMES, PROGRAMMES, SPOTLIGHT_SENTENCES, City
from .printing import peer_phrase, population_form, term_form, website_forms

ListStyle = str  # "bullets" | "inline"
LIST_FIELDS = ("staff_skills", "associations", "innovation_partners", "data_partners", "sources",
               "directed_to", "benefits", "success_factors", "challenges")  # fmt: skip
REAL_STYLES: dict[str, ListStyle] = {
    "staff_skills": "bullets", "associations": "bullets", "innovation_partners": "inline",
    "data_partners": "inline", "sources": "bullets", "directed_to": "inline", "benefits": "bullets",
    "success_factors": "inline", "challenges": "inline",
}  # fmt: skip
OPTIONAL_SECTIONS = ("partnerships", "impact", "data", "outcomes")


@dataclass(frozen=True)
class Item:
    """One list element: its vocabulary id (None: in no group, so unmapped), printed and truth text."""

    id: str | None
    text: str
    truth: str


@dataclass(frozen=True)
class PeerPhrase:
    text: str  # "Like 81% of cities surveyed"
    percent: int | None
    bound: str


@dataclass(frozen=True)
class Overview:
    mayor: str | None
    term: str | None
    term_start: int | None
    term_end: int | None
    lead: str | None
    population_text: str | None
    population: int | None
    population_year: int | None
    websites: tuple[str, ...]  # as printed
    urls: tuple[str, ...]  # as the truth states them


@dataclass(frozen=True)
class Organisation:
    structure: str
    department: str
    dedicated_staff: bool
    staff_count: int | None
    variant: int
    skills: tuple[Item, ...]


@dataclass(frozen=True)
class Spotlight:
    title: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Vision:
    formal: bool
    peer: PeerPhrase | None
    associations: tuple[Item, ...]


@dataclass(frozen=True)
class Approach:
    scope: str
    peer: PeerPhrase | None
    priorities: tuple[Item, ...]


@dataclass(frozen=True)
class Partnerships:
    innovation: tuple[Item, ...]
    data: tuple[Item, ...]
    activities: tuple[str, ...]  # data_activities ids in printed order
    tail: bool  # the last data partner printed after the activities ("…, as well as with X")


@dataclass(frozen=True)
class Funding:
    dedicated: bool
    peer: PeerPhrase | None
    sources: tuple[Item, ...]
    uses: tuple[Item, ...]


@dataclass(frozen=True)
class Impact:
    benefits: tuple[Item, ...]
    factors: tuple[Item, ...]


@dataclass(frozen=True)
class DataUse:
    role: str
    uses: tuple[str, ...]
    challenges: tuple[Item, ...]
    inventory: str
    publishes: bool


@dataclass(frozen=True)
class Outcomes:
    cells: tuple[tuple[Item, bool], ...]  # (policy area, with sufficient data), row-major


@dataclass(frozen=True)
class Content:
    city: City
    styles: dict[str, ListStyle]
    quote: str  # the apostrophe the body uses: ' or ’
    overview: Overview
    organisation: Organisation
    spotlight: Spotlight | None
    vision: Vision
    approach: Approach
    partnerships: Partnerships | None
    funding: Funding
    impact: Impact | None
    data: DataUse | None
    outcomes: Outcomes | None


@dataclass(frozen=True)
class ContentChoices:
    """The layout dimensions content depends on (the rest of the layout does not matter here)."""

    charset: str  # "latin-1", "cp1252" or "unicode": what the document's fonts can print
    list_form: str
    websites: str
    tiles_count: int
    grid_cells: int
    spotlight: bool
    missing: str  # "none" or the key of a section left out
    unmapped: str  # "none", "one", "several"


def encodable(text: str, charset: str) -> bool:
    """Whether the document's fonts can print ``text``: "unicode" (a font engine with fallback),
    an encoding ("latin-1", "cp1252") or "font:<path>" (the characters of one font file)."""
    if charset == "unicode":
        return True
    if charset.startswith("font:"):
        covered = font_characters(charset[5:])
        return all(ord(ch) in covered or ch.isspace() for ch in text)
    try:
        text.encode(charset)
    except UnicodeEncodeError:
        return False
    return True


@cache
def font_characters(path: str) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    font = TTFont(path, fontNumber=0, lazy=True)
    return frozenset(font.getBestCmap())


def sample_content(rng: random.Random, choices: ContentChoices) -> Content:
    ok = [c for c in CITIES if encodable(c.name + c.country, choices.charset)]
    city = rng.choice(ok)
    styles = _list_styles(rng, choices.list_form)
    quote = "’" if choices.charset != "latin-1" and rng.random() < 0.5 else "'"
    if quote == "'" and "’" in city.name:
        city = replace(city, name=city.name.replace("’", "'"))
    unmapped_fields = _unmapped_fields(rng, choices.unmapped)
    pick = _Picker(rng, choices.charset, styles, unmapped_fields)
    missing = choices.missing
    return Content(
        city=city, styles=styles, quote=quote,
        overview=_overview(rng, city, choices),
        organisation=_organisation(rng, pick),
        spotlight=_spotlight(rng, city.name) if choices.spotlight else None,
        vision=Vision(rng.random() < 0.5, _peer(rng), pick.items("innovation_terms", "associations", 1, 3)),
        approach=Approach(rng.choice(("holistic", "specific_areas", "both")), _peer(rng),
                          pick.items("policy_areas", "priorities", choices.tiles_count, choices.tiles_count)),
        partnerships=None if missing == "partnerships" else _partnerships(rng, pick),
        funding=_funding(rng, pick),
        impact=None if missing == "impact" else Impact(pick.items("benefits", "benefits", 1, 4),
                                                       pick.items("success_factors", "success_factors", 1, 4)),
        data=None if missing == "data" else _data(rng, pick),
        outcomes=None if missing == "outcomes" else _outcomes(rng, pick, choices.grid_cells),
    )  # fmt: skip


def _list_styles(rng: random.Random, list_form: str) -> dict[str, ListStyle]:
    if list_form == "all_bulleted":
        return dict.fromkeys(LIST_FIELDS, "bullets")
    if list_form == "all_inline":
        return dict.fromkeys(LIST_FIELDS, "inline")
    if list_form == "mixed":
        return {name: rng.choice(("bullets", "inline")) for name in LIST_FIELDS}
    return dict(REAL_STYLES)


def _unmapped_fields(rng: random.Random, amount: str) -> set[str]:
    candidates = [*LIST_FIELDS, "priorities", "cells"]
    count = {"none": 0, "one": 1, "several": 3}[amount]
    return set(rng.sample(candidates, count))


class _Picker:
    """Samples list items of one vocabulary group, printed in the field's list style."""

    def __init__(self, rng: random.Random, charset: str, styles: dict[str, ListStyle], unmapped: set[str]) -> None:
        self.rng, self.charset, self.styles, self.unmapped = rng, charset, styles, unmapped

    def items(self, group: str, field: str, low: int, high: int) -> tuple[Item, ...]:
        table = forms.GROUPS[group]
        count = min(self.rng.randint(low, high), len(table))
        chosen = [self.item(group, field, term_id) for term_id in self.rng.sample(sorted(table), count)]
        if field in self.unmapped:
            extra = self.other(group, field)
            chosen.insert(self.rng.randint(0, len(chosen)), extra)
            if field == "priorities" and len(chosen) > 1:
                chosen.pop(-1 if chosen[-1] is not extra else 0)
        return tuple(chosen)

    def style(self, field: str) -> ListStyle:
        return self.styles.get(field, "bullets")

    def item(self, group: str, field: str, term_id: str) -> Item:
        table = forms.GROUPS[group][term_id]
        options = table.inline if self.style(field) == "inline" else table.bullet
        usable = [o for o in options if encodable(o, self.charset)] or list(options)
        text = self.rng.choice(usable)
        if self.style(field) == "bullets" and group == "staff_roles" and self.rng.random() < 0.5:
            text = _title_case(text)
        return Item(term_id, text, forms.strip_article(text) if self.style(field) == "inline" else text)

    def other(self, group: str, field: str) -> Item:
        text = self.rng.choice(forms.UNMAPPED[group])
        if self.style(field) == "bullets":
            text = forms.strip_article(text)
            text = text[0].upper() + text[1:]
        return Item(None, text, forms.strip_article(text) if self.style(field) == "inline" else text)


def _title_case(text: str) -> str:
    small = {"and", "of", "or", "the", "to", "in", "for", "a"}
    return " ".join(w if w in small else w[0].upper() + w[1:] for w in text.split(" "))


def _person(rng: random.Random, language: str, charset: str) -> str:
    firsts = [n for n in FIRST_NAMES[language] if encodable(n, charset)] or list(FIRST_NAMES["en"])
    lasts = [n for n in LAST_NAMES[language] if encodable(n, charset)] or ["Fischer", "Horrigan"]
    return f"{rng.choice(firsts)} {rng.choice(lasts)}"


def _overview(rng: random.Random, city: City, choices: ContentChoices) -> Overview:
    term_text, start, end = term_form(rng, choices.charset)
    year = rng.randint(2015, 2020)
    pop_text, population, pop_year = population_form(rng, city.population, year)
    printed, urls = website_forms(rng, city.domain, choices.websites)
    mayor = None if rng.random() < 0.04 else _person(rng, city.language, choices.charset)
    lead = None if rng.random() < 0.04 else _person(rng, city.language, choices.charset)
    return Overview(mayor, term_text, start, end, lead, pop_text, population, pop_year, printed, urls)


def _organisation(rng: random.Random, pick: _Picker) -> Organisation:
    structure = rng.choice(("dispersed", "mayors_office", "city_managers_office", "independent_department",
                            "within_department", "no_dedicated_team"))  # fmt: skip
    dedicated = structure not in ("dispersed", "no_dedicated_team")
    count = rng.choice((None, None, rng.randint(3, 25))) if dedicated else None
    skills = pick.items("staff_roles", "staff_skills", 1, 5)
    return Organisation(structure, rng.choice(DEPARTMENTS), dedicated, count, rng.randint(0, 1), skills)


def _partnerships(rng: random.Random, pick: _Picker) -> Partnerships:
    innovation = pick.items("partner_types", "innovation_partners", 1, 5) if rng.random() < 0.9 else ()
    if rng.random() < 0.15:
        return Partnerships(innovation, (), (), False)
    data = pick.items("partner_types", "data_partners", 1, 4)
    activities = rng.choice((("collect",), ("analyse",), ("collect", "analyse"), ("collect", "share"),
                             ("analyse", "share"), ("collect", "analyse", "share")))  # fmt: skip
    tail = len(data) >= 2 and pick.style("data_partners") == "inline" and rng.random() < 0.4
    return Partnerships(innovation, data, activities, tail)


def _funding(rng: random.Random, pick: _Picker) -> Funding:
    if rng.random() < 0.15:
        return Funding(False, _peer(rng), (), ())
    sources = pick.items("funding_sources", "sources", 1, 5)
    uses = pick.items("funding_uses", "directed_to", 1, 4)
    return Funding(True, _peer(rng), sources, uses)


def _data(rng: random.Random, pick: _Picker) -> DataUse:
    uses = tuple(rng.sample(DATA_USES, rng.choice((0, 1, 1, 2))))
    inventory = rng.choice(("comprehensive_some_topics", "comprehensive_all_topics", "partial", "none"))
    return DataUse(rng.choice(("significant", "somewhat_significant", "limited")), uses,
                   pick.items("data_challenges", "challenges", 1, 3), inventory, rng.random() < 0.75)  # fmt: skip


def _outcomes(rng: random.Random, pick: _Picker, count: int) -> Outcomes:
    ids = rng.sample(sorted(forms.POLICY_AREAS), count)
    cells = [pick.item("policy_areas", "cells", term_id) for term_id in ids]
    if "cells" in pick.unmapped:
        cells[rng.randrange(len(cells))] = pick.other("policy_areas", "cells")
    sentence_case = rng.random() < 0.3
    return Outcomes(tuple((_cased(cell, sentence_case), rng.random() < 0.5) for cell in cells))


def _cased(item: Item, sentence_case: bool) -> Item:
    if not sentence_case:
        return item
    text = item.text[0] + item.text[1:].lower()
    return Item(item.id, text, text)


def _peer(rng: random.Random) -> PeerPhrase | None:
    return None if rng.random() < 0.08 else PeerPhrase(*peer_phrase(rng))


def _spotlight(rng: random.Random, city: str) -> Spotlight:
    programme = rng.choice(PROGRAMMES).format(city=city)
    first, *others = SPOTLIGHT_SENTENCES
    chosen = [first, *rng.sample(others, rng.randint(2, 4))]
    sentences = [s.format(prog=programme, city=city, n=rng.randint(3, 60)) for s in chosen]
    cut = rng.randint(2, len(sentences)) if rng.random() < 0.4 else len(sentences)
    paragraphs = (" ".join(sentences[:cut]), " ".join(sentences[cut:]))
    return Spotlight(programme, tuple(p for p in paragraphs if p))

"""Types that cross stage boundaries, and nothing else.

Two families live here:

* the intermediate ``Document`` that every reader produces (``read.text``, ``read.pdf``) and
  every later stage consumes: plain frozen dataclasses, cheap to build by the thousand;
* the ``Record`` of ``shared/spec/RECORD.md`` (schema version 1): strict, frozen pydantic
  models, validated once per document.

Data flows one way: read -> Document -> sections -> fields -> Record -> export.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field
from typing_extensions import TypedDict  # pydantic needs this one before Python 3.12

BBox = tuple[float, float, float, float]
RGB = tuple[float, float, float]

SCHEMA_VERSION = "1"


# --------------------------------------------------------------------------- Document


class Line(NamedTuple):
    """One line of text as the reader saw it, markup removed (immutable: a named tuple, which
    builds ~4x faster than a frozen dataclass: readers make one per line of every document).

    ``bullet`` is true when the line was introduced by a list marker or bullet glyph (which is
    not part of ``text``). ``bold`` is true when the whole line was set in bold; ``bold_parts``
    keeps the bold runs inside it (``**x**`` in a text dump, bold spans in a PDF). ``cells``
    holds the separate cells of a grid row (tab-separated in a dump, tiles in a PDF); a line
    that is not a grid row has ``cells == (text,)``. ``cell_boxes`` and ``cell_colors`` run
    parallel to ``cells`` where the reader knows them. Boxes are in PDF points, rounded to 0.01.
    """

    text: str
    page: int | None = None
    bbox: BBox | None = None
    font: str | None = None
    size: float | None = None
    bold: bool = False
    color: RGB | None = None
    bullet: bool = False
    bold_parts: tuple[str, ...] = ()
    cells: tuple[str, ...] = ()
    cell_boxes: tuple[BBox | None, ...] = ()
    cell_colors: tuple[RGB | None, ...] = ()
    cell_fills: tuple[RGB | None, ...] = ()
    column: int = 0


@dataclass(frozen=True, slots=True)
class Swatch:
    """A filled rectangle on a page (grid tile, legend swatch, panel background)."""

    page: int
    bbox: BBox
    fill: RGB


class OcrDoubt(NamedTuple):
    """A word OCR read with low confidence: page, box (points), text and confidence (0-100)."""

    page: int
    bbox: BBox
    text: str
    confidence: float


@dataclass(frozen=True, slots=True)
class SourceInfo:
    file: str
    sha256: str
    format: Literal["pdf", "text"]
    pages: int | None
    ocr: bool = False  # some page was read by OCR


@dataclass(frozen=True, slots=True)
class Document:
    """What a reader hands to the section stage: lines in reading order, plus page furniture."""

    source: SourceInfo
    lines: tuple[Line, ...]
    swatches: tuple[Swatch, ...] = ()
    page_sizes: tuple[tuple[float, float], ...] = field(default=())
    notes: tuple[tuple[str, str, str], ...] = ()  # reader doubts as (field, code, message) warnings
    doubts: tuple[OcrDoubt, ...] = ()  # OCR words read with low confidence


# --------------------------------------------------------------------------- Record


class _Model(BaseModel):
    model_config = ConfigDict(strict=True, frozen=True, extra="forbid")


class Term(_Model):
    id: str
    label: str
    text: str
    score: float = Field(ge=0, le=100)


class Peer(_Model):
    percent: int | None
    bound: Literal["exact", "more_than", "less_than", "about"]
    text: str


class Warning(_Model):  # noqa: A001 - the spec names it so
    field: str
    code: str
    message: str


class Unmapped(_Model):
    field: str
    text: str
    best_id: str | None
    best_score: float


class Provenance(TypedDict):
    """Where a value was read. A typed dict, not a model: a record holds one per value, and
    validating ~70 dicts costs a fraction of building ~70 model instances."""

    page: int | None
    bbox: tuple[float, float, float, float] | None
    text: str


class Source(_Model):
    file: str
    sha256: str
    format: Literal["pdf", "text"]
    pages: int | None
    ocr: bool = Field(default=False, description="true when some page had no text layer and was read by OCR")


class City(_Model):
    name: str
    as_printed: str
    country: str
    country_code: str | None


class Overview(_Model):
    mayor: str | None = None
    term_start: int | None = None
    term_end: int | None = None
    innovation_lead: str | None = None
    population: int | None = None
    population_year: int | None = None
    websites: list[str] = []


class Organisation(_Model):
    structure: Term | None = None
    dedicated_staff: bool | None = None
    staff_count: int | None = None
    staff_skills: list[Term] = []


class Spotlight(_Model):
    title: str | None = None
    text: str | None = None


class Vision(_Model):
    formal_strategy: bool | None = None
    peer: Peer | None = None
    associations: list[Term] = []


class Approach(_Model):
    scope: Term | None = None
    peer: Peer | None = None
    priority_policy_areas: list[Term] = []


class Partnerships(_Model):
    innovation_partners: list[Term] = []
    data_partners: list[Term] = []
    data_activities: list[Term] = []


class Funding(_Model):
    dedicated: bool | None = None
    peer: Peer | None = None
    sources: list[Term] = []
    directed_to: list[Term] = []


class Impact(_Model):
    benefits: list[Term] = []
    success_factors: list[Term] = []


class DataUse(_Model):
    role: Term | None = None
    uses: list[str] = []
    challenges: list[Term] = []
    inventory: Term | None = None
    publishes_open_data: bool | None = None


class Outcomes(_Model):
    policy_areas: list[Term] = []
    with_sufficient_data: list[Term] | None = None
    without_sufficient_data: list[Term] | None = None


class Record(_Model):
    schema_version: str = SCHEMA_VERSION
    source: Source
    city: City
    overview: Overview = Overview()
    organisation: Organisation = Organisation()
    spotlight: Spotlight = Spotlight()
    vision: Vision = Vision()
    approach: Approach = Approach()
    partnerships: Partnerships = Partnerships()
    funding: Funding = Funding()
    impact: Impact = Impact()
    data: DataUse = DataUse()
    outcomes: Outcomes = Outcomes()
    unmapped: list[Unmapped] = []
    warnings: list[Warning] = []
    provenance: dict[str, Provenance] = {}

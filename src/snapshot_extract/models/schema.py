"""The ``Record`` of the spec (``docs/record.md``, schema version 1): a tree of strict, frozen
pydantic models, validated once per document, whose fields declare their meaning and vocabulary
group (``record_fields``); and ``Warning`` and ``Unmapped``, which every stage hands on too.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field
from pydantic.config import JsonDict
from typing_extensions import TypedDict  # pydantic needs this one before Python 3.12

SCHEMA_VERSION = "1"


# --------------------------------------------------------------------------- every stage


class _Model(BaseModel):
    model_config = ConfigDict(strict=True, frozen=True, extra="forbid")


class Warning(_Model):  # noqa: A001 - the spec names it so
    """A value in doubt or text not understood: nothing is wrong or missing silently."""

    field: str = Field(description="JSON path of the affected value (e.g. outcomes.with_sufficient_data), a "
                                   "section key, or \"document\"")
    code: str = Field(description="stable snake_case code (see the warning codes in README.md)")
    message: str = Field(description="what was seen, for a person")


class Unmapped(_Model):
    """A printed item that matched no vocabulary term above the threshold, kept verbatim."""

    field: str = Field(description="JSON path of the list or value the item belongs to")
    text: str = Field(description="the item as printed")
    best_id: str | None = Field(description="the nearest vocabulary id, if any")
    best_score: float = Field(description="the nearest id's score 0-100")


# --------------------------------------------------------------------------- Record


def _field(description: str, default: Any = None, vocabulary: str | None = None, example: Any = None,
           stated: bool | str = False, stated_with: str | None = None) -> Any:
    """A record field with its description, for Terms the vocabulary group its ids come from,
    an example value as a table shows it (a Term as its id, a list as a list), and whether every
    snapshot states it in its section (``stated``: the survey's yes/no and one-of answers; null
    or empty with the section read is a value not found), or does where the yes/no field it
    names is yes (funding's sources where it has dedicated funding), or is printed in the sentence
    that states the answer it names (``stated_with``: a peer phrase, unread where that answer was
    not read): each declared once, here;
    exports, the data dictionary, evaluation, the docs and the fixture tools read them back
    through ``record_fields``."""
    extra: JsonDict = {"vocabulary": vocabulary} if vocabulary else {}
    if example is not None:
        extra["example"] = example
    if stated:
        extra["stated"] = stated
    if stated_with:
        extra["stated_with"] = stated_with
    return Field(default, description=description, json_schema_extra=extra or None)


class Term(_Model):
    """A printed item mapped onto the controlled vocabulary."""

    id: str = Field(description="vocabulary id (stable; see docs/vocabulary.md)")
    label: str = Field(description="the vocabulary's label for the id")
    text: str = Field(description="the item exactly as the document printed it, whitespace folded")
    score: float = Field(ge=0, le=100, description="match score 0-100; 100 = exact or alias match")


class Peer(_Model):
    """A comparison with the surveyed cities: "Like 81% of cities surveyed" (81, exact),
    "Similar to more than half of cities surveyed" (50, more_than), "over one-third" (33, more_than)."""

    percent: int | None = _field("share of surveyed cities that answered the same way; null when the phrase "
                                 "gives no share or counts cities that answered differently", ..., example=81)
    bound: Literal["exact", "more_than", "less_than", "about"] = _field(
        "how the share is bounded: \"nearly\" and \"almost\" bound it as \"about\" (as \"around\" and "
        "\"some\" do), not as \"less_than\"", ..., example="exact")
    text: str = _field("the peer phrase as printed, from its first word to \"surveyed\"", ...,
                       example="Like 81% of cities surveyed")


class Provenance(TypedDict):
    """Where a value was read: page, box (PDF points, top-left origin) and the text it came from.
    A typed dict, not a model: a record holds one per value."""

    page: Annotated[int | None, Field(description="1-based page number (null for a text dump)")]
    bbox: Annotated[tuple[float, float, float, float] | None,
                    Field(description="[x0, y0, x1, y1] in PDF points, top-left origin (null for a text dump)")]
    text: Annotated[str, Field(description="the printed text the value was read from")]


class Source(_Model):
    """The input the record was read from."""

    file: str = _field("file name as given (no directories)", example="enschede.txt")
    sha256: str = _field("hex digest of the input bytes",
                         example="da6d445e73293bd22d3c4e49df1d84cbf095cd3804c3e24f1c3846560aefbc3c")
    format: Literal["pdf", "text"] = _field("pdf or text (a text dump)", example="text")
    pages: int | None = _field("page count (PDF only)", example=2)
    ocr: bool = _field("true when some page had no text layer and was read by OCR", False, example=False)


class City(_Model):
    """The city the snapshot is about."""

    name: str | None = _field("the city as the body text spells it: \"Enschede\" (the header prints "
                              "\"ENSCHEDÉ\"); without a readable header, the city the text names most, with a "
                              "warning, else null", example="Enschede")
    as_printed: str | None = _field("the city as the page header prints it: \"ENSCHEDÉ\" (null without a "
                                    "readable header)", example="ENSCHEDÉ")
    country: str | None = _field("the country as printed: \"The Netherlands\" (null without a readable header)",
                                 example="The Netherlands")
    country_code: str | None = _field("ISO 3166-1 alpha-2 code of the country: \"NL\"", example="NL")


class Overview(_Model):
    """The Overview panel."""

    mayor: str | None = _field("the mayor as printed: \"Onno van Veldhuizen\"", example="Onno van Veldhuizen",
                               stated=True)
    term_start: int | None = _field("first year of the mayor's term: 2015", example=2015, stated=True)
    term_end: int | None = _field("last year of the mayor's term: 2021 (null when open-ended)", example=2021)
    innovation_lead: str | None = _field("the innovation lead as printed: \"Gerdien Looman\"", example="Gerdien Looman")
    population: int | None = _field("population as a number: 159000 (from \"159 000\", \"159,000\", "
                                     "\"159.000\"; \"1.2 million\" is 1200000)", example=159000, stated=True)
    population_year: int | None = _field("the year the population figure is for: 2019", example=2019)
    websites: list[str] = _field("absolute URLs in printed order; a bare domain gets https://", [],
                                 example=["https://kennispark.nl/en/", "https://novelt.com/en/"])


class Organisation(_Model):
    """What is the organisational structure?"""

    structure: Term | None = _field("where innovation work sits: Enschede -> dispersed (\"sprinkled "
                                    "throughout the municipality\")", vocabulary="org_structure", example="dispersed",
                                    stated=True)
    dedicated_staff: bool | None = _field("whether staff work specifically on innovation: false for \"no "
                                          "dedicated staff\"", example=False, stated=True)
    staff_count: int | None = _field("number of staff working on innovation when printed (\"8 staff "
                                     "members\", \"consists of 12 staff\"), else null", example=8)
    staff_skills: list[Term] = _field("staff skills and profiles, printed order", [], vocabulary="staff_roles",
                                      example=["project_manager", "data_scientist"])


class Spotlight(_Model):
    """Spotlight | <title>: the panel presenting one initiative."""

    title: str | None = _field("the title after \"Spotlight |\": \"I4 Sociaal\"", example="I4 Sociaal", stated=True)
    text: str | None = _field("the spotlight paragraph(s), whitespace folded, de-hyphenated",
                              example="In the spirit of collaboration and knowledge sharing, Enschede has …")


class Vision(_Model):
    """What is the city's innovation vision?"""

    formal_strategy: bool | None = _field("whether the city has a formal innovation strategy", example=False,
                                          stated=True)
    peer: Peer | None = _field("how the strategy answer compares with the surveyed cities",
                               stated_with="vision.formal_strategy")
    associations: list[Term] = _field("what the city most closely associates innovation capacity with",
                                      [], vocabulary="innovation_terms", example=["experimentation", "data_analytics"])


class Approach(_Model):
    """What is the city's innovation approach?"""

    scope: Term | None = _field("how the city approaches innovation capacity: holistic, in specific areas, "
                                "or both", vocabulary="approach_scope", example="both", stated=True)
    peer: Peer | None = _field("how the approach answer compares with the surveyed cities",
                               stated_with="approach.scope")
    priority_policy_areas: list[Term] = _field("the top priority policy areas for the city's innovation work",
                                               [], vocabulary="policy_areas",
                                               example=["social_welfare", "digital_governance"])


class Partnerships(_Model):
    """What innovation partnerships exist?"""

    innovation_partners: list[Term] = _field("partners of partnerships \"to promote innovation capacity\"",
                                             [], vocabulary="partner_types",
                                             example=["public_agencies", "private_sector"])
    data_partners: list[Term] = _field("partners of partnerships \"to improve data use\"", [],
                                       vocabulary="partner_types", example=["academia", "other_cities"])
    data_activities: list[Term] = _field("what the data partnerships do (\"to collect and analyse data\")", [],
                                         vocabulary="data_activities", example=["collect", "analyse"])


class Funding(_Model):
    """What funding is available?"""

    dedicated: bool | None = _field("whether the city has dedicated funding for innovation capacity", example=True,
                                    stated=True)
    peer: Peer | None = _field("how the funding answer compares with the surveyed cities",
                               stated_with="funding.dedicated")
    sources: list[Term] = _field("where the innovation funding comes from", [], vocabulary="funding_sources",
                                 example=["international", "municipal_budget"], stated="funding.dedicated")
    directed_to: list[Term] = _field("what the innovation funding is directed towards", [],
                                     vocabulary="funding_uses", example=["generating_ideas", "digital_systems"],
                                     stated="funding.dedicated")


class Impact(_Model):
    """How is innovation helping the city?"""

    benefits: list[Term] = _field("how innovation is helping the city", [], vocabulary="benefits",
                                  example=["anticipate_future", "efficiency"])
    success_factors: list[Term] = _field("the most critical success factors of the city's innovation work", [],
                                         vocabulary="success_factors", example=["dedicated_funding", "culture"])


class DataUse(_Model):
    """How is data used?"""

    role: Term | None = _field("the role data plays in decision-making: Enschede -> significant",
                               vocabulary="data_role", example="significant", stated=True)
    uses: list[str] = _field("free sentences on what data is used for: \"align its budget process with its "
                             "strategic priorities\"", [],
                             example=["align its budget process with its strategic priorities"])
    challenges: list[Term] = _field("what prevents the use of data", [], vocabulary="data_challenges",
                                    example=["staff_capacity", "data_compatibility"])
    inventory: Term | None = _field("the city's data inventory: Enschede -> comprehensive_some_topics",
                                    vocabulary="data_inventory", example="comprehensive_some_topics", stated=True)
    publishes_open_data: bool | None = _field("whether the city publishes open data", example=True, stated=True)


class Outcomes(_Model):
    """How are outcomes measured? The colour-coded grid of policy areas and its legend."""

    policy_areas: list[Term] = _field("every area in the grid, printed (row-major) order", [],
                                      vocabulary="policy_areas", example=["housing", "health", "tourism"])
    with_sufficient_data: list[Term] | None = _field(
        "areas the document marks as having sufficient data; null when the input cannot carry it (a text dump "
        "loses the colours), then with a warning on this field", vocabulary="policy_areas",
        example=["housing", "health"])
    without_sufficient_data: list[Term] | None = _field("the complement of with_sufficient_data, same rule",
                                                        vocabulary="policy_areas", example=["tourism"])


class Record(_Model):
    """One City Innovation Snapshot, PDF or text dump, becomes one record (schema version 1).

    The JSON paths, types and meanings below are what every consumer (analysts, CI, other
    programs) relies on. Extra fields are welcome; these may not be renamed or change meaning
    without a schema version bump. Controlled terms are vocabulary ids (docs/vocabulary.md).

    A value the document does not state is null (or [] for a list), never a guess. A value the
    document states but the tool could not read with confidence is still given, and a warning
    names its field. No silent errors: every value that is wrong or missing relative to the
    document is covered by a warning on that field or an ``unmapped`` entry.

    Rules:
    - Printed order is kept in every list. Duplicates are removed (first kept).
    - Names keep their accents and capitalisation as printed in the body; whitespace folded.
    - Headings may vary: case, British/American spelling ("organisational"/"organizational"),
      curly or straight quotes, line-wrapped, "City's"/"city’s", numbering, missing "?". A
      section that is missing leaves its fields null/[] with a ``missing_section`` warning.
    - Vocabulary matching is case-, accent-, punctuation- and spacing-insensitive, uses the label
      and the aliases, and reports the score. Below the threshold the item goes to ``unmapped``
      and a warning names the field.
    - Page headers/footers repeated on every page ("City Innovation Snapshot ENSCHEDÉ, The
      Netherlands") and page numbers are not content.
    """

    model_config = ConfigDict(json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"})

    schema_version: str = _field("the record schema's version: \"1\"", SCHEMA_VERSION)
    source: Source = _field("the input the record was read from")
    city: City = _field("the city the snapshot is about")
    overview: Overview = _field("the Overview panel", Overview())
    organisation: Organisation = _field("the section \"What is the organisational structure?\"", Organisation())
    spotlight: Spotlight = _field("the section \"Spotlight | <title>\"", Spotlight())
    vision: Vision = _field("the section \"What is the city's innovation vision?\"", Vision())
    approach: Approach = _field("the section \"What is the city's innovation approach?\"", Approach())
    partnerships: Partnerships = _field("the section \"What innovation partnerships exist?\"", Partnerships())
    funding: Funding = _field("the section \"What funding is available?\"", Funding())
    impact: Impact = _field("the section \"How is innovation helping the city?\"", Impact())
    data: DataUse = _field("the section \"How is data used?\"", DataUse())
    outcomes: Outcomes = _field("the section \"How are outcomes measured?\"", Outcomes())
    unmapped: list[Unmapped] = _field("every printed item that matched no vocabulary term above the threshold: "
                                      "kept verbatim, never dropped", [])
    warnings: list[Warning] = _field("every value in doubt and every text not understood", [])
    provenance: dict[str, Provenance] = _field(
        "JSON path -> where it was read (page, box, text), for every non-null scalar and every Term (list items "
        "as path[i])", {})


SECTIONS = ("source", "city", "overview", "organisation", "spotlight", "vision", "approach", "partnerships",
            "funding", "impact", "data", "outcomes")  # fmt: skip


class FieldSpec(NamedTuple):
    """One field of a record section, as the model declares it."""

    path: str  # "funding.sources"
    annotation: Any
    description: str
    vocabulary: str | None  # the vocabulary group of its Terms
    example: Any = None  # as a table shows it: a Term as its id
    stated: bool | str = False  # every snapshot states it in its section, or does where this yes/no path is yes
    stated_with: str | None = None  # printed in the sentence that states this path's answer


def _stated(value: Any) -> bool | str:
    return value if isinstance(value, str) else value is True


def _path(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def model_field_specs(prefix: str, model: type[BaseModel]) -> list[FieldSpec]:
    """The fields of ``model`` as ``FieldSpec``s named ``<prefix>.<field>``."""
    specs = []
    for name, info in model.model_fields.items():
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        vocabulary = extra.get("vocabulary")
        specs.append(FieldSpec(f"{prefix}.{name}", info.annotation, info.description or "",
                               vocabulary if isinstance(vocabulary, str) else None, extra.get("example"),
                               _stated(extra.get("stated")), _path(extra.get("stated_with"))))
    return specs


@cache
def record_fields() -> tuple[FieldSpec, ...]:
    """Every field of the record's sections (``SECTIONS``), in model order: the one list that
    exports, evaluation, the docs and the fixture tools derive their field lists from."""
    specs = []
    for section in SECTIONS:
        model = Record.model_fields[section].annotation
        assert isinstance(model, type) and issubclass(model, BaseModel)
        specs.extend(model_field_specs(section, model))
    return tuple(specs)


@cache
def vocabulary_group(path: str) -> str:
    """The vocabulary group of the Terms at ``path`` ("funding.sources" -> "funding_sources")."""
    for spec in record_fields():
        if spec.path == path and spec.vocabulary:
            return spec.vocabulary
    raise KeyError(f"{path} holds no vocabulary Terms")

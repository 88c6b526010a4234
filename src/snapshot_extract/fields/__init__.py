"""Field mappers: one small module per snapshot section, each ``Section -> FieldResult``;
``map_fields`` runs them all."""

from __future__ import annotations

from collections.abc import Callable

from ..models import FieldResult, Section, Sections, Swatch
from ..vocabulary import Vocabulary
from .approach import map_approach
from .data_use import map_data
from .funding import map_funding
from .impact import map_impact
from .organisation import map_organisation
from .outcomes import map_outcomes
from .overview import map_overview
from .partnerships import map_partnerships
from .spotlight import map_spotlight
from .strays import adopt_strays
from .vision import map_vision

Mapper = Callable[[Section | None, Vocabulary], FieldResult]

MAPPERS: dict[str, Mapper] = {
    "overview": map_overview,
    "organisation": map_organisation,
    "spotlight": map_spotlight,
    "vision": map_vision,
    "approach": map_approach,
    "partnerships": map_partnerships,
    "funding": map_funding,
    "impact": map_impact,
    "data": map_data,
}



def map_fields(sections: Sections, vocabulary: Vocabulary, swatches: tuple[Swatch, ...]) -> dict[str, FieldResult]:
    """Every mapper's result, by section key; the outcomes grid also reads the page's ``swatches``;
    an item printed under another list's intro is read into the list it names (``strays``)."""
    results = {key: mapper(sections.get(key), vocabulary) for key, mapper in MAPPERS.items()}
    results["outcomes"] = map_outcomes(sections.get("outcomes"), vocabulary, swatches)
    return adopt_strays(results, vocabulary)


__all__ = ["MAPPERS", "Mapper", "map_fields"]

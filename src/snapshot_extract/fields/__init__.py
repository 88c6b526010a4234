"""Field mappers: one small module per snapshot section, each ``Section -> FieldResult``."""

from __future__ import annotations

from collections.abc import Callable

from ..sections import Section
from ..vocabulary import Vocabulary
from .approach import map_approach
from .common import Evidence, FieldResult
from .data_use import map_data
from .funding import map_funding
from .impact import map_impact
from .organisation import map_organisation
from .outcomes import map_outcomes
from .overview import map_overview
from .partnerships import map_partnerships
from .spotlight import map_spotlight
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

__all__ = ["MAPPERS", "Evidence", "FieldResult", "map_outcomes"]

"""The expected record of one document, derived from its ``Content`` (the data that printed it),
following the truth-file conventions of ``fixtures/README.md``."""

from __future__ import annotations

from typing import Any

from .content import Content, Item, PeerPhrase

Json = dict[str, Any]
SECTION_FIELDS = {
    "spotlight": "spotlight", "partnerships": "partnerships", "impact": "impact", "data": "data",
    "outcomes": "outcomes",
}  # fmt: skip


class _Collector:
    """Collects unmapped items (document order) and warnings while the truth is built."""

    def __init__(self) -> None:
        self.unmapped: list[Json] = []
        self.warnings: list[Json] = []

    def terms(self, path: str, items: tuple[Item, ...]) -> list[Json]:
        out: list[Json] = []
        seen: set[str] = set()
        for item in items:
            if item.id is None:
                self.unmapped.append({"field": path, "text": item.truth})
                self.warn(path, "unmapped_term")
            elif item.id not in seen:
                seen.add(item.id)
                out.append({"id": item.id, "text": item.truth})
        return out

    def warn(self, path: str, code: str) -> None:
        warning = {"field": path, "code": code}
        if warning not in self.warnings:
            self.warnings.append(warning)


def _peer(peer: PeerPhrase | None) -> Json | None:
    return None if peer is None else {"percent": peer.percent, "bound": peer.bound, "text": peer.text}


def build_truth(
    content: Content,
    *,
    file: str,
    sha256: str,
    pages: int,
    city_as_printed: str,
    country_as_printed: str,
    spotlight_title: str | None,
) -> Json:
    """The truth file's object (``X.expected.json``) for a rendered PDF."""
    c = _Collector()
    overview = content.overview
    truth: Json = {
        "schema_version": "1",
        "source": {"file": file, "sha256": sha256, "format": "pdf", "pages": pages},
        "city": {"name": content.city.name, "as_printed": city_as_printed, "country": country_as_printed,
                 "country_code": content.city.code},
        "overview": {"mayor": overview.mayor, "term_start": overview.term_start, "term_end": overview.term_end,
                     "innovation_lead": overview.lead, "population": overview.population,
                     "population_year": overview.population_year, "websites": list(overview.urls)},
        "organisation": _organisation(content, c),
        "spotlight": _spotlight(content, spotlight_title, c),
        "vision": {"formal_strategy": content.vision.formal, "peer": _peer(content.vision.peer),
                   "associations": c.terms("vision.associations", content.vision.associations)},
        "approach": {"scope": {"id": content.approach.scope}, "peer": _peer(content.approach.peer),
                     "priority_policy_areas": c.terms("approach.priority_policy_areas", content.approach.priorities)},
        "partnerships": _partnerships(content, c),
        "funding": {"dedicated": content.funding.dedicated, "peer": _peer(content.funding.peer),
                    "sources": c.terms("funding.sources", content.funding.sources),
                    "directed_to": c.terms("funding.directed_to", content.funding.uses)},
        "impact": _impact(content, c),
        "data": _data(content, c),
        "outcomes": _outcomes(content, c),
    }  # fmt: skip
    truth["unmapped"] = c.unmapped
    truth["warnings"] = sorted(c.warnings, key=lambda w: (w["field"], w["code"]))
    return truth


def _organisation(content: Content, c: _Collector) -> Json:
    org = content.organisation
    return {"structure": {"id": org.structure}, "dedicated_staff": org.dedicated_staff,
            "staff_count": org.staff_count, "staff_skills": c.terms("organisation.staff_skills", org.skills)}  # fmt: skip


def _spotlight(content: Content, title: str | None, c: _Collector) -> Json:
    if content.spotlight is None or title is None:
        c.warn("spotlight", "missing_section")
        return {"title": None, "text": None}
    return {"title": title, "text": " ".join(content.spotlight.paragraphs)}


def _partnerships(content: Content, c: _Collector) -> Json:
    part = content.partnerships
    if part is None:
        c.warn("partnerships", "missing_section")
        return {"innovation_partners": [], "data_partners": [], "data_activities": []}
    return {"innovation_partners": c.terms("partnerships.innovation_partners", part.innovation),
            "data_partners": c.terms("partnerships.data_partners", part.data),
            "data_activities": [{"id": a} for a in part.activities]}  # fmt: skip


def _impact(content: Content, c: _Collector) -> Json:
    if content.impact is None:
        c.warn("impact", "missing_section")
        return {"benefits": [], "success_factors": []}
    return {"benefits": c.terms("impact.benefits", content.impact.benefits),
            "success_factors": c.terms("impact.success_factors", content.impact.factors)}  # fmt: skip


def _data(content: Content, c: _Collector) -> Json:
    data = content.data
    if data is None:
        c.warn("data", "missing_section")
        return {"role": None, "uses": [], "challenges": [], "inventory": None, "publishes_open_data": None}
    return {"role": {"id": data.role}, "uses": list(dict.fromkeys(data.uses)),
            "challenges": c.terms("data.challenges", data.challenges), "inventory": {"id": data.inventory},
            "publishes_open_data": data.publishes}  # fmt: skip


def _outcomes(content: Content, c: _Collector) -> Json:
    if content.outcomes is None:
        c.warn("outcomes", "missing_section")
        return {"policy_areas": [], "with_sufficient_data": None, "without_sufficient_data": None}
    cells = content.outcomes.cells
    areas = c.terms("outcomes.policy_areas", tuple(item for item, _ in cells))
    mapped = [(item, flag) for item, flag in cells if item.id is not None]
    with_data = [{"id": item.id, "text": item.truth} for item, flag in mapped if flag]
    without = [{"id": item.id, "text": item.truth} for item, flag in mapped if not flag]
    return {"policy_areas": areas, "with_sufficient_data": with_data, "without_sufficient_data": without}

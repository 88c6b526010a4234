"""Every fixture parses to what its expected file states; the seed also to its hand-checked values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from snapshot_extract import extract
from snapshot_extract.checks.golden import compare, find_fixtures

from .conftest import FIXTURES

PAIRS = sorted(pair for folder in ("text", "pdf") for pair in find_fixtures(FIXTURES / folder))


@pytest.mark.parametrize(("source", "expected"), PAIRS, ids=[f"{p.parent.name}/{p.name}" for p, _ in PAIRS])
def test_fixture(source: Path, expected: Path) -> None:
    record = extract(source).model_dump(mode="json")
    differences = compare(json.loads(expected.read_text(encoding="utf-8")), record)
    assert not differences, "\n".join(f"{d.path}: expected {d.expected!r}, got {d.got!r}" for d in differences)


def test_there_are_enough_fixtures() -> None:
    assert len([p for p, _ in PAIRS if p.parent.name == "text"]) >= 12


def _ids(terms: list[dict[str, object]]) -> list[object]:
    return [term["id"] for term in terms]


def test_seed_matches_record_md() -> None:
    """The hand-checked Enschede values of the spec, typed in here independently of the golden."""
    record = extract(FIXTURES / "text" / "enschede.txt").model_dump(mode="json")
    assert record["city"] == {"name": "Enschede", "as_printed": "ENSCHEDÉ", "country": "The Netherlands", "country_code": "NL"}
    assert record["overview"] == {
        "mayor": "Onno van Veldhuizen", "term_start": 2015, "term_end": 2021, "innovation_lead": "Gerdien Looman",
        "population": 159000, "population_year": 2019, "websites": ["https://kennispark.nl/en/", "https://novelt.com/en/"],
    }  # fmt: skip
    organisation = record["organisation"]
    assert organisation["structure"]["id"] == "dispersed"
    assert organisation["dedicated_staff"] is False and organisation["staff_count"] is None
    assert _ids(organisation["staff_skills"]) == ["project_manager", "data_scientist", "communication_officer"]
    assert record["spotlight"]["title"] == "I4 Sociaal"
    assert record["spotlight"]["text"].startswith("In the spirit of collaboration")
    assert record["spotlight"]["text"].endswith("quick and efficient manner.")
    assert record["vision"]["formal_strategy"] is False
    assert (record["vision"]["peer"]["percent"], record["vision"]["peer"]["bound"]) == (50, "exact")
    assert _ids(record["vision"]["associations"]) == ["experimentation", "data_analytics"]
    assert record["approach"]["scope"]["id"] == "both"
    assert (record["approach"]["peer"]["percent"], record["approach"]["peer"]["bound"]) == (50, "more_than")
    assert _ids(record["approach"]["priority_policy_areas"]) == ["social_welfare", "digital_governance"]
    partnerships = record["partnerships"]
    assert _ids(partnerships["innovation_partners"]) == ["public_agencies", "private_sector", "non_profits", "residents"]
    assert _ids(partnerships["data_partners"]) == ["private_sector", "academia", "think_tanks", "other_cities"]
    assert _ids(partnerships["data_activities"]) == ["collect", "analyse"]
    funding = record["funding"]
    assert funding["dedicated"] is True and (funding["peer"]["percent"], funding["peer"]["bound"]) == (81, "exact")
    assert _ids(funding["sources"]) == ["international", "higher_government", "municipal_budget", "external_non_public", "innovative_financing"]
    assert _ids(funding["directed_to"]) == ["generating_ideas", "digital_systems", "physical_infrastructure", "third_party_services"]
    assert _ids(record["impact"]["benefits"]) == ["anticipate_future", "efficiency", "service_delivery"]
    assert _ids(record["impact"]["success_factors"]) == ["dedicated_funding", "measurement", "culture", "mayor_leadership"]
    data = record["data"]
    assert data["role"]["id"] == "significant"
    assert data["uses"] == ["align its budget process with its strategic priorities"]
    assert _ids(data["challenges"]) == ["technical_infrastructure", "staff_capacity", "data_compatibility"]
    assert data["inventory"]["id"] == "comprehensive_some_topics" and data["publishes_open_data"] is True
    assert _ids(record["outcomes"]["policy_areas"]) == [
        "transport_mobility", "economic_development", "housing", "policing", "health", "government_finance",
        "waste_sewage", "labour_market", "environment_climate", "education", "culture", "social_inclusion_equity",
        "public_works", "tourism", "digital_governance",
    ]  # fmt: skip
    assert record["outcomes"]["with_sufficient_data"] is None and record["outcomes"]["without_sufficient_data"] is None
    assert record["unmapped"] == []
    assert [(w["field"], w["code"]) for w in record["warnings"]] == [
        ("outcomes.with_sufficient_data", "no_grid_colours"), ("outcomes.without_sufficient_data", "no_grid_colours"),
    ]  # fmt: skip


def test_every_value_has_provenance() -> None:
    record = extract(FIXTURES / "text" / "enschede.txt")
    data = record.model_dump(mode="json")
    for section in ("overview", "organisation", "spotlight", "vision", "approach", "partnerships", "funding", "impact", "data", "outcomes"):
        for key, value in data[section].items():
            path = f"{section}.{key}"
            if isinstance(value, list):
                for index in range(len(value)):
                    assert f"{path}[{index}]" in record.provenance, path
            elif value is not None:
                assert path in record.provenance, path


def test_output_is_deterministic() -> None:
    from snapshot_extract.export import record_json

    path = FIXTURES / "text" / "enschede.txt"
    assert record_json(extract(path)) == record_json(extract(path))

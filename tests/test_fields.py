"""Field mappers on the phrasings the snapshots use (and the ones they might)."""

from __future__ import annotations

from typing import Any

import pytest

from snapshot_extract.fields.overview import parse_population
from snapshot_extract.fields.peer import parse_peer
from snapshot_extract.pipeline import parse_document
from snapshot_extract.read.text import read_text
from snapshot_extract.vocabulary import Vocabulary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("159 000 (2019)", (159000, 2019)),
        ("159,000 (2019)", (159000, 2019)),
        ("159.000", (159000, None)),
        ("1,234,567 (2020)", (1234567, 2020)),
        ("4.49 million (2018)", (4490000, 2018)),
        ("1.2 million", (1200000, None)),
        ("812.000 (2017)", (812000, 2017)),
        ("approx. 95 000 inhabitants in 2016", (95000, 2016)),
        ("unknown", (None, None)),
    ],
)
def test_population(text: str, expected: tuple[int | None, int | None]) -> None:
    assert parse_population(text) == expected


@pytest.mark.parametrize(
    ("sentence", "percent", "bound", "text"),
    [
        ("Like 81% of cities surveyed, X has", 81, "exact", "Like 81% of cities surveyed"),
        ("Similar to more than half of cities surveyed, X", 50, "more_than", "Similar to more than half of cities surveyed"),
        ("Along with 44% of cities surveyed, X", 44, "exact", "Along with 44% of cities surveyed"),
        ("Like over one-third of cities surveyed, X", 33, "more_than", "Like over one-third of cities surveyed"),
        ("Like nearly two-thirds of the cities surveyed", 67, "about", "Like nearly two-thirds of the cities surveyed"),
        ("Like less than a quarter of cities surveyed", 25, "less_than", "Like less than a quarter of cities surveyed"),
    ],
)
def test_peer(sentence: str, percent: int, bound: str, text: str) -> None:
    assert parse_peer(sentence) == {"percent": percent, "bound": bound, "text": text}


def test_no_peer() -> None:
    assert parse_peer("Enschede has no formal innovation strategy.") is None


def _record(body: str, vocabulary: Vocabulary) -> dict[str, Any]:
    text = "City Innovation Snapshot BILBAO, Spain\n\n" + body
    return parse_document(read_text(text.encode(), "t.txt"), vocabulary).model_dump(mode="json")


def _ids(terms: list[dict[str, Any]]) -> list[str]:
    return [term["id"] for term in terms]


def test_inline_lists_and_negatives(vocabulary: Vocabulary) -> None:
    record = _record(
        "What is the organisational structure?\n\nSituated in the Mayor’s office, Bilbao’s dedicated team for "
        "innovation consists of 5 staff.\n\n"
        "What is the city's innovation vision?\n\nAlong with 44% of cities surveyed, Bilbao has an explicit "
        "innovation strategy.\n\n"
        "What innovation partnerships exist?\n\nBilbao has developed partnerships to promote innovation capacity "
        "with universities, philanthropy and other cities, as well as with private firms.\n\n"
        "What funding is available?\n\nUnlike many cities, Bilbao does not have dedicated funding for innovation.\n\n"
        "How is data used?\n\nBilbao does not publish open data and does not maintain a data inventory.\n",
        vocabulary,
    )
    assert record["organisation"]["structure"]["id"] == "mayors_office"
    assert record["organisation"]["dedicated_staff"] is True
    assert record["organisation"]["staff_count"] == 5
    assert record["vision"]["formal_strategy"] is True
    assert record["vision"]["peer"] == {"percent": 44, "bound": "exact", "text": "Along with 44% of cities surveyed"}
    assert _ids(record["partnerships"]["innovation_partners"]) == ["academia", "philanthropy", "other_cities", "private_sector"]
    assert record["funding"]["dedicated"] is False and record["funding"]["sources"] == []
    assert record["data"]["publishes_open_data"] is False
    assert record["data"]["inventory"]["id"] == "none"
    missing = {w["field"] for w in record["warnings"] if w["code"] == "missing_section"}
    assert missing == {"overview", "spotlight", "approach", "impact", "outcomes"}


def test_unknown_items_go_to_unmapped_with_a_warning(vocabulary: Vocabulary) -> None:
    record = _record(
        "How is innovation helping the city?\n\n- Improving service delivery\n- Security\n- Resource efficiency\n",
        vocabulary,
    )
    assert _ids(record["impact"]["benefits"]) == ["service_delivery"]
    assert [(u["field"], u["text"]) for u in record["unmapped"]] == [
        ("impact.benefits", "Security"), ("impact.benefits", "Resource efficiency"),
    ]  # fmt: skip
    flagged = [w for w in record["warnings"] if w["code"] == "unmapped_term"]
    assert [w["field"] for w in flagged] == ["impact.benefits", "impact.benefits"]


def test_sentence_not_understood_is_warned(vocabulary: Vocabulary) -> None:
    record = _record("What funding is available?\n\nThe budget is decided every spring by the council.\n", vocabulary)
    warnings = [(w["field"], w["code"]) for w in record["warnings"]]
    assert ("funding", "unparsed_text") in warnings


def test_duplicates_removed_first_kept(vocabulary: Vocabulary) -> None:
    record = _record(
        "How is innovation helping the city?\n\n- Improving service delivery\n- Improve service delivery\n",
        vocabulary,
    )
    assert [t["text"] for t in record["impact"]["benefits"]] == ["Improving service delivery"]


def test_unread_sentence_inside_a_read_paragraph_is_warned(vocabulary: Vocabulary) -> None:
    record = _record(
        "How is data used?\n\nData plays a significant role in decision-making. The city publishes nothing "
        "about its data openly, sadly.\n",
        vocabulary,
    )
    assert record["data"]["role"]["id"] == "significant"
    unparsed = [w["message"] for w in record["warnings"] if (w["field"], w["code"]) == ("data", "unparsed_text")]
    assert unparsed == ['text not understood: "The city publishes nothing about its data openly, sadly."']

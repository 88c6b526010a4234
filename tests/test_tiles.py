"""Tile labels a line-by-height dump printed around the labels beside them, put back together."""

from __future__ import annotations

from snapshot_extract import load_vocabulary
from snapshot_extract.fields.lists import Unit, split_items
from snapshot_extract.models import Evidence


def _items(lines: list[str]) -> list[str]:
    units = [Unit(line, Evidence(line, None, None)) for line in lines]
    return [text for text, _ in split_items(units, "policy_areas", load_vocabulary())]


def test_wrapped_labels_around_one_line_labels_are_put_together() -> None:
    """pdfplumber's extract_text() of the outcomes grid (tallinn): each wrapped label's lines are
    apart, the row's one-line labels and other labels' middle lines between them."""
    lines = ["Transport / Economic", "Housing", "Mobility Development", "Policing and", "Government",
             "Law Health", "Finance", "Enforcement", "Environment", "Waste and Labour Market", "and Climate",
             "Sewage and Skills", "Change", "Social Inclusion,", "Education Culture", "Equity", "Digital",
             "Public Works Tourism", "Governance"]
    assert sorted(_items(lines)) == sorted([
        "Transport / Mobility", "Economic Development", "Housing", "Policing and Law Enforcement",
        "Government Finance", "Health", "Environment and Climate Change", "Waste and Sewage",
        "Labour Market and Skills", "Social Inclusion, Equity", "Education", "Culture", "Digital Governance",
        "Public Works", "Tourism"])


def test_the_placement_with_the_fewest_runs_wins() -> None:
    """"Social" of "Social Inclusion, Equity" is no start of "Social Welfare / Social Services",
    printed whole but for its last word two lines on."""
    lines = ["Education Culture Social Inclusion, Equity", "Public Works Tourism Digital Governance",
             "Social Welfare / Social", "Services"]
    assert "Social Welfare / Social Services" in _items(lines)
    assert "Social Inclusion, Equity" in _items(lines)


def test_a_clean_list_is_read_as_printed() -> None:
    lines = ["Environment and", "Climate Change", "Housing"]
    assert _items(lines) == ["Environment and Climate Change", "Housing"]

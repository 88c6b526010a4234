"""Word spaces a dump lost (``read.spaces``): found, put back, flagged on the free texts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from snapshot_extract.models.schema import record_fields
from snapshot_extract.pipeline import parse_document
from snapshot_extract.read.spaces import lost_spaces, spaced
from snapshot_extract.read.text import read_text
from snapshot_extract.vocabulary import load_vocabulary

FIXTURES = Path(__file__).parent.parent / "fixtures"
# the plain-text fixtures (no markdown, no tab-separated tiles, whose cells a glued dump would run together)
PLAIN = ["bilbao", "boston", "cluj-napoca", "krakow", "lisboa", "medellin", "seoul", "wien"]
COMPARED = ("overview", "organisation", "vision", "approach", "partnerships", "funding", "data")


def _glued(text: str) -> str:
    """``text`` as pdfplumber prints a PDF whose word spaces are moves: every space between two
    words dropped."""
    return "\n".join(re.sub(r"(?<=\S) (?=\S)", "", line) for line in text.split("\n"))


def _value(value: Any) -> Any:
    """A value as compared: Terms by id, a peer by its share and bound."""
    if isinstance(value, list):
        return sorted(str(_value(item)) for item in value)
    if isinstance(value, dict):
        return value.get("id", (value.get("percent"), value.get("bound")))
    return value


@pytest.mark.parametrize("name", PLAIN)
def test_a_dump_that_lost_its_spaces_reads_as_the_spaced_one(name: str) -> None:
    text = (FIXTURES / "text" / f"{name}.txt").read_text("utf-8")
    vocabulary = load_vocabulary()
    spaced_record = parse_document(read_text(text.encode(), f"{name}.txt"), vocabulary).record.model_dump()
    glued_record = parse_document(read_text(_glued(text).encode(), f"{name}.txt"), vocabulary).record
    glued = glued_record.model_dump()
    for spec in record_fields():
        section, field = spec.path.split(".")
        if section in COMPARED:
            assert _value(glued[section][field]) == _value(spaced_record[section][field]), spec.path
    codes = {(warning.field, warning.code) for warning in glued_record.warnings}
    assert ("document", "lost_spaces") in codes
    assert ("spotlight.text", "respaced_text") in codes  # its spaces are the word list's guess
    assert ("overview.websites", "respaced_text") not in codes  # addresses are left as printed


def test_glued_phrases_are_parted_and_names_left_whole() -> None:
    lines = [
        "Similarto35%ofcitiessurveyed,Gießenhasnoformalinnovationstrategy.",
        "Mayor:AyşeÇelik",
        "InnovationLead:CatalinaRestrepoGaviria",
        "Term:2012to2016",
        "Spotlight|RutaNLivingLab",
        "CityInnovationSnapshotGIESSEN,Germany",
        "Gießen'sinnovationworkiscarriedoutbyastandalonedepartment.",
        "Gießen appears apart in the text, as Gießen does in a header",
    ]
    assert lost_spaces(lines)
    assert spaced(lines) == [
        "Similar to 35% of cities surveyed, Gießen has no formal innovation strategy.",
        "Mayor: Ayşe Çelik",
        "Innovation Lead: Catalina Restrepo Gaviria",
        "Term: 2012 to 2016",
        "Spotlight|Ruta N Living Lab",
        "City Innovation Snapshot GIESSEN, Germany",
        "Gießen's innovation work is carried out by a standalone department.",
        "Gießen appears apart in the text, as Gießen does in a header",
    ]


@pytest.mark.parametrize("name", ["Carvalho", "Friederike", "Canada", "Washington", "Favoriten", "Aitor",
                                  "Brandstätter", "McAllister", "O’Sullivan-Reyes"])
def test_a_name_is_no_run_of_words(name: str) -> None:
    """A capitalised run is parted only into common words ("Favoriten" is not "Favor it en",
    "Aitor" not "A it or"); a known word stays whole ("Washington", not "Washing ton")."""
    assert spaced([name]) == [name]


def test_a_word_cut_at_a_line_end_is_parted_as_one_word() -> None:
    # "anindepend-" alone would part as "an in depend-": the line after ends the word
    assert spaced(["Zürich'sinnovationworkiscarriedoutbyanindepend-", "entdepartment,withdedicatedstaff"]) == [
        "Zürich's innovation work is carried out by an independ-",
        "ent department, with dedicated staff",
    ]


def test_web_addresses_are_left_as_printed() -> None:
    line = "opendata.seoul.go.kr|https://www.seoul.go.kr/innovationportal"
    assert spaced([line]) == [line]


def test_the_vocabulary_parts_a_capitalised_run_and_a_foreign_phrase_stays_run_together() -> None:
    """"Analyst" is rarer than a name's parts must be, but a word of the vocabulary; the hard
    case: a phrase of words the English list lacks stays as printed ("Cidadeaberta"), and the
    record flags the text it is in (``respaced_text``, above)."""
    assert spaced(["Dataanalyst"]) == ["Data analyst"]
    assert spaced(["Cidadeaberta"]) == ["Cidadeaberta"]


@pytest.mark.parametrize("path", sorted((FIXTURES / "text").glob("*.*[dt]")) + sorted((FIXTURES / "dumps").glob("*.txt")),
                         ids=lambda path: path.name)
def test_a_dump_with_its_spaces_is_not_respaced(path: Path) -> None:
    lines = read_text(path.read_bytes(), path.name)
    assert not any(note.code == "lost_spaces" for note in lines.notes)

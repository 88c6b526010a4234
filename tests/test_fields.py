"""Field mappers on the phrasings the snapshots use (and the ones they might)."""

from __future__ import annotations

from typing import Any

import pytest

from snapshot_extract.fields.addresses import urls
from snapshot_extract.fields.legend import named_keys
from snapshot_extract.fields.overview_values import parse_population
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
        ("X is one of the 44% of cities surveyed that have", 44, "exact", "one of the 44% of cities surveyed"),
        ("X is among the 27% of cities surveyed that fund", 27, "exact", "among the 27% of cities surveyed"),
    ],
)
def test_peer(sentence: str, percent: int, bound: str, text: str) -> None:
    assert parse_peer(sentence) == {"percent": percent, "bound": bound, "text": text}


def test_no_peer() -> None:
    assert parse_peer("Enschede has no formal innovation strategy.") is None


def _record(body: str, vocabulary: Vocabulary) -> dict[str, Any]:
    text = "City Innovation Snapshot BILBAO, Spain\n\n" + body
    return parse_document(read_text(text.encode(), "t.txt"), vocabulary).record.model_dump(mode="json")


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


def _value(record: dict[str, Any], path: str) -> Any:
    section, key = path.split(".")
    value = record[section][key]
    if isinstance(value, dict) and "id" in value:
        return value["id"]
    if isinstance(value, list):
        return [item["id"] if isinstance(item, dict) else item for item in value]
    return value


# Hard cases a red-team pass found silently wrong: (name, document body, path, expected, warning code on path)
HARD_CASES = [
    ("contraction negates", "What is the city's innovation vision?\n\nMilano doesn't have a formal innovation strategy.\n",
     "vision.formal_strategy", False, None),
    ("adverb inside negation", "What funding is available?\n\nX does not currently have dedicated funding.\n",
     "funding.dedicated", False, None),
    ("dedicated budget", "What funding is available?\n\nX has a dedicated innovation budget.\n", "funding.dedicated", True, None),
    ("yet to publish", "How is data used?\n\nX has yet to publish open data.\n", "data.publishes_open_data", False, None),
    ("plans are not facts", "How is data used?\n\nX plans to publish open data next year.\n",
     "data.publishes_open_data", None, "uncertain_value"),
    ("openly available", "How is data used?\n\nX makes its data openly available.\n", "data.publishes_open_data", True, None),
    ("unqualified inventory", "How is data used?\n\nX maintains a data inventory.\n", "data.inventory", None, "unmapped_term"),
    ("negated partnerships", "What innovation partnerships exist?\n\nX has not developed data partnerships with the "
     "private sector or academia.\n", "partnerships.data_partners", [], None),
    ("contrast peer", "What is the city's innovation vision?\n\nUnlike 61% of cities surveyed, X has a formal innovation "
     "strategy.\n", "vision.formal_strategy", True, None),
    ("fractional staff", "What is the organisational structure?\n\nX's innovation work is sprinkled throughout the "
     "municipality, with 1.5 FTE staff.\n", "organisation.staff_count", None, "unreadable_value"),
    ("skills intro naming the staff last", "What is the organisational structure?\n\nSkills and profiles of staff "
     "include:\n\n- Economists\n- Urban planners\n", "organisation.staff_skills", ["economist", "urban_planner"], None),
    ("foundations in an inline list", "What innovation partnerships exist?\n\nX has developed partnerships to "
     "promote innovation capacity with other cities, universities and philanthropic foundations.\n",
     "partnerships.innovation_partners", ["other_cities", "academia", "philanthropy"], None),
    ("no team, said with 'without'", "What is the organisational structure?\n\nX's innovation work is carried out "
     "without a dedicated team, with no dedicated staff working specifically on building innovation capacity.\n",
     "organisation.structure", "no_dedicated_team", None),
    ("public agencies without 'other'", "What innovation partnerships exist?\n\nX has developed partnerships to "
     "promote innovation capacity with public agencies and universities.\n", "partnerships.innovation_partners",
     ["public_agencies", "academia"], None),
    ("address path set apart by a space", "Overview\n\nInnovation / open data website: https://www.x.co/ "
     "innovation https://data.x.gov/\n", "overview.websites", ["https://www.x.co/", "https://data.x.gov/"],
     "unreadable_value"),  # "innovation" is flagged, not dropped silently (blind round 19's wiki paste)
    ("team of", "What is the organisational structure?\n\nX has a dedicated team in the Mayor's office: a team of 14.\n",
     "organisation.staff_count", 14, None),
    ("negated scope", "What is the city's innovation approach?\n\nX approaches innovation capacity not from a holistic / "
     "macro level but in specific areas.\n", "approach.scope", None, "unmapped_term"),
    ("two overview cells on a line", "Overview\n\nMayor: Giovanni Sartori      Term: 2016–2021\n", "overview.mayor",
     "Giovanni Sartori", None),
    ("placeholder lead", "Overview\n\nMayor: A B\nInnovation Lead: TBD\n", "overview.innovation_lead", None, None),
    ("two-digit term end", "Overview\n\nTerm: 2019–23\n", "overview.term_end", 2023, None),
    ("url broken at its hyphen", "Overview\n\nInnovation / open data website: https://www.krakow.pl/otwarte-\ndane\n",
     "overview.websites", ["https://www.krakow.pl/otwarte-dane"], None),
    ("e.g. inside a use", "How is data used?\n\nX uses data to monitor air quality, e.g. in schools, and to plan transport.\n",
     "data.uses", ["monitor air quality, e.g. in schools", "plan transport"], None),
    ("a second use with its own verb", "How is data used?\n\nThe city has started using data to monitor air quality "
     "near schools and using data to measure energy use in municipal buildings.\n", "data.uses",
     ["monitor air quality near schools", "measure energy use in municipal buildings"], None),
    ("spotlight title on its own line", "Spotlight\nOpen Lab\n\nThe lab opened in 2019.\n", "spotlight.title", "Open Lab", None),
    ("benefit after factors", "How is innovation helping the city?\n\nThe most critical success factors are:\n\n"
     "- Dedicated funding\n- Improving service delivery\n", "impact.benefits", ["service_delivery"], "uncertain_list"),
    ("statement sharing a block with a list intro", "What is the city's innovation vision?\n\nLike about 40% of cities "
     "surveyed, Kaunas has a formal innovation strategy.\nThe city most closely associates innovation capacity with:\n\n"
     "- Data analytics\n", "vision.formal_strategy", True, None),
    ("scope sharing a block with a list intro", "What is the city's innovation approach?\n\nLike 56% of cities surveyed, "
     "Kaunas approaches innovation capacity in specific policy areas / domains.\nThe top two priority policy areas are:\n\n"
     "Housing\n", "approach.scope", "specific_areas", None),
    ("partner named after a purpose", "What innovation partnerships exist?\n\nX has developed data partnerships "
     "with the private sector to collect data and with academia to analyse it.\n", "partnerships.data_partners",
     ["private_sector", "academia"], None),
    ("overview label wrapped into the line before", "Overview\n\nPopulation size: 120,000\n(2019)\nInnovation / "
     "open data\nwebsite: https://tv.no/\n", "overview.websites", ["https://tv.no/"], None),
    ("list intro whose items never come", "How is innovation helping the city?\n\nThe most critical success "
     "factors are:\n\nHow is data used?\n\nData plays a limited role.\n", "impact.success_factors", [],
     "unreadable_value"),
    ("outcomes heading without a readable grid", "How are outcomes measured?\n\nPolicy areas with sufficient data or "
     "without sufficient data to support innovation capacity in the city.\n", "outcomes.policy_areas", [],
     "unreadable_value"),
    ("hyphenated number word", "What is the organisational structure?\n\nX's innovation work is housed in an "
     "independent body, employing twenty-five staff members dedicated to innovation.\n", "organisation.staff_count",
     25, None),
    ("half a dozen", "What is the organisational structure?\n\nX has a dedicated team of half a dozen staff.\n",
     "organisation.staff_count", 6, None),
    # a PDF that printed no space between two words (blind rounds 4 and 5: the count lost, silently)
    ("staffmembers run together", "What is the organisational structure?\n\nX's innovation work is spread across "
     "several departments, with 17 dedicated staffmembers working on it.\n", "organisation.staff_count", 17, None),
    ("none of its staff work on it", "What is the organisational structure?\n\nX's innovation work is housed in an "
     "independent body, but none of its staff work full-time on innovation.\n", "organisation.dedicated_staff", False,
     None),
    # blind rounds 1 and 5 (two designers): the later clause qualifies the earlier one
    ("a dedicated team with no dedicated staff", "What is the organisational structure?\n\nX's innovation work is led "
     "by a dedicated team within a department, with no dedicated staff working on innovation.\n",
     "organisation.dedicated_staff", False, None),
    ("no dedicated team, yet dedicated staff", "What is the organisational structure?\n\nX has no dedicated team "
     "for innovation, but 3 staff members are dedicated to it.\n", "organisation.dedicated_staff", True, None),
    ("not supported by a dedicated team", "What is the organisational structure?\n\nX's innovation work is not "
     "supported by a dedicated team for innovation.\n", "organisation.structure", "no_dedicated_team", None),
    # blind round 9: a column break cut the sentence before its purpose ("…, to share data." read elsewhere)
    ("data partnerships cut before their purpose", "What innovation partnerships exist?\n\nTo improve data use, X "
     "has developed data partnerships with think tanks, academia and\n", "partnerships.data_activities", [],
     "list_cut"),
    # blind round 9: "sits in" where the sweeps print "is"
    ("sits in an independent department", "What is the organisational structure?\n\nX's innovation work sits in an "
     "independent department, with 12 staff members working on it.\n", "organisation.structure",
     "independent_department", None),
    # blind round 14: "Innovation in X is driven by …", the team's head count run on after its place
    ("driven by a team of six staff", "What is the organisational structure?\n\nInnovation in X is driven by a "
     "dedicated team in the City Manager's office of six staff members working specifically on building innovation "
     "capacity.\n", "organisation.structure", "city_managers_office", None),
    ("a strategy that ended", "What is the city's innovation vision?\n\nLike 50% of cities surveyed, X had a formal "
     "innovation strategy until 2019.\n", "vision.formal_strategy", None, "uncertain_value"),
    ("stopped publishing", "How is data used?\n\nX stopped publishing open data in 2019.\n",
     "data.publishes_open_data", False, None),
    # blind round 15: a typewriter form's dot leaders between label and value; a dash for none
    ("dot leaders", "Overview\n\nMayor ............. Mette Søndergaard\n", "overview.mayor", "Mette Søndergaard",
     None),
    ("dot leaders before a dash", "Overview\n\nInnovation Lead ........ -\n", "overview.innovation_lead", None, None),
    ("term with a figure dash", "Overview\n\nTerm: 2014\u20122018\n", "overview.term_end", 2018, None),
    ("term with a split year", "Overview\n\nTerm: 2018/19 – 2024\n", "overview.term_end", None, "unreadable_value"),
    # a value read from the wrong cell leaves both parts unknown (blind round 6: 6 silent)
    ("term without a year", "Overview\n\nTerm: Eglė Kazlauskas\n", "overview.term_end", None, "unreadable_value"),
    # Ghostscript's txtwrite printed the dash as a digit (blind round 13: 2023 read as the start, silent)
    ("term run into one number", "Overview\n\nTerm: 201732023\n", "overview.term_start", None, "unreadable_value"),
    ("population not a number", "Overview\n\nPopulation size: Eglė Žemaitytė\n", "overview.population_year", None,
     "unreadable_value"),
    # OCR read a greyscale scan's "1 900 000" as "119000000" (blind round 22: silent): kept, flagged
    ("population more than a city holds", "Overview\n\nPopulation size: 119000000 (2020)\n", "overview.population",
     119000000, "unreadable_value"),
    ("population of the largest city", "Overview\n\nPopulation size: 37,400,000 (2020)\n", "overview.population",
     37400000, None),
    ("singular success factor", "How is innovation helping the city?\n\nThe most critical success factor is dedicated "
     "funding.\n", "impact.success_factors", ["dedicated_funding"], None),
]


@pytest.mark.parametrize(("body", "path", "expected", "code"), [c[1:] for c in HARD_CASES], ids=[c[0] for c in HARD_CASES])
def test_hard_cases(vocabulary: Vocabulary, body: str, path: str, expected: Any, code: str | None) -> None:
    record = _record(body, vocabulary)
    assert _value(record, path) == expected
    codes = {w["code"] for w in record["warnings"] if w["field"] == path}
    if code is not None:
        assert code in codes
    else:
        assert not codes, record["warnings"]


def test_contrast_peer_has_no_percent(vocabulary: Vocabulary) -> None:
    record = _record("What is the city's innovation vision?\n\nUnlike 61% of cities surveyed, X has a formal "
                     "innovation strategy.\n", vocabulary)
    assert record["vision"]["peer"] == {"percent": None, "bound": "exact", "text": "Unlike 61% of cities surveyed"}
    assert ("vision.peer", "peer_contrast") in {(w["field"], w["code"]) for w in record["warnings"]}


def test_two_snapshots_in_one_file_are_refused(vocabulary: Vocabulary) -> None:
    from snapshot_extract.errors import NotASnapshot

    text = ("City Innovation Snapshot AARHUS, Denmark\n\nWhat funding is available?\n\nX has dedicated funding.\n\n"
            "City Innovation Snapshot GHENT, Belgium\n\nHow is data used?\n\nData plays a limited role.\n")
    with pytest.raises(NotASnapshot, match="2 snapshots"):
        parse_document(read_text(text.encode(), "t.txt"), vocabulary)


def test_header_with_country_in_parentheses(vocabulary: Vocabulary) -> None:
    text = "City Innovation Snapshot KRAKÓW (Poland)\n\nHow is data used?\n\nKraków's data plays a limited role.\n"
    record = parse_document(read_text(text.encode(), "t.txt"), vocabulary).record
    assert (record.city.as_printed, record.city.country, record.city.country_code) == ("KRAKÓW", "Poland", "PL")


def test_overview_without_its_heading_is_the_preamble(vocabulary: Vocabulary) -> None:
    """No "Overview" heading: what comes before the first heading, from its first label on, is the
    overview, the values under their labels included."""
    record = _record(
        "Mayor\n\nJuan Mari Aburto\n\nTerm\n\n2015-2023\n\nPopulation size\n\n345,000 (2019)\n\n"
        "What is the organisational structure?\n\nBilbao's innovation work is sprinkled throughout the municipality.\n",
        vocabulary,
    )
    assert (record["overview"]["mayor"], record["overview"]["term_start"]) == ("Juan Mari Aburto", 2015)
    assert record["overview"]["population"] == 345000
    assert not [w for w in record["warnings"] if w["field"] == "overview"]


def test_a_value_that_is_no_name_is_null_and_warned(vocabulary: Vocabulary) -> None:
    """A mayor read as "2019-present" (labels above values in a row, paired one off) is no name:
    null and warned on the field, not silently wrong."""
    record = _record("Overview\n\nMayor: 2019-present\n\nInnovation Lead: www.bilbao.eus\n", vocabulary)
    assert record["overview"]["mayor"] is None and record["overview"]["innovation_lead"] is None
    codes = {(w["field"], w["code"]) for w in record["warnings"]}
    assert {("overview.mayor", "unreadable_value"), ("overview.innovation_lead", "unreadable_value")} <= codes


def test_an_overview_read_without_its_mayor_term_or_population_flags_each(vocabulary: Vocabulary) -> None:
    """Blind round 24's photocopies lost the Overview table's first rows under a stamp: mayor and
    term came back null with no warning while the rest of the Overview was read. Every snapshot
    states them (the lead and the websites not always): null with the Overview read is flagged."""
    record = _record("Overview\n\nInnovation / open data website: www.bilbao.eus\n", vocabulary)
    codes = {(w["field"], w["code"]) for w in record["warnings"]}
    assert {("overview.mayor", "not_found"), ("overview.term_start", "not_found"),
            ("overview.population", "not_found")} <= codes
    assert ("overview.innovation_lead", "not_found") not in codes


def test_benefits_run_on_after_helping_the_city_to(vocabulary: Vocabulary) -> None:
    """"Innovation is helping the city to A, B and C." (no colon, no bullets) lists the benefits."""
    record = _record(
        "How is innovation helping the city?\n\nInnovation is helping the city to generate new sources of revenue, "
        "anticipate and manage future challenges and serve current obligations.\n",
        vocabulary,
    )
    assert _ids(record["impact"]["benefits"]) == ["new_revenue", "anticipate_future", "current_obligations"]


def test_benefits_run_on_after_helping_the_city_by_gerunds_and_semicolons(vocabulary: Vocabulary) -> None:
    """"Innovation is helping the city by engaging A; improving B; …" lists the benefits (a blind
    round's offices printed them so in 10 of 50 documents; all were lost)."""
    record = _record(
        "How is innovation helping the city?\n\nInnovation is helping the city by engaging residents and other "
        "stakeholders; improving service delivery; anticipating and managing future challenges.\n",
        vocabulary,
    )
    assert _ids(record["impact"]["benefits"]) == ["engage_residents", "service_delivery", "anticipate_future"]


def test_a_list_run_on_between_separator_glyphs_is_items(vocabulary: Vocabulary) -> None:
    """Blind round 24's paged.js pages printed the benefits as one paragraph, "A · B · C · D",
    wrapped over two lines and with no intro: not understood, four values lost (a dump of it too).
    After an intro the same run reads as items, not as one term ("Project Manager · Data
    Scientist · …" matched one skill at a low score)."""
    record = _record(
        "How is innovation helping the city?\n\nGaining efficiency within the public sector · Engaging residents "
        "and other\nstakeholders · Improving internal government operations · Service current obligations\n\n"
        "What is the organisational structure?\n\nStaff skills and profiles include: Project Manager · Data "
        "Scientist · Strategic Communications / Marketing.\n",
        vocabulary,
    )
    assert _ids(record["impact"]["benefits"]) == ["efficiency", "engage_residents", "internal_operations",
                                                 "current_obligations"]
    assert _ids(record["organisation"]["staff_skills"]) == ["project_manager", "data_scientist",
                                                           "communication_officer"]
    assert not [warning for warning in record["warnings"]
                if warning["field"].startswith(("impact", "organisation.staff_skills"))]


def test_data_partnerships_intro_with_items_after_it(vocabulary: Vocabulary) -> None:
    """"... data partnerships to collect, analyse and share data, with:" then the partners as
    items: the activities from the sentence, the partners from the items."""
    record = _record(
        "What innovation partnerships exist?\n\nBilbao has developed partnerships to promote innovation capacity "
        "with:\n\n- Academia\n- Private firms\n\nTo improve data use, the city has also developed data partnerships "
        "to collect, analyse and share data, with:\n\n- Philanthropy\n- Other cities\n",
        vocabulary,
    )
    partnerships = record["partnerships"]
    assert _ids(partnerships["innovation_partners"]) == ["academia", "private_sector"]
    assert _ids(partnerships["data_partners"]) == ["philanthropy", "other_cities"]
    assert _ids(partnerships["data_activities"]) == ["collect", "analyse", "share"]
    assert not [w for w in record["warnings"] if w["field"].startswith("partnerships")]


def test_funding_directed_towards_items_after_the_intro(vocabulary: Vocabulary) -> None:
    """"... is generally directed towards:" then bullets: the items are the uses, not unparsed."""
    record = _record(
        "What funding is available?\n\nBilbao has dedicated funding to support innovation capacity, which comes "
        "from:\n\n- Municipal budget\n\nBilbao's funding for innovation capacity is generally directed towards:\n\n"
        "- Investing in digital systems\n- Testing and prototyping\n",
        vocabulary,
    )
    assert _ids(record["funding"]["sources"]) == ["municipal_budget"]
    assert _ids(record["funding"]["directed_to"]) == ["digital_systems", "prototyping"]
    assert not [w for w in record["warnings"] if w["field"].startswith("funding")]


def test_an_item_no_reader_understood_is_flagged_on_the_list_it_reads_as(vocabulary: Vocabulary) -> None:
    """A benefit the reading order put among the vision's lines, its wrapped end printed before
    it ("and residents" / "3. Simplifying administrative procedures for firms"): not understood
    there, it is flagged on the list it reads as, where the value is missing (blind round 16's
    markitdown dump lost it silently), as well as on its section."""
    record = _record(
        "What is the city's innovation vision?\n\nand residents\n\n3. Simplifying administrative procedures for "
        "firms\n\nBilbao has a formal innovation strategy.\n\nHow is innovation helping the city?\n\n"
        "1. Serving current obligations\n2. Improving service delivery\n", vocabulary)
    assert _ids(record["impact"]["benefits"]) == ["current_obligations", "service_delivery"]
    flagged = [w for w in record["warnings"] if w["code"] == "unparsed_text" and "Simplifying" in w["message"]]
    assert {w["field"] for w in flagged} == {"vision", "impact.benefits"}


@pytest.mark.parametrize(("printed", "title", "opening"), [
    # the title's last word wrapped onto a line read as the text's
    ("Spotlight: Donostia-San\nSebastián Innovation\nDays\nDonostia-San Sebastián Innovation Days brings together",
     "Donostia-San Sebastián Innovation Days", "Donostia-San Sebastián Innovation Days brings"),
    # a copy tool dropped the title's hyphen at its line end; the text prints it
    ("Spotlight | Bilbao Codesign Studio\nBilbao Co-design Studio brings together",
     "Bilbao Co-design Studio", "Bilbao Co-design Studio brings"),
    # a text that opens otherwise keeps its words
    ("Spotlight | Street Lab\nThe Street Lab brings together", "Street Lab", "The Street Lab brings"),
])
def test_a_spotlight_title_as_its_text_repeats_it(vocabulary: Vocabulary, printed: str, title: str,
                                                  opening: str) -> None:
    """The spotlight's text opens by naming the project: its evidence for the title (the dump
    sweep's copy kinds read "Donostia-San Sebastián Innovation" and "Louisville Codesign Studio",
    27 titles silently)."""
    record = _record(f"{printed} municipal departments and universities.\n", vocabulary)
    assert record["spotlight"]["title"] == title
    assert record["spotlight"]["text"].startswith(opening)


@pytest.mark.parametrize(("lead", "flagged"), [("Darnell O’SullivanReyes", True), ("IñakiEtxebarria", True),
                                             ("Oliver McAllister", False), ("DeShawn MacDonald", False)])
def test_two_names_a_dump_ran_together_are_flagged(vocabulary: Vocabulary, lead: str, flagged: bool) -> None:
    """A copy tool dropped a double name's hyphen at a line end ("O’Sullivan-" + "Reyes"), another
    the space between two names: the value is kept, and flagged (the dump sweep: 12 silently)."""
    record = _record(f"Overview\n\nMayor: Jane Roe\nInnovation lead: {lead}\n", vocabulary)
    assert record["overview"]["innovation_lead"] == lead
    warned = [w for w in record["warnings"] if w["field"] == "overview.innovation_lead"]
    assert bool(warned) is flagged


def test_funding_uses_named_without_their_verb(vocabulary: Vocabulary) -> None:
    """Uses named by their object alone ("digital systems", not "investing in digital systems"),
    run together with "and": each is its term (blind round 16: 18 documents lost them, flagged)."""
    record = _record(
        "What funding is available?\n\nBilbao has dedicated funding to support innovation capacity, which comes "
        "from the municipal budget. Bilbao's funding for innovation capacity is generally directed towards "
        "digital systems and hiring and training staff, physical infrastructure and third-party services.\n",
        vocabulary,
    )
    assert _ids(record["funding"]["directed_to"]) == [
        "digital_systems", "staff", "physical_infrastructure", "third_party_services"]
    assert not [w for w in record["warnings"] if w["field"].startswith("funding")]


def test_a_sentence_without_full_stop_after_the_sources_is_no_source(vocabulary: Vocabulary) -> None:
    """The funding-uses sentence printed without its full stop right after the sources' bullets:
    a sentence that says what the section says ends the list; its uses are read (a blind round
    lost the uses of 6 documents so, without a warning)."""
    record = _record(
        "What funding is available?\n\nBilbao has dedicated funding to support innovation capacity, which comes "
        "from the following sources:\n\n- Municipal budget\n- Higher levels of government\n"
        "Bilbao's funding for innovation capacity is generally directed towards generating ideas and\n"
        "brainstorming as well as investing in digital systems\n",
        vocabulary,
    )
    assert _ids(record["funding"]["sources"]) == ["municipal_budget", "higher_government"]
    assert _ids(record["funding"]["directed_to"]) == ["generating_ideas", "digital_systems"]
    assert not [w for w in record["warnings"] if w["field"].startswith("funding")]


def test_a_success_factor_sentence_cut_by_a_column_break_is_no_benefit(vocabulary: Vocabulary) -> None:
    """The success-factor sentence after the benefits' bullets, cut after its first factor (the
    rest printed in the next column): a sentence that says what a section says is no list item,
    so its factor is read and the cut flagged (blind round 4: the factors of 4 PDFs came back
    empty without a warning, their words read as unmapped benefits)."""
    record = _record(
        "How is innovation helping the city?\n\n- Generating new sources of revenue\n"
        "- Improving resident outcomes\nThe most critical success factors in supporting the city's\n"
        "innovation work are a dedicated innovation staff position,\n",
        vocabulary,
    )
    assert _ids(record["impact"]["benefits"]) == ["new_revenue", "resident_outcomes"]
    assert _ids(record["impact"]["success_factors"]) == ["innovation_staff_position"]
    assert [w["code"] for w in record["warnings"] if w["field"].startswith("impact")] == ["list_cut"]


def test_prose_no_reader_understood_outside_the_spotlight_flags_the_spotlight_text(vocabulary: Vocabulary) -> None:
    """The panel's text cut by the benefits' list, its second paragraph read into the impact
    section, where no mapper reads it: besides ``unparsed_text`` on impact, the spotlight text
    says it may lack that sentence (a blind round's e-mailed dump lost it so, silently). A list
    item or a cut fragment left unread says nothing of the spotlight."""
    record = _record(
        "Spotlight | Civic Sandbox\n\nThe initiative brings together municipal staff.\n\n"
        "How is innovation helping the city?\n\n- Improve service delivery\n- Serving current obligations\n\n"
        "The municipality plans to open the platform to other public agencies.\n\n"
        "How is data used?\n\nData plays a limited role in Bilbao.\n\nfor data work, and\n",
        vocabulary,
    )
    assert record["spotlight"]["text"] == "The initiative brings together municipal staff."
    flagged = [w["message"] for w in record["warnings"] if w["field"] == "spotlight.text"]
    assert len(flagged) == 1 and "The municipality plans to open the platform" in flagged[0]


@pytest.mark.parametrize(("text", "cut"), [
    ("The initiative brings together municipal staff and every pilot", True),  # stops mid-sentence
    # a paragraph that ends in a broken word, the next one not carrying it on
    ("Residents co-design projects with the innov\u2010\n\nPilots that prove their value scale up.", True),
    ("Teams work with municipal depart-\n\nSeveral pilots ended. The lab helps small teams.", True),
    ("The initiative brings together municipal staff (and partners).", False),
    ('The lab calls it "a city that listens."', False),
    ("It runs self- and co-managed pilots in twenty-one districts.", False),
])
def test_a_spotlight_text_a_break_cut_is_flagged(vocabulary: Vocabulary, text: str, cut: bool) -> None:
    """A spotlight text that stops mid-sentence, or holds a word broken at a line end that the
    next words do not carry on, was cut by a column or page break read in the page's order: its
    rest or another column's lines are elsewhere. Flagged ``text_cut`` (32 sweep spotlights were
    wrong so, silently; no right text carried the flag over every corpus)."""
    record = _record(f"Spotlight | Civic Sandbox\n\n{text}\n", vocabulary)
    codes = [w["code"] for w in record["warnings"] if w["field"] == "spotlight.text"]
    assert codes == (["text_cut"] if cut else [])


@pytest.mark.parametrize(("first", "second", "text"), [
    ("The lab brings together municipal depart-", "ments, universities and partners.",
     "The lab brings together municipal departments, universities and partners."),
    ("Teams use rapid prototyping and co-", "design sessions.", "Teams use rapid prototyping and co-design sessions."),
])
def test_a_spotlight_word_broken_across_two_paragraphs_runs_on(vocabulary: Vocabulary, first: str, second: str,
                                                              text: str) -> None:
    """A column break between the spotlight's lines made two paragraphs of one sentence: the
    word broken at the first one's end is joined to the second's start as a wrapped line's
    would be ("depart- ments" was read in 3 blind and sweep documents)."""
    record = _record(f"Spotlight | Civic Sandbox\n\n{first}\n\n{second}\n", vocabulary)
    assert record["spotlight"]["text"] == text
    assert not [w for w in record["warnings"] if w["field"] == "spotlight.text"]


@pytest.mark.parametrize(("printed", "read"), [
    ("which share the underlying open- source software.", "which share the underlying open-source software."),
    ("where co- designed street furniture stands.", "where co-designed street furniture stands."),
    ("for long- and short-term pilots.", "for long- and short-term pilots."),  # a hyphen left hanging
])
def test_a_compound_a_justified_line_set_apart_at_its_hyphen_is_one_word(printed: str, read: str,
                                                                         vocabulary: Vocabulary) -> None:
    """pdfmake justifies a narrow box by setting the parts of "open-source" apart at the hyphen;
    a copy of the page prints "co- designed" (blind round 19: three spotlight texts, silently)."""
    record = _record(f"Spotlight | Open Lab\n\nThe lab opened in 2019 {printed}\n", vocabulary)
    assert record["spotlight"]["text"] == f"The lab opened in 2019 {read}"


def test_list_items_read_into_the_spotlight_are_flagged_on_the_list_they_match(vocabulary: Vocabulary) -> None:
    """The spotlight's text reads every block under its heading: items of another section's list
    that the reading order put there ("The city most closely associates innovation capacity
    with:" / the spotlight / "Technological innovation") are flagged on that list, which lost
    them (blind round 19's wiki dump: silently)."""
    record = _record("What is the city's innovation vision?\n\nThe city most closely associates innovation "
                     "capacity with:\n\nSpotlight | Fix It Fast\n\nA steering group reviews results every "
                     "quarter and funds the best pilots.\n\nInter-sectoral and inter-jurisdictional collaboration\n\n"
                     "* Technological innovation Big picture re-thinking\n", vocabulary)
    assert ("vision.associations", "unparsed_text") in [(w["field"], w["code"]) for w in record["warnings"]]


def test_a_value_every_snapshot_states_left_null_with_its_section_read_is_not_found(vocabulary: Vocabulary) -> None:
    """Every snapshot says whether the city has dedicated funding; a funding section read without
    that statement (printed where it was not read, or worded as no reader knows) flags the null
    value on its field. A hedged statement keeps its own warning, and no section no warning."""
    record = _record("What funding is available?\n\nBilbao's innovation budget is set each year by the council.\n",
                     vocabulary)
    assert record["funding"]["dedicated"] is None
    assert ("funding.dedicated", "not_found") in [(w["field"], w["code"]) for w in record["warnings"]]
    assert not [w for w in record["warnings"] if w["field"].startswith("vision.")]  # no vision section
    hedged = _record("What funding is available?\n\nBilbao plans to have dedicated funding from 2025.\n", vocabulary)
    assert [w["code"] for w in hedged["warnings"] if w["field"] == "funding.dedicated"] == ["uncertain_value"]


@pytest.mark.parametrize(("statement", "warned"), [
    ("S\nu\nr\nv\ne\ny\ne\nd\n,\nB\ni\nl\nb\na\no\nh\na\ns dedicated funding.", True),  # a glyph a line: unread
    ("Bilbao has dedicated funding for innovation.", False),  # read, and no peer phrase printed
])
def test_a_peer_phrase_is_unread_where_the_answer_it_stands_beside_is(statement: str, warned: bool,
                                                                      vocabulary: Vocabulary) -> None:
    """The peer phrase stands in the sentence that gives the section's answer ("Along with 25% of
    cities surveyed, Tallinn has dedicated funding"): where that sentence was not read (a viewer's
    copy printed it one glyph a line, 11 silent ``funding.peer`` in the dump sweep), the null peer
    is flagged too; where the answer was read without a peer phrase, the null is the document's."""
    record = _record(f"What funding is available?\n\n{statement}\n", vocabulary)
    codes = [(w["field"], w["code"]) for w in record["warnings"]]
    assert record["funding"]["peer"] is None
    assert (("funding.peer", "not_found") in codes) is warned
    assert (("funding.dedicated", "not_found") in codes) is warned

@pytest.mark.parametrize(("leading", "warned"), [(3, True), (2, False)])
def test_a_spotlight_text_opening_with_lines_that_are_no_sentence_is_flagged(vocabulary: Vocabulary, leading: int,
                                                                             warned: bool) -> None:
    """Blind round 9's d18: a dump read the Overview sidebar's values into the spotlight ("Raisa
    Hyvärinen", "2015 to 2020", "Eero Mäkinen", then "In Hämeenlinna, the …"): three lines or
    more that are no sentence before the first one say another column's text may be mixed in;
    two do not (a place and a date line set above a spotlight's text, in the sweep)."""
    values = ["Raisa Hyvärinen", "2015 to 2020", "Eero Mäkinen"][:leading]
    record = _record("Spotlight | Participatory Budget\n\n" + "\n\n".join(values) + "\n\nIn Hämeenlinna, the "
                     "Participatory Budget brings together city departments and residents.\n", vocabulary)
    assert record["spotlight"]["text"].startswith(values[0])
    codes = [w["code"] for w in record["warnings"] if w["field"] == "spotlight.text"]
    assert ("mixed_columns" in codes) is warned


def test_a_grid_cell_that_names_no_one_area_puts_both_lists_in_doubt(vocabulary: Vocabulary) -> None:
    """"Labor market and Culture" (two cells the layout ran together, painted as one) stands on
    the side of its paint, unmapped; the areas it holds may be on the other side: that list is
    in doubt too (sweep: 17 lists wrong with no warning)."""
    from snapshot_extract.fields.common import Found
    from snapshot_extract.fields.outcomes import _set_sides
    from snapshot_extract.models import Evidence

    found = Found("outcomes", vocabulary)
    evidence = Evidence("x", None, None)
    _set_sides(found, {"with": [("Health", evidence)], "without": [("Labor market and Culture", evidence)]})
    warned = {(w.field, w.code) for w in found.result().warnings}
    assert ("outcomes.with_sufficient_data", "uncertain_list") in warned
    assert ("outcomes.without_sufficient_data", "unmapped_term") in warned
    assert not [w for w in found.result().warnings if "Health" in w.message]


@pytest.mark.parametrize("end", [",", " and", " hiring and train-"])
def test_an_inline_list_that_breaks_off_is_flagged_on_its_field(vocabulary: Vocabulary, end: str) -> None:
    """A column or page break cut the uses sentence after "digital systems,", and its rest was
    not printed where the reader finds it: the items read are kept and the field says its list
    breaks off (``list_cut``)."""
    record = _record(
        "What funding is available?\n\nBilbao has dedicated funding to support innovation capacity. Bilbao's "
        f"funding for innovation capacity is generally directed towards investing in digital systems{end}\n\n"
        "How is data used?\n\nData plays a limited role.\n",
        vocabulary,
    )
    assert _ids(record["funding"]["directed_to"])[:1] == ["digital_systems"]
    assert "list_cut" in [w["code"] for w in record["warnings"] if w["field"] == "funding.directed_to"]


@pytest.mark.parametrize("end", [",", " and"])
def test_an_inline_list_whose_rest_is_read_under_the_next_heading_is_whole(vocabulary: Vocabulary, end: str) -> None:
    """The same cut sentence, its rest printed under the next heading ("testing and
    prototyping.", in lower case, naming no section): the rest joins it, and the list is whole."""
    record = _record(  # a whole funding section: with dedicated funding, where it comes from is stated too
        "What funding is available?\n\nBilbao has dedicated funding to support innovation capacity, which comes "
        "from the municipal budget. Bilbao's funding for innovation capacity is generally directed towards "
        f"investing in digital systems{end}\n\nHow is data used?\n\ntesting and prototyping.\n",
        vocabulary,
    )
    assert _ids(record["funding"]["directed_to"]) == ["digital_systems", "prototyping"]
    assert not [w for w in record["warnings"] if w["field"].startswith("funding")]
    assert ("data", "not_found") in [(w["field"], w["code"]) for w in record["warnings"]]  # nothing under it now


def test_priority_area_intro_in_the_singular_finds_its_section(vocabulary: Vocabulary) -> None:
    """"The top priority policy area ... is:" printed under another heading moves to the approach
    section with its item."""
    record = _record(
        "What is the organisational structure?\n\nBilbao's innovation work is sprinkled throughout the municipality.\n\n"
        "The top priority policy area for the city's innovation work is:\n\n- Culture\n\n"
        "What is the city's innovation approach?\n\nBilbao approaches innovation capacity in specific policy areas.\n",
        vocabulary,
    )
    assert _ids(record["approach"]["priority_policy_areas"]) == ["culture"]


def test_numbered_list_items(vocabulary: Vocabulary) -> None:
    """"1. Item" lines (a word processor's numbering, running on from one list to the next) are
    list items; a numbered heading stays a heading."""
    record = _record(
        "1. What is the organisational structure?\n\nBilbao's innovation work is sprinkled throughout the "
        "municipality.\n\nStaff skills and profiles include:\n\n1. Data analysts\n2. Designers\n\n"
        "2. What is the city's innovation vision?\n\nThe city most closely associates innovation capacity with:\n\n"
        "3. Experimentation\n4. Resident engagement\n",
        vocabulary,
    )
    assert _ids(record["organisation"]["staff_skills"]) == ["data_analyst", "designer"]
    assert _ids(record["vision"]["associations"]) == ["experimentation", "resident_engagement"]


def test_numbered_items_that_name_a_section_topic_are_no_headings(vocabulary: Vocabulary) -> None:
    """"10. Municipal budget", "11. Innovative financing tools (social impact bonds)": numbered
    and naming the funding topic, but each a known list item, not a heading opening a section
    (a blind round lost four of five funding sources so, without a warning)."""
    record = _record(
        "What funding is available?\n\nBilbao has dedicated funding to support innovation capacity, which comes "
        "from the following sources:\n9. International / multilateral institution budget\n10. Municipal budget\n"
        "11. Innovative financing tools (social impact bonds)\n12. National or regional government\n"
        "13. External (non-public) funding (philanthropy)\n\nHow is innovation helping the city?\n\n"
        "Innovation helps the city to improve service delivery.\n",
        vocabulary,
    )
    assert _ids(record["funding"]["sources"]) == ["international", "municipal_budget", "innovative_financing",
                                                  "higher_government", "external_non_public"]
    assert _ids(record["impact"]["benefits"]) == ["service_delivery"]


@pytest.mark.parametrize(("text", "expected"), [
    ("https://x.org/en/programmes/o pen-data", ["https://x.org/en/programmes/open-data"]),  # cut inside a word
    ("https://x.org/a/open-dat a-and-digital-services, https://y.org/", ["https://x.org/a/open-data-and-digital-services",
                                                                      "https://y.org/"]),  # a comma after the piece
    ("https://x.org/en/ programmes/open-data", ["https://x.org/en/programmes/open-data"]),  # after a "/": a path
    ("https://x.org/en/programmes/ open-data-and-digital-services",
     ["https://x.org/en/programmes/open-data-and-digital-services"]),  # after a "/": a slug
    ("https://x.org/ and", ["https://x.org/"]),  # after a "/", a word stays a word
    ("https://x.org/en y.org/data", ["https://x.org/en", "https://y.org/data"]),  # a piece with a domain is an address
    ("https://x.org/innovation Municipal budget", ["https://x.org/innovation"]),  # capitalised: words
    ("https://x.org/innovation Q1 WHAT IS THE", ["https://x.org/innovation"]),
    ("https://x.org/https://y.org/open-data", ["https://x.org/", "https://y.org/open-data"]),  # printed glued
    ("https://x.org/go?url=https://y.org", ["https://x.org/go?url=https://y.org"]),  # a query's value
    ("http:// innovation.x.org/ https://y.org", ["http://innovation.x.org/", "https://y.org"]),  # the scheme alone
    # cut inside the host (blind round 3's narrow cells): no host ends after "www." and one label,
    # no top-level label is one letter, a path or a label starting with its "/" or "." runs on
    ("https://www.welling ton.nz/innovation data.wellington.nz", ["https://www.wellington.nz/innovation",
                                                                  "https://data.wellington.nz"]),
    ("data.vitoriagasteiz.e s", ["https://data.vitoriagasteiz.es"]),
    ("https://data.vitoriagasteiz .es", ["https://data.vitoriagasteiz.es"]),
    ("https://www.porto.pt /innovation", ["https://www.porto.pt/innovation"]),
    ("https://lab.saint- etienne.fr/ https://stadt- zuerich.ch/open-data", ["https://lab.saint-etienne.fr/",
                                                                           "https://stadt-zuerich.ch/open-data"]),
    ("www.zurich.ch https://data.zurich.ch/", ["https://www.zurich.ch", "https://data.zurich.ch/"]),  # two hosts
    # cut inside a label that is no top-level domain (blind round 7's narrow sidebar), the rest ending with one
    ("https://opendata.shertogen bosch.nl/ https://www.x.org/", ["https://opendata.shertogenbosch.nl/",
                                                                 "https://www.x.org/"]),
    ("https://opendata.troisriviere s.ca/", ["https://opendata.troisrivieres.ca/"]),
    # a host with no dot yet (blind round 13's narrow table cell, silent), its rest bringing one
    ("https://innovate-saojosedoscamp os.eu/en/", ["https://innovate-saojosedoscampos.eu/en/"]),
    ("https://service.berlin data.berlin.de", ["https://service.berlin", "https://data.berlin.de"]),  # .berlin is one
    ("https://lab.x.nl www.x.nl/data", ["https://lab.x.nl", "https://www.x.nl/data"]),
    ("i.e. data.x.fi", ["https://data.x.fi"]),
    ("https:// data.x.gob.mx/| www.x.gob.mx", ["https://data.x.gob.mx/", "https://www.x.gob.mx"]),  # a bar ends one
    ("https://opendata.x.se/en /", ["https://opendata.x.se/en/"]),  # the rest of a path: its last "/"
    ("https://x.org/ /innovation", ["https://x.org/"]),  # after a "/", a piece of path is a new one's, not read
])
def test_web_addresses_cut_at_a_line_end(text: str, expected: list[str]) -> None:
    assert urls(text) == expected


def test_wrapped_label_with_its_value_between_its_lines_in_a_dump(vocabulary: Vocabulary) -> None:
    """A table cell's label wrapped over two lines, its value printed level with the middle: a
    dump gives label line, value, label line ("Innovation / open data", the address, "website")."""
    record = _record("Overview\n\nMayor\nJuan Mari Aburto\nInnovation / open data\nhttps://www.bilbao.eus/innovation\n"
                     "website\n\nWhat is the organisational structure?\n\nBilbao's innovation work is sprinkled "
                     "throughout the municipality.\n", vocabulary)
    assert record["overview"]["websites"] == ["https://www.bilbao.eus/innovation"]
    assert record["overview"]["mayor"] == "Juan Mari Aburto"


def test_labels_wrapped_line_after_line_in_a_dump(vocabulary: Vocabulary) -> None:
    """A table's labels wrapped in their cells, a dump printing their lines one after the other
    before the value ("Innovation" / "Lead:", "Population" / "size:", "Innovation /" / "open data"
    / "website:"; blind round 9's pdftotext dumps): each label whole, even where its first line
    is a label of its own ("Population"); an address cut after its "/" goes on before the next
    one's scheme ("innovation; https://")."""
    record = _record(
        "Overview\nMayor:\n\nRicardo Nunes Brandão\n\nInnovation\nLead:\n\nMarina d'Ávila\n\nPopulation\nsize:\n\n"
        "4,100,000 (2016)\n\nInnovation /\nopen data\nwebsite:\n\nhttps://www.krakow.pl/\ninnovation; https://\n"
        "data.krakow.pl/\n\nWhat is the organisational structure?\n\nBilbao's innovation work is sprinkled "
        "throughout the municipality.\n", vocabulary)
    overview = record["overview"]
    assert (overview["innovation_lead"], overview["population"]) == ("Marina d'Ávila", 4100000)
    assert overview["websites"] == ["https://www.krakow.pl/innovation", "https://data.krakow.pl/"]


@pytest.mark.parametrize(("first", "second"), [(" | ", " · "), (" - ", " – ")])
def test_overview_strip_of_pairs_with_separators(first: str, second: str, vocabulary: Vocabulary) -> None:
    """"Mayor: X | Term: Y | Innovation Lead: Z" on one line: the separators are no value's; nor
    is a dash set apart between two pairs (blind round 28's Kindle clippings: the mayor read
    "… Aburto-Goñi -"), where a hyphen inside a name stays."""
    record = _record(f"Overview\n\nMayor: Juan Mari Aburto-Goñi{first}Term: 2015–2023{first}Innovation Lead: Ane "
                     f"Etxeberria{second}Population size: 345,000 (2019)\n", vocabulary)
    overview = record["overview"]
    assert (overview["mayor"], overview["innovation_lead"]) == ("Juan Mari Aburto-Goñi", "Ane Etxeberria")
    assert (overview["term_start"], overview["term_end"], overview["population"]) == (2015, 2023, 345000)


@pytest.mark.parametrize("second", ["million (2021)   |   Website: data.x.de, https://www.x-lab.org",
                                    "million (2021) | Website: data.x.de, https://www.x-lab.org"])
def test_overview_strip_wrapped_onto_a_block_of_its_own(second: str, vocabulary: Vocabulary) -> None:
    """A strip of pairs a tool wrapped, a blank line before its second line (PyMuPDF's blocks,
    blind round 10): the words before the second line's first label end the last value of the
    first ("Population: 1" / "million (2021)": the population was read as 1, silently)."""
    record = _record("Overview\n\nMayor: Min-jun Lee   |   Term of office: 2014–2020   |   Innovation lead: Joost "
                     f"Te Whare   |   Population: 1\n\n{second}\n", vocabulary)
    overview = record["overview"]
    assert (overview["innovation_lead"], overview["population"], overview["population_year"]) == (
        "Joost Te Whare", 1000000, 2021)
    assert overview["websites"] == ["https://data.x.de", "https://www.x-lab.org"]


def test_websites_wrapped_and_labelled_with_a_plural_mark(vocabulary: Vocabulary) -> None:
    """"Website(s):" is the websites label; an address cut inside its path or after a hyphen is
    joined with the piece on the next line; a bare domain on its own line is an address of its own."""
    record = _record(
        "Overview\n\nMayor: Juan Mari Aburto\n\nWebsite(s):\ndata.bilbao.eus\nhttp://innovation.bilbao.eus/en/programmes/o\n"
        "pen-data-and-digital-services\nhttps://bilbao.eus/en/city-hall/smart-city-and-open-\ninnovation-programme\n",
        vocabulary,
    )
    assert record["overview"]["websites"] == [
        "https://data.bilbao.eus", "http://innovation.bilbao.eus/en/programmes/open-data-and-digital-services",
        "https://bilbao.eus/en/city-hall/smart-city-and-open-innovation-programme",
    ]  # fmt: skip


def test_websites_label_with_one_address_beside_it_and_more_under_it(vocabulary: Vocabulary) -> None:
    """"Innovation / open data website https://…" then one address a line: all of them."""
    record = _record("Overview\n\nMayor\nJuan Mari Aburto\nInnovation / open data website https://bilbao.eus/open-data\n"
                     "opendata.bilbao.eus\nhttp://innovation.bilbao.eus/\n\nWhat is the organisational structure?\n\n"
                     "Bilbao's innovation work is sprinkled throughout the municipality.\n", vocabulary)
    assert record["overview"]["websites"] == ["https://bilbao.eus/open-data", "https://opendata.bilbao.eus",
                                              "http://innovation.bilbao.eus/"]


@pytest.mark.parametrize(("overview", "code"), [
    ("Mayor: Juan Mari Aburto\n\nInnovation / open data website:\n", "not_found"),  # its value printed elsewhere
    ("Mayor: Juan Mari Aburto\n\nInnovation / open data website: https://\n", "unreadable_value"),  # cut short
])
def test_a_websites_label_without_an_address_read_is_flagged(vocabulary: Vocabulary, overview: str, code: str) -> None:
    record = _record(f"Overview\n\n{overview}\nWhat is the organisational structure?\n\n"
                     "Bilbao's innovation work is sprinkled throughout the municipality.\n", vocabulary)
    assert record["overview"]["websites"] == []
    assert [w["code"] for w in record["warnings"] if w["field"] == "overview.websites"] == [code]


def test_an_address_cut_after_its_own_hyphen_keeps_it(vocabulary: Vocabulary) -> None:
    """"https://bilbao.eus/open-" + "data": the hyphen is the address's, even where the document
    prints "opendata" elsewhere (the evidence that would make it a break in a word)."""
    record = _record("Overview\n\nWebsite(s): https://bilbao.eus/open-\ndata opendata.bilbao.eus\n", vocabulary)
    assert record["overview"]["websites"] == ["https://bilbao.eus/open-data", "https://opendata.bilbao.eus"]


def test_an_address_in_the_overview_no_websites_label_took_is_flagged(vocabulary: Vocabulary) -> None:
    """An address read into another label's value (a column of values printed between the
    websites label and its second address): flagged on the websites (a blind round 17 scan lost
    it silently)."""
    record = _record("Overview\n\nMayor: Jane Roe\nPopulation size: 322 119 (2018) https://data.bilbao.eus/x\n"
                     "Innovation / open data website: opendata.bilbao.eus\n", vocabulary)
    assert record["overview"]["websites"] == ["https://opendata.bilbao.eus"]
    assert any(w["field"] == "overview.websites" and "data.bilbao.eus/x" in w["message"] for w in record["warnings"])


def test_an_address_cut_after_a_slash_is_carried_on_by_its_query() -> None:
    """"https://data.x.gov.au/" + "datasets?lang=en" (a sidebar wrapped at the "/"): a piece with
    a query is the address's rest (blind round 17 kept the first half, silently); a word is not."""
    assert urls("https://data.x.gov.au/ datasets?lang=en") == ["https://data.x.gov.au/datasets?lang=en"]
    assert urls("https://data.x.gov.au/ and more") == ["https://data.x.gov.au/"]


@pytest.mark.parametrize("mark", ["\u00ad", "\u2010"])
def test_an_address_cut_after_its_own_hyphen_printed_as_a_break_mark_keeps_it(mark: str) -> None:
    """"https://c\u00ad" + "budejovice.cz/open-data" (PyMuPDF Story names its hyphen U+00AD):
    an address holds no word broken at a line end, so the mark is the address's own hyphen,
    however its lines are joined (seed 9 read "cbudejovice", silently)."""
    from snapshot_extract.fields.addresses import lines_text
    from snapshot_extract.models import Line
    from snapshot_extract.textutil import join_wrapped

    lines = [f"www.c-budejovice.cz | https://c{mark}", "budejovice.cz/open-data"]
    expected = ["https://www.c-budejovice.cz", "https://c-budejovice.cz/open-data"]
    assert urls(join_wrapped(lines)) == expected
    assert urls(lines_text([Line(text) for text in lines])) == expected


def test_an_address_cut_after_a_hyphen_in_its_host_runs_on(vocabulary: Vocabulary) -> None:
    """"https://lab.saint-" + "etienne.fr/": the next line starts like a host of its own, but an
    address never ends with a hyphen, so it is the rest of this one (the sweep read two)."""
    record = _record("Overview\n\nInnovation / open data website: https://lab.saint-\netienne.fr/ | "
                     "www.saint-etienne.fr\n", vocabulary)
    assert record["overview"]["websites"] == ["https://lab.saint-etienne.fr/", "https://www.saint-etienne.fr"]


def test_an_overview_label_set_off_by_a_dash(vocabulary: Vocabulary) -> None:
    """"Mayor — Amparo Ibáñez": an em or en dash sets the value off as a colon would (blind round
    6 read the mayor "— Amparo Ibáñez", silently)."""
    record = _record("Overview\n\nMayor — Amparo Ibáñez\nTerm – 2019 to 2023\nInnovation Lead — Inés Marco\n\n"
                     "What is the organisational structure?\n\nBilbao's innovation work is sprinkled throughout the "
                     "municipality.\n", vocabulary)
    overview = record["overview"]
    assert (overview["mayor"], overview["innovation_lead"], overview["term_start"]) == ("Amparo Ibáñez", "Inés Marco",
                                                                                        2019)


def test_a_label_is_a_whole_word(vocabulary: Vocabulary) -> None:
    """"MAYORAL TERM" (a table's label row printed as one line) is no "Mayor" label whose value
    is "AL TERM" (a blind round's silent error)."""
    record = _record("Overview\n\nMAYORAL TERM\n2017 – 2023\n\nWhat is the organisational structure?\n\n"
                     "Bilbao's innovation work is sprinkled throughout the municipality.\n", vocabulary)
    assert record["overview"]["mayor"] is None


@pytest.mark.parametrize(("body", "expected"), [
    ("Overview\n\nMAYOR\tMAYORAL TERM\tINNOVATION LEAD\tPOPULATION\tWEBSITE\n"
     "Þóra Sigurðardóttir\t2015–2021\tMateus Schäfer\t1.400.000 (2017)\thttps://opendata.reykjavik.is/\n\n",
     ("Þóra Sigurðardóttir", 2015, 2021, "Mateus Schäfer", 1400000, ["https://opendata.reykjavik.is/"])),
    # pdftotext -layout, no Overview heading: the labels row is no grid to read column by column, it
    # opens the headingless Overview (blind round 5 paired its labels one off: the mayor "2018–2022")
    (" MAYOR            TERM OF OFFICE       INNOVATION LEAD       POPULATION\n\n"
     " Georges Weis     2018–2022            Georges Mischo        581,000 inhabitants (2016)\n\n",
     ("Georges Weis", 2018, 2022, "Georges Mischo", 581000, [])),
])
def test_a_row_of_labels_over_a_row_of_values(vocabulary: Vocabulary, body: str, expected: tuple[Any, ...]) -> None:
    """A table with the labels in its first row and the values in the second, column by column:
    each label takes the value in its cell's place."""
    record = _record(body + "What is the organisational structure?\n\nBilbao's innovation work is sprinkled "
                     "throughout the municipality.\n", vocabulary)
    overview = record["overview"]
    assert tuple(overview[key] for key in ("mayor", "term_start", "term_end", "innovation_lead", "population",
                                           "websites")) == expected


def test_an_abbreviation_does_not_end_a_sentence(vocabulary: Vocabulary) -> None:
    """"St. John's" is one sentence with what follows (a blind round lost three peer values so)."""
    record = parse_document(read_text((b"City Innovation Snapshot ST. JOHN'S, Canada\n\nWhat is the city's "
                                       b"innovation vision?\n\nLike 81% of cities surveyed, St. John's has a formal "
                                       b"innovation strategy.\n"), "t.txt"), vocabulary).record
    assert record.vision.peer is not None and record.vision.peer.percent == 81
    assert record.vision.formal_strategy is True


@pytest.mark.parametrize(("texts", "name"), [
    (["A CORUÑA LIVING LAB brings together staff.", "A Coruña has developed partnerships."], "A Coruña"),
    (["See aarhus.dk for more.", "Aarhus has a formal innovation strategy."], "Aarhus"),
    (["A CORUÑA LIVING LAB brings together staff."], "A CORUÑA"),
    (["the lab of a coruña"], "a coruña"),
])
def test_the_city_name_is_the_body_s_spelling_in_running_text(texts: list[str], name: str) -> None:
    """The header's city spelled as the body's sentences spell it: a title set in capitals or an
    address is the fallback, not the first choice (a sweep dump named "A CORUÑA" so, silently)."""
    from snapshot_extract.record_city import find_city_name

    assert find_city_name("A CORUÑA" if "ru" in name.lower() else "AARHUS", texts) == name


def test_a_header_in_capitals_spells_sharp_s_as_ss() -> None:
    """"GIESSEN" in the header is the body's "Gießen": capitals write "ß" as "SS" (8 sweep
    documents named the city "Giessen")."""
    from snapshot_extract.record_city import find_city_name

    assert find_city_name("GIESSEN", ["Gießen has developed partnerships."]) == "Gießen"
    assert find_city_name("ESSEN", ["Essen has developed partnerships."]) == "Essen"


def test_a_dotless_i_folds_as_i() -> None:
    """"ÇAMLIYAKA" in the header is the body's "Çamlıyaka" (blind round 19 kept the capitals)."""
    from snapshot_extract.record_city import find_city_name

    assert find_city_name("ÇAMLIYAKA", ["Çamlıyaka's innovation work is led by a team."]) == "Çamlıyaka"


@pytest.mark.parametrize(("as_printed", "country", "read"), [
    ("OECD BĂLŢENI", "Romania", ("BĂLŢENI", "Romania", True)),  # a logo's word beside the city in the banner
    ("ŽALGIRIŠKĖS", "Lithuania OECD", ("ŽALGIRIŠKĖS", "Lithuania", True)),  # and beside the country
    ("PUERTO ALMIRON", "Argentina", ("PUERTO ALMIRON", "Argentina", False)),  # "Puerto" only ever before "Almirén"
])
def test_words_the_text_never_names_with_the_city_are_left_out_of_the_header(
        as_printed: str, country: str, read: tuple[str, str, bool]) -> None:
    """A banner's logo ("OECD") read into the header's city or country: the part the text names
    alone is the city, the known country's words the country, each trim warned (blind round 19:
    two silent values)."""
    from snapshot_extract.models import Header, Line
    from snapshot_extract.record_city import city_of as _city

    body = ["Like 50% of cities surveyed, Bălţeni has a formal strategy.", "Žalgiriškės has developed partnerships.",
            "Puerto Almirén maintains a data inventory.", "In Puerto Almirén the lab opened."]
    warnings: list[Any] = []
    city, _ = _city(Header(as_printed, country, Line(f"{as_printed}, {country}", 1, None)), body, warnings, False)
    assert (city["as_printed"], city["country"]) == read[:2]
    assert any(warning.code == "header_trimmed" for warning in warnings) is read[2]


@pytest.mark.parametrize(("as_printed", "ocr", "read"), [
    ("KALMARO", True, "KALMARÖ"),  # OCR lost a banner's small diacritic the body's "Kalmarö" has
    ("SAO BRAS DO RIBATEJO", True, "SÃO BRÁS DO RIBATEJO"),
    ("KALMARO", False, "KALMARO"),  # a text layer: a header set in capitals may drop accents
    ("KALMARÖ", True, "KALMARÖ"),
])
def test_an_ocr_header_takes_the_accents_the_body_spells_its_city_with(as_printed: str, ocr: bool, read: str) -> None:
    """Blind round 18: three scanned headers read "KALMARO", "PARNUVERE", "SAO BRAS DO RIBATEJO"
    where the page prints the accents, silently; the body, read by the same engine, spells them."""
    from snapshot_extract.models import Header, Line
    from snapshot_extract.record_city import city_of as _city

    body = ["Kalmarö has developed partnerships.", "São Brás do Ribatejo has a formal strategy."]
    header = Header(as_printed, "Sweden", Line(f"{as_printed}, Sweden", 1, None))
    city, _ = _city(header, body, [], ocr)
    assert city["as_printed"] == read


@pytest.mark.parametrize(("as_printed", "country", "ocr", "read"), [
    ("RO SARIO", "Argentina", True, ("ROSARIO", "Rosario", "Argentina")),  # a space the engine set in a word
    ("TEL AVIV-YA FO", "israel", True, ("TEL AVIV-YAFO", "Tel Aviv-Yafo", "Israel")),  # and a small first letter
    ("RO SARIO", "Argentina", False, ("RO SARIO", "Ro Sario", "Argentina")),  # a text layer prints what it prints
])
def test_an_ocr_header_is_read_as_the_body_spells_its_city(as_printed: str, country: str, ocr: bool,
                                                           read: tuple[str, str, str]) -> None:
    """Blind round 30: a photographed page's header read "RO SARIO", a faded copy's "TEL AVIV-YA FO,
    israel" (the city trimmed to "Tel" and the country in lower case, silently); the body names
    "Rosario" and "Tel Aviv-Yafo"."""
    from snapshot_extract.models import Header, Line
    from snapshot_extract.record_city import city_of as _city

    body = ["Rosario has developed partnerships.", "Like 40% of cities surveyed, Tel Aviv-Yafo has a strategy."]
    city, _ = _city(Header(as_printed, country, Line(f"{as_printed}, {country}", 1, None)), body, [], ocr)
    assert (city["as_printed"], city["name"], city["country"]) == read

def test_a_heading_with_nothing_under_it_warns_on_its_section(vocabulary: Vocabulary) -> None:
    """The Overview heading read, its labels and values printed (and read) elsewhere: the
    section's values are null, and the section says its text may be printed elsewhere, so no
    value under it is silently missing."""
    record = _record("At a glance\n\nWhat is the city's innovation vision?\n\nBilbao has no formal innovation "
                     "strategy.\n", vocabulary)
    assert record["overview"]["mayor"] is None
    assert ("overview", "not_found") in [(w["field"], w["code"]) for w in record["warnings"]]
    assert "vision" not in [w["field"] for w in record["warnings"]]


@pytest.mark.parametrize("legend", ["● With sufficient data      ○ Without sufficient data",
                                    "● With sufficient data\n○ Without sufficient data"])
def test_a_dump_grid_keyed_by_glyphs_reads_each_area_by_its_glyph(vocabulary: Vocabulary, legend: str) -> None:
    """A dump of a grid whose cells print "●" or "○" before the area, with a legend of the two
    glyphs: the glyph says the side, a wrapped label's second line (no glyph) carries on the area
    above it (the colours were lost, and the lists were null: blind rounds 2, 4 and 7, 7 dumps)."""
    record = _record(
        "How are outcomes measured?\n\nPolicy areas with sufficient data or without sufficient data to support "
        f"innovation capacity in the city.\n{legend}\n● Culture\n○ Transport / Mobility\n● Labour Market and\nSkills\n"
        "○ Education\n● Housing\n", vocabulary)
    outcomes = record["outcomes"]
    assert _ids(outcomes["with_sufficient_data"]) == ["culture", "labour_market", "housing"]
    assert _ids(outcomes["without_sufficient_data"]) == ["transport_mobility", "education"]
    assert not [w for w in record["warnings"] if w["field"].startswith("outcomes")]


@pytest.mark.parametrize(("question", "yes"), [("Sufficient data?", "with"), ("Insufficient data?", "without")])
def test_a_table_answering_the_legends_question_reads_each_area_by_its_answer(
        vocabulary: Vocabulary, question: str, yes: str) -> None:
    """A table of areas and "Yes" / "No" under a column that asks the legend's question: each
    area on the side its answer says, the headings and answers no areas (blind round 16: a Word
    table, its cells also painted, came back with both lists null in 5 PDFs and 2 dumps)."""
    record = _record(
        "How are outcomes measured?\n\nPolicy areas with sufficient data or without sufficient data to support "
        f"innovation capacity in the city.\n\n| Policy area | {question} |\n|---|---|\n| Culture | Yes |\n"
        "| Tourism | No |\n| Public Works | Yes |\n", vocabulary)
    outcomes = record["outcomes"]
    answered_yes, answered_no = ["culture", "public_works"], ["tourism"]
    assert _ids(outcomes["policy_areas"]) == ["culture", "tourism", "public_works"]
    assert _ids(outcomes["with_sufficient_data"]) == (answered_yes if yes == "with" else answered_no)
    assert _ids(outcomes["without_sufficient_data"]) == (answered_no if yes == "with" else answered_yes)
    assert not [w for w in record["warnings"] if w["field"].startswith("outcomes")]


def test_a_dump_grid_of_two_cells_a_line_reads_each_cell_by_its_own_glyph(vocabulary: Vocabulary) -> None:
    """"● Transport / Mobility ○ Social Welfare / Social Services" (pdftotext -raw of a two-column
    grid): each cell has the glyph printed before it, not the line's first (blind round 12 moved
    three areas to the other list, silently)."""
    record = _record(
        "How are outcomes measured?\n\nPolicy areas with sufficient data or without sufficient data to support "
        "innovation capacity in the city.\n● Transport / Mobility ○ Social Welfare / Social Services\n"
        "○ Blight ● Tourism\n● Housing ○ Public Works\n● with sufficient data ○ without sufficient data\n", vocabulary)
    outcomes = record["outcomes"]
    assert sorted(_ids(outcomes["with_sufficient_data"])) == ["housing", "tourism", "transport_mobility"]
    assert sorted(_ids(outcomes["without_sufficient_data"])) == ["blight", "public_works", "social_welfare"]
    assert not [w for w in record["warnings"] if w["field"].startswith("outcomes.")]  # its fields read


def test_a_heading_stacked_over_the_next_does_not_take_the_organisation_sentence(vocabulary: Vocabulary) -> None:
    """pdftotext printed the funding heading, then the organisation's heading and its text: the
    empty funding section takes what opens the next one up to that one's own sentence, and "with
    dedicated staff working specifically on …" is the organisation's own (blind round 12 read the
    structure into the funding section, warned)."""
    record = _record(
        "What funding is available\n\nWhat is the organisational structure?\nBilbao has a dedicated team in the "
        "Mayor's office, with dedicated staff working specifically on building innovation capacity.\nStaff skills "
        "and profiles include:\n\nLike over one-third of cities surveyed, Bilbao has dedicated funding to support "
        "innovation capacity, which comes from the following sources:\n\n■ Municipal budget\n", vocabulary)
    organisation = record["organisation"]
    assert (organisation["structure"]["id"], organisation["dedicated_staff"]) == ("mayors_office", True)
    assert _ids(record["funding"]["sources"]) == ["municipal_budget"]


@pytest.mark.parametrize(("intro", "flagged"), [("top three priority policy areas", True),
                                                ("top priority policy areas", False),
                                                ("top two priority policy areas", False)])
def test_a_priority_list_shorter_than_its_intro_says_is_flagged(vocabulary: Vocabulary, intro: str,
                                                               flagged: bool) -> None:
    """"The top three priority policy areas … are:" over two areas (a table's other cells read in
    another column: blind round 12 read one of three, silently): the list is flagged; an intro
    that names no number, or as many as were read, is not."""
    record = _record(f"What is the city's innovation approach?\n\nThe {intro} for the city's innovation work are:"
                     "\n\n• Health\n• Housing\n\nWhat innovation partnerships exist?\n\nBilbao has developed "
                     "partnerships to promote innovation capacity with academia.\n", vocabulary)
    assert _ids(record["approach"]["priority_policy_areas"]) == ["health", "housing"]
    codes = [w["code"] for w in record["warnings"] if w["field"] == "approach.priority_policy_areas"]
    assert codes == (["list_cut"] if flagged else [])


@pytest.mark.parametrize("layout", ["one column", "two columns", "legend between"])
def test_a_grid_of_check_boxes_typed_as_text_reads_each_area_by_its_box(vocabulary: Vocabulary, layout: str) -> None:
    """A plain-text memo's grid: "[X] Housing" and "[ ] Culture", keyed "Key: [X] = with
    sufficient data [ ] = without sufficient data". A box typed as text is its glyph ("☑", "☐"),
    so the grid reads as one keyed by glyphs, its cells one or two to a line, the key on a line
    of its own or each half before the cells that follow it (blind rounds 2, 5 and 11: 8 dumps
    and 5 PDFs read both lists null, the PDFs no area at all)."""
    cells = ["[X] Culture", "[ ] Transport / Mobility", "[X] Labour Market and Skills", "[ ] Education", "[X] Housing"]
    if layout == "one column":
        grid = "Key:  [X] = with sufficient data    [ ] = without sufficient data\n" + "\n".join(cells)
    elif layout == "two columns":
        grid = ("Key:  [X] = with sufficient data    [ ] = without sufficient data\n"
                + "\n".join(f"{a:<34}{b}" for a, b in zip(cells[::2], [*cells[1::2], ""], strict=True)))
    else:
        grid = "Key:\n\n[X] = with sufficient data\n" + "\n".join(cells[:3]) + "\n\n[ ] = without sufficient data\n" + (
            "\n".join(cells[3:]))
    record = _record("How are outcomes measured?\n\nPolicy areas with sufficient data or without sufficient data to "
                     f"support innovation capacity in the city.\n{grid}\n", vocabulary)
    outcomes = record["outcomes"]
    assert sorted(_ids(outcomes["with_sufficient_data"])) == ["culture", "housing", "labour_market"]
    assert sorted(_ids(outcomes["without_sufficient_data"])) == ["education", "transport_mobility"]
    assert not [w for w in record["warnings"] if w["field"].startswith("outcomes")]


@pytest.mark.parametrize(("items", "expected"), [
    ("foresight, scenario planning", ["foresight"]),  # one term whose label holds a comma
    ("technological innovation, foresight, scenario planning and data analytics",
     ["technological_innovation", "foresight", "data_analytics"]),
    ("bold leadership, technological innovation", ["bold_leadership", "technological_innovation"]),
])
def test_a_term_whose_label_holds_a_comma_is_one_item_of_an_inline_list(
        vocabulary: Vocabulary, items: str, expected: list[str]) -> None:
    """"The city most closely associates innovation capacity with foresight, scenario planning."
    names one term, "Foresight, scenario planning": a comma splits a list only where the two
    pieces together are no term (blind rounds 2, 6 and 11: 5 lists read two unmapped items)."""
    record = _record("What is the city's innovation vision?\n\nBilbao has no formal innovation strategy. The city most "
                     f"closely associates innovation capacity with {items}.\n", vocabulary)
    assert _ids(record["vision"]["associations"]) == expected
    assert not [w for w in record["warnings"] if w["field"] == "vision.associations"]


@pytest.mark.parametrize(("text", "expected"), [
    ("It ends. Łódź maintains a data inventory.", ("It ends.", "Łódź maintains a data inventory.")),
    ("It ends. İzmir has one.", ("It ends.", "İzmir has one.")),
    ("It ends. 2020 was a year.", ("It ends.", "2020 was a year.")),
    ("It ends. “Quoted” starts.", ("It ends.", "“Quoted” starts.")),
    ("It runs on e.g. with Oslo. Then more.", ("It runs on e.g. with Oslo.", "Then more.")),  # lower case: no start
    ("It names St. John's.", ("It names St. John's.",)),  # an abbreviation
])
def test_a_sentence_starts_with_a_capital_of_any_script(text: str, expected: tuple[str, ...]) -> None:
    """Blind round 11's "… poor data quality. Łódź maintains …" was one sentence: the last
    challenge swallowed the next one, unmapped."""
    from snapshot_extract.textutil import split_sentences

    assert split_sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("[X] Housing", "☑ Housing"), ("[x] Housing", "☑ Housing"), ("[ ] Culture", "☐ Culture"),
    ("Key: [X] = with", "Key: ☑ = with"),
    ("Law Enforcement[ ] Health", "Law Enforcement ☐ Health"),  # an empty box run into the cell before it
    ("see note [1] and [X]-ray", "see note [1] and [X]-ray"),  # no box: a note's number, a word's part
    ("list[x] y", "list[x] y"),
])
def test_a_check_box_typed_as_text_is_its_glyph(text: str, expected: str) -> None:
    from snapshot_extract.textutil import clean_text

    assert clean_text(text) == expected


@pytest.mark.parametrize("heading", ["Overview\n\n", ""])
def test_a_row_of_labels_a_dump_ran_into_one_line_reads_each_value_by_its_kind(vocabulary: Vocabulary,
                                                                              heading: str) -> None:
    """"Mayor Term Innovation lead Population size Website" over its values run into one line
    (pypdf and pdftotext -raw of a horizontal table, blind rounds 8 and 11): the term, the
    population and the addresses are told by their form, each name is the text between them in
    the labels' order; the row is the Overview's with or without its heading."""
    record = _record(f"{heading}Mayor Term Innovation lead Population size Website\nTomáš Kjærgaard since 2013 "
                     "Anne-Sophie Wiśniewski 3,7 million (2016) http://data.x.us/portal\nwww.x-lab.org\n\n"
                     "What is the organisational structure?\n\nBilbao's innovation work is sprinkled throughout the "
                     "municipality.\n", vocabulary)
    overview = record["overview"]
    assert (overview["mayor"], overview["term_start"], overview["term_end"]) == ("Tomáš Kjærgaard", 2013, None)
    assert (overview["innovation_lead"], overview["population"], overview["population_year"]) == (
        "Anne-Sophie Wiśniewski", 3700000, 2016)
    assert overview["websites"] == ["http://data.x.us/portal", "https://www.x-lab.org"]
    assert not [w for w in record["warnings"] if w["field"].startswith("overview")]


def test_a_row_of_labels_whose_names_stand_side_by_side_flags_every_field_it_could_not_read(
        vocabulary: Vocabulary) -> None:
    """The same row with the two names' labels side by side ("Mayor Innovation lead Term …"):
    where one name ends and the next starts is unknown, so neither is read, and every field
    whose label is printed but whose value was not read is flagged on its own field (blind round
    8: 5 silent values)."""
    record = _record("Overview\n\nMayor Innovation lead Term Population size Website\nTomáš Kjærgaard "
                     "Anne-Sophie Wiśniewski since 2013 3,7 million (2016) http://data.x.us/portal\n", vocabulary)
    codes = {(w["field"], w["code"]) for w in record["warnings"]}
    for path in ("overview.term_start", "overview.innovation_lead", "overview.population", "overview.websites"):
        value = _value(record, path)
        assert value in (None, []) and (path, "not_found") in codes, (path, value)


def test_the_rest_of_a_cut_sentence_read_into_the_overview_goes_back(vocabulary: Vocabulary) -> None:
    """A column's last words set alone at the top of the next column, level with the overview
    panel, so read among its labels ("cities, to analyse data."; blind round 10): the overview
    holds no sentences, so the lower-case sentence end rejoins the one sentence left cut."""
    record = _record("Overview\n\nMayor: Juan Mari Aburto\n\ncities, to analyse data.\n\nWhat innovation partnerships "
                     "exist?\n\nTo improve data use, the city has also developed data partnerships with other public "
                     "agencies and other\n\nWhat funding is available?\n\nBilbao has dedicated funding.\n", vocabulary)
    partnerships = record["partnerships"]
    assert _ids(partnerships["data_partners"]) == ["public_agencies", "other_cities"]
    assert _ids(partnerships["data_activities"]) == ["analyse"]
    assert not [w for w in record["warnings"] if w["field"] == "overview"]


def test_data_partners_cut_after_a_word_warn_on_the_activities(vocabulary: Vocabulary) -> None:
    """The data partnership sentence stops after a word no list ends with ("… and other"): what
    the partnerships do with data may follow after the break, so the empty activities are flagged."""
    record = _record("What innovation partnerships exist?\n\nTo improve data use, the city has also developed data "
                     "partnerships with other public agencies and other\n\nWhat funding is available?\n\n"
                     "Bilbao has dedicated funding.\n", vocabulary)
    assert record["partnerships"]["data_activities"] == []
    assert ("partnerships.data_activities", "list_cut") in {(w["field"], w["code"]) for w in record["warnings"]}


def test_a_scheme_cut_from_its_address_into_a_block_of_its_own(vocabulary: Vocabulary) -> None:
    """Websites listed after their label, a separator, then "http://" and the rest of the address
    in blocks of their own (a bulleted overview in a narrow column, sweep sample 0356): the
    scheme is the address's, not lost to a default "https://" (silent once the separator, no
    longer an unread text, stopped warning the overview)."""
    record = _record("Overview\n\nMayor: Min-jun Kim\n\nInnovation / open data website: www.seoul.go.kr\n\n|\n\n"
                     "http://\n\ninnovation.seoul.go.kr/\n", vocabulary)
    assert record["overview"]["websites"] == ["https://www.seoul.go.kr", "http://innovation.seoul.go.kr/"]


def test_a_list_whose_lines_a_viewer_copy_joined_is_read_item_by_item(vocabulary: Vocabulary) -> None:
    """Blind round 13 (a viewer's "copy all" that joined each block's lines, 2 silent): the items
    of a list run together on one line, with no glyph and no blank line, the section's next
    sentence right under it. Every item is read, and the sentence after them too; a line of words
    that are no terms stays what it was."""
    record = _record(
        "What funding is available?\n"
        "As with 68% of cities surveyed, Bilbao has dedicated funding to support innovation capacity, which "
        "comes from the following sources:\n"
        "External (non-public) funding Municipal budget Innovative financing tools National or regional government\n"
        "Bilbao's funding for innovation capacity is generally directed towards paying for third-party services.\n"
        "How is innovation helping the city?\n"
        "Simplifying administrative procedures for firms and residents Engaging residents and other stakeholders "
        "Serving current obligations\n"
        "The most critical success factors in supporting the city's innovation work are:\n"
        "Residents who volunteer their weekends and evenings to help the city test its new services\n", vocabulary)
    assert _ids(record["funding"]["sources"]) == [
        "external_non_public", "municipal_budget", "innovative_financing", "higher_government"]
    assert _ids(record["funding"]["directed_to"]) == ["third_party_services"]
    assert _ids(record["impact"]["benefits"]) == ["simplify_procedures", "engage_residents", "current_obligations"]
    assert record["impact"]["success_factors"] == []  # a line of words that are no terms: flagged
    assert {"unmapped_term", "unreadable_value"} & {w["code"] for w in record["warnings"] if w["field"].startswith("impact")}


@pytest.mark.parametrize(("label", "kind"), [
    ("With sufficient data", "with"), ("Without sufficient data", "without"),
    ("Sufficient data", "with"), ("Insufficient data", "without"), ("Green: with sufficient data", "with"),
    # blind round 13's disc legend (10 values flagged, unread): "● sufficient data available" / "○ no sufficient data"
    ("sufficient data available", "with"), ("No sufficient data", "without"),
    ("Sufficient data is available for", None), ("no data", None),
    # and keyed by a colour named in more words (blind round 13's text-colour grid, unread)
    ("Dark, bold: with sufficient data", "with"), ("Light grey: without sufficient data", "without"),
    # blind round 24's Ruby cairo legend and round 25's tikzposter key (both grids unread)
    ("enough data to measure outcomes", "with"), ("not enough data", "without"),
    ("data are sufficient", "with"), ("data are insufficient", "without"), ("lacks sufficient data", "without"),
])
def test_legend_labels(label: str, kind: str | None) -> None:
    from snapshot_extract.fields.legend import legend_kind

    assert legend_kind(label) == kind


def test_items_printed_under_the_other_lists_intro_are_read_into_the_list_they_name(vocabulary: Vocabulary) -> None:
    """Blind round 13 and the dump sweep (pdftotext of two columns): the funding intro, then the
    staff list's intro, then the items of both lists, one after the other. Each funding source
    is read into funding.sources, flagged ``uncertain_list`` there, and no longer unmapped; the
    staff roles stay where they are; an item that names neither list stays unmapped."""
    record = _record(
        "What is the organisational structure?\n\nBilbao's innovation work is housed in the Mayor's office.\n\n"
        "What funding is available?\n\nSimilar to half of cities surveyed, Bilbao has dedicated funding to support "
        "innovation capacity, which comes from the following sources:\n\nStaff skills and profiles include:\n\n"
        "▶ Innovative financing tools\n\n▶ Health Professional\n\n▶ Municipal budget\n\n▶ Community engagement staff\n\n"
        "▶ Bicycle repair\n", vocabulary)
    assert _ids(record["organisation"]["staff_skills"]) == ["health_professional", "community_engagement"]
    assert _ids(record["funding"]["sources"]) == ["innovative_financing", "municipal_budget"]
    assert [entry["text"] for entry in record["unmapped"]] == ["Bicycle repair"]
    codes = {(warning["field"], warning["code"]) for warning in record["warnings"]}
    assert ("funding.sources", "uncertain_list") in codes and ("funding.sources", "unreadable_value") not in codes
    assert ("organisation.staff_skills", "uncertain_list") in codes  # mixed with another list's: may lack items
    assert record["provenance"]["funding.sources[1]"]["text"] == "Municipal budget"


def test_address_pieces_around_a_bar_and_a_hyphen_marked_real_at_a_line_end() -> None:
    """Sweep seeds 3 and 7 (silent): a cell of addresses set apart by bars, wrapped so that a
    line holds the end of one, a bar and the start of the next ("open-data | opendata.c-"), is
    the websites value's; a hyphen the layout marked as real at a line end (U+2011) is a plain
    hyphen in the address joined over it."""
    from snapshot_extract.fields.addresses import holds_address
    from snapshot_extract.textutil import HARD_BREAK

    assert holds_address(f"open-data | opendata.c{HARD_BREAK}", piece=True)
    assert not holds_address("Organisational structure", piece=True)
    assert urls(f"http://innovation.stadt{HARD_BREAK} zuerich.ch/") == ["http://innovation.stadt-zuerich.ch/"]
    assert urls(f"https://c-budejovice.cz/open-data | opendata.c{HARD_BREAK} budejovice.cz") == [
        "https://c-budejovice.cz/open-data", "https://opendata.c-budejovice.cz"]


def test_a_list_carried_on_after_the_next_sections_grid_goes_back_to_its_section(vocabulary: Vocabulary) -> None:
    """Sweep seed 2 (3 benefits lost, silent): the benefits list carried on at the top of the
    next column, which the reading order put after the outcomes grid, its items lines of their
    own with no glyph. Each item that is a whole term of a list another section holds goes there."""
    record = _record(
        "How is innovation helping the city?\n\nGenerating new sources of revenue\n\n"
        "How are outcomes measured?\n\nPolicy areas with sufficient data or without sufficient data to support "
        "innovation capacity in the city.\n\n• Health\n• Tourism\n\nImprove resident outcomes\n\n"
        "Serve current obligations\n", vocabulary)
    assert _ids(record["impact"]["benefits"]) == ["new_revenue", "resident_outcomes", "current_obligations"]
    assert _ids(record["outcomes"]["policy_areas"]) == ["health", "tourism"]


@pytest.mark.parametrize(("answer", "flagged"), [("has", True), ("does not have", False)])
def test_where_dedicated_funding_goes_is_stated_where_there_is_some(vocabulary: Vocabulary, answer: str,
                                                                    flagged: bool) -> None:
    """Sweep seeds 3, 6 and 7 (funding.directed_to empty, silent): a city with dedicated funding
    always says where it comes from and where it goes; read empty, with the section read, the
    list is flagged ``not_found``. A city without it states neither."""
    record = _record(f"What funding is available?\n\nLike 40% of cities surveyed, Bilbao {answer} dedicated funding to "
                     "support innovation capacity, which comes from the municipal budget.\n", vocabulary)
    codes = {(warning["field"], warning["code"]) for warning in record["warnings"]}
    assert (("funding.directed_to", "not_found") in codes) is flagged
    assert ("funding.sources", "not_found") not in codes


@pytest.mark.parametrize(("address", "glued"), [
    ("https://opendata.aucklandcouncil.govt.nzWhat", True),  # fpdf2: the next column's heading glued on
    ("http://innovation.aucklandcouncil.govt.nz/,Aucklandhasnoformalinnovation", True),
    ("https://data.x.nz/OpenData", False), ("https://www.x.berlin", False), ("https://x.org/a,b", False),
])
def test_an_address_run_on_into_the_text_after_it_is_flagged(vocabulary: Vocabulary, address: str, glued: bool) -> None:
    """Sweep seeds 2 and 6 (silent): an address overflowing its column runs into the words printed
    after it, with no space; the value is kept as printed, and flagged."""
    record = _record(f"Overview\n\nMayor: Jane Doe\nInnovation / open data website: {address}\n", vocabulary)
    codes = {(warning["field"], warning["code"]) for warning in record["warnings"]}
    assert (("overview.websites", "unreadable_value") in codes) is glued


def test_a_label_wrapped_around_its_value_flags_the_value_not_read(vocabulary: Vocabulary) -> None:
    """Sweep seed 4 (silent): a narrow cell wrapped "Innovation Lead" around the name under it,
    the dump reading "Innovation Dan O'Sullivan-Reyes Lead": the lead is not read, and flagged."""
    record = _record("Overview\n\nMayor: Priya Horrigan\n\nInnovation Dan O'Sullivan-Reyes Lead Population 463400 "
                     "(2018) size\n\nWhat is the organisational structure?\n\nBilbao's innovation work is "
                     "sprinkled throughout the municipality.\n", vocabulary)
    codes = {(warning["field"], warning["code"]) for warning in record["warnings"]}
    assert record["overview"]["innovation_lead"] is None
    assert ("overview.innovation_lead", "not_found") in codes


@pytest.mark.parametrize(("title", "flagged"), [
    ("StreetLabBogotá", True), ("SmartAucklandForum", True),  # pdfplumber lost the spaces fpdf2 never drew
    ("Street Lab Bogotá", False), ("InnovationLab Bilbao", False), ("INNOVATIONSFABRIKEN", False),
])
def test_a_spotlight_title_whose_words_run_together_is_flagged(vocabulary: Vocabulary, title: str,
                                                               flagged: bool) -> None:
    """The dump sweep (pdfplumber, 5 titles silent): a title whose words a tool printed with no
    space between them is kept as printed and flagged; a brand's one capital inside a word is none."""
    record = _record(f"Spotlight | {title}\n\nThe lab opened in 2019 and has run 40 pilots.\n", vocabulary)
    codes = {(warning["field"], warning["code"]) for warning in record["warnings"]}
    assert record["spotlight"]["title"] == title
    assert (("spotlight.title", "unreadable_value") in codes) is flagged


def test_a_legend_that_names_one_side_only_as_painted_pairs_it_with_the_grids_paint() -> None:
    """"Shaded cells = data available; white cells = data gap." (AbiWord table, blind round 19:
    five grids left unclassified): the unnamed painted side is the grid's paint away from the
    paper; a side named by its colour keeps that colour ("green shaded cells")."""
    from snapshot_extract.fields.legend import SHADED, named_keys, resolve_names
    from snapshot_extract.models import PAPER

    worded = named_keys(["Shaded cells = data available; white cells = data gap."])
    assert worded == {"with": SHADED, "without": PAPER}
    green = (0.8, 0.93, 0.8)
    assert resolve_names(worded, [PAPER, green]) == {"with": green, "without": PAPER}
    named = named_keys(["Green shaded cells are areas with sufficient data; unshaded cells are areas without "
                        "sufficient data."])
    assert named["without"] == PAPER and named["with"] != SHADED


def test_a_whole_legend_label_is_no_rest_of_the_cell_above_it() -> None:
    """"Education" (the grid's last cell) over "green = Data available": the label is whole, the
    cell is a cell (blind round 15: the cell was read as the label's first line and lost)."""
    from snapshot_extract.fields.legend import wrapped_labels
    from snapshot_extract.models import Block, Line

    def block(text: str, top: float) -> Block:
        line = Line(text, page=1, bbox=(37.0, top, 37.0 + 5 * len(text), top + 9), cells=(text,))
        return Block("paragraph", text, (line,), (text,))

    assert wrapped_labels([block("Education", 92), block("green = Data available", 104)]) == {}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Łękowice Wielkie has a dedicated team in the Mayor's office working on building innovation capacity, "
     "which consists of 24 dedicated staff.", "mayors_office"),
    ("Maungaroa has an independent department working on building innovation capacity.", "independent_department"),
    ("Ørsted Bay has a dedicated team within a department focused on service design.", "within_department"),
    ("Bad Sülzenau has no dedicated team for innovation; staff work on it beside their duties.", "no_dedicated_team"),
])
def test_a_structure_read_past_what_the_team_works_on(sentence: str, expected: str, vocabulary: Vocabulary) -> None:
    """Blind round 26: nine records lost the structure (warned) where the sentence went on with
    what the team works on ("an independent department working on building innovation capacity")
    or the city's name opened with a letter past ASCII ("Łękowice Wielkie has ...")."""
    record = _record(f"What is the organisational structure?\n\n{sentence}\n", vocabulary)
    assert record["organisation"]["structure"]["id"] == expected
    assert record["organisation"]["structure"]["score"] >= 90


def test_a_strategy_sentence_whose_start_was_lost_flags_the_peer_share(vocabulary: Vocabulary) -> None:
    """Blind round 26's scan struck through by a pen: the vision section began "de-Hoeve has no
    formal innovation strategy." (its first line, "Like around 38% of cities surveyed, Zuidwolde-",
    read elsewhere): the share was lost silently. A sentence that starts mid-way flags the peer."""
    record = _record("What is the city's innovation vision?\n\nde-Hoeve has no formal innovation strategy.\n", vocabulary)
    assert record["vision"]["formal_strategy"] is False and record["vision"]["peer"] is None
    assert [w["code"] for w in record["warnings"] if w["field"] == "vision.peer"] == ["unreadable_value"]
    whole = _record("What is the city's innovation vision?\n\nBilbao has no formal innovation strategy.\n", vocabulary)
    assert not [w for w in whole["warnings"] if w["field"] == "vision.peer"]  # a whole sentence: no share, no doubt


def test_a_grid_run_on_between_separators_is_read_as_its_areas(vocabulary: Vocabulary) -> None:
    """A web page's grid as a line of areas between "·" (blind round 26's feed entry): no area was
    read, the line "not understood". Each part is an area; the colours are lost, and said so."""
    record = _record(
        "How are outcomes measured?\n\nPolicy areas with sufficient data or without sufficient data to support "
        "innovation capacity in the city.\n\nEnvironment and Climate Change · Housing · Land Use / Zoning · Waste · "
        "City Resilience · Social Inclusion, Equity · Economic Development\n", vocabulary)
    assert _ids(record["outcomes"]["policy_areas"]) == [
        "environment_climate", "housing", "land_use_zoning", "waste_sewage", "resilience", "social_inclusion_equity",
        "economic_development"]
    assert record["outcomes"]["with_sufficient_data"] is None
    assert {w["code"] for w in record["warnings"] if w["field"] == "outcomes.with_sufficient_data"} == {"no_grid_colours"}


def test_an_address_cut_after_a_slash_goes_on_with_a_piece_that_ends_with_one() -> None:
    """Blind round 27: a sidebar wrapped "https://" / "opendata.nowaelazna.gov.pl/" / "en/" and the
    record kept ".../" without "en/". A piece that ends with "/" is a path, never an English word;
    a word after an address still starts a sentence."""
    assert urls("https:// opendata.nowaelazna.gov.pl/ en/") == ["https://opendata.nowaelazna.gov.pl/en/"]
    assert urls("see https://x.org/ and more") == ["https://x.org/"]


def test_a_list_item_that_leaves_a_bracket_open_goes_on_in_the_line_that_closes_it(vocabulary: Vocabulary) -> None:
    """Blind round 27 (MetaPost): "1. International / multilateral institution budget (EU structural"
    / "funds)" was read as a heading naming the funding section (numbered, few words) and its
    item lost, "funds)" an unmapped item of its own. A heading prints its brackets whole."""
    text = (
        "City Innovation Snapshot TARNAVIK, Norway\n\nOverview\n\nMayor: Ane Berg\n\n"
        "What is the organisational structure?\n\nTarnavik's innovation work is led by an independent department.\n\n"
        "What funding is available?\n\nLike 20% of cities surveyed, Tarnavik has dedicated funding to support "
        "innovation capacity, which comes from the following sources:\n\n"
        "1. International / multilateral institution budget (EU structural\n   funds)\n\n"
        "2. Municipal budget (operating budget)\n\n"
        "How is data used?\n\nTarnavik uses data to plan its services.\n"
    )
    record = parse_document(read_text(text.encode(), "tarnavik.txt"), vocabulary).record
    assert [term.id for term in record.funding.sources] == ["international", "municipal_budget"]


@pytest.mark.parametrize(("legend", "colours"), [
    ("Green cells: with sufficient data; grey cells: without sufficient data", {"with": (0.0, 128 / 255, 0.0)}),
    ("light grey shaded cells are areas without sufficient data; white cells are areas with sufficient data",
     {"without": (211 / 255, 211 / 255, 211 / 255), "with": (1.0, 1.0, 1.0)}),
])
def test_a_legend_worded_in_colour_names_names_the_css_colours(legend: str, colours: dict[str, tuple[float, ...]]) -> None:
    """A legend in sentences names each side's colour; the names are CSS's ("light grey" read as
    "lightgrey"), so that a text dump's parse needs no PDF library loaded."""
    named = named_keys([legend])
    for kind, colour in colours.items():
        assert named[kind] == pytest.approx(colour)


def test_overview_labels_read_before_their_heading_are_the_overview(vocabulary: Vocabulary) -> None:
    """Blind round 29's Graphviz posters: the Overview box's table was read before the box's
    title, so its labels and values stood in the preamble and the "Overview" heading had nothing
    under it (mayor, term, lead, population and website lost). An Overview heading with no label
    under it takes the labels printed before the first heading."""
    record = _record("Mayor\n\nTerm\n\nInnovation Lead\n\nPopulation size\n\nJane Roe\n\n2019–2023\n\nJohn Doe\n\n"
                     "345,000 (2019)\n\nOverview\n\nWhat is the organisational structure?\n\nBilbao's innovation "
                     "work is sprinkled throughout the municipality.\n", vocabulary)
    overview = record["overview"]
    assert (overview["mayor"], overview["innovation_lead"], overview["population"]) == ("Jane Roe", "John Doe", 345000)
    assert (overview["term_start"], overview["term_end"]) == (2019, 2023)
    assert not [warning for warning in record["warnings"] if warning["field"].startswith("overview")]

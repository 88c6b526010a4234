"""Vocabulary matching: table-driven cases, including the seed's own phrasings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from snapshot_extract.errors import VocabularyError
from snapshot_extract.vocabulary import Match, Miss, Vocabulary, load_vocabulary

MATCHES = [
    ("benefits", "Gaining efficiency within the public sector", "efficiency"),
    ("benefits", "Improving service delivery", "service_delivery"),
    ("benefits", "Improve service delivery", "service_delivery"),
    ("benefits", "Improved service delivery", "service_delivery"),
    ("benefits", "improving  SERVICE-delivery.", "service_delivery"),
    ("benefits", "Anticipating and managing future challenges", "anticipate_future"),
    ("benefits", "Servicing current obligations", "current_obligations"),
    ("staff_roles", "Strategic Communications / Marketing", "communication_officer"),
    ("staff_roles", "Project Manager", "project_manager"),
    ("staff_roles", "Economist", "economist"),
    ("success_factors", "a focus on metrics", "measurement"),
    ("success_factors", "leadership from the Mayor", "mayor_leadership"),
    ("success_factors", "Culture of innovation within the municipal administration", "culture"),
    ("funding_sources", "Municipal budget (operating budget / innovation investment fund in social domain)", "municipal_budget"),
    ("funding_sources", "International/multilateral institution budget", "international"),
    ("funding_sources", "External (non-public) funding (academic or think tank resources)", "external_non_public"),
    ("funding_uses", "Hiring & training staff", "staff"),
    ("funding_uses", "paying for third-party services", "third_party_services"),
    ("innovation_terms", "Behavioral economics", "behavioural_economics"),
    ("innovation_terms", "Human-centered design", "human_centred_design"),
    ("innovation_terms", "Hierarchy-busting", "hierarchy_busting"),
    ("data_activities", "Analyze data", "analyse"),
    ("data_activities", "collect", "collect"),
    ("partner_types", "private firms", "private_sector"),
    ("partner_types", "non-profit organizations", "non_profits"),
    ("partner_types", "city residents/resident associations", "residents"),
    ("policy_areas", "Social Welfare / Social Services", "social_welfare"),
    ("policy_areas", "Social Inclusion, Equity", "social_inclusion_equity"),
    ("policy_areas", "Transport and Mobility", "transport_mobility"),
    ("policy_areas", "Labor Market and Skills", "labour_market"),
    ("policy_areas", "Environment & Climate Change", "environment_climate"),
    ("org_structure", "sprinkled throughout the municipality", "dispersed"),
    ("org_structure", "Situated in the Mayor’s office", "mayors_office"),
    ("approach_scope", "both from a holistic / macro level and in specific areas", "both"),
    ("data_role", "significant role", "significant"),
    ("data_role", "somewhat significant role", "somewhat_significant"),
    ("data_inventory", "comprehensive data inventory on some key topics", "comprehensive_some_topics"),
    ("data_challenges", "insufficient staff capacity to collect and analyse data", "staff_capacity"),
]

MISSES = [
    ("benefits", "Security"),
    ("benefits", "Resource efficiency"),
    ("staff_roles", "Blockchain specialist"),
    ("innovation_terms", "Data"),
    ("policy_areas", "Space exploration"),
    ("partner_types", "academia and think tanks and philanthropy and other cities"),
]


@pytest.mark.parametrize(("group", "text", "expected"), MATCHES)
def test_match(vocabulary: Vocabulary, group: str, text: str, expected: str) -> None:
    result = vocabulary.match(group, text)
    assert isinstance(result, Match), result
    assert result.id == expected
    assert result.text == text
    assert vocabulary.confident(result.score)


@pytest.mark.parametrize(("group", "text"), MISSES)
def test_miss_is_never_forced(vocabulary: Vocabulary, group: str, text: str) -> None:
    result = vocabulary.match(group, text)
    assert isinstance(result, Miss), result
    assert result.best_score < vocabulary.threshold


def test_exact_label_scores_100(vocabulary: Vocabulary) -> None:
    for name, terms in vocabulary.groups.items():
        for term in terms:
            result = vocabulary.match(name, term.label)
            assert isinstance(result, Match) and result.id == term.id and result.score == 100.0, (name, term)


@pytest.mark.parametrize("text", ["Saving costs and improving efficiency within the public sector",
                                  "Serving current obligations", "Improving service delivery"])
def test_a_label_in_gerunds_is_the_term_every_word_of_it(vocabulary: Vocabulary, text: str) -> None:
    """Every verb of a label printed as a gerund, a four-letter one too ("Save" as "Saving"), is
    still the label: the term is known as such (a list item printed without a marker then ends
    where it ends; "Saving costs …" ran into the sentence after it in a new sweep seed)."""
    assert vocabulary.groups_of(text) == ("benefits",)
    match = vocabulary.match("benefits", text)
    assert isinstance(match, Match) and match.score == 100.0


def test_extra_detail_maps_with_a_lower_score(vocabulary: Vocabulary) -> None:
    result = vocabulary.match("benefits", "Improving service delivery for residents and firms")
    assert isinstance(result, Match) and result.id == "service_delivery"
    assert not vocabulary.confident(result.score)


def test_user_file_extends(tmp_path: Path) -> None:
    extra = {"groups": {"benefits": {"terms": [
        {"id": "security", "label": "Security", "aliases": ["public safety"]},
        {"id": "efficiency", "label": "Save costs and improve efficiency within the public sector", "aliases": ["Resource efficiency"]},
    ]}}}  # fmt: skip
    path = tmp_path / "extra.json"
    path.write_text(json.dumps(extra), encoding="utf-8")
    vocabulary = load_vocabulary(path)
    assert vocabulary.match("benefits", "Public safety").id == "security"  # type: ignore[union-attr]
    assert vocabulary.match("benefits", "Resource efficiency").id == "efficiency"  # type: ignore[union-attr]
    assert vocabulary.match("benefits", "Improve service delivery").id == "service_delivery"  # type: ignore[union-attr]


@pytest.mark.parametrize(("name", "content"), [
    ("aliases.json", '{"groups": {"benefits": {"terms": [{"id": "efficiency", "aliases": ["Resource efficiency"]}]}}}'),
    ("aliases.md", "## benefits — more ways to say it\n| id | label | aliases |\n|---|---|---|\n"
                   "| efficiency | | Resource efficiency |\n"),
])  # fmt: skip
def test_alias_only_entry_needs_no_label(tmp_path: Path, name: str, content: str) -> None:
    """Adding an alias to a known term takes its id and the aliases: the label is the packaged one."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    vocabulary = load_vocabulary(path)
    match = vocabulary.match("benefits", "Resource efficiency")
    assert isinstance(match, Match) and match.id == "efficiency" and match.score == 100.0
    packaged = {term.id: term for term in load_vocabulary().groups["benefits"]}["efficiency"]
    extended = {term.id: term for term in vocabulary.groups["benefits"]}["efficiency"]
    assert extended.label == packaged.label
    assert extended.aliases == (*packaged.aliases, "Resource efficiency")


def test_alias_only_entry_for_an_unknown_id_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "typo.json"
    path.write_text('{"groups": {"benefits": {"terms": [{"id": "efficency", "aliases": ["x"]}]}}}', "utf-8")
    with pytest.raises(VocabularyError) as caught:
        load_vocabulary(path)
    assert caught.value.one_line() == (
        f"error: {path}: key 'groups.benefits.terms[0].label': missing or empty (a new term needs one; an "
        "alias-only entry must name an id its group already has)")
    with pytest.raises(VocabularyError):  # replacing the vocabulary: every term needs its label
        load_vocabulary(tmp_path / "typo.json", replace=True)


def test_user_file_replaces(tmp_path: Path) -> None:
    path = tmp_path / "only.json"
    path.write_text(json.dumps({"groups": {"benefits": {"terms": [{"id": "x", "label": "X thing"}]}}}), "utf-8")
    vocabulary = load_vocabulary(path, replace=True)
    assert list(vocabulary.groups) == ["benefits"]


@pytest.mark.parametrize(
    ("content", "key"),
    [
        ("{not json", "invalid JSON"),
        ('{"groups": {}}', "groups"),
        ('{"groups": {"benefits": {"terms": [{"label": "x"}]}}}', "groups.benefits.terms[0].id"),
        ('{"groups": {"benefits": {"terms": [{"id": "Bad Id", "label": "x"}]}}}', "groups.benefits.terms[0].id"),
        ('{"groups": {"benefits": {"terms": [{"id": "x", "label": ""}]}}}', "groups.benefits.terms[0].label"),
        ('{"groups": {"benefits": {"terms": [{"id": "x", "label": "X", "aliases": "y"}]}}}', "aliases"),
        ('{"groups": {"b": {"terms": [{"id": "x", "label": "X"}, {"id": "x", "label": "Y"}]}}}', "duplicate"),
    ],
)
def test_malformed_file_names_file_and_key(tmp_path: Path, content: str, key: str) -> None:
    path = tmp_path / "vocab.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(VocabularyError) as caught:
        load_vocabulary(path)
    line = caught.value.one_line()
    assert str(path) in line and key in line and "\n" not in line


def test_the_packaged_vocabulary_is_one_shared_instance() -> None:
    """``extract(path)`` without a vocabulary reuses the remembered matches of earlier calls."""
    assert load_vocabulary() is load_vocabulary()


def test_remembered_matches_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from snapshot_extract import vocabulary as module

    monkeypatch.setattr(module, "_MEMO_LIMIT", 3)
    version, groups, (threshold, confident) = module._packaged()
    fresh = Vocabulary(version, groups, threshold, confident)
    for word in ("efficiency", "innovation", "data", "budget", "mayor"):
        fresh.match("benefits", word)
    assert len(fresh._memo) <= 3
    result = fresh.match("benefits", "Gaining efficiency within the public sector")
    assert isinstance(result, Match) and result.id == "efficiency"

"""Fast paths give exactly what their plain definitions give, on any input.

Speed work replaced a few regex passes by cheaper tests (see ``make bench``); each one is pinned
here against the definition it stands for, over arbitrary text and numbers.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from snapshot_extract.fields.common import (
    _BOUNDARY_WORDS,
    _CLAUSE_BOUNDARY_RE,
    _CLAUSE_MARKS,
    _ENDED_RE,
    _ENDED_WORDS,
    _HEDGE_RE,
    _HEDGE_WORDS,
    _SENTENCE_END_RE,
    Evidence,
    _term,
    evidence,
    sentences,
)
from snapshot_extract.fields.organisation import _NUMBER_WORDS
from snapshot_extract.geometry import round2
from snapshot_extract.models import Line, Term
from snapshot_extract.read.text import _BOLD_RE, _cut_bold, _is_plain, _line
from snapshot_extract.sections import Block, _block
from snapshot_extract.textutil import fold_spaces

from .test_fields import _guarded_patterns, _key

EXACT = settings(max_examples=2000, derandomize=True, database=None)
# Whitespace of every kind, markdown marks and letters: where the fast paths could go wrong.
TEXT = st.text(st.sampled_from(list("ab Z*_<[]()|\\#-\t\n\r\x0b\x0c\x1c\x85\xa0\u2003\u2028\u3000é")), max_size=40)


@EXACT
@given(TEXT)
def test_fold_spaces_is_the_whitespace_regex(text: str) -> None:
    assert fold_spaces(text) == re.sub(r"\s+", " ", text).strip()


# Sentence ends, and what may follow them: capitals, digits, quotes, brackets, whitespace of any kind.
SENTENCE_TEXT = st.text(st.sampled_from(list("aZ7 .!?“\"(\t\n\xa0\u2028\x85é")), max_size=30)


@EXACT
@given(SENTENCE_TEXT)
def test_sentences_split_where_the_sentence_end_regex_splits(text: str) -> None:
    assert sentences(text) == tuple(part for part in _SENTENCE_END_RE.split(text) if part.strip())


@EXACT
@given(TEXT)
def test_a_plain_line_has_nothing_to_fold(text: str) -> None:
    stripped = text.strip()
    if stripped and _is_plain(stripped):
        assert fold_spaces(stripped) == stripped


@EXACT
@given(TEXT)
def test_bold_runs_are_cut_where_the_bold_regex_finds_them(text: str) -> None:
    cut = _cut_bold(text)
    assert "".join(cut) == _BOLD_RE.sub(lambda match: match.group(1) or match.group(2), text)
    assert cut[1::2] == [stars or underscores for stars, underscores in _BOLD_RE.findall(text)]


@EXACT
@given(st.floats(allow_nan=False, allow_infinity=True) | st.integers(-10**6, 10**6).map(lambda n: n / 1000))
def test_round2_is_round_to_two_places(value: float) -> None:
    expected = round(value, 2)
    assert round2(value) == expected and str(round2(value)) == str(expected)  # same sign of zero too


def test_round2_ties_and_signed_zero() -> None:
    for value in (0.125, 0.375, 2.675, 1.005, -0.004, -0.0, 0.0, 1e15 + 0.125, -2.5e-3):
        assert str(round2(value)) == str(round(value, 2))


# Words the mappers' patterns look for, and the letters where lowercasing and IGNORECASE part ways.
WORDS = st.sampled_from(["staff", "Team", "of", "5", "twenty-five", "dedicated", "funding", "data", "to", "use",
                         "with", "and", "partnerships", "innovation", "strategy", "no", "not", "İ", "ı", "ſ",
                         "K", "É", "’", "STAFF", "Data", "cities", "surveyed", "Like", "81%", ":", ",", "."])
PHRASES = st.lists(WORDS, max_size=14).map(" ".join)
GUARDED = _guarded_patterns()


@EXACT
@given(st.sampled_from(range(len(GUARDED))), PHRASES)
def test_a_guarded_pattern_finds_what_its_regex_finds(which: int, text: str) -> None:
    name, guarded = GUARDED[which]
    expected = [_key(match) for match in guarded.pattern.finditer(text)]
    assert [_key(match) for match in guarded.finditer(text)] == expected, name
    found = guarded.search(text)
    assert (_key(found) if found else None) == (expected[0] if expected else None), name
    assert guarded.split(text) == guarded.pattern.split(text), name


# polarity runs these regexes only on text holding one of their literals: every match must hold one.
@EXACT
@given(st.sampled_from([(_HEDGE_RE, _HEDGE_WORDS), (_ENDED_RE, _ENDED_WORDS)]), st.data())
def test_every_match_holds_one_of_the_literals_its_regex_is_guarded_by(guard: tuple[re.Pattern[str], tuple[str, ...]],
                                                                         data: st.DataObject) -> None:
    pattern, words = guard
    text = data.draw(st.from_regex(pattern))
    assert any(word in text for word in words), text


@EXACT
@given(st.from_regex(_CLAUSE_BOUNDARY_RE))
def test_a_clause_boundary_after_the_last_mark_holds_a_boundary_word(text: str) -> None:
    tail = text[max(text.rfind(mark) for mark in _CLAUSE_MARKS) + 1 :]  # as polarity cuts it
    if _CLAUSE_BOUNDARY_RE.search(tail):
        assert any(word in tail for word in _BOUNDARY_WORDS), tail


# Named tuples built by tuple.__new__ (their own __new__ is Python code): the same tuples, same type.
@EXACT
@given(st.text(max_size=5), st.booleans(), st.booleans(), st.lists(st.text(max_size=3), max_size=3).map(tuple))
def test_fast_constructors_build_what_the_named_tuples_build(text: str, bold: bool, bullet: bool,
                                                              parts: tuple[str, ...]) -> None:
    line = _line(text, bold, bullet, parts, (text,))
    expected = Line(text, bold=bold, bullet=bullet, bold_parts=parts, cells=(text,))
    assert type(line) is Line and line == expected and line._asdict() == expected._asdict()
    block = _block("bullet", text, (line,))
    assert type(block) is Block and block == Block("bullet", text, (line,)) and block.lines == (line,)
    found = evidence(text, 2, (1.0, 2.0, 3.0, 4.0))
    assert type(found) is Evidence and found == Evidence(text, 2, (1.0, 2.0, 3.0, 4.0))


def test_a_remembered_term_was_validated_and_is_shared() -> None:
    term = _term("efficiency", "Efficiency", "Gaining efficiency", 95.5)
    assert isinstance(term, Term) and term.model_dump() == {
        "id": "efficiency", "label": "Efficiency", "text": "Gaining efficiency", "score": 95.5}
    assert _term("efficiency", "Efficiency", "Gaining efficiency", 95.5) is term  # frozen: safe to share
    with pytest.raises(ValidationError):
        _term("efficiency", "Efficiency", "Gaining efficiency", 100.5)  # validated when first made


def test_the_count_lookahead_names_the_first_letter_of_every_number_word() -> None:
    # _COUNT_RE tries its number words only after (?=[otfsenha]): a word starting elsewhere would be lost
    assert {word[0] for word in _NUMBER_WORDS} <= set("otfsenha")


STARTING = [(name, guarded) for name, guarded in GUARDED if guarded.starts]


@EXACT
@given(st.sampled_from(range(len(STARTING))), st.data())
def test_a_starting_guard_word_begins_every_match(which: int, data: st.DataObject) -> None:
    # search() starts at the first guard word: a match beginning anywhere else would be lost
    name, guarded = STARTING[which]
    text = data.draw(st.from_regex(guarded.pattern))
    match = guarded.pattern.search(text)
    assert match is not None
    if not any(odd in text for odd in "ſıİ"):  # lowercasing does not give their s and i (see GuardedPattern)
        assert any(text.lower().startswith(word, match.start()) for word in guarded.words), (name, text)
        found = guarded.search(text)
        assert found is not None and _key(found) == _key(match), name

"""Fast paths give exactly what their plain definitions give, on any input.

Speed work replaced a few regex passes by cheaper tests (see ``make bench``); each one is pinned
here against the definition it stands for, over arbitrary text and numbers.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from snapshot_extract.geometry import round2
from snapshot_extract.read.text import _BOLD_RE, _cut_bold, _is_plain
from snapshot_extract.textutil import fold_spaces

from .test_fields import _guarded_patterns, _key

EXACT = settings(max_examples=2000, derandomize=True, database=None)
# Whitespace of every kind, markdown marks and letters: where the fast paths could go wrong.
TEXT = st.text(st.sampled_from(list("ab Z*_<[]()|\\#-\t\n\r\x0b\x0c\x1c\x85\xa0\u2003\u2028\u3000é")), max_size=40)


@EXACT
@given(TEXT)
def test_fold_spaces_is_the_whitespace_regex(text: str) -> None:
    assert fold_spaces(text) == re.sub(r"\s+", " ", text).strip()


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

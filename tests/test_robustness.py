"""Arbitrary and mutated text never raises anything but the project's own NotASnapshot."""

from __future__ import annotations

import contextlib
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from snapshot_extract.errors import NotASnapshot, UnreadableInput
from snapshot_extract.pipeline import parse_document
from snapshot_extract.read.text import read_text
from snapshot_extract.vocabulary import Vocabulary, load_vocabulary

from .conftest import FIXTURES

VOCABULARY: Vocabulary = load_vocabulary()
SEED_LINES = (FIXTURES / "text" / "enschede.txt").read_text(encoding="utf-8").splitlines()


def _parse(text: str) -> None:
    try:
        document = read_text(text.encode("utf-8", "surrogatepass"), "fuzz.txt")
    except UnreadableInput:
        return
    with contextlib.suppress(NotASnapshot):
        parse_document(document, VOCABULARY)


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_arbitrary_text(text: str) -> None:
    _parse(text)


@settings(max_examples=150, deadline=2000)
@given(st.randoms(use_true_random=False), st.integers(0, 4))
def test_mutated_seed(rng: random.Random, mode: int) -> None:
    lines = list(SEED_LINES)
    if mode == 0:
        rng.shuffle(lines)
    elif mode == 1:
        del lines[rng.randrange(len(lines)) :]
    elif mode == 2:
        for _ in range(5):
            lines.insert(rng.randrange(len(lines)), "".join(chr(rng.randrange(32, 0x2FFF)) for _ in range(30)))
    elif mode == 3:
        lines = [line[::-1] if rng.random() < 0.3 else line for line in lines]
    else:
        lines = [line.upper() if rng.random() < 0.5 else line.replace(" ", "\t") for line in lines]
    _parse("\n".join(lines))

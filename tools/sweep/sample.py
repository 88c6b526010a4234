"""The fixed CI sample: a few documents chosen (greedily, from seeded candidates) so that every
producer and every dimension value occurs, spread as evenly as the count allows."""

from __future__ import annotations

from .render import plan
from .space import DIMENSIONS

CANDIDATES = 1500


def _pairs(design: dict[str, str]) -> set[tuple[str, str]]:
    return set(design.items())


def choose_sample(seed: int, count: int, producers: tuple[str, ...]) -> list[int]:
    """Indices of ``count`` documents of ``seed`` covering every (dimension, value) that occurs."""
    designs = {i: plan(seed, i, producers)[0].as_dict() for i in range(CANDIDATES)}
    wanted = {(d.name, v) for d in DIMENSIONS for v in (producers if d.name == "producer" else d.values)}
    chosen: list[int] = []
    uncovered = set(wanted)
    while len(chosen) < count:
        pool = [i for i in designs if i not in chosen]
        best = max(pool, key=lambda i: (len(_pairs(designs[i]) & uncovered), -i))
        if not _pairs(designs[best]) & uncovered:
            if uncovered == wanted:
                break
            uncovered = set(wanted)  # everything seen once: cover it again, so values spread
            continue
        chosen.append(best)
        uncovered -= _pairs(designs[best])
    return sorted(chosen)

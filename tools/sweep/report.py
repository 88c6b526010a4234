"""Scores per producer, per dimension value and per content feature, computed by the project's
own ``evaluate`` on the subset of truth files of each group (never re-implemented here)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from snapshot_extract.checks.evaluate import evaluate

from .corpus import Made
from .space import DIMENSIONS


@dataclass(frozen=True)
class Score:
    group: str
    value: str
    docs: int
    f1: float
    precision: float
    recall: float
    wrong: int
    silent: int
    refused: int

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def score(group: str, value: str, truth_files: list[Path], records: Path) -> Score:
    evaluation = evaluate([str(p) for p in truth_files], records)
    overall = evaluation.overall
    return Score(group, value, len(truth_files), overall.f1, overall.precision, overall.recall, overall.wrong,
                 evaluation.silent_errors, len(evaluation.missing))  # fmt: skip


def group_scores(made: list[Made], corpus: Path, records: Path) -> list[Score]:
    """Overall, then every dimension value and content feature that occurs, in space order."""
    truth = {m.name: corpus / f"{m.name}.expected.json" for m in made}
    scores = [score("overall", "all", list(truth.values()), records)]
    names = [d.name for d in DIMENSIONS] + sorted({k for m in made for k in m.features})
    for name in names:
        groups: dict[str, list[Path]] = defaultdict(list)
        for m in made:
            value = m.design.get(name) or m.features.get(name)
            if value is not None:
                groups[value].append(truth[m.name])
        order = next((list(d.values) for d in DIMENSIONS if d.name == name), sorted(groups))
        order += [v for v in sorted(groups) if v not in order]
        scores += [score(name, value, groups[value], records) for value in order if value in groups]
    return scores


def format_table(scores: list[Score], threshold: float = 0.995) -> str:
    """A plain-text table; a value below the threshold, or with a silent error or a refusal, is
    marked with "<<" so it stands out."""
    lines = [f"{'dimension':<18} {'value':<20} {'docs':>5} {'F1':>7} {'P':>7} {'R':>7} {'wrong':>6} {'silent':>6} "
             f"{'refused':>7}"]  # fmt: skip
    previous = ""
    for s in scores:
        if s.group != previous:
            lines.append("")
            previous = s.group
        flag = " <<" if s.f1 < threshold or s.silent or s.refused else ""
        lines.append(f"{s.group:<18} {s.value:<20} {s.docs:>5} {s.f1:>7.4f} {s.precision:>7.4f} {s.recall:>7.4f} "
                     f"{s.wrong:>6} {s.silent:>6} {s.refused:>7}{flag}")  # fmt: skip
    return "\n".join(lines)

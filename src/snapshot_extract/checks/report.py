"""The evaluation report for a person: rich tables per field and of the wrong values (silent
ones first), then one summary line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .evaluate import Evaluation


def print_evaluation(console: Any, evaluation: Evaluation, *, max_errors: int = 50) -> None:
    """The report as rich tables: per field, the wrong values (silent ones first), a summary."""
    from rich import box
    from rich.table import Table

    table = Table(title="Field-level scores", box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False,
                  collapse_padding=True)
    table.add_column("field", overflow="ellipsis", min_width=12)
    for header, width in (("docs", 4), ("TP", 4), ("FP", 4), ("FN", 4), ("P", 5), ("R", 5), ("F1", 5),
                          ("wrong", 5), ("silent", 6)):  # fmt: skip
        table.add_column(header, justify="right", no_wrap=True, min_width=width)
    for score in [*evaluation.fields.values(), evaluation.overall]:
        if score.path != "overall" and not score.documents:
            continue
        style = "bold" if score.path == "overall" else ("red" if score.silent else "yellow" if score.wrong else None)
        if score.path == "overall":
            table.add_section()
        table.add_row(score.path, str(score.documents), str(score.tp), str(score.fp), str(score.fn),
                      f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}",
                      str(score.wrong), str(score.silent), style=style)  # fmt: skip
    console.print(table)
    if evaluation.errors:
        errors = Table(title="Wrong values", box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False,
                       collapse_padding=True)
        errors.add_column("truth file", no_wrap=True)
        errors.add_column("field", no_wrap=True)
        for header in ("expected", "got", "warned"):
            errors.add_column(header, overflow="fold")
        ordered = sorted(evaluation.errors, key=lambda error: not error.silent)
        for error in ordered[:max_errors]:
            warned = ", ".join(error.covered_by) if error.covered_by else "SILENT"
            errors.add_row(Path(error.truth_file).name, error.path, _brief(error.expected), _brief(error.got), warned,
                           style="red" if error.silent else None)  # fmt: skip
        console.print(errors)
        if len(ordered) > max_errors:
            console.print(f"… and {len(ordered) - max_errors} more (--json lists them all)")
    for missing in evaluation.missing:
        console.print(f"[red]missing record[/red] for {missing}")
    console.print(summary_line(evaluation), highlight=False)


def summary_line(evaluation: Evaluation) -> str:
    overall = evaluation.overall
    return (f"{evaluation.matched} of {evaluation.truth_files} truth files matched a record"
            f"{f' ({len(evaluation.missing)} missing)' if evaluation.missing else ''}; "
            f"precision {overall.precision:.3f}, recall {overall.recall:.3f}, F1 {overall.f1:.3f}; "
            f"{overall.wrong} wrong field(s), {evaluation.silent_errors} silent")


def _brief(value: Any, limit: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"

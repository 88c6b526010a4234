"""A dump's truth file from its PDF's truth file (fixtures/README.md, truth-file conventions).

A dump carries the same content as its PDF, so its truth is the PDF's truth with:
- `source` = {file: the dump's name, sha256: of the dump's bytes, format: "text", pages: null};
- `outcomes.with_sufficient_data` / `without_sufficient_data` = null with a `no_grid_colours`
  warning on each (a text dump loses the grid's colours), unless the PDF's truth says the outcomes
  section is missing (then nothing is added, as in the text fixtures);
- warnings sorted by (field, code);
- for a kind that re-encodes the text (`Kind.truth_map`), every string outside `source` mapped the
  same way (a name the encoding cannot spell is stated by the dump as the encoding leaves it).
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable
from typing import Any

NO_COLOURS = "no_grid_colours"
OUTCOME_LISTS = ("outcomes.with_sufficient_data", "outcomes.without_sufficient_data")


def _mapped(value: Any, change: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return change(value)
    if isinstance(value, list):
        return [_mapped(v, change) for v in value]
    if isinstance(value, dict):
        return {k: _mapped(v, change) for k, v in value.items()}
    return value


def dump_truth(
    pdf_truth: dict[str, Any], name: str, data: bytes, truth_map: Callable[[str], str] | None = None
) -> dict[str, Any]:
    """The truth of the dump `name` whose bytes are `data`, made from its PDF's truth."""
    truth: dict[str, Any] = copy.deepcopy(pdf_truth)
    if truth_map is not None:
        truth = {k: (v if k == "source" else _mapped(v, truth_map)) for k, v in truth.items()}
    truth["source"] = {"file": name, "sha256": hashlib.sha256(data).hexdigest(), "format": "text", "pages": None}
    warnings: list[dict[str, Any]] = [w for w in truth["warnings"] if w.get("code") != NO_COLOURS]
    outcomes_missing = any(w.get("field") == "outcomes" and w.get("code") == "missing_section" for w in warnings)
    if not outcomes_missing:
        truth["outcomes"]["with_sufficient_data"] = None
        truth["outcomes"]["without_sufficient_data"] = None
        warnings += [{"field": path, "code": NO_COLOURS} for path in OUTCOME_LISTS]
    truth["warnings"] = sorted(warnings, key=lambda w: (str(w.get("field")), str(w.get("code"))))
    return truth

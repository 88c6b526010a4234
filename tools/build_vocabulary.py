"""Build the packaged vocabulary data file from the normative VOCABULARY.md.

Usage: python -m tools.build_vocabulary ../shared/spec/VOCABULARY.md src/snapshot_extract/data/vocabulary.json

The spec's tables are parsed by the package's own reader (``vocabulary.parse_markdown``); the
aliases below are added because snapshots print these phrasings and the spec allows aliases to grow.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from snapshot_extract.vocabulary import parse_markdown

EXTRA_ALIASES = {
    ("data_activities", "collect"): ["collect"],
    ("data_activities", "analyse"): ["analyse", "analysis"],
    ("data_activities", "share"): ["share"],
    ("org_structure", "no_dedicated_team"): ["no dedicated team for innovation"],
    ("org_structure", "dispersed"): ["spread across several departments", "scattered across departments",
                                     "spread throughout the municipality"],
    ("org_structure", "mayors_office"): ["in the Mayor's office", "within the Mayor's office"],
    ("org_structure", "city_managers_office"): ["in the City Manager's office", "housed in the City Manager's office"],
    ("org_structure", "independent_department"): ["independent unit"],
    ("approach_scope", "specific_areas"): ["in specific policy areas", "in specific areas"],
    ("approach_scope", "holistic"): ["holistic", "from a holistic level"],
}


def main(source: str, target: str) -> None:
    data = parse_markdown(Path(source).read_text(encoding="utf-8"))
    for name, group in data["groups"].items():
        for term in group["terms"]:
            term["aliases"] += EXTRA_ALIASES.get((name, term["id"]), [])
    Path(target).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:3])

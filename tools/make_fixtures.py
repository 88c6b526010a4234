"""Render the snapshot PDF fixtures and write their truth files (``make fixtures``).

Usage::

    python -m tools.make_fixtures [--out fixtures/pdf] [--coverage FILE] [--png DIR]
                                  [--only SLUG ...]

Contract:

* for every city of ``fixtures/pdf/cities/index.toml`` (``fixture_cities.load_cities``), or
  those named by ``--only``, writes ``<out>/<slug>.pdf`` and ``<out>/<slug>.expected.json``,
  then, when all cities were rendered, the coverage notes (what each fixture varies) to
  ``--coverage``, by default ``COVERAGE-<out name>.md`` beside ``<out>``
  (``fixtures/COVERAGE-pdf.md``, next to ``COVERAGE-text.md``): a ``.md`` file inside ``<out>``
  would be taken for an input by ``snapshot-extract batch``;
* the expected file is the city's ground truth (``fixture.truth``, stated by the data entries
  that print the document) plus ``source`` = file name, sha256 of the written bytes, ``"pdf"``,
  page count. It is never derived from parser output;
* output is byte-deterministic: reportlab runs with ``invariant=1``, WeasyPrint with a fixed
  ``pdf_identifier`` and no dates;
* every PDF passes ``fixture_check.check`` (2 pages, < 100 KB, page 2 starts where the style
  says, every truth string printed) before anything is written; otherwise the problems are
  printed, nothing is written and the exit status is 1;
* ``--png DIR`` also writes each page as ``DIR/<slug>-<page>.png`` at 60 dpi for a visual check.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pymupdf

from . import render_reportlab, render_weasyprint
from .fixture_check import Report, check
from .fixture_cities import load_cities
from .fixture_coverage import coverage_markdown
from .fixture_model import CityFixture, expected_record

REPO = Path(__file__).resolve().parents[1]
RENDERERS: dict[str, Callable[[CityFixture], bytes]] = {
    "reportlab": render_reportlab.render,
    "weasyprint": render_weasyprint.render,
}


def render(fixture: CityFixture) -> bytes:
    return RENDERERS[fixture.style.producer](fixture)


def write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def write_pngs(pdf: bytes, slug: str, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with pymupdf.open(stream=pdf, filetype="pdf") as document:  # type: ignore[no-untyped-call]
        for page in document:
            page.get_pixmap(dpi=60).save(folder / f"{slug}-{page.number + 1}.png")


def build_all(fixtures: Sequence[CityFixture]) -> tuple[dict[str, bytes], dict[str, Report]]:
    pdfs = {fixture.slug: render(fixture) for fixture in fixtures}
    reports = {fixture.slug: check(fixture, pdfs[fixture.slug]) for fixture in fixtures}
    return pdfs, reports


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "fixtures" / "pdf",
                        help="folder for <city>.pdf and <city>.expected.json")
    parser.add_argument("--coverage", type=Path,
                        help="coverage notes file (default: COVERAGE-<out name>.md beside --out)")
    parser.add_argument("--png", type=Path, help="also render every page to PNG here")
    parser.add_argument("--only", nargs="+", metavar="SLUG", help="render only these cities")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    cities = load_cities()
    known = {fixture.slug for fixture in cities}
    unknown = set(args.only or ()) - known
    if unknown:
        print(f"error: unknown cities {sorted(unknown)}; choose from {sorted(known)}",
              file=sys.stderr)
        return 2
    fixtures = [fixture for fixture in cities if not args.only or fixture.slug in args.only]
    pdfs, reports = build_all(fixtures)
    failed = {slug: report for slug, report in reports.items() if report.problems}
    for slug, report in failed.items():
        for problem in report.problems:
            print(f"error: {slug}.pdf: {problem}", file=sys.stderr)
    if failed:
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for fixture in fixtures:
        pdf = pdfs[fixture.slug]
        (args.out / fixture.file_name).write_bytes(pdf)
        sha256 = hashlib.sha256(pdf).hexdigest()
        record = expected_record(fixture, sha256, reports[fixture.slug].pages)
        write_json(args.out / f"{fixture.slug}.expected.json", record)
        if args.png:
            write_pngs(pdf, fixture.slug, args.png)
        print(f"{fixture.file_name}: {len(pdf):>6} bytes, {fixture.style.producer}, "
              f"sha256 {sha256[:12]}")
    if not args.only:
        coverage = args.coverage or args.out.parent / f"COVERAGE-{args.out.name}.md"
        coverage.write_text(coverage_markdown(fixtures, reports), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Self-check of a rendered fixture PDF against its ground truth (PyMuPDF).

``check(fixture, pdf) -> Report`` asserts nothing about parsing: it only makes sure the PDF
prints what the truth claims and has the agreed shape, so a renderer or layout change cannot
silently produce a fixture whose truth is wrong. Problems are returned, never raised:

* exactly 2 pages, under 100 KB, the header (``as_printed``) on both pages;
* the section ``style.page_two`` starts page 2 (its heading is on page 2, the heading before it
  on page 1);
* every truth string (Term texts, unmapped texts, names, peer phrases, spotlight, data uses,
  websites) occurs in the extracted text, both compared after NFKC, case folding and removal
  of everything but letters and digits (so hyphenation, ligatures and line breaks vanish).

It also reports what a reader of this PDF meets at line ends: words split by a hyphen.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import pymupdf

from .fixture_model import CityFixture
from .fixture_render import heading_text, question_numbers

MAX_BYTES = 100_000
LINE_END_HYPHEN = re.compile(r"(\S+)([-\u2010\u00ad])\n(\S+)")


@dataclass
class Report:
    pages: int
    problems: list[str] = field(default_factory=list)
    line_end_hyphens: list[str] = field(default_factory=list)


def squash(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


def truth_strings(truth: dict[str, Any]) -> list[str]:
    """Every string the truth says the document prints (ids and URLs with a scheme excluded)."""
    found: list[str] = [truth["city"]["as_printed"], truth["city"]["country"]]
    found += [re.sub(r"^https?://", "", url) for url in truth["overview"]["websites"]]

    def walk(value: Any, key: str = "") -> None:
        if isinstance(value, dict):
            for name, item in value.items():
                if name not in ("id", "websites", "city", "warnings", "code", "field"):
                    walk(item, name)
        elif isinstance(value, list):
            for item in value:
                walk(item, key)
        elif isinstance(value, str) and key not in ("schema_version", "bound"):
            found.append(value)

    walk({k: v for k, v in truth.items() if k not in ("city", "warnings", "schema_version")})
    return found


def _page_two_problems(fixture: CityFixture, pages: list[str]) -> list[str]:
    sections = fixture.snapshot.sections
    numbers = question_numbers(sections)
    keys = [section.key for section in sections]
    index = keys.index(fixture.style.page_two)

    def heading(i: int) -> str:
        return squash(heading_text(sections[i], fixture.style, numbers.get(keys[i], 0)))

    problems = []
    if heading(index) not in squash(pages[1]):
        problems.append(f"page 2 does not carry the heading of {keys[index]!r}")
    if index and heading(index - 1) not in squash(pages[0]):
        problems.append(f"page 1 does not carry the heading of {keys[index - 1]!r}")
    return problems


def check(fixture: CityFixture, pdf: bytes) -> Report:
    with pymupdf.open(stream=pdf, filetype="pdf") as document:  # type: ignore[no-untyped-call]
        pages = [page.get_text("text") for page in document]
    report = Report(pages=len(pages))
    if len(pages) != 2:
        report.problems.append(f"{len(pages)} pages, expected 2")
        return report
    if len(pdf) >= MAX_BYTES:
        report.problems.append(f"{len(pdf)} bytes, expected < {MAX_BYTES}")
    for number, text in enumerate(pages, start=1):
        if squash(fixture.snapshot.as_printed) not in squash(text):
            report.problems.append(f"page {number} lacks the header")
    report.problems += _page_two_problems(fixture, pages)
    whole = squash("\n".join(pages))
    report.problems += [f"not printed: {text!r}" for text in truth_strings(fixture.truth)
                        if squash(text) not in whole]
    for text in pages:
        for before, mark, after in LINE_END_HYPHEN.findall(text):
            report.line_end_hyphens.append(f"{before}{mark}|{after}")
    return report

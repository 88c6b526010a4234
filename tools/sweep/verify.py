"""A guard on the truth, not a reader: every value the truth states must be printed somewhere in
the PDF's text (compared without spaces, hyphens and ligatures). A document that fails (a
producer clipped, dropped or could not draw some text) is not used: its truth would be wrong."""

from __future__ import annotations

import re
from typing import Any

import pymupdf as _pymupdf

pymupdf: Any = _pymupdf  # untyped library: calls go through Any

LIGATURES = {"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬆ": "st"}
DROP = re.compile(r"[\s\u00ad\-‐‑–’'`´]")


def normalise(text: str) -> str:
    for ligature, letters in LIGATURES.items():
        text = text.replace(ligature, letters)
    return DROP.sub("", text).casefold()


def pdf_text(pdf: bytes) -> str:
    with pymupdf.open("pdf", pdf) as doc:
        return normalise("".join(page.get_text() for page in doc))


def _terms(truth: dict[str, Any]) -> list[tuple[str, str]]:
    """(path, text) of every Term text the truth states."""
    found: list[tuple[str, str]] = []
    for section, fields in truth.items():
        if not isinstance(fields, dict) or section in ("source", "city"):
            continue
        for name, value in fields.items():
            items = value if isinstance(value, list) else [value]
            found += [(f"{section}.{name}", item["text"]) for item in items if isinstance(item, dict) and "text" in item
                      and "id" in item]  # fmt: skip
    return found


def missing_values(pdf: bytes, truth: dict[str, Any]) -> list[str]:
    """The truth values not found in the PDF's text (empty when the document is sound)."""
    text = pdf_text(pdf)
    wanted: list[tuple[str, str]] = [
        ("city.name", truth["city"]["name"]),
        ("city.as_printed", truth["city"]["as_printed"]),
    ]
    overview = truth["overview"]
    wanted += [(f"overview.{k}", str(overview[k])) for k in ("mayor", "innovation_lead") if overview[k]]
    wanted += [("overview.websites", url.removeprefix("https://")) for url in overview["websites"]]
    wanted += [("spotlight", truth["spotlight"][k]) for k in ("title", "text") if truth["spotlight"][k]]
    wanted += [("data.uses", use) for use in truth["data"]["uses"]]
    wanted += [("unmapped", entry["text"]) for entry in truth["unmapped"]]
    problems = [f"{path}: {value!r}" for path, value in wanted if normalise(value) not in text]
    for path, value in _terms(truth):
        # tiles and grid cells side by side may interleave their lines: check word by word there
        pieces = value.split() if path.startswith(("outcomes", "approach.priority")) else [value]
        problems += [f"{path}: {value!r}" for piece in pieces if normalise(piece) not in text][:1]
    return problems

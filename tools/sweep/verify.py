"""A guard on the truth, not a reader: every value the truth states must be printed somewhere in
the PDF's text (compared without spaces, hyphens and ligatures), and no line printed over another
(a float a producer placed on top of a column, a web address run into the next column). A
document that fails (a producer clipped, dropped, overprinted or could not draw some text) is not
used: its truth would be wrong, or unreadable to anyone."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pymupdf as _pymupdf

pymupdf: Any = _pymupdf  # untyped library: calls go through Any

LIGATURES = {"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬆ": "st"}
DROP = re.compile(r"[\s\u00ad\-‐‑–’'`´]")


def normalise(text: str) -> str:
    for ligature, letters in LIGATURES.items():
        text = text.replace(ligature, letters)
    return DROP.sub("", text).casefold()


PAGE_NUMBER = re.compile(r"^\d{1,2}$")
PAGE_X_OF_Y = re.compile(r"^Page \d+ of \d+$")


def pdf_text(pdf: bytes, furniture: tuple[str, ...] = ()) -> str:
    """The document's text without page furniture (a page number between two halves of a
    sentence cut by the page break would otherwise hide it): furniture strings anywhere, page
    numbers among a page's first or last lines."""
    drop = {normalise(f) for f in furniture}
    lines: list[str] = []
    with pymupdf.open("pdf", pdf) as doc:
        for page in doc:
            page_lines = page.get_text().splitlines()
            edge = set(range(5)) | set(range(len(page_lines) - 5, len(page_lines)))
            for i, line in enumerate(page_lines):
                folded = " ".join(line.split())
                if normalise(line) in drop or PAGE_X_OF_Y.match(folded) or (i in edge and PAGE_NUMBER.match(folded)):
                    continue
                lines.append(line)
    return "\n".join(lines)


KEEP_HYPHENS = re.compile(r"[\s’'`´]")


def _kept_hyphens(text: str) -> str:
    """``text`` compared as ``normalise`` does, its hyphens kept: any hyphen character as "-" (PyMuPDF
    Story's text gives a printed hyphen as U+00AD)."""
    return KEEP_HYPHENS.sub("", re.sub("[\u00ad\u2010\u2011]", "-", text)).casefold()


def _words(text: str) -> Counter[str]:
    joined = re.sub(r"[-\u00ad\u2010\u2011]+\n", "", text)
    return Counter(w for w in (normalise(x) for x in joined.split()) if w)


def _has_words(value: str, words: Counter[str]) -> bool:
    """Every word of ``value`` is printed (as often): long paragraphs beside other blocks may
    come out of the text interleaved with them, line by line."""
    odd = [k for k in words if re.search(PRIVATE_USE, k)]
    return all(words[w] >= n or any(_found(w, k) for k in odd) for w, n in _words(value).items())


PRIVATE_USE = "[^\\x00-\\u024f]"  # a ligature glyph mapped to a private-use or stray code point
LIGATURE_LETTERS = re.compile("ffi|ffl|ff|fi|fl")


def _found(value: str, text: str) -> bool:
    """``value`` in ``text``; a ligature whose glyph maps to a private-use code point (a font
    without ToUnicode for it, as some producers print) stands for its letters."""
    wanted = normalise(value)
    if wanted in text:
        return True
    parts = LIGATURE_LETTERS.split(wanted)
    ligatures = LIGATURE_LETTERS.findall(wanted)
    pattern = "".join(re.escape(p) + (f"(?:{ligatures[i]}|{PRIVATE_USE})" if i < len(ligatures) else "")
                      for i, p in enumerate(parts))  # fmt: skip
    return re.search(pattern, text) is not None


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


def missing_values(pdf: bytes, truth: dict[str, Any], furniture: tuple[str, ...] = ()) -> list[str]:
    """The truth values not found in the PDF's text (empty when the document is sound)."""
    raw = pdf_text(pdf, furniture)
    text, words = normalise(raw), _words(raw)
    wanted: list[tuple[str, str]] = [
        ("city.name", truth["city"]["name"]),
        ("city.as_printed", truth["city"]["as_printed"]),
    ]
    overview = truth["overview"]
    wanted += [(f"overview.{k}", str(overview[k])) for k in ("mayor", "innovation_lead") if overview[k]]
    wanted += [("overview.websites", url.removeprefix("https://")) for url in overview["websites"]]
    wanted += [("spotlight.title", truth["spotlight"]["title"])] if truth["spotlight"]["title"] else []
    wanted += [("data.uses", use) for use in truth["data"]["uses"]]
    wanted += [("unmapped", entry["text"]) for entry in truth["unmapped"]]
    problems = [f"{path}: {value!r}" for path, value in wanted if not _found(value, text)]
    # a name's own hyphens are printed too (ReportLab wrapping "Lévesque-Dubé" at its hyphen printed
    # "LévesqueDubé"): compared with the hyphens kept, a line-end hyphen included
    hyphened = _kept_hyphens(raw)
    names = ("city.name", "city.as_printed", "overview.mayor", "overview.innovation_lead")
    problems += [f"{path}: {value!r} (its hyphens)" for path, value in wanted
                 if path in names and "-" in value and _kept_hyphens(value) not in hyphened]
    spotlight = truth["spotlight"]["text"]
    if spotlight and not _has_words(spotlight, words):
        problems.append(f"spotlight.text: {spotlight[:60]!r}…")
    for path, value in _terms(truth):
        # tiles and grid cells side by side may interleave their lines: check word by word there
        pieces = value.split() if path.startswith(("outcomes", "approach.priority")) else [value]
        problems += [f"{path}: {value!r}" for piece in pieces if not _found(piece, text)][:1]
    return problems


INK_HEIGHT = 0.7  # of the font size above the baseline: the letters' ink, not the font's line box


def _ink_bands(page: Any) -> list[tuple[float, float, float, float, float, str]]:
    """(left, top, right, baseline, size, text) of each horizontal line's letters on ``page``."""
    bands = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            spans = [s for s in line["spans"] if s["text"].strip()]
            if spans and line["dir"] == (1.0, 0.0):
                top = min(s["origin"][1] - INK_HEIGHT * s["size"] for s in spans)
                baseline = max(s["origin"][1] for s in spans)
                left, right = min(s["bbox"][0] for s in spans), max(s["bbox"][2] for s in spans)
                size = max(s["size"] for s in spans)
                bands.append((left, top, right, baseline, size, "".join(s["text"] for s in spans)))
    return bands


def overprinted(pdf: bytes) -> list[str]:
    """Lines whose letters are printed over another line's: wider than a letter and deeper than a
    third of the shorter line's letters (a tight grid cell's two lines touch in their line boxes,
    not in their ink)."""
    problems: list[str] = []
    with pymupdf.open("pdf", pdf) as doc:
        for number, page in enumerate(doc, start=1):
            bands = _ink_bands(page)
            for i, a in enumerate(bands):
                for b in bands[i + 1 :]:
                    width = min(a[2], b[2]) - max(a[0], b[0])
                    depth = min(a[3], b[3]) - max(a[1], b[1])
                    if width > min(a[4], b[4]) and depth > min(a[3] - a[1], b[3] - b[1]) / 3:
                        problems.append(f"page {number}: {a[5][:40]!r} printed over {b[5][:40]!r}")
    return problems

"""Generate the hostile-input fixtures into ``fixtures/bad/`` (``make bad-fixtures``).

Usage::

    python -m tools.make_bad_fixtures [--out fixtures/bad]

Contract:

* writes every file of ``build_fixtures()`` plus ``expectations.json``, which maps each file name
  to ``{"outcome": <error code> | "ok", "why": <what the file is>, ...}``; an ``ok`` entry may add
  ``values`` (dotted record path -> expected value), ``warnings`` (``{"field", "code"}`` pairs the
  record must carry), ``absent_warnings`` (codes it must not carry) and ``same_record_as`` (a
  fixture, relative to ``fixtures/``, whose record must be equal apart from ``source``); the
  encrypted file adds ``password`` and ``with_password`` (the ``ok`` expectation once opened);
* inputs come only from ``fixtures/text`` (never ``fixtures/pdf``, which another generator fills);
  snapshot PDFs are drawn here with reportlab from ``fixtures/text/enschede.txt``;
* output is byte-deterministic: seeded randomness, reportlab ``invariant=1`` (fixed dates and
  document id, also for the RC4 encryption), zip entries with a fixed date, PyMuPDF saved
  without a new ``/ID``;
* stale files in the folder are removed; the folder must stay under 2 MB, otherwise nothing is
  written and the exit status is 1.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pymupdf as _pymupdf
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

pymupdf: Any = _pymupdf  # the library is untyped: keep its calls out of mypy's strict checks

REPO = Path(__file__).resolve().parents[1]
TEXT = REPO / "fixtures" / "text"
MAX_FOLDER_BYTES = 2_000_000
PASSWORD = "snapshot-2021"
SEED = 20210405

ENSCHEDE_VALUES: dict[str, Any] = {
    "city.name": "Enschede",
    "city.as_printed": "ENSCHEDÉ",
    "city.country": "The Netherlands",
    "city.country_code": "NL",
    "overview.mayor": "Onno van Veldhuizen",
    "overview.population": 159000,
    "funding.dedicated": True,
}


@dataclass(frozen=True)
class Fixture:
    name: str
    data: bytes
    expectation: dict[str, Any]


# --------------------------------------------------------------------------- text -> layout

_HEADER_RE = re.compile(r"^City Innovation Snapshot ", re.IGNORECASE)
_BULLET_RE = re.compile(r"^[-*]\s+(?:[▶►■✓✔➤•]\s*)?|^[▶►■✓✔➤•]\s*")
_AUTOLINK_RE = re.compile(r"<(https?://[^>\s]+)>")


def _plain(text: str) -> str:
    return _AUTOLINK_RE.sub(r"\1", text).replace("**", "").replace("__", "")


def _is_heading(text: str) -> bool:
    return text.endswith("?") or text == "Overview" or text.startswith("Spotlight")


def layout_items(source: str) -> Iterator[tuple[str, str]]:
    """Markdown-ish text dump -> (kind, text) items: header, heading, bullet, row, para, gap."""
    for raw in source.splitlines():
        line = raw.strip()
        if not line:
            yield "gap", ""
        elif _HEADER_RE.match(line):
            yield "header", line
        elif "\t" in line:
            yield "row", _plain(line)
        elif _BULLET_RE.match(line):
            yield "bullet", _plain(_BULLET_RE.sub("", line))
        else:
            text = _plain(line)
            yield ("heading" if _is_heading(text) else "para"), text


# --------------------------------------------------------------------------- PDFs (reportlab)

MARGIN = 42.0
STYLES = {"header": ("Helvetica-Bold", 13.0), "heading": ("Helvetica-Bold", 11.0),
          "para": ("Helvetica", 9.0), "bullet": ("Helvetica", 9.0), "row": ("Helvetica", 7.5)}  # fmt: skip


class _Page:
    """A reportlab canvas with a cursor; starts a new page when the text runs off the bottom."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.width, self.height = A4
        self.y = self.height - MARGIN
        self.drawn = False

    def new_page(self) -> None:
        self.canvas.showPage()
        self.y = self.height - MARGIN
        self.drawn = False

    def write(self, kind: str, text: str) -> None:
        font, size = STYLES[kind]
        if kind == "row":
            self._write_row(text.split("\t"), font, size)
            return
        indent = 10.0 if kind == "bullet" else 0.0
        lines = simpleSplit(text, font, size, self.width - 2 * MARGIN - indent)
        self._room(len(lines) * size * 1.25)
        self.canvas.setFont(font, size)
        if kind == "bullet":
            self.canvas.drawString(MARGIN, self.y - size * 1.25, "•")
        for line in lines:
            self.y -= size * 1.25
            self.canvas.drawString(MARGIN + indent, self.y, line)
        self.y -= size * 0.4
        self.drawn = True

    def _write_row(self, cells: list[str], font: str, size: float) -> None:
        cell_width = (self.width - 2 * MARGIN) / max(len(cells), 1)
        wrapped = [simpleSplit(cell, font, size, cell_width - 6) for cell in cells]
        depth = max(len(lines) for lines in wrapped) * size * 1.3 + 8
        self._room(depth)
        self.canvas.setFont(font, size)
        for column, lines in enumerate(wrapped):
            x = MARGIN + column * cell_width
            self.canvas.rect(x, self.y - depth, cell_width - 2, depth - 2)
            for number, line in enumerate(lines, start=1):
                self.canvas.drawString(x + 3, self.y - 2 - number * size * 1.3, line)
        self.y -= depth
        self.drawn = True

    def _room(self, needed: float) -> None:
        if self.y - needed < MARGIN:
            self.new_page()


def render_snapshot(source: str, blank_page_after: int | None = None, password: str | None = None) -> bytes:
    """Draw a text dump as a plain A4 snapshot PDF; a repeated header starts a new page."""
    buffer = io.BytesIO()
    encrypt = StandardEncryption(password, ownerPassword=password + "-owner", strength=128) if password else None
    canvas = Canvas(buffer, pagesize=A4, invariant=1, encrypt=encrypt)
    canvas.setTitle("City Innovation Snapshot")
    page = _Page(canvas)
    page_number = 1
    previous = ""
    for kind, text in layout_items(source):
        if kind == "header" and page.drawn:
            page.new_page()
            page_number += 1
            if blank_page_after == page_number - 1:
                page.new_page()
                page_number += 1
        if kind == "gap" and previous != "gap":
            page.y -= 3
        elif kind != "gap":
            page.write(kind, text)
        previous = kind
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def render_words(words: list[str], page_size: tuple[float, float] = (144.0, 36.0)) -> bytes:
    """One word per tiny page: a long document that costs almost nothing to store."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=page_size, invariant=1)
    for word in words:
        canvas.setFont("Helvetica", 10)
        canvas.drawString(8, 14, word)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def render_prose(title: str, paragraphs: list[str]) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    page = _Page(canvas)
    page.write("header", title)
    for paragraph in paragraphs:
        page.write("para", paragraph)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def image_only(pdf: bytes, dpi: int = 90) -> bytes:
    """Every page of ``pdf`` as a greyscale picture, no text layer: what a scanner produces."""
    out = pymupdf.open()
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        for page in doc:
            pixmap = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
            new_page = out.new_page(width=page.rect.width, height=page.rect.height)
            new_page.insert_image(new_page.rect, stream=pixmap.tobytes("png"))
    data = bytes(out.tobytes(garbage=4, deflate=True, no_new_id=True))
    out.close()
    return data


# --------------------------------------------------------------------------- other formats


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name, date_time=(2021, 4, 5, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


_DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>'
)


def docx(text: str) -> bytes:
    """A minimal Word document holding ``text``, one paragraph per line."""
    escape = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
    body = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{line.translate(escape)}</w:t></w:r></w:p>"
                   for line in text.splitlines())  # fmt: skip
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    return _zip({"[Content_Types].xml": _DOCX_TYPES.encode(), "_rels/.rels": _DOCX_RELS.encode(),
                 "word/document.xml": document.encode()})  # fmt: skip


def drop_section(source: str, heading: str, next_heading: str) -> str:
    start = source.index(heading)
    return source[:start] + source[source.index(next_heading, start) :]


NOT_A_SNAPSHOT_TEXT = """Parks and Recreation Committee
Minutes of the meeting of 4 March 2021

Present: the chair, four members, the city clerk.

1. The minutes of the previous meeting were approved.
2. The committee discussed the budget for the new playground in the north district.
   Funding is available from the municipal budget; the tender opens in May.
3. Any other business: the clerk will circulate the summer events calendar.

The meeting closed at 21:10.
"""

NOT_A_SNAPSHOT_PARAGRAPHS = [
    "Invoice 2021-0417. Customer: City of Enschede, Facilities Department.",
    "Item 1: replacement of 40 street lights in the city centre, labour and materials.",
    "Item 2: maintenance contract for the innovation hub building, April to June.",
    "Total due within 30 days. Thank you for your business.",
]


# --------------------------------------------------------------------------- the set


GUESSED_ENCODING = {"field": "document", "code": "guessed_encoding"}


def _ok(why: str, values: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"outcome": "ok", "why": why, "values": values, **extra}


def _error(code: str, why: str) -> dict[str, Any]:
    return {"outcome": code, "why": why}


def _pdf_fixtures(enschede: str, snapshot: bytes) -> list[Fixture]:
    pdf_values = {**ENSCHEDE_VALUES, "source.format": "pdf", "source.pages": 2}
    words = " ".join(_plain(line) for line in enschede.splitlines()).split()
    return [
        Fixture("snapshot.pdf", snapshot, _ok(
            "control: the plain two-page snapshot PDF every other PDF here is made from", pdf_values,
            absent_warnings=["missing_section"])),
        Fixture("snapshot-blank-page.pdf", render_snapshot(enschede, blank_page_after=1), _ok(
            "the snapshot with an empty page between its two pages", {**pdf_values, "source.pages": 3},
            absent_warnings=["missing_section"])),
        Fixture("snapshot-encrypted.pdf", render_snapshot(enschede, password=PASSWORD), {
            **_error("encrypted", "the snapshot behind a user password (RC4 128-bit)"),
            "password": PASSWORD,
            "with_password": _ok("opened with the password", pdf_values, absent_warnings=["missing_section"]),
        }),
        Fixture("truncated.pdf", snapshot[: len(snapshot) // 2], _error(
            "unreadable", "the snapshot PDF cut in half (no cross-reference table, no %%EOF, page 2 lost)")),
        Fixture("image-only.pdf", image_only(snapshot), _error(
            "no_text_layer", "the snapshot as page pictures without a text layer, as a scanner makes it")),
        Fixture("not-a-snapshot.pdf", render_prose("Invoice", NOT_A_SNAPSHOT_PARAGRAPHS), _error(
            "not_a_snapshot", "a readable PDF (an invoice) that is not a City Innovation Snapshot")),
        Fixture("300-pages.pdf", render_words((words * 2)[:300]), _error(
            "too_many_pages", "300 tiny pages of one word each, over the default --max-pages 20")),
        Fixture("zip-renamed.pdf", _zip({"enschede.txt": enschede.encode()}), _error(
            "unreadable", "a zip archive holding a text dump, renamed .pdf")),
        Fixture("docx-renamed.pdf", docx(enschede), _error(
            "unreadable", "a Word document of the snapshot, renamed .pdf")),
        Fixture("random-bytes.pdf", random.Random(SEED).randbytes(4096), _error(
            "unreadable", "4 KB of random bytes named .pdf")),
        Fixture("empty.pdf", b"", _error("unreadable", "a zero-byte file (a failed download)")),
    ]  # fmt: skip


def _text_fixtures(enschede: str) -> list[Fixture]:
    krakow = (TEXT / "krakow.txt").read_text(encoding="utf-8")
    medellin = (TEXT / "medellin.txt").read_text(encoding="utf-8").replace("■", "•")
    no_funding = drop_section(enschede, "What funding is available?", "How is innovation helping the city?")
    return [
        Fixture("krakow-utf16.txt", krakow.encode("utf-16"), _ok(
            "text/krakow.txt re-encoded as UTF-16 with a byte-order mark",
            {"city.name": "Kraków", "city.as_printed": "KRAKÓW", "city.country_code": "PL"},
            same_record_as="text/krakow.txt")),
        Fixture("medellin-cp1252.txt", medellin.encode("cp1252"), _ok(
            "text/medellin.txt re-encoded as Windows-1252 (■ bullets written as •, which cp1252 has)",
            {"city.name": "Medellín", "city.as_printed": "MEDELLÍN", "overview.innovation_lead": "Andrés Felipe Ossa"},
            warnings=[GUESSED_ENCODING], same_record_as="text/medellin.txt")),
        Fixture("medellin-macroman.txt", medellin.encode("mac_roman"), _ok(
            "text/medellin.txt in Mac Roman: decoded as the cp1252 guess, so its accents come out wrong "
            "(\"Medell’n\"): the guess is warned",
            {"city.country_code": "CO"}, warnings=[GUESSED_ENCODING])),
        Fixture("enschede-no-funding.txt", no_funding.encode("utf-8"), _ok(
            "text/enschede.txt without its 'What funding is available?' section",
            {"city.name": "Enschede", "funding.dedicated": None, "funding.sources": []},
            warnings=[{"field": "funding", "code": "missing_section"}])),
        Fixture("not-a-snapshot.txt", NOT_A_SNAPSHOT_TEXT.encode("utf-8"), _error(
            "not_a_snapshot", "committee minutes: readable text that is not a snapshot")),
    ]  # fmt: skip


def build_fixtures() -> list[Fixture]:
    enschede = (TEXT / "enschede.txt").read_text(encoding="utf-8")
    return _pdf_fixtures(enschede, render_snapshot(enschede)) + _text_fixtures(enschede)


def write(out: Path, fixtures: list[Fixture]) -> int:
    total = sum(len(fixture.data) for fixture in fixtures)
    if total > MAX_FOLDER_BYTES:
        print(f"error: the set is {total} bytes, over {MAX_FOLDER_BYTES}; nothing written", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    names = {fixture.name for fixture in fixtures} | {"expectations.json"}
    for stale in out.iterdir():
        if stale.is_file() and stale.name not in names:
            stale.unlink()
    for fixture in fixtures:
        (out / fixture.name).write_bytes(fixture.data)
    expectations = {fixture.name: fixture.expectation for fixture in sorted(fixtures, key=lambda f: f.name)}
    text = json.dumps(expectations, indent=2, ensure_ascii=False) + "\n"
    (out / "expectations.json").write_text(text, encoding="utf-8")
    print(f"wrote {len(fixtures)} files ({total} bytes) and expectations.json to {out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "fixtures" / "bad")
    args = parser.parse_args(argv)
    return write(args.out, build_fixtures())


if __name__ == "__main__":
    sys.exit(main())

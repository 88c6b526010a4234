"""The PDF reader at its boundary: both backends agree on every fixture; errors are one line.

``fixtures/pdf/*.pdf`` must give the same record with ``--backend pymupdf`` and ``--backend
pdfplumber`` (provenance boxes within 1 pt); the Enschede PDF must give the record of the
Enschede text dump apart from source and the grid classification; encrypted, image-only,
truncated, corrupt and over-long PDFs raise the documented ``UnreadableInput`` subclasses.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pymupdf
import pytest

from snapshot_extract.errors import EncryptedInput, NoTextLayer, TooManyPages, UnreadableInput
from snapshot_extract.pipeline import extract
from snapshot_extract.read import PdfOptions
from snapshot_extract.read.pdf import read_pdf
from snapshot_extract.vocabulary import Vocabulary

from .conftest import FIXTURES

PDFS = sorted((FIXTURES / "pdf").glob("*.pdf"))
BACKENDS = ("pymupdf", "pdfplumber")
HEADER = "City Innovation Snapshot TESTVILLE, Testland"


def _record(path: Path, backend: str, vocabulary: Vocabulary) -> dict[str, Any]:
    record = extract(path, vocabulary, PdfOptions(backend=backend))  # type: ignore[arg-type]
    return record.model_dump(mode="json")


@pytest.mark.parametrize("path", PDFS, ids=[path.stem for path in PDFS])
def test_backends_give_the_same_record(path: Path, vocabulary: Vocabulary) -> None:
    fast = _record(path, "pymupdf", vocabulary)
    detail = _record(path, "pdfplumber", vocabulary)
    fast_boxes, detail_boxes = fast.pop("provenance"), detail.pop("provenance")
    assert fast == detail
    assert fast_boxes.keys() == detail_boxes.keys()
    for key, where in fast_boxes.items():
        other = detail_boxes[key]
        assert (where["page"], where["text"]) == (other["page"], other["text"]), key
        assert (where["bbox"] is None) == (other["bbox"] is None), key
        if where["bbox"] is not None:
            assert max(abs(a - b) for a, b in zip(where["bbox"], other["bbox"], strict=True)) <= 1.0, key


@pytest.mark.parametrize("path", PDFS, ids=[path.stem for path in PDFS])
def test_lines_carry_page_box_font_and_colour(path: Path) -> None:
    document = read_pdf(path.read_bytes(), path.name, PdfOptions())
    assert document.source.format == "pdf" and document.source.pages == len(document.page_sizes)
    content = [line for line in document.lines if line.text]
    assert content and all(line.page and line.bbox and line.font and line.size for line in content)
    for line in content:
        x0, y0, x1, y1 = line.bbox  # type: ignore[misc]
        width, height = document.page_sizes[line.page - 1]  # type: ignore[operator]
        assert 0 <= x0 <= x1 <= width and 0 <= y0 <= y1 <= height, line
        assert all(value == round(value, 2) for value in line.bbox)  # type: ignore[union-attr]
        assert line.color is not None and all(0 <= part <= 1 for part in line.color)
    assert all(0 <= part <= 1 for swatch in document.swatches for part in swatch.fill)


def test_enschede_pdf_gives_the_text_dump_record(vocabulary: Vocabulary) -> None:
    from_text = extract(FIXTURES / "text" / "enschede.txt", vocabulary).model_dump(mode="json")
    from_pdf = extract(FIXTURES / "pdf" / "enschede.pdf", vocabulary).model_dump(mode="json")
    for record in (from_text, from_pdf):
        for key in ("source", "provenance"):
            record.pop(key)
        for key in ("with_sufficient_data", "without_sufficient_data"):
            record["outcomes"].pop(key)
        record["warnings"] = [w for w in record["warnings"] if w["code"] != "no_grid_colours"]
    assert from_pdf == from_text


# --------------------------------------------------------------------------- errors


def _one_page(text: str = HEADER) -> pymupdf.Document:
    document = pymupdf.open()
    document.new_page().insert_text((72, 72), text)
    return document


@pytest.mark.parametrize("backend", BACKENDS)
def test_encrypted_pdf_needs_the_password(backend: str) -> None:
    data = _one_page().tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="s3cret", owner_pw="o")
    with pytest.raises(EncryptedInput, match="give --password") as caught:
        read_pdf(data, "locked.pdf", PdfOptions(backend=backend))  # type: ignore[arg-type]
    assert caught.value.code == "encrypted"
    with pytest.raises(EncryptedInput, match="does not open it"):
        read_pdf(data, "locked.pdf", PdfOptions(backend=backend, password="wrong"))  # type: ignore[arg-type]
    opened = read_pdf(data, "locked.pdf", PdfOptions(backend=backend, password="s3cret"))  # type: ignore[arg-type]
    assert opened.lines[0].text == HEADER


@pytest.mark.parametrize("backend", BACKENDS)
def test_image_only_pdf_has_no_text_layer(backend: str) -> None:
    document = pymupdf.open()
    pixmap = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 40), False)
    pixmap.clear_with(180)
    document.new_page().insert_image(pymupdf.Rect(72, 72, 400, 400), pixmap=pixmap)
    with pytest.raises(NoTextLayer) as caught:
        read_pdf(document.tobytes(), "scan.pdf", PdfOptions(backend=backend))  # type: ignore[arg-type]
    assert caught.value.code == "no_text_layer"


@pytest.mark.parametrize("backend", BACKENDS)
def test_too_many_pages(backend: str) -> None:
    document = _one_page()
    for _ in range(3):
        document.new_page().insert_text((72, 72), "more")
    with pytest.raises(TooManyPages, match="4 pages"):
        read_pdf(document.tobytes(), "long.pdf", PdfOptions(backend=backend, max_pages=3))  # type: ignore[arg-type]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("name", "damage"),
    [
        ("truncated", lambda data: data[: len(data) // 2]),
        ("not_a_pdf", lambda data: b"PK\x03\x04" + data[4:]),
        ("garbled_body", lambda data: data[:9] + bytes(range(256)) * 8 + b"\n%%EOF\n"),
        ("no_pages", lambda data: b"%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF"),
    ],
)
def test_broken_pdf_is_unreadable_in_one_line(backend: str, name: str, damage: Any) -> None:
    data = damage(_one_page().tobytes())
    with pytest.raises(UnreadableInput) as caught:
        read_pdf(data, f"{name}.pdf", PdfOptions(backend=backend))  # type: ignore[arg-type]
    assert type(caught.value) is UnreadableInput, name
    assert str(caught.value).strip() and "\n" not in str(caught.value)


def test_unknown_backend_is_refused() -> None:
    with pytest.raises(UnreadableInput, match="choose pymupdf or pdfplumber"):
        read_pdf(_one_page().tobytes(), "x.pdf", PdfOptions(backend="poppler"))  # type: ignore[arg-type]


def test_a_page_printed_turned_is_read_as_it_is_shown(tmp_path: Path, vocabulary: Vocabulary) -> None:
    """a2ps and other print pipelines draw a landscape sheet's content turned and set /Rotate so
    that it shows upright: it is read as shown (not as turned text, which left no line to read
    and sent the page to OCR)."""
    source = pymupdf.open(FIXTURES / "pdf" / "enschede.pdf")
    turned = pymupdf.open()
    for number, page in enumerate(source):
        sheet = turned.new_page(width=page.rect.height, height=page.rect.width)
        sheet.show_pdf_page(sheet.rect, source, number, rotate=90)
        sheet.set_rotation(90)
    path = tmp_path / "enschede.pdf"
    turned.save(path)
    original = extract(FIXTURES / "pdf" / "enschede.pdf", vocabulary).model_dump(mode="json")
    record = extract(path, vocabulary).model_dump(mode="json")
    assert record["source"]["ocr"] is False
    for key in ("source", "provenance"):
        original.pop(key), record.pop(key)
    assert record == original


def test_an_overview_table_of_a_labels_row_over_a_values_row_is_read_by_its_cells(
        tmp_path: Path, vocabulary: Vocabulary) -> None:
    """ConTeXt's horizontal table: each label a cell of one row, the values a row under it, each
    cell a block of its own; the rows are read as printed, the values told apart by their form."""
    document = pymupdf.open()
    page = document.new_page()
    page.insert_text((50, 60), "City Innovation Snapshot", fontsize=14)
    page.insert_text((50, 80), "SAN TELMO, Argentina", fontsize=12)
    page.insert_text((50, 120), "Overview", fontsize=11)
    cells = [(50, "Mayor", "Florencia Pichler-Hofbauer"), (180, "Term", "2015-present"),
             (250, "Innovation Lead", "Wojciech Van den Broeck"), (380, "Population size", "699 210 (2017)"),
             (470, "Website", "www.santelmo.ar")]
    for x, label, value in cells:
        page.insert_text((x, 140), label, fontsize=7)
        page.insert_text((x, 158), value, fontsize=7)
    y = 200
    for heading, text in (("What is the organisational structure?", "San Telmo's innovation work is led by a "
                           "dedicated team in the City Manager's office."),
                          ("What is the city's innovation vision?", "Like 50% of cities surveyed, San Telmo has "
                           "a formal innovation strategy."),
                          ("How is data used?", "Data plays a limited role in San Telmo.")):
        page.insert_text((50, y), heading, fontsize=11)
        page.insert_text((50, y + 18), text, fontsize=9)
        y += 60
    path = tmp_path / "san-telmo.pdf"
    document.save(path)
    overview = extract(path, vocabulary).overview
    assert (overview.mayor, overview.term_start, overview.term_end) == ("Florencia Pichler-Hofbauer", 2015, None)
    assert (overview.innovation_lead, overview.population, overview.population_year) == (
        "Wojciech Van den Broeck", 699210, 2017)
    assert overview.websites == ["https://www.santelmo.ar"]


def test_a_word_space_after_a_ligature_is_read_from_where_the_glyphs_stand() -> None:
    """Blind round 27 (MetaPost, TeX Gyre): MuPDF read "staﬀmembers": the ligature's width in the
    re-encoded font was wider than it is drawn, so MuPDF saw no gap after it and put no space in,
    and "24 staff members dedicated" lost its staff count's sentence. A block that holds a
    ligature is read from its characters: a gap wider than a word space is one."""
    from snapshot_extract.read.pdf_mupdf import _ligatures_in, _set_apart

    def char(c: str, x0: float, x1: float) -> dict[str, object]:
        return {"c": c, "bbox": (x0, 234.0, x1, 243.5), "origin": (x0, 241.0)}

    chars = [char("s", 89.5, 93.2), char("t", 93.2, 96.4), char("a", 96.5, 101.2), char("\ufb00", 101.2, 107.0),
             char("m", 114.0, 121.9), char("e", 121.9, 126.1), char("n", 126.1, 131.0)]
    span = {"text": "sta\ufb00men", "size": 9.46, "flags": 0, "font": "TeXGyreTermes-Regular", "color": 0,
            "bbox": (89.5, 234.0, 131.0, 243.5), "origin": (89.5, 241.0), "chars": chars}
    block = {"type": 0, "bbox": span["bbox"], "lines": [{"dir": (1.0, 0.0), "bbox": span["bbox"], "spans": [span]}]}
    assert _ligatures_in(block)
    assert [part["text"] for part in _set_apart(block)["lines"][0]["spans"]] == ["sta\ufb00 men"]

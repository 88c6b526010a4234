"""OCR of scanned snapshots (fixtures/scans, ``make scans``): the words become the spans and the
coloured boxes of the page picture the shapes the PDF readers give, so the record, the grid and
``inspect`` work as for a PDF with a text layer; doubts are flagged, never silent.

The committed scans are scored with ``snapshot-extract eval`` by ``make test``; here each
property is checked on one or two of them (OCR takes seconds a page).
"""

from __future__ import annotations

import importlib.util
import io
import json
import re
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pymupdf
import pytest
from typer.testing import CliRunner

from snapshot_extract import extract
from snapshot_extract.batch import BatchOptions, convert_batch
from snapshot_extract.checks.evaluate import evaluate
from snapshot_extract.cli import app
from snapshot_extract.errors import NoTextLayer
from snapshot_extract.models import Evidence, OcrDoubt, Record, Sections, Term
from snapshot_extract.ocr_doubts import flag_doubts
from snapshot_extract.read import PdfOptions, ocr
from snapshot_extract.read.scan_image import page_picture
from snapshot_extract.read.scan_shapes import find_shapes
from snapshot_extract.read.scan_text import OcrWord, dash
from snapshot_extract.vocabulary import Vocabulary

from .conftest import FIXTURES, ROOT

SCANS = FIXTURES / "scans"
COLOUR_SCAN = SCANS / "bogota-150dpi-q80.pdf"  # 150 dpi, JPEG, turned 0.3 degrees, fill-coded grid
GREY_SCAN = SCANS / "krakow-300dpi-grey.pdf"  # grey-scale, turned -1 degree, text-coded grid
runner = CliRunner()
needs_engine = pytest.mark.skipif(not ocr.engine_available(), reason="Tesseract is not installed (make test installs it)")


def _make_scans() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_scans", ROOT / "tools" / "make_scans.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_scans"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def colour_record(vocabulary: Vocabulary) -> Record:
    return extract(COLOUR_SCAN, vocabulary)


@pytest.fixture(scope="module")
def grey_record(vocabulary: Vocabulary) -> Record:
    return extract(GREY_SCAN, vocabulary)


# --------------------------------------------------------------------------- fixtures


def test_every_scan_has_its_truth_and_the_folder_is_small() -> None:
    scans = sorted(path.stem for path in SCANS.glob("*.pdf"))
    truths = sorted(path.name.removesuffix(".expected.json") for path in SCANS.glob("*.expected.json"))
    assert scans == truths and len(scans) >= 6
    assert sum(path.stat().st_size for path in SCANS.iterdir()) < 6_000_000
    for name in scans:
        truth = json.loads((SCANS / f"{name}.expected.json").read_text(encoding="utf-8"))
        assert truth["source"]["file"] == f"{name}.pdf" and truth["source"]["ocr"] is True


def test_make_scans_is_deterministic_and_wrote_the_committed_scans(tmp_path: Path) -> None:
    make_scans = _make_scans()
    scan = next(scan for scan in make_scans.SCANS if scan.name == COLOUR_SCAN.stem)
    for out in (tmp_path / "a", tmp_path / "b"):
        out.mkdir()
        make_scans.write_scan(scan, out)
    assert (tmp_path / "a" / COLOUR_SCAN.name).read_bytes() == (tmp_path / "b" / COLOUR_SCAN.name).read_bytes()
    truth = f"{COLOUR_SCAN.stem}.expected.json"
    assert (tmp_path / "a" / truth).read_text(encoding="utf-8") == (SCANS / truth).read_text(encoding="utf-8")


def test_grey_truth_has_no_grid_colours() -> None:
    truth = json.loads(GREY_SCAN.with_suffix("").with_suffix(".expected.json").read_text(encoding="utf-8"))
    assert truth["outcomes"]["with_sufficient_data"] is None
    assert {"field": "outcomes.with_sufficient_data", "code": "no_grid_colours"} in truth["warnings"]


# --------------------------------------------------------------------------- records


@needs_engine
@pytest.mark.parametrize("scan", ["colour", "grey"])
def test_scan_scores_full_marks_against_its_truth(scan: str, colour_record: Record, grey_record: Record,
                                                   tmp_path: Path) -> None:
    """Scored as ``eval`` scores (an OCR'd record also carries the warnings of its doubts, so it
    is not compared with its truth key by key as ``check`` does)."""
    record, path = (colour_record, COLOUR_SCAN) if scan == "colour" else (grey_record, GREY_SCAN)
    truths = tmp_path / "truth"
    truths.mkdir()
    name = f"{path.stem}.expected.json"
    (truths / name).write_text((SCANS / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "records.jsonl").write_text(record.model_dump_json() + "\n", encoding="utf-8")
    evaluation = evaluate([truths], tmp_path / "records.jsonl")
    assert evaluation.matched == 1
    assert evaluation.overall.f1 == 1.0, [(e.path, e.expected, e.got) for e in evaluation.errors]
    assert evaluation.silent_errors == 0


@needs_engine
def test_record_says_it_was_read_by_ocr(colour_record: Record, vocabulary: Vocabulary) -> None:
    assert colour_record.source.ocr is True
    assert extract(FIXTURES / "pdf" / "bogota.pdf", vocabulary).source.ocr is False
    assert "ocr" in Record.model_json_schema()["$defs"]["Source"]["properties"]


@needs_engine
def test_colour_scan_classifies_the_grid_through_its_legend(colour_record: Record) -> None:
    truth = json.loads((FIXTURES / "pdf" / "bogota.expected.json").read_text(encoding="utf-8"))["outcomes"]
    outcomes = colour_record.outcomes
    assert [term.id for term in outcomes.with_sufficient_data or []] == [t["id"] for t in truth["with_sufficient_data"]]
    assert [term.id for term in outcomes.without_sufficient_data or []] == [
        t["id"] for t in truth["without_sufficient_data"]
    ]
    assert not [w for w in colour_record.warnings if w.field.startswith("outcomes.with")]


@needs_engine
def test_grey_scan_leaves_the_grid_lists_null_with_a_warning(grey_record: Record) -> None:
    assert grey_record.outcomes.policy_areas
    assert grey_record.outcomes.with_sufficient_data is None and grey_record.outcomes.without_sufficient_data is None
    codes = {(w.field, w.code) for w in grey_record.warnings}
    assert ("outcomes.with_sufficient_data", "no_grid_colours") in codes
    assert ("outcomes.without_sufficient_data", "no_grid_colours") in codes


@needs_engine
def test_every_value_has_a_box_on_its_page(colour_record: Record) -> None:
    for path, where in colour_record.provenance.items():
        assert where["page"] in (1, 2) and where["bbox"] is not None, path
        x0, y0, x1, y1 = where["bbox"]
        assert 0 <= x0 < x1 <= 612 and 0 <= y0 < y1 <= 792, path


# --------------------------------------------------------------------------- options and errors


def test_ocr_never_keeps_the_no_text_layer_error(vocabulary: Vocabulary) -> None:
    with pytest.raises(NoTextLayer, match="run OCR first"):
        extract(COLOUR_SCAN, vocabulary, PdfOptions(ocr="never"))


def test_without_the_engine_a_scan_is_one_line_that_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "engine_available", lambda: False)
    result = runner.invoke(app, ["parse", str(COLOUR_SCAN)])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {COLOUR_SCAN}: no text layer")
    assert "apt-get install tesseract-ocr" in lines[0]


def test_unknown_ocr_mode_is_a_usage_error() -> None:
    result = runner.invoke(app, ["parse", str(COLOUR_SCAN), "--ocr", "sometimes"])
    assert result.exit_code == 2 and "--ocr: 'sometimes' is not one of 'auto', 'always', 'never'" in result.stderr


@pytest.mark.parametrize("command", ["parse", "batch", "check", "inspect"])
def test_every_reading_command_has_the_ocr_option(command: str) -> None:
    assert "--ocr" in runner.invoke(app, [command, "--help"]).output


@needs_engine
def test_batch_timeout_stops_an_ocr_run(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / COLOUR_SCAN.name).write_bytes(COLOUR_SCAN.read_bytes())
    summary = convert_batch([folder], tmp_path / "out", BatchOptions(workers=0, timeout=0.5))
    assert [document.code for document in summary.documents] == ["timeout"]


# --------------------------------------------------------------------------- the picture


def test_deskew_measures_small_turns() -> None:
    make_scans = _make_scans()
    pdf = (FIXTURES / "pdf" / "malmo.pdf").read_bytes()
    for turn in (-0.8, 0.5):
        scan = make_scans.render_scan(pdf, make_scans.Scan("malmo", 150, turn, 80))
        with pymupdf.open(stream=scan, filetype="pdf") as document:
            assert page_picture(document[0], 300).skew == pytest.approx(turn, abs=0.12)


def test_fills_and_outlines_come_from_the_picture() -> None:
    drawn = pymupdf.open()
    page = drawn.new_page(width=300, height=200)
    page.draw_rect(pymupdf.Rect(20, 20, 120, 60), color=None, fill=(0.1, 0.45, 0.4))
    page.draw_rect(pymupdf.Rect(150, 20, 250, 60), color=(0.6, 0.6, 0.6), width=1)
    page.draw_rect(pymupdf.Rect(20, 100, 28, 108), color=None, fill=(0.9, 0.3, 0.1))
    pixmap = page.get_pixmap(dpi=200)
    scanned = pymupdf.open()
    scanned.new_page(width=300, height=200).insert_image(pymupdf.Rect(0, 0, 300, 200), pixmap=pixmap)
    shapes = find_shapes(page_picture(scanned[0], 300))[0]
    fills = {tuple(round(value, 1) for value in shape.fill) for shape in shapes if shape.fill is not None}
    assert fills == {(0.1, 0.5, 0.4), (0.9, 0.3, 0.1)} or fills == {(0.1, 0.4, 0.4), (0.9, 0.3, 0.1)}
    tile = next(shape for shape in shapes if shape.fill is not None and shape.bbox[2] - shape.bbox[0] > 50)
    assert np.allclose(tile.bbox, (20, 20, 120, 60), atol=1.5)
    outline = [shape for shape in shapes if shape.fill is None]
    assert len(outline) == 1 and np.allclose(outline[0].bbox, (150, 20, 250, 60), atol=2)


@needs_engine
def test_a_heading_in_large_bold_type_is_read_as_text_not_as_fills() -> None:
    """The strokes of a 26 pt heavy heading are solid ink regions: turned over as fills for the
    engine, they broke the letters, and kept as shapes, they made bullets and frames of them (a
    blind round 17 scan: "TE AWAROA, New Zealand" read "Ta," / "ser ealar", the header lost)."""
    drawn = pymupdf.open()
    page = drawn.new_page(width=595, height=200)
    page.insert_text((380, 60), "City Innovation Snapshot", fontsize=12, fontname="helv")
    page.insert_text((240, 100), "TE AWAROA, New Zealand", fontsize=26, fontname="hebo")
    page.insert_text((58, 150), "Overview", fontsize=12, fontname="helv")
    scanned = pymupdf.open()
    scanned.new_page(width=595, height=200).insert_image(pymupdf.Rect(0, 0, 595, 200),
                                                         pixmap=page.get_pixmap(dpi=200))
    from snapshot_extract.read.pdf import read_pdf

    document = read_pdf(scanned.tobytes(), "scan.pdf", PdfOptions())
    heading = next(line for line in document.lines if "AWAROA" in line.text)
    assert (heading.text, heading.bullet) == ("TE AWAROA, New Zealand", False)


# --------------------------------------------------------------------------- doubts


def test_a_doubtful_word_lowers_its_term_and_warns() -> None:
    term = Term(id="project_manager", label="Project manager", text="Project Manger", score=100.0)
    values = {"organisation.staff_skills": [term], "overview.mayor": "Onno van Veldhuizen"}
    evidence = {
        "organisation.staff_skills[0]": Evidence("Project Manger", 1, (60.0, 300.0, 140.0, 310.0)),
        "overview.mayor": Evidence("Mayor: Onno van Veldhuizen", 1, (60.0, 80.0, 200.0, 90.0)),
    }
    doubts = [OcrDoubt(1, (100.0, 300.0, 140.0, 310.0), "Manger", 41.0),
              OcrDoubt(1, (150.0, 80.0, 200.0, 90.0), "Veldhuizen", 62.0)]  # fmt: skip
    flagged, warnings = flag_doubts(doubts, values, evidence, Sections(header=None, sections={}))
    assert flagged["organisation.staff_skills"][0].score == 41.0
    assert flagged["overview.mayor"] == "Onno van Veldhuizen"  # flagged, never changed
    codes = {(warning.field, warning.code) for warning in warnings}
    assert codes == {("organisation.staff_skills", "uncertain_match"), ("overview.mayor", "unreadable_value")}


def test_readings_that_differ_in_a_confusable_digit_are_doubtful() -> None:
    found = ocr.confusable_readings(["“I4", "14", "Sociaal", "social", "Social", "2019", "20l9", "I", "1"])
    assert found == {"I4", "14", "2019", "20l9"}


def test_a_lone_dash_is_named_by_its_length() -> None:
    def word(text: str, width: int) -> OcrWord:
        return OcrWord(text, 0, 0, width, 4, 90.0, (1, 1, 1))

    assert [dash(word("-", 6), 40.0), dash(word("-", 20), 40.0), dash(word("-", 36), 40.0)] == ["-", "–", "—"]
    assert dash(word("co-", 40), 40.0) == "co-"


@pytest.mark.parametrize(("token", "marker"), [("@", True), (">", True), ("/", False), ("&", False)])
def test_a_leading_token_of_marks_is_a_bullet_unless_text_begins_with_it(token: str, marker: bool) -> None:
    """An engine reads a bullet as "@" or ">"; a wrapped line may begin with "/" ("… both from a
    holistic" / "/ macro level and in specific areas": blind round 18 read that line as a list
    item, and the approach's scope was lost in two scans)."""
    from snapshot_extract.read.scan_text import _is_marker_token

    first, following = OcrWord(token, 0, 0, 8, 20, 90.0, (1, 1, 1)), OcrWord("macro", 20, 0, 80, 20, 90.0, (1, 1, 1))
    assert _is_marker_token(first, following, 20.0) is marker


def _cell_with_marker(page: pymupdf.Page, filled: bool) -> None:
    """A fax's cell marker: a square taller than a capital, in a bordered cell whose edge runs
    just above it."""
    page.draw_rect(pymupdf.Rect(30, 33, 150, 53), color=(0, 0, 0), width=0.8)
    square = pymupdf.Rect(40, 37.5, 49, 46.5)
    page.draw_rect(square, color=None if filled else (0, 0, 0), fill=(0, 0, 0) if filled else None, width=0.8)


@pytest.mark.parametrize(("draw", "shape", "right"), [
    (lambda page, rect: page.draw_oval(rect, color=None, fill=(0, 0, 0)), "●", 46.5),
    (lambda page, rect: page.draw_oval(rect, color=(0, 0, 0), width=0.8), "○", 46.5),
    (lambda page, rect: page.draw_rect(rect, color=None, fill=(0, 0, 0)), "■", 46.5),
    (lambda page, rect: page.draw_rect(rect, color=(0, 0, 0), width=0.8), "□", 46.5),
    (lambda page, rect: page.draw_line(rect.tl + (0, -8), rect.bl + (0, 8), color=(0, 0, 0), width=0.8), "?", 46.5),
    (lambda page, rect: _cell_with_marker(page, filled=True), "■", 49.5),
    (lambda page, rect: _cell_with_marker(page, filled=False), "□", 49.5),
])
def test_a_markers_ink_is_read_as_the_shape_it_draws(draw: object, shape: str, right: float) -> None:
    """A grid coded by solid and hollow markers ("● Housing", "○ Blight", "Key: ● sufficient data
    ○ insufficient data"): the engine reads them as "@", "e" or not at all, so the shape is read
    from the marker's ink (blind round 18: five scanned grids left unclassified); a box's edge
    that runs on above and below the line is no marker; a square taller than the line's window is
    looked for in a taller one, apart from the cell's edge above it (blind round 20's faxes)."""
    from snapshot_extract.read.scan_text import marker_glyph

    drawn = pymupdf.open()
    page = drawn.new_page(width=200, height=100)
    rect = pymupdf.Rect(40, 40, 46, 46)  # a 6-point marker on a 10-point line whose baseline is at 48
    draw(page, rect)  # type: ignore[operator]
    page.insert_text((52, 48), "Housing", fontsize=10)
    pixmap = page.get_pixmap(dpi=200)
    scanned = pymupdf.open()
    scanned.new_page(width=200, height=100).insert_image(pymupdf.Rect(0, 0, 200, 100), pixmap=pixmap)
    picture = page_picture(scanned[0], 200)
    scale = picture.scale
    assert marker_glyph(picture, (39.5 * scale, right * scale), 48 * scale, 10 * scale, "?") == shape


def test_tesseract_tsv_words_keep_their_page_line_and_confidence() -> None:
    tsv = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
           "4\t1\t1\t1\t1\t0\t10\t10\t100\t20\t-1\t\n"
           "5\t1\t1\t1\t1\t1\t10\t10\t40\t20\t96.5\tMayor:\n"
           "5\t2\t3\t1\t2\t1\t60\t10\t50\t20\t41.0\tOnno\n")  # fmt: skip
    assert ocr.parse_tsv(tsv) == [(1, OcrWord("Mayor:", 10, 10, 50, 30, 96.5, (1, 1, 1))),
                                  (2, OcrWord("Onno", 60, 10, 110, 30, 41.0, (3, 1, 2)))]  # fmt: skip


# --------------------------------------------------------------------------- inspect


@needs_engine
def test_inspect_draws_every_value_box_on_the_straightened_scan(tmp_path: Path) -> None:
    result = runner.invoke(app, ["inspect", str(GREY_SCAN), "--out", str(tmp_path), "--dpi", "60"])
    assert result.exit_code == 0, result.output
    record = Record.model_validate_json((tmp_path / "record.json").read_text(encoding="utf-8"))
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    box_paths = {p for found in re.findall(r'data-paths="([^"]*)"', page) for p in found.split()}
    assert record.source.ocr and record.provenance
    assert set(record.provenance) <= box_paths
    assert sorted(path.name for path in tmp_path.glob("page-*.png")) == ["page-1.png", "page-2.png"]


def _one_bit_page(tmp_path: Path, specks: bool) -> pymupdf.Page:
    """A page that is one 1-bit picture (a fax): a few strokes of text-like ink, and, if
    ``specks``, single black pixels scattered over the paper."""
    from PIL import Image, ImageDraw

    image = Image.new("1", (1700, 2200), 1)
    draw = ImageDraw.Draw(image)
    for row in range(10):
        draw.text((100, 100 + 40 * row), "Ligure. The city has started using data", fill=0)
        draw.rectangle((100, 600 + 30 * row, 400, 606 + 30 * row), fill=0)  # strokes 6 pixels thick
    if specks:
        generator = np.random.default_rng(7)
        for x, y in zip(generator.integers(0, 1700, 3000), generator.integers(0, 2200, 3000), strict=True):
            image.putpixel((int(x), int(y)), 0)
    path = tmp_path / "fax.png"
    image.save(path)
    document = pymupdf.open()
    page = document.new_page(width=612, height=792)
    page.insert_image(page.rect, filename=str(path))
    return pymupdf.open("pdf", document.tobytes())[0]


def _isolated(grey: np.ndarray) -> int:
    dark = (grey < 128).astype(np.uint8)
    padded = np.pad(dark, 1)
    around = sum(padded[1 + dy:padded.shape[0] - 1 + dy, 1 + dx:padded.shape[1] - 1 + dx]
                 for dy in (-1, 0, 1) for dx in (-1, 0, 1))
    return int(((dark == 1) & (around <= 2)).sum())


def test_a_fax_is_read_without_its_specks(tmp_path: Path) -> None:
    """A 1-bit picture's single black pixels (a fax line's noise) reach the engine as accents and
    marks ("ħäs", "datà"): they are filtered out; a letter's strokes are not."""
    clean = page_picture(_one_bit_page(tmp_path, specks=False), ocr.OCR_DPI).grey
    speckled = page_picture(_one_bit_page(tmp_path, specks=True), ocr.OCR_DPI).grey
    assert _isolated(speckled) <= _isolated(clean) + 10  # the 3,000 specks are gone
    assert abs(int((speckled < 128).sum()) - int((clean < 128).sum())) < 0.02 * int((clean < 128).sum())


@pytest.mark.parametrize(("text", "marker"), [("C]", True), ("I", True), ("Q", True), ("is", False), ("A", False)])
def test_a_short_token_whose_ink_is_a_square_is_a_marker_unless_a_word(text: str, marker: bool) -> None:
    """A fax's cell markers reach the engine as letters ("C]", "I", "Q"): a short token whose
    ink is a square (corners inked, middle solid or empty) is the marker; a real short word is
    kept ("is", which a noisy scan's ink may make look so), but "I", which a snapshot never says."""
    from snapshot_extract.read.scan_text import OcrWord, ScanLine, _square_mark

    drawn = pymupdf.open()
    page = drawn.new_page(width=200, height=100)
    _cell_with_marker(page, filled=text != "C]")
    pixmap = page.get_pixmap(dpi=200)
    scanned = pymupdf.open()
    scanned.new_page(width=200, height=100).insert_image(pymupdf.Rect(0, 0, 200, 100), pixmap=pixmap)
    picture = page_picture(scanned[0], 200)
    scale = picture.scale
    word = OcrWord(text, round(39.5 * scale), round(37 * scale), round(49.5 * scale), round(47 * scale), 90.0, (1, 1, 1))
    line = ScanLine((word,), 48 * scale, 10 * scale)
    assert _square_mark(picture, word, line, 10 * scale) is marker


# --------------------------------------------------------------------------- a photographed sheet

PHOTO_CORNERS = ((0.07, 0.05), (0.93, 0.08), (0.96, 0.95), (0.04, 0.93))  # the sheet in the photo


def _photographed(page: pymupdf.Page, corners: tuple[tuple[float, float], ...] = PHOTO_CORNERS) -> pymupdf.Document:
    """A phone photo of ``page``: the sheet drawn into ``corners`` (a keystone) on a brown desk, under a
    warm lamp whose light falls off towards the photo's edges."""
    from PIL import Image

    pixmap = page.get_pixmap(dpi=150)
    sheet = Image.frombytes("RGB", (pixmap.width, pixmap.height), pixmap.samples)
    width, height = sheet.size
    # coefficients taking each photo point to its point on the sheet (solved here, not by the reader)
    rows, values = [], []
    for (u, v), (x, y) in zip(((0, 0), (width, 0), (width, height), (0, height)), corners, strict=True):
        x, y = x * width, y * height
        rows += [[x, y, 1, 0, 0, 0, -u * x, -u * y], [0, 0, 0, x, y, 1, -v * x, -v * y]]
        values += [u, v]
    coefficients = tuple(np.linalg.solve(np.array(rows, float), np.array(values, float)))
    drawn = sheet.transform(sheet.size, Image.Transform.PERSPECTIVE, coefficients, Image.Resampling.BICUBIC,
                            fillcolor=(95, 62, 36))
    ys, xs = np.mgrid[0:height, 0:width]
    lamp = 1.0 - 0.25 * (((xs / width - 0.4) ** 2 + (ys / height - 0.3) ** 2) / 0.5)
    warm = np.asarray(drawn, dtype=np.float64) * lamp[:, :, None] * np.array([1.0, 0.93, 0.78])
    photo = Image.fromarray(np.clip(warm, 0, 255).astype(np.uint8), "RGB")
    document = pymupdf.open()
    out = document.new_page(width=page.rect.width, height=page.rect.height)
    buffer = io.BytesIO()
    photo.save(buffer, format="JPEG", quality=85)
    out.insert_image(out.rect, stream=buffer.getvalue())
    return document


def test_a_photographed_sheet_is_found_by_its_four_edges() -> None:
    with pymupdf.open(FIXTURES / "pdf" / "malmo.pdf") as source, _photographed(source[0]) as photo:
        picture = page_picture(photo[0], 300)
    assert picture.sheet is not None
    assert np.allclose(picture.sheet, PHOTO_CORNERS, atol=0.01)
    assert abs(picture.skew) < 0.2  # flattened, the lines are level


def test_a_flattened_photo_has_white_paper_and_keeps_its_fills() -> None:
    drawn = pymupdf.open()
    page = drawn.new_page(width=300, height=400)
    page.draw_rect(pymupdf.Rect(40, 200, 140, 240), color=None, fill=(0.1, 0.45, 0.4))
    page.insert_text((40, 80), "Paper between the letters", fontsize=14)
    with _photographed(page) as photo:
        picture = page_picture(photo[0], 300)
        shapes = find_shapes(picture)[0]
    assert picture.sheet is not None and min(picture.paper) > 0.95  # the lamp's warm cast is gone
    fills = [shape for shape in shapes if shape.fill is not None and shape.bbox[2] - shape.bbox[0] > 50]
    assert len(fills) == 1  # the lamp's fall-off is not read as fills
    assert np.allclose(fills[0].fill, (0.1, 0.45, 0.4), atol=0.08)
    assert np.allclose(fills[0].bbox, (40, 200, 140, 240), atol=4)


@pytest.mark.parametrize("scan", ["malmo-200dpi-q75.pdf", "krakow-300dpi-grey.pdf", "bogota-150dpi-q80.pdf"])
def test_a_scan_is_not_taken_for_a_photo(scan: str) -> None:
    """A scanned page fills its picture (its header band runs to the edge): nothing to flatten."""
    with pymupdf.open(SCANS / scan) as document:
        assert page_picture(document[0], 300).sheet is None


@needs_engine
def test_a_photographed_snapshot_reads_as_its_scan(vocabulary: Vocabulary, tmp_path: Path) -> None:
    with pymupdf.open(FIXTURES / "pdf" / "malmo.pdf") as source:
        photo = pymupdf.open()
        for page in source:
            with _photographed(page) as one:
                photo.insert_pdf(one)
    path = tmp_path / "malmo-photo.pdf"
    photo.save(path)
    record = extract(path, vocabulary)
    truth = json.loads((FIXTURES / "pdf" / "malmo.expected.json").read_text(encoding="utf-8"))
    assert record.city.name == truth["city"]["name"]
    assert record.overview.mayor == truth["overview"]["mayor"]
    assert record.overview.population == truth["overview"]["population"]
    assert [term.id for term in record.outcomes.policy_areas] == [term["id"] for term in truth["outcomes"]["policy_areas"]]


def test_a_captures_uneven_light_is_evened_and_an_even_scans_is_left() -> None:
    """Blind round 25's document-camera captures (cropped to the page, no background to find a
    sheet by) were lit bright in the middle and dim at the corners: four of five were refused as no
    snapshot, the engine reading little of the dim paper. A picture whose paper's light is uneven
    is divided by it; a scanner's even light is left as it is."""
    from PIL import Image

    from snapshot_extract.read.scan_sheet import even_light

    ys, xs = np.mgrid[0:400, 0:300]
    light = 250 - 170 * (((xs - 150) / 150) ** 2 + ((ys - 200) / 200) ** 2) / 2  # 250 mid, 80 at the corners
    paper = np.repeat(light[:, :, None], 3, axis=2)
    paper[190:200, 20:280] *= 0.2  # a line of print across the middle
    captured = Image.fromarray(paper.round().astype(np.uint8), "RGB")
    evened = np.asarray(even_light(captured, only_uneven=True), dtype=np.float64)
    corner, middle = evened[5:20, 5:20].mean(), evened[150:170, 140:160].mean()
    assert corner > 225 and middle > 225  # the paper near white everywhere (the corner was 80 of 255)
    assert evened[192:198, 30:270].mean() < 100  # the print kept dark
    scanned = Image.fromarray(np.full((400, 300, 3), 240, dtype=np.uint8), "RGB")
    assert even_light(scanned, only_uneven=True) is scanned


def test_a_lamps_vignette_no_quadratic_follows_is_bent_to_the_paper_and_a_pale_fill_kept() -> None:
    """Blind round 25's document-camera captures fall off towards the corners faster than a
    quadratic can follow (half the sheet left "not paper" by the fit): the engine read their dim
    corners and margins as specks and shading, and pale boxes as grid cells. Where the quadratic
    leaves so much of the sheet below it, the light is bent to the paper around each place; a
    pale panel (a spotlight box) stays a fill, if paler than printed; a quadratic light is divided by
    its fit alone. (The fit alone leaves this sheet's corners at 58-99 of 255 and the panel as light
    as the paper.)"""
    from PIL import Image

    from snapshot_extract.read.scan_sheet import even_light

    ys, xs = np.mgrid[0:400, 0:300]
    reach = ((xs - 150) / 150) ** 2 + ((ys - 200) / 200) ** 2
    light = 40 + 210 * np.exp(-reach * 1.4)  # 250 mid, ~95 at the corners, falling off as a lamp's does
    paper = np.repeat(light[:, :, None], 3, axis=2)
    paper[230:290, 60:240] *= 0.85  # a pale panel
    for row in range(30, 380, 14):
        paper[row:row + 3, 30:270] *= 0.2  # lines of print
    captured = Image.fromarray(paper.round().astype(np.uint8), "RGB")
    evened = np.asarray(even_light(captured, only_uneven=True), dtype=np.float64)
    for top, left in ((3, 3), (3, 280), (385, 3), (385, 280), (200, 3), (3, 150)):
        assert evened[top:top + 10, left:left + 10].mean() > 215, (top, left)  # the paper near white all round
    panel, paper_beside = evened[246:252, 100:200].mean(), evened[302:308, 100:200].mean()
    assert paper_beside > 240 and panel < paper_beside - 8  # the panel still a fill (the quadratic alone: none)
    assert evened[30:33, 40:260].mean() < 100  # the print kept dark

    quadratic = 250 - 120 * reach / 2  # a light a quadratic follows: divided by its fit, as before
    plain = Image.fromarray(np.repeat(quadratic[:, :, None], 3, axis=2).round().astype(np.uint8), "RGB")
    assert np.asarray(even_light(plain), dtype=np.float64).min() >= 235  # (the lightest of a window: steep corners 242)


def _sideways(source: Path, path: Path, turns: tuple[int, ...]) -> None:
    """``source``'s pages as pictures turned a quarter (clockwise 90 or 270 degrees each, as a
    sheet fed sideways), each on a page of the turned size."""
    from PIL import Image

    turned = pymupdf.open()
    with pymupdf.open(source) as document:
        for page, degrees in zip(document, turns, strict=True):
            pixmap = page.get_pixmap(dpi=200)
            picture = Image.frombytes("RGB", (pixmap.width, pixmap.height), pixmap.samples).rotate(-degrees, expand=True)
            buffer = io.BytesIO()
            picture.save(buffer, format="JPEG", quality=85)
            target = turned.new_page(width=page.rect.height, height=page.rect.width)
            target.insert_image(target.rect, stream=buffer.getvalue())
    turned.save(path)


@needs_engine
def test_a_scan_fed_sideways_is_turned_upright_and_read(tmp_path: Path) -> None:
    """Blind round 28: a scan whose pages were turned a quarter (one each way) was refused as no
    snapshot. A page whose ink leaves more blank columns than blank rows is sideways; the engine's
    orientation detection says which way to turn it."""
    path = tmp_path / "sideways.pdf"
    _sideways(COLOUR_SCAN, path, (90, 270))
    turned, upright = extract(path), extract(COLOUR_SCAN)
    assert turned.city == upright.city
    assert (turned.overview.mayor, turned.overview.population) == (upright.overview.mayor, upright.overview.population)
    assert [term.id for term in turned.funding.sources] == [term.id for term in upright.funding.sources]


def test_a_page_larger_than_a3_is_read_with_no_more_pixels_than_a3() -> None:
    """An image tool's page of a scan at 72 dpi is 2 to 3 times A4's width: read at 300 dpi it took
    2.2 GB and was refused (blind round 30, three photographed pages); A3 and smaller keep 300 dpi
    (two A4 pages scanned side by side, 0.6 GB)."""
    assert ocr.ocr_dpi(595, 842) == ocr.ocr_dpi(420, 595) == ocr.ocr_dpi(1267, 828) == ocr.OCR_DPI
    big = ocr.ocr_dpi(1463, 1963)
    assert round(big) == 186
    assert 1463 * 1963 * big**2 <= ocr.OCR_AREA * ocr.OCR_DPI**2 * 1.001

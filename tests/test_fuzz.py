"""Mutated fixtures never crash and never hang: ``pipeline.extract`` returns a ``Record`` or
raises a ``SnapshotError`` (one-line message, known code), within a time bound per example.

PDF seeds are ``fixtures/bad/snapshot.pdf`` and ``fixtures/pdf/*.pdf``; text seeds are
``fixtures/text/*``. Mutations: truncation (also with a new ``%%EOF`` so that the damaged rest
is read), byte flips, inserted garbage, a page's content stream replaced or damaged, a page
object's keys set to hostile values (PDF); truncation, byte flips, inserted garbage, shuffled lines, other
encodings (text). Runs are derandomised (the same examples on every run, no example database),
so a failure in CI reproduces locally; hypothesis prints the falsifying seed and mutation. OCR is
off (``ocr="never"``): a mutation that leaves a page without text would otherwise send it to the
OCR engine, whose robustness ``test_ocr`` covers; here the PDF readers are under test.
``FUZZ_EXAMPLES=5000 pytest tests/test_fuzz.py`` explores instead: that many random examples.
"""

from __future__ import annotations

import os
import random
import tempfile
from pathlib import Path

import pymupdf
from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st

from snapshot_extract.errors import SnapshotError
from snapshot_extract.models import PdfOptions, Record
from snapshot_extract.pipeline import extract
from snapshot_extract.vocabulary import Vocabulary, load_vocabulary

from .conftest import FIXTURES, hard_limit

VOCABULARY: Vocabulary = load_vocabulary()
PDF_SEEDS = {path.name: path.read_bytes() for path in
             [FIXTURES / "bad" / "snapshot.pdf", *sorted((FIXTURES / "pdf").glob("*.pdf"))]}  # fmt: skip
TEXT_SEEDS = {path.name: path.read_bytes() for path in sorted((FIXTURES / "text").iterdir())
              if path.suffix in (".txt", ".md")}  # fmt: skip
CODES = {"unreadable", "encrypted", "no_text_layer", "too_many_pages", "timeout", "not_a_snapshot"}
HARD_LIMIT_SECONDS = 20  # a hang fails the example instead of the CI job
EXPLORE = int(os.environ.get("FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    max_examples=EXPLORE or 100,
    deadline=5000,
    derandomize=not EXPLORE,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

pdf_seeds = st.sampled_from(sorted(PDF_SEEDS))
text_seeds = st.sampled_from(sorted(TEXT_SEEDS))
fractions = st.floats(0, 1, allow_nan=False)
flips = st.lists(st.tuples(fractions, st.integers(0, 255)), min_size=1, max_size=32)
garbage = st.binary(min_size=1, max_size=512)




NO_OCR = PdfOptions(ocr="never")


def check_extract(data: bytes, suffix: str) -> None:
    """The property: a ``Record`` or a well-formed ``SnapshotError``, nothing else."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            with hard_limit(HARD_LIMIT_SECONDS):
                record = extract(path, VOCABULARY, pdf_options=NO_OCR)
        except SnapshotError as error:
            note(f"{error.code}: {error}")
            event(error.code)
            assert error.code in CODES, error.code
            assert str(error).strip() and "\n" not in error.one_line(), repr(error.one_line())
            return
    event("record")
    assert isinstance(record, Record)


def _flip(data: bytes, changes: list[tuple[float, int]]) -> bytes:
    mutable = bytearray(data)
    for where, value in changes:
        mutable[min(int(where * len(mutable)), len(mutable) - 1)] = value
    return bytes(mutable)


def _insert(data: bytes, where: float, extra: bytes) -> bytes:
    cut = int(where * len(data))
    return data[:cut] + extra + data[cut:]


# --------------------------------------------------------------------------- PDF


@FUZZ
@given(pdf_seeds, fractions, st.booleans())
def test_pdf_truncated(seed: str, where: float, reseal: bool) -> None:
    data = PDF_SEEDS[seed]
    check_extract(data[: int(where * len(data))] + (b"\n%%EOF\n" if reseal else b""), ".pdf")


@FUZZ
@given(pdf_seeds, flips)
def test_pdf_byte_flips(seed: str, changes: list[tuple[float, int]]) -> None:
    check_extract(_flip(PDF_SEEDS[seed], changes), ".pdf")


PDF_TOKENS = (
    b"BT", b"ET", b"q", b"Q", b"T*", b"/F1 12 Tf", b"/F2 0 Tf", b"/F9 8 Tf", b"1e38 Tf", b"-5 Tz",
    b"(City Innovation Snapshot X, Y) Tj", b"(What funding is available?) Tj", b"(\\225 item) Tj",
    b"[(a) -250 (b) 1e30 (c)] TJ", b"<FEFF00410042> Tj", b"(\\376\\377\\000) Tj", b"1 0 0 1 50 700 Tm",
    b"0 0 0 0 0 0 cm", b"1e30 0 0 1e30 0 0 cm", b"-1 0 0 -1 595 842 cm", b"10 TL", b"3 Tr", b"7 Tr",
    b"0.9 0.2 0.1 rg", b"0 0 595 842 re f", b"0 0 1e9 1e9 re f", b"/Im0 Do", b"/GS0 gs", b"W n",
    b"BI /W 2 /H 2 /BPC 8 /CS /G ID \x00\xff\x00\xff EI", b"(unbalanced Tj", b"]", b">>", b"%comment",
    b"endstream", b"12 0 obj", b"NaN", b"-0", b"99999999999999999999", b"\x00",
)  # fmt: skip
content_streams = st.one_of(
    st.binary(max_size=2048),
    st.lists(st.sampled_from(PDF_TOKENS), max_size=300).map(b"\n".join),
    st.integers(1, 5000).map(lambda depth: b"q " * depth + b"BT /F1 9 Tf (deep) Tj ET"),
)


def _replace_content(data: bytes, page_at: float, new: bytes | None, cut: float) -> bytes:
    """Replace one page's content stream with ``new``, or cut its raw (compressed) bytes."""
    with pymupdf.open(stream=data, filetype="pdf") as document:
        page = document[min(int(page_at * document.page_count), document.page_count - 1)]
        xref = page.get_contents()[0]
        if new is None:
            raw = document.xref_stream_raw(xref)
            document.update_stream(xref, raw[: int(cut * len(raw))], compress=False)
        else:
            document.update_stream(xref, new)
        return bytes(document.tobytes(no_new_id=True))


@FUZZ
@given(pdf_seeds, fractions, st.one_of(st.none(), content_streams), fractions)
def test_pdf_content_stream_corrupted(seed: str, page_at: float, new: bytes | None, cut: float) -> None:
    check_extract(_replace_content(PDF_SEEDS[seed], page_at, new, cut), ".pdf")


PAGE_KEYS = ("MediaBox", "CropBox", "Rotate", "UserUnit", "Resources", "Contents", "Parent", "Kids", "Count",
             "Type", "Annots", "AA", "Group")  # fmt: skip
PAGE_VALUES = ("[0 0 0 0]", "[0 0 1e10 1e10]", "[0 0 -595 -842]", "[1 2 3]", "[]", "<<>>", "null", "-90", "45",
               "1e308", "0", "(string)", "/Nonsense", "99999 0 R", "<</Font<</F1 99999 0 R>>>>",
               "<</S/JavaScript/JS(app.alert(1))>>")  # fmt: skip


def _corrupt_page(data: bytes, page_at: float, changes: list[tuple[str, str]]) -> bytes:
    """Set keys of one page object (or its parent, via a self reference) to hostile values."""
    with pymupdf.open(stream=data, filetype="pdf") as document:
        xref = document[min(int(page_at * document.page_count), document.page_count - 1)].xref
        for key, value in changes:
            document.xref_set_key(xref, key, value.replace("SELF", f"{xref} 0 R"))
        return bytes(document.tobytes(no_new_id=True))


@FUZZ
@given(pdf_seeds, fractions, st.lists(st.tuples(st.sampled_from(PAGE_KEYS),
                                                 st.sampled_from((*PAGE_VALUES, "SELF", "[SELF SELF]"))),
                                       min_size=1, max_size=4))  # fmt: skip
def test_pdf_page_object_corrupted(seed: str, page_at: float, changes: list[tuple[str, str]]) -> None:
    check_extract(_corrupt_page(PDF_SEEDS[seed], page_at, changes), ".pdf")


@FUZZ
@given(pdf_seeds, fractions, st.one_of(garbage, st.lists(st.sampled_from(PDF_TOKENS), max_size=40).map(b" ".join)))
def test_pdf_inserted_garbage(seed: str, where: float, extra: bytes) -> None:
    check_extract(_insert(PDF_SEEDS[seed], where, extra), ".pdf")


# --------------------------------------------------------------------------- text


@FUZZ
@given(text_seeds, fractions)
def test_text_truncated(seed: str, where: float) -> None:
    data = TEXT_SEEDS[seed]
    check_extract(data[: int(where * len(data))], ".txt")


@FUZZ
@given(text_seeds, flips)
def test_text_byte_flips(seed: str, changes: list[tuple[float, int]]) -> None:
    check_extract(_flip(TEXT_SEEDS[seed], changes), ".txt")


text_garbage = st.text(max_size=300).map(lambda text: text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(text_seeds, fractions, st.one_of(garbage, text_garbage))
def test_text_inserted_garbage(seed: str, where: float, extra: bytes) -> None:
    check_extract(_insert(TEXT_SEEDS[seed], where, extra), ".txt")


@FUZZ
@given(text_seeds, st.randoms(use_true_random=False))
def test_text_shuffled_lines(seed: str, rng: random.Random) -> None:
    lines = TEXT_SEEDS[seed].split(b"\n")
    rng.shuffle(lines)
    check_extract(b"\n".join(lines), ".txt")


ENCODINGS = ("utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "cp1252", "latin-1",
             "cp1250", "iso-8859-2", "mac_roman", "cp437", "koi8-r", "shift_jis", "gb18030", "utf-7")  # fmt: skip


@FUZZ
@given(text_seeds, st.sampled_from(ENCODINGS), st.sampled_from([".txt", ".md", ".csv", ""]))
def test_text_other_encodings(seed: str, encoding: str, suffix: str) -> None:
    text = TEXT_SEEDS[seed].decode("utf-8-sig")
    check_extract(text.encode(encoding, errors="replace"), suffix)

"""tools/dumps: the documented transformations and the truth of a dump (no PDF tool needed)."""

from __future__ import annotations

import hashlib
import shutil

import pytest

from tools.dumps import variants
from tools.dumps.kinds import KINDS, chrome_copy, mark_inline_bold, parse_kinds
from tools.dumps.truth import dump_truth

LIST = "Staff skills:\n● Project Manager\n▶ Mayor: A B\n✓ Improving service delivery\nA 3 ● 4 list"


def test_bullets_are_swapped_only_as_list_markers() -> None:
    assert variants.bullets_as(LIST, "-") == (
        "Staff skills:\n- Project Manager\n- Mayor: A B\n- Improving service delivery\nA 3 - 4 list"
    )
    assert variants.bullets_dropped("● Project Manager\nscore ●x") == "Project Manager\nscore ●x"
    assert variants.bullets_private_use("● a\n▶ b\n■ c\n✓ d") == "\uf0b7 a\n\uf0d8 b\n\uf0a7 c\n\uf0fc d"


@pytest.mark.skipif(shutil.which("iconv") is None, reason="needs iconv")
def test_cp1252_round_trips() -> None:
    text = "▶ Mayor: Łukasz Ő • “x” – ✓ ok"
    assert variants.cp1252_round_trip(text) == "? Mayor: Lukasz O • “x” – ? ok"
    assert variants.cp1252_best_fit(text) == "> Mayor: Lukasz O • “x” – v ok"
    assert variants.iconv_cp1252("É•") == "É•".encode("cp1252")


def test_chrome_copy_joins_pages_and_cleans_line_ends() -> None:
    pages = ["Head \r\noth\ufffeer\u200b line\r\n", "Page two"]
    assert chrome_copy(pages, windows=False) == "Head\nother line\n\nPage two"
    assert chrome_copy(pages, windows=True) == "Head\r\nother line\r\n\nPage two"


def test_mark_inline_bold_keeps_whole_line_bold() -> None:
    md = "**What is it?**\n\n- **Mayor:** A B\n\nIt has **no dedicated staff** here."
    assert (
        mark_inline_bold(md)
        == "**What is it?**\n\n- <mark>Mayor:</mark> A B\n\nIt has <mark>no dedicated staff</mark> here."
    )


PDF_TRUTH = {
    "schema_version": "1",
    "source": {"file": "x.pdf", "sha256": "0" * 64, "format": "pdf", "pages": 2},
    "city": {"name": "Łódź", "as_printed": "ŁÓDŹ", "country": "Poland", "country_code": "PL"},
    "outcomes": {
        "policy_areas": [{"id": "housing", "text": "Housing"}],
        "with_sufficient_data": [],
        "without_sufficient_data": [],
    },
    "unmapped": [],
    "warnings": [{"field": "spotlight", "code": "missing_section"}],
}


def test_dump_truth_follows_the_text_conventions() -> None:
    truth = dump_truth(PDF_TRUTH, "x.pdftotext.txt", b"dump")
    assert truth["source"] == {
        "file": "x.pdftotext.txt", "sha256": hashlib.sha256(b"dump").hexdigest(), "format": "text", "pages": None,
    }  # fmt: skip
    assert truth["outcomes"]["with_sufficient_data"] is None and truth["outcomes"]["without_sufficient_data"] is None
    assert truth["warnings"] == [
        {"field": "outcomes.with_sufficient_data", "code": "no_grid_colours"},
        {"field": "outcomes.without_sufficient_data", "code": "no_grid_colours"},
        {"field": "spotlight", "code": "missing_section"},
    ]
    assert truth["city"] == PDF_TRUTH["city"] and list(truth) == list(PDF_TRUTH)
    assert PDF_TRUTH["source"]["format"] == "pdf"  # the PDF's truth is not changed


def test_dump_truth_without_outcomes_section_adds_no_colour_warning() -> None:
    pdf_truth = {**PDF_TRUTH, "warnings": [{"field": "outcomes", "code": "missing_section"}]}
    assert dump_truth(pdf_truth, "x.txt", b"")["warnings"] == [{"field": "outcomes", "code": "missing_section"}]


@pytest.mark.skipif(shutil.which("iconv") is None, reason="needs iconv")
def test_dump_truth_of_a_re_encoding_maps_its_strings() -> None:
    truth = dump_truth(PDF_TRUTH, "x.cp1252-iconv.txt", b"", KINDS["cp1252-iconv"].truth_map)
    assert truth["city"]["name"] == "Lódz" and truth["city"]["as_printed"] == "LÓDZ"
    assert truth["source"]["file"] == "x.cp1252-iconv.txt"


def test_kinds_are_named_and_parsed() -> None:
    assert [k.name for k in parse_kinds("pdftotext,pymupdf4llm")] == ["pdftotext", "pymupdf4llm"]
    assert len(parse_kinds("")) == len(KINDS)
    with pytest.raises(ValueError, match="unknown kinds"):
        parse_kinds("pdftotext,nope")
    for kind in KINDS.values():
        assert kind.suffix in (".txt", ".md") and kind.tool
        assert kind.base is None or kind.base in KINDS
        assert (kind.base is None) == (not kind.note) or kind.name == "cp1252-file"

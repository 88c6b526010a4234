"""``inspect``: page images with the detections drawn, and the HTML page beside the record."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from snapshot_extract.cli import app
from snapshot_extract.inspect.marks import AMBER, GREEN, compact_paths, field_colour
from snapshot_extract.inspect.overlay import inspect_pdf
from snapshot_extract.models import Record
from snapshot_extract.vocabulary import load_vocabulary

from .conftest import FIXTURES

runner = CliRunner()
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def enschede(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Record]:
    out = tmp_path_factory.mktemp("inspect-enschede")
    result = runner.invoke(app, ["inspect", str(FIXTURES / "pdf" / "enschede.pdf"), "--out", str(out), "--dpi", "60"])
    assert result.exit_code == 0, result.output
    record = Record.model_validate_json((out / "record.json").read_text(encoding="utf-8"))
    return out, record


def test_inspect_writes_one_png_per_page(enschede: tuple[Path, Record]) -> None:
    out, record = enschede
    images = sorted(out.glob("page-*.png"))
    assert record.source.pages == 2
    assert [image.name for image in images] == ["page-1.png", "page-2.png"]
    for image in images:
        assert image.read_bytes().startswith(PNG_SIGNATURE)


def test_index_mentions_every_provenance_path(enschede: tuple[Path, Record]) -> None:
    out, record = enschede
    page = (out / "index.html").read_text(encoding="utf-8")
    assert record.provenance
    for path in record.provenance:
        assert f'data-path="{path}"' in page, path
    assert 'src="page-1.png"' in page and 'src="page-2.png"' in page
    assert "http://" not in page and "https://cdn" not in page  # no network


def test_index_boxes_link_to_rows(enschede: tuple[Path, Record]) -> None:
    out, record = enschede
    page = (out / "index.html").read_text(encoding="utf-8")
    box_paths = {p for found in re.findall(r'data-paths="([^"]*)"', page) for p in found.split()}
    assert set(record.provenance) <= box_paths
    assert {"overview", "funding", "outcomes"} <= box_paths  # the section boxes


def test_text_input_is_a_one_line_error(tmp_path: Path) -> None:
    source = FIXTURES / "text" / "enschede.txt"
    result = runner.invoke(app, ["inspect", str(source), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {source}: inspect needs a PDF")
    assert not (tmp_path / "out").exists()


def test_grid_cells_legend_and_unmapped_marks(tmp_path: Path) -> None:
    inspection = inspect_pdf(FIXTURES / "pdf" / "dusseldorf.pdf", tmp_path, dpi=40)
    kinds = [mark.kind for mark in inspection.marks]
    cells = [mark for mark in inspection.marks if mark.kind == "cell"]
    record = inspection.record
    assert len(cells) == len(record.outcomes.policy_areas)
    assert sum(mark.label == "with" for mark in cells) == len(record.outcomes.with_sufficient_data or [])
    assert kinds.count("legend") == 2
    [unmapped] = [mark for mark in inspection.marks if mark.kind == "unmapped"]
    assert '"Security"' in unmapped.label and unmapped.page == 1
    assert "unmapped[0]" in unmapped.paths


def test_field_colour_by_score_and_warning(enschede: tuple[Path, Record]) -> None:
    _, record = enschede
    assert field_colour(record, "impact.benefits[0]", load_vocabulary()) == (GREEN, 100.0)
    data = record.model_dump(mode="json")
    data["impact"]["benefits"][0]["score"] = 87.5
    data["warnings"].append({"field": "overview.mayor", "code": "x", "message": "x"})
    changed = Record.model_validate_json(json.dumps(data))
    assert field_colour(changed, "impact.benefits[0]", load_vocabulary()) == (AMBER, 87.5)
    assert field_colour(changed, "overview.mayor", load_vocabulary()) == (AMBER, None)
    assert field_colour(changed, "overview.term_start", load_vocabulary()) == (GREEN, None)


def test_compact_paths() -> None:
    assert compact_paths(["a.b[0]", "a.b[1]", "a.c"]) == "a.b[0,1], a.c"
    assert compact_paths(["city.name"]) == "city.name"

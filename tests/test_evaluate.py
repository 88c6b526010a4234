"""``evaluate`` and ``snapshot-extract eval``: field scores, silent errors, matching, exit codes."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from snapshot_extract import extract
from snapshot_extract.checks.evaluate import EvaluationError, evaluate, field_kinds, score_value
from snapshot_extract.cli import app

from .conftest import FIXTURES

runner = CliRunner()
SEED = FIXTURES / "text" / "enschede.txt"
SEED_TRUTH = FIXTURES / "text" / "enschede.expected.json"


@pytest.fixture(scope="module")
def seed_record() -> dict[str, Any]:
    return extract(SEED).model_dump(mode="json")


@pytest.fixture
def truth_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "truth"
    folder.mkdir()
    shutil.copy(SEED_TRUTH, folder / SEED_TRUTH.name)
    return folder


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records), encoding="utf-8")
    return path


def test_a_perfect_record_scores_f1_one(truth_dir: Path, seed_record: dict[str, Any], tmp_path: Path) -> None:
    evaluation = evaluate([truth_dir], write_jsonl(tmp_path / "records.jsonl", [seed_record]))
    assert evaluation.matched == 1 and not evaluation.missing
    assert evaluation.overall.f1 == 1.0 and evaluation.overall.tp > 50
    assert evaluation.silent_errors == 0 and evaluation.passed()


def test_a_wrong_value_without_a_warning_is_silent(truth_dir: Path, seed_record: dict[str, Any], tmp_path: Path) -> None:
    record = copy.deepcopy(seed_record)
    record["overview"]["mayor"] = "Someone Else"
    evaluation = evaluate([truth_dir], write_jsonl(tmp_path / "records.jsonl", [record]))
    score = evaluation.fields["overview.mayor"]
    assert (score.tp, score.fp, score.fn, score.wrong, score.silent) == (0, 1, 1, 1, 1)
    assert evaluation.silent_errors == 1 and evaluation.overall.f1 < 1.0
    [error] = evaluation.errors
    assert error.path == "overview.mayor" and error.silent
    assert error.expected == "Onno van Veldhuizen" and error.got == "Someone Else"
    assert not evaluation.passed()


@pytest.mark.parametrize("warned_field", ["overview.mayor", "overview"])
def test_a_wrong_value_with_a_warning_is_not_silent(
    truth_dir: Path, seed_record: dict[str, Any], tmp_path: Path, warned_field: str
) -> None:
    record = copy.deepcopy(seed_record)
    record["overview"]["mayor"] = None
    record["warnings"].append({"field": warned_field, "code": "missing_section", "message": "x"})
    evaluation = evaluate([truth_dir], write_jsonl(tmp_path / "records.jsonl", [record]))
    [error] = evaluation.errors
    assert not error.silent and error.covered_by == ("missing_section",)
    assert evaluation.fields["overview.mayor"].fn == 1 and evaluation.silent_errors == 0
    assert not evaluation.passed()  # F1 < 1.0 still fails --strict


def test_an_unmapped_entry_covers_its_list(truth_dir: Path, seed_record: dict[str, Any], tmp_path: Path) -> None:
    record = copy.deepcopy(seed_record)
    record["impact"]["benefits"] = record["impact"]["benefits"][:-1]
    record["unmapped"].append({"field": "impact.benefits", "text": "Improving service delivery",
                               "best_id": None, "best_score": 40.0})
    evaluation = evaluate([truth_dir], write_jsonl(tmp_path / "records.jsonl", [record]))
    score = evaluation.fields["impact.benefits"]
    assert (score.tp, score.fp, score.fn, score.silent) == (2, 0, 1, 0)
    assert evaluation.errors[0].covered_by == ("unmapped",)


def test_a_warning_on_another_field_does_not_cover(truth_dir: Path, seed_record: dict[str, Any], tmp_path: Path) -> None:
    record = copy.deepcopy(seed_record)
    record["overview"]["population"] = 1
    record["warnings"].append({"field": "overview.population_year", "code": "x", "message": "x"})
    evaluation = evaluate([truth_dir], write_jsonl(tmp_path / "records.jsonl", [record]))
    assert evaluation.silent_errors == 1


def test_a_missing_record_is_reported(truth_dir: Path, seed_record: dict[str, Any], tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "text" / "boston.expected.json", truth_dir / "boston.expected.json")
    evaluation = evaluate([truth_dir], write_jsonl(tmp_path / "records.jsonl", [seed_record]))
    assert evaluation.matched == 1 and evaluation.truth_files == 2
    assert [Path(path).name for path in evaluation.missing] == ["boston.expected.json"]
    assert evaluation.overall.fn > 0 and evaluation.overall.fp == 0
    assert evaluation.silent_errors == 0 and not evaluation.passed()


def test_term_text_and_peer_text_are_not_scored(truth_dir: Path, seed_record: dict[str, Any], tmp_path: Path) -> None:
    record = copy.deepcopy(seed_record)
    record["impact"]["benefits"][0]["text"] = "something else"
    record["impact"]["benefits"].reverse()  # sets: order is not scored
    record["vision"]["peer"]["text"] = "other words"
    evaluation = evaluate([truth_dir], write_jsonl(tmp_path / "records.jsonl", [record]))
    assert evaluation.overall.f1 == 1.0
    record["vision"]["peer"]["bound"] = "about"
    evaluation = evaluate([truth_dir], write_jsonl(tmp_path / "records.jsonl", [record]))
    assert [error.path for error in evaluation.errors] == ["vision.peer"]


def test_fields_the_truth_leaves_out_are_not_scored(tmp_path: Path, seed_record: dict[str, Any]) -> None:
    truth = json.loads(SEED_TRUTH.read_text(encoding="utf-8"))
    del truth["spotlight"]
    del truth["overview"]["mayor"]
    folder = tmp_path / "truth"
    folder.mkdir()
    (folder / "enschede.expected.json").write_text(json.dumps(truth), encoding="utf-8")
    record = copy.deepcopy(seed_record)
    record["spotlight"]["title"] = "wrong"
    record["overview"]["mayor"] = "wrong"
    evaluation = evaluate([folder], write_jsonl(tmp_path / "records.jsonl", [record]))
    assert evaluation.overall.f1 == 1.0
    assert evaluation.fields["spotlight.title"].documents == 0
    assert evaluation.fields["overview.mayor"].documents == 0


@pytest.mark.parametrize(
    ("expected", "got", "kind", "counts"),
    [
        (True, 1, "scalar", (0, 1, 1)),
        (2019, 2019.0, "scalar", (1, 0, 0)),
        (None, None, "scalar", (0, 0, 0)),
        (None, "x", "scalar", (0, 1, 0)),
        ("x", None, "scalar", (0, 0, 1)),
        ([{"id": "a"}, {"id": "b"}], [{"id": "b"}, {"id": "c"}], "terms", (1, 1, 1)),
        (None, [], "terms", (0, 1, 0)),
        ([], None, "terms", (0, 0, 1)),
        ({"id": "a"}, {"id": "a", "text": "other"}, "term", (1, 0, 0)),
        ({"percent": 50, "bound": "exact"}, {"percent": 50, "bound": "more_than"}, "peer", (0, 1, 1)),
        (["https://a/", "https://b/"], ["https://b/"], "strings", (1, 0, 1)),
    ],
)
def test_score_value(expected: Any, got: Any, kind: Any, counts: tuple[int, int, int]) -> None:
    assert score_value(expected, got, kind) == counts


def test_field_kinds_follow_the_record_model() -> None:
    kinds = dict(field_kinds())
    assert kinds["impact.benefits"] == "terms" and kinds["data.role"] == "term"
    assert kinds["vision.peer"] == "peer" and kinds["overview.websites"] == "strings"
    assert kinds["outcomes.with_sufficient_data"] == "terms" and kinds["overview.population"] == "scalar"
    assert "provenance" not in {path.split(".")[0] for path in kinds}


def test_records_match_by_sha256_when_the_name_differs(
    truth_dir: Path, seed_record: dict[str, Any], tmp_path: Path
) -> None:
    record = copy.deepcopy(seed_record)
    record["source"]["file"] = "renamed.txt"
    evaluation = evaluate([truth_dir], write_jsonl(tmp_path / "records.jsonl", [record]))
    assert evaluation.matched == 1 and evaluation.overall.f1 == 1.0


def test_record_folders_and_batch_folders(truth_dir: Path, seed_record: dict[str, Any], tmp_path: Path) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "enschede.json").write_text(json.dumps(seed_record), encoding="utf-8")
    assert evaluate([truth_dir], folder).matched == 1
    batch = tmp_path / "batch"
    (batch / "json").mkdir(parents=True)
    (batch / "json" / "enschede.json").write_text(json.dumps(seed_record), encoding="utf-8")
    (batch / "manifest.json").write_text("{}", encoding="utf-8")
    assert evaluate([truth_dir], batch).matched == 1
    write_jsonl(batch / "records.jsonl", [seed_record])
    assert evaluate([truth_dir], batch).matched == 1


def test_unusable_arguments_raise(tmp_path: Path, truth_dir: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(EvaluationError, match="no .*truth files"):
        evaluate([tmp_path / "empty"], tmp_path)
    with pytest.raises(EvaluationError, match="no such folder"):
        evaluate([tmp_path / "nowhere"], tmp_path)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match="line 1 is not JSON"):
        evaluate([truth_dir], bad)


# --------------------------------------------------------------------------- CLI


def test_cli_eval_strict_passes_and_fails(truth_dir: Path, seed_record: dict[str, Any], tmp_path: Path) -> None:
    good = write_jsonl(tmp_path / "good.jsonl", [seed_record])
    result = runner.invoke(app, ["eval", str(truth_dir), str(good), "--strict"])
    assert result.exit_code == 0, result.output
    assert "F1 1.000" in result.stdout and "0 silent" in result.stdout
    record = copy.deepcopy(seed_record)
    record["funding"]["dedicated"] = False
    bad = write_jsonl(tmp_path / "bad.jsonl", [record])
    result = runner.invoke(app, ["eval", str(truth_dir), str(bad), "--strict"])
    assert result.exit_code == 1
    assert "SILENT" in result.stdout and "funding.dedicated" in result.stdout
    assert runner.invoke(app, ["eval", str(truth_dir), str(bad)]).exit_code == 0  # only --strict fails


def test_cli_eval_json(truth_dir: Path, seed_record: dict[str, Any], tmp_path: Path) -> None:
    record = copy.deepcopy(seed_record)
    record["data"]["role"] = None
    result = runner.invoke(app, ["eval", str(truth_dir), str(write_jsonl(tmp_path / "r.jsonl", [record])), "--json"])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["silent_errors"] == 1 and report["matched"] == 1
    assert report["errors"] == [{"truth_file": str(truth_dir / "enschede.expected.json"), "path": "data.role",
                                 "expected": "significant", "got": None, "covered_by": [], "silent": True}]
    assert {"path", "tp", "fp", "fn", "precision", "recall", "f1"} <= report["fields"][0].keys()


def test_cli_eval_bad_arguments_one_line_exit_2(tmp_path: Path, truth_dir: Path) -> None:
    result = runner.invoke(app, ["eval", str(truth_dir)])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    result = runner.invoke(app, ["eval", str(truth_dir), str(tmp_path / "missing.jsonl")])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {tmp_path / 'missing.jsonl'}: no such file or folder"


def test_a_truth_file_without_a_source_is_paired_with_the_document_beside_it(
        truth_dir: Path, seed_record: dict[str, Any], tmp_path: Path) -> None:
    """The record spec lets a truth file leave out its ``source`` block: it is scored against the
    record of the document it sits beside (``enschede.expected.json`` with ``enschede.txt``), not
    reported missing (blind round 19's first score was 0.000: no truth file matched)."""
    truth_file = truth_dir / SEED_TRUTH.name
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    del truth["source"]
    truth_file.write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
    other = copy.deepcopy(seed_record)
    other["source"]["file"], other["source"]["sha256"] = "bilbao.txt", "0" * 64
    evaluation = evaluate([truth_dir], write_jsonl(tmp_path / "records.jsonl", [other, seed_record]))
    assert evaluation.matched == 1 and not evaluation.missing and evaluation.overall.f1 == 1.0

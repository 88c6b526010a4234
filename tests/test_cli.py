"""The command line, through typer's CliRunner: output, exit codes, one-line errors, help."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from snapshot_extract.cli import app

from .conftest import FIXTURES

SEED = FIXTURES / "text" / "enschede.txt"
runner = CliRunner()


def test_every_command_has_help_with_an_example() -> None:
    command = get_command(app)
    names = list(command.commands)  # type: ignore[attr-defined]
    assert {"parse", "schema", "vocab", "check"} <= set(names)
    for name in names:
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example:" in result.output, name


def test_parse_one_file_pretty_json() -> None:
    result = runner.invoke(app, ["parse", str(SEED)])
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["city"]["name"] == "Enschede"
    assert result.stdout.startswith("{\n  ")


def test_parse_several_files_jsonl(tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    shutil.copy(SEED, copy)
    result = runner.invoke(app, ["parse", str(SEED), str(copy)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [json.loads(line)["source"]["file"] for line in lines] == ["enschede.txt", "copy.txt"]


def test_parse_csv() -> None:
    result = runner.invoke(app, ["parse", str(SEED), "--format", "csv"])
    assert result.exit_code == 0
    header, row = result.stdout.splitlines()[:2]
    assert header.startswith("source_path,source_file,") and "impact_benefits" in header
    assert "anticipate_future;efficiency;service_delivery" in row


def test_strict_fails_on_warnings() -> None:
    result = runner.invoke(app, ["parse", str(SEED), "--strict"])
    assert result.exit_code == 1
    assert "no_grid_colours" in result.stderr


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty file"), (b"Just a shopping list\nmilk\n", "header"), (bytes(range(256)) * 40, "binary")],
)
def test_bad_input_one_line_exit_2(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = runner.invoke(app, ["parse", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {path}: ") and reason in lines[0]
    assert "Traceback" not in result.output


def test_one_bad_among_many_keeps_the_good(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    result = runner.invoke(app, ["parse", str(SEED), str(bad)])
    assert result.exit_code == 1
    assert json.loads(result.stdout.splitlines()[0])["city"]["name"] == "Enschede"
    assert f"error: {bad}: empty file" in result.stderr


def test_bad_vocabulary_is_one_line(tmp_path: Path) -> None:
    vocabulary = tmp_path / "v.json"
    vocabulary.write_text('{"groups": 3}', encoding="utf-8")
    result = runner.invoke(app, ["parse", str(SEED), "--vocabulary", str(vocabulary)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {vocabulary}: key 'groups': missing or not a non-empty object"


def test_unknown_format_lists_choices() -> None:
    result = runner.invoke(app, ["parse", str(SEED), "--format", "xml"])
    assert result.exit_code == 2 and "choose json or csv" in result.stderr


def test_schema_is_json_schema() -> None:
    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.stdout)
    assert result.exit_code == 0 and schema["title"] == "Record" and "provenance" in schema["properties"]


def test_vocab_lists_a_group() -> None:
    result = runner.invoke(app, ["vocab", "data_role"])
    assert result.exit_code == 0
    assert [line.split("\t")[1] for line in result.stdout.splitlines()] == ["significant", "somewhat_significant", "limited"]
    assert runner.invoke(app, ["vocab", "nope"]).exit_code == 2


def test_check_reports_field_differences_and_update_rewrites(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "enschede.txt")
    expected = tmp_path / "enschede.expected.json"
    expected.write_text(json.dumps({"overview": {"mayor": "Someone Else"}, "unmapped": [{"field": "x", "text": "y"}]}), "utf-8")
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 1
    assert 'overview.mayor: expected "Someone Else", got "Onno van Veldhuizen"' in result.stdout
    assert "unmapped: expected" in result.stdout
    assert "0 passed, 1 failed" in result.stdout
    updated = runner.invoke(app, ["check", str(tmp_path), "--update"])
    assert updated.exit_code == 0
    assert json.loads(expected.read_text("utf-8"))["overview"]["mayor"] == "Onno van Veldhuizen"
    assert runner.invoke(app, ["check", str(tmp_path)]).exit_code == 0
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_check_without_fixtures_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 2 and "no X.expected.json" in result.stderr


def test_update_switch_is_off_by_default() -> None:
    command = get_command(app).commands["check"]  # type: ignore[attr-defined]
    update = next(p for p in command.params if p.name == "update")
    assert update.default is False

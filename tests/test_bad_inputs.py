"""Hostile inputs (fixtures/bad): a clear one-line error with a stable code, or a correct record.

Every file of ``fixtures/bad/expectations.json`` is checked through the library
(``snapshot_extract.extract``, and for PDFs also with the pdfplumber backend) and through the CLI
(``parse``), without OCR (``--ocr never``: the image-only PDF is then ``no_text_layer``; with OCR
it is read, see ``test_ocr.py``); a failure names the file. Regenerate the folder with ``make bad-fixtures``
(tools/make_bad_fixtures.py). Paths that cannot be committed (a directory named x.pdf, a symlink
loop, a FIFO, a file without read permission) and a large text are built in a temporary folder.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from snapshot_extract import SnapshotError, extract
from snapshot_extract.cli import app
from snapshot_extract.models import Record
from snapshot_extract.read import PdfOptions
from snapshot_extract.vocabulary import Vocabulary

from .conftest import FIXTURES, ROOT, hard_limit

BAD = FIXTURES / "bad"
EXPECTATIONS: dict[str, dict[str, Any]] = json.loads((BAD / "expectations.json").read_text(encoding="utf-8"))
NAMES = sorted(EXPECTATIONS)
ENCRYPTED = next(name for name in NAMES if "password" in EXPECTATIONS[name])
runner = CliRunner()
NO_OCR = PdfOptions(ocr="never")


def _value(data: Any, dotted: str) -> Any:
    for key in dotted.split("."):
        data = data[key]
    return data


def _check_record(name: str, record: Record, expected: dict[str, Any], vocabulary: Vocabulary) -> None:
    data = record.model_dump(mode="json")
    for path, value in expected.get("values", {}).items():
        assert _value(data, path) == value, f"{name}: {path}"
    pairs = [{"field": warning.field, "code": warning.code} for warning in record.warnings]
    for warning in expected.get("warnings", []):
        assert warning in pairs, f"{name}: expected warning {warning}, got {pairs}"
    for code in expected.get("absent_warnings", []):
        assert code not in {pair["code"] for pair in pairs}, f"{name}: unexpected {code} warning in {pairs}"
    if "same_record_as" in expected:
        twin = extract(FIXTURES / expected["same_record_as"], vocabulary).model_dump(mode="json")
        listed = expected.get("warnings", [])  # the twin lacks what this input adds (an encoding guess)
        own = [w for w in data["warnings"] if {"field": w["field"], "code": w["code"]} not in listed]
        assert {**data, "source": None, "warnings": own} == {**twin, "source": None}, (
            f"{name} != {expected['same_record_as']}"
        )


def _check_error(name: str, path: Path, error: SnapshotError, code: str) -> None:
    assert error.code == code, f"{name}: expected {code}, got {error.code}: {error}"
    assert str(error).strip(), f"{name}: empty reason"
    assert "\n" not in str(error) and "\n" not in error.one_line(), f"{name}: multi-line message {str(error)!r}"
    assert error.one_line().startswith(f"error: {path}: "), f"{name}: {error.one_line()!r}"


def _cli_error_line(name: str, path: Path, result: Result) -> str:
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{name}: the CLI raised {result.exception!r}"
    )
    assert "Traceback" not in result.output, f"{name}: traceback printed"
    assert result.exit_code == 2, f"{name}: exit {result.exit_code}, stderr {result.stderr!r}"
    assert result.stdout == "", f"{name}: stdout {result.stdout!r}"
    lines = result.stderr.splitlines()
    assert len(lines) == 1, f"{name}: expected one stderr line, got {lines}"
    assert re.fullmatch(rf"error: {re.escape(str(path))}: \S.*", lines[0]), f"{name}: {lines[0]!r}"
    return lines[0]


@pytest.mark.parametrize("name", NAMES)
def test_extract(name: str, vocabulary: Vocabulary) -> None:
    expected, path = EXPECTATIONS[name], BAD / name
    if expected["outcome"] == "ok":
        _check_record(name, extract(path, vocabulary, NO_OCR), expected, vocabulary)
        return
    with pytest.raises(SnapshotError) as caught:
        extract(path, vocabulary, NO_OCR)
    _check_error(name, path, caught.value, expected["outcome"])


@pytest.mark.parametrize("name", [name for name in NAMES if name.endswith(".pdf")])
def test_extract_pdfplumber_backend(name: str, vocabulary: Vocabulary) -> None:
    expected, path = EXPECTATIONS[name], BAD / name
    options = PdfOptions(backend="pdfplumber", ocr="never")
    if expected["outcome"] == "ok":
        _check_record(name, extract(path, vocabulary, options), expected, vocabulary)
        return
    with pytest.raises(SnapshotError) as caught:
        extract(path, vocabulary, options)
    _check_error(name, path, caught.value, expected["outcome"])


@pytest.mark.parametrize("name", NAMES)
def test_cli_parse(name: str) -> None:
    expected, path = EXPECTATIONS[name], BAD / name
    result = runner.invoke(app, ["parse", str(path), "--ocr", "never"])
    if expected["outcome"] != "ok":
        _cli_error_line(name, path, result)
        return
    assert result.exit_code == 0, f"{name}: exit {result.exit_code}, stderr {result.stderr!r}"
    assert "Traceback" not in result.output
    data = json.loads(result.stdout)
    for dotted, value in expected.get("values", {}).items():
        assert _value(data, dotted) == value, f"{name}: {dotted}"


def test_password_opens_the_encrypted_snapshot(vocabulary: Vocabulary) -> None:
    expected = EXPECTATIONS[ENCRYPTED]
    record = extract(BAD / ENCRYPTED, vocabulary, PdfOptions(password=expected["password"]))
    _check_record(ENCRYPTED, record, expected["with_password"], vocabulary)


def test_cli_password_opens_the_encrypted_snapshot() -> None:
    expected = EXPECTATIONS[ENCRYPTED]
    result = runner.invoke(app, ["parse", str(BAD / ENCRYPTED), "--password", expected["password"]])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    for dotted, value in expected["with_password"]["values"].items():
        assert _value(data, dotted) == value, dotted


def test_wrong_password_is_still_encrypted(vocabulary: Vocabulary) -> None:
    path = BAD / ENCRYPTED
    with pytest.raises(SnapshotError) as caught:
        extract(path, vocabulary, PdfOptions(password="not-the-password"))
    _check_error(ENCRYPTED, path, caught.value, "encrypted")
    line = _cli_error_line(ENCRYPTED, path, runner.invoke(app, ["parse", str(path), "--password", "wrong"]))
    assert "password" in line.lower(), line


def test_one_bad_file_does_not_stop_the_others() -> None:
    good = FIXTURES / "text" / "enschede.txt"
    bad = [BAD / name for name in NAMES if EXPECTATIONS[name]["outcome"] != "ok"]
    result = runner.invoke(app, ["parse", str(good), *map(str, bad), "--ocr", "never"])
    assert result.exit_code == 1, result.stderr
    assert [json.loads(line)["city"]["name"] for line in result.stdout.splitlines()] == ["Enschede"]
    assert len(result.stderr.splitlines()) == len(bad), result.stderr


def test_every_file_has_an_expectation_and_the_folder_is_small() -> None:
    files = {path.name for path in BAD.iterdir() if path.name != "expectations.json"}
    assert files == set(EXPECTATIONS)
    assert sum(path.stat().st_size for path in BAD.iterdir()) < 2_000_000


def test_generator_reproduces_the_expectations(tmp_path: Path) -> None:
    """The generator is deterministic and expectations.json is what it writes (bytes may differ
    with other reportlab/zlib versions, so only the expectations are compared with the repo)."""
    for out in (tmp_path / "a", tmp_path / "b"):
        subprocess.run([sys.executable, "-m", "tools.make_bad_fixtures", "--out", str(out)],
                       check=True, capture_output=True, cwd=ROOT)  # fmt: skip
    first, second = sorted((tmp_path / "a").iterdir()), sorted((tmp_path / "b").iterdir())
    assert [(p.name, p.read_bytes()) for p in first] == [(p.name, p.read_bytes()) for p in second]
    written = (tmp_path / "a" / "expectations.json").read_text(encoding="utf-8")
    assert written == (BAD / "expectations.json").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- paths a user may pass




def _directory(folder: Path) -> Path:
    (folder / "x.pdf").mkdir()
    return folder / "x.pdf"


def _symlink_loop(folder: Path) -> Path:
    (folder / "a.pdf").symlink_to(folder / "b.pdf")
    (folder / "b.pdf").symlink_to(folder / "a.pdf")
    return folder / "a.pdf"


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / "pipe.txt")
    return folder / "pipe.txt"


def _no_permission(folder: Path) -> Path:
    path = folder / "secret.txt"
    path.write_bytes((FIXTURES / "text" / "enschede.txt").read_bytes())
    path.chmod(0)
    return path


SPECIAL_PATHS = {"directory": _directory, "symlink-loop": _symlink_loop, "missing": lambda folder: folder / "none.pdf",
                 "fifo": _fifo, "no-permission": _no_permission}  # fmt: skip


@pytest.mark.parametrize("kind", sorted(SPECIAL_PATHS))
def test_cli_special_path_is_one_line_error(kind: str, tmp_path: Path) -> None:
    """Not a readable regular file: the same one-line error, at once, also among good files."""
    if kind == "no-permission" and os.geteuid() == 0:
        pytest.skip("root reads files without permission")
    path = SPECIAL_PATHS[kind](tmp_path)
    with hard_limit(10):
        result = runner.invoke(app, ["parse", str(path)])
    _cli_error_line(kind, path, result)
    with hard_limit(10):
        result = runner.invoke(app, ["parse", str(FIXTURES / "text" / "enschede.txt"), str(path)])
    assert result.exit_code == 1, f"{kind}: exit {result.exit_code}, stderr {result.stderr!r}"
    assert [json.loads(line)["city"]["name"] for line in result.stdout.splitlines()] == ["Enschede"]


def test_large_text_without_blank_lines_is_fast(tmp_path: Path, vocabulary: Vocabulary) -> None:
    """A 2 MB text of words with no blank line (a log, a renamed CSV): an answer within 10 s."""
    rng = random.Random(5)
    words = ["".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(2, 9))) for _ in range(500)]
    lines = (" ".join(rng.choices(words, k=rng.randint(1, 20))) for _ in range(40_000))
    path = tmp_path / "big.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    with hard_limit(10), pytest.raises(SnapshotError) as caught:
        extract(path, vocabulary)
    assert caught.value.code in {"not_a_snapshot", "unreadable"}


def test_batch_over_the_bad_folder(tmp_path: Path) -> None:
    """Issue #5's contract: the batch exits 1, every bad file is in errors.csv with its code,
    and every good one converts."""
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["batch", str(BAD), "--out", str(out), "--quiet", "--workers", "0",
                                      "--format", "jsonl,json", "--ocr", "never"])
    assert result.exit_code == 1, result.output
    lines = (out / "errors.csv").read_text(encoding="utf-8").splitlines()[1:]
    errors = {Path(line.split(",")[0]).name: line.split(",")[1] for line in lines}
    expected_errors = {name: e["outcome"] for name, e in EXPECTATIONS.items() if e["outcome"] != "ok"}
    assert errors == expected_errors
    converted = {json.loads(line)["source"]["file"] for line in (out / "records.jsonl").read_text("utf-8").splitlines()}
    assert converted == {name for name, e in EXPECTATIONS.items() if e["outcome"] == "ok"}

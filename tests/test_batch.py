"""``snapshot-extract batch`` and ``convert_batch``: outputs, determinism, workers, resume,
bad files, time limits, atomic writes, argument errors, what the batch process holds."""

from __future__ import annotations

import gc
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from typer.testing import CliRunner

import snapshot_extract
from snapshot_extract.batch import workers
from snapshot_extract.batch.inputs import BatchArgumentError, assign_names, discover_inputs, safe_stem
from snapshot_extract.batch.manifest import DocumentOutcome
from snapshot_extract.batch.outputs import ERROR_COLUMNS, errors_csv
from snapshot_extract.batch.run import FORMATS, BatchOptions, convert_batch, parse_formats
from snapshot_extract.cli import app
from snapshot_extract.errors import SnapshotError
from snapshot_extract.export import record_json, records_jsonl, to_csv, to_dataframe
from snapshot_extract.export.rows import LONG_COLUMNS
from snapshot_extract.export.tables import dictionary_csv, parquet_bytes, workbook_bytes
from snapshot_extract.models import Record
from snapshot_extract.pipeline import extract
from snapshot_extract.read import PdfOptions
from snapshot_extract.vocabulary import Vocabulary

from .conftest import FIXTURES, ROOT

SEED = FIXTURES / "text" / "enschede.txt"
BAD = FIXTURES / "bad"
OUTPUT_FILES = ("records.jsonl", "snapshots.csv", "snapshots_long.csv", "snapshots.xlsx",
                "snapshots.parquet", "columns.csv", "errors.csv", "manifest.json")  # fmt: skip
REAL_EXTRACT = workers.extract
runner = CliRunner()
needs_fork = pytest.mark.skipif(
    __import__("multiprocessing").get_start_method() != "fork",
    reason="stand-in extractors reach pool workers only through fork",
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Three good documents (one nested, one Markdown) and three bad ones."""
    root = tmp_path / "in"
    (root / "nested").mkdir(parents=True)
    shutil.copy(SEED, root / "enschede.txt")
    shutil.copy(SEED, root / "nested" / "twente.md")
    shutil.copy(FIXTURES / "text" / "bilbao.txt", root / "bilbao.txt")
    (root / "empty.txt").write_bytes(b"")
    (root / "broken.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    (root / "minutes.txt").write_text("Minutes of the committee meeting.\n", encoding="utf-8")
    (root / "README.md").write_text("# not a snapshot\n", encoding="utf-8")
    (root / ".hidden.txt").write_text("skip me\n", encoding="utf-8")
    return root


def _batch(*args: str) -> Any:
    return runner.invoke(app, ["batch", *args])


def _files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}  # fmt: skip


def _counting(calls: list[str]) -> Any:
    def stand_in(path: Any, vocabulary: Any = None, pdf_options: Any = None) -> Any:
        calls.append(Path(path).name)
        return REAL_EXTRACT(path, vocabulary, pdf_options)

    return stand_in


# --------------------------------------------------------------------------- the outputs


def test_batch_writes_every_output(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = _batch(str(corpus), "--out", str(out), "--workers", "0")
    assert result.exit_code == 1, result.output  # some files failed
    for name in OUTPUT_FILES:
        assert (out / name).is_file(), name
    assert sorted(p.name for p in (out / "json").iterdir()) == [
        "bilbao.json", "enschede.json", "twente.json"]  # fmt: skip
    lines = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["source"]["file"] for line in lines] == [
        "bilbao.txt", "enschede.txt", "twente.md"]  # sorted by input path  # fmt: skip
    assert "partial" in result.stderr and "with warnings" not in result.stderr and "error: " in result.stderr


def test_wide_csv_cells(corpus: Path, tmp_path: Path) -> None:
    _batch(str(corpus), "--out", str(tmp_path / "out"), "--workers", "0")
    wide = pd.read_csv(tmp_path / "out" / "snapshots.csv", dtype=str, keep_default_na=False)
    assert len(wide) == 3
    assert list(wide.columns[:3]) == ["source_path", "source_file", "source_sha256"]
    assert list(wide["source_path"]) == ["bilbao.txt", "enschede.txt", "nested/twente.md"]
    assert {"overview_mayor", "impact_benefits", "warnings_count", "unmapped_count"} <= set(wide)
    enschede = wide.set_index("source_path").loc["enschede.txt"]
    assert enschede["impact_benefits"] == "anticipate_future;efficiency;service_delivery"
    assert enschede["funding_dedicated"] == "true"
    assert enschede["organisation_dedicated_staff"] == "false"
    assert enschede["organisation_staff_count"] == ""  # null -> empty cell
    assert enschede["source_pages"] == ""
    assert enschede["outcomes_with_sufficient_data"] == "null"  # a text dump cannot carry it


def test_long_csv_xlsx_parquet_load_with_pandas(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _batch(str(corpus), "--out", str(out), "--workers", "0", "--one-hot")
    long = pd.read_csv(out / "snapshots_long.csv")
    assert list(long.columns) == list(LONG_COLUMNS)
    assert set(long["source_path"]) == {"bilbao.txt", "enschede.txt", "nested/twente.md"}
    sheets = pd.read_excel(out / "snapshots.xlsx", sheet_name=None)
    assert list(sheets) == ["snapshots", "values", "warnings", "unmapped", "vocabulary", "columns"]
    assert len(sheets["snapshots"]) == 3 and len(sheets["values"]) == len(long)
    wide = pd.read_csv(out / "snapshots.csv")
    assert list(sheets["snapshots"].columns) == list(wide.columns)
    assert set(long["field"]) <= set(wide.columns)  # one name per value in every table
    assert "impact_benefits__service_delivery" in wide.columns
    assert list(sheets["warnings"].columns) == ["source_path", "field", "code", "message"]
    parquet = pd.read_parquet(out / "snapshots.parquet", dtype_backend="pyarrow")
    assert list(parquet.columns) == list(wide.columns)
    row = parquet.set_index("source_path").loc["enschede.txt"]
    assert row["overview_population"] == 159000 and row["funding_dedicated"] is True
    assert row["impact_benefits__service_delivery"] is True
    assert list(row["impact_benefits"]) == ["anticipate_future", "efficiency", "service_delivery"]
    assert row["organisation_staff_count"] is pd.NA
    columns = pd.read_csv(out / "columns.csv", keep_default_na=False)
    assert list(columns.columns) == ["table", "column", "type", "description", "vocabulary", "example"]
    assert set(columns.loc[columns["table"] == "snapshots", "column"]) == set(wide.columns)
    assert sheets["columns"].shape == columns.shape


def test_xlsx_header_frozen_and_widths_set(corpus: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    _batch(str(corpus), "--out", str(tmp_path / "out"), "--workers", "0", "--format", "xlsx")
    workbook = load_workbook(tmp_path / "out" / "snapshots.xlsx")
    for sheet in workbook.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet["A1"].font.b
        assert sheet.column_dimensions["A"].width > 8


def test_errors_csv_and_manifest(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _batch(str(corpus), "--out", str(out), "--workers", "0")
    errors = pd.read_csv(out / "errors.csv", keep_default_na=False)
    assert list(errors.columns) == ["file", "code", "message"]
    codes = dict(zip(errors["file"].map(lambda f: Path(f).name), errors["code"], strict=True))
    assert codes == {"broken.pdf": "unreadable", "empty.txt": "unreadable", "minutes.txt": "not_a_snapshot",
                     ".hidden.txt": "skipped", "README.md": "skipped"}  # fmt: skip
    assert all(errors["message"]) and "\n" not in "".join(errors["message"])
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["complete"] is True
    assert manifest["tool_version"] == snapshot_extract.__version__
    assert manifest["vocabulary_version"]
    assert manifest["counts"] == {"ok": 0, "partial": 3, "failed": 3, "pending": 0, "skipped": 2}
    entry = next(e for e in manifest["inputs"] if e["file"].endswith("enschede.txt"))
    assert entry["sha256"] == extract(SEED).source.sha256
    assert entry["status"] == "partial" and entry["warnings"] == 2
    assert entry["json"] == "json/enschede.json"


def test_bad_fixtures_fail_as_extract_does(tmp_path: Path) -> None:
    """The hostile inputs fail in a batch as ``extract`` fails on them (OCR off, as
    ``test_bad_inputs`` reads them: the image-only PDF is the reader's ``no_text_layer``)."""
    no_ocr = PdfOptions(ocr="never")
    summary = convert_batch([BAD], tmp_path / "out", BatchOptions(workers=0, pdf_options=no_ocr))
    for document in summary.documents:
        try:
            extract(document.file, pdf_options=no_ocr)
            expected = None
        except SnapshotError as error:
            expected = error.code
        assert document.code == expected, document.file
    errors = pd.read_csv(tmp_path / "out" / "errors.csv")
    assert len(errors) == summary.count("failed") > 0


def test_all_good_exits_zero_and_one_hot(tmp_path: Path) -> None:
    result = _batch(str(SEED), "--out", str(tmp_path / "out"), "--workers", "0", "--one-hot",
                    "--format", "csv")  # fmt: skip
    assert result.exit_code == 0, result.output
    wide = pd.read_csv(tmp_path / "out" / "snapshots.csv", dtype=str, keep_default_na=False)
    assert wide.loc[0, "impact_benefits__service_delivery"] == "true"
    assert wide.loc[0, "impact_benefits__new_revenue"] == "false"


def test_format_subset_and_bom(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _batch(str(corpus), "--out", str(out), "--workers", "0", "--format", "csv,long", "--bom")
    assert sorted(_files(out)) == ["columns.csv", "errors.csv", "manifest.json", "snapshots.csv",
                                   "snapshots_long.csv"]  # fmt: skip
    for name in ("columns.csv", "errors.csv", "snapshots.csv", "snapshots_long.csv"):
        assert (out / name).read_bytes().startswith(b"\xef\xbb\xbf"), name
    assert pd.read_csv(out / "snapshots.csv", encoding="utf-8-sig").columns[0] == "source_path"
    plain = tmp_path / "plain"
    _batch(str(corpus), "--out", str(plain), "--workers", "0", "--format", "csv")
    assert not (plain / "snapshots.csv").read_bytes().startswith(b"\xef\xbb\xbf")


# --------------------------------------------------------------------------- determinism


def test_reruns_and_worker_counts_give_identical_bytes(corpus: Path, tmp_path: Path) -> None:
    runs = {}
    for label, count in (("serial", 0), ("one", 1), ("two", 2)):
        convert_batch([corpus], tmp_path / label, BatchOptions(workers=count, one_hot=True))
        runs[label] = _files(tmp_path / label)
    convert_batch([corpus], tmp_path / "one", BatchOptions(workers=1, one_hot=True))
    assert _files(tmp_path / "one") == runs["one"]  # rerun into the same folder
    assert runs["serial"] == runs["one"] == runs["two"]


def test_xlsx_carries_no_clock_time(corpus: Path, tmp_path: Path) -> None:
    convert_batch([corpus], tmp_path / "out", BatchOptions(workers=0, formats=("xlsx",)))
    with zipfile.ZipFile(tmp_path / "out" / "snapshots.xlsx") as archive:
        assert {entry.date_time for entry in archive.infolist()} == {(2000, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert core.count("2000-01-01T00:00:00Z") == 2


@pytest.mark.parametrize(("one_hot", "bom"), [(False, False), (True, True)])
def test_outputs_equal_the_outputs_of_the_records(one_hot: bool, bom: bool, tmp_path: Path,
                                                  vocabulary: Vocabulary) -> None:  # fmt: skip
    """The batch builds its files from parts made in the workers; they must hold exactly the
    bytes the export functions give for the records themselves."""
    out = tmp_path / "out"
    summary = convert_batch([FIXTURES / "text", FIXTURES / "pdf"], out,
                            BatchOptions(workers=2, one_hot=one_hot, bom=bom))  # fmt: skip
    documents = [d for d in summary.documents if d.status in ("ok", "partial")]
    assert len(documents) == len(summary.documents) > 20
    records = [extract(d.file) for d in documents]
    keys = [Path(d.file).relative_to(FIXTURES).as_posix() for d in documents]  # text/x.txt, pdf/x.pdf
    assert (out / "records.jsonl").read_text(encoding="utf-8") == records_jsonl(records)
    for document, record in zip(documents, records, strict=True):
        assert (out / "json" / f"{document.name}.json").read_text(encoding="utf-8") == record_json(record)
    wide = to_dataframe(records, "wide", one_hot=one_hot, vocabulary=vocabulary, source_paths=keys)
    assert (out / "snapshots.csv").read_bytes() == to_csv(wide, bom=bom)
    long = to_dataframe(records, "long", source_paths=keys)
    assert (out / "snapshots_long.csv").read_bytes() == to_csv(long, bom=bom)
    assert (out / "snapshots.xlsx").read_bytes() == workbook_bytes(records, vocabulary, one_hot, keys)
    assert (out / "snapshots.parquet").read_bytes() == parquet_bytes(records, vocabulary, one_hot, keys)
    assert (out / "columns.csv").read_bytes() == dictionary_csv(vocabulary if one_hot else None, bom)


def _live_records() -> int:
    gc.collect()
    return sum(1 for thing in gc.get_objects() if isinstance(thing, Record))


@pytest.mark.parametrize("count", [0, 2])
def test_batch_process_keeps_no_record(count: int, corpus: Path, tmp_path: Path) -> None:
    """After each document (``progress`` runs at the end of ``on_done``) and after a resume has
    taken its documents over, no ``Record`` is alive in this process: memory stays flat."""
    alive: list[int] = []

    def progress(done: int, total: int) -> None:
        alive.append(_live_records())

    before = _live_records()
    out = tmp_path / "out"
    convert_batch([corpus], out, BatchOptions(workers=count), progress)
    (corpus / "bilbao.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    summary = convert_batch([corpus], out, BatchOptions(workers=count, resume=True), progress)
    assert summary.reused == 2 and len(alive) == 7 + 5  # start + each extraction, twice
    assert alive == [before] * len(alive)


def test_pretty_json_is_made_only_for_json_files(tmp_path: Path, vocabulary: Vocabulary,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    calls: list[int] = []

    def counting(record: Record) -> str:
        calls.append(1)
        return record_json(record)

    monkeypatch.setattr(workers, "record_json", counting)
    convert_batch([SEED], tmp_path / "a", BatchOptions(workers=0, formats=("jsonl", "csv", "xlsx")))
    assert calls == []
    convert_batch([SEED], tmp_path / "b", BatchOptions(workers=0, formats=("json",)))
    assert calls == [1]
    with pytest.raises(ValueError, match="unknown record part 'html'"):
        workers.WorkerSettings(vocabulary, PdfOptions(), 1.0, frozenset({"html"}))


def test_jsonl_batch_never_imports_the_table_libraries(tmp_path: Path) -> None:
    script = textwrap.dedent(f"""
        import sys
        from snapshot_extract.cli import app
        sys.argv = ["snapshot-extract", "batch", {str(SEED)!r}, "--out", {str(tmp_path / "out")!r},
                    "--format", "jsonl", "--workers", "0"]
        try:
            app()
        except SystemExit as stop:
            print(stop.code, sorted({{"pandas", "pyarrow", "openpyxl"}} & set(sys.modules)))
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert done.stdout.split("\n")[-2] == "0 []", done.stdout + done.stderr
    assert (tmp_path / "out" / "records.jsonl").is_file()


@pytest.mark.parametrize("bom", [False, True])
def test_errors_csv_is_what_pandas_writes(bom: bool) -> None:
    messages = ["plain", "a, comma", 'a "quote"', "two\nlines", "carriage\rreturn", "=1+1", "-2",
                "@cmd", "\tTab", "+3", "Kraków → São Paulo", "", " spaced "]  # fmt: skip
    documents = [DocumentOutcome(f"in/{i},x.txt", f"n{i}", None, "failed", code="unreadable", message=m)
                 for i, m in enumerate(messages)]  # fmt: skip
    documents.insert(3, DocumentOutcome("good.txt", "good", None, "ok", warnings=0))
    rows = [(d.file, d.code, d.message) for d in documents if d.status == "failed"]
    expected = to_csv(pd.DataFrame(rows, columns=list(ERROR_COLUMNS)), bom=bom)
    assert errors_csv(documents, bom=bom) == expected
    assert errors_csv([], bom=bom) == to_csv(pd.DataFrame([], columns=list(ERROR_COLUMNS)), bom=bom)


# --------------------------------------------------------------------------- resume, interrupts


def test_resume_does_no_work(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    convert_batch([corpus], out, BatchOptions(workers=0))
    first = _files(out)
    calls: list[str] = []
    monkeypatch.setattr(workers, "extract", _counting(calls))
    summary = convert_batch([corpus], out, BatchOptions(workers=0, resume=True))
    assert sorted(calls) == ["broken.pdf", "empty.txt", "minutes.txt"]  # only failures retried
    assert summary.reused == 3 and summary.extracted == 3
    assert _files(out) == first


def test_resume_redoes_a_changed_file(corpus: Path, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    out = tmp_path / "out"
    convert_batch([corpus / "enschede.txt", corpus / "bilbao.txt"], out, BatchOptions(workers=0))
    with (corpus / "bilbao.txt").open("a", encoding="utf-8") as stream:
        stream.write("\n")
    calls: list[str] = []
    monkeypatch.setattr(workers, "extract", _counting(calls))
    convert_batch([corpus / "enschede.txt", corpus / "bilbao.txt"], out,
                  BatchOptions(workers=0, resume=True))  # fmt: skip
    assert calls == ["bilbao.txt"]


def test_interrupted_batch_leaves_no_partial_file_and_resumes(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def interrupted(path: Any, vocabulary: Any = None, pdf_options: Any = None) -> Any:
        if len(calls) == 2:
            raise KeyboardInterrupt
        calls.append(Path(path).name)
        return REAL_EXTRACT(path, vocabulary, pdf_options)

    out = tmp_path / "out"
    monkeypatch.setattr(workers, "extract", interrupted)
    with pytest.raises(KeyboardInterrupt):
        convert_batch([corpus], out, BatchOptions(workers=0))
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["complete"] is False and manifest["counts"]["pending"] == 4
    assert not (out / "records.jsonl").exists()
    assert not [p for p in out.rglob(".*")]  # no temporary file left behind
    monkeypatch.setattr(workers, "extract", REAL_EXTRACT)
    summary = convert_batch([corpus], out, BatchOptions(workers=0, resume=True))
    assert summary.reused == 1 and summary.extracted == 5  # 2 ok done before; 1 was a failure
    convert_batch([corpus], tmp_path / "fresh", BatchOptions(workers=0))
    assert _files(out) == _files(tmp_path / "fresh")


@pytest.mark.parametrize(("count", "signal_number"), [
    ("0", signal.SIGTERM), pytest.param("2", signal.SIGINT, marks=needs_fork)])  # fmt: skip
def test_killed_process_resumes(count: str, signal_number: int, corpus: Path,
                                tmp_path: Path) -> None:  # fmt: skip
    """A real kill or Ctrl-C mid-run: exit 130, checkpointed manifest, no partial file; resume
    finishes the job."""
    out = tmp_path / "out"
    script = textwrap.dedent(f"""
        import sys, time
        from snapshot_extract.batch import workers
        real = workers.extract
        def slow(*args, **kwargs):
            time.sleep(0.4)
            return real(*args, **kwargs)
        workers.extract = slow
        from snapshot_extract.cli import app
        sys.argv = ["snapshot-extract", "batch", {str(corpus)!r}, "--out", {str(out)!r},
                    "--workers", {count!r}, "--quiet"]
        app()
    """)
    process = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 20
    while not list((out / "json").glob("*.json")) and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal_number)
    _, stderr = process.communicate(timeout=20)
    assert process.returncode == 130, stderr
    assert b"--resume" in stderr
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["complete"] is False
    assert not [p for p in out.rglob(".*")]
    summary = convert_batch([corpus], out, BatchOptions(workers=0, resume=True))
    assert summary.reused >= 1 and summary.complete


def test_stale_temporary_files_are_swept(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "json").mkdir(parents=True)
    (out / ".records.jsonl.a1b2c3d4").write_bytes(b"half")  # left by a kill -9 mid-write
    (out / "json" / ".enschede.json.zz_99xyz").write_bytes(b"half")
    (out / ".settings.abcdefgh").write_bytes(b"someone else's")  # not ours: kept
    convert_batch([SEED], out, BatchOptions(workers=0))
    assert [p.name for p in out.rglob(".*")] == [".settings.abcdefgh"]


def test_fail_fast_stops_at_the_first_failure(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = _batch(str(corpus), "--out", str(out), "--workers", "0", "--fail-fast")
    assert result.exit_code == 1
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["complete"] is False
    assert manifest["counts"]["failed"] == 1 and manifest["counts"]["pending"] >= 1


# --------------------------------------------------------------------------- time limits, crashes


def _slow(path: Any, vocabulary: Any = None, pdf_options: Any = None) -> Any:
    if "slow" in Path(path).name:
        time.sleep(30)
    return REAL_EXTRACT(path, vocabulary, pdf_options)


def _stuck(path: Any, vocabulary: Any = None, pdf_options: Any = None) -> Any:
    """Like code stuck inside a C library: the alarm signal never gets through."""
    if "slow" in Path(path).name:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(30)
    return REAL_EXTRACT(path, vocabulary, pdf_options)


def _crash(path: Any, vocabulary: Any = None, pdf_options: Any = None) -> Any:
    if "crash" in Path(path).name:
        os._exit(3)
    return REAL_EXTRACT(path, vocabulary, pdf_options)


@pytest.fixture
def trio(tmp_path: Path) -> Path:
    root = tmp_path / "trio"
    root.mkdir()
    for name in ("a.txt", "slow.txt", "crash.txt", "z.txt"):
        shutil.copy(SEED, root / name)
    return root


@pytest.mark.parametrize("count", [0, pytest.param(2, marks=needs_fork)])
def test_timeout_in_worker(count: int, trio: Path, tmp_path: Path,
                           monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setattr(workers, "extract", _slow)
    started = time.monotonic()
    # a limit well above a dump's extraction time on a loaded machine (tests run on every core)
    summary = convert_batch([trio], tmp_path / "out", BatchOptions(workers=count, timeout=2.0))
    assert time.monotonic() - started < 10
    codes = {Path(d.file).name: d.code for d in summary.documents}
    assert codes == {"a.txt": None, "slow.txt": "timeout", "crash.txt": None, "z.txt": None}
    errors = pd.read_csv(tmp_path / "out" / "errors.csv")
    assert errors.to_dict("records") == [{"file": f"{trio.as_posix()}/slow.txt",
        "code": "timeout", "message": "extraction took longer than 2 s"}]  # fmt: skip


@needs_fork
def test_stuck_worker_is_killed(trio: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "extract", _stuck)
    started = time.monotonic()
    summary = convert_batch([trio], tmp_path / "out", BatchOptions(workers=1, timeout=2.0))
    assert time.monotonic() - started < 15
    codes = {Path(d.file).name: d.code for d in summary.documents}
    assert codes == {"a.txt": None, "slow.txt": "timeout", "crash.txt": None, "z.txt": None}


@needs_fork
def test_crashing_worker_is_isolated(trio: Path, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setattr(workers, "extract", _crash)
    summary = convert_batch([trio], tmp_path / "out", BatchOptions(workers=2))
    codes = {Path(d.file).name: d.code for d in summary.documents}
    assert codes == {"a.txt": None, "slow.txt": None, "crash.txt": "worker_crashed", "z.txt": None}


# --------------------------------------------------------------------------- arguments


def test_unwritable_out_is_one_line_exit_2(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    for out in (blocker, blocker / "sub"):
        result = _batch(str(SEED), "--out", str(out))
        assert result.exit_code == 2
        assert result.stderr.strip().splitlines() == [result.stderr.strip()]
        assert result.stderr.startswith(f"error: {out}: ")


def test_no_inputs_and_missing_inputs_exit_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = _batch(str(empty), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {empty}: no .pdf, .txt or .md files found"
    result = _batch(str(tmp_path / "nope.pdf"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2 and "no such file or folder" in result.stderr
    result = _batch(str(SEED), "--out", str(tmp_path / "out"), "--format", "csv,pdf")
    assert result.exit_code == 2 and "unknown format 'pdf'" in result.stderr


def test_quiet_prints_only_errors(corpus: Path, tmp_path: Path) -> None:
    result = _batch(str(corpus), "--out", str(tmp_path / "out"), "--workers", "0", "--quiet")
    assert result.stdout == ""
    assert all(line.startswith("error: ") for line in result.stderr.splitlines())


def test_discover_inputs(corpus: Path) -> None:
    found = discover_inputs([corpus, corpus / "enschede.txt", str(corpus / "*.txt")])
    assert [p.relative_to(corpus).as_posix() for p in found.documents] == [
        "bilbao.txt", "broken.pdf", "empty.txt", "enschede.txt", "minutes.txt", "nested/twente.md"]  # fmt: skip
    assert [(p.name, reason) for p, reason in found.skipped] == [(".hidden.txt", "hidden file"), (
        "README.md", "documentation file, not a snapshot (name it on its own to convert it)")]  # fmt: skip
    assert discover_inputs([corpus / "README.md"]).documents == [corpus / "README.md"]  # named: taken
    with pytest.raises(BatchArgumentError):
        discover_inputs([str(corpus / "*.docx")])


@pytest.mark.parametrize(("paths", "names"), [
    (["text/enschede.txt", "pdf/enschede.pdf"], ["enschede-txt", "enschede-pdf"]),
    (["a/Enschede.txt", "b/enschede.txt"], ["enschede-txt", "enschede-txt-2"]),
    (["a/x.pdf", "b/x.txt", "c/x-pdf.txt"], ["x-pdf-2", "x-txt", "x-pdf"]),
    (["Kraków.txt", "São Paulo.pdf"], ["krakow", "sao-paulo"]),
    (["con.txt"], ["con-file"]),
])  # fmt: skip
def test_assign_names(paths: list[str], names: list[str]) -> None:
    assert assign_names([Path(p) for p in paths]) == names


def test_safe_stem_of_a_name_without_ascii() -> None:
    assert safe_stem("東京.pdf").startswith("document-") and safe_stem("東京.pdf") == safe_stem("東京.pdf")


def test_parse_formats() -> None:
    assert parse_formats("xlsx, csv") == ("csv", "xlsx")
    assert parse_formats(",".join(FORMATS)) == FORMATS


def test_options_pass_through(tmp_path: Path) -> None:
    result = _batch(str(BAD / "300-pages.pdf"), "--out", str(tmp_path / "a"), "--max-pages", "500",
                    "--workers", "0", "--format", "jsonl")  # fmt: skip
    errors = (tmp_path / "a" / "errors.csv").read_text(encoding="utf-8")
    assert "too_many_pages" not in errors, result.output
    summary = convert_batch([BAD / "snapshot-encrypted.pdf"], tmp_path / "b", BatchOptions(
        workers=0, pdf_options=PdfOptions(password="snapshot-2021")))  # fmt: skip
    assert summary.count("failed") == 0


def test_package_exports() -> None:
    assert snapshot_extract.convert_batch is convert_batch
    assert callable(snapshot_extract.to_dataframe)

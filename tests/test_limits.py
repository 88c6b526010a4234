"""Resource limits (issue 16): pages over the caps refused as ``too_complex`` by both PDF
backends, a worker's memory cap, ``parse --timeout``, one-line error messages."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from snapshot_extract import cli, pipeline
from snapshot_extract.batch import workers
from snapshot_extract.batch.run import BatchOptions, convert_batch
from snapshot_extract.errors import TooComplex, printable
from snapshot_extract.limits import MAX_DRAWINGS_PER_PAGE, MAX_SPANS_PER_PAGE
from snapshot_extract.pipeline import extract
from snapshot_extract.read import PdfOptions
from snapshot_extract.read.pdf import _out_of_memory

from .conftest import FIXTURES, ROOT, hard_limit

SEED = FIXTURES / "text" / "enschede.txt"
REAL_EXTRACT = workers.extract
runner = CliRunner()


def crafted_page(objects: int, kind: str) -> bytes:
    """A one-page PDF of ``objects`` tiny text objects (``text``) or stroked curves (``curves``)."""
    parts = []
    for number in range(objects):
        x, y = 10 + (number % 500) * 1.1, 10 + (number // 500) % 700
        if kind == "text":
            parts.append(f"BT /F1 1 Tf {x:.1f} {y} Td (a) Tj ET\n")
        else:
            parts.append(f"{x:.1f} {y} m {x + 0.3:.1f} {y + 0.5} {x + 0.6:.1f} {y + 0.5} {x + 0.9:.1f} {y} c S\n")
    content = zlib.compress("".join(parts).encode(), 6)
    objects_ = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> "
                b"/Contents 4 0 R >>",
                b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]  # fmt: skip
    data, offsets = bytearray(b"%PDF-1.7\n"), []
    for number, body in enumerate(objects_, start=1):
        offsets.append(len(data))
        data += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects_) + 1)
    data += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    data += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects_) + 1, xref)
    return bytes(data)


@pytest.fixture(scope="module")
def crafted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    folder = tmp_path_factory.mktemp("crafted")
    pages = {"text": crafted_page(60_000, "text"), "curves": crafted_page(MAX_DRAWINGS_PER_PAGE + 2_000, "curves")}
    paths = {}
    for kind, data in pages.items():
        paths[kind] = folder / f"{kind}.pdf"
        paths[kind].write_bytes(data)
    yield paths


@pytest.mark.parametrize("backend", ["pymupdf", "pdfplumber"])
@pytest.mark.parametrize(("kind", "reason"), [
    ("text", r"page 1 is too complex: (its text layer takes|more than 10,000 text spans)"),
    ("curves", r"page 1 is too complex: (its text layer takes|more than 10,000 drawings)")])  # fmt: skip
def test_a_page_over_a_cap_is_too_complex(backend: str, kind: str, reason: str, crafted: dict[str, Path]) -> None:
    with hard_limit(30), pytest.raises(TooComplex, match=reason) as caught:
        extract(crafted[kind], pdf_options=PdfOptions(backend=backend))  # type: ignore[arg-type]
    assert caught.value.code == "too_complex"


def test_the_caps_leave_room_for_real_snapshots() -> None:
    from snapshot_extract.read import pdf_mupdf

    data = (FIXTURES / "pdf" / "enschede.pdf").read_bytes()
    for page in pdf_mupdf.extract_pages(data, None, 20):
        assert len(page.spans) * 50 < MAX_SPANS_PER_PAGE and len(page.shapes) * 50 < MAX_DRAWINGS_PER_PAGE


@pytest.mark.slow
def test_a_page_of_a_million_objects_is_refused_fast_and_small(tmp_path: Path) -> None:
    """Issue 16's crafted page: 10^6 text objects in a 2.6 MB file (it took 2.4 GB): refused in
    ≤ 10 s by ``parse`` in under 500 MB."""
    path = tmp_path / "million.pdf"
    path.write_bytes(crafted_page(1_000_000, "text"))
    script = textwrap.dedent(r"""
        import re, sys
        from snapshot_extract.cli import app
        try:
            app()
        finally:  # this process's own peak (getrusage's ru_maxrss keeps the forking parent's across exec)
            status = open("/proc/self/status").read()
            print(int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) // 1024, file=sys.stderr)
    """)
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", script, "parse", str(path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)  # fmt: skip
    seconds = time.monotonic() - started
    error, peak_mb = done.stderr.splitlines()
    assert done.returncode == 2
    assert error.startswith(f"error: {path}: page 1 is too complex: its text layer takes ")
    assert seconds <= 20 and int(peak_mb) < 500, (seconds, peak_mb)  # ~1.5 s alone; was 29.6 s and 2.3 GB


def _hungry(path: Any, vocabulary: Any = None, pdf_options: Any = None) -> Any:
    if "hungry" in Path(path).name:
        return bytearray(3 * 1024**3)  # 3 GB: past the worker's cap
    return REAL_EXTRACT(path, vocabulary, pdf_options)


@pytest.mark.skipif(__import__("multiprocessing").get_start_method() != "fork", reason="stand-in through fork")
def test_a_worker_past_its_memory_cap_gives_too_complex(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SEED, inputs / "hungry.txt")
    shutil.copy(SEED, inputs / "plain.txt")
    monkeypatch.setattr(workers, "extract", _hungry)
    summary = convert_batch([inputs], tmp_path / "out", BatchOptions(workers=1, max_memory=300))
    codes = {Path(document.file).name: document.code for document in summary.documents}
    assert codes == {"hungry.txt": "too_complex", "plain.txt": None}


@pytest.mark.parametrize(("message", "expected"), [
    ("code=2: calloc (4104 x 1 bytes) failed", True), ("code=2: malloc (12 bytes) failed", True),
    ("code=7: syntax error in content stream", False), ("failed to open", False)])  # fmt: skip
def test_mupdf_allocation_failures_count_as_out_of_memory(message: str, expected: bool) -> None:
    assert _out_of_memory(RuntimeError(message)) is expected
    assert _out_of_memory(MemoryError()) and not _out_of_memory(ValueError(message))


def test_parse_has_a_time_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.extract

    def slow(path: Any, *args: Any, **kwargs: Any) -> Any:
        if "slow" in Path(path).name:
            time.sleep(5)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(pipeline, "extract", slow)
    shutil.copy(SEED, tmp_path / "slow.txt")
    started = time.monotonic()
    result = runner.invoke(cli.app, ["parse", str(tmp_path / "slow.txt"), "--timeout", "1"])
    assert time.monotonic() - started < 4
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path / 'slow.txt'}: extraction took longer than 1 s\n"
    # the seed itself reads in well under the limit, also on a machine busy with the rest of the suite
    result = runner.invoke(cli.app, ["parse", str(tmp_path / "slow.txt"), str(SEED), "--timeout", "1"])
    assert result.exit_code == 1 and json.loads(result.stdout)["city"]["name"] == "Enschede"


@pytest.mark.parametrize(("text", "shown"), [
    ("plain: text", "plain: text"), ("a\nb", "a\\nb"), ("\x1b[31mred", "\\x1b[31mred"), ("tab\there", "tab\\there"),
    ("bidi\u202eevil", "bidi\\u202eevil"), ("back\\slash", "back\\slash"), ("Kraków São", "Kraków São"),
    ("line\u2028sep", "line\\u2028sep")])  # fmt: skip
def test_printable(text: str, shown: str) -> None:
    assert printable(text) == shown and printable(shown) == shown


def test_a_five_megabyte_one_line_dump_is_read_or_refused_in_time(tmp_path: Path) -> None:
    """A text dump of one 5 MB line (the seed with its line ends gone, repeated) is refused with
    a reason, not read for minutes: nothing in the text reader is quadratic in a line's length.
    Measured 1.4 s (issue 16 asks for 2 s); the bound here leaves room for a loaded CI machine."""
    seed = SEED.read_text(encoding="utf-8").replace("\n", " ")
    path = tmp_path / "one-line.txt"
    path.write_text((seed + " ") * (5_000_000 // len(seed) + 1), encoding="utf-8")
    started = time.monotonic()
    result = runner.invoke(cli.app, ["parse", str(path)])
    assert time.monotonic() - started <= 5
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and "header" in result.stderr

"""The OCR rows of ``make bench``: seconds per scanned page on one core (issue 14: <= 3 s).

Each committed scan (fixtures/scans/*.pdf: 150, 200 and 300 dpi, JPEG, grey) is parsed in this
process with ``extract`` (OCR ``auto``: every page of a scan has no text layer), best of
``repeat`` runs. Tesseract runs as one single-threaded process (``OMP_THREAD_LIMIT=1``) while this
one waits, so the wall time is one core's time. The engine's share is the wall time spent inside
``read.ocr.recognise`` (the subprocess), the rest is ours: rendering, deskew, shapes, colours,
then the same layout, sections and fields as any PDF.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich import box
from rich.table import Table

from snapshot_extract import extract, load_vocabulary
from snapshot_extract.read import ocr

from .corpora import FIXTURES

TARGET_OCR_PAGE = 3.0  # seconds per scanned page, one core


@dataclass(frozen=True)
class ScanTiming:
    name: str
    pages: int
    seconds: float  # the whole extraction, wall
    engine: float  # of which inside Tesseract

    @property
    def per_page(self) -> float:
        return self.seconds / self.pages


def scans() -> list[Path]:
    return sorted((FIXTURES / "scans").glob("*.pdf"))


@contextmanager
def engine_clock() -> Iterator[list[float]]:
    """Seconds spent in the OCR engine while the block runs (``ocr.recognise`` wrapped)."""
    spent = [0.0]
    original: Callable[..., Any] = ocr.recognise

    def timed_recognise(*args: Any) -> Any:
        started = time.perf_counter()
        try:
            return original(*args)
        finally:
            spent[0] += time.perf_counter() - started

    ocr.recognise = timed_recognise  # type: ignore[assignment]
    try:
        yield spent
    finally:
        ocr.recognise = original


def time_scans(paths: Sequence[Path], repeat: int) -> list[ScanTiming]:
    """The best of ``repeat`` extractions of each scan."""
    vocabulary = load_vocabulary()
    timings = []
    for path in paths:
        best: ScanTiming | None = None
        for _ in range(repeat):
            with engine_clock() as spent:
                started = time.perf_counter()
                record = extract(path, vocabulary)
                seconds = time.perf_counter() - started
            pages = record.source.pages or 1
            if best is None or seconds < best.seconds:
                best = ScanTiming(path.stem, pages, seconds, spent[0])
        assert best is not None
        timings.append(best)
    return timings


def ocr_table(timings: Sequence[ScanTiming]) -> Table:
    table = Table(title=f"OCR: seconds per scanned page on one core (target <= {TARGET_OCR_PAGE:.1f} s)",
                  box=box.SIMPLE_HEAD, title_justify="left")  # fmt: skip
    for header in ("scan", "pages", "s/page", "Tesseract", "ours", "target", ""):
        table.add_column(header, justify="left" if header in ("scan", "target", "") else "right", no_wrap=True)
    for timing in timings:
        engine, ours = timing.engine / timing.pages, (timing.seconds - timing.engine) / timing.pages
        table.add_row(timing.name, str(timing.pages), f"{timing.per_page:.2f}", f"{engine:.2f}", f"{ours:.2f}",
                      f"<= {TARGET_OCR_PAGE:.1f} s", _verdict(timing.per_page <= TARGET_OCR_PAGE))  # fmt: skip
    pages = sum(timing.pages for timing in timings)
    mean = sum(timing.seconds for timing in timings) / pages
    engine = sum(timing.engine for timing in timings) / pages
    table.add_row("[bold]all scans[/bold]", str(pages), f"{mean:.2f}", f"{engine:.2f}", f"{mean - engine:.2f}",
                  f"<= {TARGET_OCR_PAGE:.1f} s", _verdict(mean <= TARGET_OCR_PAGE))  # fmt: skip
    return table


def _verdict(ok: bool) -> str:
    return "[green]met[/green]" if ok else "[red]missed[/red]"


def ocr_report(repeat: int) -> Table | str:
    """The OCR table, or why there is none (no scans, or no engine)."""
    if not ocr.engine_available():
        return f"OCR rows skipped: the engine is not installed ({ocr.INSTALL_HINT})"
    paths = scans()
    if not paths:
        return "OCR rows skipped: no scans in fixtures/scans"
    return ocr_table(time_scans(paths, repeat))

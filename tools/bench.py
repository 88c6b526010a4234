"""Benchmark snapshot-extract against the PyMuPDF floor, in one run (``make bench``).

Builds a corpus in a temporary folder (copies of fixtures/pdf/*.pdf, fixtures/text/*.{txt,md} and
the tool-made dumps of fixtures/dumps) and measures:

- raw PyMuPDF: open + ``page.get_text("dict")`` on every page + close, per PDF (the floor);
- pdfplumber ``extract_text`` on one copy of each fixture PDF (it is ~30x slower), extrapolated
  per document;
- our pipeline per document: ``snapshot_extract.extract`` in a loop (no output), PDFs and text;
  over as many dumps with their city renamed (a new city in each: sentences no cache has seen,
  as in a batch of real cities; the copies above flatter the caches), each run a new corpus; over
  the dumps real tools made (fixtures/dumps); and over the layout sweep's sample PDFs
  (fixtures/sweep, documents nobody here designed) against raw PyMuPDF on the same files;
- a cold start: ``snapshot-extract parse`` of one dump and ``snapshot-extract --help``, each a
  fresh process (wall time, best of 5), as a CI job or pre-commit hook runs them;
- our batch (``convert_batch``, PyMuPDF backend, JSON Lines output only) on the PDFs with
  workers=0 (in this process), 1 and 2, and on the text dumps;
- peak memory (max RSS) of a fresh process running a 2-worker batch of 100 and of 2,000 PDFs:
  the batch process itself and its largest worker (``getrusage(RUSAGE_CHILDREN)``);
- OCR: seconds per scanned page on one core, per committed scan (``tools/bench_ocr.py``).

Targets printed beside the numbers (plain Python): per-document time <= 2.0x raw PyMuPDF (1-worker
batch and in-process pipeline, fixture and sweep PDFs), text >= 500 docs/s, a cold parse <= 0.3 s
and --help <= 0.2 s, 2 workers >= 1.8x one, memory flat within 10%, OCR <= 3 s per page.

    python -m tools.bench                  # the full run (a few minutes on 2 cores)
    python -m tools.bench --quick          # a smoke run in seconds
    python -m tools.bench --profile        # cProfile top 25 (tottime) of the pipeline instead
    python -m tools.bench --ocr            # only the OCR rows
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import os
import pstats
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pymupdf
from rich import box
from rich.console import Console
from rich.table import Table

from snapshot_extract import extract, load_vocabulary
from snapshot_extract.batch import BatchOptions, convert_batch

from .bench_ocr import ocr_report
from .corpora import FIXTURES, build_corpus, fixture_pdfs, fixture_texts, renamed_corpus, sweep_pdfs, tool_dumps

TARGET_RATIO, TARGET_TEXT, TARGET_SPEEDUP, TARGET_MEMORY = 2.0, 500.0, 1.8, 0.10
TARGET_PARSE, TARGET_HELP = 0.3, 0.2  # seconds, wall, a fresh process

console = Console(stderr=True)

MEMORY_PROBE = """
import json, resource, sys
from snapshot_extract.batch import BatchOptions, convert_batch
summary = convert_batch([sys.argv[1]], sys.argv[2], BatchOptions(formats=("jsonl",), workers=int(sys.argv[3])))
# VmHWM, not RUSAGE_SELF: Linux carries ru_maxrss of the process before exec (the bench) over
hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({"batch_kb": hwm,
                  "worker_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
                  "failed": summary.count("failed"), "seconds": summary.seconds}))
"""


@dataclass(frozen=True)
class Timing:
    name: str
    documents: int
    seconds: float
    note: str = ""

    @property
    def per_document(self) -> float:
        return self.seconds / self.documents

    @property
    def rate(self) -> float:
        return self.documents / self.seconds


# --------------------------------------------------------------------------- corpus


# --------------------------------------------------------------------------- measurements


def timed(name: str, documents: int, run: Callable[[], object], note: str = "", repeat: int = 1) -> Timing:
    """The best (shortest) of ``repeat`` runs: other load on the machine only ever adds time."""
    best = float("inf")
    for attempt in range(1, repeat + 1):
        gc.collect()
        console.log(f"{name} ({documents} documents, run {attempt} of {repeat})")
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return Timing(name, documents, best, note)


def first_sight(name: str, corpora: Sequence[Sequence[Path]]) -> Timing:
    """Each corpus parsed once, none of its documents seen before: the best run, as ``timed``
    gives, and the worst in the note."""
    seconds = []
    for attempt, corpus in enumerate(corpora, 1):
        gc.collect()
        console.log(f"{name} ({len(corpus)} documents, new corpus {attempt} of {len(corpora)})")
        started = time.perf_counter()
        pipeline_loop(corpus)()
        seconds.append(time.perf_counter() - started)
    count = len(corpora[0])
    note = f"each city renamed, seen once; a new corpus per run (worst {count / max(seconds):,.0f} docs/s)"
    return Timing(name, count, min(seconds), note)


def raw_pymupdf(paths: Sequence[Path]) -> None:
    for path in paths:
        with pymupdf.open(path) as document:  # type: ignore[no-untyped-call]
            for page in document:
                page.get_text("dict")


def raw_pdfplumber(paths: Sequence[Path]) -> None:
    for path in paths:
        with pdfplumber.open(path) as document:
            for page in document.pages:
                page.extract_text()


def pipeline_loop(paths: Sequence[Path]) -> Callable[[], None]:
    vocabulary = load_vocabulary()

    def run() -> None:
        for path in paths:
            extract(path, vocabulary)

    return run


def batch_run(folder: Path, out: Path, workers: int) -> Callable[[], None]:
    def run() -> None:
        summary = convert_batch([folder], out, BatchOptions(formats=("jsonl",), workers=workers))
        if summary.count("failed"):
            raise SystemExit(f"bench: {summary.count('failed')} document(s) failed in {folder}")

    return run


def memory_probe(folder: Path, out: Path, workers: int) -> dict[str, float]:
    """Peak RSS of a fresh process running the batch (and of its largest worker), in MB."""
    console.log(f"memory: batch of {len(list(folder.iterdir()))} PDFs, {workers} workers, fresh process")
    done = subprocess.run([sys.executable, "-c", MEMORY_PROBE, str(folder), str(out), str(workers)],
                          capture_output=True, text=True)  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"bench: the memory probe failed (exit {done.returncode}):\n{done.stderr[-2000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return {"batch": result["batch_kb"] / 1024, "worker": result["worker_kb"] / 1024, "seconds": result["seconds"]}


# --------------------------------------------------------------------------- report


def cold_start(arguments: Sequence[str], repeat: int = 5) -> float:
    """The best wall time of ``snapshot-extract ARGUMENTS`` in a fresh process, over ``repeat`` runs."""
    command = [str(Path(sys.executable).with_name("snapshot-extract")), *arguments]
    # As installed: Python caches its bytecode, so the first (uncounted) run writes it even where
    # PYTHONDONTWRITEBYTECODE is set (an editable install has none until then).
    environment = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(command, capture_output=True, check=True, env=environment)
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, env=environment)
        best = min(best, time.perf_counter() - started)
    return best


def verdict(ok: bool) -> str:
    return "[green]met[/green]" if ok else "[red]missed[/red]"


# a PDF row -> the raw PyMuPDF row over the same files (its ratio's denominator)
RAW_OF = {"pipeline_sweep": "raw_sweep", "raw_sweep": "raw_sweep"}


def throughput_table(timings: dict[str, Timing]) -> Table:
    one = timings["batch_pdf_1"]
    table = Table(title="Throughput", box=box.SIMPLE_HEAD, title_justify="left")
    for header in ("measurement", "docs", "seconds", "docs/s", "ms/doc", "x raw PyMuPDF", "target", "", "note"):
        table.add_column(header, justify="left" if header in ("measurement", "target", "", "note") else "right",
                         no_wrap=header != "note")
    def ratio(key: str) -> float:
        return timings[key].per_document / timings[RAW_OF.get(key, "raw")].per_document

    targets: dict[str, tuple[str, bool]] = {
        "pipeline_pdf": (f"<= {TARGET_RATIO:.1f}x raw", ratio("pipeline_pdf") <= TARGET_RATIO),
        "batch_pdf_1": (f"<= {TARGET_RATIO:.1f}x raw", ratio("batch_pdf_1") <= TARGET_RATIO),
        "batch_pdf_2": (f">= {TARGET_SPEEDUP:.1f}x 1 worker", timings["batch_pdf_2"].rate / one.rate >= TARGET_SPEEDUP),
        "pipeline_text": (f">= {TARGET_TEXT:,.0f} docs/s", timings["pipeline_text"].rate >= TARGET_TEXT),
        "pipeline_text_new": (f">= {TARGET_TEXT:,.0f} docs/s", timings["pipeline_text_new"].rate >= TARGET_TEXT),
        "batch_text_2": (f">= {TARGET_TEXT:,.0f} docs/s", timings["batch_text_2"].rate >= TARGET_TEXT),
    }
    if "pipeline_dumps" in timings:
        targets["pipeline_dumps"] = (f">= {TARGET_TEXT:,.0f} docs/s", timings["pipeline_dumps"].rate >= TARGET_TEXT)
    if "pipeline_sweep" in timings:
        targets["pipeline_sweep"] = (f"<= {TARGET_RATIO:.1f}x raw", ratio("pipeline_sweep") <= TARGET_RATIO)
    for key, timing in timings.items():
        is_pdf = "text" not in key and "dumps" not in key
        shown = f"{ratio(key):.2f}x" if is_pdf else ""
        if key == "batch_pdf_2":
            timing = Timing(timing.name, timing.documents, timing.seconds,
                            f"{timing.rate / one.rate:.2f}x the 1-worker speed")
        target, ok = targets.get(key, ("", True))
        table.add_row(timing.name, str(timing.documents), f"{timing.seconds:.2f}", f"{timing.rate:,.0f}",
                      f"{timing.per_document * 1000:.2f}", shown, target, verdict(ok) if target else "",
                      f"[dim]{timing.note}[/dim]")  # fmt: skip
    return table


def start_table(parse: float, help_: float) -> Table:
    table = Table(title="Cold start (a fresh process, wall time, best of 5)", box=box.SIMPLE_HEAD,
                  title_justify="left")
    for header in ("command", "seconds", "target", ""):
        table.add_column(header, justify="right" if header == "seconds" else "left", no_wrap=True)
    table.add_row("snapshot-extract parse fixtures/text/enschede.txt", f"{parse:.3f}", f"<= {TARGET_PARSE} s",
                  verdict(parse <= TARGET_PARSE))
    table.add_row("snapshot-extract --help", f"{help_:.3f}", f"<= {TARGET_HELP} s", verdict(help_ <= TARGET_HELP))
    return table


def memory_table(small: int, large: int, memory: dict[int, dict[str, float]]) -> Table:
    table = Table(title=f"Peak memory (RSS) of a fresh 2-worker batch: {small} vs {large:,} PDFs",
                  box=box.SIMPLE_HEAD, title_justify="left")  # fmt: skip
    for header in ("process", f"{small} docs", f"{large:,} docs", "growth", "target", ""):
        table.add_column(header, justify="left" if header in ("process", "target", "") else "right", no_wrap=True)
    for role, label in (("batch", "batch (parent: collects the records)"), ("worker", "largest worker")):
        before, after = memory[small][role], memory[large][role]
        growth = after / before - 1
        table.add_row(label, f"{before:.0f} MB", f"{after:.0f} MB", f"{growth:+.0%}",
                      f"flat (±{TARGET_MEMORY:.0%})", verdict(abs(growth) <= TARGET_MEMORY))  # fmt: skip
    table.add_row("[dim]wall time[/dim]", f"{memory[small]['seconds']:.1f} s", f"{memory[large]['seconds']:.1f} s",
                  f"{large / memory[large]['seconds']:,.0f} docs/s", "", "")  # fmt: skip
    return table


# --------------------------------------------------------------------------- main


def run_bench(copies: int, plumber_docs: int, memory_sizes: tuple[int, int], repeat: int) -> None:
    pdfs, texts = fixture_pdfs(), fixture_texts()
    out = Console(width=max(Console().width, 150))
    with tempfile.TemporaryDirectory(prefix="snapshot-bench-") as temp:
        work = Path(temp)
        pdf_corpus = build_corpus(pdfs, work / "pdf", copies * len(pdfs))
        text_corpus = build_corpus(texts, work / "text", copies * len(texts))
        size = copies * len(texts)
        new_cities = [renamed_corpus(texts, work / f"cities{run}", size, run * size) for run in range(repeat)]
        pipeline_loop(pdfs + texts)()  # warm-up: imports, vocabulary, caches
        plumber = pdf_corpus[:plumber_docs]
        timings = {
            "raw": timed('raw PyMuPDF get_text("dict")', len(pdf_corpus), lambda: raw_pymupdf(pdf_corpus),
                         "open + every page + close", repeat),
            "plumber": timed("pdfplumber extract_text", len(plumber), lambda: raw_pdfplumber(plumber),
                             f"{len(plumber)} docs timed once, extrapolated per doc"),
            "pipeline_pdf": timed("pipeline extract(), PDF", len(pdf_corpus), pipeline_loop(pdf_corpus),
                                  "in-process loop, no output", repeat),
            "pipeline_text": timed("pipeline extract(), text", len(text_corpus), pipeline_loop(text_corpus),
                                   "in-process loop, no output", repeat),
            "pipeline_text_new": first_sight("pipeline extract(), text, new cities", new_cities),
        }  # fmt: skip
        dumps, sweep = tool_dumps(), sweep_pdfs()
        if dumps:
            dump_corpus = build_corpus(dumps, work / "dumps", copies * len(dumps) // 4)
            timings["pipeline_dumps"] = timed("pipeline extract(), dumps by tools", len(dump_corpus),
                                              pipeline_loop(dump_corpus), "fixtures/dumps: 21 kinds", repeat)
        if sweep:
            timings["raw_sweep"] = timed('raw PyMuPDF get_text("dict"), sweep', len(sweep),
                                         lambda: raw_pymupdf(sweep), "fixtures/sweep: 5 producers", repeat)
            timings["pipeline_sweep"] = timed("pipeline extract(), sweep PDFs", len(sweep), pipeline_loop(sweep),
                                              "vs raw on the same sweep PDFs", repeat)
        for workers in (0, 1, 2):
            name = f"batch PDF, workers={workers}"
            run = batch_run(work / "pdf", work / f"o{workers}", workers)
            timings[f"batch_pdf_{workers}"] = timed(name, len(pdf_corpus), run,
                                                   "in-process (no pool)" if workers == 0 else "", repeat)  # fmt: skip
        for workers in (0, 1, 2):
            run = batch_run(work / "text", work / f"t{workers}", workers)
            timings[f"batch_text_{workers}"] = timed(f"batch text, workers={workers}", len(text_corpus), run,
                                                     "in-process (no pool)" if workers == 0 else "", repeat)  # fmt: skip
        small, large = memory_sizes
        memory = {}
        for size in (small, large):
            build_corpus(pdfs, work / f"mem{size}", size)
            memory[size] = memory_probe(work / f"mem{size}", work / f"mem{size}-out", 2)
    out.print(throughput_table(timings))
    out.print(start_table(cold_start(["parse", str(FIXTURES / "text" / "enschede.txt")]), cold_start(["--help"])))
    out.print(memory_table(small, large, memory))
    out.print(ocr_report(repeat))
    out.print(f"[dim]Plain Python; {os.cpu_count()} CPU(s) reported; corpus: {len(pdf_corpus)} PDFs and {len(text_corpus)} text "
              f"dumps ({copies} copies of each fixture); best of {repeat} runs each; batch output: JSON Lines only; "
              f"ratios are ms/doc over raw PyMuPDF ms/doc; load average at the end: "
              f"{', '.join(f'{load:.1f}' for load in os.getloadavg())}.[/dim]")  # fmt: skip


def run_profile(pdf_rounds: int, text_rounds: int, top: int = 25) -> None:
    """cProfile of ``extract`` over the fixture PDFs and text dumps, top ``top`` by tottime."""
    vocabulary = load_vocabulary()
    for label, paths, rounds in (("PDF", fixture_pdfs(), pdf_rounds), ("text", fixture_texts(), text_rounds)):
        for path in paths:
            extract(path, vocabulary)  # warm-up outside the profile
        profile = cProfile.Profile()
        started = time.perf_counter()
        profile.enable()
        for _ in range(rounds):
            for path in paths:
                extract(path, vocabulary)
        profile.disable()
        elapsed = time.perf_counter() - started
        stream = io.StringIO()
        stats = pstats.Stats(profile, stream=stream).strip_dirs().sort_stats("tottime")
        stats.print_stats(top)
        count = rounds * len(paths)
        print(f"=== cProfile: extract() on {count} {label} documents "
              f"({elapsed / count * 1000:.1f} ms/doc under the profiler), top {top} by tottime ===")
        print(stream.getvalue().split("\n", 1)[1].strip("\n").replace("\n\n", "\n"))
        print(f"--- {label}: tottime by file (top 12) ---")
        for file, seconds in by_file(pstats.Stats(profile))[:12]:
            print(f"  {seconds / count * 1000:7.2f} ms/doc  {file}")
        print()


def by_file(stats: pstats.Stats) -> list[tuple[str, float]]:
    """Own time (tottime) summed per source file (last two path parts); C calls by their name."""
    totals: dict[str, float] = {}
    for (file, _line, name), row in stats.stats.items():  # type: ignore[attr-defined]
        if file == "~":
            method = re.match(r"<method '(\w+)' of '([\w.]+)' objects>", name)
            key = f"{method.group(2)} methods" if method else name.removeprefix("<built-in method ").rstrip(">")
        else:
            key = "/".join(Path(file).parts[-2:])
        totals[key] = totals.get(key, 0.0) + row[2]
    return sorted(totals.items(), key=lambda item: -item[1])


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=20, help="copies of each fixture in the corpus (default 20)")
    parser.add_argument("--plumber-docs", type=int, default=13, help="PDFs timed with pdfplumber (default 13)")
    parser.add_argument("--memory", default="100,2000", help="the two batch sizes of the memory probe")
    parser.add_argument("--repeat", type=int, default=3, help="runs per throughput measurement, best kept (default 3)")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 2 copies, 1 run each, memory 20 vs 100")
    parser.add_argument("--profile", action="store_true", help="print cProfile top 25 of the pipeline and stop")
    parser.add_argument("--ocr", action="store_true", help="only the OCR rows (seconds per scanned page)")
    args = parser.parse_args(argv)
    if args.profile:
        run_profile(pdf_rounds=3, text_rounds=10)
        return
    if args.ocr:
        Console(width=max(Console().width, 150)).print(ocr_report(1 if args.quick else args.repeat))
        return
    small, large = (20, 100) if args.quick else tuple(int(part) for part in args.memory.split(","))
    copies = 2 if args.quick else args.copies
    plumber_docs = min(args.plumber_docs, 3) if args.quick else args.plumber_docs
    run_bench(copies, plumber_docs, (small, large), 1 if args.quick else args.repeat)


if __name__ == "__main__":
    main()

"""Measure the reader under test on every dump kind: one command, one table.

    python -m tools.dumps.run PDF_DIR... --work DIR [--kinds k1,k2] [--snapshot-extract PATH]
                              [--sample N --sample-out fixtures/dumps] [--markdown FILE]

For every kind: the dumps and their truth files are written to DIR/<kind>/, the reader converts
them (`snapshot-extract batch DIR/<kind> --out DIR/<kind>/batch --format jsonl --quiet`) and scores
them (`snapshot-extract eval DIR/<kind> DIR/<kind>/batch/records.jsonl --json`: the install's own
`snapshot_extract.checks.evaluate`, nothing is re-scored here). DIR/<kind>/errors.json lists the failures
(wrong values with truth file, path, expected, got, silent, covered_by; refused documents with their
error code), DIR/summary.json the per-kind figures and DIR/table.md the table printed at the end.
`--sample N` also copies N documents per kind (a fixed choice, spread over the PDFs) with their truth
into the sample folder, for CI.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .generate import TRUTH_SUFFIX, Written, find_pdfs, generate, write_json
from .kinds import KINDS, Kind, ToolMissing, parse_kinds, tool_versions


@dataclass(frozen=True)
class KindResult:
    kind: str
    documents: int
    f1: float
    precision: float
    recall: float
    f1_read: float  # F1 over the documents the reader did not refuse
    wrong: int
    silent: int
    refused: int
    tool: str
    note: str


def default_reader() -> str:
    """`snapshot-extract` on PATH, else the one beside this Python."""
    found = shutil.which("snapshot-extract")
    if found:
        return found
    return str(Path(sys.executable).with_name("snapshot-extract"))


def _refusals(batch_out: Path) -> list[dict[str, Any]]:
    manifest: dict[str, Any] = json.loads((batch_out / "manifest.json").read_text(encoding="utf-8"))
    refused = []
    for entry in manifest.get("inputs", []):
        if entry.get("status") == "failed":
            error = entry.get("error") or {}
            refused.append({"file": entry.get("file"), "code": error.get("code"), "message": error.get("message")})
    return refused


def _eval(reader: str, kind: Kind, truth_dir: Path, records: Path) -> dict[str, Any]:
    ev = subprocess.run(
        [reader, "eval", str(truth_dir), str(records), "--json"], capture_output=True, text=True, check=False
    )
    if not ev.stdout.strip():
        raise RuntimeError(f"{kind.name}: eval printed nothing (exit {ev.returncode}): {ev.stderr.strip()}")
    report: dict[str, Any] = json.loads(ev.stdout)
    return report


def measure_kind(reader: str, kind: Kind, folder: Path) -> tuple[KindResult, dict[str, Any]]:
    """Batch + eval of one kind's folder; the result row and the failure list."""
    batch_out = folder / "batch"
    if batch_out.exists():
        shutil.rmtree(batch_out)
    batch = subprocess.run(
        [reader, "batch", str(folder), "--out", str(batch_out), "--format", "jsonl", "--quiet", "--workers", "1"],
        capture_output=True,
        text=True,
        check=False,
    )
    if batch.returncode not in (0, 1):
        raise RuntimeError(f"{kind.name}: batch exited {batch.returncode}: {batch.stderr.strip()}")
    records = batch_out / "records.jsonl"
    if not records.exists():
        records.write_text("", encoding="utf-8")
    report = _eval(reader, kind, folder, records)
    overall: dict[str, Any] = report["overall"]
    refused = _refusals(batch_out)
    f1_read = float(overall["f1"])
    if refused:  # the same scoring over the truth files of the documents that were read
        read_truth = batch_out / "truth-of-read"
        read_truth.mkdir()
        refused_files = {Path(str(r["file"])).name for r in refused}
        for truth in folder.glob(f"*{TRUTH_SUFFIX}"):
            dump = truth.name[: -len(TRUTH_SUFFIX)] + kind.suffix
            if dump not in refused_files:
                shutil.copyfile(truth, read_truth / truth.name)
        f1_read = float(_eval(reader, kind, read_truth, records)["overall"]["f1"]) if any(read_truth.iterdir()) else 0.0
    failures = {
        "kind": kind.name,
        "tool": kind.tool,
        "note": kind.note,
        "refused": refused,
        "missing": report.get("missing", []),
        "errors": report.get("errors", []),
    }
    row = KindResult(
        kind=kind.name,
        documents=int(report.get("truth_files", overall.get("documents", 0))),
        f1=float(overall["f1"]),
        precision=float(overall["precision"]),
        recall=float(overall["recall"]),
        f1_read=f1_read,
        wrong=int(overall.get("wrong", 0)),
        silent=int(report.get("silent_errors", overall.get("silent", 0))),
        refused=len(refused),
        tool=kind.tool,
        note=kind.note,
    )
    return row, failures


def table(rows: Sequence[KindResult]) -> str:
    """The per-kind table as markdown."""
    lines = [
        "| kind | documents | F1 | precision | recall | F1 of read docs | wrong values | silent errors | refused |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r.kind} | {r.documents} | {r.f1:.4f} | {r.precision:.4f} | {r.recall:.4f} | {r.f1_read:.4f} "
            f"| {r.wrong} | {r.silent} | {r.refused} |"
        )
    return "\n".join(lines)


def write_sample(written: Sequence[Written], kinds: Sequence[Kind], n: int, out: Path) -> list[Path]:
    """Copy `n` documents per kind with their truth into `out`: for the i-th kind the stems
    i*n .. i*n+n-1 (mod the number of PDFs, in stem order), so the sample covers many PDFs."""
    out.mkdir(parents=True, exist_ok=True)
    for kind in kinds:  # the sample is exactly the fixed choice: drop this kind's older sample files
        for old in out.glob(f"*.{kind.name}{kind.suffix}"):
            old.unlink()
        for old in out.glob(f"*.{kind.name}{TRUTH_SUFFIX}"):
            old.unlink()
    stems = sorted({w.stem for w in written})
    copied: list[Path] = []
    for i, kind in enumerate(kinds):
        chosen = {stems[(i * n + j) % len(stems)] for j in range(min(n, len(stems)))}
        for w in written:
            if w.kind == kind.name and w.stem in chosen:
                for path in (w.dump, w.truth):
                    shutil.copyfile(path, out / path.name)
                    copied.append(out / path.name)
    return copied


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.dumps.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("pdf_dirs", nargs="+", type=Path, help="folders of X.pdf + X.expected.json")
    parser.add_argument("--work", type=Path, required=True, help="work folder: DIR/<kind>/ per kind")
    parser.add_argument("--kinds", default="", help=f"comma list (default: all): {','.join(KINDS)}")
    parser.add_argument("--snapshot-extract", dest="reader", default=None, help="the reader under test")
    parser.add_argument("--sample", type=int, default=0, help="documents per kind to keep as fixtures")
    parser.add_argument("--sample-out", type=Path, default=Path("fixtures/dumps"))
    parser.add_argument("--markdown", type=Path, default=None, help="also write the table to this file")
    args = parser.parse_args(argv)
    reader = args.reader or default_reader()
    try:
        kinds = parse_kinds(args.kinds)
        pdfs = find_pdfs(args.pdf_dirs)
        if not pdfs:
            raise ValueError("no X.pdf with X.expected.json beside it")
        for kind in kinds:
            if (args.work / kind.name).exists():
                shutil.rmtree(args.work / kind.name)
        written = generate(pdfs, kinds, args.work, per_kind=True)
    except (ValueError, ToolMissing) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    rows: list[KindResult] = []
    for kind in kinds:
        row, failures = measure_kind(reader, kind, args.work / kind.name)
        write_json(args.work / kind.name / "errors.json", failures)
        rows.append(row)
        print(f"{kind.name}: F1 {row.f1:.4f}, silent {row.silent}, refused {row.refused}", file=sys.stderr)
    summary = {
        "reader": reader,
        "inputs": [str(d) for d in args.pdf_dirs],
        "pdfs": len(pdfs),
        "tools": tool_versions(),
        "kinds": [asdict(r) for r in rows],
    }
    write_json(args.work / "summary.json", summary)
    text = table(rows)
    (args.work / "table.md").write_text(text + "\n", encoding="utf-8")
    if args.markdown:
        args.markdown.write_text(text + "\n", encoding="utf-8")
    if args.sample:
        copied = write_sample(written, kinds, args.sample, args.sample_out)
        print(f"sample: {len(copied) // 2} dumps with truth in {args.sample_out}", file=sys.stderr)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Peak memory of a batch with every output format, at two corpus sizes (``make memory``).

The batch parent must stay flat however many documents it converts: the tables are written
row by row (CSV), by row groups (Parquet) and in openpyxl's write-only mode (XLSX), from parts
spooled on disk. This script builds a corpus of text dumps (the fixtures cycled, each copy with
its city renamed so that no two documents are alike), runs ``snapshot-extract batch`` with all
formats in a fresh process for each size, and prints the parent's peak RSS (``VmHWM``) and the
largest worker's (``RUSAGE_CHILDREN``), then the ratio large / small against the target.

    python tools/memory.py                   # 500 vs 5,000 documents, 1 worker
    python tools/memory.py --sizes 50,500    # a quicker pair
    python tools/memory.py --json            # one JSON object instead of the table

Exit 1 when the parent's ratio is over ``--target`` (default 1.2).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .corpora import fixture_texts, renamed_corpus

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import json, resource, sys
from snapshot_extract.batch import BatchOptions, convert_batch
summary = convert_batch([sys.argv[1]], sys.argv[2], BatchOptions(workers=int(sys.argv[3])))
# VmHWM, not RUSAGE_SELF: Linux carries ru_maxrss of the process before exec (this script) over
hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({"parent_kb": hwm, "worker_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
                  "documents": len(summary.documents), "failed": summary.count("failed"),
                  "seconds": round(summary.seconds, 2), "outputs": summary.outputs}))
"""


def probe(folder: Path, out: Path, workers: int) -> dict[str, object]:
    """Run the batch in a fresh process; its peak memory and counts."""
    done = subprocess.run([sys.executable, "-c", PROBE, str(folder), str(out), str(workers)],
                          capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"memory: the probe failed (exit {done.returncode}):\n{done.stderr[-2000:]}")
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="500,5000", help="the two corpus sizes (small,large)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes of the batch")
    parser.add_argument("--target", type=float, default=1.2, help="largest allowed parent ratio large/small")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    small, large = (int(part) for part in args.sizes.split(","))
    results = {}
    with tempfile.TemporaryDirectory(prefix="snapshot-memory-") as work:
        for size in (small, large):
            renamed_corpus(fixture_texts(), Path(work) / f"in{size}", size)
            results[size] = probe(Path(work) / f"in{size}", Path(work) / f"out{size}", args.workers)
    ratio = int(results[large]["parent_kb"]) / int(results[small]["parent_kb"])  # type: ignore[call-overload]
    report = {"sizes": [small, large], "workers": args.workers, "target": args.target,
              "parent_ratio": round(ratio, 3), "runs": {str(size): results[size] for size in (small, large)}}
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"{'documents':>10} {'parent MB':>10} {'worker MB':>10} {'seconds':>8}")
        for size in (small, large):
            run = results[size]
            print(f"{size:>10,} {int(run['parent_kb']) / 1024:>10.1f} "  # type: ignore[call-overload]
                  f"{int(run['worker_kb']) / 1024:>10.1f} {run['seconds']:>8}")  # type: ignore[call-overload]
        verdict = "met" if ratio <= args.target else "NOT met"
        print(f"parent peak {large:,} / {small:,} documents: {ratio:.2f}x (target <= {args.target}x: {verdict})")
    return 0 if ratio <= args.target else 1


if __name__ == "__main__":
    sys.exit(main())

"""Command line: ``python -m tools.sweep --n 300 --seed 1 --out DIR [--producers a,b] [--failures DIR]
[--render-only] [--snapshot-extract PATH] [--jobs 2]``; ``--sample N --out fixtures/sweep`` writes
the fixed CI sample (PDF + truth beside each) instead of a random corpus."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from .corpus import all_producers
from .runner import run_sweep
from .space import DIMENSIONS

DEFAULT_SAMPLE_SEED = 20240


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tools.sweep", description=__doc__)
    parser.add_argument("--n", type=int, default=300, help="documents to render (default 300)")
    parser.add_argument("--seed", type=int, default=None, help="layout space seed (default 1; sample: 20240)")
    parser.add_argument("--out", type=Path, help="output folder (required unless --dimensions)")
    parser.add_argument("--dimensions", action="store_true", help="print the layout space as a Markdown table")
    parser.add_argument("--producers", default=None, help="comma list (default: all five)")
    parser.add_argument("--failures", type=Path, default=None, help="copy failing documents here")
    parser.add_argument("--corpus", type=Path, default=None, help="where the corpus goes (default OUT/corpus)")
    parser.add_argument("--render-only", action="store_true", help="render the corpus, do not run the reader")
    parser.add_argument(
        "--reuse-corpus",
        action="store_true",
        help="do not render: run the reader on the corpus (and designs file) already there",
    )
    parser.add_argument("--snapshot-extract", default=None, help="the reader's executable (default: on PATH)")
    parser.add_argument("--jobs", type=int, default=2, help="render processes (default 2)")
    parser.add_argument("--sample", type=int, default=None, help="write a fixed sample of this many documents")
    return parser.parse_args(argv)


def dimensions_table() -> str:
    rows = ["| dimension | values | note |", "|---|---|---|"]
    rows += [f"| `{d.name}` | {', '.join(d.values)} | {d.doc} |" for d in DIMENSIONS]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    if args.dimensions:
        print(dimensions_table())
        return 0
    if args.out is None:
        print("error: --out is required", file=sys.stderr)
        return 2
    beside = Path(sys.executable).parent / "snapshot-extract"  # the venv running this, even when not activated
    executable = args.snapshot_extract or (str(beside) if beside.exists() else shutil.which("snapshot-extract"))
    if not executable and not args.render_only:
        print("error: snapshot-extract not found (give --snapshot-extract PATH or --render-only)", file=sys.stderr)
        return 2
    seed = args.seed if args.seed is not None else (DEFAULT_SAMPLE_SEED if args.sample else 1)
    return run_sweep(n=args.n, seed=seed, out=args.out, producers=all_producers(args.producers),
                     failures=args.failures, render_only=args.render_only, executable=executable or "",
                     jobs=args.jobs, sample=args.sample, corpus=args.corpus, reuse=args.reuse_corpus)  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())

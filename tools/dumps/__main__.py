"""python -m tools.dumps PDF_DIR... --out DIR [--kinds k1,k2] | --list"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .generate import find_pdfs, generate
from .kinds import KINDS, ToolMissing, parse_kinds, tool_versions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.dumps",
        description="Write text dumps of snapshot PDFs as real tools print them, each with its truth file.",
    )
    parser.add_argument("pdf_dirs", nargs="*", type=Path, help="folders of X.pdf + X.expected.json")
    parser.add_argument("--out", type=Path, help="output folder (created if missing)")
    parser.add_argument("--kinds", default="", help=f"comma list (default: all): {','.join(KINDS)}")
    parser.add_argument("--list", action="store_true", help="list the kinds and the tool versions, then exit")
    args = parser.parse_args(argv)
    if args.list:
        for kind in KINDS.values():
            note = f" -- {kind.note}" if kind.note else ""
            print(f"{kind.name:<18} {kind.suffix:<4} {kind.tool}{note}")
        print()
        for tool, version in tool_versions().items():
            print(f"{tool:<22} {version}")
        return 0
    if not args.pdf_dirs or args.out is None:
        parser.error("PDF_DIR... and --out are required (or --list)")
    try:
        kinds = parse_kinds(args.kinds)
        pdfs = find_pdfs(args.pdf_dirs)
        written = generate(pdfs, kinds, args.out)
    except (ValueError, ToolMissing) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"{len(written)} dumps ({len(pdfs)} PDFs x {len(kinds)} kinds) in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Write every dump kind of every PDF that has a truth file, each dump beside its truth."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .kinds import Kind, Source, pdfjs_texts
from .truth import dump_truth

TRUTH_SUFFIX = ".expected.json"


@dataclass(frozen=True)
class Written:
    kind: str
    stem: str  # the PDF's name (find_pdfs)
    dump: Path
    truth: Path


def find_pdfs(dirs: Iterable[Path]) -> list[tuple[str, Path, Path]]:
    """(name, X.pdf, X.expected.json) for every PDF under `dirs` (searched recursively) that has a
    truth file beside it, sorted by name. The name is the PDF's path below its folder without ".pdf",
    "/" written "__" (just the stem for a flat folder); two PDFs with one name raise ValueError."""
    found: dict[str, tuple[str, Path, Path]] = {}
    for folder in dirs:
        if not folder.is_dir():
            raise ValueError(f"not a folder: {folder}")
        for pdf in sorted(folder.rglob("*.pdf")):
            truth = pdf.with_name(pdf.stem + TRUTH_SUFFIX)
            if not pdf.is_file() or not truth.is_file():
                continue
            name = "__".join(pdf.relative_to(folder).with_suffix("").parts)
            if name in found:
                raise ValueError(f"two PDFs named {name}: {found[name][1]} and {pdf}")
            found[name] = (name, pdf, truth)
    return [found[name] for name in sorted(found)]


def dump_name(stem: str, kind: Kind) -> str:
    return f"{stem}.{kind.name}{kind.suffix}"


def write_json(path: Path, value: Any) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def generate(
    pdfs: Sequence[tuple[str, Path, Path]], kinds: Sequence[Kind], out: Path, *, per_kind: bool = False
) -> list[Written]:
    """Write `X.<kind>.txt|md` and `X.<kind>.expected.json` for every PDF and kind into `out`
    (into `out/<kind>/` when `per_kind`)."""
    pdfjs: dict[Path, str] = {}
    if any(kind.uses_pdfjs for kind in kinds):
        pdfjs = pdfjs_texts(pdf for _, pdf, _ in pdfs)[1]
    written: list[Written] = []
    for stem, pdf, truth_file in pdfs:
        pdf_truth: dict[str, Any] = json.loads(truth_file.read_text(encoding="utf-8"))
        source = Source(pdf, pdfjs_text=pdfjs.get(pdf.resolve()))
        for kind in kinds:
            folder = out / kind.name if per_kind else out
            folder.mkdir(parents=True, exist_ok=True)
            data = source.made(kind.name)
            name = dump_name(stem, kind)
            dump = folder / name
            dump.write_bytes(data)
            truth = folder / f"{stem}.{kind.name}{TRUTH_SUFFIX}"
            write_json(truth, dump_truth(pdf_truth, name, data, kind.truth_map))
            written.append(Written(kind.name, stem, dump, truth))
    return written

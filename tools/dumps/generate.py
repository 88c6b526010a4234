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
    stem: str  # the PDF's stem
    dump: Path
    truth: Path


def find_pdfs(dirs: Iterable[Path]) -> list[tuple[Path, Path]]:
    """(X.pdf, X.expected.json) for every PDF in `dirs` (not recursive) that has a truth file beside
    it, sorted by stem; two PDFs with the same stem raise ValueError (their dumps would collide)."""
    found: dict[str, tuple[Path, Path]] = {}
    for folder in dirs:
        if not folder.is_dir():
            raise ValueError(f"not a folder: {folder}")
        for pdf in sorted(folder.glob("*.pdf")):
            truth = pdf.with_name(pdf.stem + TRUTH_SUFFIX)
            if not truth.is_file():
                continue
            if pdf.stem in found:
                raise ValueError(f"two PDFs named {pdf.name}: {found[pdf.stem][0]} and {pdf}")
            found[pdf.stem] = (pdf, truth)
    return [found[stem] for stem in sorted(found)]


def dump_name(stem: str, kind: Kind) -> str:
    return f"{stem}.{kind.name}{kind.suffix}"


def write_json(path: Path, value: Any) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def generate(
    pdfs: Sequence[tuple[Path, Path]], kinds: Sequence[Kind], out: Path, *, per_kind: bool = False
) -> list[Written]:
    """Write `X.<kind>.txt|md` and `X.<kind>.expected.json` for every PDF and kind into `out`
    (into `out/<kind>/` when `per_kind`)."""
    pdfjs: dict[Path, str] = {}
    if any(kind.uses_pdfjs for kind in kinds):
        pdfjs = pdfjs_texts(pdf for pdf, _ in pdfs)[1]
    written: list[Written] = []
    for pdf, truth_file in pdfs:
        pdf_truth: dict[str, Any] = json.loads(truth_file.read_text(encoding="utf-8"))
        source = Source(pdf, pdfjs_text=pdfjs.get(pdf.resolve()))
        for kind in kinds:
            folder = out / kind.name if per_kind else out
            folder.mkdir(parents=True, exist_ok=True)
            data = source.made(kind.name)
            name = dump_name(pdf.stem, kind)
            dump = folder / name
            dump.write_bytes(data)
            truth = folder / f"{pdf.stem}.{kind.name}{TRUTH_SUFFIX}"
            write_json(truth, dump_truth(pdf_truth, name, data, kind.truth_map))
            written.append(Written(kind.name, pdf.stem, dump, truth))
    return written

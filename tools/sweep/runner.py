"""Render a corpus, run the reader under test (``snapshot-extract batch``), score it, print the
tables, and copy failing documents (PDF, truth, record, errors, design) for ``inspect``."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from snapshot_extract.checks.evaluate import evaluate

from .corpus import Made, make_corpus
from .report import format_table, group_scores
from .sample import choose_sample


def run_reader(executable: str, corpus: Path, out: Path) -> Path:
    """``snapshot-extract batch CORPUS --out OUT --format jsonl --quiet``; the records file."""
    if out.exists():
        shutil.rmtree(out)
    command = [executable, "batch", str(corpus), "--out", str(out), "--format", "jsonl", "--quiet", "--workers", "1"]
    out.mkdir(parents=True, exist_ok=True)
    with (out.parent / f"{out.name}.log").open("w", encoding="utf-8") as log:  # exit 1 when some failed: refused
        subprocess.run(command, check=False, stdout=log, stderr=subprocess.STDOUT)
    records = out / "records.jsonl"
    if not records.exists():
        records.write_text("", encoding="utf-8")
    return records


def _records_by_file(records: Path) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for line in records.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            out[str(record["source"]["file"])] = record
    return out


def copy_failures(made: list[Made], corpus: Path, records: Path, batch_out: Path, folder: Path) -> int:
    """Every document with a wrong field or no record, with what is needed to look into it."""
    evaluation = evaluate([str(corpus)], records)
    errors: dict[str, list[dict[str, Any]]] = {}
    for error in evaluation.as_dict()["errors"]:
        errors.setdefault(Path(error["truth_file"]).name, []).append(error)
    missing = {Path(m).name for m in evaluation.missing}
    by_file = _records_by_file(records)
    designs = {m.name: m for m in made}
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    failed = sorted({n.removesuffix(".expected.json") for n in [*errors, *missing]})
    batch_errors = batch_out / "errors.csv"
    for name in failed:
        shutil.copy(corpus / f"{name}.pdf", folder)
        shutil.copy(corpus / f"{name}.expected.json", folder)
        record = by_file.get(f"{name}.pdf")
        if record is not None:
            (folder / f"{name}.record.json").write_text(json.dumps(record, ensure_ascii=False, indent=2), "utf-8")
        note = {"errors": errors.get(f"{name}.expected.json", []), "refused": f"{name}.expected.json" in missing,
                "design": designs[name].design, "features": designs[name].features}  # fmt: skip
        (folder / f"{name}.errors.json").write_text(json.dumps(note, ensure_ascii=False, indent=2), "utf-8")
    if batch_errors.exists():
        shutil.copy(batch_errors, folder / "batch-errors.csv")
    return len(failed)


def _render(seed: int, indices: list[int], producers: tuple[str, ...], corpus: Path, jobs: int) -> list[Made]:
    made: list[Made] = []
    for item in make_corpus(seed, indices, producers, corpus, jobs):
        made.append(item)
        if len(made) % 25 == 0 or len(made) == len(indices):
            print(f"rendered {len(made)}/{len(indices)}", file=sys.stderr, flush=True)
    rejected = [r["design"]["producer"] for m in made for r in m.rejected]
    by_producer = ", ".join(f"{p} {rejected.count(p)}" for p in sorted(set(rejected)))
    print(f"{len(made)} documents in {corpus}; {len(rejected)} attempt(s) redrawn because their PDF did not print"
          f" all of their truth or printed a line over another{f' ({by_producer})' if rejected else ''}: see the designs file")  # fmt: skip
    return made


def _save_designs(made: list[Made], path: Path) -> None:
    designs = {m.name: {"design": m.design, "features": m.features, "rejected": m.rejected} for m in made}
    path.write_text(json.dumps(designs, ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8")


def load_designs(path: Path) -> list[Made]:
    data = json.loads(path.read_text("utf-8"))
    return [Made(name, d["design"], d["features"], d["rejected"]) for name, d in sorted(data.items())]


def _report(made: list[Made], corpus: Path, records: Path, out: Path | None) -> None:
    """The tables: every document, then only those the reader did not refuse (what it read)."""
    with_record = _records_by_file(records)
    read = [m for m in made if f"{m.name}.pdf" in with_record]
    for title, subset, stem in (("all documents", made, "scores"), ("documents with a record", read, "scores-read")):
        if not subset:
            continue
        scores = group_scores(subset, corpus, records)
        table = format_table(scores)
        print(f"\n== {title} ({len(subset)}) ==\n{table}")
        if out is not None:
            (out / f"{stem}.txt").write_text(table + "\n", "utf-8")
            (out / f"{stem}.json").write_text(json.dumps([s.as_dict() for s in scores], indent=1) + "\n", "utf-8")


def _drop_stale(folder: Path, names: set[str]) -> None:
    """The sample's documents no longer in it (a design redrawn under another name) removed, so
    that the folder holds the sample and nothing else."""
    for path in folder.glob("[0-9][0-9][0-9][0-9]-*"):
        if path.name.removesuffix(".pdf").removesuffix(".expected.json") not in names:
            path.unlink()


def run_sweep(*, n: int, seed: int, out: Path, producers: tuple[str, ...], failures: Path | None,
              render_only: bool, executable: str, jobs: int, sample: int | None,
              corpus: Path | None = None, reuse: bool = False) -> int:  # fmt: skip
    out.mkdir(parents=True, exist_ok=True)
    corpus = out if sample else corpus or out / "corpus"
    design_file = corpus / "DESIGNS.json" if sample else out / "designs.json"
    if failures is not None and failures.resolve() in (out.resolve(), corpus.resolve()):
        raise SystemExit("error: --failures must be a folder of its own (it is emptied first)")
    if reuse:
        made = load_designs(design_file)
    else:
        if corpus.exists() and not sample:
            shutil.rmtree(corpus)
        indices = choose_sample(seed, sample, producers) if sample else list(range(n))
        made = _render(seed, indices, producers, corpus, jobs)
        _save_designs(made, design_file)
        if sample:
            _drop_stale(corpus, {m.name for m in made})
    if render_only:
        return 0
    batch_out = out / "batch" if not sample else Path(tempfile.mkdtemp(prefix="sweep-sample-")) / "batch"
    records = run_reader(executable, corpus, batch_out)
    _report(made, corpus, records, None if sample else out)
    if failures is not None:
        count = copy_failures(made, corpus, records, batch_out, failures)
        print(f"{count} failing document(s) copied to {failures}")
    return 0

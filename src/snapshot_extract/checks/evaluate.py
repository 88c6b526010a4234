"""Evaluate: truth files + records -> field-level precision, recall, F1 and silent errors.

Contract: ``evaluate(truth_dirs, records_path)`` reads every ``X.expected.json`` under the truth
folders and the records (a ``records.jsonl``, a folder of record JSON files, or a batch output
folder), pairs each truth file with the record of the same ``source.file`` + ``source.format``
(or, failing that, the same ``source.sha256``; a truth file with no ``source``, which the record
spec allows, with the record of the document it sits beside: ``X.expected.json`` with ``X.pdf``,
``X.txt`` …) and scores every field path of docs/record.md the truth file states; a path it
leaves out is not scored. How values compare:

- scalars (str, int, bool) exactly, ``1`` is not ``true``; a single ``Term`` by its ``id``; a
  ``Peer`` as (percent, bound): one item each;
- ``Term`` lists as sets of ids (Term ``text`` and ``score`` are not scored), string lists as
  sets of strings: one item per element.

Per field and overall (micro-averaged): true positives (an item of the truth the record has),
false positives (an item the record has and the truth does not: a wrong or invented value),
false negatives (an item of the truth the record lacks). Precision, recall and F1 of a field
with nothing to find and nothing found are 1.0. ``null`` against ``[]`` counts as one false
positive (the record claims to know there is none) or one false negative (the other way round).

A field of a document is *wrong* when it has any false positive or negative. A wrong field is a
*silent error* unless the record warns about it: a warning whose ``field`` is the path, a
prefix of it (``funding`` covers ``funding.sources``) or one of its items (``x[2]``), or an
``unmapped`` entry with such a field. The record spec forbids silent errors. A truth file without a
record counts every item it states as a false negative and is listed as missing (not silent:
the batch reported the failure). Records without a truth file are ignored.

Unusable arguments (no truth file, unreadable records) raise ``EvaluationError``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel

from ..errors import SnapshotError
from ..models import Peer, Record, Term
from .golden import EXPECTED_SUFFIX

Kind = Literal["scalar", "term", "peer", "terms", "strings"]
SCORED_SECTIONS = ("city", "overview", "organisation", "spotlight", "vision", "approach",
                   "partnerships", "funding", "impact", "data", "outcomes")  # fmt: skip
EXTRA_FIELDS: tuple[tuple[str, Kind], ...] = (("source.pages", "scalar"),)


class EvaluationError(SnapshotError):
    """Evaluation cannot start: no truth files, records missing or not JSON records."""

    code = "bad_arguments"


# --------------------------------------------------------------------------- results


@dataclass
class FieldScore:
    """Counts for one field path over every scored document."""

    path: str
    documents: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    wrong: int = 0
    silent: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        precision, recall = self.precision, self.recall
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "documents": self.documents, "tp": self.tp, "fp": self.fp,
                "fn": self.fn, "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "wrong": self.wrong, "silent": self.silent}  # fmt: skip


@dataclass(frozen=True)
class FieldError:
    """One wrong field of one document; ``covered_by`` names the warning codes that cover it."""

    truth_file: str
    path: str
    expected: Any
    got: Any
    covered_by: tuple[str, ...]

    @property
    def silent(self) -> bool:
        return not self.covered_by


@dataclass
class Evaluation:
    """Everything ``evaluate`` found; ``overall`` sums every field (micro average)."""

    fields: dict[str, FieldScore]
    errors: list[FieldError] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    matched: int = 0
    truth_files: int = 0
    unscored_records: int = 0

    @property
    def overall(self) -> FieldScore:
        total = FieldScore("overall", documents=self.matched)
        for score in self.fields.values():
            total.tp, total.fp, total.fn = total.tp + score.tp, total.fp + score.fp, total.fn + score.fn
            total.wrong, total.silent = total.wrong + score.wrong, total.silent + score.silent
        return total

    @property
    def silent_errors(self) -> int:
        return sum(1 for error in self.errors if error.silent)

    def passed(self, min_f1: float = 1.0, max_silent: int = 0) -> bool:
        """The ``--strict`` bar: F1 at least ``min_f1`` and at most ``max_silent`` silent errors
        (1.0 and none unless ``--min-f1`` / ``--max-silent`` say otherwise: OCR'd scans, the layout
        sweep's sample), no truth file left without a record."""
        return self.overall.f1 >= min_f1 and self.silent_errors <= max_silent and not self.missing

    def as_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall.as_dict(),
            "silent_errors": self.silent_errors,
            "truth_files": self.truth_files,
            "matched": self.matched,
            "missing": self.missing,
            "unscored_records": self.unscored_records,
            "fields": [score.as_dict() for score in self.fields.values()],
            "errors": [{"truth_file": e.truth_file, "path": e.path, "expected": e.expected, "got": e.got,
                        "covered_by": list(e.covered_by), "silent": e.silent} for e in self.errors],
        }  # fmt: skip


# --------------------------------------------------------------------------- field kinds


@cache
def field_kinds() -> tuple[tuple[str, Kind], ...]:
    """Every scored path with its kind, in model order, read from the ``Record`` model."""
    kinds: list[tuple[str, Kind]] = list(EXTRA_FIELDS)
    for section in SCORED_SECTIONS:
        model = Record.model_fields[section].annotation
        assert isinstance(model, type) and issubclass(model, BaseModel)
        for name, info in model.model_fields.items():
            kinds.append((f"{section}.{name}", _kind(info.annotation)))
    return tuple(kinds)


def _kind(annotation: Any) -> Kind:
    options = [arg for arg in get_args(annotation) if arg is not type(None)] or [annotation]
    if get_origin(annotation) is list:
        options = [annotation]
    for option in options:
        if get_origin(option) is list:
            return "terms" if get_args(option)[0] is Term else "strings"
        if option is Term:
            return "term"
        if option is Peer:
            return "peer"
    return "scalar"


# --------------------------------------------------------------------------- comparing


def _items(value: Any, kind: Kind) -> set[Any] | None:
    """The scored items of a value: None for null, else a set (a scalar is a set of one)."""
    if value is None:
        return None
    if kind == "terms":
        return {item.get("id") if isinstance(item, dict) else item for item in value}
    if kind == "strings":
        return {json.dumps(item, ensure_ascii=False) for item in value}
    if kind == "term":
        return {value.get("id") if isinstance(value, dict) else json.dumps(value)}
    if kind == "peer":
        return {(value.get("percent"), value.get("bound")) if isinstance(value, dict) else json.dumps(value)}
    # A scalar keyed by its type too, so 1 != true and 2019 != "2019" (1 == 1.0 though).
    return {(_type_key(value), json.dumps(value, ensure_ascii=False))}


def _type_key(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "number"
    return type(value).__name__


def _scalar_value(value: Any) -> Any:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else value


def score_value(expected: Any, got: Any, kind: Kind) -> tuple[int, int, int]:
    """(tp, fp, fn) of one field of one document."""
    if kind == "scalar":
        expected, got = _scalar_value(expected), _scalar_value(got)
    want, have = _items(expected, kind), _items(got, kind)
    if want is None and have is None:
        return 0, 0, 0
    if want is None:
        return 0, max(len(have or ()), 1), 0
    if have is None:
        return 0, 0, max(len(want), 1)
    return len(want & have), len(have - want), len(want - have)


def _lookup(data: Any, path: str) -> tuple[bool, Any]:
    current = data
    for key in path.split("."):
        if not isinstance(current, dict) or key not in current:
            return False, None
        current = current[key]
    return True, current


def covering(record: dict[str, Any], path: str) -> tuple[str, ...]:
    """The codes of the warnings (and ``unmapped`` for unmapped entries) that cover ``path``."""
    codes = [str(w.get("code")) for w in record.get("warnings") or [] if _covers(str(w.get("field", "")), path)]
    if any(_covers(str(entry.get("field", "")), path) for entry in record.get("unmapped") or []):
        codes.append("unmapped")
    return tuple(dict.fromkeys(codes))


def _covers(warned: str, path: str) -> bool:
    if not warned:
        return False
    return warned == path or path.startswith((warned + ".", warned + "[")) or warned.startswith(path + "[")


# --------------------------------------------------------------------------- inputs


def find_truth_files(folders: Sequence[Path]) -> list[Path]:
    """Every ``X.expected.json`` under the folders (a file named directly is taken too)."""
    found: dict[Path, None] = {}
    for folder in folders:
        if folder.is_file() and folder.name.endswith(EXPECTED_SUFFIX):
            found[folder] = None
        elif folder.is_dir():
            found.update(dict.fromkeys(sorted(folder.rglob(f"*{EXPECTED_SUFFIX}"))))
        else:
            raise EvaluationError("no such folder", str(folder))
    if not found:
        raise EvaluationError(f"no *{EXPECTED_SUFFIX} truth files found",
                              ", ".join(map(str, folders)))  # fmt: skip
    return list(found)


def load_records(path: Path) -> list[dict[str, Any]]:
    """Records from a JSON Lines file, a JSON file (one record or a list), a folder of JSON
    files, or a batch output folder (its ``records.jsonl``, else its ``json/`` folder)."""
    if path.is_dir():
        if (path / "records.jsonl").is_file():
            return load_records(path / "records.jsonl")
        folder = path / "json" if (path / "json").is_dir() else path
        files = sorted(p for p in folder.glob("*.json") if not p.name.endswith(EXPECTED_SUFFIX))
        return [record for file in files for record in _read_json(file) if _is_record(record)]
    if not path.is_file():
        raise EvaluationError("no such file or folder", str(path))
    if path.suffix.lower() == ".jsonl":
        return list(_read_jsonl(path))
    records = [record for record in _read_json(path) if _is_record(record)]
    if not records:
        raise EvaluationError("no record in this file", str(path))
    return records


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    text = _read_text(path)
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise EvaluationError(f"line {number} is not JSON ({error.msg})", str(path)) from None
        if not _is_record(record):
            raise EvaluationError(f"line {number} is not a record (no source)", str(path))
        yield record


def _read_json(path: Path) -> list[Any]:
    try:
        data = json.loads(_read_text(path))
    except json.JSONDecodeError as error:
        raise EvaluationError(f"not JSON ({error.msg} at line {error.lineno})", str(path)) from None
    return data if isinstance(data, list) else [data]


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise EvaluationError(f"cannot read ({error})", str(path)) from None


def _is_record(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("source"), dict)


# --------------------------------------------------------------------------- evaluating


class _RecordIndex:
    def __init__(self, records: Iterable[dict[str, Any]]) -> None:
        self.by_name: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.by_sha: dict[str, dict[str, Any]] = {}
        self.by_stem: dict[str, dict[str, Any]] = {}
        for record in records:
            source = record["source"]
            self.by_name.setdefault((str(source.get("file")), str(source.get("format"))), []).append(record)
            self.by_sha.setdefault(str(source.get("sha256")), record)
            self.by_stem.setdefault(Path(str(source.get("file"))).stem, record)
        self.used: set[int] = set()

    def find(self, truth: dict[str, Any], truth_file: Path) -> dict[str, Any] | None:
        source = truth.get("source") or {}
        candidates = self.by_name.get((str(source.get("file")), str(source.get("format"))), [])
        same_bytes = [record for record in candidates if record["source"].get("sha256") == source.get("sha256")]
        chosen = same_bytes or candidates
        record = chosen[0] if chosen else self.by_sha.get(str(source.get("sha256")))
        if record is None and not source.get("file"):  # no source: the document beside the truth file
            record = self.by_stem.get(truth_file.name.removesuffix(EXPECTED_SUFFIX))
        if record is not None:
            self.used.add(id(record))
        return record


def evaluate(truth_dirs: Sequence[str | Path], records_path: str | Path) -> Evaluation:
    """Score the records against every truth file (see the module docstring)."""
    truth_files = find_truth_files([Path(folder) for folder in truth_dirs])
    records = load_records(Path(records_path))
    index = _RecordIndex(records)
    evaluation = Evaluation({path: FieldScore(path) for path, _ in field_kinds()}, truth_files=len(truth_files))
    for truth_file in truth_files:
        truth = _read_json(truth_file)[0]
        if not isinstance(truth, dict):
            raise EvaluationError("not a truth file (a JSON object)", str(truth_file))
        record = index.find(truth, truth_file)
        if record is None:
            evaluation.missing.append(str(truth_file))
        else:
            evaluation.matched += 1
        _score_document(evaluation, str(truth_file), truth, record)
    evaluation.unscored_records = sum(1 for record in records if id(record) not in index.used)
    return evaluation


def _score_document(evaluation: Evaluation, name: str, truth: dict[str, Any], record: dict[str, Any] | None) -> None:
    for path, kind in field_kinds():
        stated, expected = _lookup(truth, path)
        if not stated:
            continue
        got = _lookup(record, path)[1] if record is not None else None
        tp, fp, fn = score_value(expected, got, kind)
        score = evaluation.fields[path]
        score.documents += 1
        score.tp, score.fp, score.fn = score.tp + tp, score.fp + fp, score.fn + fn
        if record is None or not (fp or fn):
            continue
        covered_by = covering(record, path)
        score.wrong += 1
        score.silent += 0 if covered_by else 1
        evaluation.errors.append(FieldError(name, path, _shown(expected, kind), _shown(got, kind), covered_by))


def _shown(value: Any, kind: Kind) -> Any:
    """A value as the report shows it: ids for Terms, (percent, bound) for peers."""
    if value is None:
        return None
    if kind == "terms":
        return [item.get("id") if isinstance(item, dict) else item for item in value]
    if kind == "term" and isinstance(value, dict):
        return value.get("id")
    if kind == "peer" and isinstance(value, dict):
        return {"percent": value.get("percent"), "bound": value.get("bound")}
    return value

"""Golden fixtures: find ``X.<input>`` + ``X.expected.json`` pairs, compare, update.

Contract: ``compare(expected, got)`` lists every difference between what the expected file
states and the record (see fixtures/README.md: stated keys compare, lists by length and item,
scalars exactly). ``check_fixtures`` parses every pair; ``update=True`` rewrites each expected
file with the full record, the only way golden files change.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import SnapshotError
from ..export.records import record_json
from ..files import write_atomic
from ..pipeline import extract
from ..read import PdfOptions
from ..vocabulary import Vocabulary

EXPECTED_SUFFIX = ".expected.json"
INPUT_SUFFIXES = (".txt", ".md", ".pdf")
_MISSING = object()


@dataclass(frozen=True)
class Difference:
    path: str
    expected: Any
    got: Any

    def line(self) -> str:
        """The difference as ``check`` prints it: ``path: expected X, got Y`` (values as JSON)."""
        expected = json.dumps(self.expected, ensure_ascii=False)
        got = json.dumps(self.got, ensure_ascii=False)
        return f"{self.path}: expected {expected}, got {got}"


@dataclass(frozen=True)
class FixtureOutcome:
    input: Path
    expected_file: Path
    differences: tuple[Difference, ...]
    error: str | None = None
    seconds: float = 0.0  # how long the parse and compare took

    @property
    def ok(self) -> bool:
        return not self.differences and self.error is None

    def lines(self, updated: bool) -> list[str]:
        """What ``check`` prints for it: ``ok  X`` (``updated X``), or ``FAIL X`` and one line per
        difference or the reason it could not be read."""
        if self.ok:
            return [f"{'updated' if updated else 'ok'}  {self.input}"]
        reasons = [self.error] if self.error else [difference.line() for difference in self.differences]
        return [f"FAIL {self.input}", *(f"  {reason}" for reason in reasons)]


def compare(expected: Any, got: Any, path: str = "") -> list[Difference]:
    """Every difference between the values ``expected`` states and ``got``."""
    if isinstance(expected, dict):
        if not isinstance(got, dict):
            return [Difference(path or "$", expected, got)]
        differences = []
        for key, value in expected.items():
            child = f"{path}.{key}" if path else key
            if key not in got:
                differences.append(Difference(child, value, "<missing>"))
            else:
                differences.extend(compare(value, got[key], child))
        return differences
    if isinstance(expected, list):
        if not isinstance(got, list):
            return [Difference(path, expected, got)]
        if len(expected) != len(got):
            return [Difference(f"{path}", _summary(expected), _summary(got))]
        differences = []
        for index, (want, have) in enumerate(zip(expected, got, strict=True)):
            differences.extend(compare(want, have, f"{path}[{index}]"))
        return differences
    if expected != got or type(expected) is not type(got) and not _same_number(expected, got):
        return [Difference(path, expected, got)]
    return []


def _same_number(left: Any, right: Any) -> bool:
    numbers = (int, float)
    return isinstance(left, numbers) and isinstance(right, numbers) and not isinstance(left, bool) \
        and not isinstance(right, bool) and left == right


def _summary(items: list[Any]) -> list[Any]:
    return [item.get("id", item.get("text", item)) if isinstance(item, dict) else item for item in items]


def find_fixtures(root: Path) -> Iterator[tuple[Path, Path]]:
    """(input, expected file) pairs under ``root``, sorted by path."""
    for expected in sorted(root.rglob(f"*{EXPECTED_SUFFIX}")):
        stem = expected.name[: -len(EXPECTED_SUFFIX)]
        for suffix in INPUT_SUFFIXES:
            candidate = expected.with_name(stem + suffix)
            if candidate.exists():
                yield candidate, expected
                break


def check_fixture(
    source: Path, expected_file: Path, vocabulary: Vocabulary, options: PdfOptions, update: bool
) -> FixtureOutcome:
    started = time.monotonic()
    try:
        record = extract(source, vocabulary, options)
    except SnapshotError as error:
        return FixtureOutcome(source, expected_file, (), error.one_line(), time.monotonic() - started)
    if update:
        write_atomic(expected_file, record_json(record).encode("utf-8"))
        return FixtureOutcome(source, expected_file, (), seconds=time.monotonic() - started)
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    got = record.model_dump(mode="json")
    return FixtureOutcome(source, expected_file, tuple(compare(expected, got)), seconds=time.monotonic() - started)

"""Render a corpus: N documents (PDF + truth + design record), deterministic in the seed; a
document whose PDF does not print all of its truth, or prints a line over another, is redrawn from
the next attempt (and counted)."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .content import Content
from .render import Rendered, plan, render
from .space import PRODUCERS
from .verify import missing_values, overprinted

MAX_ATTEMPTS = 5
SOURCE_DATE_EPOCH = "1577836800"  # 2020-01-01, for every library that honours it


@dataclass(frozen=True)
class Made:
    name: str
    design: dict[str, str]
    features: dict[str, str]
    rejected: list[dict[str, Any]]  # earlier attempts whose PDF lost some truth


def features(content: Content) -> dict[str, str]:
    """Content facts reported like dimensions (what the page says, not how it looks)."""
    name = content.city.name
    kind = "punctuated" if re.search(r"[-' ’]", name) else ("accented" if not name.isascii() else "plain")
    term = content.overview.term or ""
    term_form = ("none" if not term else "since" if term.startswith("since") else "present" if "present" in term
                 else "to" if " to " in term else "spaced" if " " in term else "hyphen" if "-" in term else "dash")  # fmt: skip
    population = content.overview.population_text or ""
    pop_form = ("none" if not population else "million" if "million" in population else "comma" if "," in population
                else "dot" if "." in population.split(" ")[0] else "space" if re.match(r"\d+ \d", population)
                else "plain")  # fmt: skip
    return {"city_name": kind, "term_form": term_form, "population_form": pop_form}


def _attempt_index(index: int, attempt: int) -> int:
    return index if attempt == 0 else 1_000_000 * attempt + index


def make_document(seed: int, index: int, producers: tuple[str, ...], folder: Path) -> Made:
    """Render document ``index`` into ``folder`` (``<name>.pdf`` + ``<name>.expected.json``)."""
    os.environ["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    rejected: list[dict[str, Any]] = []
    for attempt in range(MAX_ATTEMPTS):
        try:
            made = render(seed, _attempt_index(index, attempt), producers)
        except Exception as error:  # noqa: BLE001 - a producer that cannot draw a design is reported
            layout = plan(seed, _attempt_index(index, attempt), producers)[0]
            rejected.append(
                {"attempt": attempt, "design": layout.as_dict(), "problem": f"render failed: {error!r}"[:300]}
            )
            continue
        problems = missing_values(made.pdf, made.truth, made.furniture) + overprinted(made.pdf)
        if not problems:
            _write(made, folder, index)
            return Made(_name(made, index), made.layout.as_dict(), features(made.content), rejected)
        rejected.append({"attempt": attempt, "design": made.layout.as_dict(), "problem": problems[:5]})
    raise RuntimeError(f"document {index}: no attempt printed all of its truth: {rejected}")


def _name(made: Rendered, index: int) -> str:
    return made.name if made.name.startswith(f"{index:04d}-") else f"{index:04d}" + made.name[made.name.index("-") :]


def _write(made: Rendered, folder: Path, index: int) -> None:
    name = _name(made, index)
    truth = dict(made.truth)
    truth["source"] = {**truth["source"], "file": f"{name}.pdf"}
    (folder / f"{name}.pdf").write_bytes(made.pdf)
    text = json.dumps(truth, ensure_ascii=False, indent=2) + "\n"
    (folder / f"{name}.expected.json").write_text(text, encoding="utf-8")


def make_corpus(seed: int, indices: list[int], producers: tuple[str, ...], folder: Path,
                jobs: int = 2) -> Iterator[Made]:  # fmt: skip
    """Render the documents (in ``jobs`` processes); yields them in index order."""
    folder.mkdir(parents=True, exist_ok=True)
    if jobs <= 1:
        for index in indices:
            yield make_document(seed, index, producers, folder)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(make_document, seed, i, producers, folder) for i in indices]
        for future in futures:
            yield future.result()


def all_producers(selected: str | None) -> tuple[str, ...]:
    if not selected:
        return PRODUCERS
    chosen = tuple(p.strip() for p in selected.split(",") if p.strip())
    unknown = [p for p in chosen if p not in PRODUCERS]
    if unknown:
        raise SystemExit(f"unknown producer(s) {', '.join(unknown)}; choose from {', '.join(PRODUCERS)}")
    return chosen

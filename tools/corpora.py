"""Corpora the bench and the memory probe build from the fixtures: copies, and text dumps with
their city renamed (documents no cache has seen, as a batch of real cities is)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from pathlib import Path

from snapshot_extract import extract

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def fixture_pdfs() -> list[Path]:
    return sorted((FIXTURES / "pdf").glob("*.pdf"))


def tool_dumps() -> list[Path]:
    """The dumps real tools made of the fixture PDFs (fixtures/dumps)."""
    return sorted(path for path in (FIXTURES / "dumps").glob("*") if path.suffix in (".txt", ".md"))


def sweep_pdfs() -> list[Path]:
    """The layout sweep's sample: PDFs nobody here designed (fixtures/sweep), if present."""
    return sorted((FIXTURES / "sweep").glob("**/*.pdf"))


def fixture_texts() -> list[Path]:
    return sorted([*(FIXTURES / "text").glob("*.txt"), *(FIXTURES / "text").glob("*.md")])


def build_corpus(sources: Sequence[Path], folder: Path, count: int) -> list[Path]:
    """``count`` documents in ``folder``: the sources cycled, hard-linked (copied if links fail)."""
    folder.mkdir(parents=True)
    made = []
    for index in range(count):
        source = sources[index % len(sources)]
        target = folder / f"{source.stem}-{index:05d}{source.suffix}"
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)
        made.append(target)
    return made


def renamed_corpus(sources: Sequence[Path], folder: Path, count: int, first: int = 0) -> list[Path]:
    """``count`` text dumps in ``folder``, each fixture with its city renamed ("Enschede" ->
    "Enschedeaab", a new name per document, numbered from ``first``): documents no cache has seen,
    as a batch of real cities is."""
    folder.mkdir(parents=True)
    cities = {source: extract(source).city for source in sources}
    made = []
    for index in range(first, first + count):
        source = sources[index % len(sources)]
        city = cities[source]
        assert city.name is not None and city.as_printed is not None, f"{source} names its city in a header"
        suffix = "".join(chr(97 + index // 26**place % 26) for place in (2, 1, 0))
        text = source.read_bytes().decode("utf-8").replace(city.as_printed, city.as_printed + suffix.upper())
        target = folder / f"{source.stem}-{index:05d}{source.suffix}"
        target.write_bytes(text.replace(city.name, city.name + suffix).encode("utf-8"))
        made.append(target)
    return made

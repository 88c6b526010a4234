"""What a snapshot PDF fixture is: the document it prints, how it is drawn, and its truth.

* ``Snapshot`` is the document in reading order (header, Overview lines, ``Section``s of
  ``Para``/``Bullets``/``Tiles``/``Grid`` blocks): what the renderers draw; markup in printed
  strings is ``**bold**`` only;
* ``Style`` (with ``GridStyle``) is how a renderer draws it; nothing in it changes a value;
* ``CityFixture`` bundles both with ``truth``, the expected record of the truth-file
  conventions in ``fixtures/README.md`` without ``source`` (which depends on the written bytes;
  ``expected_record`` adds it).

``fixture_builder`` makes ``CityFixture``s so that the document and its truth come from the same
calls; ``fixture_cities`` builds the fixture cities with it from their data files.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

JsonDict = dict[str, Any]

SECTION_KEYS = (
    "organisation", "spotlight", "vision", "approach", "partnerships",
    "funding", "impact", "data", "outcomes",
)


# --------------------------------------------------------------------------- document


@dataclass(frozen=True)
class Para:
    markup: str


@dataclass(frozen=True)
class Bullets:
    texts: tuple[str, ...]
    kind: Literal["bullet", "check"] = "bullet"
    bold: tuple[bool, ...] = ()
    separator: str = ""  # printed after every item but the last (";"), the last gets "."


@dataclass(frozen=True)
class Tiles:
    texts: tuple[str, ...]


@dataclass(frozen=True)
class Grid:
    texts: tuple[str, ...]
    sufficient: tuple[bool, ...]


Block = Para | Bullets | Tiles | Grid


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class OverviewLine:
    label: str
    value: str
    urls: tuple[str, ...] = ()


@dataclass(frozen=True)
class Snapshot:
    """What a snapshot prints, in reading order."""

    name: str
    as_printed: str
    country: str
    overview: tuple[OverviewLine, ...]
    sections: tuple[Section, ...]


# --------------------------------------------------------------------------- style


@dataclass(frozen=True)
class GridStyle:
    """How the outcomes grid says "with / without sufficient data" (colour + legend only)."""

    coding: Literal["fill", "text"]
    with_colour: str
    without_colour: str
    legend: Literal["above", "below"]
    swatch: Literal["square", "bar", "circle"]
    columns: int
    neutral_fill: str | None = None  # text coding: one fill shared by every cell, or none
    rounded: bool = True  # rounded cells are curves (pdfplumber ``curves``), square ones rects


@dataclass(frozen=True)
class Style:
    producer: Literal["reportlab", "weasyprint"]
    page_size: Literal["A4", "Letter"]
    columns: Literal[1, 2]
    font: str
    bullets: Literal["unicode", "zapf"]
    justify: bool
    ligatures: Literal["none", "font", "codepoint"]
    heading_case: Literal["sentence", "title", "upper"]
    page_two: str  # key of the section that starts page 2
    accent: str
    tile_colour: str
    grid: GridStyle
    american: bool = False  # "organizational"
    curly: bool = False  # "city’s"
    numbered: bool = False  # "1. What is ..."
    question_mark: bool = True
    header_lines: Literal[1, 2] = 1
    footer: str | None = None
    page_number: str = "{page}"  # "{page}", "Page {page} of {pages}", "{page} / {pages}"
    hyphen_char: str = "\u2010"  # weasyprint's hyphenate-character
    colour_space: Literal["rgb", "cmyk"] = "rgb"
    glyphs: tuple[str, str, str] | None = None  # (overview marker, bullet, check); None = default


# --------------------------------------------------------------------------- fixture


@dataclass(frozen=True)
class CityFixture:
    slug: str
    snapshot: Snapshot
    style: Style
    truth: JsonDict
    notes: tuple[str, ...] = ()

    @property
    def file_name(self) -> str:
        return f"{self.slug}.pdf"


def plain(markup: str) -> str:
    """Markup -> the text a reader sees (bold marks gone, whitespace folded)."""
    return " ".join(markup.replace("**", "").split())


def expected_record(fixture: CityFixture, sha256: str, pages: int) -> JsonDict:
    """The truth file: ``truth`` with ``source`` for the written bytes, keys in record order."""
    source = {"file": fixture.file_name, "sha256": sha256, "format": "pdf", "pages": pages}
    truth = fixture.truth
    return {"schema_version": truth["schema_version"], "source": source,
            **{key: value for key, value in truth.items() if key != "schema_version"}}

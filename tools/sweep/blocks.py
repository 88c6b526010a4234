"""The printed document as producer-neutral blocks: what every producer module renders."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Run:
    """A stretch of text in one style; ``soft`` marks where a hyphen may break it (U+00AD inside)."""

    text: str
    bold: bool = False
    colour: str | None = None


Para = tuple[Run, ...]


@dataclass(frozen=True)
class Heading:
    key: str  # section key ("overview", "organisation", ...)
    text: str


@dataclass(frozen=True)
class Paragraph:
    runs: Para
    continues: bool = False  # the second half of a paragraph a page break cut
    cut: bool = False  # the first half of a paragraph a page break cut
    small: bool = False


@dataclass(frozen=True)
class Bullets:
    items: tuple[Para, ...]
    marker: str  # "glyph", "vector_disc", "vector_square", "none"
    glyph: str  # the glyph when marker == "glyph"
    continues: bool = False  # the rest of a list a page break cut


@dataclass(frozen=True)
class Pairs:
    """The overview: label -> printed values (several websites are several values)."""

    rows: tuple[tuple[str, tuple[str, ...]], ...]
    form: str  # "bullets", "lines", "table", "value_below"
    inline_join: str  # how several values share one line ("" = one per line)
    colon: bool  # "Mayor:" or "Mayor"
    marker: str
    glyph: str


@dataclass(frozen=True)
class Tiles:
    labels: tuple[tuple[str, ...], ...]  # each tile's lines
    form: str  # "side_by_side", "stacked", "plain"
    size: float  # font size (points) that keeps the longest word inside a tile


@dataclass(frozen=True)
class Grid:
    intro: Para
    cells: tuple[tuple[tuple[str, ...], bool], ...]  # (lines, with sufficient data)
    columns: int
    style: str  # "fill_gap", "bordered", "text_colour", "marker"
    legend: str  # "above", "below", "right", "in_sentence"
    swatch: str  # "square", "circle", "bar"
    colours: tuple[str, str]  # (with, without)
    nowrap: bool
    span: bool  # across all text columns
    legend_labels: tuple[str, str]
    size: float  # cell font size (points)


@dataclass(frozen=True)
class Spotlight:
    kicker: str | None  # "SPOTLIGHT" above the title (stacked form)
    title: str  # the whole title line as printed ("Spotlight | X" or "X")
    paragraphs: tuple[Para, ...]
    form: str  # "box", "sidebar", "float", "plain"


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | Bullets | Pairs | Tiles | Grid | Spotlight | PageBreak


@dataclass(frozen=True)
class Header:
    kicker: str
    city_line: str
    arrangement: str  # "one_line", "banner", "stacked_small_gap", "stacked_large_gap", "city_above"
    repeat: str  # "page1_only", "repeated", "shortened"
    short: str  # the page-2 form when shortened


@dataclass(frozen=True)
class Style:
    """Visual noise that is not a dimension: colours, sizes, margins, font names."""

    accent: str
    tint: str
    body_size: float
    margin_mm: float
    column_gap_mm: float
    font_family: str  # a family name the producer can resolve
    font_files: tuple[str, str]  # (regular, bold) TrueType paths; ("", "") for standard 14 fonts
    grid_gap: float
    justify: bool
    footer_text: str


@dataclass(frozen=True)
class Document:
    header: Header
    blocks: tuple[Block, ...]
    style: Style
    page: tuple[float, float]  # points
    columns: int
    balance: str
    furniture: str
    lang: str = "en"
    notes: dict[str, str] = field(default_factory=dict)

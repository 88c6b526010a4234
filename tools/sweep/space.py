"""The layout space: named dimensions, each sampled independently per document from a seeded
generator, then adjusted only where a producer cannot draw a value or a value would make an
implausible page (both adjustments are recorded: the reported value is the one printed)."""

from __future__ import annotations

import random
from dataclasses import dataclass

PRODUCERS = ("reportlab", "weasyprint", "chromium", "pymupdf", "fpdf2")


@dataclass(frozen=True)
class Dimension:
    name: str
    values: tuple[str, ...]
    weights: tuple[float, ...] | None = None
    doc: str = ""


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension("producer", PRODUCERS, doc="PDF producer"),
    Dimension(
        "page",
        ("a4_portrait", "letter_portrait", "a4_landscape", "letter_landscape", "a5_portrait"),
        doc="size and orientation; A5 never has 3 columns",
    ),
    Dimension("columns", ("1", "2", "3"), doc="text columns"),
    Dimension(
        "balance", ("balanced", "fill_first"), doc="column balance (ReportLab: balanced when a grid spans the columns)"
    ),
    Dimension(
        "text_size",
        ("small", "medium", "large"),
        doc="body 8 / 9.5 / 11 pt (±0.5, smaller on A5 and in 3 portrait columns)",
    ),
    Dimension(
        "font",
        ("base14", "ttf_sans", "ttf_serif", "cjk"),
        doc="standard 14 (not in the HTML producers) / embedded TrueType / CJK font (WenQuanYi, Noto CJK)",
    ),
    Dimension(
        "header",
        ("one_line", "banner", "stacked_small_gap", "stacked_large_gap", "city_above"),
        doc="page-1 header: kicker and 'CITY, Country'",
    ),
    Dimension(
        "header_case",
        ("upper_city", "title_city", "upper_all", "lower_kicker"),
        doc="upper_all upper-cases the country too",
    ),
    Dimension("header_repeat", ("page1_only", "repeated", "shortened"), doc="running head on later pages"),
    Dimension("heading_case", ("sentence", "upper", "title"), doc="also the spotlight title (upper)"),
    Dimension("heading_numbering", ("none", "dotted", "q_prefix"), doc="'1. ' or 'Q1 ' before the questions"),
    Dimension(
        "heading_wording",
        ("canonical", "variant", "short"),
        doc="variant: the spellings docs/record.md allows; short: rewordings ('Funding for innovation') beyond them",
    ),
    Dimension(
        "marker",
        ("glyph", "vector_disc", "vector_square", "none"),
        doc="list markers: a glyph (ZapfDingbats with standard 14) or a drawn shape or nothing",
    ),
    Dimension("emphasis", ("none", "bold", "colour"), doc="key phrases in sentences bold or coloured"),
    Dimension("overview_form", ("bullets", "lines", "table", "value_below"), doc="overview label/value pairs"),
    Dimension("websites", ("stacked", "inline", "single", "none"), doc="several one per line, on one line, one, none"),
    Dimension(
        "list_form",
        ("as_real", "all_bulleted", "all_inline", "mixed"),
        doc="which vocabulary lists are bullets and which inline sentences",
    ),
    Dimension("tiles_form", ("side_by_side", "stacked", "plain"), doc="priority policy areas"),
    Dimension("tiles_count", ("1", "2", "3")),
    Dimension("tile_wrap", ("natural", "explicit"), doc="explicit: a designer's line break inside the label"),
    Dimension(
        "spotlight_form",
        ("box", "sidebar", "float", "plain", "none"),
        doc="float needs a 300 pt column and is not in PyMuPDF; none = section missing",
    ),
    Dimension(
        "spotlight_title", ("pipe", "dash", "colon", "stacked"), doc="'Spotlight \\| X', '– X', ': X', kicker above"
    ),
    Dimension(
        "grid_style",
        ("fill_gap", "bordered", "text_colour", "marker"),
        doc="filled cells apart by white gaps only / bordered table / coloured text / coloured marker",
    ),
    Dimension("grid_columns", ("3", "4", "5")),
    Dimension("grid_cells", ("12-14", "15-17", "18-20"), doc="count sampled in the range"),
    Dimension("grid_label_wrap", ("natural", "explicit", "nowrap"), doc="nowrap falls back to natural below 6.5 pt"),
    Dimension("grid_span", ("full", "column"), doc="grid across the text columns or in one"),
    Dimension(
        "legend_position", ("above", "below", "right", "in_sentence"),
        doc="in_sentence: the phrases are coloured; right is below in PyMuPDF (Story squeezes a grid nested beside it)"
    ),
    Dimension("legend_swatch", ("square", "circle", "bar")),
    Dimension("hyphenation", ("off", "auto", "justified"), doc="soft hyphens in prose (pyphen en_GB)"),
    Dimension(
        "page_break",
        ("natural", "section", "mid_sentence", "mid_list", "intro_list"),
        doc="where page 2 starts (forced; an overflowing page 1 breaks earlier too)",
    ),
    Dimension("furniture", ("none", "page_number", "page_x_of_y", "footer", "footer_number"), doc="page furniture"),
    Dimension(
        "missing",
        ("none", "partnerships", "impact", "data", "outcomes"),
        (0.6, 0.1, 0.1, 0.1, 0.1),
        doc="a section left out (truth: null/[] + missing_section)",
    ),
    Dimension("unmapped", ("none", "one", "several"), (0.6, 0.3, 0.1), doc="items in no vocabulary group"),
)
NAMES = tuple(d.name for d in DIMENSIONS)

# Values a producer cannot draw (replaced by another value of the same dimension).
UNSUPPORTED: dict[str, dict[str, tuple[str, ...]]] = {
    "weasyprint": {"font": ("base14",)},
    "chromium": {"font": ("base14",)},
    "pymupdf": {"spotlight_form": ("float",)},
}


@dataclass(frozen=True)
class Layout:
    """One document's design: a value for every dimension (strings, as reported)."""

    values: tuple[tuple[str, str], ...]

    def __getitem__(self, name: str) -> str:
        for key, value in self.values:
            if key == name:
                return value
        raise KeyError(name)

    def number(self, name: str) -> int:
        return int(self[name].split("-")[0])

    def as_dict(self) -> dict[str, str]:
        return dict(self.values)

    def with_value(self, name: str, value: str) -> Layout:
        return Layout(tuple((k, value if k == name else v) for k, v in self.values))


def sample_layout(
    rng: random.Random, producers: tuple[str, ...] = PRODUCERS, overrides: dict[str, str] | None = None
) -> Layout:
    """Every dimension drawn independently, then made drawable and plausible (``overrides``
    pins values, for debugging one design)."""
    chosen: dict[str, str] = {}
    for dim in DIMENSIONS:
        values = producers if dim.name == "producer" else dim.values
        weights = None if dim.name == "producer" else dim.weights
        chosen[dim.name] = rng.choices(values, weights=weights)[0]
    chosen.update(overrides or {})
    return _adjust(rng, chosen)


def _adjust(rng: random.Random, chosen: dict[str, str]) -> Layout:
    for name, banned in UNSUPPORTED.get(chosen["producer"], {}).items():
        if chosen[name] in banned:
            dim = next(d for d in DIMENSIONS if d.name == name)
            chosen[name] = rng.choice([v for v in dim.values if v not in banned])
    if chosen["page"] == "a5_portrait" and chosen["columns"] == "3":
        chosen["columns"] = "2"  # three columns of 40 mm on A5 is not a plausible page
    if chosen["spotlight_form"] == "float" and chosen["columns"] == "3":
        chosen["spotlight_form"] = "box"  # a float needs a wide column
    return Layout(tuple((dim.name, chosen[dim.name]) for dim in DIMENSIONS))


def grid_cell_count(rng: random.Random, layout: Layout) -> int:
    low, high = (int(x) for x in layout["grid_cells"].split("-"))
    return rng.randint(low, high)

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
    Dimension("page", ("a4_portrait", "letter_portrait", "a4_landscape", "letter_landscape", "a5_portrait")),
    Dimension("columns", ("1", "2", "3"), doc="text columns"),
    Dimension("balance", ("balanced", "fill_first"), doc="column balance"),
    Dimension("text_size", ("small", "medium", "large")),
    Dimension("font", ("base14", "ttf_sans", "ttf_serif", "cjk"), doc="standard 14 / TrueType / CJK-capable"),
    Dimension("header", ("one_line", "banner", "stacked_small_gap", "stacked_large_gap", "city_above")),
    Dimension("header_case", ("upper_city", "title_city", "upper_all", "lower_kicker")),
    Dimension("header_repeat", ("page1_only", "repeated", "shortened")),
    Dimension("heading_case", ("sentence", "upper", "title")),
    Dimension("heading_numbering", ("none", "dotted", "q_prefix")),
    Dimension("heading_wording", ("canonical", "variant", "short")),
    Dimension("marker", ("glyph", "vector_disc", "vector_square", "none"), doc="list item markers"),
    Dimension("emphasis", ("none", "bold", "colour"), doc="key phrases in sentences"),
    Dimension("overview_form", ("bullets", "lines", "table", "value_below")),
    Dimension("websites", ("stacked", "inline", "single", "none")),
    Dimension("list_form", ("as_real", "all_bulleted", "all_inline", "mixed")),
    Dimension("tiles_form", ("side_by_side", "stacked", "plain")),
    Dimension("tiles_count", ("1", "2", "3")),
    Dimension("tile_wrap", ("natural", "explicit")),
    Dimension("spotlight_form", ("box", "sidebar", "float", "plain", "none")),
    Dimension("spotlight_title", ("pipe", "dash", "colon", "stacked")),
    Dimension("grid_style", ("fill_gap", "bordered", "text_colour", "marker")),
    Dimension("grid_columns", ("3", "4", "5")),
    Dimension("grid_cells", ("12-14", "15-17", "18-20")),
    Dimension("grid_label_wrap", ("natural", "explicit", "nowrap")),
    Dimension("grid_span", ("full", "column")),
    Dimension("legend_position", ("above", "below", "right", "in_sentence")),
    Dimension("legend_swatch", ("square", "circle", "bar")),
    Dimension("hyphenation", ("off", "auto", "justified")),
    Dimension("page_break", ("natural", "section", "mid_sentence", "mid_list", "intro_list")),
    Dimension("furniture", ("none", "page_number", "page_x_of_y", "footer", "footer_number")),
    Dimension("missing", ("none", "partnerships", "impact", "data", "outcomes"), (0.6, 0.1, 0.1, 0.1, 0.1)),
    Dimension("unmapped", ("none", "one", "several"), (0.6, 0.3, 0.1)),
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

"""Visual noise sampled per document (colours, sizes, margins, font files): not dimensions,
but never the same twice, so no reader can come to rely on one value."""

from __future__ import annotations

import random

from .blocks import Style

TT = "/usr/share/fonts/truetype"
FAMILIES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "ttf_sans": (("Liberation Sans", f"{TT}/liberation/LiberationSans-Regular.ttf",
                  f"{TT}/liberation/LiberationSans-Bold.ttf"),
                 ("DejaVu Sans", f"{TT}/dejavu/DejaVuSans.ttf", f"{TT}/dejavu/DejaVuSans-Bold.ttf"),
                 ("FreeSans", f"{TT}/freefont/FreeSans.ttf", f"{TT}/freefont/FreeSansBold.ttf")),
    "ttf_serif": (("Liberation Serif", f"{TT}/liberation/LiberationSerif-Regular.ttf",
                   f"{TT}/liberation/LiberationSerif-Bold.ttf"),
                  ("DejaVu Serif", f"{TT}/dejavu/DejaVuSerif.ttf", f"{TT}/dejavu/DejaVuSerif-Bold.ttf"),
                  ("FreeSerif", f"{TT}/freefont/FreeSerif.ttf", f"{TT}/freefont/FreeSerifBold.ttf")),
    "cjk": (("WenQuanYi Zen Hei", f"{TT}/wqy/wqy-zenhei.ttc", f"{TT}/wqy/wqy-zenhei.ttc"),),
    "base14": (("Helvetica", "", ""), ("Times-Roman", "", "")),
}  # fmt: skip
HTML_CJK = ("Noto Sans CJK SC", "WenQuanYi Zen Hei")
SYMBOL_FONT = f"{TT}/dejavu/DejaVuSans.ttf"
ACCENTS = ("#1f3864", "#0e6655", "#7b241c", "#154360", "#512e5f", "#b9770e", "#2c3e50", "#006d77")
TINTS = ("#eef3f8", "#f4f6f6", "#fdf2e9", "#eaf2f8", "#f5eef8", "#fef9e7", "#f2f3f4")
FOOTERS = ("Source: OECD (2019), Survey on Innovation Capacity in Cities.",
           "OECD / Bloomberg Philanthropies - City Innovation Snapshots (2020)",
           "Based on the 2018 Survey on Innovation Capacity in Cities")  # fmt: skip
SIZES = {"small": 8.0, "medium": 9.5, "large": 11.0}


def charset_of(producer: str, font: str) -> str:
    """What the document's text fonts can print (see ``content.encodable``)."""
    if font == "cjk" and producer in ("reportlab", "fpdf2", "pymupdf"):
        return f"font:{FAMILIES['cjk'][0][1]}"
    if font != "base14":
        return "unicode"
    return {"fpdf2": "latin-1", "reportlab": "cp1252"}.get(producer, "unicode")


def sample_style(rng: random.Random, layout: dict[str, str]) -> Style:
    family, regular, bold = rng.choice(FAMILIES[layout["font"]])
    if layout["font"] == "cjk" and layout["producer"] in ("weasyprint", "chromium"):
        family = rng.choice(HTML_CJK)
    size = SIZES[layout["text_size"]] + rng.choice((-0.5, 0.0, 0.5))
    if layout["page"].startswith("a5"):
        size -= 1.0
    if layout["columns"] == "3" and "portrait" in layout["page"]:
        size = min(size, 8.5)
    return Style(
        accent=rng.choice(ACCENTS), tint=rng.choice(TINTS), body_size=size,
        margin_mm=rng.choice((12.0, 15.0, 18.0, 20.0)), column_gap_mm=rng.choice((5.0, 7.0, 10.0)),
        font_family=family, font_files=(regular, bold), grid_gap=rng.choice((2.0, 3.0, 5.0)),
        justify=layout["hyphenation"] == "justified", footer_text=rng.choice(FOOTERS),
    )  # fmt: skip

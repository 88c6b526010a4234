"""What both fixture renderers share: printed headings, glyphs, body-text transforms, colours.

Nothing here changes what a value *is*: heading case and spelling, bullet glyphs and ligature
code points are presentation, which the truth never sees (ligature code points are the one
presentation choice a reader must undo: U+FB01/U+FB02 stand for "fi"/"fl").
"""

from __future__ import annotations

import html
import re

from .fixture_model import Section, Style

SNAPSHOT_TITLE = "City Innovation Snapshot"
LEGEND_WITH = "With sufficient data"
LEGEND_WITHOUT = "Without sufficient data"
DEFAULT_GLYPHS = {"unicode": ("▶", "•", "✓"), "zapf": ("➤", "●", "✔")}
_SMALL_WORDS = {"the", "a", "an", "of", "and", "in", "to"}


def glyphs(style: Style) -> tuple[str, str, str]:
    """(overview marker, list bullet, check-mark bullet) as Unicode characters."""
    return style.glyphs or DEFAULT_GLYPHS[style.bullets]


def title_case(text: str) -> str:
    words = text.split(" ")
    return " ".join(word if index and word in _SMALL_WORDS else word[:1].upper() + word[1:]
                    for index, word in enumerate(words))


def heading_text(section: Section, style: Style, number: int) -> str:
    """The heading as this city prints it; the Spotlight title is printed as written."""
    if section.key == "spotlight":
        return section.heading
    text = section.heading
    if style.american:
        text = text.replace("organisational", "organizational")
    if style.curly:
        text = text.replace("'", "\u2019")
    if not style.question_mark:
        text = text.rstrip("?")
    if style.heading_case == "title":
        text = title_case(text)
    elif style.heading_case == "upper":
        text = text.upper()
    return f"{number}. {text}" if style.numbered else text


def question_numbers(sections: tuple[Section, ...]) -> dict[str, int]:
    """Question sections numbered in printed order (the Spotlight is not a question)."""
    keys = [section.key for section in sections if section.key != "spotlight"]
    return {key: index for index, key in enumerate(keys, start=1)}


def body_text(text: str, style: Style) -> str:
    """Printed body text: ``codepoint`` ligature styles print fi/fl as U+FB01/U+FB02."""
    if style.ligatures == "codepoint":
        return text.replace("fi", "\ufb01").replace("fl", "\ufb02")
    return text


def markup_to_tags(markup: str, style: Style, bold_tag: str) -> str:
    """``**bold**`` markup -> escaped text with ``<bold_tag>`` runs (reportlab ``b``, HTML
    ``strong``)."""
    escaped = html.escape(body_text(markup, style), quote=False)
    return re.sub(r"\*\*(.+?)\*\*", rf"<{bold_tag}>\1</{bold_tag}>", escaped)


def page_label(style: Style, page: int, pages: int) -> str:
    return style.page_number.format(page=page, pages=pages)


def header_line(as_printed: str, country: str) -> str:
    return f"{as_printed}, {country}"


def rgb(hex_colour: str) -> tuple[float, float, float]:
    value = hex_colour.lstrip("#")
    red, green, blue = (int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return red, green, blue


def tint(hex_colour: str, amount: float) -> str:
    """Mix ``hex_colour`` with white: ``amount`` 0 keeps it, 1 gives white."""
    mixed = (round((c + (1 - c) * amount) * 255) for c in rgb(hex_colour))
    return "#" + "".join(f"{c:02x}" for c in mixed)


def is_dark(hex_colour: str) -> bool:
    red, green, blue = rgb(hex_colour)
    return 0.299 * red + 0.587 * green + 0.114 * blue < 0.6


def grid_rows(count: int, columns: int) -> list[tuple[int, ...]]:
    """Indexes of ``count`` cells laid out row-major in rows of ``columns``."""
    return [tuple(range(start, min(start + columns, count))) for start in range(0, count, columns)]

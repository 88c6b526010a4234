"""Sections: ``Document`` -> ``Sections``.

Contract: page furniture is removed wherever it falls (``header``: the page header, whose first
occurrence naming a known country becomes ``Sections.header``, page numbers, running footers; a
page whose reading order holds no header may print it turned, up a margin: ``Document.turned``); the
document is cut at its headings (``headings``); the lines between headings are grouped into ``Block``s, and blocks
whose content unambiguously belongs to another section are moved there, each move recorded in
``Sections.moves`` (``blocks``). Nothing here interprets values.
"""

from __future__ import annotations

from ..models import Document, Sections
from ..vocabulary import Vocabulary
from .blocks import group_blocks, wrap_width
from .header import find_furniture, header_cities, main_header
from .heading_table import match_heading
from .headings import split_at_headings
from .relocate import SECTION_KEYS, relocate


def detect_sections(document: Document, vocabulary: Vocabulary | None = None) -> Sections:
    """Split a ``Document`` into canonical sections (see the module docstring); ``vocabulary``
    tells a dump's list items from its prose where no blank line or glyph does."""
    term_groups = vocabulary.groups_of if vocabulary is not None else None
    furniture = find_furniture(document.lines, term_groups)
    content = [line for index, line in enumerate(document.lines) if index not in furniture.lines]
    opened = list(split_at_headings(content, term_groups))
    sections, preamble, moves = relocate(opened, wrap_width(content), term_groups)
    headers = furniture.headers or find_furniture(document.turned).headers  # a header printed up a margin
    header = main_header(headers, content)
    return Sections(header, sections, preamble, moves, header_cities(headers, content))


__all__ = ["SECTION_KEYS", "detect_sections", "group_blocks", "match_heading"]

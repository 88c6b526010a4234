"""Types that cross stage boundaries, and nothing else.

Data flows one way, and so do these types:

    read -> ``Document`` (``Line``s, ``Swatch``es) -> sections -> ``Sections`` (``Section``s of
    ``Block``s) -> fields -> ``FieldResult``s (values with ``Evidence``) -> record -> ``Record``

The stage types (``stages``) are plain immutable named tuples and dataclasses; the ``Record`` of
the spec (``schema``: ``docs/record.md``, schema version 1) is a tree of strict, frozen pydantic
models, validated once per document, whose fields declare their meaning and vocabulary group
(``record_fields``). ``Warning`` is the one warning type of every stage.
"""

from .schema import (
    SCHEMA_VERSION,
    SECTIONS,
    Approach,
    City,
    DataUse,
    FieldSpec,
    Funding,
    Impact,
    Organisation,
    Outcomes,
    Overview,
    Partnerships,
    Peer,
    Provenance,
    Record,
    Source,
    Spotlight,
    Term,
    Unmapped,
    Vision,
    Warning,
    model_field_specs,
    record_fields,
    vocabulary_group,
)
from .stages import (
    MAX_ITEM_LINE,
    PAPER,
    RGB,
    BBox,
    Block,
    Document,
    Evidence,
    FieldResult,
    Header,
    Line,
    Move,
    OcrDoubt,
    PdfOptions,
    Section,
    Sections,
    SourceInfo,
    Stray,
    Swatch,
)

__all__ = [
    "Approach",
    "BBox",
    "Block",
    "City",
    "DataUse",
    "Document",
    "Evidence",
    "FieldResult",
    "FieldSpec",
    "Funding",
    "Header",
    "Impact",
    "Line",
    "MAX_ITEM_LINE",
    "Move",
    "OcrDoubt",
    "Organisation",
    "Outcomes",
    "Overview",
    "PAPER",
    "Partnerships",
    "PdfOptions",
    "Peer",
    "Provenance",
    "RGB",
    "Record",
    "SCHEMA_VERSION",
    "SECTIONS",
    "Section",
    "Sections",
    "Source",
    "SourceInfo",
    "Stray",
    "Spotlight",
    "Swatch",
    "Term",
    "Unmapped",
    "Vision",
    "Warning",
    "model_field_specs",
    "record_fields",
    "vocabulary_group",
]

"""Record: ``Sections`` + field results -> a validated ``Record`` (docs/record.md, schema 1).

Contract: takes every section mapper's result, adds the document-level warnings (``missing_section``,
``unparsed_text`` for every block no mapper consumed, ``city_name_from_header``,
``unknown_country``), gathers provenance for every value, and validates the whole through the
pydantic ``Record``. Warnings are sorted by (field, code); provenance by path. Run metadata
(time, versions, machine) never enters the record, so the same input gives the same record.
"""

from __future__ import annotations

import re
from typing import Any

from .fields.labels import only_addresses
from .fields.overview import labelled_paths
from .models import Document, Evidence, FieldResult, Record, Sections, Unmapped, Warning, record_fields
from .ocr_doubts import flag_doubts
from .record_city import city_from_body, city_of
from .sections import SECTION_KEYS
from .vocabulary import Match, Vocabulary


def _document_warnings(sections: Sections, results: dict[str, FieldResult], vocabulary: Vocabulary) -> list[Warning]:
    warnings: list[Warning] = []
    for key in SECTION_KEYS:
        section = sections.get(key)
        if section is None:
            warnings.append(Warning(field=key, code="missing_section", message=f"the document has no {key} section"))
            continue
        if not section.blocks:
            warnings.append(Warning(field=key, code="not_found",
                                    message=f"the {key} heading was read with nothing under it: its text may be "
                                            "printed elsewhere in the document"))
        used = results[key].used
        for index, block in enumerate(section.blocks):
            if (index, None) in used:
                continue
            warnings.extend(warning for sentence in block.sentences if (index, sentence) not in used
                            for warning in _unparsed_warnings(key, sentence, sections, vocabulary))
    spotlight = sections.get("spotlight")
    for block in spotlight.blocks[1:] if spotlight is not None else ():  # its text reads every block
        if not _is_prose(block.text):  # a list's items the reading order put after the spotlight's text
            warnings.extend(Warning(field=path, code="unparsed_text",
                                    message=f'a line of the spotlight that is no sentence reads as an item of this '
                                            f'list: "{_excerpt(block.text)}"')
                            for path in _likely_lists(block.text, "spotlight", vocabulary))
    for block in sections.preamble:
        warnings.append(Warning(field="document", code="unparsed_text",
                                message=f'text outside any section: "{_excerpt(block.text)}"'))
    return warnings


_ADDRESS_START_RE = re.compile(r"(?:https?://|www\.)\S")  # a line that opens with a web address


def _unparsed_warnings(key: str, sentence: str, sections: Sections, vocabulary: Vocabulary) -> list[Warning]:
    """A sentence of section ``key`` no mapper read: flagged on the section; running text outside
    the spotlight also on ``spotlight.text``; a line that reads as a list's item on that list; a
    line that is or opens with a web address, outside the Overview, on ``overview.websites``."""
    warnings = [Warning(field=key, code="unparsed_text", message=f'text not understood: "{_excerpt(sentence)}"')]
    if key != "spotlight" and "spotlight" in sections.sections and _is_prose(sentence):
        warnings.append(Warning(field="spotlight.text", code="unparsed_text",
                                message=f'a sentence of the {key} section no reader understood may '
                                        f'be the spotlight\'s: "{_excerpt(sentence)}"'))
    warnings.extend(Warning(field=path, code="unparsed_text",
                            message=f'a line of the {key} section no reader understood reads as an '
                                    f'item of this list: "{_excerpt(sentence)}"')
                    for path in _likely_lists(sentence, key, vocabulary))
    if key != "overview" and (only_addresses(sentence) or _ADDRESS_START_RE.match(sentence)):  # put elsewhere
        warnings.append(Warning(field="overview.websites", code="not_found",
                                message=f'a web address printed in the {key} section was not read: '
                                        f'"{_excerpt(sentence)}"'))
    return warnings


def _interleaving_warnings(document: Document, sections: Sections, results: dict[str, FieldResult]) -> list[Warning]:
    """Where a dump printed a line of each of two columns as one line (``Line.mixed``): each
    section holding such a line, or that the section stage moved text into or out of (its guess
    of where the text belongs), may hold the other column's text (``mixed_columns``), and a value
    the document seems to lack may be printed in the other column, read into another section
    (``not_found``). In a PDF, a mixed line is printed over another: only the sections holding
    one are flagged. Nothing when no line was mixed."""
    if not any(line.mixed for line in document.lines):
        return []
    warnings: list[Warning] = []
    moved = {key for move in sections.moves for key in (move.from_key, move.to_key)}
    dump = document.source.format == "text"
    for key, section in sections.sections.items():
        lines = [line for block in section.blocks for line in block.lines]
        if section.heading_line is not None:
            lines.append(section.heading_line)
        if any(line.mixed for line in lines):
            warnings.append(Warning(field=key, code="mixed_columns", message=(
                "lines of two columns were printed as one line here: this section may hold text of the column "
                "beside it" if dump else "text is printed over other text here (a box or float set over it): "
                "this section's text may hold the other's words")))
        elif not dump:
            continue
        elif key in moved:
            warnings.append(Warning(field=key, code="mixed_columns",
                                    message="text was moved into or out of this section by what it says, in a dump "
                                            "that interleaves two columns: this section may hold the other's text"))
    if not dump:  # a PDF: its other sections were read in their own places
        return warnings
    values = {path: value for result in results.values() for path, value in result.values.items()}
    for spec in record_fields():
        if spec.path.split(".")[0] in sections.sections and values.get(spec.path) in (None, []):
            warnings.append(Warning(field=spec.path, code="not_found",
                                    message="not found; the dump interleaves two columns, so it may be printed "
                                            "where it was not read"))
    return warnings


def _unstated_warnings(sections: Sections, values: dict[str, Any], warnings: list[Warning]) -> list[Warning]:
    """A value every snapshot states in its section (``FieldSpec.stated``: has it dedicated
    funding, a formal strategy, …; or where a yes/no answer is yes: where the dedicated funding
    comes from) left null or empty with its section read and no warning of its own:
    ``not_found``, the sentence that states it was printed where it was not read, or worded as
    no reader knows; and a value printed in the sentence of such an answer (``FieldSpec.stated_with``:
    a peer phrase) left null where that answer was not read."""
    warned = {warning.field for warning in warnings}
    unstated = [Warning(field=spec.path, code="not_found",
                        message=f"the {spec.path.split('.')[0]} section was read but does not state this value "
                                "where it was looked for")
                for spec in record_fields()
                if (spec.stated is True or (isinstance(spec.stated, str) and values.get(spec.stated) is True))
                and values.get(spec.path) in (None, []) and spec.path not in warned
                and sections.get(spec.path.split(".")[0]) is not None]
    unread = [Warning(field=spec.path, code="not_found",
                      message=f"printed in the sentence that states {spec.stated_with}, which was not read")
              for spec in record_fields()
              if spec.stated_with is not None and values.get(spec.stated_with) is None
              and values.get(spec.path) is None and spec.path not in warned
              and sections.get(spec.path.split(".")[0]) is not None]
    return unstated + unread


def _stray_label_warnings(sections: Sections, values: dict[str, Any], warnings: list[Warning]) -> list[Warning]:
    """An Overview field left null, unwarned, whose label opens a line outside the Overview (the
    reading order put its lines in another section, or outside any): ``not_found``."""
    overview = sections.get("overview")
    lines = [line.text for block in sections.preamble for line in block.lines]
    lines += [line.text for key, section in sections.sections.items() if section is not overview
              for block in section.blocks for line in block.lines]
    warned = {warning.field for warning in warnings}
    return [Warning(field=path, code="not_found",
                    message="its label is printed outside the Overview, where its value was not read")
            for path in sorted(labelled_paths(lines)) if values.get(path) in (None, []) and path not in warned]


def _respaced_warnings(values: dict[str, Any]) -> list[Warning]:
    """Each free text read (a name, the spotlight, a sentence on data use; not the web addresses,
    left as printed) of a dump that ran its words together: its spaces were put back by a word
    list (``read.spaces``), a guess."""
    return [Warning(field=spec.path, code="respaced_text",
                    message="the dump ran this text's words together: its spaces were put back by a word list, "
                            "and may be wrong")
            for spec in record_fields()
            if spec.vocabulary is None and spec.annotation in (str | None, list[str]) and values.get(spec.path)
            and not (isinstance(values[spec.path], list) and all("://" in item for item in values[spec.path]))]


def _grid_warnings(sections: Sections, results: dict[str, FieldResult]) -> list[Warning]:
    """Grid cells the section stage found in another section and moved to the outcomes grid (a
    grid carried on in the next column, beside another section's text): the policy areas, and
    the with/without lists read from the same cells, are read from pieces, so each may lack
    cells or hold them out of order (``grid_continued``)."""
    sources = sorted({move.from_key for move in sections.moves
                      if move.to_key == "outcomes" and move.from_key not in ("outcomes", "preamble")})
    outcomes = results.get("outcomes")
    if not sources or outcomes is None:
        return []
    return [Warning(field=path, code="grid_continued",
                    message=f"grid cells were found in other sections ({', '.join(sources)}) and read here: "
                            "the grid may go on elsewhere, check the list")
            for path in ("outcomes.policy_areas", "outcomes.with_sufficient_data", "outcomes.without_sufficient_data")
            if outcomes.values.get(path) is not None]


def _likely_lists(text: str, key: str, vocabulary: Vocabulary) -> list[str]:
    """The list fields of the sections other than ``key`` whose vocabulary matches ``text`` best
    (an item the reading order put under another heading: "Simplifying administrative
    procedures for firms" among the vision's lines), none for a sentence of running text."""
    if _is_prose(text) or len(text) > ITEM_LENGTH:
        return []
    scores: dict[str, float] = {}
    for spec in record_fields():
        if spec.vocabulary is not None and spec.path.split(".")[0] != key:
            result = vocabulary.match(spec.vocabulary, text)
            if isinstance(result, Match):
                scores[spec.path] = result.score
    best = max(scores.values(), default=0.0)
    return [path for path, score in scores.items() if score == best]


ITEM_LENGTH = 100  # characters: a list item is no longer


def _is_prose(sentence: str) -> bool:
    """A sentence of running text: a capital, some words, a full stop (not a list item, a label
    or a fragment cut by a column break)."""
    return sentence[:1].isupper() and sentence.endswith(".") and len(sentence.split()) >= PROSE_WORDS


PROSE_WORDS = 6


def _excerpt(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _nest(values: dict[str, Any]) -> dict[str, Any]:
    nested: dict[str, Any] = {}
    for path, value in values.items():
        head, _, tail = path.partition(".")
        nested.setdefault(head, {})[tail] = value
    return nested


def build_record(document: Document, sections: Sections, results: dict[str, FieldResult],
                 vocabulary: Vocabulary) -> Record:
    """Assemble and validate the record for one document (see the module docstring)."""
    warnings = (_document_warnings(sections, results, vocabulary) + _interleaving_warnings(document, sections, results)
                + _grid_warnings(sections, results))
    warnings += document.notes
    city_evidence: Evidence | None
    if sections.header is not None:
        city, city_evidence = city_of(sections.header, sections.block_texts(), warnings, document.source.ocr)
    else:
        city, city_evidence = city_from_body(sections.block_texts(), warnings)
    values: dict[str, Any] = {}
    evidence: dict[str, Evidence] = {
        f"city.{key}": city_evidence for key, value in city.items() if value is not None and city_evidence is not None
    }
    unmapped: list[Unmapped] = []
    for result in results.values():
        values.update(result.values)
        evidence.update(result.evidence)
        warnings.extend(result.warnings)
        unmapped.extend(result.unmapped)
    warnings.extend(Warning(field="overview.websites", code="not_found",
                            message=f'a web address was read as an item of {item.field}: "{_excerpt(item.text)}"')
                    for item in unmapped if only_addresses(item.text))  # the reading order put it in a list
    if document.doubts:  # OCR words read with low confidence: flag what they fed
        values, flagged = flag_doubts(document.doubts, values, evidence, sections)
        warnings.extend(flagged)
    warnings += _unstated_warnings(sections, values, warnings) + _stray_label_warnings(sections, values, warnings)
    if any(note.code == "lost_spaces" for note in document.notes):
        warnings += _respaced_warnings(values)
    source = document.source
    data = {
        "source": {"file": source.file, "sha256": source.sha256, "format": source.format,
                   "pages": source.pages, "ocr": source.ocr},
        "city": city,
        **_nest(values),
        "unmapped": unmapped,
        "warnings": sorted(warnings, key=lambda warning: (warning.field, warning.code)),
        "provenance": {
            path: {"page": item.page, "bbox": item.bbox, "text": item.text}
            for path, item in sorted(evidence.items())
        },
    }
    return Record.model_validate(data)

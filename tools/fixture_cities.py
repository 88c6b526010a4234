"""Load the PDF fixture cities from their data files: ``load_cities() -> tuple[CityFixture, ...]``.

The data lives in ``fixtures/pdf/cities/``: ``index.toml`` lists the cities in render order,
``<slug>.toml`` is one city, ``templates.toml`` holds the sentences the cities share (TOML: read
by the standard library, comments allowed, long paragraphs as multi-line strings).

A city file is read top to bottom into ``fixture_builder.CityBuilder`` calls, so the truth is
stated by the same entries that print the document, as before:

* ``name``, ``as_printed``, ``country``, ``country_code``, ``notes`` (lines for the coverage
  page), ``[style]`` and ``[style.grid]`` (the fields of ``fixture_model.Style``/``GridStyle``);
* ``[overview]``: ``mayor``, ``lead``, ``websites``, ``term = {printed, start, end}``,
  ``population = {printed, value, year}``; a key left out is a line not printed (truth null);
* ``[spotlight]``: ``title`` and ``paragraphs``;
* every other section (printed in record order, a missing one gets ``missing_section``) is an
  array of blocks, each one of:

  - ``text = "..."`` (the city's own sentence) or ``template = "<name>"`` (the sentence
    ``[<section>.<name>]`` of ``templates.toml``), plus the facts it states, one key per field
    of the section: ``true``/``false``/a number as is; a string is a Term the sentence states
    in its own words (its id); a list of strings is such Terms for a Term field, else free text
    (data uses); ``{percent, bound, text}`` is a peer phrase; ``x.items = [...]`` (with
    ``x.last``, default ``" and "``) is a list printed inside the sentence. ``{city}`` and
    ``{x}`` / ``{x[i:j]}`` in the text print the name and the facts. A template's ``states``
    are the facts its fixed words state: whoever prints those words states them;
  - ``bullets = "<field>"`` or ``tiles = "<field>"`` with ``items`` (and for bullets ``kind``,
    ``separator``);
  - ``grid = [<policy area id>, ...]`` with ``without_sufficient_data = [ids]``: cells in printed
    order, their text from ``[grid_cells]`` of ``templates.toml``.

  An item is ``{text, id, lead, bold}``: ``text`` as the truth states it, ``lead`` the article
  printed before it; no ``id`` means the vocabulary does not hold it (truth: unmapped).

Unknown keys, unknown templates or ids, and cities missing from (or extra to) ``index.toml`` are
errors naming the file.
"""

from __future__ import annotations

import dataclasses
import tomllib
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from .fixture_builder import TERM_GROUPS, CityBuilder, Fact, Inline, Item, Peer, Said, SectionBuilder, T
from .fixture_model import SECTION_KEYS, CityFixture, Style

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

CITIES_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "pdf" / "cities"
SHARED_FILES = ("index.toml", "templates.toml")
CITY_KEYS = {"name", "as_printed", "country", "country_code", "notes", "style", "overview",
             *SECTION_KEYS}
SENTENCE_KEYS = ("text", "template")

D = TypeVar("D", bound="DataclassInstance")
Table = Mapping[str, Any]


@dataclasses.dataclass(frozen=True)
class Templates:
    """``templates.toml``: sentences by section and name, grid cell texts by policy area id."""

    sentences: dict[str, dict[str, Table]]
    cells: dict[str, str]

    def sentence(self, section: str, name: str) -> Table:
        found = self.sentences[section].get(name)
        if found is None:
            raise ValueError(f"no template {name!r} in [{section}] of templates.toml")
        _check_keys(found, {"text", "states"}, f"template {section}.{name}")
        return found


def load_cities(folder: Path = CITIES_DIR) -> tuple[CityFixture, ...]:
    """Every city of ``index.toml``, in its order."""
    slugs: list[str] = _read(folder / "index.toml")["cities"]
    files = {path.stem for path in folder.glob("*.toml") if path.name not in SHARED_FILES}
    if files != set(slugs):
        raise ValueError(f"{folder}: index.toml lists {sorted(set(slugs) - files)} without a "
                         f"file, files {sorted(files - set(slugs))} are not listed")
    shared = _read(folder / "templates.toml")
    _check_keys(shared, {*SECTION_KEYS, "grid_cells"}, "templates.toml")
    templates = Templates({key: shared.get(key, {}) for key in SECTION_KEYS}, shared["grid_cells"])
    return tuple(_load_city(folder / f"{slug}.toml", templates) for slug in slugs)


def _load_city(path: Path, templates: Templates) -> CityFixture:
    try:
        return _build(path.stem, _read(path), templates)
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"{path.name}: {error}") from error


def _read(path: Path) -> dict[str, Any]:
    with path.open("rb") as file:
        return tomllib.load(file)


def _check_keys(table: Table, allowed: set[str] | tuple[str, ...], where: str) -> None:
    unknown = set(table) - set(allowed)
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}")


def _dataclass(cls: type[D], table: Table) -> D:
    """``cls(**table)`` with lists as tuples, nested dataclasses built and ``Literal``s checked."""
    hints = typing.get_type_hints(cls)
    _check_keys(table, tuple(field.name for field in dataclasses.fields(cls)), cls.__name__)
    values: dict[str, Any] = {}
    for name, value in table.items():
        hint = hints[name]
        if isinstance(hint, type) and dataclasses.is_dataclass(hint):
            value = _dataclass(hint, value)
        elif isinstance(value, list):
            value = tuple(value)
        if typing.get_origin(hint) is Literal and value not in typing.get_args(hint):
            raise ValueError(f"{cls.__name__}.{name}: {value!r} is not one of {typing.get_args(hint)}")
        values[name] = value
    return cls(**values)


def _build(slug: str, data: Table, templates: Templates) -> CityFixture:
    _check_keys(data, CITY_KEYS, "city")
    city = CityBuilder(slug, data["name"], data["as_printed"], data["country"],
                       data["country_code"], _dataclass(Style, data["style"]))
    _overview(city, data["overview"])
    for key in SECTION_KEYS:
        if key == "spotlight" and key in data:
            _check_keys(data[key], {"title", "paragraphs"}, key)
            city.spotlight(data[key]["title"], *data[key]["paragraphs"])
        elif key in data:
            with city.section(key) as section:
                for number, block in enumerate(data[key], start=1):
                    try:
                        _block(section, block, templates)
                    except (KeyError, TypeError, ValueError) as error:
                        raise ValueError(f"[[{key}]] block {number}: {error}") from error
    for note in data.get("notes", ()):
        city.note(note)
    return city.build()


def _overview(city: CityBuilder, table: Table) -> None:
    _check_keys(table, {"mayor", "term", "lead", "population", "websites"}, "overview")
    term, population = table.get("term"), table.get("population")
    if term is not None:
        _check_keys(term, {"printed", "start", "end"}, "overview.term")
    if population is not None:
        _check_keys(population, {"printed", "value", "year"}, "overview.population")
    city.overview(
        mayor=table.get("mayor"), lead=table.get("lead"), websites=tuple(table.get("websites", ())),
        term=term and (term["printed"], term["start"], term.get("end")),
        population=population and (population["printed"], population["value"],
                                   population.get("year")))


def _block(section: SectionBuilder, block: Table, templates: Templates) -> None:
    if "bullets" in block:
        _check_keys(block, {"bullets", "items", "kind", "separator"}, "bullets")
        kind = block.get("kind", "bullet")
        if kind not in ("bullet", "check"):
            raise ValueError(f"bullets kind {kind!r} is not 'bullet' or 'check'")
        section.bullets(block["bullets"], _items(block["items"]), kind, block.get("separator", ""))
    elif "tiles" in block:
        _check_keys(block, {"tiles", "items"}, "tiles")
        section.tiles(block["tiles"], _items(block["items"]))
    elif "grid" in block:
        _check_keys(block, {"grid", "without_sufficient_data"}, "grid")
        without = set(block["without_sufficient_data"]) - set(block["grid"])
        if without:
            raise ValueError(f"without_sufficient_data names cells not in the grid: {sorted(without)}")
        section.grid(tuple((templates.cells[area], area, area not in block["without_sufficient_data"])
                           for area in block["grid"]))
    else:
        _sentence(section, block, templates)


def _sentence(section: SectionBuilder, block: Table, templates: Templates) -> None:
    """A paragraph: the city's ``text`` or a ``template``, and the facts both state."""
    if sum(key in block for key in SENTENCE_KEYS) != 1:
        raise ValueError("a block needs exactly one of text, template, bullets, tiles, grid")
    facts = {name: _fact(section.key, name, value)
             for name, value in block.items() if name not in SENTENCE_KEYS}
    if "template" in block:
        markup, stated = _template(section.key, block["template"], templates)
        if stated.keys() & facts.keys():
            raise ValueError(f"facts {sorted(stated.keys() & facts.keys())} are stated by the "
                             f"template {block['template']!r} itself")
        facts |= stated
    else:
        markup = block["text"]
    section.para(markup, **facts)


def _template(key: str, name: str, templates: Templates) -> tuple[str, dict[str, Fact]]:
    """A template's text and the facts its fixed words state."""
    template = templates.sentence(key, name)
    stated = {field: _fact(key, field, value) for field, value in template.get("states", {}).items()}
    return template["text"], stated


def _fact(key: str, name: str, value: Any) -> Fact:
    """A TOML value as the fact it states for the field ``key.name`` (see the module doc)."""
    is_term = f"{key}.{name}" in TERM_GROUPS
    if isinstance(value, bool | int):
        return value
    if isinstance(value, str) and is_term:
        return T(value)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(T(item) for item in value) if is_term else Said(tuple(value))
    if isinstance(value, dict) and "items" in value:
        _check_keys(value, {"items", "last"}, name)
        return Inline(_items(value["items"]), value.get("last", " and "))
    if isinstance(value, dict) and "bound" in value:
        return _dataclass(Peer, value)
    raise ValueError(f"{name}: cannot read {value!r} as a fact")


def _items(tables: list[Table]) -> tuple[Item, ...]:
    return tuple(_dataclass(Item, {"id": None, **table}) for table in tables)

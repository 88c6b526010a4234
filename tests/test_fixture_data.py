"""The PDF fixture cities' data files (fixtures/pdf/cities) against the committed truth files.

Each city file states the document and its truth at once; the committed ``<slug>.expected.json``
must be what it states (``make fixtures`` after editing a city file), and the loader must refuse
the mistakes that would otherwise change a document or its truth silently.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tools.fixture_cities import CITIES_DIR, load_cities

PDF = Path(__file__).resolve().parent.parent / "fixtures" / "pdf"


def test_every_city_file_states_its_committed_truth_file() -> None:
    cities = load_cities()
    assert sorted(city.slug for city in cities) == sorted(path.stem for path in PDF.glob("*.pdf"))
    for city in cities:
        expected = json.loads((PDF / f"{city.slug}.expected.json").read_text(encoding="utf-8"))
        del expected["source"]
        assert city.truth == expected, city.slug


@pytest.mark.parametrize(("old", "new", "error"), [
    ('template = "staff_intro"', 'template = "staff_intro"\nstaf_count = 3', "staf_count"),
    ('template = "no_formal_strategy"', 'template = "no_formal_strategy"\nformal_strategy = true',
     "stated by the template"),
    ('template = "top_two"', 'template = "top_five"', "top_five"),
    ('heading_case = "sentence"', 'heading_case = "Sentence"', "heading_case"),
    ('id = "data_scientist"', 'id = "data_wizard"', "data_wizard"),
    ('kind = "check"', 'kind = "tick"', "tick"),
])
def test_the_loader_refuses_what_would_change_a_fixture_silently(
        tmp_path: Path, old: str, new: str, error: str) -> None:
    folder = shutil.copytree(CITIES_DIR, tmp_path / "cities")
    city = folder / "enschede.toml"
    text = city.read_text(encoding="utf-8")
    assert old in text
    city.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ValueError, match=error) as raised:
        load_cities(folder)
    assert "enschede.toml" in str(raised.value)


def test_a_city_file_not_in_the_index_is_an_error(tmp_path: Path) -> None:
    folder = shutil.copytree(CITIES_DIR, tmp_path / "cities")
    shutil.copy(folder / "malmo.toml", folder / "lund.toml")
    with pytest.raises(ValueError, match="lund"):
        load_cities(folder)

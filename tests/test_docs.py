"""The spec in docs/ is generated from its one source each, and stays in step with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from snapshot_extract.models import Record
from snapshot_extract.vocabulary import load_vocabulary
from tools.make_docs import DOCS, DOCUMENTS

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_generated_doc_is_up_to_date(name: str) -> None:
    committed = (DOCS / name).read_text(encoding="utf-8")
    assert committed == DOCUMENTS[name](), f"docs/{name} is stale: run make docs"


def test_the_vocabulary_doc_reads_back_as_the_packaged_vocabulary() -> None:
    """docs/vocabulary.md is in the markdown form --vocabulary reads: the same groups, ids, labels, aliases."""
    assert load_vocabulary(DOCS / "vocabulary.md", replace=True).groups == load_vocabulary().groups


def test_every_schema_property_has_a_description() -> None:
    schema = Record.model_json_schema()
    assert schema["$schema"].startswith("https://json-schema.org/")
    models = [("Record", schema), *schema["$defs"].items()]
    missing = [f"{name}.{key}" for name, model in models for key, prop in model.get("properties", {}).items()
               if not prop.get("description")]
    assert not missing
    assert sum(len(model.get("properties", {})) for _, model in models) >= 77


def test_no_link_leaves_the_repository() -> None:
    """README and docs link only to files inside the repository (or to the web)."""
    for page in [ROOT / "README.md", *DOCS.glob("*.md"), ROOT / "fixtures" / "README.md"]:
        text = page.read_text(encoding="utf-8")
        assert "../shared" not in text and "shared/spec" not in text, page

from __future__ import annotations

from pathlib import Path

import pytest

from snapshot_extract.vocabulary import Vocabulary, load_vocabulary

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


@pytest.fixture(scope="session")
def vocabulary() -> Vocabulary:
    return load_vocabulary()

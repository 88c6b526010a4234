"""The build (setup.py): the pipeline's hot modules are compiled with mypyc, and never stale.

A compiled module sits beside its source and is imported in its place; one older than its
source would run yesterday's code. ``make`` recompiles whenever a source changed; these tests
catch a build that was not remade (``pip install -e .`` or any ``make`` target remakes it).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from pathlib import Path

import pytest

import snapshot_extract


def _modules() -> list[tuple[str, Path]]:
    found = []
    for info in pkgutil.walk_packages(snapshot_extract.__path__, "snapshot_extract."):
        module = importlib.import_module(info.name)
        if module.__file__:
            found.append((info.name, Path(module.__file__)))
    return found


def test_no_compiled_module_is_older_than_its_source() -> None:
    stale = [
        name for name, file in _modules()
        if file.suffix != ".py" and file.with_name(name.rsplit(".", 1)[-1] + ".py").stat().st_mtime > file.stat().st_mtime
    ]  # fmt: skip
    assert not stale, f"compiled before their sources last changed (run make): {stale}"


@pytest.mark.skipif(bool(os.environ.get("SNAPSHOT_EXTRACT_PURE")), reason="pure-Python build asked for")
def test_the_default_build_compiles_the_pipeline() -> None:
    compiled = {name for name, file in _modules() if file.suffix != ".py"}
    for stage in ("textutil", "sections", "record", "read.text", "read.layout", "fields.common"):
        assert f"snapshot_extract.{stage}" in compiled

"""Build: the pipeline's hot modules are compiled to C with mypyc (``make bench`` shows why).

The package stays plain, typed Python; mypyc compiles the same source, so behaviour does not
change. ``SNAPSHOT_EXTRACT_PURE=1`` installs the pure-Python package instead (no C compiler needed).
"""

import os

from setuptools import setup

COMPILED = [
    "src/snapshot_extract/textutil.py",
    "src/snapshot_extract/geometry.py",
    "src/snapshot_extract/sections.py",
    "src/snapshot_extract/vocabulary.py",
    "src/snapshot_extract/record.py",
    "src/snapshot_extract/read/text.py",
    "src/snapshot_extract/read/layout.py",
    "src/snapshot_extract/read/compose.py",
    "src/snapshot_extract/read/order.py",
    "src/snapshot_extract/read/furniture.py",
    "src/snapshot_extract/read/page.py",
    *(f"src/snapshot_extract/fields/{name}.py" for name in (
        "common", "peer", "overview", "organisation", "spotlight", "vision", "approach",
        "partnerships", "funding", "impact", "data_use", "outcomes",
    )),
]


def ext_modules() -> list:
    if os.environ.get("SNAPSHOT_EXTRACT_PURE"):
        return []
    from mypyc.build import mypycify

    return mypycify(["--config-file=", "--ignore-missing-imports", *COMPILED], opt_level="3")


setup(ext_modules=ext_modules())

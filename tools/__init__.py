"""Developer tools of snapshot-extract: fixture generators, the vocabulary builder, the benchmark.

Not part of the installed package. Run them from the repository root as modules, e.g.
``python -m tools.make_fixtures`` (``make fixtures``); mypy checks them like ``src``.
"""

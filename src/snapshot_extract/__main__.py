"""``python -m snapshot_extract``: the same command line as ``snapshot-extract``."""

from .cli import main

main()

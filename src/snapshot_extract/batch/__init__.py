"""Batch: many inputs -> one output folder of analyst-ready files (``run``): the inputs
(``inputs``), the locked output folder (``folder``), worker processes (``workers``, ``pool``),
a resumable manifest (``manifest``), the output files (``outputs``), interrupts
(``interrupts``) and a progress display (``progress``)."""

from .folder import FolderBusy
from .inputs import BatchArgumentError
from .run import BatchOptions, BatchSummary, convert_batch, parse_formats

__all__ = ["BatchArgumentError", "BatchOptions", "BatchSummary", "FolderBusy", "convert_batch", "parse_formats"]

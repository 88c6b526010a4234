"""Batch: many inputs -> one output folder of analyst-ready files (``run``), with worker
processes (``workers``), a resumable manifest (``manifest``) and a progress display (``progress``)."""

from .run import BatchArgumentError, BatchOptions, BatchSummary, convert_batch, parse_formats

__all__ = ["BatchArgumentError", "BatchOptions", "BatchSummary", "convert_batch", "parse_formats"]

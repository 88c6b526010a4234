"""Inspect: a PDF's pages with every extracted value's box drawn, beside the record."""

from .overlay import Inspection, inspect_pdf

__all__ = ["Inspection", "inspect_pdf"]

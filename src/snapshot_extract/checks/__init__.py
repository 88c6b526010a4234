"""Checks: golden fixtures (``golden``: parse and compare with the stored record) and field-level
evaluation against truth files (``evaluate``: precision, recall, F1, silent errors)."""

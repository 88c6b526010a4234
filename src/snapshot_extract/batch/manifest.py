"""Manifest: the ledger of a batch, one ``DocumentOutcome`` per input, as ``manifest.json``,
and what ``resume`` may reuse from it.

Contract: ``manifest_json`` is a pure function of its arguments (no clock time, no machine
detail), so the same batch writes the same bytes. An input is reusable when the folder's
manifest was written with the same ``run_settings``, records it as done (ok / partial) with the
same path and sha256, and its ``json/`` file still holds a valid record of that sha256
(``reusable_files`` lists the candidates, ``read_reusable`` checks one when it is needed, so
the previous run's records are never all in memory at once).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .. import __version__
from ..models import Record
from ..read import PdfOptions
from ..vocabulary import Vocabulary

DONE = frozenset({"ok", "partial"})
STATUSES = ("ok", "partial", "failed", "pending", "skipped")


@dataclass(frozen=True)
class DocumentOutcome:
    """One input of the batch: where it is, what it became, and under which ``json/`` name.
    The record itself is not kept (only its number of ``warnings``, None without a record)."""

    file: str
    name: str
    sha256: str | None
    status: str  # ok / partial / failed / pending / skipped
    warnings: int | None = None
    code: str | None = None
    message: str | None = None
    reused: bool = False


def run_settings(vocabulary: Vocabulary, pdf_options: PdfOptions) -> dict[str, Any]:
    """What a reused record depends on: must match between runs for ``resume``."""
    return {"tool_version": __version__, "vocabulary_version": vocabulary.version,
            "backend": pdf_options.backend, "max_pages": pdf_options.max_pages}


def manifest_json(
    documents: Sequence[DocumentOutcome], settings: dict[str, Any], outputs: Sequence[str],
    complete: bool, json_files: bool = True,
) -> bytes:
    """The manifest: settings, counts and one entry per input (no clock time: it repeats).

    ``complete`` is true only once every input is done and every output written;
    ``json_files`` says whether the run writes ``json/`` files (entries then name theirs).
    """
    counts = Counter(document.status for document in documents)
    manifest = {
        "tool": "snapshot-extract", **settings, "schema_version": "1",
        "complete": complete and counts["pending"] == 0,
        "counts": {status: counts[status] for status in STATUSES},
        "outputs": list(outputs),
        "inputs": [_manifest_entry(document, json_files) for document in documents],
    }  # fmt: skip
    return (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _manifest_entry(document: DocumentOutcome, with_json: bool) -> dict[str, Any]:
    done = document.status in DONE
    return {
        "file": document.file, "sha256": document.sha256, "status": document.status,
        "warnings": document.warnings if done else None,
        "json": f"json/{document.name}.json" if done and with_json else None,
        "error": {"code": document.code, "message": document.message} if document.code else None,
    }  # fmt: skip


def reusable_files(out_dir: Path, settings: dict[str, Any]) -> dict[tuple[str, str], Path]:
    """The ``json/`` file of every input the last run in ``out_dir`` finished with the same
    ``settings``, by (file, sha256); ``read_reusable`` says whether it may really be reused."""
    try:
        manifest = json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(manifest, dict) or any(manifest.get(k) != v for k, v in settings.items()):
        return {}
    return {(entry["file"], entry["sha256"]): out_dir / entry["json"]
            for entry in manifest.get("inputs", [])
            if entry.get("status") in DONE and entry.get("json") and entry.get("sha256")}  # fmt: skip


def read_reusable(path: Path, sha256: str) -> Record | None:
    """The record in ``path`` if it is valid and was made from a file of this ``sha256``."""
    try:
        record = Record.model_validate_json(path.read_bytes())
    except (OSError, ValidationError):
        return None
    return record if record.source.sha256 == sha256 else None


def previous_json_names(out_dir: Path) -> set[str]:
    """The ``json/`` file names the folder's manifest lists if it is complete (the last
    finished run's documents); nothing for a checkpoint or an unreadable manifest."""
    try:
        manifest = json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
        if manifest.get("complete") is not True:
            return set()
        return {Path(entry["json"]).name for entry in manifest["inputs"] if entry.get("json")}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return set()

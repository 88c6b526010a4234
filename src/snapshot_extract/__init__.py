"""snapshot-extract: City Innovation Snapshot PDFs and text dumps -> validated records.

>>> from snapshot_extract import extract
>>> record = extract("fixtures/text/enschede.txt")
>>> record.city.name
'Enschede'
"""

from typing import TYPE_CHECKING, Any

from .errors import NotASnapshot, SnapshotError, UnreadableInput, VocabularyError

if TYPE_CHECKING:
    from .batch import BatchOptions, BatchSummary, convert_batch
    from .export import to_dataframe
    from .models import Record
    from .pipeline import Result, extract, extract_all
    from .vocabulary import load_vocabulary

__version__ = "0.1.0"
__all__ = [
    "BatchOptions", "BatchSummary", "NotASnapshot", "Record", "Result", "SnapshotError",
    "UnreadableInput", "VocabularyError", "__version__", "convert_batch", "extract",
    "extract_all", "load_vocabulary", "to_dataframe",
]  # fmt: skip

# Loaded on first use: ``import snapshot_extract`` pulls in neither pydantic nor PyMuPDF, nor
# pandas/pyarrow/openpyxl, so that the command line (``__main__``) is listening for an
# interrupt from its first instant.
_LAZY = {"Record": "models", "Result": "pipeline", "extract": "pipeline", "extract_all": "pipeline",
         "load_vocabulary": "vocabulary", "to_dataframe": "export", "convert_batch": "batch",
         "BatchOptions": "batch", "BatchSummary": "batch"}  # fmt: skip


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'snapshot_extract' has no attribute '{name}'")
    from importlib import import_module

    return getattr(import_module(f".{_LAZY[name]}", __name__), name)

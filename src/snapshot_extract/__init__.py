"""snapshot-extract: City Innovation Snapshot PDFs and text dumps -> validated records.

>>> from snapshot_extract import extract
>>> record = extract("fixtures/text/enschede.txt")
>>> record.city.name
'Enschede'

The public names below are imported on first use, so that ``import snapshot_extract`` (and the
command line's ``--help``) does not load pydantic, the PDF libraries or pandas.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the same names for type checkers, re-exported
    from .batch import BatchOptions as BatchOptions
    from .batch import BatchSummary as BatchSummary
    from .batch import convert_batch as convert_batch
    from .errors import NotASnapshot as NotASnapshot
    from .errors import SnapshotError as SnapshotError
    from .errors import UnreadableInput as UnreadableInput
    from .errors import VocabularyError as VocabularyError
    from .export import to_dataframe as to_dataframe
    from .models import Record as Record
    from .pipeline import Result as Result
    from .pipeline import extract as extract
    from .pipeline import extract_all as extract_all
    from .vocabulary import load_vocabulary as load_vocabulary

__version__ = "0.1.0"

# public name -> the module that defines it
_PUBLIC = {
    "extract": "pipeline", "extract_all": "pipeline", "Result": "pipeline", "Record": "models",
    "load_vocabulary": "vocabulary", "to_dataframe": "export", "convert_batch": "batch",
    "BatchOptions": "batch", "BatchSummary": "batch", "SnapshotError": "errors", "NotASnapshot": "errors",
    "UnreadableInput": "errors", "VocabularyError": "errors",
}  # fmt: skip
__all__ = sorted([*_PUBLIC, "__version__"])


def __getattr__(name: str) -> Any:
    if name not in _PUBLIC:
        raise AttributeError(f"module 'snapshot_extract' has no attribute '{name}'")
    return getattr(import_module(f".{_PUBLIC[name]}", __name__), name)

"""snapshot-extract: City Innovation Snapshot PDFs and text dumps -> validated records.

>>> from snapshot_extract import extract
>>> record = extract("fixtures/text/enschede.txt")
>>> record.city.name
'Enschede'
"""

from .errors import NotASnapshot, SnapshotError, UnreadableInput, VocabularyError
from .models import Record
from .pipeline import Result, extract, extract_all
from .vocabulary import load_vocabulary

__version__ = "0.1.0"
__all__ = [
    "NotASnapshot", "Record", "Result", "SnapshotError", "UnreadableInput", "VocabularyError",
    "__version__", "extract", "extract_all", "load_vocabulary",
]  # fmt: skip

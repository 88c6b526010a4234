"""The project's exception tree. Only unreadable input or bad configuration raises.

Content problems never raise: they become ``Warning`` entries in the record. Each exception
carries a stable ``code`` (used in ``errors.csv`` and by the CLI) and formats as one line.
"""

from __future__ import annotations


class SnapshotError(Exception):
    """Base class: ``str(error)`` is the one-line reason, ``error.code`` its stable code."""

    code = "error"

    def __init__(self, reason: str, file: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.file = file

    def with_file(self, file: str) -> SnapshotError:
        return type(self)(self.reason, file)

    def one_line(self) -> str:
        where = f"{self.file}: " if self.file else ""
        return f"error: {where}{self.reason}"


class UnreadableInput(SnapshotError):
    code = "unreadable"


class EncryptedInput(UnreadableInput):
    code = "encrypted"


class NoTextLayer(UnreadableInput):
    code = "no_text_layer"


class TooManyPages(UnreadableInput):
    code = "too_many_pages"


class ExtractionTimeout(SnapshotError):
    code = "timeout"


class NotASnapshot(SnapshotError):
    code = "not_a_snapshot"


class VocabularyError(SnapshotError):
    code = "bad_vocabulary"


class InternalError(SnapshotError):
    """A bug met on one document, reported as data so that a batch goes on (``--debug`` raises)."""

    code = "internal_error"

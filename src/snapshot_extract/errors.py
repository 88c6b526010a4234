"""The project's exception tree. Only unreadable input or bad configuration raises.

Content problems never raise: they become ``Warning`` entries in the record. Each exception
carries a stable ``code`` (used in ``errors.csv`` and by the CLI) and formats as one line.
"""

from __future__ import annotations

import unicodedata


def printable(text: str) -> str:
    """``text`` safe for one terminal line: control and format characters (a newline, an ANSI
    escape, a bidi override) become ``\\n``, ``\\x1b``, ``\\u202e``, so that a crafted file name
    cannot forge a line or recolour the terminal. Printable text, backslashes included, is kept."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() or char == " " else _escape(char) for char in text)


def _escape(char: str) -> str:
    if unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
        return char  # e.g. a non-ASCII space: harmless
    escaped = repr(char)[1:-1]
    return escaped if escaped != char else f"\\u{ord(char):04x}"


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
        return printable(f"error: {where}{self.reason}")


class UnreadableInput(SnapshotError):
    code = "unreadable"


class EncryptedInput(UnreadableInput):
    code = "encrypted"


class NoTextLayer(UnreadableInput):
    code = "no_text_layer"


class TooManyPages(UnreadableInput):
    code = "too_many_pages"


class TooComplex(UnreadableInput):
    """Over a resource cap (``limits``): too many text spans or drawings on a page, or more
    memory than a worker may use."""

    code = "too_complex"


class ExtractionTimeout(SnapshotError):
    code = "timeout"


class NotASnapshot(SnapshotError):
    code = "not_a_snapshot"


class VocabularyError(SnapshotError):
    code = "bad_vocabulary"


class InternalError(SnapshotError):
    """A bug met on one document, reported as data so that a batch goes on (``--debug`` raises)."""

    code = "internal_error"


class OutputError(SnapshotError):
    """An output file could not be written (disk full, no permission, read-only file system, a
    folder where the file should be). ``file`` is the output, never a temporary name."""

    code = "cannot_write"

    @classmethod
    def from_os_error(cls, error: OSError, file: str) -> OutputError:
        reason = error.strerror or type(error).__name__
        return cls(f"cannot write ({reason})", file)

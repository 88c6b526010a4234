"""The dump kinds: each one the text a real tool prints for a PDF, joined over pages as that tool joins
them, or a documented transformation (`variants`) of such a text.

A kind's `make` returns the dump's bytes; a kind built on another (`base`) transforms that kind's
text, which `Source` computes once per PDF. The same PDF always gives the same bytes.
"""

from __future__ import annotations

import importlib
import json
import re
import shutil
import subprocess
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import variants

PDFJS_DIR = Path(__file__).resolve().parent / "pdfjs"


def _module(name: str) -> Any:
    """A tool's module, imported when a kind first needs it (typed loosely: most ship no stubs)."""
    return importlib.import_module(name)


class ToolMissing(RuntimeError):
    """A tool a kind needs is not installed."""


@dataclass
class Source:
    """One PDF and the texts of the kinds made from it so far."""

    pdf: Path
    pdfjs_text: str | None = None
    texts: dict[str, bytes] = field(default_factory=dict)

    def made(self, kind: str) -> bytes:
        if kind not in self.texts:
            self.texts[kind] = KINDS[kind].make(self)
        return self.texts[kind]

    def text(self, kind: str) -> str:
        return self.made(kind).decode("utf-8")


@dataclass(frozen=True)
class Kind:
    name: str
    suffix: str  # ".txt" or ".md"
    tool: str  # the real tool and the call that made the text
    make: Callable[[Source], bytes]
    note: str = ""  # the documented transformation, when the kind is one
    base: str | None = None  # the kind whose text this one transforms
    truth_map: Callable[[str], str] | None = None  # applied to the truth's strings (re-encodings)
    uses_pdfjs: bool = False


# --- poppler ------------------------------------------------------------------------------------


def _pdftotext(*options: str) -> Callable[[Source], bytes]:
    def make(source: Source) -> bytes:
        if shutil.which("pdftotext") is None:
            raise ToolMissing("pdftotext is not installed (apt-get install poppler-utils)")
        done = subprocess.run(
            ["pdftotext", *options, "-enc", "UTF-8", str(source.pdf), "-"], capture_output=True, check=True
        )
        return done.stdout

    return make


# --- pdfplumber ---------------------------------------------------------------------------------


def _pdfplumber(*, layout: bool) -> Callable[[Source], bytes]:
    def make(source: Source) -> bytes:
        import pdfplumber

        # As `pdfplumber --format text` prints it: each page's text followed by a newline.
        with pdfplumber.open(source.pdf) as pdf:
            pages = [str(page.extract_text(layout=layout)) + "\n" for page in pdf.pages]
        return "".join(pages).encode("utf-8")

    return make


# --- PyMuPDF ------------------------------------------------------------------------------------


def _pymupdf(*, sort: bool) -> Callable[[Source], bytes]:
    def make(source: Source) -> bytes:
        pymupdf = _module("pymupdf")
        # PyMuPDF's documented recipe: each page's get_text() followed by a form feed.
        out = bytearray()
        with pymupdf.open(source.pdf) as doc:
            for page in doc:
                out += str(page.get_text(sort=sort)).encode("utf-8")
                out += b"\f"
        return bytes(out)

    return make


def _pymupdf4llm(source: Source) -> bytes:
    import contextlib
    import io

    try:
        with contextlib.redirect_stdout(io.StringIO()):  # its import prints a hint about pymupdf_layout
            pymupdf4llm = _module("pymupdf4llm")
    except ImportError as error:
        raise ToolMissing("pymupdf4llm is not installed: pip install -r tools/dumps/requirements.txt") from error
    return str(pymupdf4llm.to_markdown(str(source.pdf))).encode("utf-8")


_WHOLE_LINE_BOLD = re.compile(r"^\s*(?:[-*]\s+|#+\s+)?\*\*[^*]+\*\*\s*$")
_BOLD = re.compile(r"\*\*([^*\n]+?)\*\*")


def mark_inline_bold(markdown: str) -> str:
    """Inline bold runs as `<mark>` highlight tags; a line that is bold as a whole keeps `**`."""
    lines = markdown.split("\n")
    return "\n".join(line if _WHOLE_LINE_BOLD.match(line) else _BOLD.sub(r"<mark>\1</mark>", line) for line in lines)


# --- viewers ------------------------------------------------------------------------------------


def _pdfium_page_texts(pdf: Path) -> list[str]:
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        texts = []
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            texts.append(str(textpage.get_text_range()))
            textpage.close()
            page.close()
        return texts
    finally:
        doc.close()


def chrome_copy(page_texts: Sequence[str], *, windows: bool) -> str:
    """Chrome's PDF viewer (PDFiumEngine::GetSelectedText) after Select All: each page's
    FPDFText_GetText with U+200B and U+FFFE (PDFium's end-of-line hyphen marker) erased, pages joined
    by "\\n", " \\r\\n" -> "\\r\\n", and on Linux/macOS every "\\r" removed (Windows keeps them)."""
    text = "\n".join(t.replace("\u200b", "").replace("\ufffe", "") for t in page_texts)
    text = text.replace(" \r\n", "\r\n")
    return text if windows else text.replace("\r", "")


def _chrome(*, windows: bool) -> Callable[[Source], bytes]:
    def make(source: Source) -> bytes:
        return chrome_copy(_pdfium_page_texts(source.pdf), windows=windows).encode("utf-8")

    return make


def pdfjs_texts(pdfs: Iterable[Path], *, chunk: int = 40) -> tuple[str, dict[Path, str]]:
    """pdf.js text content as Firefox's viewer copies it, for many PDFs in few node runs
    (`pdfjs/textcontent.mjs`). Returns the pdfjs-dist version and each PDF's text."""
    if shutil.which("node") is None:
        raise ToolMissing("node is not installed")
    if not (PDFJS_DIR / "node_modules" / "pdfjs-dist").is_dir():
        raise ToolMissing(f"pdfjs-dist is not installed: npm ci --prefix {PDFJS_DIR}")
    files = [p.resolve() for p in pdfs]
    version = ""
    texts: dict[Path, str] = {}
    for start in range(0, len(files), chunk):
        part = files[start : start + chunk]
        done = subprocess.run(
            ["node", str(PDFJS_DIR / "textcontent.mjs"), *map(str, part)], capture_output=True, check=True
        )
        answer: dict[str, Any] = json.loads(done.stdout)
        version = str(answer["pdfjs-dist"])
        texts.update({Path(k): str(v) for k, v in answer["texts"].items()})
    return version, texts


def _pdfjs(source: Source) -> bytes:
    if source.pdfjs_text is None:
        source.pdfjs_text = pdfjs_texts([source.pdf])[1][source.pdf.resolve()]
    return source.pdfjs_text.encode("utf-8")


# --- transformations of a base kind -------------------------------------------------------------


def _on(base: str, change: Callable[[str], str]) -> Callable[[Source], bytes]:
    def make(source: Source) -> bytes:
        return change(source.text(base)).encode("utf-8")

    return make


def _cp1252_file(source: Source) -> bytes:
    return variants.iconv_cp1252(source.text("pdfium-copy-crlf"))


COPY = "pdfium-copy"
_CHROME = "Chrome PDF viewer copy (pypdfium2 get_text_range per page, as PDFiumEngine::GetSelectedText)"

_KIND_LIST = [
    Kind("pdftotext", ".txt", "pdftotext -enc UTF-8 (poppler)", _pdftotext()),
    Kind("pdftotext-layout", ".txt", "pdftotext -layout -enc UTF-8 (poppler)", _pdftotext("-layout")),
    Kind("pdftotext-raw", ".txt", "pdftotext -raw -enc UTF-8 (poppler)", _pdftotext("-raw")),
    Kind(
        "pdfplumber",
        ".txt",
        "pdfplumber page.extract_text(), pages as `pdfplumber --format text`",
        _pdfplumber(layout=False),
    ),
    Kind(
        "pdfplumber-layout",
        ".txt",
        "pdfplumber page.extract_text(layout=True) = `pdfplumber --format text`",
        _pdfplumber(layout=True),
    ),
    Kind("pymupdf", ".txt", "PyMuPDF page.get_text(), each page + form feed (PyMuPDF recipe)", _pymupdf(sort=False)),
    Kind("pymupdf-sort", ".txt", "PyMuPDF page.get_text(sort=True), each page + form feed", _pymupdf(sort=True)),
    Kind("pymupdf4llm", ".md", "pymupdf4llm.to_markdown(path), defaults", _pymupdf4llm),
    Kind(
        "pymupdf4llm-mark",
        ".md",
        "pymupdf4llm.to_markdown(path), defaults",
        _on("pymupdf4llm", mark_inline_bold),
        note="inline **bold** runs -> <mark>..</mark>; whole-line bold kept (no local converter emits <mark>)",
        base="pymupdf4llm",
    ),
    Kind(COPY, ".txt", _CHROME + ", Linux/macOS", _chrome(windows=False)),
    Kind("pdfium-copy-crlf", ".txt", _CHROME + ", Windows (CRLF lines)", _chrome(windows=True)),
    Kind(
        "pdfjs-copy",
        ".txt",
        "Firefox PDF viewer copy (pdfjs-dist getTextContent via node, as the text layer)",
        _pdfjs,
        uses_pdfjs=True,
    ),
    Kind(
        "copy-bullet-dot",
        ".txt",
        _CHROME,
        _on(COPY, lambda t: variants.bullets_as(t, "•")),
        note="bullet glyphs -> •",
        base=COPY,
    ),
    Kind(
        "copy-bullet-dash",
        ".txt",
        _CHROME,
        _on(COPY, lambda t: variants.bullets_as(t, "-")),
        note="bullet glyphs -> -",
        base=COPY,
    ),
    Kind(
        "copy-bullet-star",
        ".txt",
        _CHROME,
        _on(COPY, lambda t: variants.bullets_as(t, "*")),
        note="bullet glyphs -> *",
        base=COPY,
    ),
    Kind(
        "copy-bullet-o",
        ".txt",
        _CHROME,
        _on(COPY, lambda t: variants.bullets_as(t, "o")),
        note="bullet glyphs -> o",
        base=COPY,
    ),
    Kind(
        "copy-bullet-pua",
        ".txt",
        _CHROME,
        _on(COPY, variants.bullets_private_use),
        note="bullet glyphs -> Symbol/Wingdings private-use code points (U+F0B7, U+F0A7, U+F0D8, U+F0FC)",
        base=COPY,
    ),
    Kind(
        "copy-bullet-none",
        ".txt",
        _CHROME,
        _on(COPY, variants.bullets_dropped),
        note="bullet glyphs dropped",
        base=COPY,
    ),
    Kind(
        "cp1252-bestfit",
        ".txt",
        _CHROME,
        _on(COPY, variants.cp1252_best_fit),
        note="arrowheads -> >, check marks -> v, then iconv CP1252//TRANSLIT round trip (UTF-8 file)",
        base=COPY,
        truth_map=variants.cp1252_best_fit,
    ),
    Kind(
        "cp1252-iconv",
        ".txt",
        _CHROME,
        _on(COPY, variants.cp1252_round_trip),
        note="iconv -f UTF-8 -t CP1252//TRANSLIT round trip: symbols -> ?, letters transliterated (UTF-8 file)",
        base=COPY,
        truth_map=variants.cp1252_round_trip,
    ),
    Kind(
        "cp1252-file",
        ".txt",
        _CHROME + ", Windows (CRLF lines)",
        _cp1252_file,
        note="iconv -f UTF-8 -t CP1252//TRANSLIT, left as cp1252 bytes (a Notepad 'ANSI' save)",
        base="pdfium-copy-crlf",
        truth_map=variants.cp1252_round_trip,
    ),
]

KINDS: dict[str, Kind] = {kind.name: kind for kind in _KIND_LIST}
DEFAULT_KINDS: tuple[str, ...] = tuple(KINDS)


def parse_kinds(spec: str | None) -> list[Kind]:
    """`k1,k2` -> those kinds (all when `spec` is empty); unknown names raise ValueError."""
    if not spec:
        return list(_KIND_LIST)
    names = [n.strip() for n in spec.split(",") if n.strip()]
    unknown = [n for n in names if n not in KINDS]
    if unknown:
        raise ValueError(f"unknown kinds: {', '.join(unknown)} (known: {', '.join(KINDS)})")
    return [KINDS[n] for n in names]


def tool_versions() -> dict[str, str]:
    """The version of every tool behind the kinds, as installed here ("missing" when it is not)."""
    from importlib import metadata

    found: dict[str, str] = {}
    if shutil.which("pdftotext"):
        done = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True, check=False)
        found["pdftotext (poppler)"] = (done.stderr or done.stdout).splitlines()[0].split()[-1]
    else:
        found["pdftotext (poppler)"] = "missing"
    for dist in ("pdfplumber", "pdfminer.six", "pymupdf", "pymupdf4llm", "pypdfium2"):
        try:
            found[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            found[dist] = "missing"
    try:
        import pypdfium2

        found["pdfium (in pypdfium2)"] = str(pypdfium2.PDFIUM_INFO)
    except ImportError:
        pass
    package = PDFJS_DIR / "node_modules" / "pdfjs-dist" / "package.json"
    found["pdfjs-dist"] = json.loads(package.read_text())["version"] if package.is_file() else "missing"
    if shutil.which("node"):
        found["node"] = subprocess.run(
            ["node", "--version"], capture_output=True, text=True, check=False
        ).stdout.strip()
    if shutil.which("iconv"):
        done = subprocess.run(["iconv", "--version"], capture_output=True, text=True, check=False)
        found["iconv"] = done.stdout.splitlines()[0]
    return found

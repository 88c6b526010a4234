"""A small typesetter on fpdf2: runs -> lines (word wrap with soft-hyphen breaks, optional
justification), each word drawn at its own position (as many PDF producers do)."""

from __future__ import annotations

from dataclasses import dataclass, field

from fpdf import FPDF

from .blocks import Para
from .geometry import rgb

SHY = "\u00ad"
DINGBATS = {"●": "l", "■": "n", "◆": "u", "✓": "3", "✔": "4", "•": "l", "▶": "t", "➤": "\u00e4"}


@dataclass(frozen=True)
class Piece:
    text: str
    bold: bool
    colour: str | None
    width: float
    space: bool  # a space precedes it on its line


@dataclass
class Line:
    pieces: list[Piece] = field(default_factory=list)
    last: bool = False  # the paragraph's last line (never justified)

    def natural(self, space: float) -> float:
        return sum(p.width for p in self.pieces) + space * sum(1 for p in self.pieces[1:] if p.space)


@dataclass(frozen=True)
class Word:
    text: str
    bold: bool
    colour: str | None
    space_before: bool


class Typesetter:
    def __init__(self, pdf: FPDF, family: str, symbol: str, dingbats: bool, justify: bool) -> None:
        self.pdf, self.family, self.symbol, self.dingbats, self.justify = pdf, family, symbol, dingbats, justify

    def measure(self, text: str, bold: bool, size: float) -> float:
        self.pdf.set_font(self.family, "B" if bold else "", size)
        return float(self.pdf.get_string_width(text.replace(SHY, "")))

    def words(self, runs: Para, bold: bool = False, colour: str | None = None) -> list[Word]:
        out: list[Word] = []
        pending_space = False
        for run in runs:
            parts = run.text.split(" ")
            for i, part in enumerate(parts):
                if i:
                    pending_space = True
                if not part:
                    continue
                out.append(Word(part, run.bold or bold, run.colour or colour, pending_space and bool(out)))
                pending_space = False
        return out

    def wrap(self, words: list[Word], width: float, size: float) -> list[Line]:
        space = self.measure(" ", False, size)
        lines: list[Line] = [Line()]
        for word in words:
            self._place(lines, word, width, size, space)
        lines[-1].last = True
        return [line for line in lines if line.pieces]

    def _place(self, lines: list[Line], word: Word, width: float, size: float, space: float) -> None:
        text = word.text
        line = lines[-1]
        gap = space if word.space_before and line.pieces else 0.0
        full = self.measure(text, word.bold, size)
        glued = bool(line.pieces) and not word.space_before  # a run boundary inside a word ("funding" + ".")
        if glued or line.natural(space) + gap + full <= width or not line.pieces and SHY not in text:
            line.pieces.append(Piece(text.replace(SHY, ""), word.bold, word.colour, full, gap > 0))
            return
        head, tail = self._hyphen_split(text, width - line.natural(space) - gap, word.bold, size)
        if head:
            line.pieces.append(Piece(head, word.bold, word.colour, self.measure(head, word.bold, size), gap > 0))
            text = tail
        lines.append(Line())
        rest = Word(text, word.bold, word.colour, False)
        if self.measure(text, word.bold, size) > width and SHY in text:
            self._place(lines, rest, width, size, space)
        else:
            lines[-1].pieces.append(Piece(text.replace(SHY, ""), word.bold, word.colour,
                                          self.measure(text, word.bold, size), False))  # fmt: skip

    def _hyphen_split(self, text: str, room: float, bold: bool, size: float) -> tuple[str, str]:
        """The longest prefix up to a soft hyphen that fits in ``room`` with its hyphen."""
        best = ("", text)
        for i, ch in enumerate(text):
            if ch == SHY:
                head = text[:i].replace(SHY, "") + "-"
                if self.measure(head, bold, size) <= room:
                    best = (head, text[i + 1 :])
        return best

    def draw(self, line: Line, x: float, baseline: float, width: float, size: float, colour: str = "#1a1a1a") -> None:
        space = self.measure(" ", False, size)
        stretch = 0.0
        gaps = sum(1 for p in line.pieces[1:] if p.space)
        if self.justify and not line.last and gaps:
            stretch = max(0.0, (width - line.natural(space)) / gaps)
        cursor = x
        for i, piece in enumerate(line.pieces):
            if i and piece.space:
                cursor += space + stretch
            self.pdf.set_font(self.family, "B" if piece.bold else "", size)
            self.pdf.set_text_color(*[int(c * 255) for c in rgb(piece.colour or colour)])
            self.pdf.text(cursor, baseline, piece.text)
            cursor += piece.width

    def glyph(self, glyph: str, x: float, baseline: float, size: float, colour: str) -> None:
        self.pdf.set_font(self.symbol, "", size * 0.85)
        self.pdf.set_text_color(*[int(c * 255) for c in rgb(colour)])
        self.pdf.text(x, baseline, DINGBATS.get(glyph, "l") if self.dingbats else glyph)

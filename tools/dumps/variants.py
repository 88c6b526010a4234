"""Documented transformations of a real tool's output: what a copy-paste or a re-encoding leaves.

Every function here takes the text a real tool printed and returns what a person holding that text
after one more everyday step would hold. Nothing here invents content: a bullet glyph is swapped for
another or dropped, a character the target encoding lacks is replaced as the named tool replaces it.

- Bullet glyphs (`BULLETS`) are recognised only as list markers: at the start of a line (after
  optional blanks) or after a blank, and followed by a blank.
- `bullets_as(text, repl)`: every bullet glyph becomes `repl` ("•", "-", "*", "o"); what word
  processors and chat boxes do when a list is pasted as plain text or re-typed.
- `bullets_private_use(text)`: every bullet glyph becomes the private-use code point that a PDF
  made by a word processor with Symbol/Wingdings bullets yields when its font has no Unicode map
  (round bullets U+F0B7 (Symbol), squares U+F0A7, arrowheads U+F0D8, check marks U+F0FC (Wingdings)).
- `bullets_dropped(text)`: the glyph and the blanks after it are removed (viewers that draw bullets
  as graphics, or the text layer skipping a glyph it cannot map).
- `iconv_cp1252(text)`: glibc `iconv -f UTF-8 -t CP1252//TRANSLIT` (the real tool): characters
  cp1252 has are kept (• – “ ” É ...), letters it lacks are transliterated (Ł -> L, ő -> o) and
  symbols it cannot transliterate (▶ ✓ ● ■ ...) become "?". Returns cp1252 bytes.
- `cp1252_best_fit(text)`: the issue's observation of a Windows "best fit" round trip: right-pointing
  triangles and arrowheads -> ">", check marks -> "v" (`BEST_FIT`), then `iconv_cp1252` for the
  rest, decoded back. The `BEST_FIT` table is ours (from what the issue saw in a real dump), not
  Windows's full best-fit table.
"""

from __future__ import annotations

import re
import subprocess

ROUND = "•●◦○∙"
SQUARE = "■□▪▫◆◇"
ARROW = "▶▸►▹➤➢‣"
CHECK = "✓✔☑"
PRIVATE_USE = "\uf0b7\uf0a7\uf0d8\uf0fc"
BULLETS = ROUND + SQUARE + ARROW + CHECK + PRIVATE_USE

_BULLET = re.compile(rf"(?m)(?:^|(?<=\s))[{BULLETS}](?=[ \t])")
_BULLET_AND_BLANKS = re.compile(rf"(?m)(?:^|(?<=\s))[{BULLETS}][ \t]+")

PRIVATE_USE_OF = {
    **dict.fromkeys(ROUND, "\uf0b7"),
    **dict.fromkeys(SQUARE, "\uf0a7"),
    **dict.fromkeys(ARROW, "\uf0d8"),
    **dict.fromkeys(CHECK, "\uf0fc"),
}

BEST_FIT = {**dict.fromkeys(ARROW, ">"), **dict.fromkeys(CHECK, "v")}
_BEST_FIT_TABLE = str.maketrans(BEST_FIT)


def bullets_as(text: str, repl: str) -> str:
    """Every list-marker bullet glyph replaced by `repl`."""
    return _BULLET.sub(repl, text)


def bullets_private_use(text: str) -> str:
    """Every list-marker bullet glyph replaced by its Symbol/Wingdings private-use code point."""
    return _BULLET.sub(lambda m: PRIVATE_USE_OF.get(m.group(0), m.group(0)), text)


def bullets_dropped(text: str) -> str:
    """Every list-marker bullet glyph removed with the blanks after it."""
    return _BULLET_AND_BLANKS.sub("", text)


def iconv_cp1252(text: str) -> bytes:
    """`iconv -f UTF-8 -t CP1252//TRANSLIT` of `text` (glibc), as cp1252 bytes."""
    done = subprocess.run(
        ["iconv", "-f", "UTF-8", "-t", "CP1252//TRANSLIT"],
        input=text.encode("utf-8"),
        capture_output=True,
        check=True,
    )
    return done.stdout


def cp1252_round_trip(text: str) -> str:
    """`text` through `iconv_cp1252` and decoded back from cp1252."""
    return iconv_cp1252(text).decode("cp1252")


def cp1252_best_fit(text: str) -> str:
    """Arrowheads -> ">", check marks -> "v", then the cp1252 round trip for everything else."""
    return cp1252_round_trip(text.translate(_BEST_FIT_TABLE))

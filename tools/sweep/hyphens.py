"""Hyphenation: soft hyphens (U+00AD) in the words of prose paragraphs, where a producer may
break a line (and then print a hyphen). Names (capitalised words), numbers and URLs are left whole."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

import pyphen

from .blocks import Block, Paragraph, Run, Spotlight

WORD = re.compile(r"[a-z]{7,}")
SHY = "\u00ad"


@cache
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_GB")


def hyphenate_text(text: str) -> str:
    return WORD.sub(
        lambda m: _dictionary().inserted(m.group(0), hyphen=SHY) if _is_plain(m, text) else m.group(0), text
    )


def _is_plain(match: re.Match[str], text: str) -> bool:
    start = match.start()
    return start == 0 or text[start - 1] in " (" and not text[start - 1 : start].isupper()


def _runs(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    return tuple(replace(run, text=hyphenate_text(run.text)) for run in runs)


def hyphenate_blocks(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            block = replace(block, runs=_runs(block.runs))
        elif isinstance(block, Spotlight):
            block = replace(block, paragraphs=tuple(_runs(p) for p in block.paragraphs))
        out.append(block)
    return out

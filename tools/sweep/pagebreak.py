"""Where page 2 starts: before a section, mid-sentence, mid-list or between a list's intro and
its items (a forced break; a page that overflows before it still breaks where it must)."""

from __future__ import annotations

import random
from dataclasses import replace

from .blocks import Block, Bullets, Heading, PageBreak, Paragraph, Run

MIDDLE_SECTIONS = ("partnerships", "funding", "impact", "data")


def _length(block: Block) -> int:
    if isinstance(block, Paragraph):
        return sum(len(r.text) for r in block.runs)
    if isinstance(block, Bullets):
        return sum(len(r.text) for item in block.items for r in item) + 30 * len(block.items)
    return 120


def _sections(blocks: list[Block]) -> list[str]:
    """The section key each block belongs to."""
    keys: list[str] = []
    current = ""
    for block in blocks:
        if isinstance(block, Heading):
            current = block.key
        keys.append(current)
    return keys


def _candidates(blocks: list[Block], kind: str) -> list[int]:
    keys = _sections(blocks)
    found: list[int] = []
    for i, block in enumerate(blocks):
        if keys[i] not in MIDDLE_SECTIONS and not (kind == "mid_list" and keys[i] == "vision"):
            continue
        if (
            kind == "section"
            and isinstance(block, Heading)
            or kind == "mid_sentence"
            and isinstance(block, Paragraph)
            and _words(block) >= 14
            or kind == "mid_list"
            and isinstance(block, Bullets)
            and len(block.items) >= 2
            or kind == "intro_list"
            and isinstance(block, Bullets)
            and i
            and isinstance(blocks[i - 1], Paragraph)
        ):
            found.append(i)
    return found


def _words(paragraph: Paragraph) -> int:
    return len("".join(r.text for r in paragraph.runs).split())


def _pick(blocks: list[Block], candidates: list[int], rng: random.Random) -> int:
    total = sum(_length(b) for b in blocks)
    target = total * rng.uniform(0.4, 0.6)
    starts, position = [], 0
    for block in blocks:
        starts.append(position)
        position += _length(block)
    return min(candidates, key=lambda i: abs(starts[i] - target))


def insert_page_break(blocks: list[Block], kind: str, rng: random.Random) -> tuple[list[Block], str]:
    """The blocks with a ``PageBreak`` where ``kind`` asks (or before a section if it cannot be)."""
    if kind == "natural":
        return blocks, kind
    candidates = _candidates(blocks, kind)
    if not candidates:
        kind, candidates = "section", _candidates(blocks, "section")
    if not candidates:
        return blocks, "natural"
    i = _pick(blocks, candidates, rng)
    block = blocks[i]
    if kind == "mid_sentence" and isinstance(block, Paragraph):
        first, second = split_paragraph(block, rng)
        return [*blocks[:i], first, PageBreak(), second, *blocks[i + 1 :]], kind
    if kind == "mid_list" and isinstance(block, Bullets):
        cut = rng.randint(1, len(block.items) - 1)
        head, tail = replace(block, items=block.items[:cut]), replace(block, items=block.items[cut:], continues=True)
        return [*blocks[:i], head, PageBreak(), tail, *blocks[i + 1 :]], kind
    return [*blocks[:i], PageBreak(), *blocks[i:]], kind


def split_paragraph(paragraph: Paragraph, rng: random.Random) -> tuple[Paragraph, Paragraph]:
    """Cut a paragraph between two words near its middle (inside a sentence where it can)."""
    text = "".join(r.text for r in paragraph.runs)
    spaces = [i for i, ch in enumerate(text) if ch == " " and text[i - 1] not in ".:"]
    middle = spaces[len(spaces) // 3 : max(len(spaces) * 2 // 3, len(spaces) // 3 + 1)]
    cut = rng.choice(middle)
    head: list[Run] = []
    tail: list[Run] = []
    position = 0
    for run in paragraph.runs:
        end = position + len(run.text)
        if end <= cut:
            head.append(run)
        elif position > cut:
            tail.append(run)
        else:
            before, after = run.text[: cut - position], run.text[cut - position + 1 :]
            if before:
                head.append(replace(run, text=before))
            if after:
                tail.append(replace(run, text=after))
        position = end
    return replace(paragraph, runs=tuple(head), cut=True), replace(paragraph, runs=tuple(tail), continues=True)

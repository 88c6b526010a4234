"""Blocks: the lines of a section grouped into paragraphs, bullet items and grid rows."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Literal

from ..models import MAX_ITEM_LINE, Block, Line
from ..textutil import NUMBERED_ITEM_RE, ends_mid_sentence, join_wrapped, split_sentences
from .headings import TermGroups
from .signatures import leftmost_signature, signature_of


def wrap_width(lines: Sequence[Line]) -> int | None:
    """The width, in characters, that a text dump's running text wraps at (most lines of a
    paragraph fill it); None for a PDF, whose paragraphs the layout stage has already found."""
    lengths = sorted(len(line.text) for line in lines if line.text and line.bbox is None)
    if not lengths or any(line.bbox is not None for line in lines):
        return None
    return lengths[int(0.9 * (len(lengths) - 1))]


def group_blocks(lines: Iterable[Line], wrap: int | None = None, term_groups: TermGroups | None = None
                 ) -> tuple[Block, ...]:
    """Group section lines into paragraphs, bullet items and grid rows. In a dump (``wrap``: the
    width its text wraps at, ``wrap_width``), a line ending well short of it ends its paragraph,
    and so does a line that is a term of the vocabulary (``term_groups``): a list item, not prose."""
    blocks: list[Block] = []
    pending: list[Line] = []
    kind: Literal["paragraph", "bullet", "row"] = "paragraph"
    bridged = False  # a blank line inside an open parenthesis or a sentence: the next line may carry it on
    for line in lines:
        numbered = NUMBERED_ITEM_RE.match(line.text)
        if numbered is not None and len(line.cells) <= 1:  # "1. Item": the list's own marker
            line = line._replace(text=line.text[numbered.end():], bullet=True, cells=())
        if bridged and line.text and not _carries_on(pending, line):
            _close(blocks, kind, pending)
        bridged = not line.text and bool(pending) and (_open_parenthesis(pending[-1].text) or (
            kind == "paragraph" and (cut_mid_sentence(pending[-1].text, term_groups)
                                     or _HYPHENATED_END_RE.search(pending[-1].text) is not None)))
        if not line.text:
            if not bridged:
                _close(blocks, kind, pending)
        elif len(line.cells) > 1:
            _close(blocks, kind, pending)
            blocks.append(_block("row", line.text, (line,)))
        elif line.bullet:
            _close(blocks, kind, pending)
            kind = "bullet"
            pending.append(line)
        elif pending and _continues(pending, line, kind, wrap, term_groups):
            pending.append(line)
        else:
            _close(blocks, kind, pending)
            kind = "paragraph"
            pending.append(line)
    _close(blocks, kind, pending)
    return tuple(_split_run_ins(blocks, term_groups))


# a word cut at its hyphen ("innova-"), or at a break the layout marked (``textutil.SOFT_BREAK``...)
_HYPHENATED_END_RE = re.compile(r"[^\W\d_][-\u2010\u00ad\u2011]\s*$")


def _open_parenthesis(text: str) -> bool:
    return text.count("(") > text.count(")")


def cut_mid_sentence(text: str, term_groups: TermGroups | None) -> bool:
    """A paragraph's last line that stops after a word or a comma ("… human resource support,
    engagement with"), and is not a list item printed without a marker: a column or page break cut it."""
    return ends_mid_sentence(text) and not (term_groups is not None and term_groups(text.rstrip()))


def joined(first: Block, rest: Block) -> Block:
    """One paragraph of ``first`` and the ``rest`` of its sentence printed after a break."""
    return _block("paragraph", join_wrapped([first.text, rest.text]), first.lines + rest.lines)


def _carries_on(pending: list[Line], line: Line) -> bool:
    """``line`` carries on, after a blank line, the text the ``pending`` lines left open: it
    starts in lower case, is no list item or grid row, and closes the parenthesis left open
    ("Higher levels of government (national or regional", "", "government)") or goes on with
    the sentence cut ("… engagement with", "", "partners and leadership from the Mayor.") across
    a break: on the page, in the next column or on the next page; in a dump, after a paragraph of
    lines (a one-line block may be a label: "with sufficient data", "", "without sufficient data").
    On a page, a sentence cut after a comma goes on in a capital too ("Like a third of cities
    surveyed," / "Louisville does not have …" on the next page): no sentence ends with a comma."""
    if line.bullet or len(line.cells) > 1:
        return False
    previous = pending[-1]
    if not line.text[:1].islower():
        return (previous.text.rstrip().endswith(",") and previous.bbox is not None and line.bbox is not None
                and (line.page, line.column) != (previous.page, previous.column))
    if _open_parenthesis(previous.text):
        return ")" in line.text
    if previous.bbox is None or line.bbox is None:
        return len(pending) > 1
    return (line.page, line.column) != (previous.page, previous.column)


def _close(blocks: list[Block], kind: Literal["paragraph", "bullet", "row"], pending: list[Line]) -> None:
    """End the open block: its lines joined into one ``Block``."""
    if pending:
        blocks.append(_block(kind, join_wrapped([line.text for line in pending]), tuple(pending)))
        pending.clear()


def _split_run_ins(blocks: Iterable[Block], term_groups: TermGroups | None) -> Iterator[Block]:
    """``blocks`` with each list item that runs into a sentence bearing a section's signature
    ended where that sentence starts, the sentence a paragraph of its own: a slide's text box set
    it tight under the last bullet; a list printed without markers ran its last item into it
    ("… for firms and residents The most critical success factors …": a paragraph whose words
    before the sentence are a term of the vocabulary, or several terms one after the other)."""
    for block in blocks:
        start = _run_in_start(block, term_groups)
        while start is not None:  # each item run on before the sentence ("… funding Municipal budget Łódź's …")
            # each part one line of the text it holds (the first and the last line's place): the
            # mappers read a paragraph's lines as its items
            item, rest = block.text[:start].rstrip(), block.text[start:]
            yield _block(block.kind, item, (block.lines[0]._replace(text=item),))
            block = _block("paragraph", rest, (block.lines[-1]._replace(text=rest, bullet=False, cells=(rest,)),))
            # after an item ran in, the rest of its list ends where the signed sentence starts, terms
            # of the vocabulary or not ("Resource efficiency Simplifying … Data plays a …")
            start = _run_in_start(block, term_groups) or _list_rest_end(block.text)
        yield block


# a space after a word (no punctuation before it) where a sentence starts: a capitalised word,
# then one in lower case ("… residents The most", "… fund) Cluj-Napoca's funding"), not a run of
# capitalised cells ("Equity Blight Government Finance")
_SENTENCE_GAP_RE = re.compile(r"(?<=[\w)]) (?=[^\W\d_a-z][\w'’-]* [a-z])")


def _run_in_start(block: Block, term_groups: TermGroups | None) -> int | None:
    """Where a signed sentence starts inside ``block``: in a bullet longer than an item, its
    first capitalised word before the signature; in a paragraph, the first capitalised word
    after words that are a term of the vocabulary, when the sentence from there bears a signature."""
    text = block.text
    if block.kind == "bullet" and len(text) > MAX_ITEM_LINE:
        return _signed_sentence_start(text)
    if block.kind != "paragraph" or term_groups is None:
        return None
    for gap in _SENTENCE_GAP_RE.finditer(text):
        if gap.start() > MAX_ITEM_LINE:
            break  # the words before it are longer than an item
        if term_groups(text[:gap.start()]) and signature_of(text[gap.end():].lower()):
            return gap.end()
    return None


def _list_rest_end(text: str) -> int | None:
    """Where a signed sentence starts after the rest of a list's items run into it: within two
    items' length, after other words."""
    start = _signed_sentence_start(text)
    if start is None or start > 2 * MAX_ITEM_LINE or text[:start].rstrip().endswith(","):
        return None  # no sentence, too far, or the sentence's own opening ("Along with …, Lisboa has …")
    return start


def _signed_sentence_start(text: str) -> int | None:
    """Where a sentence bearing a section's signature starts inside ``text`` (its first
    capitalised word before the signature), if one does after other words."""
    signed = leftmost_signature(text.lower())
    if signed is None:
        return None
    starts = [index for index in range(1, signed[0] + 1) if text[index - 1] == " " and text[index].isupper()]
    return starts[-1] if starts else None


def _block(kind: Literal["paragraph", "bullet", "row"], text: str, lines: tuple[Line, ...]) -> Block:
    return Block(kind, text, lines, split_sentences(text))


_KEY_VALUE_RE = re.compile(r"^[A-Z][\w /]{1,40}:(?:\s|$)")
_ELIDED_ARTICLE_RE = re.compile(r"^['’‘]s-[^\W\d_a-z]")  # "'s-Hertogenbosch": a name, capitalised


def _capitalised(text: str) -> bool:
    """``text`` starts with a capital, or with a name whose elided article comes first."""
    return text[:1].isupper() or _ELIDED_ARTICLE_RE.match(text) is not None


SHORT_LINE = 0.6  # of the wrap width: a line ending before this ended its paragraph


MAX_TERM_LINES = 3  # a term of the vocabulary wraps over this many lines at most


def _continues(pending: list[Line], line: Line, kind: str, wrap: int | None, term_groups: TermGroups | None) -> bool:
    """``line`` carries on the block of the ``pending`` lines."""
    previous = pending[-1]
    if _KEY_VALUE_RE.match(line.text):
        return False
    if kind == "paragraph":
        if not _capitalised(line.text):
            return True
        if previous.text.endswith(":"):
            return False
        if previous.text.count("(") > previous.text.count(")"):
            return True  # a parenthesis left open: "… within a department (the" / "Department of …)"
        if term_groups is not None and (term_groups(previous.text) or (
                1 < len(pending) <= MAX_TERM_LINES and term_groups(join_wrapped([part.text for part in pending])))):
            return False  # a list item printed without a marker (wrapped or not), then a new line: it ended
        if term_groups is not None and previous.text.endswith((".", "?", "!")) and term_groups(line.text):
            return False  # a sentence ended, then a list item printed without a marker ("… in the city." / "Blight")
        if wrap is None:
            return True
        # in a hard-wrapped dump, a capital after a sentence end, after a line that stops short of
        # the wrap width or after a list item starts a new block: the paragraph, item or tile ended
        ended = (previous.text.endswith((".", "?", "!")) or len(previous.text) < SHORT_LINE * wrap
                 or (term_groups is not None and bool(term_groups(previous.text) or term_groups(line.text))))
        return not ended or previous.text.endswith((",", "/", "-", "&", " and", " or"))
    first = line.text[:1]
    return first.islower() or previous.text.endswith(("-", "/", ",", ":")) or line.text.startswith(
        ("http", "www.")
    )

"""Lines a dump tool joined at a hyphen it took away, parted again where the hyphen stood.

``pdftotext`` and a viewer's copy join a line that ends in a hyphen to the next one and drop
the hyphen: right for a word broken at the margin ("deliv-" + "ery"), wrong for a compound
("self-" + "driving" becomes "selfdriving", "co-" + "create" "cocreate"). The dump shows where
it happened: among the paragraph's lines, all as long as its measure, one line is about twice
as long, and the word that straddles its first measure is no English word but two of them.
Such a line is parted there, the hyphen back at the end of its first part, so that the
document's own evidence and the English word list decide the hyphen as they decide every
line-end hyphen (``hyphens.mark_line_ends``): the record reads "self-driving". A line three
printed lines long is parted at each such compound, a measure apart; where a join left no trace
(a word rightly joined, "part-" + "nership", or a hyphen kept, "Donostia-" + "San"), the next
printed line is taken to begin about a measure on, and only a word the word list lacks is taken
for a compound there ("dampest" is a word, "cocreate" none).

The word parts into two common words at the join ("self" + "driving", "pilot" + "to"; a prefix
such as "co" counts as a word, and a parting after a prefix wins: "co" + "design", not "code" +
"sign"; else the one that leaves the longest first line), is printed nowhere else in the document,
stands outside a web address, on a line of words (not a line two columns share, nor one whose
words a tool ran together) inside a wrapped paragraph.

Where the document prints the word elsewhere with its hyphens ("Saint-Étienne" in the header,
"SaintÉtienne" where a line of the text ended after "Saint-"), the joined word, no English word,
takes them back wherever it stands (``hyphens_printed_elsewhere``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import takewhile

from .hyphens import AFFIXES, LINE_END_HYPHENS, RARE, Hyphenation, english_frequency

# a lower-case word, not one broken at a line end ("resid-" + a space: a break a tool left open)
_CANDIDATE_RE = re.compile(r"(?<![^\W\d_])[a-z]+(?![^\W\d_])(?![-\u2010\u00ad](?![^\W\d_]))")
_WORD_RE = re.compile(r"[^\W\d_]+")
_SPACE_RE = re.compile(r"\s")
_HYPHENATED_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
_PUNCTUATION = ".,;:!?()[]{}\"'“”‘’«»*_"  # around a word printed with its hyphens
NEIGHBOURS = 4  # lines each side whose lengths give a paragraph's measure
JOINED = 1.5  # a line this many measures long at least holds a line joined on
FULL = 0.8  # two lines this close in length are full lines of the paragraph
SHORTEST_PART = 0.6  # measures: a line that went on in the next one was at least this long
LONGEST_PART = 1.1  # measures: and at most this long (the measure is a guess from the lines around)
NEXT_LINE = 0.9  # measures: where a line began after one whose join left no trace, a guess
MIN_MEASURE = 20  # characters: shorter lines are no paragraph's
WORDS = 0.85  # share of a line's words that are English: a line of words, not one run together


def part_rejoined(texts: Sequence[str]) -> list[str]:
    """The dump's lines with each line a tool joined at a dropped hyphen parted again, its first
    part ending in the hyphen (see the module docstring)."""
    lengths = [len(text.rstrip()) for text in texts]
    hyphenation: Hyphenation | None = None
    parted: list[tuple[int, list[str]]] = []
    for index, length in enumerate(lengths):
        if length < JOINED * MIN_MEASURE or not _wrapped(texts, index):
            continue  # too short, or a paragraph printed on one line: no line of one joined on
        measure = _measure(_paragraph_around(lengths, index), length)
        if measure is None or "   " in texts[index].strip():
            continue
        hyphenation = hyphenation or Hyphenation.from_texts(texts)
        parts = _parted(texts[index].rstrip(), measure, hyphenation)
        if len(parts) > 1:
            parted.append((index, parts))
    lines = list(texts)
    for index, parts in reversed(parted):
        lines[index : index + 1] = parts
    return lines


def _wrapped(texts: Sequence[str], index: int) -> bool:
    """The line at ``index`` is inside a paragraph a tool wrapped: it carries on the line before
    it, or the next one carries it on (a lower-case start)."""
    following = texts[index + 1] if index + 1 < len(texts) else ""
    return texts[index].lstrip()[:1].islower() or following.lstrip()[:1].islower()


def _paragraph_around(lengths: list[int], index: int) -> list[int]:
    """The lengths of up to ``NEIGHBOURS`` lines each side of line ``index`` in its paragraph (no
    blank line between)."""
    before = takewhile(bool, reversed(lengths[max(0, index - NEIGHBOURS) : index]))
    after = takewhile(bool, lengths[index + 1 : index + 1 + NEIGHBOURS])
    return [*before, *after]


def hyphens_printed_elsewhere(text: str) -> str:
    """``text`` with each word a tool joined at a dropped hyphen written with the hyphens the
    document prints it with elsewhere ("SaintÉtienne" -> "Saint-Étienne", "ClujNapoca" ->
    "Cluj-Napoca"): a word that is no English word, outside a web address."""
    words = (token.strip(_PUNCTUATION) for token in text.split() if "-" in token)
    printed = {_letters(word): word for word in words if _HYPHENATED_RE.fullmatch(word)}
    folded = text.casefold()
    joined = [key for key in printed if key in folded]  # most documents print none: no scan of their words
    if not joined:
        return text
    pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, joined))})(?![\w-])", re.IGNORECASE)

    def hyphenated(match: re.Match[str]) -> str:
        word = match.group()
        form = printed.get(_letters(word))
        if form is None or _in_address(text, match) or english_frequency(word.lower()):
            return word  # a word of its own ("nonprofit" beside "non-profit"): both are printed
        letters = iter(word)
        return "".join(char if char == "-" else next(letters) for char in form)

    return pattern.sub(hyphenated, text)


def _letters(word: str) -> str:
    return word.replace("-", "").casefold()


def _measure(around: list[int], length: int) -> int | None:
    """The measure of the paragraph around a line ``length`` long that holds a line joined on:
    the longest of the lines ``around`` it that are no such line and that another one of them
    nearly matches (a full line; one line joined on among them is no measure); else None."""
    shorter = sorted((other for other in around if other * JOINED <= length), reverse=True)
    for rank, measure in enumerate(shorter[:-1]):
        if shorter[rank + 1] >= FULL * measure:
            return measure if measure >= MIN_MEASURE else None
    return None


def _parted(text: str, measure: int, hyphenation: Hyphenation) -> list[str]:
    """``text`` parted at each compound whose hyphen a tool dropped at a line end, the first at
    a measure from its start, the next a measure on from there."""
    words = _WORD_RE.findall(text.replace("\u00ad", ""))  # "col\u00adlab\u00ador\u00ada\u00adtion" is one word
    if text[:1].islower() and words and not english_frequency(words[0]):
        words = words[1:]  # the rest of a word the line before broke ("part-" + "nership")
    if text.endswith(LINE_END_HYPHENS) and words and not english_frequency(words[-1]):
        words = words[:-1]  # a word the line end breaks ("deliv-" + "ery")
    if sum(1 for word in words if english_frequency(word.lower())) < WORDS * len(words):
        return [text]
    parts: list[str] = []
    part = start = 0  # where the part begins; where its printed line began
    guessed = False  # the line's start is a guess: a join before it left no trace
    while len(text) - start > LONGEST_PART * measure + 1:  # the rest is still longer than one line
        # after a guess, only a word the word list lacks is taken for a compound ("dampest" is a word)
        cut = _cut(text, start, measure, hyphenation, rare=1 if guessed else RARE)
        if cut is None:  # a word rightly joined ("part-" + "nership"): the next line began about here
            start += round(NEXT_LINE * measure)
            guessed = True
            continue
        parts.append(text[part:cut] + "-")
        part = start = cut
        guessed = False
    return [*parts, text[part:]]


def _cut(text: str, start: int, measure: int, hyphenation: Hyphenation, rare: int) -> int | None:
    """Where in ``text`` (after ``start``) a compound that straddles the line's measure lost its
    hyphen, or None: a word the English word list holds ``rare`` times or more is no compound."""
    cuts = []
    for match in _CANDIDATE_RE.finditer(text, start):
        if match.start() - start > LONGEST_PART * measure:
            break
        word = match.group()
        if english_frequency(word) >= rare or hyphenation.printed(word, times=2) or _in_address(text, match):
            continue
        cuts += [(match.start() + split, word[:split] in AFFIXES) for split in _compound_splits(word)
                 if SHORTEST_PART * measure <= match.start() + split - start <= LONGEST_PART * measure + 1]
    prefixed = [cut for cut, prefix in cuts if prefix]  # "co" + "design" rather than "code" + "sign"
    # else the longest first line: the piece after it did not fit ("pilot" + "to", not "pi" + "lotto")
    return max(prefixed or [cut for cut, _ in cuts], default=None)


def _compound_splits(word: str) -> list[int]:
    """Where ``word`` parts into two common English words, the first of which may be a prefix
    ("co" + "create")."""
    return [split for split in range(2, len(word) - 1)
            if english_frequency(word[split:]) >= RARE
            and (word[:split] in AFFIXES or english_frequency(word[:split]) >= RARE)]


def _in_address(text: str, match: re.Match[str]) -> bool:
    """The word is part of a web address ("louisvilleky.gov/opendata")."""
    before = _SPACE_RE.search(text[: match.start()][::-1])
    after = _SPACE_RE.search(text, match.end())
    token = text[match.start() - (before.start() if before else match.start()) : after.start() if after else len(text)]
    return "/" in token or "." in token.rstrip(".,;:")

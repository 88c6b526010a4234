"""Hyphens at line ends: a discretionary break or a real hyphen? Both readers ask.

``Hyphenation`` decides from evidence in the document itself (the word printed elsewhere whole or
hyphenated, whether the producer marks its breaks with U+2010/U+00AD, and whether it breaks
words with a plain hyphen), then from the project's vocabulary and headings, then from an
English word list (pyspellchecker's frequencies: "know-" + "ledge" is a break, "low-" + "cost" a
hyphen); the decision is
written as a marker that ``textutil.join_wrapped`` understands (``SOFT_BREAK`` / ``HARD_BREAK``).
``mark_line_ends`` marks the line ends of a text dump, whose next line carries the word on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from ..textutil import HARD_BREAK, SOFT_BREAK, ends_in_address

if TYPE_CHECKING:
    from spellchecker.spellchecker import WordFrequency

_FRAGMENT_RE = re.compile(r"[^\W\d_]+$")
_HEAD_RE = re.compile(r"[^\W\d_]+")
_WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_BREAK_HYPHENS = ("\u2010", "\u00ad")
_MARKED_BREAK_RE = re.compile("[\u2010\u00ad][ \t]*(?:\n|$)")
LINE_END_HYPHENS = ("-", *_BREAK_HYPHENS)
PRODUCER_BREAKS = 2  # plain line-end hyphens the evidence shows to be breaks: the producer hyphenates


def mark_line_ends(texts: Sequence[str]) -> list[str]:
    """A dump's lines with each line-end hyphen that the next line carries on marked as
    ``Hyphenation`` decides, the document's lines weighed together."""
    hyphenation = Hyphenation.from_texts(texts)
    ends = [index for index in range(len(texts) - 1) if texts[index].rstrip().endswith(LINE_END_HYPHENS)
            and texts[index + 1].strip()]
    marked = list(texts)
    for index, text in zip(ends, hyphenation.mark_all([(texts[i], texts[i + 1]) for i in ends]), strict=True):
        marked[index] = text
    return marked


_CUT_END_RE = re.compile(r"(?<![^\W\d_])(?<!['’])[^\W\d_]+$")  # a word's last letters ("city’s": no piece of its own)
_CLOSING = tuple(".,;:!?)")  # marks that close what is before them: a line starting with one was cut
_CUT_HEAD_RE = re.compile(r"[a-z]+(?![^\W\d_])")
FIXED_WIDTH_LINES = 3  # lines at least as long as the longest but one: a tool wrapped at a fixed width


def mark_cut_words(texts: Sequence[str]) -> list[str]:
    """A dump's lines with each line end that cuts a word without a hyphen marked as a break: a
    tool that wraps at a fixed width cuts a word that does not fit ("two neigh" / "bourhoods",
    "a holisti" / "c"). Only lines as long as the longest (``FIXED_WIDTH_LINES`` of them or more)
    are asked, and a cut is one where the two pieces make a common English word and are not both
    words of their own ("in" / "to" stays two words), or where the next line starts with the
    sentence's closing mark ("model" / ".")."""
    lengths = [len(text.rstrip()) for text in texts]
    width = max(lengths, default=0) - 1
    if sum(1 for length in lengths if length >= width) < FIXED_WIDTH_LINES:
        return list(texts)
    marked = list(texts)
    for index in range(len(texts) - 1):
        if lengths[index] < width or not (end := _CUT_END_RE.search(texts[index].rstrip())):
            continue
        if texts[index + 1].lstrip()[:1] in _CLOSING:  # "… the same model" / ".": no word starts so
            marked[index] = texts[index].rstrip() + SOFT_BREAK
            continue
        head = _CUT_HEAD_RE.match(texts[index + 1].lstrip())
        if head is None:
            continue
        piece, rest = end.group().lower(), head.group()
        if english_frequency(piece + rest) >= RARE and not (_own_word(piece) and _own_word(rest.lower())):
            marked[index] = texts[index].rstrip() + SOFT_BREAK
    return marked


def _own_word(piece: str) -> bool:
    """``piece`` may stand as a word of its own: a word of the list that is not rare, and of one
    letter only "a" or "i" (the list counts every letter: "wit" / "h" is "with" cut)."""
    return english_frequency(piece) >= RARE and (len(piece) > 1 or piece in "ai")


@dataclass(frozen=True)
class Hyphenation:
    """Evidence for line-end hyphens: the document's words and how its producer marks breaks."""

    text: str  # the document's lines, lower-cased, one a line
    marks_breaks: bool

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Hyphenation:
        text = "\n".join(texts)
        # substring tests spare most documents a regex scan of their whole text
        marked = any(mark in text for mark in _BREAK_HYPHENS) and _MARKED_BREAK_RE.search(text) is not None
        return cls(text.lower(), marked)

    def printed(self, word: str, times: int = 1) -> bool:
        """``word`` (lower case) is printed at least ``times`` times as a word of its own: not
        part of a longer word or of a hyphenated compound. (Searched for rather than indexed up
        front: a document asks about a few words only.)"""
        text, size, found = self.text, len(word), 0
        start = text.find(word)
        while start >= 0:
            if not (_joins(text, start - 1, -1) or _joins(text, start + size, 1)):
                found += 1
                if found >= times:
                    return True
            start = text.find(word, start + 1)
        return False

    def mark_all(self, ends: Sequence[tuple[str, str]]) -> list[str]:
        """Each line end ``(text, following)`` marked as ``mark`` does; and when the evidence shows
        that the producer breaks words with a plain hyphen (``PRODUCER_BREAKS`` of them, none
        marked with U+2010/U+00AD), a plain hyphen the evidence left open that joins two pieces
        neither of which is a word of the document or the vocabulary ("Re-" + "cent") is a
        break too: a real compound joins words ("co-" + "design", "city-" + "wide")."""
        decided = [self._decide(text, following) for text, following in ends]
        marked = [result for result, _ in decided]
        sure = [result[-1:] for result, guess in decided if not guess and result.endswith((SOFT_BREAK, HARD_BREAK))]
        if HARD_BREAK in sure and SOFT_BREAK not in sure:
            # the producer keeps hyphens at line ends and breaks no word that the evidence shows:
            # a hyphen between two words is printed ("long-" + "standing", "longstanding" a word too)
            marked = [result[: -len(SOFT_BREAK)] + HARD_BREAK if guess else result for result, guess in decided]
        breaks = sum(1 for (text, _), result in zip(ends, marked, strict=True)
                     if result.endswith(SOFT_BREAK) and text.rstrip().endswith("-"))
        if self.marks_breaks or breaks < PRODUCER_BREAKS:
            return marked
        return [self._word_break(text, following) if result == text else result
                for (text, following), result in zip(ends, marked, strict=True)]

    def _word_break(self, text: str, following: str) -> str:
        stripped = text.rstrip()
        pieces = _pieces(stripped, following)
        if pieces is None or not stripped.endswith("-"):
            return text
        known = known_words()
        if any(piece in known or self.printed(piece, 2) for piece in (pieces[0].lower(), pieces[1].lower())):
            return text  # a word piece cut by a break is printed once, as itself
        return stripped[:-1] + SOFT_BREAK

    def mark(self, text: str, following: str) -> str:
        """``text`` with its line-end hyphen replaced by a break marker when the evidence says:
        a web address keeps its hyphen; the word printed elsewhere in the document (hyphenated
        or whole), then in the project's vocabulary and headings, then the producer's break
        character, then English (``_by_dictionary``); else ``text`` unchanged for
        ``join_wrapped``'s own rules."""
        return self._decide(text, following)[0]

    def _decide(self, text: str, following: str) -> tuple[str, bool]:
        """``mark``, and whether English alone made it a break between two words that are a
        word joined as well ("long-" + "standing": "longstanding"), which only the producer's
        habit decides (``mark_all``)."""
        stripped = text.rstrip()
        if len(stripped) < 2 or stripped[-1] not in LINE_END_HYPHENS:
            return text, False
        if ends_in_address(stripped):
            return stripped[:-1] + "-", False  # "https://x.org/open-" + "data": the address's own hyphen
        pieces = _pieces(stripped, following)
        if pieces is None:
            return (stripped[:-1] + "-" if stripped[-1] != "-" else text), False
        fragment, head = pieces
        joined = (fragment + head).lower()
        hyphenated = f"{fragment}-{head}".lower()
        known = known_words()
        for printed in (self.printed, known.__contains__):
            if printed(hyphenated):
                return stripped[:-1] + HARD_BREAK, False
            if printed(joined):
                return stripped[:-1] + SOFT_BREAK, False
        if stripped[-1] in _BREAK_HYPHENS:
            return stripped[:-1] + SOFT_BREAK, False
        if self.marks_breaks:
            return stripped[:-1] + HARD_BREAK, False
        result = _by_dictionary(stripped, fragment.lower(), head.lower(), text)
        return result, result.endswith(SOFT_BREAK) and _two_words(fragment.lower(), head.lower())


def _joins(text: str, index: int, step: int) -> bool:
    """The character at ``index`` carries a word on: a letter, or a hyphen with a letter after
    it (``step`` is the direction away from the word)."""
    if not 0 <= index < len(text):
        return False
    char = text[index]
    if char == "-":
        beyond = index + step
        return 0 <= beyond < len(text) and text[beyond].isalpha()
    return char.isalpha()


def _pieces(stripped: str, following: str) -> tuple[str, str] | None:
    """(word piece before the line-end hyphen, word piece the next line starts with) when that
    one starts with a lowercase letter, else None."""
    body = stripped[:-1]
    # searched for after the last space (no letter run holds one): a search from the start
    # would try every position of the line
    fragment = _FRAGMENT_RE.search(body, body.rfind(" ") + 1)
    head = _HEAD_RE.match(following.lstrip())
    if fragment is None or head is None or not head.group()[0].islower():
        return None
    return fragment.group(), head.group()


# Prefixes that make compounds with a word ("co-" + "create", "re-" + "design"): such a break is
# a hyphenation only where the whole word is more common than the word after the prefix ("re-" +
# "port"), or where no such word follows ("re-" + "ducing").
AFFIXES = frozenset("co re non pre post self cross inter multi anti semi sub mid ex".split())  # noqa: SIM905
RARE = 100  # occurrences in the English word list: a rarer joined word loses to two words ("start-ups")


@cache  # one word list per process, loaded (0.2 s) by the first line-end hyphen no evidence decides
def english_words() -> WordFrequency:
    """The English word frequencies of pyspellchecker (from OpenSubtitles and Wikipedia)."""
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1).word_frequency


# British endings and their American spellings, which the word list holds ("analyse", "organisation",
# "programme")
_AMERICAN = (("isations", "izations"), ("isation", "ization"), ("ise", "ize"), ("ised", "ized"),
             ("ising", "izing"), ("yse", "yze"), ("ysed", "yzed"), ("ysing", "yzing"), ("our", "or"),
             ("ours", "ors"), ("tre", "ter"), ("tres", "ters"), ("tred", "tered"), ("amme", "am"),
             ("ammes", "ams"))


def english_frequency(word: str) -> int:
    """How often ``word`` (lower case), or its American spelling, occurs in the English word list
    (a British ending, or "our" inside a word: "neighbourhood")."""
    words = english_words()
    if word in words:
        return int(words[word])
    american = next((word[: -len(british)] + us for british, us in _AMERICAN if word.endswith(british)), None)
    if american is None and "our" in word[1:-3]:
        american = word[0] + word[1:-3].replace("our", "or") + word[-3:]
    return int(words[american]) if american is not None and american in words else 0


def _by_dictionary(stripped: str, fragment: str, head: str, text: str) -> str:
    """A plain hyphen ending ``stripped`` that the document left open, decided by English: a
    break where the joined word is a word ("know-" + "ledge", "pro-" + "totypes"), a real hyphen
    where it is not and both pieces are ("self-" + "driving", "low-" + "cost"); ``text`` as it
    was where neither ("Saint-" + "etienne")."""
    words = english_words()
    joined = english_frequency(fragment + head)
    if fragment in AFFIXES and head in words:
        return stripped[:-1] + (SOFT_BREAK if joined > words[head] else HARD_BREAK)
    pieces = fragment in words and head in words
    if joined >= RARE or (joined and not pieces):
        return stripped[:-1] + SOFT_BREAK
    if pieces:
        return stripped[:-1] + HARD_BREAK
    return text


def _two_words(fragment: str, head: str) -> bool:
    """Both pieces of a hyphen's line end are English words of their own (no prefix)."""
    words = english_words()
    return fragment not in AFFIXES and fragment in words and head in words


@cache
def known_words() -> frozenset[str]:
    """Words of the packaged vocabulary (labels, aliases) and section headings."""
    package = resources.files("snapshot_extract")
    vocabulary = json.loads(package.joinpath("data/vocabulary.json").read_text("utf-8"))
    headings = json.loads(package.joinpath("data/sections.json").read_text("utf-8"))
    texts = [text for group in vocabulary["groups"].values() for term in group["terms"]
             for text in (term["label"], *term.get("aliases", ()))]
    texts.extend(text for section in headings["sections"] for text in section["headings"])
    return frozenset(word for text in texts for word in _WORD_RE.findall(text.lower()))


# a word with soft hyphens inside, not cut at a line end (its last piece is not followed by one)
_SOFT_HYPHENED_RE = re.compile("[^\\W\\d_]+(?:\u00ad[^\\W\\d_]+)+(?![\u00ad\u2010-]|[^\\W\\d_])")
PIECE = 3  # letters at least in each word of a compound: syllables ("in", "nov", "a") are words too


def shown_soft_hyphens(text: str) -> str:
    """``text`` with each soft hyphen inside a word that joins English words into no English
    word ("high\u00adrisk", "not\u00adfor\u00adprofit") as the hyphen the page drew: some
    producers name their hyphen glyph U+00AD (where the whole document shows it, see
    ``soft_hyphens_drawn``, each one is a hyphen). The soft hyphens of a word's syllables
    ("mu\u00adni\u00adcip\u00adal", which HTML printers write at every break they could make)
    stay, for ``clean_text`` to drop."""
    if "\u00ad" not in text:
        return text
    return _SOFT_HYPHENED_RE.sub(_shown, text)


def soft_hyphens_drawn(text: str) -> bool:
    """Whether the soft hyphens inside ``text``'s words name the hyphen glyph the page drew: more
    of them join words into no word ("self\u00addriving") or a name ("Saint\u00adÉtienne": no
    syllable starts with a capital) than part a word into pieces that are not words
    ("in\u00adnov\u00ada\u00adtion", an HTML printer's possible breaks; one such piece may be a
    tool's slip: "not\u00adforprofit", the line end's hyphen lost).
    Then each of them is a hyphen: a compound whose joined form is a word too ("start-ups"), and
    at a line end, where the break is decided as a plain hyphen's ("sensor-" + "based")."""
    if "\u00ad" not in text:
        return False
    compounds = syllables = 0
    for match in _SOFT_HYPHENED_RE.finditer(text):
        token = match.group()
        pieces = token.split("\u00ad")
        in_address = text[match.start() - 1 : match.start()] in (".", "/") or text[match.end() : match.end() + 1] == "."
        if token.isupper() or in_address:  # its pieces say nothing either way
            continue
        if any(piece[0].isupper() for piece in pieces[1:]):  # a name's hyphen ("Saint-Étienne"): no syllable
            compounds += 1
            continue
        words = [piece.lower() for piece in pieces]
        if not all(word in AFFIXES or english_frequency(word) for word in words):
            syllables += 1
        elif english_frequency("".join(words)) < RARE:  # "startups" is rarer than "start" and "ups"
            compounds += 1
    return compounds > syllables


def _shown(match: re.Match[str]) -> str:
    token = match.group()
    pieces = token.lower().split("\u00ad")
    words = english_words()
    if english_frequency("".join(pieces)) or not all(len(piece) >= PIECE and piece in words for piece in pieces):
        return token
    return token.replace("\u00ad", "-")

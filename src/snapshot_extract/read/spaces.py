"""Word spaces a dump lost.

A tool that finds words by the gaps between letters prints a line set with a wide character
spacing, or with its spaces drawn as moves and not as glyphs, as one run of letters
("Seoulhasdevelopedpartnershipstopromoteinnovationcapacity", "Ha-eunPark",
"TALLINNINNOVATIONDAYS": pdfplumber and pdftotext -raw on some fpdf2 and Chromium PDFs). A dump
holding ``GLUED_RUNS`` such runs or more has lost its spaces (``lost_spaces``); each run is then
parted into the words that most likely make it: the English word list, with the document's own words (those it
printed apart somewhere, headers and headings mostly) taken as the most likely of all, and an
unknown word cheaper the shorter it is; a short run, or one that opens with a capital, is parted
only into common words, or it is a name and stays whole ("Carvalho", not "Car val ho"). A
capital after a small letter ("eunPark") or a letter after a comma or a sentence's end starts a
word too. The reader says so (``lost_spaces``), and the record flags each free text read from such
a dump: its spaces are a guess.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from functools import cache

from .hyphens import english_frequency, english_words, known_words

GLUED_LETTERS = 20  # letters in a run that no word of a snapshot has (an address is no run)
GLUED_RUNS = 3  # such runs in a dump: it lost its spaces, not a long compound or two
LONGEST_WORD = 24
SHORT_TOKEN = 5  # characters: a shorter token is left as printed ("Q1", "4.0")
SHORTEST_RUN = 5  # letters: a shorter run is a word or a name's part ("Ji-hoonKim"), not two
NAME_LETTERS = 13  # a capitalised run of fewer letters may be a name ("Carvalho", "GIESSEN"), not only a glued phrase
COMMON = 20_000  # occurrences in the English word list of each word a name-like run is parted into
COMMON_SHORT = 2_000_000  # of a word of two letters so ("to", "of", "it"; not "en", "al": "Favoriten", "Catalina")
_RUN_RE = re.compile(rf"[^\W\d_]{{{GLUED_LETTERS},}}")
_ADDRESS_RE = re.compile(r"\S*(?:://|www\.|@)\S*|\S+\.(?:[a-z]{2,3}|gov|org|com)(?:/\S*)?(?=\s|$|[|;,])")
_SPACED_WORD_RE = re.compile(rf"(?<![^\W\d_])[^\W\d_]{{1,{GLUED_LETTERS - 1}}}(?![^\W\d_])")
# a punctuation mark run into the next word: a comma, a sentence's end before a capital, a label's colon
_PUNCTUATION_RE = re.compile(r"(?<=[^\W\d_])([,;?!)]|\.(?=[A-Z])|:(?=[A-Z\d]))(?=[^\W_(])")
_TOKEN_RE = re.compile(rf"\S{{{SHORT_TOKEN},}}")
_CUT_END_RE = re.compile(r"([^\W\d_]+)[-\u2010\u00ad]\s*$")
_REST_RE = re.compile(r"\s*([^\W\d_]+)")
_NUMBER_RE = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])(?!(?:st|nd|rd|th)\b)|(?<=%)(?=[^\W\d_])")
_LETTERS_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_APOSTROPHES = "'’"
_POSSESSIVES = ("'s", "’s")
WORD_COST = 4.0  # nats a word costs besides its frequency
UNKNOWN_LETTER = 20  # how much less likely an unknown word is for each of its letters
_CAMEL_RUN_RE = re.compile(r"[^\W\d_]{4,}")  # letters a capital inside may part
DOCUMENT_WORD = 10 ** 6  # how often a word the document printed apart counts in the word list


def lost_spaces(lines: list[str]) -> bool:
    """Whether the dump's ``lines`` hold ``GLUED_RUNS`` runs of letters too long to be words,
    outside web addresses."""
    tokens = [token for line in lines for token in line.split() if len(token) >= GLUED_LETTERS]  # most dumps: none
    if len(tokens) < GLUED_RUNS:
        return False
    return len(_RUN_RE.findall(_ADDRESS_RE.sub(" ", " ".join(tokens)))) >= GLUED_RUNS


def spaced(lines: list[str]) -> list[str]:
    """``lines`` of a dump that lost its spaces with the spaces put back between the words they
    ran together (see the module docstring)."""
    own = _own_words(lines)
    parted = [_parted(line) for line in lines]
    result = []
    for index, line in enumerate(parted):
        # a word a hyphen cut at a line end is parted as one: its first part ends the line before
        cut = index > 0 and _CUT_END_RE.search(parted[index - 1])
        rest = index + 1 < len(parted) and _CUT_END_RE.search(line) and _REST_RE.match(parted[index + 1])
        result.append(_with_words(line, own, cut.group(1) if cut else "", rest.group(1) if rest else ""))
    return result


def _own_words(lines: list[str]) -> frozenset[str]:
    """The words of the snapshots' vocabulary and headings, and the names (capitalised, or in a
    header's capitals) the document printed apart more than once (its city's, mostly) that the
    English word list lacks."""
    printed = Counter(word.lower() for line in lines
                      for word in _SPACED_WORD_RE.findall(_ADDRESS_RE.sub(" ", line))
                      if word.istitle() or word.isupper())
    names = {word for word, count in printed.items() if count > 1 and not english_frequency(word)}
    return frozenset(word for word in known_words() | names if len(word) > 1)


def _parted(line: str) -> str:
    """``line`` outside its web addresses with a space before a capital after small letters,
    between a letter and a digit, and after a punctuation mark run into a word."""
    return _outside_addresses(line, lambda text, _offset: _TOKEN_RE.sub(
        lambda token: _NUMBER_RE.sub(" ", _CAMEL_RUN_RE.sub(_camel_parted, _PUNCTUATION_RE.sub(r"\1 ", token.group()))),
        text))


def _camel_parted(run: re.Match[str]) -> str:
    """``run`` with a space before each capital after two small letters ("AyşeÇelik",
    "SnapshotWIEN"; not "McAllister"), and before a capital between a capital and a small letter
    ("RutaNLiving")."""
    letters = run.group()
    return "".join(" " + char if index >= 2 and char.isupper() and (
        letters[index - 2:index].islower()
        or (letters[index - 1].isupper() and index + 1 < len(letters) and letters[index + 1].islower()))
        else char for index, char in enumerate(letters))


def _with_words(line: str, own: frozenset[str], cut: str, rest: str) -> str:
    """``line`` with each run of letters outside its web addresses parted into words; ``cut``
    opens its first word on the line before, ``rest`` ends its last on the line after."""
    opening = len(line) - len(line.lstrip())
    closing = len(line.rstrip()) - 1  # where a hyphen ending the line is

    def words(run: re.Match[str], offset: int) -> str:
        before = cut if offset + run.start() == opening else ""
        after = rest if offset + run.end() == closing else ""
        return " ".join(_words(run.group(), own, before, after))

    return _outside_addresses(line, lambda text, offset: _LETTERS_RE.sub(lambda run: words(run, offset), text))


def _outside_addresses(line: str, change: Callable[[str, int], str]) -> str:
    """``line`` with ``change`` (a text, where it starts in ``line``) made to each part of it
    outside its web addresses."""
    pieces: list[str] = []
    end = 0
    for address in _ADDRESS_RE.finditer(line):
        pieces.extend((change(line[end:address.start()], end), address.group()))
        end = address.end()
    pieces.append(change(line[end:], end))
    return "".join(pieces)


def _words(run: str, own: frozenset[str], before: str, after: str) -> list[str]:
    """The words most likely to make ``run`` (Viterbi over the word costs), read with ``before``
    and ``after`` (the word's parts a hyphen cut onto the lines around), which are left out."""
    if len(run) < SHORTEST_RUN or (len(run) < GLUED_LETTERS and run.lower() in own):
        return [run]
    text = before + run + after
    lowered = text.lower()
    # a capitalised run ("GIESSEN", "Carvalho", "Canada") is a name unless common words make it ("Similarto")
    name = len(run) < NAME_LETTERS and not run[0].islower() and not before + after
    best = [0.0] + [math.inf] * len(text)
    start = [0] * (len(text) + 1)
    for end in range(1, len(text) + 1):
        for begin in range(max(0, end - LONGEST_WORD), end):
            cost = best[begin] + _cost(lowered[begin:end], own, name)
            if cost < best[end]:
                best[end], start[end] = cost, begin
    if name and (best[-1] == math.inf or best[-1] >= _cost(lowered, own, name=False)):
        return [run]  # a name, or a word ("Washington", not "Washing ton")
    words = []
    end = len(text)
    while end > len(before):
        if start[end] < len(before) + len(run):
            words.append(text[max(start[end], len(before)):min(end, len(before) + len(run))])
        end = start[end]
    return words[::-1]


def _cost(word: str, own: frozenset[str], name: bool) -> float:
    """The cost of ``word`` as one word: -log of its share of the word list (a possessive's, its
    noun's; infinite for a rare or unknown word inside a ``name``-like run), an unknown word's
    share falling ``UNKNOWN_LETTER``-fold with each letter; and ``WORD_COST`` for each word, or
    "area" would read as "are a"."""
    if word[0] in _APOSTROPHES or word[-1] in _APOSTROPHES or (len(word) == 1 and word != "a"):
        return math.inf  # "O’" + "Sullivan"; "favor" + "i" + "ten"
    total = _total()
    noun = word[:-2] if word[-2:] in _POSSESSIVES else word
    count = max(DOCUMENT_WORD if noun in own else 0, english_frequency(noun))
    if name and (len(word) == 1 or count < (COMMON if len(word) > 2 else COMMON_SHORT)):
        return math.inf
    if count:
        return WORD_COST + math.log(total / count)
    return WORD_COST + math.log(total) + len(word) * math.log(UNKNOWN_LETTER)


@cache
def _total() -> int:
    return int(english_words().total_words)

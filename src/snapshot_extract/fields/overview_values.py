"""The Overview's values as printed: a term ("2015–2021", "since 2014"), a population ("4.49
million (2018)") and a person's name where the text runs on after it."""

from __future__ import annotations

import re

TERM_RE = re.compile(
    r"(?P<since>\b(?:since|from)\s+(?:\w+\s+)?)?(?<!\d)(?P<start>(?:19|20)\d{2})\b(?:[^\d]{0,25}?(?:[‐‑‒–—―−/-]|\bto\b|\btill\b|"
    r"\buntil\b)\s*(?:(?:[A-Za-z]+\.?\s+)?(?P<end>(?:19|20)\d{2}|\d{2})\b|(?:present|now|today|ongoing)\b))?",
    re.I,
)
NUMBER_RE = re.compile(
    r"(?P<number>\d{1,3}(?:[ ,.\u202f’']\d{3})+(?![\d])|\d+(?:[.,]\d+)?)\s*(?P<unit>million|mio|m|mn|thousand|k)?\b",
    re.IGNORECASE,
)
_LATER_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_YEAR_RE = re.compile(r"\b(?:in\s+|\(\s*)?((?:19|20)\d{2})\b")

# Lowercase words a person's name holds ("Ana de la Cruz", "Jan van der Berg")
_PARTICLES = frozenset({"de", "da", "do", "dos", "das", "del", "della", "der", "den", "di", "du", "la", "le", "van",
                        "von", "y", "e", "i", "bin", "al", "ten", "ter", "zu"})
# Words that start a sentence of a snapshot and never a name's next word ("Ricardo Lima Like 64% ...")
_SENTENCE_STARTS = frozenset({"The", "Like", "Similar", "Along", "Unlike", "With", "In", "To", "Since", "Each",
                              "Every", "This", "These", "It", "Its", "An", "As", "For", "From"})


def split_name(value: str) -> tuple[str, str]:
    """(the person's name that starts ``value``, the text after it). A name is a run of
    capitalised words and particles; it ends before a lowercase word that is no particle
    ("Tomasz Nowicki tems and testing"), a word in capitals after words that are not
    ("Sophie Gagnon-Leblanc APPROACH?") or a word that starts sentences ("… Lima Like 64% of"),
    after two words at least. A value in a shape this cannot judge is the name, whole."""
    words = value.split(" ")
    mixed_case = False
    for index, word in enumerate(words):
        letters = [char for char in word if char.isalpha()]
        if not letters:
            return value, ""
        if index >= 2 and ((letters[0].islower() and word not in _PARTICLES)
                           or (mixed_case and len(letters) > 1 and word.isupper())
                           or word in _SENTENCE_STARTS):
            return " ".join(words[:index]), " ".join(words[index:])
        mixed_case = mixed_case or (letters[0].isupper() and any(char.islower() for char in letters))
    return value, ""


def parse_term(value: str) -> tuple[int | None, int | None]:
    """"2015–2021" -> (2015, 2021); "since 2014" -> (2014, None); "2019–23" -> (2019, 2023); no
    year inside a longer number ("201732023", a dump that printed the dash as a digit)."""
    match = TERM_RE.search(value)
    if match is None:
        return None, None
    start = int(match.group("start"))
    end_text = match.group("end")
    if end_text is None:
        return start, None
    end = int(end_text) if len(end_text) == 4 else start // 100 * 100 + int(end_text)
    if any(int(later.group()) > end for later in _LATER_YEAR_RE.finditer(value, match.end())):
        return start, None  # a later year after the end ("2018/19 – 2024", "2014–2018, 2018–2022"): unread
    return (start, end) if end >= start else (start, None)


def parse_population(value: str) -> tuple[int | None, int | None]:
    """"159 000 (2019)" -> (159000, 2019); "4.49 million (2018)" -> (4490000, 2018)."""
    year_match = _YEAR_RE.search(value)
    year = int(year_match.group(1)) if year_match else None
    body = value[: year_match.start()] if year_match else value
    match = NUMBER_RE.search(body)
    if match is None:
        return None, year
    number, unit = match.group("number"), (match.group("unit") or "").lower()
    if unit in {"million", "mio", "m", "mn", "thousand", "k"}:
        scale = 1_000_000 if unit in {"million", "mio", "m", "mn"} else 1_000
        return round(float(number.replace(",", ".").replace(" ", "")) * scale), year
    digits = re.sub(r"[ ,.\u202f’']", "", number)
    if not re.fullmatch(r"\d+", digits) or (number != digits and not re.search(r"[ ,.\u202f’']\d{3}$", number)):
        return None, year
    return int(digits), year

"""Small text helpers shared by the readers and the mappers (no pipeline logic here)."""

from __future__ import annotations

import re
import unicodedata

LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
KICKER = r"city\s+innovation\s+snapshot"  # the kicker every page header prints
KICKER_RE = re.compile(KICKER, re.IGNORECASE)
# A rule typed out of characters ("-----", "+------+", "=====", "───", "* * *"): a line, not text
RULE_RE = re.compile(r"^\s*(?:[-=_*~+|─━═]\s*){3,}$")
_LIGATURE_RE = re.compile("[" + "".join(LIGATURES) + "]")

# Glyphs that introduce a list item. Private-use code points (symbol fonts) are handled apart.
BULLET_GLYPHS = frozenset("▶►▸▹▻●•◦▪▫■□◆◇❖➤➢➔→✓✔✗✘☑☐⦁∙·‣⁃○◉◘❯❱»*+-–—")
# Letters that the standard symbol fonts' bullet glyphs extract as (ZapfDingbats, Wingdings, Symbol).
SYMBOL_FONT_HINTS = ("zapf", "dingbat", "wingding", "symbol", "webding")

_SOFT_HYPHEN = "\u00ad"
# Line-end markers a reader may put where it knows what a hyphen at the end of a line is (the PDF
# layout stage does): SOFT_BREAK = a hyphenation break (dropped when joined), HARD_BREAK = a real
# hyphen (kept). join_wrapped honours them; unjoined they print as "-".
SOFT_BREAK = "\u00ad"
HARD_BREAK = "\u2011"


_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=\S)")
# Abbreviations a period ends without ending the sentence ("St. John's", "Dr. Smith", "e.g. Oslo")
_ABBREVIATION_END_RE = re.compile(r"\b(?:St|Ste|Mt|Ft|Dr|Mr|Mrs|Ms|Prof|Sr|Jr|e\.g|i\.e|vs)\.$")


def split_sentences(text: str) -> tuple[str, ...]:
    """A paragraph's sentences (split at ". ", "! ", "? " before a capital of any script ("Łódź"),
    a digit or a quote; not after an abbreviation such as "St.")."""
    sentences: list[str] = []
    for part in _SENTENCE_END_RE.split(text):
        first = part[:1]
        starts = first.isupper() or first.isdigit() or first in "“\"("
        if sentences and (not starts or _ABBREVIATION_END_RE.search(sentences[-1])):
            sentences[-1] += " " + part
        elif part.strip():
            sentences.append(part)
    return tuple(sentences)


def ends_mid_sentence(text: str) -> bool:
    """``text`` stops after a word or a comma, not at a sentence's end: a break may have cut it."""
    text = text.rstrip()
    return text[-1:].isalpha() or text.endswith(",")


_TWO_SPACES_RE = re.compile(r"(?<=(\S))  (?=(\S))")  # exactly two spaces between words
_ONE_SPACE_RE = re.compile(r"\S \S")


def fold_word_spaces(text: str) -> str:
    """``text`` with each two spaces a justified line stretched a word space to as one ("to
    promote in-", "tegic  priorities.  Challenges" in a dump): the sentence goes on after them in
    lower case, or a new one starts after a full stop or a comma. Two spaces that start a new
    phrase stay: a table's cells ("Mayor:  Jane Roe", "Housing  Tourism"). A line whose every
    word space is two spaces, one of them inside a sentence, is stretched all through ("Bad  Sülzenau
    has  no  dedicated  team"): each of its two spaces is one."""
    if "  " not in text:
        return text
    folded = _TWO_SPACES_RE.sub(_word_space, text)
    if not _ONE_SPACE_RE.search(text) and folded.count("  ") < text.count("  "):
        return _TWO_SPACES_RE.sub(" ", text)
    return folded


def _word_space(gap: re.Match[str]) -> str:
    before, after = gap.group(1), gap.group(2)
    goes_on = (before.islower() or before in ",;-\u2010") and after.islower()
    new_sentence = before in ".!?," and after.isupper()
    return " " if goes_on or new_sentence else "  "


_FRAMED_RE = re.compile(r"^\s*\|(?:\s|$)")  # a line inside a box typed with bars: "| text", "| text |", "|"
_FRAME_EDGES_RE = re.compile(r"^\s*\|\s?|\s?\|\s*$")
FRAMED_LINES = 3  # lines of a run at least, for a box typed with bars (not a table row or two)


_BOX_EDGE_RE = re.compile("^\\s*[┌┍┎┏╒╓╔╭└┕┖┗╘╙╚╰](.*?)[┐┑┒┓╕╖╗╮┘┙┚┛╛╜╝╯]\\s*$")
_BOX_RULE_RE = re.compile("[─━═╌┄┈]+")
_BOX_DRAWING_RE = re.compile("[\u2500-\u257f]")
_BOX_BARS = str.maketrans("│┃║╎┆┊", "||||||")


def unboxed(text: str) -> str:
    """A line of a box drawn with box-drawing characters (a terminal's rendering: ``groff -Tutf8``,
    ``tbl``) as a typed one: its sides bars, its top and bottom edges gone, the words a bottom edge
    was drawn through ("└their─car─at─home─┘") kept."""
    text = text.translate(_BOX_BARS)
    edge = _BOX_EDGE_RE.match(text)
    return _BOX_RULE_RE.sub(" ", edge.group(1)).strip() if edge else text


def unframed(texts: list[str]) -> list[str]:
    """``texts`` with the bars of a box typed around some of them taken off ("+----+" over "| SPOTLIGHT
    | Lab", "| In Ústí …": a typewriter memo's panel; a box drawn with box-drawing characters read
    as typed, ``unboxed``): a run of ``FRAMED_LINES`` lines or more that start with a bar, most with
    no bar inside (a markdown table's rows have one between each cell)."""
    if _BOX_DRAWING_RE.search("\n".join(texts)):
        texts = [unboxed(text) for text in texts]
    if "\n".join(texts).count("|") < FRAMED_LINES:  # (most documents: no bar at all)
        return texts
    out = list(texts)
    run: list[int] = []
    for index, text in enumerate([*texts, ""]):
        if index < len(texts) and _FRAMED_RE.match(text):
            run.append(index)
            continue
        if len(run) >= FRAMED_LINES and sum(texts[at].count("|") <= 2 for at in run) >= 2 * len(run) / 3:
            for at in run:
                out[at] = _FRAME_EDGES_RE.sub("", texts[at])
        run = []
    return out


# A page number alone ("3", "Page 3 of 4", "– 3 –", "3/4")
PAGE_NUMBER_RE = re.compile(r"^[\s\W_]*(?:page\s*)?\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?[\s\W_]*$", re.IGNORECASE)


def fold_spaces(text: str) -> str:
    """Collapse runs of whitespace (any that ``str.split`` takes) into one space; strip both ends."""
    return " ".join(text.split())


def expand_ligatures(text: str) -> str:
    return _LIGATURE_RE.sub(lambda match: LIGATURES[match.group()], text)


# Unicode space separators other than the space (NBSP, en/em/thin/narrow spaces, ...): a space.
_SPACE_SEPARATORS_RE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


# Spacing accents as TeX prints them, before the letter they stand on ("K¯ochi", "W˛as"), and
# the combining marks they stand for; after a capital that ends its word, the accent TeX draws
# over it ("ŁÓDZ´").
SPACING_ACCENTS = {"\u00af": "\u0304", "\u00b4": "\u0301", "\u02c6": "\u0302", "\u02dc": "\u0303",
                    "\u00a8": "\u0308", "\u02d8": "\u0306", "\u02c7": "\u030c", "\u02da": "\u030a",
                    "\u02d9": "\u0307", "\u02dd": "\u030b", "\u02db": "\u0328", "\u00b8": "\u0327"}
_ACCENTS = "[" + "".join(SPACING_ACCENTS) + "]"
_ANY_ACCENT_RE = re.compile(_ACCENTS)
_SPACING_ACCENT_RE = re.compile(f"(?!\u00b4s\\b)(?P<accent>{_ACCENTS})(?P<letter>[^\\W\\d_])|(?P<capital>[^\\W\\d_a-z])"
                                f"(?P<after>{_ACCENTS})(?![^\\W\\d_])")


def _compose_accent(match: re.Match[str]) -> str:
    """A spacing accent and its letter as one accented letter, where Unicode has one ("¯o" ->
    "ō", "Z´" -> "Ź"); else both as printed ("´t" stays; "city´s" and "o´" too: an acute
    before a possessive s, or after a lower-case letter, is an apostrophe set as one)."""
    if match.group("accent"):
        letter, accent = match.group("letter"), match.group("accent")
    else:
        letter, accent = match.group("capital"), match.group("after")
        if not letter.isupper():
            return match.group()
    composed = unicodedata.normalize("NFC", letter + SPACING_ACCENTS[accent])
    return composed if len(composed) == 1 else match.group()


# A check box typed as text ("[X] Housing", "[ ] Culture"): a word of its own
_CHECKBOX_RE = re.compile(r"(?<!\S)\[([xX ])\](?=\s|$)|(?<=\w)\[( )\](?=\s)", re.MULTILINE)  # or glued on: "…ment[ ]"


_MINUS_IN_WORD_RE = re.compile(r"(?<=\w)\u2212(?=\w|\s*$)")  # "co−" ending a line too


def clean_text(text: str) -> str:
    """NFC, ligatures expanded, spacing accents printed before their letter composed with it
    (TeX's "K¯ochi" -> "Kōchi"), soft hyphens and zero-width characters dropped, every Unicode
    space separator (NBSP, en space, thin space, ...) as a plain space; a minus sign inside a word
    or a number range, or ending a line after one, as the hyphen it stands for (a2ps: "Sint−Joris",
    "2018−2024", "co−"), and so a hyphen character inside a word (groff's U+2010: "start‐ups"); a
    check box typed as text as its glyph ("[X]" -> "☑", "[ ]" -> "☐": a list marker like any other)."""
    if "[" in text:
        text = _CHECKBOX_RE.sub(lambda box: "☑" if box.group(1) in ("x", "X") else "☐" if box.group(1) else " ☐", text)
    if text.isascii():
        return text
    text = unicodedata.normalize("NFC", expand_ligatures(text))
    if _ANY_ACCENT_RE.search(text):  # rare; the pattern itself tries every capital letter
        text = _SPACING_ACCENT_RE.sub(_compose_accent, text)
    text = text.replace(_SOFT_HYPHEN, "").replace("\u200b", "").replace("\ufeff", "")
    if "\u2212" in text:
        text = _MINUS_IN_WORD_RE.sub("-", text)
    if "\u2010" in text or "\u2011" in text:
        text = _HYPHEN_IN_WORD_RE.sub("-", text)
    return _SPACE_SEPARATORS_RE.sub(" ", text)


_HYPHEN_IN_WORD_RE = re.compile(r"(?<=\w)[\u2010\u2011](?=\w)")  # groff's "start‐ups": a hyphen


def is_private_use(char: str) -> bool:
    return "\ue000" <= char <= "\uf8ff"


def is_bullet_glyph(char: str) -> bool:
    """A bullet glyph, or what a symbol-font bullet becomes in a dump: a private-use code point, a
    control character, the replacement character, another symbol ("®" for ZapfDingbats' arrow)."""
    return (char in BULLET_GLYPHS or is_private_use(char) or char < " " or char == "\ufffd"
            or unicodedata.category(char) == "So" or (unicodedata.category(char) == "Sm" and not char.isascii()))


# The Overview's labels (lower case): the fields stage pairs them with their values, the sections
# stage knows a block that starts with one (and a colon) for the Overview's wherever it was printed
OVERVIEW_KEYS = (
    r"(?:lord\s+|city\s+)?mayor|head of government|(?:mayoral\s+)?term(?: of office)?|innovation lead(?:er)?|"
    r"chief innovation officer|population(?: size)?|"
    r"innovation\s*/\s*open data websites?|open data websites?|innovation websites?|websites?(?:\s*\(s\))?"
)

# What bullets turn into on the way through a tool or an 8-bit encoding: ">" and "v" for arrowheads
# and check marks, "o" for a circle, "?" for any glyph the encoding lacks; and pdfminer's name for a
# glyph it cannot map. A marker letter counts only before a space and a capital or digit ("o Mayor:").
# "1. Item", "2) Item": a numbered list item (a line that is no heading; the heading stage has had its turn);
# "11.Item", a capital right after the number: a word processor's tab a tool dropped
NUMBERED_ITEM_RE = re.compile(r"^\s*\d{1,2}[.)](?:\s+(?=[^\W\d_])|(?=[A-ZÀ-ÖØ-Þ]))")
_ASCII_MARKER_RE = re.compile(r"^(?:[ov>?](?=\s+[A-Z0-9])|\(cid:\d+\))")


def split_bullet(text: str) -> tuple[bool, str]:
    """Strip leading list markers ("- ", "▶ ", "- ▶ ", private-use glyphs); say if there was one.

    A dash counts only when followed by a space, so "-5%" or "co-create" stay content.
    """
    stripped = text.lstrip()
    found = False
    while stripped:
        marker = _ASCII_MARKER_RE.match(stripped)
        first = stripped[0]
        if marker is None and ((first in "-–—*+" and not stripped[1:2].isspace()) or not is_bullet_glyph(first)):
            break
        found = True
        stripped = stripped[marker.end() if marker else 1:].lstrip()
    return found, stripped


def marker_of(text: str, body: str) -> str:
    """The list glyph ``split_bullet`` took off ``text`` to leave ``body`` (its last one: "- ●" ->
    "●"); "" when none was."""
    return text.lstrip()[: len(text.lstrip()) - len(body)].strip()[-1:]


def join_wrapped(parts: list[str]) -> str:
    """Join wrapped lines into one text, re-joining words hyphenated across a line end.

    "inno-" + "vation" -> "innovation", but a hyphen stays where it is a real one: before a
    capital ("Hierarchy-" + "Busting"), after a digit, or where the fragment before it is a
    known prefix of hyphenated compounds ("co-" + "create", "third-" + "party").
    """
    pieces: list[str] = []  # the joined text is "".join(pieces); only the last piece is inspected
    for raw in parts:
        part = raw.strip()
        if not part:
            continue
        if not pieces:
            pieces.append(part)
            continue
        tail = pieces[-1] = address_hyphen(pieces[-1])
        if tail.endswith("\u2010"):  # a producer's hyphen the layout left undecided (a break's last line)
            tail = pieces[-1] = tail[:-1] + "-"
        if tail.endswith(SOFT_BREAK):
            pieces[-1] = tail[:-1] + part
        elif tail.endswith(HARD_BREAK):
            pieces[-1] = tail[:-1] + "-" + part
        elif part.startswith(("http://", "https://", "www.")) or (
            ("://" in tail or "www." in tail) and _URL_END_RE.search(tail) and _DOMAIN_RE.match(part)
            and not tail.endswith("-")  # an address broken after its own hyphen runs on ("saint-" + "etienne.fr")
        ):
            pieces.append(" " + part)
        elif _is_line_end_hyphenation(tail, part) and not ends_in_address(tail):  # an address keeps its hyphens
            pieces[-1] = tail[:-1] + part
        elif tail.endswith(("-", "/")) and not tail.endswith((" -", " /")):
            pieces[-1] = tail + part
        else:
            pieces.append(" " + part)
    text = "".join(pieces)
    return text[:-1] + "-" if text.endswith((SOFT_BREAK, HARD_BREAK)) else text


_URL_END_RE = re.compile(r"(?:https?://|www\.)\S*$")


def ends_in_address(text: str) -> bool:
    """``text`` ends inside a web address: a hyphen at its end is the address's own."""
    return _URL_END_RE.search(text) is not None


def address_hyphen(text: str) -> str:
    """``text`` with a break mark ending a web address written as the address's own hyphen
    ("https://c\u00ad" + "budejovice.cz": an address holds no word broken at a line end)."""
    if text.endswith((SOFT_BREAK, "\u2010")) and ends_in_address(text):
        return text[:-1] + "-"
    return text


_DOMAIN_RE = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:[/:]|$)")
_KEEP_HYPHEN_PREFIXES = frozenset(
    "co re non pre post self cross inter multi well data city third long short high low "  # noqa: SIM905
    "open human user e semi sub anti mid real full part hierarchy not for decision evidence "
    "know front back top bottom cost place problem people citizen resident tech ex pro year "
    "day one two all state world small large start up in on off out over under big".split()
)
_KEEP_HYPHEN_SUFFIXES = (
    "based", "driven", "led", "making", "centred", "centered", "friendly", "oriented",
    "related", "term", "level", "scale", "wide", "busting", "profit", "party", "thinking",
    "sectoral", "jurisdictional", "public", "end", "create", "design", "creation",
)


def _is_line_end_hyphenation(text: str, following: str) -> bool:
    if not text.endswith("-") or len(text) < 2 or not text[-2].isalpha():
        return False
    if not following[:1].islower():
        return False
    token = text.rsplit(None, 1)[-1]
    if "://" in token or token.startswith("www.") or "/" in token[:-1]:
        return False  # a URL broken after one of its own hyphens keeps it: ".../otwarte-" + "dane"
    fragment = _WORD_CUT_RE.split(text[:-1])[-1].lower()
    if fragment in _KEEP_HYPHEN_PREFIXES:
        return False
    return not following.lower().startswith(_KEEP_HYPHEN_SUFFIXES)


_WORD_CUT_RE = re.compile(r"[\s/(]")
_COMBINING_RE = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def squeeze(text: str) -> str:
    """``text`` lowercased without any space: a word printed letter by letter ("S P O T L I G H T")
    compared with the word."""
    return "".join(text.split()).lower()


def strip_accents(text: str) -> str:
    """Text without diacritics ("Enschedé" -> "Enschede"); ASCII passes through untouched."""
    if text.isascii():
        return text
    return _COMBINING_RE.sub("", unicodedata.normalize("NFKD", text))


# characters folded as another: typographic apostrophes as the plain one, the dotless "ı" as "i"
# ("ÇAMLIYAKA" is "Çamlıyaka")
FOLDED = str.maketrans("\u2019\u2018\u02bc\u0131", "'''i")


def fold_char(char: str) -> str:
    """One character folded to lowercase without accents (a typographic apostrophe to the plain
    one, the dotless "ı" to "i": ``FOLDED``), keeping string length."""
    base = unicodedata.normalize("NFKD", char)[:1] or char
    return base.lower()[:1].translate(FOLDED)

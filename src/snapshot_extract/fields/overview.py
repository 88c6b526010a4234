"""Overview panel -> ``overview.*`` (mayor, term, innovation lead, population, websites)."""

from __future__ import annotations

import re

from ..models import Block, Evidence, FieldResult, Line, Section
from ..textutil import ends_in_address
from ..vocabulary import Vocabulary
from .common import Found, locate

_KEYS = (
    r"(?:lord\s+|city\s+)?mayor|head of government|(?:mayoral\s+)?term(?: of office)?|innovation lead(?:er)?|"
    r"chief innovation officer|population(?: size)?|"
    r"innovation\s*/\s*open data websites?|open data websites?|innovation websites?|websites?(?:\s*\(s\))?"
)
_KEY_RE = re.compile(rf"^(?P<key>{_KEYS})\s*:\s*(?P<value>.*)$", re.I)
# A label inside a block: Overview lines a layout joined ("... (2019) Innovation / open data
# website: https://..."); consumed whole, so the leftmost label wins over the ones inside it.
_PAIR_SEPARATORS = "|·•; "
_INNER_KEY_RE = re.compile(rf"\s(?P<key>{_KEYS})\s*:", re.I)
_URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"')]+|\b(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/[^\s<>\"')]*)?",
    re.IGNORECASE,
)
_TERM_RE = re.compile(
    r"(?P<since>\b(?:since|from)\s+(?:\w+\s+)?)?(?P<start>(?:19|20)\d{2})\b(?:[^\d]{0,25}?(?:[–—/-]|\bto\b|\btill\b|"
    r"\buntil\b)\s*(?:[A-Za-z]+\.?\s+)?(?P<end>(?:19|20)\d{2}|\d{2})\b)?",
    re.I,
)
_NUMBER_RE = re.compile(
    r"(?P<number>\d{1,3}(?:[ ,.\u202f’']\d{3})+(?![\d])|\d+(?:[.,]\d+)?)\s*(?P<unit>million|mio|m|mn|thousand|k)?\b",
    re.IGNORECASE,
)
_LATER_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_YEAR_RE = re.compile(r"\b(?:in\s+|\(\s*)?((?:19|20)\d{2})\b")
_PLACEHOLDER_RE = re.compile(
    r"^(?:[-–—‐?]*|n\.?\s?/?\s?a\.?|none|unknown|tb[cd]\.?|to be (?:confirmed|determined|appointed|announced)|"
    r"not (?:yet )?(?:appointed|available|applicable|known)|vacant\b.*|position vacant|no (?:one|innovation lead))$",
    re.IGNORECASE,
)


# A label with or without its colon, alone on its line or followed by its value: an Overview set as
# a table (label | value) or with the value on the line below
# (a whole word: "MAYORAL TERM" is no "Mayor" label with the value "AL TERM")
_BARE_KEY_RE = re.compile(rf"^(?P<key>{_KEYS})(?!\w)\s*:?\s*(?P<value>.*)$", re.I)


_NOT_A_NAME_RE = re.compile(r"\d|https?:|www\.|\.[a-z]{2,4}(?:/|$)|@")


def map_overview(section: Section | None, vocabulary: Vocabulary) -> FieldResult:
    found = Found("overview", vocabulary)
    if section is None:
        return found.result()
    websites: list[tuple[str, Evidence]] = []  # each with where it was read
    after_website_label = False  # a label's values may follow on the lines below it
    for index, block in enumerate(section.blocks):
        matches = [_KEY_RE.match(part) for cell in block.cells for part in _labelled_parts(cell)]
        if all(matches) and not all(match.group("value").strip() for match in matches if match):
            continue  # a label whose value is printed elsewhere: _pair_labels finds it
        if not all(matches):
            if (websites or after_website_label) and all(_URL_RE.fullmatch(line.text.strip())
                                                         or _is_scheme(line.text) for line in block.lines):
                websites.extend((url, locate(block)) for url in _urls(block.text))
                found.use(index)
            continue
        found.use(index)
        for match in matches:
            assert match is not None
            key, value = match.group("key").lower(), match.group("value").strip()
            after_website_label = "web" in key
            _read_key(found, key, value, block, websites)
    pairs, unpaired = _pair_labels(found, section)
    for key, value, evidence in pairs:
        _read_key(found, key, value, evidence, websites)
    first: dict[str, Evidence] = {}  # url -> where it was first read, in printed order
    for url, evidence in websites:
        first.setdefault(url, evidence)
    urls = list(first)
    found.values["overview.websites"] = urls
    for position, url in enumerate(urls):
        found.evidence[f"overview.websites[{position}]"] = first[url]
    _warn_unpaired(found, unpaired)
    return found.result()


def _warn_unpaired(found: Found, keys: list[str]) -> None:
    """A label printed without a value read for it: its fields, if still empty, are flagged."""
    for key in keys:
        for path in _paths_of(key):
            if found.values.get(path) in (None, []):
                found.warn(path, "not_found", f'the label "{key}" is printed, but no value was read beside or under it')


def _kind(key: str) -> str:
    """What a label (lowercased) gives: mayor, innovation_lead, term, population or websites."""
    if "term" in key.split():  # "Mayoral term" is the term
        return "term"
    if key.endswith("mayor") or key == "head of government":
        return "mayor"
    if key.startswith(("innovation lead", "chief")):
        return "innovation_lead"
    if key.startswith("population"):
        return "population"
    return "websites"


def _paths_of(key: str) -> tuple[str, ...]:
    """The record fields a label's value gives (as ``_read_key`` reads them)."""
    kind = _kind(key)
    if kind == "term":
        return ("overview.term_start", "overview.term_end")
    if kind == "population":
        return ("overview.population", "overview.population_year")
    return (f"overview.{kind}",)


def _labelled_parts(cell: str) -> list[str]:
    """A cell ("Mayor: X    Term: Y" is two) cut before every further capitalised label in it."""
    lead = _KEY_RE.match(cell)
    if lead is None or cell.count(":") < 2:  # a further label needs a colon of its own
        return [cell]
    starts = [match.start() + 1 for match in _INNER_KEY_RE.finditer(cell, lead.end("key"))
              if match.group("key")[0].isupper()]
    if not starts:
        return [cell]
    bounds = [0, *starts, len(cell)]
    # the separators between the pairs of a strip ("Mayor: X | Term: Y", "·", "•", ";") are no value's
    return [cell[start:end].rstrip(_PAIR_SEPARATORS).strip() for start, end in zip(bounds, bounds[1:], strict=False)]


def _pair_labels(found: Found, section: Section) -> tuple[list[tuple[str, str, Evidence]], list[str]]:
    """Labels and values the blocks read so far did not hold together: a label without its value
    (or its colon) takes the value printed right of it on the same line of the page, or right
    under it, else the value lines after it; a run of labels followed by as many values (a table read column by
    column) pairs them in order; a websites label with an address after it takes the address
    lines that follow too. Each block read is marked used. Also the keys of the labels left
    without a value."""
    lines, absorbed = _join_wrapped_labels([(index, cell) for index, block in enumerate(section.blocks)
                                            if (index, None) not in found.used for line in block.lines
                                            for cell in _cell_lines(line) if cell.text])
    for index in absorbed:
        found.use(index)
    values = [(index, line) for index, line in lines if not _BARE_KEY_RE.match(line.text)]
    order = [line for _, line in lines]
    pairs: list[tuple[str, str, Evidence]] = []
    waiting: list[tuple[str, Line]] = []
    taken: set[int] = set()
    for index, line in lines:
        match = _BARE_KEY_RE.match(line.text)
        if match is None:
            continue
        found.use(index)
        key, value = match.group("key").lower(), match.group("value").strip()
        if not value:
            waiting.append((key, line))
            continue
        more = _take(found, values, taken, _addresses_below(line, order, values, taken)) if "web" in key else []
        pairs.append((key, " ".join([value, *(line.text for line in more)]), _evidence([line, *more], value)))
    unpaired: list[tuple[str, Line]] = []
    for key, label in waiting:
        free = [(position, line) for position, (_, line) in enumerate(values) if position not in taken]
        chosen = _beside(label, free) or _right_under(label, free)
        if chosen and "web" in key:  # a cell of several websites, one under the other
            chosen += _cell_below(values[chosen[0]][1], free)
        chosen = chosen or _below(label, order, free, "web" in key)
        if not chosen:
            unpaired.append((key, label))
            continue
        texts = _take(found, values, taken, chosen)
        pairs.append((key, _lines_text(texts), _evidence([label, *texts], None)))
    rest = [position for position in range(len(values)) if position not in taken]
    if unpaired and len(rest) == len(unpaired):  # labels, then their values, in the same order
        for (key, label), position in zip(unpaired, rest, strict=True):
            found.use(values[position][0])
            value = values[position][1]
            pairs.append((key, value.text, _evidence([label, value], None)))
        unpaired = []
    return pairs, [key for key, _ in unpaired]


def _cell_lines(line: Line) -> list[Line]:
    """A grid row's cells as lines of their own, each in its own box where the reader knows it
    (a table of labels over values, cards of a label and its value, printed as one row)."""
    if len(line.cells) < 2:
        return [line]
    boxes = line.cell_boxes if len(line.cell_boxes) == len(line.cells) else (None,) * len(line.cells)
    return [line._replace(text=cell, cells=(cell,), bbox=box or line.bbox, cell_boxes=(), cell_colors=(),
                          cell_fills=()) for cell, box in zip(line.cells, boxes, strict=True)]


def _take(found: Found, values: list[tuple[int, Line]], taken: set[int], chosen: list[int]) -> list[Line]:
    """The value lines at ``chosen``, marked taken and their blocks used."""
    for position in chosen:
        taken.add(position)
        found.use(values[position][0])
    return [values[position][1] for position in chosen]


def _addresses_below(label: Line, order: list[Line], values: list[tuple[int, Line]], taken: set[int]) -> list[int]:
    """The lines right after ``label`` in reading order that hold web addresses only (a
    websites label with its first address beside it and the others under it)."""
    position_of = {id(line): position for position, (_, line) in enumerate(values) if position not in taken}
    chosen: list[int] = []
    for line in order[order.index(label) + 1:]:
        if id(line) not in position_of or not all(_URL_RE.fullmatch(part) or part in _PAIR_SEPARATORS
                                                   for part in line.text.split()):
            break
        chosen.append(position_of[id(line)])
    return chosen


def _join_wrapped_labels(lines: list[tuple[int, Line]]) -> tuple[list[tuple[int, Line]], set[int]]:
    """A label wrapped in a narrow cell ("Innovation" / "Lead:"), its value printed between its
    two lines in reading order, as one label: two lines, one right under the other at the same
    left edge, that read as a label only together. Also the blocks of the second lines, read."""
    joined = list(lines)
    absorbed: set[int] = set()
    for position, (index, line) in enumerate(joined):
        if _BARE_KEY_RE.match(line.text):
            continue
        later = _second_label_line(joined, position)
        if later is None:
            continue
        second_index, second = joined[later]
        match = _BARE_KEY_RE.match(f"{line.text} {second.text}")
        if match is not None and not match.group("value").strip():
            box = None if line.bbox is None or second.bbox is None else (
                line.bbox[0], line.bbox[1], max(line.bbox[2], second.bbox[2]), second.bbox[3])
            joined[position] = (index, line._replace(text=f"{line.text} {second.text}", bbox=box))
            absorbed.add(second_index)
            del joined[later]
    return joined, absorbed


def _second_label_line(lines: list[tuple[int, Line]], position: int) -> int | None:
    """Where the second line of a label wrapped at ``position`` may be: on a page, the line
    right under it (``_under``); in a dump (no boxes), the line after the next one, the value
    printed level with the middle of the wrapped label coming between them in the text."""
    line = lines[position][1]
    if line.bbox is not None:
        return next((later for later in range(position + 1, len(lines)) if _under(line, lines[later][1])), None)
    later = position + 2
    if later < len(lines) and lines[later][1].bbox is None and not _BARE_KEY_RE.match(lines[position + 1][1].text):
        return later
    return None


def _under(line: Line, other: Line) -> bool:
    """``other`` is the line right under ``line`` at its left edge."""
    if line.bbox is None or other.bbox is None or other.page != line.page or abs(other.bbox[0] - line.bbox[0]) > 2:
        return False
    return 0 <= other.bbox[1] - line.bbox[3] <= 0.6 * (line.bbox[3] - line.bbox[1])


def _beside(label: Line, free: list[tuple[int, Line]]) -> list[int]:
    """The value printed right of ``label`` on the same line of the page (a table's cell)."""
    if label.bbox is None:
        return []
    top, bottom = label.bbox[1], label.bbox[3]
    right = [(line.bbox[0], position) for position, line in free
             if line.bbox is not None and line.page == label.page and line.bbox[0] > label.bbox[2]
             and min(bottom, line.bbox[3]) - max(top, line.bbox[1]) > 0.5 * (bottom - top)]
    return [min(right)[1]] if right else []


def _is_scheme(text: str) -> bool:
    """A scheme alone on its line: an address cut after it ("http://" + "innovation.x.ee/")."""
    return text.strip() in ("http://", "https://")


def _lines_text(lines: list[Line]) -> str:
    """The text of a value's lines: a piece of an address under an address that a "/" or "-"
    ends is its continuation, printed on in the same cell ("https://www.brno.cz/" +
    "innovation"); other lines are separate words."""
    text = lines[0].text
    for line in lines[1:]:
        piece = line.text.strip()
        carried = text.endswith(("/", "-")) and _URL_PIECE_RE.fullmatch(piece) and not _DOMAIN_RE.search(piece)
        text += piece if carried and ends_in_address(text) else " " + piece
    return text


def _cell_below(value: Line, free: list[tuple[int, Line]]) -> list[int]:
    """The lines that carry on ``value`` in its cell: each right under the one before at its left
    edge (``_under``), holding a web address or one unbroken piece of one ("…/open-dat" +
    "a-and-digital-services")."""
    chosen: list[int] = []
    last = value
    while True:
        following = next(((position, line) for position, line in free if _under(last, line)
                          and (_URL_RE.search(line.text) or _is_scheme(line.text)
                               or _URL_PIECE_RE.fullmatch(line.text.strip()))), None)
        if following is None:
            return chosen
        chosen.append(following[0])
        last = following[1]


def _right_under(label: Line, free: list[tuple[int, Line]]) -> list[int]:
    """The value printed right under ``label`` at its left edge (a card: the label over its value),
    whatever the reading order put between them."""
    return next(([position] for position, line in free if _under(label, line)), [])


def _below(label: Line, order: list[Line], free: list[tuple[int, Line]], several: bool) -> list[int]:
    """The value line(s) right after ``label`` in reading order, up to the next label (websites
    may take several); none when a label follows straight away."""
    position_of = {id(line): position for position, line in free}
    chosen: list[int] = []
    for line in order[order.index(label) + 1:]:
        if _BARE_KEY_RE.match(line.text) or id(line) not in position_of:
            break
        if several and not (_URL_RE.search(line.text) or _is_scheme(line.text)
                            or chosen and _URL_PIECE_RE.fullmatch(line.text.strip())):
            continue  # websites: addresses (and the pieces of one cut at a line end), not another label's value
        chosen.append(position_of[id(line)])
        if not several:
            break
    return chosen


def _evidence(lines: list[Line], part: str | None) -> Evidence:
    block = Block("paragraph", " ".join(line.text for line in lines), tuple(lines), ())
    return locate(block, part)


def _read_key(found: Found, key: str, value: str, where: Block | Evidence,
              websites: list[tuple[str, Evidence]]) -> None:
    if isinstance(where, Evidence):
        evidence = where
    else:
        evidence = locate(where, value) if value and value in where.text else locate(where)
    if _PLACEHOLDER_RE.match(value) and "web" not in key:
        return  # the document says there is none: null, not a name
    kind = _kind(key)
    if kind in ("mayor", "innovation_lead"):
        _read_name(found, f"overview.{kind}", value, evidence)
    elif kind == "term":
        _read_term(found, value, evidence)
    elif kind == "population":
        _read_population(found, value, evidence)
    else:
        urls = _urls(value)
        if not urls and value:
            found.warn("overview.websites", "unreadable_value", f'no web address could be read in "{value}"')
        websites.extend((url, where if isinstance(where, Evidence) else locate(where)) for url in urls)


def _read_name(found: Found, path: str, value: str, evidence: Evidence) -> None:
    """A person's name; a value that cannot be one (digits, a web address: another label's value
    the layout put here) is left null and warned. In a dump (no boxes), where a tool may have run
    a line of the next column on, the name ends where ``split_name`` says; on a page the line's
    own box holds the name whole ("Vicent Sales i Ferrer")."""
    if path in found.values:
        return
    name, rest = split_name(value) if evidence.bbox is None else (value, "")
    if _NOT_A_NAME_RE.search(name):
        found.warn(path, "unreadable_value", f'"{value}" is no name: the label was not paired with its value')
        return
    found.set(path, name, evidence)
    if rest:
        found.warn(path, "mixed_columns", f'"{rest}" after the name "{name}" is no part of it (a line of the '
                                          "column beside it?): left out")


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


# A piece of a web address carried on to the next line: no domain of its own, ends the word, and
# starts in lower case or with a digit (addresses are printed so; "Municipal", "Q1", "WHAT" are words)
_URL_PIECE_RE = re.compile(r"[a-z0-9][\w\-/?=&%#~]*[.,;)]?")
_DOMAIN_RE = re.compile(r"\.[a-z]{2,}", re.IGNORECASE)


def _join_cut_urls(text: str) -> str:
    """Web addresses cut at a line end put back together (see ``_carries_on``)."""
    joined: list[str] = []
    for word in text.split():
        if joined and _carries_on(joined[-1], word):
            joined[-1] += word
        else:
            joined.append(word)
    return " ".join(joined)


def _carries_on(last: str, word: str) -> bool:
    """``word`` carries on the address ``last`` cut at a line end: a scheme alone ("http://")
    takes what follows it; an address cut inside a word of its path ("…/programmes/o" +
    "pen-data-and-…") or after a hyphen is carried on by a piece that is no address of its own
    (no domain in it); one cut after a "/" only by a piece that reads as a path or a slug
    ("programmes/open-data", "open-data-and-digital-services": a "/" or a "-" in it), so that
    "https://x.org/ and" stays two words."""
    if last in ("http://", "https://"):
        return True
    if not last.startswith(("http://", "https://", "www.")) or last.endswith((".", ",", ";", ":", ")")):
        return False
    if not _URL_PIECE_RE.fullmatch(word) or _DOMAIN_RE.search(word):
        return False
    return not last.endswith("/") or any(mark in word.rstrip("/") for mark in "/-")


# Two addresses a tool printed without a space between them: a scheme inside an address starts
# the next one (not a query's value: "?url=https://…")
_GLUED_URL_RE = re.compile(r"(?<=[^\s=])(?=https?://)")


def _urls(text: str) -> list[str]:
    urls = []
    for raw in _URL_RE.findall(_join_cut_urls(_GLUED_URL_RE.sub(" ", text))):
        url = raw.rstrip(".,;)")
        urls.append(url if "://" in url else "https://" + url)
    return urls


def parse_term(value: str) -> tuple[int | None, int | None]:
    """"2015–2021" -> (2015, 2021); "since 2014" -> (2014, None); "2019–23" -> (2019, 2023)."""
    match = _TERM_RE.search(value)
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


def _read_term(found: Found, value: str, evidence: Evidence) -> None:
    start, end = parse_term(value)
    if start is None:
        found.warn("overview.term_start", "unreadable_value", f'term "{value}" has no year')
        return
    found.set("overview.term_start", start, evidence)
    found.set("overview.term_end", end, evidence)
    open_ended = re.search(r"\b(?:since|from|present|now|today|ongoing|current)\b|[–—-]\s*$", value, re.I)
    if end is None and not open_ended:
        found.warn("overview.term_end", "unreadable_value", f'term "{value}": no end year read')


def parse_population(value: str) -> tuple[int | None, int | None]:
    """"159 000 (2019)" -> (159000, 2019); "4.49 million (2018)" -> (4490000, 2018)."""
    year_match = _YEAR_RE.search(value)
    year = int(year_match.group(1)) if year_match else None
    body = value[: year_match.start()] if year_match else value
    match = _NUMBER_RE.search(body)
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


def _read_population(found: Found, value: str, evidence: Evidence) -> None:
    population, year = parse_population(value)
    if population is None:
        found.warn("overview.population", "unreadable_value", f'population "{value}" is not a number')
    found.set("overview.population", population, evidence)
    found.set("overview.population_year", year, evidence)

"""Web addresses in Overview values: found in text, put back together where a line end cut them.

``urls(text)`` gives every address in a websites value, a scheme added where none is printed
("data.x.fi" -> "https://data.x.fi"); ``lines_text(lines)`` joins a value's lines so that a piece
of an address under the address it carries on is joined to it.
"""

from __future__ import annotations

import re
from functools import cache

from publicsuffixlist import PublicSuffixList

from ..models import Line
from ..textutil import HARD_BREAK, address_hyphen, ends_in_address, join_wrapped

# An address ends at a space, a quote, a bracket or a bar ("…gob.mx/| www…": no address holds a bare "|")
URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"')|]+|\b(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/[^\s<>\"')|]*)?",
    re.IGNORECASE,
)


# A piece of a web address carried on to the next line: no domain of its own, ends the word, and
# starts in lower case or with a digit (addresses are printed so; "Municipal", "Q1", "WHAT" are words)
URL_PIECE_RE = re.compile(r"[a-z0-9][\w\-/?=&%#~]*[.,;)]?")


_DOMAIN_RE = re.compile(r"\.[a-z]{2,}", re.IGNORECASE)
_PATH_REST_RE = re.compile(r"/[\w\-/?=&%#~.]*")  # the rest of an address from a "/" on
_HOST_REST_RE = re.compile(r"\.[a-z0-9][\w\-.]*/?|/[\w\-/?=&%#~.]*", re.IGNORECASE)  # ".nl", "/", "/innovation"
_HOST_START_RE = re.compile(r"[a-z0-9][\w-]*(?:\.[\w-]+)+", re.IGNORECASE)  # a host cut inside: "opendata.c-"
_HOST_RE = re.compile(r"[./]?[a-z0-9-]*(?:\.[a-z0-9-]+)*\.?(?:/\S*)?", re.IGNORECASE)  # the rest of a host


# Two addresses a tool printed without a space between them: a scheme inside an address starts
# the next one (not a query's value: "?url=https://…")
_GLUED_URL_RE = re.compile(r"(?<=[^\s=])(?=https?://)")


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
    (no domain in it); one cut after a "/" only by a piece that reads as a path, a slug or a
    query ("programmes/open-data", "open-data-and-digital-services", "datasets?lang=en", "en/": a
    "/", "-", "?", "=" or "&" in it or a "/" ending it), so that "https://x.org/ and" stays two words."""
    if last in ("http://", "https://"):
        return True
    if last.endswith((",", ";", ":", ")")):
        return False
    if _cut_in_host(last, word):
        return True
    if not last.startswith(("http://", "https://", "www.")) or last.endswith("."):
        return False
    if word.startswith("/") and not last.endswith("/"):  # the rest of its path ("…/en" + "/")
        return _PATH_REST_RE.fullmatch(word) is not None
    if not URL_PIECE_RE.fullmatch(word) or _DOMAIN_RE.search(word):
        return False
    return not last.endswith("/") or word.endswith("/") or any(mark in word.rstrip("/") for mark in "/-?=&")


def _cut_in_host(last: str, word: str) -> bool:
    """``last`` is an address cut inside its host and ``word`` the rest of it: after a hyphen
    of the host, after a dot or before one (".es"), inside the top-level label (no such label is
    one letter: "x.e" + "s"), after "www." and one label ("www.welling" + "ton.nz/x"), inside a host
    with no dot yet ("https://innovate-saojosedoscamp" + "os.eu/en/"), inside a
    label that is no top-level domain ("opendata.shertogen" + "bosch.nl/"), or before the path
    ("/innovation")."""
    host = last.split("://")[-1]
    if "/" in host or not _HOST_RE.fullmatch(word):
        return False
    if host.endswith("-"):  # no host ends with a hyphen: "lab.saint-" + "etienne.fr/"
        return True
    if "." not in host:  # a host with no dot yet is cut when its rest brings one ("…doscamp" + "os.eu/en/")
        return last.startswith(("http://", "https://")) and bool(host) and "." in word.split("/")[0].strip(".")
    labels = host.split(".")
    if host.endswith(".") or word.startswith((".", "/")):  # an address so far ("i.e." is none)
        return bool(last.startswith(("http://", "https://", "www.")) or URL_RE.fullmatch(last.rstrip(".")))
    one_letter = len(labels[-1]) == 1 and len(labels) > 2
    return one_letter or (len(labels) == 2 and labels[0].lower() == "www") or _no_tld(labels[-1], word)


def _no_tld(label: str, word: str) -> bool:
    """``label``, the last of a host, is no top-level domain, and ``word``, a host's rest with no
    "www." of its own, ends with one ("opendata.shertogen" + "bosch.nl/")."""
    host = word.split("/")[0].rstrip(".")
    if "." not in host or host.lower().startswith("www."):
        return False
    suffixes = _public_suffixes()
    return not suffixes.is_public(label.lower()) and suffixes.is_public(host.rsplit(".", 1)[-1].lower())


@cache
def _public_suffixes() -> PublicSuffixList:
    """The Public Suffix List (loaded once, ~0.07 s, when an address may be cut inside its host)."""
    return PublicSuffixList(accept_unknown=False)


def urls(text: str) -> list[str]:
    """The web addresses in ``text``, cut ones put back together; a hyphen the layout marked as
    real at a line end (``HARD_BREAK``, a non-breaking hyphen) is a plain one in an address."""
    urls = []
    text = text.replace(HARD_BREAK, "-")
    for raw in URL_RE.findall(_join_cut_urls(_GLUED_URL_RE.sub(" ", text))):
        url = raw.rstrip(".,;)")
        urls.append(url if "://" in url else "https://" + url)
    return urls


_CASE_CHANGE_RE = re.compile(r"[a-z][A-Z]")  # "nzWhat": a word glued to a top-level domain
_GLUED_PUNCTUATION_RE = re.compile(r"/[,;]|[,;][A-Z]")  # "/,Aucklandhas…": a sentence glued to a path


def run_on(url: str) -> bool:
    """An address that runs on into the text printed after it with no space ("….govt.nzWhat",
    "….nz/,Aucklandhasno…": a column's words glued to it): its host's last label changes case
    and is no top-level domain, or its path holds a comma or semicolon glued to a word that
    starts a sentence or to a "/"."""
    host, _, path = url.split("://", 1)[-1].partition("/")
    label = host.rsplit(".", 1)[-1]
    if _GLUED_PUNCTUATION_RE.search(path):
        return True
    return bool(_CASE_CHANGE_RE.search(label)) and not _public_suffixes().is_public(label.lower())


def is_scheme(text: str) -> bool:
    """A scheme alone on its line: an address cut after it ("http://" + "innovation.x.ee/")."""
    return text.strip() in ("http://", "https://")


def holds_address(text: str, piece: bool) -> bool:
    """A value line that belongs to a websites value: it holds a web address or a scheme alone,
    or (``piece``) pieces of addresses cut at a line end ("a-and-digital-services", "/innovation",
    "innovation; https://": the end of one and the scheme of the next; "open-data | opendata.c-":
    the end of one, a bar, and the start of the next)."""
    words = text.replace(HARD_BREAK, "-").split()
    if URL_RE.search(text) or is_scheme(text):
        return True
    if not piece or not words or len(words) > 1 and not any(is_scheme(word) or word == "|" for word in words):
        return False  # words of a sentence are pieces too: several only around the next address's start
    return all(URL_PIECE_RE.fullmatch(word.rstrip(";,").removeprefix("/")) or is_scheme(word) or word == "|"
               or _HOST_REST_RE.fullmatch(word.rstrip(";,")) or _HOST_START_RE.fullmatch(word) for word in words)


def lines_text(lines: list[Line]) -> str:
    """The text of a value's lines: a piece of an address under an address that a "/" or "-"
    ends is its continuation, printed on in the same cell ("https://www.brno.cz/" +
    "innovation", or "innovation; https://" before the next address); other lines are separate
    words, or a name wrapped in its cell ("O'Sullivan-" + "Reyes": ``join_wrapped``)."""
    text = lines[0].text
    for line in lines[1:]:
        text = address_hyphen(text)
        piece, _, rest = line.text.strip().partition(" ")  # "innovation; https://": the piece, then the next one
        bare = piece.rstrip(";,")
        carried = text.endswith(("/", "-")) and URL_PIECE_RE.fullmatch(bare) and not _DOMAIN_RE.search(bare)
        if carried and ends_in_address(text):
            text += piece + (" " + rest if rest else "")
        elif text.endswith("-") and not ends_in_address(text):
            text = join_wrapped([text, line.text])
        else:
            text += " " + line.text.strip()
    return text


__all__ = ["URL_PIECE_RE", "URL_RE", "holds_address", "is_scheme", "lines_text", "run_on", "urls"]

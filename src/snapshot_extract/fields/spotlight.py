"""Spotlight box -> ``spotlight.title`` and ``spotlight.text`` (paragraphs folded, de-hyphenated)."""

from __future__ import annotations

import re
from itertools import takewhile

from ..geometry import union_box
from ..models import Evidence, FieldResult, Section
from ..textutil import join_wrapped
from ..vocabulary import Vocabulary
from .common import Found, locate


def map_spotlight(section: Section | None, vocabulary: Vocabulary) -> FieldResult:
    found = Found("spotlight", vocabulary)
    if section is None:
        return found.result()
    title = section.title
    text = _paragraphs_text([block.text for block in section.blocks]) if section.blocks else ""
    text = _OPEN_HYPHEN_RE.sub("-", text)
    if title and text:
        title, text = _as_the_text_repeats_it(title, text)
    if title:
        line = section.heading_line
        found.set("spotlight.title", title, Evidence(title, line.page if line else None, line.bbox if line else None))
        if glued := _GLUED_WORDS_RE.search(title):
            found.warn("spotlight.title", "unreadable_value", f'"{glued.group()}": words run together (the tool '
                       "that made this text lost their spaces)")
    if section.blocks:
        for index in range(len(section.blocks)):
            found.use(index)
        evidences = [locate(block) for block in section.blocks]
        bbox = union_box([e.bbox for e in evidences if e.bbox is not None])
        found.set("spotlight.text", text, Evidence(text, evidences[0].page, bbox))
        _warn_if_cut(found, text)
        _warn_if_mixed(found, [block.text for block in section.blocks])
    return found.result()


# a compound whose hyphen a justified line set apart from its second word ("open- source", "co-
# designed" joined with a space): one word; a hyphen left hanging before "and"/"or" stays ("long- and
# short-term")
_OPEN_HYPHEN_RE = re.compile(r"(?<=[^\W\d_])- (?=[a-z])(?!(?:and|or|nor|to)\b)")
# words printed with no space between them: a word of a dozen letters or more in which a capital
# follows a small letter twice ("StreetLabBogotá"; a brand's "InnovationLab" once)
_GLUED_WORDS_RE = re.compile(r"\b(?=[^\W\d_]{12})(?:[^\W\d_]*?[a-zà-ÿ][A-ZÀ-Þ]){2}[^\W\d_]*")


def _as_the_text_repeats_it(title: str, text: str) -> tuple[str, str]:
    """The title and the text where the text opens by naming the title, its evidence for the
    title: the title's last words wrapped onto a line read as the text's ("Donostia-San
    Sebastián Innovation" / "Days Donostia-San Sebastián Innovation Days brings …") go back to
    the title; a hyphen a tool dropped from the title ("Louisville Codesign Studio") is the
    text's ("Louisville Co-design Studio brings …")."""
    words = text.split()
    for count in range(1, TITLE_REST + 1):
        whole, rest = f"{title} {' '.join(words[:count])}", " ".join(words[count:])
        if rest.startswith(whole) and not rest[len(whole) : len(whole) + 1].isalnum():
            return whole, rest
    opening = " ".join(words[: len(title.split())])
    if opening != title and opening.replace("-", "") == title and not opening.endswith("-"):
        return opening, text
    return title, text


TITLE_REST = 3  # words of a title at most that its wrapping may carry onto the text's first line


def _paragraphs_text(paragraphs: list[str]) -> str:
    """The paragraphs joined by a space; a word broken at one's end that the next one carries
    on in lower case ("depart-" + "ments", "co-" + "design") is joined as a wrapped line's is."""
    texts = [paragraphs[0]]
    for paragraph in paragraphs[1:]:
        if texts[-1].endswith("-") and paragraph[:1].islower():
            texts[-1] = join_wrapped([texts[-1], paragraph])
        else:
            texts.append(paragraph)
    return " ".join(texts)


# the end of a sentence (a closing quote or bracket may follow it)
_ENDED_RE = re.compile(r"[.!?…][\"”’')\]]*$")
# a word broken at a line end that the next words do not carry on ("innov\u2010 Pilots", "depart- Ments")
_BROKEN_WORD_RE = re.compile(r"[^\W\d_]{2}[\u2010\u00ad] |[^\W\d_]{2}- (?=[A-Z])")


def _warn_if_cut(found: Found, text: str) -> None:
    """A spotlight text a column or page break cut (read in the order the page gave): it stops
    mid-sentence, or a word broken at a line end is not carried on by what follows it (another
    column's lines came between). Its rest, or what came between, is elsewhere: ``text_cut``."""
    if not _ENDED_RE.search(text):
        found.warn("spotlight.text", "text_cut", f'the text stops mid-sentence ("…{text[-40:]}"): a column or '
                                                 "page break cut it, and its rest may be printed elsewhere")
    elif broken := _BROKEN_WORD_RE.search(text):
        found.warn("spotlight.text", "text_cut", f'a word broken at a line end is not carried on '
                                                 f'("{broken.group()}…"): another column\'s text may be mixed in')


def _warn_if_mixed(found: Found, paragraphs: list[str]) -> None:
    """A spotlight text that opens with three paragraphs or more that are no sentence before its
    first sentence ("Raisa Hyvärinen", "2015 to 2020", … "In Hämeenlinna, the …": a dump read a
    sidebar's values into it): another column's text may be mixed in (``mixed_columns``)."""
    leading = list(takewhile(lambda paragraph: not _ENDED_RE.search(paragraph), paragraphs))
    if 3 <= len(leading) < len(paragraphs):
        found.warn("spotlight.text", "mixed_columns", f'the text opens with {len(leading)} lines that are no sentence '
                   f'("{leading[0][:40]}", …): another column\'s text may be mixed in')

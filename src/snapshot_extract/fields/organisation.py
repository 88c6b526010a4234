"""Organisational structure -> ``organisation.*``."""

from __future__ import annotations

import re

from ..models import Block, FieldResult, Section, vocabulary_group
from ..vocabulary import Match, Vocabulary
from .common import Found, ItemList, clean_item, is_list_item, locate, read_flag, read_list_intro

_SKILLS = "organisation.staff_skills"

_STAFF_RE = re.compile(
    r"\b(?:dedicated\s+(?:full[- ]time\s+)?(?:innovation\s+)?"
    r"(?:team|staff(?:members?)?|unit|office|employees|personnel)\b|"
    r"(?:staff|employees|personnel)\s+(?:members?\s+)?(?:are\s+|is\s+)?(?:dedicated|working|works?)\b|"
    r"consists?\s+of\s+\w+\s+(?:staff|people|employees)|(?<![\d.,])\d+\s+(?:full[- ]time\s+)?staff\b|"
    r"team\s+of\s+\w+\b)",
    re.I,
)
_UNITS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "  # noqa: SIM905
          "sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()  # noqa: SIM905
_NUMBER_WORDS = (
    {word: value for value, word in enumerate(_UNITS, 1)}
    | {word: 10 * index for index, word in enumerate(_TENS, 2)}
    | {"a dozen": 12, "half a dozen": 6}
)
# A count in digits or in words ("twenty-five", "half a dozen"); never the tail of a compound word.
_NUMBER = (
    r"((?<![\d.,])\d{1,4}(?![.,]\d)|(?<![\w-])(?:half\s+a\s+dozen|a\s+dozen|"
    rf"(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_UNITS[:9])}))?|{'|'.join(sorted(_UNITS, key=len, reverse=True))}))"
)
_COUNT_RE = re.compile(
    r"\b(?:" + _NUMBER + r"\s+(?:(?:full[- ]time|dedicated|permanent|innovation)\s+){0,3}(?:staff(?:\s*members?)?|"
    r"employees|people|team\s+members|members\s+of\s+staff|FTEs?)\b|team\s+of\s+" + _NUMBER + r"\b)",
    re.I,
)
_FRACTION_COUNT_RE = re.compile(r"\b\d+[.,]\d+\s+(?:FTEs?|full[- ]time|staff)", re.I)
_WORK_IS_RE = re.compile(
    r"^.*?\binnovation (?:work|efforts?|activit(?:y|ies)) (?:is|are|(?:sits?|resides?)\s+(?:in|within|inside))\s+", re.I
)
_AGENT_RE = re.compile(
    r"^(?:(?:is|are)\s+)?(?:(?:carried|sought|worked)\s+out|led|run|managed|handled|coordinated|driven|delivered|done|"
    r"undertaken|overseen)\s+(?:by|from)\s+",
    re.I,
)
# "not supported by a dedicated team", "carried out without a dedicated team" say what "no dedicated team" says
_NOT_BY_RE = re.compile(r"^(?:not\s+(?:\w+\s+){1,2}?(?:by|from)|(?:\w+\s+){0,2}?without)\s+an?\s+", re.I)
# clauses, and a team's head count after it ("a dedicated team in the City Manager's office of six staff members")
_CLAUSE_RE = re.compile(
    r"[,;()]|\s[–—-]\s|\b(?:with|where|which|that|and)\b|\bof\s+(?=(?:\S+\s+){0,2}(?:staff|people|employees)\b)"
)
_VERB_RE = re.compile(r"^(?:has|have|is|are)\s+(?=no\b|an?\b)", re.I)
_SUBJECT_RE = re.compile(r"^[^\W\d_][\w’'.\- ]{0,40}?\s+(?=(?:does not|doesn't|has no|has an?|is)\b)")
# what the team is for, after the structure ("... for innovation", "... working on building capacity")
_PURPOSE_TAIL_RE = re.compile(
    r"\s+(?:for\s+innovation(?:\s+(?:work|capacity))?$|(?:working|focus(?:ed|ing)|responsible|tasked|charged|devoted)"
    r"\s+(?:on|to|for|with|towards?)\b.*$)",
    re.I,
)
# "Staff skills and profiles include:", "Skills and profiles of (the) staff include:"
_SKILLS_RE = re.compile(r"(?:skills|profiles)(?:\s+and\s+(?:skills|profiles))?(?:\s+of\s+(?:the\s+)?(?:\w+\s+)?staff)?"
                        r"\s+(?:include|are|comprise)\s*:?\s*(.*)$", re.I)


def map_organisation(section: Section | None, vocabulary: Vocabulary) -> FieldResult:
    found = Found("organisation", vocabulary)
    if section is None:
        return found.result()
    in_skills = False
    items = ItemList(found)
    for index, block in enumerate(section.blocks):
        if in_skills and is_list_item(block, _SKILLS, vocabulary):
            items.add(index, block)
            continue
        found.terms(_SKILLS, items.close(_SKILLS))
        if block.kind == "paragraph":
            in_skills = _read_sentences(found, block, index, vocabulary) or in_skills
    found.terms(_SKILLS, items.close(_SKILLS))
    if "organisation.structure" not in found.values and not found.unmapped_at("organisation.structure") and any(
        not _SKILLS_RE.search(s) for b in section.blocks if b.kind == "paragraph" for s in b.sentences
    ):  # prose beside the skills list, yet no structure read
        found.warn("organisation.structure", "unreadable_value",
                   "the section describes the organisation but no structure phrase was recognised")
    return found.result()



def _read_sentences(found: Found, block: Block, index: int, vocabulary: Vocabulary) -> bool:
    """Read a paragraph sentence by sentence; True when it opens the staff-skills list."""
    opens = False
    for sentence in block.sentences:
        skills = _SKILLS_RE.search(sentence)
        if skills:
            opens = True
            read_list_intro(found, block, index, sentence, skills.group(1), _SKILLS)
        elif _read_sentence(found, block, sentence, vocabulary):
            found.use(index, sentence=sentence)
    return opens


def _read_sentence(found: Found, block: Block, sentence: str, vocabulary: Vocabulary) -> bool:
    used = False
    if read_flag(found, "organisation.dedicated_staff", sentence, _STAFF_RE, block):
        used = True
    count = _COUNT_RE.search(sentence)
    if count and found.values.get("organisation.dedicated_staff") is not False:
        found.set("organisation.staff_count", _count_value(count.group(1) or count.group(2)), locate(block, sentence))
        used = True
    elif _FRACTION_COUNT_RE.search(sentence):
        found.warn("organisation.staff_count", "unreadable_value", f'staff given as a fraction: "{sentence}"')
    if "organisation.structure" not in found.values:
        phrase = _structure_phrase(sentence, vocabulary)
        if phrase:
            found.term("organisation.structure", phrase, locate(block, phrase))
            used = True
    return used


def _count_value(raw: str) -> int:
    """"12" -> 12, "twelve" -> 12, "twenty-five" -> 25, "half a dozen" -> 6."""
    words = " ".join(raw.lower().replace("-", " ").split())
    if words.isdigit():
        return int(words)
    if words in _NUMBER_WORDS:
        return _NUMBER_WORDS[words]
    tens, units = words.split()
    return _NUMBER_WORDS[tens] + _NUMBER_WORDS[units]


def _structure_phrase(sentence: str, vocabulary: Vocabulary) -> str | None:
    best: tuple[float, str] | None = None
    for clause in _CLAUSE_RE.split(sentence):
        phrase = _WORK_IS_RE.sub("", clause.strip())
        phrase = clean_item(_AGENT_RE.sub("", _NOT_BY_RE.sub("no ", _VERB_RE.sub("", _SUBJECT_RE.sub("", phrase)))))
        for candidate in dict.fromkeys((phrase, _PURPOSE_TAIL_RE.sub("", phrase))):
            if not candidate:
                continue
            result = vocabulary.match(vocabulary_group("organisation.structure"), candidate)
            if isinstance(result, Match) and (best is None or result.score > best[0]):
                best = (result.score, candidate)
    return best[1] if best else None

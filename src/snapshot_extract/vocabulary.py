"""Controlled vocabulary: load, validate, and match printed text onto terms.

Contract: ``load_vocabulary()`` returns the packaged vocabulary (``data/vocabulary.json``, its
one human-edited source, documented in docs/vocabulary.md); with a user file it extends it (new
ids, more aliases) or, with ``replace=True``, replaces it. A malformed file raises ``VocabularyError`` naming the file
and the key. ``Vocabulary.match(group, text)`` normalises case, accents, punctuation, articles,
"and"/"&"/"/", British/American spelling and inflection, drops short parenthetical details,
scores against every label and alias with rapidfuzz, and returns a ``Match`` (score >= the
threshold) or a ``Miss`` (kept verbatim by the caller, never forced onto the nearest id).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from .errors import VocabularyError
from .textutil import fold_spaces, strip_accents

# The two scores that give a match its meaning (a vocabulary file may set both): below the threshold
# an item is unmapped; from the threshold up to under the confident score it is mapped, with an
# ``uncertain_match`` warning; from the confident score up it is mapped without one.
DEFAULT_THRESHOLD = 85.0
DEFAULT_CONFIDENT = 90.0
_MEMO_LIMIT = 50_000  # remembered matches per vocabulary (the survey's answers repeat across cities)

_AMERICAN_TO_BRITISH = {
    "organization": "organisation", "organizations": "organisations",
    "organizational": "organisational", "organize": "organise", "organized": "organised",
    "analyze": "analyse", "analyzed": "analysed", "analyzes": "analyses", "analyzing": "analysing",
    "behavior": "behaviour", "behavioral": "behavioural", "center": "centre",
    "centered": "centred", "labor": "labour", "program": "programme", "programs": "programmes",
    "optimize": "optimise", "prioritize": "prioritise", "prioritized": "prioritised",
    "utilize": "utilise", "modernize": "modernise", "digitize": "digitise", "realize": "realise",
    "specialized": "specialised", "favor": "favour", "color": "colour", "neighbor": "neighbour",
    "catalog": "catalogue", "defense": "defence", "mobilize": "mobilise", "centers": "centres",
}  # fmt: skip
_NEGATIONS = frozenset({"no", "not", "non", "without", "lack", "never"})
_NEGATION_CAP = 60.0
_DROP_WORDS = frozenset({"the", "a", "an", "and", "its", "their"})
_PARENTHETICAL_RE = re.compile(r"\([^()]*\)")
_NON_WORD_RE = re.compile(r"[^a-z0-9]+")
_GROUP_RE = re.compile(r"^##\s+([a-z_]+)\s+[—-]\s+(.*)$")
_VERSION_RE = re.compile(r"^#\s.*\(version\s+(\d+)\)")


def _stem(word: str) -> str:
    if len(word) <= 4:  # a short word is its stem, but for its silent "e" ("save" as "saving": "sav")
        return word[:-1] if len(word) == 4 and word.endswith("e") else word
    if word.endswith("ies"):
        return word[:-3] + "y"
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def normalise(text: str) -> str:
    """Text reduced to comparable stems: "Improving service-delivery" -> "improv servic delivery"."""
    text = strip_accents(text).lower().replace("&", " and ").replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    words = _NON_WORD_RE.sub(" ", text).split()
    return " ".join(
        _stem(_AMERICAN_TO_BRITISH.get(word, word)) for word in words if word not in _DROP_WORDS
    )


def _variants(text: str) -> tuple[str, ...]:
    full = normalise(text)
    bare = normalise(_PARENTHETICAL_RE.sub(" ", text))
    return (full,) if bare == full or not bare else (full, bare)


def _closed_up(phrase: str) -> tuple[str, ...]:
    """A hyphenated compound as a tool prints it when it drops a line-end hyphen: "third-party"
    -> "thirdparty"."""
    return (normalise(phrase.replace("-", "")),) if "-" in phrase else ()


_PHRASE_START_RE = re.compile(r"^(?:from|in|both|and|or|to|of|with)\b", re.IGNORECASE)


def _label_parts(label: str) -> tuple[str, ...]:
    """The names a "A / B" label joins ("City residents / resident associations"), each one a
    way to print the term; not for labels whose halves are phrase fragments ("From a holistic /
    macro level") or that hold parentheses."""
    parts = tuple(part.strip() for part in label.split(" / "))
    if len(parts) < 2 or "(" in label or any(not p or _PHRASE_START_RE.match(p) for p in parts):
        return ()
    return parts


def score_text(query: str, choice: str, threshold: float = DEFAULT_THRESHOLD,
               confident: float = DEFAULT_CONFIDENT) -> float:
    """Similarity of two normalised texts, 0-100; 100 only when they are equal.

    Texts that differ in a negation ("no", "not", "without", ...) never match. Word order and
    small typos are forgiven (token sort ratio). A query that contains every word of a
    multi-word choice and adds detail (no more than 2.5 times its length) scores in the uncertain
    band, the nearer the longer the choice: from 1 above ``threshold`` to 1 below ``confident``
    (86-89 with the defaults): mapped, but the caller warns about it.
    """
    if query == choice:
        return 100.0
    score = fuzz.token_sort_ratio(query, choice)
    query_words, choice_words = set(query.split()), set(choice.split())
    if (query_words & _NEGATIONS) != (choice_words & _NEGATIONS):
        return min(score, _NEGATION_CAP)  # "data inventory" is not "no data inventory"
    coverage = len(choice) / max(len(query), 1)
    if choice_words <= query_words and coverage >= 0.4 and (len(choice_words) >= 2 or len(query_words) <= 2):
        score = max(score, threshold + 1.0 + (confident - threshold - 2.0) * coverage)
    return min(score, 99.9)


@dataclass(frozen=True, slots=True)
class VocabTerm:
    id: str
    label: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Match:
    id: str
    label: str
    text: str
    score: float


@dataclass(frozen=True, slots=True)
class Miss:
    text: str
    best_id: str | None
    best_score: float


@dataclass(frozen=True)
class Vocabulary:
    version: str
    groups: dict[str, tuple[VocabTerm, ...]]
    threshold: float = DEFAULT_THRESHOLD
    confident_score: float = DEFAULT_CONFIDENT
    _choices: dict[str, tuple[tuple[str, VocabTerm], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )
    _memo: dict[tuple[str, str], Match | Miss] = field(
        default_factory=dict, compare=False, repr=False
    )
    _known: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)  # label/alias -> groups
    _group_memo: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)  # text -> groups

    def __post_init__(self) -> None:
        for name, terms in self.groups.items():
            for term in terms:
                for phrase in (term.label, *term.aliases):
                    for variant in _variants(phrase):
                        if name not in self._known.get(variant, ()):
                            self._known[variant] = (*self._known.get(variant, ()), name)
        for name, terms in self.groups.items():
            self._choices[name] = tuple(
                (variant, term)
                for term in terms
                for phrase in (term.label, *term.aliases, *_label_parts(term.label))
                for variant in dict.fromkeys(_variants(phrase) + _closed_up(phrase))
            )

    def match(self, group: str, text: str) -> Match | Miss:
        """Match printed ``text`` against ``group``; see the module docstring."""
        key = (group, text)
        found = self._memo.get(key)
        if found is None:
            found = self._match(group, text)
            if len(self._memo) >= _MEMO_LIMIT:  # bounded: a long batch of new phrasings stays flat
                self._memo.clear()
            self._memo[key] = found
        return found

    def groups_of(self, text: str) -> tuple[str, ...]:
        """The groups ``text`` is a label or alias of, once normalised ("Philanthropy": a funding
        source and a partner type), in the vocabulary's order; empty for any other text."""
        if text in self._group_memo:
            return self._group_memo[text]
        found = next((self._known[variant] for variant in _variants(text) if variant in self._known), ())
        if len(self._group_memo) >= _MEMO_LIMIT:  # bounded, as the match memo
            self._group_memo.clear()
        self._group_memo[text] = found
        return found

    def confident(self, score: float) -> bool:
        """Whether a match with ``score`` needs no ``uncertain_match`` warning."""
        return score >= self.confident_score

    def is_confident(self, group: str, text: str) -> bool:
        """Whether ``text`` is a term of ``group`` without doubt."""
        result = self.match(group, text)
        return isinstance(result, Match) and self.confident(result.score)

    def _match(self, group: str, text: str) -> Match | Miss:
        best_score, best_term = 0.0, None
        for query in _variants(text):
            for choice, term in self._choices[group]:
                score = score_text(query, choice, self.threshold, self.confident_score)
                if score > best_score:
                    best_score, best_term = score, term
            if best_score == 100.0:
                break
        best_score = round(best_score, 1)
        if best_term is not None and best_score >= self.threshold:
            return Match(best_term.id, best_term.label, text, best_score)
        return Miss(text, best_term.id if best_term else None, best_score)


# --------------------------------------------------------------------------- loading


def parse_markdown(text: str) -> dict[str, Any]:
    """Markdown vocabulary tables (``## group — description`` + ``| id | label | aliases |``, the form of
    docs/vocabulary.md) -> dict."""
    version = "1"
    groups: dict[str, dict[str, Any]] = {}
    current: list[dict[str, Any]] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if match := _VERSION_RE.match(line):
            version = match.group(1)
        elif match := _GROUP_RE.match(line):
            current = []
            groups[match.group(1)] = {"description": match.group(2).strip(), "terms": current}
        elif current is not None and line.startswith("|") and not line.startswith("|-"):
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            if cells[0] != "id" and len(cells) >= 2:
                aliases = cells[2].split(";") if len(cells) > 2 else []
                current.append(
                    {"id": cells[0], "label": cells[1], "aliases": [a.strip() for a in aliases if a.strip()]}
                )
    return {"version": version, "groups": groups}


def _read_raw(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise VocabularyError(f"cannot read vocabulary ({error})", str(path)) from None
    if path.suffix.lower() in {".md", ".markdown"}:
        return parse_markdown(text)
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        raise VocabularyError(f"invalid JSON at line {error.lineno}: {error.msg}", str(path)) from None
    if not isinstance(raw, dict):
        raise VocabularyError("top level must be an object with 'groups'", str(path))
    return raw


Scores = tuple[float, float]  # (match_threshold, confident_score)


def _validate(raw: dict[str, Any], where: str, scores: Scores = (DEFAULT_THRESHOLD, DEFAULT_CONFIDENT),
              known: dict[str, tuple[VocabTerm, ...]] | None = None
              ) -> tuple[str, dict[str, tuple[VocabTerm, ...]], Scores]:
    """The version, groups and scores of a vocabulary file; ``scores`` where it states none. With
    ``known`` (the vocabulary a file extends), a term may leave out its label when its id is
    already in its group there: an alias-only entry (``{"id": "efficiency", "aliases": [...]}``)."""
    groups = raw.get("groups")
    if not isinstance(groups, dict) or not groups:
        raise VocabularyError("key 'groups': missing or not a non-empty object", where)
    threshold, confident = raw.get("match_threshold", scores[0]), raw.get("confident_score", scores[1])
    if not isinstance(threshold, int | float) or not 0 < threshold <= 100:
        raise VocabularyError("key 'match_threshold': must be a number in (0, 100]", where)
    if not isinstance(confident, int | float) or not threshold + 2 <= confident <= 100:
        raise VocabularyError("key 'confident_score': must be a number from match_threshold + 2 to 100", where)
    parsed: dict[str, tuple[VocabTerm, ...]] = {}
    for name, group in groups.items():
        terms = group.get("terms") if isinstance(group, dict) else None
        if not isinstance(terms, list):
            raise VocabularyError(f"key 'groups.{name}.terms': missing or not a list", where)
        labels = None if known is None else {term.id: term.label for term in known.get(name, ())}
        parsed[name] = tuple(_validate_term(term, f"groups.{name}.terms[{i}]", where, labels)
                             for i, term in enumerate(terms))  # fmt: skip
        ids = [term.id for term in parsed[name]]
        if len(set(ids)) != len(ids):
            raise VocabularyError(f"key 'groups.{name}': duplicate term ids", where)
    return str(raw.get("version", "1")), parsed, (float(threshold), float(confident))


def _validate_term(term: Any, key: str, where: str, known_labels: dict[str, str] | None = None) -> VocabTerm:
    """One term; its label may be left out (or empty) when ``known_labels`` has its id."""
    if not isinstance(term, dict):
        raise VocabularyError(f"key '{key}': not an object", where)
    term_id, label, aliases = term.get("id"), term.get("label"), term.get("aliases", [])
    if not isinstance(term_id, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", term_id):
        raise VocabularyError(f"key '{key}.id': missing or not a snake_case string", where)
    if (label is None or label == "") and known_labels and term_id in known_labels:
        label = known_labels[term_id]  # an alias-only entry for a term the vocabulary has
    if not isinstance(label, str) or not fold_spaces(label):
        new = " (a new term needs one; an alias-only entry must name an id its group already has)"
        raise VocabularyError(f"key '{key}.label': missing or empty{new if known_labels is not None else ''}",
                              where)
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise VocabularyError(f"key '{key}.aliases': must be a list of strings", where)
    return VocabTerm(term_id, fold_spaces(label), tuple(fold_spaces(a) for a in aliases if a.strip()))


def _merge(
    base: dict[str, tuple[VocabTerm, ...]], extra: dict[str, tuple[VocabTerm, ...]]
) -> dict[str, tuple[VocabTerm, ...]]:
    merged = dict(base)
    for name, terms in extra.items():
        known = {term.id: term for term in merged.get(name, ())}
        for term in terms:
            old = known.get(term.id)
            aliases = (old.aliases if old else ()) + tuple(a for a in term.aliases if not old or a not in old.aliases)
            known[term.id] = VocabTerm(term.id, term.label, aliases)
        merged[name] = tuple(known.values())
    return merged


@cache  # the packaged file does not change while the program runs: read and validated once
def _packaged() -> tuple[str, dict[str, tuple[VocabTerm, ...]], Scores]:
    text = resources.files("snapshot_extract").joinpath("data/vocabulary.json").read_text("utf-8")
    return _validate(json.loads(text), "snapshot_extract/data/vocabulary.json")


@cache
def _packaged_vocabulary() -> Vocabulary:
    """One shared instance: its remembered matches serve every ``extract(path)`` that names no
    vocabulary (a fresh one per call made every match cold: 3x slower per document)."""
    version, groups, (threshold, confident) = _packaged()
    return Vocabulary(version, groups, threshold, confident)


def load_vocabulary(path: Path | None = None, replace: bool = False) -> Vocabulary:
    """The packaged vocabulary, extended (or replaced) by a user file (JSON or markdown tables)."""
    if path is None:
        return _packaged_vocabulary()
    version, groups, scores = _packaged()
    user_version, user_groups, (threshold, confident) = _validate(_read_raw(path), str(path), scores,
                                                                  None if replace else groups)
    if replace:
        return Vocabulary(user_version, user_groups, threshold, confident)
    return Vocabulary(f"{version}+{path.name}", _merge(groups, user_groups), threshold, confident)

"""Section headings as a designer might print them: wording, case and numbering."""

from __future__ import annotations

import random

QUESTIONS = ("organisation", "vision", "approach", "partnerships", "funding", "impact", "data", "outcomes")
CANONICAL = {
    "overview": "Overview",
    "organisation": "What is the organisational structure?",
    "vision": "What is the city's innovation vision?",
    "approach": "What is the city's innovation approach?",
    "partnerships": "What innovation partnerships exist?",
    "funding": "What funding is available?",
    "impact": "How is innovation helping the city?",
    "data": "How is data used?",
    "outcomes": "How are outcomes measured?",
}
SHORT = {
    "overview": "At a glance",
    "organisation": "Organisational structure",
    "vision": "Innovation vision",
    "approach": "Innovation approach",
    "partnerships": "Innovation partnerships",
    "funding": "Funding for innovation",
    "impact": "How innovation helps the city",
    "data": "Use of data",
    "outcomes": "Measuring outcomes",
}
SMALL_WORDS = {"is", "the", "of", "a", "an", "and", "or", "to", "for", "in"}


def _variant(rng: random.Random, key: str, text: str) -> str:
    """Spelling and punctuation variants docs/record.md allows: organizational, City's, ’, no "?"."""
    if key == "organisation" and rng.random() < 0.6:
        text = text.replace("organisational", rng.choice(("organizational", "city's organisational")))
    if "city's" in text and rng.random() < 0.5:
        text = text.replace("city's", rng.choice(("City's", "city’s", "City’s")))
    if text.endswith("?") and rng.random() < 0.5:
        text = text[:-1]
    return text


def _cased(text: str, case: str) -> str:
    if case == "upper":
        return text.upper()
    if case == "title":
        words = text.split(" ")
        return " ".join(w if i and w.lower() in SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words))
    return text


def heading_text(rng: random.Random, key: str, wording: str, case: str, numbering: str) -> str:
    """The printed heading of one section."""
    text = SHORT[key] if wording == "short" else CANONICAL[key]
    if wording == "variant":
        text = _variant(rng, key, text)
    text = _cased(text, case)
    if numbering != "none" and key in QUESTIONS:
        number = QUESTIONS.index(key) + 1
        text = f"{number}. {text}" if numbering == "dotted" else f"Q{number} {text}"
    return text


def spotlight_title(style: str, title: str, case: str, ascii_dash: bool) -> tuple[str | None, str, str]:
    """(kicker line or None, title line, the title as printed) for the spotlight; the title keeps
    its own case unless headings are upper case (then the whole line is)."""
    word = "SPOTLIGHT" if case == "upper" else "Spotlight"
    shown = title.upper() if case == "upper" else title
    if style == "stacked":
        return word.upper(), shown, shown
    separator = {"pipe": " | ", "dash": " - " if ascii_dash else " – ", "colon": ": "}[style]
    return None, f"{word}{separator}{shown}", shown

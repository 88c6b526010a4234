"""Printed forms of overview values and peer phrases, each returned with the value the truth states."""

from __future__ import annotations

import random

PEER_PREFIXES = ("Like", "Similar to", "Along with")
WORD_SHARES = (("half", 50), ("one-third", 33), ("a third", 33), ("two-thirds", 67), ("a quarter", 25),
               ("one-quarter", 25), ("three-quarters", 75))  # fmt: skip
BOUNDS = (("more than", "more_than"), ("over", "more_than"), ("less than", "less_than"), ("under", "less_than"),
          ("fewer than", "less_than"), ("about", "about"), ("around", "about"), ("nearly", "about"),
          ("almost", "about"))  # fmt: skip


def peer_phrase(rng: random.Random) -> tuple[str, int | None, str]:
    """("Like over one-third of cities surveyed", 33, "more_than") and the like."""
    prefix = rng.choice(PEER_PREFIXES)
    if rng.random() < 0.5:
        percent = rng.randint(12, 88)
        share = f"{percent}%"
    else:
        share, percent = rng.choice(WORD_SHARES)
    bound_word, bound = ("", "exact")
    if rng.random() < 0.45:
        bound_word, bound = rng.choice(BOUNDS)
    words = " ".join(w for w in (prefix, bound_word, share) if w)
    return f"{words} of cities surveyed", percent, bound


def term_form(rng: random.Random, charset: str) -> tuple[str | None, int | None, int | None]:
    """The printed term of office with its start and end years."""
    if rng.random() < 0.03:
        return None, None, None
    start = rng.randint(2012, 2019)
    end = start + rng.choice((3, 4, 4, 5, 6))
    dash = "–" if charset != "latin-1" else "-"
    kind = rng.choice(("dash", "dash", "hyphen", "spaced", "to", "since", "present"))
    if kind == "since":
        return f"since {start}", start, None
    if kind == "present":
        return f"{start}{dash}present", start, None
    text = {"dash": f"{start}{dash}{end}", "hyphen": f"{start}-{end}", "spaced": f"{start} {dash} {end}",
            "to": f"{start} to {end}"}[kind]  # fmt: skip
    return text, start, end


def population_form(rng: random.Random, base: int, year: int) -> tuple[str | None, int | None, int | None]:
    """The printed population with the number and the year the truth states."""
    if rng.random() < 0.03:
        return None, None, None
    kind = rng.choice(("space", "comma", "dot", "plain", "million"))
    if kind == "million" and base < 1_000_000:
        kind = "comma"
    if kind == "million":
        decimals = rng.choice((1, 2))
        value = round(base / 1_000_000, decimals)
        number = f"{value:.{decimals}f} million"
        population = round(value * 1_000_000)
    else:
        population = base
        grouped = f"{base:,}"
        number = {"space": grouped.replace(",", " "), "comma": grouped, "dot": grouped.replace(",", "."),
                  "plain": str(base)}[kind]  # fmt: skip
    if rng.random() < 0.07:
        return number, population, None
    year_text = rng.choice((f"({year})", f"({year})", f"({year} estimate)"))
    return f"{number} {year_text}", population, year


def website_forms(rng: random.Random, domain: str, form: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Printed websites and the absolute URLs the truth states, in printed order."""
    count = {"none": 0, "single": 1}.get(form, rng.choice((2, 2, 3)))
    candidates = [f"https://www.{domain}/innovation", f"https://data.{domain}/", f"www.{domain}",
                  f"opendata.{domain}", f"http://innovation.{domain}/", f"https://{domain}/open-data",
                  f"https://lab.{domain}/"]  # fmt: skip
    printed = tuple(rng.sample(candidates, count))
    urls = tuple(p if p.startswith(("http://", "https://")) else f"https://{p}" for p in printed)
    return printed, urls

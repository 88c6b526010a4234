"""Country names as snapshots print them -> ISO 3166-1 alpha-2 codes."""

from __future__ import annotations

from functools import lru_cache

import pycountry

_COUNTRY_ALIASES = {
    "usa": "US", "united states of america": "US", "us": "US", "uk": "GB", "united kingdom": "GB",
    "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB", "south korea": "KR",
    "korea": "KR", "republic of korea": "KR", "russia": "RU", "czech republic": "CZ",
    "czechia": "CZ", "holland": "NL", "turkey": "TR", "türkiye": "TR", "vietnam": "VN",
    "taiwan": "TW", "iran": "IR", "moldova": "MD", "bolivia": "BO", "venezuela": "VE",
    "tanzania": "TZ", "syria": "SY", "laos": "LA", "ivory coast": "CI", "kosovo": "XK",
}  # fmt: skip


@lru_cache(maxsize=1024)  # pycountry scans its tables; a batch asks for the same few countries again and again
def country_code(country: str) -> str | None:
    """ISO 3166-1 alpha-2 for a printed country name, or None."""
    name = country.strip().lower()
    name = name[4:] if name.startswith("the ") else name
    if name in _COUNTRY_ALIASES:
        return _COUNTRY_ALIASES[name]
    if len(name) <= 3:
        return None  # a country printed as a code is one of the aliases; "to" is no Tonga
    try:
        return str(pycountry.countries.lookup(name).alpha_2)
    except LookupError:
        return None

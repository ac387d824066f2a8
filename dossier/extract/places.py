"""Canonical names for countries and their adjectives: "the UK" = "Britain" = "British".

pycountry gives official names ("Russian Federation"); news uses common ones,
so a short alias table (facts, not code) comes first and pycountry after it.
"""

from __future__ import annotations

import re
from functools import cache

import pycountry

#: Common news spellings -> canonical country name.
ALIASES: dict[str, str] = {
    "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "united kingdom": "United Kingdom",
    "the uk": "United Kingdom", "the united kingdom": "United Kingdom",
    "us": "United States", "u.s.": "United States", "usa": "United States",
    "u.s.a.": "United States", "america": "United States", "united states": "United States",
    "u.s": "United States", "u.k": "United Kingdom",  # "in the U.S." ends a sentence
    "the us": "United States", "the united states": "United States",
    "russia": "Russia", "russian federation": "Russia", "iran": "Iran", "syria": "Syria",
    "south korea": "South Korea", "north korea": "North Korea", "taiwan": "Taiwan",
    "vietnam": "Vietnam", "turkey": "Turkey", "türkiye": "Turkey", "czech republic": "Czechia",
    "the netherlands": "Netherlands", "holland": "Netherlands", "moldova": "Moldova",
    "venezuela": "Venezuela", "bolivia": "Bolivia", "tanzania": "Tanzania", "laos": "Laos",
    "palestine": "Palestine", "kosovo": "Kosovo", "the west": "the West", "west": "the West",
}

#: Adjectives and demonyms -> the country (or bloc) they refer to.
DEMONYMS: dict[str, str] = {
    "british": "United Kingdom", "briton": "United Kingdom", "english": "England",
    "american": "United States", "russian": "Russia", "ukrainian": "Ukraine",
    "french": "France", "german": "Germany", "chinese": "China", "japanese": "Japan",
    "italian": "Italy", "spanish": "Spain", "polish": "Poland", "turkish": "Turkey",
    "iranian": "Iran", "israeli": "Israel", "palestinian": "Palestine", "syrian": "Syria",
    "iraqi": "Iraq", "afghan": "Afghanistan", "indian": "India", "pakistani": "Pakistan",
    "canadian": "Canada", "mexican": "Mexico", "brazilian": "Brazil", "dutch": "Netherlands",
    "belgian": "Belgium", "swedish": "Sweden", "finnish": "Finland", "norwegian": "Norway",
    "danish": "Denmark", "greek": "Greece", "belarusian": "Belarus", "georgian": "Georgia",
    "korean": "South Korea", "north korean": "North Korea", "south korean": "South Korea",
    "saudi": "Saudi Arabia", "egyptian": "Egypt", "cuban": "Cuba", "kenyan": "Kenya",
    "australian": "Australia", "irish": "Ireland", "scottish": "Scotland", "welsh": "Wales",
    "western": "the West", "european": "European Union", "chechen": "Chechnya",
}

#: Capitals that news uses for their governments ("Moscow said").
CAPITALS: dict[str, str] = {
    "moscow": "Russia", "kyiv": "Ukraine", "kiev": "Ukraine", "washington": "United States",
    "london": "United Kingdom", "paris": "France", "berlin": "Germany", "beijing": "China",
    "tehran": "Iran", "ankara": "Turkey", "tokyo": "Japan", "brussels": "European Union",
    "warsaw": "Poland", "minsk": "Belarus", "damascus": "Syria", "jerusalem": "Israel",
    "pyongyang": "North Korea", "seoul": "South Korea", "havana": "Cuba", "rome": "Italy",
}


@cache
def country(name: str) -> str | None:
    """Canonical country for a place name or adjective; None if it is not one."""
    key = re.sub(r"'s$", "", re.sub(r"\s+", " ", name.replace("’", "'").strip().lower()))
    for table in (ALIASES, DEMONYMS):
        if key in table:
            return table[key]
        if key.rstrip("s") in table:  # "Ukrainians"
            return table[key.rstrip("s")]
    if key.startswith("the "):
        return country(key[4:])
    if len(key) <= 3:  # codes are ambiguous with words ("IT"); the aliases cover UK/US
        return None
    try:
        c = pycountry.countries.lookup(key)
    except LookupError:
        return None
    return getattr(c, "common_name", None) or c.name


def is_demonym(word: str) -> bool:
    """"Russian", "Ukrainians": an adjective or people word, not the place itself."""
    key = word.replace("’", "'").strip().lower()
    return key in DEMONYMS or key.rstrip("s") in DEMONYMS


def capital_of(name: str) -> str | None:
    """The country whose government a capital's name can stand for."""
    return CAPITALS.get(name.strip().lower())

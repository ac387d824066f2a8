"""Recover an outlet's name from what its own boilerplate says about it.

Scraped text rarely carries a source field, but the junk around the article
often names the outlet: a social handle (``@Kyivpost_official``), a consent line
(``updates from The Independent``), a copyright notice (``(c) 2024 Outlet``), an
invitation (``Follow Outlet on Twitter``). The cleaner asks these functions
before it drops such lines. For pages the host name is the last resort. Handles
and hosts of well-known outlets map to their proper names
(``dossier.clean.outlet_names``): ``@nytimes`` and ``nytimes.com`` are both
``The New York Times``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from dossier.clean import patterns as P
from dossier.clean.identity import outlet_from_host
from dossier.clean.outlet_names import known_outlet

#: Words that end outlet names; a lowercase handle is split before them.
OUTLET_WORDS = (
    "post", "times", "news", "herald", "journal", "tribune", "guardian", "independent",
    "telegraph", "express", "mail", "daily", "today", "insider", "gazette", "chronicle",
    "observer", "review", "standard", "star", "sun", "mirror", "wire", "press", "report",
    "world", "tv", "radio", "monitor", "examiner", "inquirer", "courier", "weekly", "online",
    "magazine", "agency", "network", "media", "truth", "pravda",
)
#: Handle suffixes that are not part of the outlet's name.
HANDLE_SUFFIX = re.compile(r"(?:[_.]?(?:official|offical|hq|en|eng|english|global|intl))+$", re.I)
#: Two- to five-letter handles are usually acronyms (BBC, CNN, AP); keep them upper.
ACRONYM_MAX = 4

_NAME = r"((?:The\s+)?[A-Z][\w&'-]*(?:\s+(?:of\s+|the\s+|&\s+)?[A-Z][\w&'-]*){0,4})"
SELF_REFERENCES: list[re.Pattern[str]] = [
    re.compile(r"\b(?:updates|offers|news|emails?|content)\s+(?:from|by)\s+" + _NAME),
    re.compile(r"(?:©|\(c\)|[Cc]opyright)\s*(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?\s*)?,?\s*" + _NAME),
    re.compile(r"\b[Ff]ollow\s+" + _NAME + r"\s+on\s+" + P.PLATFORMS, re.I),
    re.compile(r"\b(?:[Ss]ubscribe|[Ss]ign up)\s+to\s+" + _NAME + r"(?=\s*(?:[.,!]|$))"),
    re.compile(r"^\s*" + _NAME + r"\s+(?:is|are)\s+(?:now\s+)?on\s+" + P.PLATFORMS, re.I),
    re.compile(r"\b[Bb]ecome\s+an?\s+" + _NAME + r"\s+(?:member|subscriber|supporter)\b"),
]
NOT_NAMES = frozenset({"us", "our", "me", "the", "this", "all", "free", "here", "now"})


def split_handle(handle: str) -> str:
    """``Kyivpost_official`` -> ``Kyiv Post``; ``TheIndependent`` -> ``The Independent``;
    a well-known handle gets its outlet's name (``nytimes`` -> ``The New York Times``)."""
    core = HANDLE_SUFFIX.sub("", handle.lstrip("@")).strip("_.")
    known = known_outlet(handle) or (known_outlet(core) if core else None)
    if known:
        return known
    if not core:
        return ""
    if len(core) <= ACRONYM_MAX and core.isalpha():
        return core.upper()
    parts = [p for p in re.split(r"[_.]+", core) if p]
    words: list[str] = []
    for part in parts:
        camel = re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+", part)
        if len(camel) > 1:
            words.extend(camel)
            continue
        low = part.lower()
        for end in sorted(OUTLET_WORDS, key=len, reverse=True):
            if low.endswith(end) and len(low) > len(end) + 2:
                words.extend([part[: -len(end)], part[-len(end):]])
                break
        else:
            words.append(part)
    return " ".join(w if w.isupper() and len(w) > 1 else w.capitalize() for w in words)


def _from_handles(line: str) -> str | None:
    for match in P.SOCIAL_HANDLE.finditer(line):
        name = split_handle(match.group(1))
        if name:
            return name
    return None


def _from_phrases(line: str) -> str | None:
    for pattern in SELF_REFERENCES:
        for match in pattern.finditer(line):
            name = match.group(1).strip(" .,'")
            if name and name.lower() not in NOT_NAMES and not name.lower().startswith("us "):
                return name
    return None


#: Tried in order on each boilerplate line; phrases name outlets more exactly.
OUTLET_FINDERS: list[Callable[[str], str | None]] = [_from_phrases, _from_handles]


def outlet_from_lines(lines: Iterable[str]) -> str | None:
    """The first outlet name any boilerplate line states about itself."""
    lines = list(lines)
    for finder in OUTLET_FINDERS:
        for line in lines:
            name = finder(line)
            if name:
                return name
    return None


def outlet_from_url(url: str | None) -> str | None:
    """The name of the outlet a URL names (``dossier.clean.identity``), or None."""
    found = outlet_from_host(url)
    return found.name if found else None

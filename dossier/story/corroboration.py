"""Corroboration: which independent outlets back each fact.

A syndicated wire copy reprinted by three papers is one report, not three, and
the same outlet writing twice is one outlet. Each article is therefore mapped to
a *source key*: the outlet of the original it copies (following the linker's
duplicates, or near-identical clauses when the linker gave none), or of the wire
agency its dateline credits. A clause that credits another outlet ("..., the
Tribune reported") counts for that outlet, not for the one that reprinted it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from dossier.clean.identity import article_outlet, outlet_identity
from dossier.clean.outlet_names import known_outlet
from dossier.clean.outlets import OUTLET_WORDS
from dossier.model import Article

#: Share of a shorter article's clauses that must reappear near-verbatim to call it a copy.
COPY_SHARE = 0.6
COPY_COSINE = 0.9


def outlet_names(articles: list[Article]) -> dict[str, str]:
    """Article id -> one display name per outlet of the story (``dossier.clean.identity``;
    an article with neither outlet nor URL is its own outlet): "BBC News" and "bbc news"
    are one key, so the story lists the outlet once, under its most used spelling
    (cased before all-lowercase)."""
    identities = {a.id: article_outlet(a) for a in articles}
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for outlet in identities.values():
        spellings[outlet.key][outlet.name] += 1
    best = {key: max(names, key=lambda n: (not n.islower(), names[n], n))
            for key, names in spellings.items()}
    return {article_id: best[o.key] for article_id, o in identities.items()}


def credited_key(text: str, keys: dict[str, str]) -> str | None:
    """The independence key of the outlet ``text`` credits, spelled as ``keys`` spell it."""
    name = credited_outlet(text)
    if name is None:
        return None
    wanted = outlet_identity(name, None)
    if wanted is None:
        return None
    same = {outlet_identity(k, None).key: k for k in set(keys.values())}  # type: ignore[union-attr]
    return same.get(wanted.key, wanted.name)


def originals(duplicates: dict[str, str | None]) -> dict[str, str]:
    """Each article's root original, following chains (a copy of a copy)."""
    roots: dict[str, str] = {}
    for article_id in duplicates:
        seen, current = {article_id}, article_id
        while duplicates.get(current) and duplicates[current] not in seen:
            current = duplicates[current]  # type: ignore[assignment]
            seen.add(current)
        roots[article_id] = current
    return roots


def detect_copies(
    pairs: list[tuple[float, int, int]], clause_articles: list[str], order: dict[str, int]
) -> dict[str, str | None]:
    """Find syndicated copies from near-identical clauses: ``{copy: original}``.

    Of two articles sharing most clauses verbatim, the shorter (then the later)
    is taken as the copy; ``order`` ranks articles by publication.
    """
    sizes = Counter(clause_articles)
    shared: dict[tuple[str, str], set[int]] = defaultdict(set)
    for sim, i, j in pairs:
        if sim >= COPY_COSINE:
            a, b = clause_articles[i], clause_articles[j]
            shared[(a, b)].add(i)
            shared[(b, a)].add(j)
    copies: dict[str, str | None] = {}
    for (a, b), rows in shared.items():
        if len(rows) < 2 or len(rows) < COPY_SHARE * sizes[a]:
            continue
        later = (sizes[a], -order.get(a, 0)) < (sizes[b], -order.get(b, 0))
        if later and a not in copies:
            copies[a] = b
    return copies


#: A wire dateline opening the text: "JAKARTA, Indonesia (AP) —", "LONDON (Reuters) -".
_WIRE_DATELINE = re.compile(
    r"^\W*[A-Z][A-Za-z .,'’-]{0,60}\((AP|AFP|Reuters|UPI|dpa|Xinhua|PA|Bloomberg)\)\s*[-—–:]")
_WIRES = {"AP": "Associated Press", "AFP": "Agence France-Presse", "UPI": "UPI", "PA": "PA Media",
          "Reuters": "Reuters", "dpa": "dpa", "Xinhua": "Xinhua", "Bloomberg": "Bloomberg"}
_OUTLET_NAME = r"((?:the\s+)?[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,4})"
#: "..., the Tribune reported", "according to the Daily Herald": a line told second-hand.
_REPORTED = re.compile(
    rf"(?:,\s*|^){_OUTLET_NAME}\s+(?:newspaper\s+|news agency\s+)?(?:reported|reports)\b"
    rf"|\baccording to\s+{_OUTLET_NAME}")


def wire_of(article: Article) -> str | None:
    """The news agency whose dateline opens the article ("LONDON (Reuters) -"), if any:
    a reprint of wire text is the agency's report, not the paper's."""
    for line in article.text.split("\n", 3)[:3]:  # after the headline and a byline
        found = _WIRE_DATELINE.match(line[:120])
        if found:
            return _WIRES[found.group(1)]
    return None


def credited_outlet(text: str) -> str | None:
    """The outlet a clause credits ("the Tribune reported", "according to Reuters"): the
    clause is that outlet's report, printed second-hand. Only names that look like an
    outlet count (a known one, or ending in an outlet word such as Times or Tribune):
    "according to police" credits a source, not an outlet."""
    for found in _REPORTED.finditer(text):
        name = next(g for g in found.groups() if g)
        bare = re.sub(r"^the\s+", "", name, flags=re.I)
        known = known_outlet(bare) or known_outlet(name)
        if known:
            return known
        if bare in _WIRES.values() or bare.split()[-1].lower() in OUTLET_WORDS:
            return bare
    return None


def source_keys(
    articles: list[Article], duplicates: dict[str, str | None]
) -> dict[str, str]:
    """Article id -> independence key: the outlet of its root original, or the wire
    agency its dateline credits."""
    by_id = {a.id: a for a in articles}
    roots = originals({a.id: duplicates.get(a.id) for a in articles})
    keys: dict[str, str] = {}
    names: dict[str, str] = {}
    for article in articles:
        root = by_id.get(roots.get(article.id, article.id), article)
        wire = wire_of(root)
        outlet = (outlet_identity(wire, None) if wire else None) or article_outlet(root)
        # One name per outlet key (``Kyiv Post`` and ``kyiv post`` are one outlet),
        # the first seen, so counts and the names shown agree.
        keys[article.id] = names.setdefault(outlet.key, outlet.name)
    return keys

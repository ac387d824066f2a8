"""Corroboration: which independent outlets back each fact.

A syndicated wire copy reprinted by three papers is one report, not three, and
the same outlet writing twice is one outlet. Each article is therefore mapped to
a *source key*: the outlet of the original it copies (following the linker's
duplicates, or near-identical clauses when the linker gave none).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from dossier.clean.identity import article_outlet
from dossier.model import Article

#: Share of a shorter article's clauses that must reappear near-verbatim to call it a copy.
COPY_SHARE = 0.6
COPY_COSINE = 0.9


def outlet_of(article: Article) -> str:
    """The outlet's display name (``dossier.clean.identity``); each article
    with neither outlet nor URL is its own outlet."""
    return article_outlet(article).name


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


def source_keys(
    articles: list[Article], duplicates: dict[str, str | None]
) -> dict[str, str]:
    """Article id -> independence key (the outlet of its root original)."""
    by_id = {a.id: a for a in articles}
    roots = originals({a.id: duplicates.get(a.id) for a in articles})
    keys: dict[str, str] = {}
    names: dict[str, str] = {}
    for article in articles:
        root = by_id.get(roots.get(article.id, article.id), article)
        outlet = article_outlet(root)
        # One name per outlet key (``Kyiv Post`` and ``kyiv post`` are one outlet),
        # the first seen, so counts and the names shown agree.
        keys[article.id] = names.setdefault(outlet.key, outlet.name)
    return keys

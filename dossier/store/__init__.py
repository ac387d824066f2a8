"""dossier's SQLite store: the only package that speaks SQL.

``Store`` composes one query mixin per noun (articles, line statistics, ...)
over a single connection; everything it returns is a ``dossier.model`` object.
"""

from __future__ import annotations

from dossier.store.articles import ArticleQueries, Outcome, fts_query, fts_terms
from dossier.store.connection import DEFAULT_DB
from dossier.store.listings import ListingQueries
from dossier.store.stories import StageQueries


class Store(ArticleQueries, StageQueries, ListingQueries):
    """A dossier database. ``Store(":memory:")`` for tests, a path otherwise."""


__all__ = ["DEFAULT_DB", "Outcome", "Store", "fts_query", "fts_terms"]

"""Counts the HTTP API needs for pagination, as a mixin over the store.

Listing endpoints answer ``total`` next to each page so a client knows how many
pages there are; the article mixin returns pages but not totals. User text only
ever arrives here as bound parameters (``?``), never spliced into SQL.
"""

from __future__ import annotations

from dossier.store import Store
from dossier.store.articles import fts_query
from dossier.store.base import StoreBase


class WebQueries(StoreBase):
    def article_total(
        self,
        *,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        ids: list[str] | None = None,
    ) -> int:
        """How many current articles match the same filters as ``articles()``."""
        where, params = ["1=1"], []
        if outlet:
            where.append("outlet = ? COLLATE NOCASE")
            params.append(outlet)
        if since:
            where.append("published >= ?")
            params.append(since)
        if until:
            where.append("published <= ?")
            params.append(until)
        if ids is not None:
            where.append(f"id IN ({', '.join('?' for _ in ids)})")
            params.extend(ids)
        sql = f"SELECT COUNT(*) FROM current_articles WHERE {' AND '.join(where)}"
        return self.conn.execute(sql, params).fetchone()[0]

    def search_total(self, text: str) -> int:
        """How many current articles a full-text search matches."""
        query = fts_query(text)
        if not query:
            return 0
        return self.conn.execute(
            "SELECT COUNT(*) FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
            "WHERE articles_fts MATCH ? "
            "AND a.version = (SELECT MAX(version) FROM articles b WHERE b.id = a.id)",
            (query,),
        ).fetchone()[0]


class WebStore(WebQueries, Store):
    """The store as the web layer sees it: every query mixin plus the counts above."""


__all__ = ["WebQueries", "WebStore"]

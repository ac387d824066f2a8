"""Articles, their original inputs, rejections and full-text search."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from dossier.model import Article, Rejected
from dossier.store.base import StoreBase, now
from dossier.store.codec import ARTICLE_COLUMNS, article_to_row, row_to_article

if TYPE_CHECKING:  # the cleaner (and trafilatura) load only when line statistics are read
    from dossier.clean import LineStats

Outcome = Literal["stored", "unchanged", "new_version"]
#: Where an article sits in listing order: (published or None, seq).
ArticleKey = tuple[str | None, int]

_FTS_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_terms(text: str) -> list[str]:
    """The words a search for ``text`` requires (what ``fts_query`` quotes)."""
    return _FTS_TOKEN.findall(text)


def fts_query(text: str) -> str:
    """Turn free user text into a safe FTS5 query: every word quoted, all required.

    User text never reaches FTS5's query syntax as-is, so ``AND``, ``NEAR``,
    quotes or column filters in a search box cannot error or change meaning.
    """
    return " ".join(f'"{token}"' for token in fts_terms(text))


def article_filters(
    *,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    ids: list[str] | None = None,
) -> tuple[str, list[object]]:
    """The WHERE clause and parameters shared by article listings and their counts."""
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
    return " AND ".join(where), params


class ArticleQueries(StoreBase):
    def save_input(self, name: str, data: bytes, sha256: str) -> bool:
        """Keep an input's original bytes once; return True when they were new."""
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO inputs (sha256, name, size, data, first_seen) "
            "VALUES (?, ?, ?, ?, ?)",
            (sha256, name, len(data), data, now()),
        )
        return cur.rowcount == 1

    def input_bytes(self, sha256: str) -> bytes | None:
        row = self.conn.execute("SELECT data FROM inputs WHERE sha256 = ?", (sha256,)).fetchone()
        return bytes(row[0]) if row else None

    def document_seen(self, input_sha256: str, record: str) -> str | None:
        """The article a document (an input's record) became, if it was stored before."""
        row = self.conn.execute(
            "SELECT article_id FROM documents WHERE input_sha256 = ? AND record = ?",
            (input_sha256, record),
        ).fetchone()
        return row[0] if row else None

    def seen_records(self, input_sha256: str) -> dict[str, str]:
        """Every stored record of one input and the article it became (for a batch check)."""
        rows = self.conn.execute(
            "SELECT record, article_id FROM documents WHERE input_sha256 = ?", (input_sha256,)
        )
        return {r[0]: r[1] for r in rows}

    def mark_document(self, input_sha256: str, record: str, article_id: str) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO documents (input_sha256, record, article_id) VALUES (?, ?, ?)",
            (input_sha256, record, article_id),
        )

    def add_article(self, article: Article) -> tuple[Outcome, Article]:
        """Store ``article`` unless the same text is already stored under its id.

        Same id and text: nothing is written. Same id, new text (a page that
        changed under its URL): stored as the next version, the old one kept.
        """
        existing = self.conn.execute(
            "SELECT MAX(version) AS v, SUM(text_sha256 = ?) AS same FROM articles WHERE id = ?",
            (article.text_sha256, article.id),
        ).fetchone()
        if existing["v"] is not None and existing["same"]:
            return "unchanged", article
        outcome: Outcome = "stored"
        if existing["v"] is not None:
            article.version = existing["v"] + 1
            outcome = "new_version"
        row = article_to_row(article)
        row["ingested_at"] = now()
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        self.conn.execute(f"INSERT INTO articles ({columns}) VALUES ({marks})", tuple(row.values()))
        return outcome, article

    def add_rejection(self, rejected: Rejected) -> None:
        self.conn.execute(
            "INSERT OR IGNORE INTO rejections (source, record, reason, at) VALUES (?, ?, ?, ?)",
            (rejected.source, rejected.record, rejected.reason, now()),
        )

    def rejections(self, limit: int = 100) -> list[Rejected]:
        rows = self.conn.execute(
            "SELECT source, record, reason FROM rejections ORDER BY seq DESC LIMIT ?", (limit,)
        )
        return [Rejected(source=r[0], reason=r[2], record=r[1]) for r in rows]

    def article(self, article_id: str, version: int | None = None) -> Article | None:
        """One article by id (a unique prefix is enough), its latest version by default."""
        exact = self.conn.execute(
            "SELECT 1 FROM articles WHERE id = ? LIMIT 1", (article_id,)
        ).fetchone()
        if exact:
            sql, params = "SELECT * FROM articles WHERE id = ?", [article_id]
        else:
            sql = "SELECT * FROM articles WHERE id >= ? AND id < ? || char(1114111)"
            params = [article_id, article_id]
        if version is not None:
            sql += " AND version = ?"
            params.append(version)
        rows = self.conn.execute(sql + " ORDER BY id, version DESC", params).fetchall()
        if not rows or len({r["id"] for r in rows}) > 1:
            return None
        return row_to_article(rows[0])

    def versions(self, article_id: str) -> list[int]:
        rows = self.conn.execute(
            "SELECT version FROM articles WHERE id = ? ORDER BY version", (article_id,)
        )
        return [r[0] for r in rows]

    def articles(
        self,
        *,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        ids: list[str] | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Article]:
        """Current versions, newest publication first, filtered by outlet and date.

        Undated articles come last: SQLite sorts NULL below every date, so
        ``published DESC`` puts them there and the ``articles_published`` index
        (which ends in ``seq``) gives the order without a sort.
        """
        where, params = article_filters(outlet=outlet, since=since, until=until, ids=ids)
        sql = (
            f"SELECT * FROM current_articles WHERE {where} "
            "ORDER BY published DESC, seq DESC LIMIT ? OFFSET ?"
        )
        params.extend([-1 if limit is None else limit, offset])
        return [row_to_article(r) for r in self.conn.execute(sql, params)]

    def article_page(
        self,
        *,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        ids: list[str] | None = None,
        limit: int = 50,
        offset: int = 0,
        after: ArticleKey | None = None,
    ) -> tuple[list[Article], ArticleKey | None]:
        """One page in ``articles()`` order after the row whose sort key is ``after``,
        and the key to pass for the next page (None after the last one).

        Without ``after`` it pages by ``offset``. The key is (published, seq):
        seq breaks ties between articles of one date.
        Each half (dated, then undated) is a range on ``articles_published``, so
        page 1000 costs what page 1 does, unlike an OFFSET that reads every row
        before it.
        """
        where, params = article_filters(outlet=outlet, since=since, until=until, ids=ids)
        if after is None:  # by offset: one pass down the index, skipping ``offset`` rows
            rows = self.conn.execute(
                f"SELECT * FROM current_articles WHERE {where} "
                "ORDER BY published DESC, seq DESC LIMIT ? OFFSET ?",
                [*params, limit + 1, offset],
            ).fetchall()
            return self._keyed(rows, limit)
        rows: list = []
        if after[0] is not None:  # still among the dated: the rest of them, then the undated
            rows = self.conn.execute(
                f"SELECT * FROM current_articles WHERE {where} AND published IS NOT NULL "
                "AND (published, seq) < (?, ?) ORDER BY published DESC, seq DESC LIMIT ?",
                [*params, after[0], after[1], limit + 1],
            ).fetchall()
        if len(rows) <= limit:
            cond, extra = "published IS NULL", []
            if after[0] is None:
                cond += " AND seq < ?"
                extra = [after[1]]
            rows += self.conn.execute(
                f"SELECT * FROM current_articles WHERE {where} AND {cond} "
                "ORDER BY seq DESC LIMIT ?", [*params, *extra, limit + 1 - len(rows)]
            ).fetchall()
        return self._keyed(rows, limit)

    @staticmethod
    def _keyed(rows: list, limit: int) -> tuple[list[Article], ArticleKey | None]:
        """The first ``limit`` rows as articles, and the last one's key if more follow."""
        more = len(rows) > limit
        rows = rows[:limit]
        key = (rows[-1]["published"], rows[-1]["seq"]) if more else None
        return [row_to_article(r) for r in rows], key

    def line_stats(self) -> LineStats:
        """The cleaner's corpus memory of recurring lines per outlet."""
        from dossier.clean import LineStats

        rows = self.conn.execute("SELECT outlet, line_hash, n FROM line_stats")
        return LineStats.from_rows((r[0], r[1], r[2]) for r in rows)

    def add_line_stats(self, delta: LineStats) -> None:
        """Add a batch's line counts (``LineStats.to_rows`` form) to the stored ones."""
        self.conn.executemany(
            "INSERT INTO line_stats (outlet, line_hash, n) VALUES (?, ?, ?) "
            "ON CONFLICT (outlet, line_hash) DO UPDATE SET n = n + excluded.n",
            delta.to_rows(),
        )

    def article_count(self) -> int:
        return self.conn.execute("SELECT COUNT(DISTINCT id) FROM articles").fetchone()[0]

    def outlets(self) -> list[tuple[str, int]]:
        rows = self.conn.execute(
            "SELECT outlet, COUNT(*) FROM current_articles WHERE outlet IS NOT NULL "
            "GROUP BY outlet ORDER BY COUNT(*) DESC, outlet"
        )
        return [(r[0], r[1]) for r in rows]

    def search(self, text: str, limit: int = 20, offset: int = 0) -> list[tuple[Article, str]]:
        """Full-text search over titles and clean text; returns (article, snippet)."""
        query = fts_query(text)
        if not query:
            return []
        rows = self.conn.execute(
            "SELECT a.*, snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snip "
            "FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
            "WHERE articles_fts MATCH ? "
            "AND a.version = (SELECT MAX(version) FROM articles b WHERE b.id = a.id) "
            "ORDER BY rank LIMIT ? OFFSET ?",
            (query, limit, offset),
        ).fetchall()
        return [(row_to_article(r), r["snip"]) for r in rows]


__all__ = ["ARTICLE_COLUMNS", "ArticleKey", "ArticleQueries", "Outcome", "article_filters",
           "fts_query", "fts_terms"]

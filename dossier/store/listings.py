"""Totals and cross-references for listings: how many pages, who is in a story.

Listing endpoints (HTTP API, web pages, CLI) answer ``total`` next to each page
so a reader knows how many pages there are; the article mixin returns pages but
not totals. User text only ever arrives here as bound parameters (``?``), never
spliced into SQL.
"""

from __future__ import annotations

from dossier.store.articles import article_filters, fts_query
from dossier.store.base import StoreBase


class ListingQueries(StoreBase):
    def article_total(
        self,
        *,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        ids: list[str] | None = None,
    ) -> int:
        """How many current articles match the same filters as ``articles()``."""
        if not (outlet or since or until or ids is not None):  # one current version per id
            return self.article_count()
        where, params = article_filters(outlet=outlet, since=since, until=until, ids=ids)
        sql = f"SELECT COUNT(*) FROM current_articles WHERE {where}"
        return self.conn.execute(sql, params).fetchone()[0]

    def search_total(self, text: str) -> int:
        """How many current articles a full-text search matches."""
        query = fts_query(text)
        if not query:
            return 0
        # Every match, less the matches that are superseded versions: counting in
        # the index alone, instead of joining each match to its row and checking its
        # version, is ten times faster when most articles match.
        return self.conn.execute(
            "SELECT (SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH ?1) - "
            "(SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH ?1 AND rowid IN "
            "(SELECT old.seq FROM articles new JOIN articles old "
            "ON old.id = new.id AND old.version < new.version WHERE new.version > 1))",
            (query,),
        ).fetchone()[0]


    def entity_total(self, *, type: str | None = None) -> int:
        """How many canonical entities (of one type) ``entities()`` pages through."""
        if type:
            sql, params = "SELECT COUNT(*) FROM entities WHERE type = ?", (type,)
        else:
            sql, params = "SELECT COUNT(*) FROM entities", ()
        return self.conn.execute(sql, params).fetchone()[0]

    def top_people(self, story_ids: list[str], n: int = 3) -> dict[str, list[tuple[str, str]]]:
        """Per story, the ``n`` people mentioned in most of its articles: (entity id, name)."""
        found: dict[str, list[tuple[str, str]]] = {sid: [] for sid in story_ids}
        if not story_ids:
            return found
        marks = ", ".join("?" for _ in story_ids)
        rows = self.conn.execute(
            "SELECT sa.story_id, e.id, e.name, COUNT(DISTINCT m.article_id) AS n "
            "FROM story_articles sa JOIN entity_mentions m ON m.article_id = sa.article_id "
            "JOIN entities e ON e.id = m.entity_id "
            f"WHERE sa.story_id IN ({marks}) AND e.type = 'PERSON' "
            "GROUP BY sa.story_id, e.id ORDER BY sa.story_id, n DESC, e.name",
            story_ids,
        )
        for row in rows:
            people = found[row[0]]
            if len(people) < n:
                people.append((row[1], row[2]))
        return found

    def entity_stories(self, entity_id: str) -> list[str]:
        """Ids of the stories whose articles mention a canonical entity, busiest first."""
        rows = self.conn.execute(
            "SELECT sa.story_id FROM entity_mentions m "
            "JOIN story_articles sa ON sa.article_id = m.article_id "
            "WHERE m.entity_id = ? GROUP BY sa.story_id "
            "ORDER BY COUNT(DISTINCT m.article_id) DESC, sa.story_id",
            (entity_id,),
        )
        return [r[0] for r in rows]


__all__ = ["ListingQueries"]

"""Later stages' output: extractions, stories and their articles, entities, dossiers."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from dossier.model import (
    CanonicalEntity,
    Dossier,
    Extraction,
    ExtractionFailure,
    Story,
    StoryAssignment,
)
from dossier.store.base import StoreBase, now
from dossier.store.codec import dumps, from_dict


class StageQueries(StoreBase):
    # ------------------------------------------------------------------ extraction
    def save_extraction(self, extraction: Extraction, article_version: int) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO extractions "
            "(article_id, article_version, extractor_version, data, extracted_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (
                extraction.article_id,
                article_version,
                extraction.version,
                dumps(asdict(extraction)),
                now(),
            ),
        )
        self.conn.execute(
            "DELETE FROM extraction_failures WHERE article_id = ?", (extraction.article_id,)
        )

    def extraction(self, article_id: str) -> Extraction | None:
        row = self.conn.execute(
            "SELECT data FROM extractions WHERE article_id = ?", (article_id,)
        ).fetchone()
        return from_dict(Extraction, json.loads(row[0])) if row else None

    def extractions(self, article_ids: Iterable[str]) -> dict[str, Extraction]:
        ids = list(article_ids)
        found: dict[str, Extraction] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            for row in self.conn.execute(
                f"SELECT article_id, data FROM extractions WHERE article_id IN ({marks})", chunk
            ):
                found[row[0]] = from_dict(Extraction, json.loads(row[1]))
        return found

    def articles_needing_extraction(self, extractor_version: str, seconds: float = 0) -> list[str]:
        """Current articles not yet extracted, or from older text or by an older extractor.

        An article whose extraction failed on this text with this extractor is
        left out: for good after an error, and after a time-out until ``seconds``
        (the time limit of this run; 0 for none) is larger than the one it ran out of.
        """
        rows = self.conn.execute(
            "SELECT a.id FROM current_articles a LEFT JOIN extractions e ON e.article_id = a.id "
            "LEFT JOIN extraction_failures f ON f.article_id = a.id "
            "AND f.article_version = a.version AND f.extractor_version = ?1 "
            "WHERE (e.article_id IS NULL OR e.article_version != a.version "
            "OR e.extractor_version != ?1) AND (f.article_id IS NULL OR "
            "(f.code = 'D301' AND (?2 <= 0 OR ?2 > COALESCE(f.seconds, 0)))) ORDER BY a.seq",
            (extractor_version, seconds),
        )
        return [r[0] for r in rows]

    def save_extraction_failure(self, failure: ExtractionFailure) -> None:
        """Record (or replace) why an article's extraction gave up."""
        self.conn.execute(
            "INSERT OR REPLACE INTO extraction_failures (article_id, article_version, "
            "extractor_version, code, reason, seconds, failed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (failure.article_id, failure.article_version, failure.extractor_version,
             failure.code, failure.message, failure.seconds, failure.failed_at or now()),
        )

    def extraction_failures(self, limit: int | None = 100) -> list[ExtractionFailure]:
        """Recorded extraction failures, latest first."""
        rows = self.conn.execute(
            "SELECT article_id, article_version, extractor_version, code, reason, seconds, "
            "failed_at FROM extraction_failures ORDER BY failed_at DESC, article_id LIMIT ?",
            (-1 if limit is None else limit,),
        )
        return [ExtractionFailure(*row) for row in rows]

    # ------------------------------------------------------------------ linking
    def linker_state(self) -> bytes | None:
        row = self.conn.execute("SELECT state FROM linker_state WHERE id = 1").fetchone()
        return bytes(row[0]) if row else None

    def save_linker_state(self, state: bytes) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO linker_state (id, state, updated_at) VALUES (1, ?, ?)",
            (state, now()),
        )

    def unlinked_article_ids(self) -> list[str]:
        rows = self.conn.execute(
            "SELECT a.id FROM current_articles a LEFT JOIN story_articles s "
            "ON s.article_id = a.id WHERE s.article_id IS NULL ORDER BY a.seq"
        )
        return [r[0] for r in rows]

    def replace_stories(
        self, stories: Iterable[Story], assignments: Iterable[StoryAssignment]
    ) -> None:
        """Write the linker's current view; stories that merged away disappear."""
        self.conn.execute("DELETE FROM stories")
        self.conn.execute("DELETE FROM story_articles")
        stamp = now()
        self.conn.executemany(
            "INSERT INTO stories (id, title, first_date, last_date, outlets, article_count, "
            "outlet_count, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    s.id,
                    s.title,
                    s.first_date,
                    s.last_date,
                    dumps(s.outlets),
                    len(s.article_ids),
                    len(s.outlets),
                    stamp,
                )
                for s in stories
            ],
        )
        self.conn.executemany(
            "INSERT INTO story_articles (article_id, story_id, duplicate_of) VALUES (?, ?, ?)",
            [(a.article_id, a.story_id, a.duplicate_of) for a in assignments],
        )

    def stories(self, limit: int | None = 50, offset: int = 0) -> list[Story]:
        """Stories, most recent activity first (undated last: NULL sorts below any date,
        so ``last_date DESC`` puts them there and the index gives the order).

        The article ids of the whole page come from one query, not one per story.
        """
        rows = self.conn.execute(
            "SELECT * FROM stories ORDER BY last_date DESC, article_count DESC, "
            "id LIMIT ? OFFSET ?",
            (-1 if limit is None else limit, offset),
        ).fetchall()
        if not rows:
            return []
        ids: dict[str, list[str]] = {row["id"]: [] for row in rows}
        marks = ", ".join("?" for _ in ids)
        for story_id, article_id in self.conn.execute(
            "SELECT s.story_id, s.article_id FROM story_articles s JOIN current_articles a "
            f"ON a.id = s.article_id WHERE s.story_id IN ({marks}) "
            "ORDER BY s.story_id, a.published IS NULL, a.published, a.seq",
            list(ids),
        ):
            ids[story_id].append(article_id)
        return [self._story(row, ids[row["id"]]) for row in rows]

    def story_count(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0]

    def story(self, story_id: str) -> Story | None:
        """One story by id; a unique prefix of the id is enough (index range scan)."""
        rows = self.conn.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchall()
        if not rows:
            rows = self.conn.execute(
                "SELECT * FROM stories WHERE id >= ? AND id < ? || char(1114111) LIMIT 2",
                (story_id, story_id),
            ).fetchall()
        return self._story(rows[0]) if len(rows) == 1 else None

    def story_of(self, article_id: str) -> StoryAssignment | None:
        row = self.conn.execute(
            "SELECT article_id, story_id, duplicate_of FROM story_articles WHERE article_id = ?",
            (article_id,),
        ).fetchone()
        return StoryAssignment(row[0], row[1], row[2]) if row else None

    def duplicates(self, story_id: str) -> dict[str, str | None]:
        rows = self.conn.execute(
            "SELECT article_id, duplicate_of FROM story_articles WHERE story_id = ?", (story_id,)
        )
        return {r[0]: r[1] for r in rows}

    def _story(self, row: Any, ids: list[str] | None = None) -> Story:
        """A story from its row; ``ids`` when the caller already has its articles."""
        ids = ids if ids is not None else [
            r[0]
            for r in self.conn.execute(
                "SELECT s.article_id FROM story_articles s JOIN current_articles a "
                "ON a.id = s.article_id WHERE s.story_id = ? "
                "ORDER BY a.published IS NULL, a.published, a.seq",
                (row["id"],),
            )
        ]
        return Story(
            id=row["id"],
            article_ids=ids,
            title=row["title"],
            first_date=row["first_date"],
            last_date=row["last_date"],
            outlets=json.loads(row["outlets"]),
        )

    # ------------------------------------------------------------------ entities
    def replace_entities(
        self, entities: Iterable[CanonicalEntity], mentions: dict[tuple[str, str], str]
    ) -> None:
        self.conn.execute("DELETE FROM entities")
        self.conn.execute("DELETE FROM entity_mentions")
        self.conn.executemany(
            "INSERT INTO entities (id, name, type, aliases, roles, article_count) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                (e.id, e.name, e.type, dumps(e.aliases), dumps(e.roles), len(e.article_ids))
                for e in entities
            ],
        )
        self.conn.executemany(
            "INSERT INTO entity_mentions (article_id, entity_key, entity_id) VALUES (?, ?, ?)",
            [(article_id, key, entity_id) for (article_id, key), entity_id in mentions.items()],
        )

    def entities(
        self,
        *,
        name: str | None = None,
        type: str | None = None,
        limit: int | None = 50,
        offset: int = 0,
    ) -> list[CanonicalEntity]:
        where, params = ["1=1"], []
        if name:
            where.append("(name LIKE '%' || ? || '%' OR aliases LIKE '%' || ? || '%')")
            params += [name, name]
        if type:
            where.append("type = ?")
            params.append(type)
        rows = self.conn.execute(
            f"SELECT * FROM entities WHERE {' AND '.join(where)} "
            "ORDER BY article_count DESC, name LIMIT ? OFFSET ?",
            (*params, -1 if limit is None else limit, offset),
        ).fetchall()
        return [self._entity(r) for r in rows]

    def entity(self, entity_id: str) -> CanonicalEntity | None:
        row = self.conn.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return self._entity(row) if row else None

    def entity_keys(self, entity_id: str) -> list[tuple[str, str]]:
        """(article_id, article-local entity key) of every mention of a canonical entity."""
        rows = self.conn.execute(
            "SELECT article_id, entity_key FROM entity_mentions WHERE entity_id = ? "
            "ORDER BY article_id",
            (entity_id,),
        )
        return [(r[0], r[1]) for r in rows]

    def entity_map(self, article_ids: Iterable[str]) -> dict[tuple[str, str], str]:
        ids = list(article_ids)
        found: dict[tuple[str, str], str] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            for r in self.conn.execute(
                "SELECT article_id, entity_key, entity_id FROM entity_mentions "
                f"WHERE article_id IN ({marks})",
                chunk,
            ):
                found[(r[0], r[1])] = r[2]
        return found

    def _entity(self, row: Any) -> CanonicalEntity:
        article_ids = [
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT article_id FROM entity_mentions WHERE entity_id = ? "
                "ORDER BY article_id",
                (row["id"],),
            )
        ]
        return CanonicalEntity(
            id=row["id"],
            name=row["name"],
            type=row["type"],
            aliases=json.loads(row["aliases"]),
            roles=json.loads(row["roles"]),
            article_ids=article_ids,
        )

    # ------------------------------------------------------------------ dossiers
    def save_dossier(self, story_id: str, schema_version: str, data: dict[str, Any]) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO dossiers (story_id, schema_version, data, built_at) "
            "VALUES (?, ?, ?, ?)",
            (story_id, schema_version, dumps(data), now()),
        )

    def dossier_data(self, story_id: str) -> dict[str, Any] | None:
        row = self.conn.execute(
            "SELECT data FROM dossiers WHERE story_id = ?", (story_id,)
        ).fetchone()
        return json.loads(row[0]) if row else None

    def dossier(self, story_id: str) -> Dossier | None:
        """The stored dossier of a story, rebuilt as model objects."""
        data = self.dossier_data(story_id)
        return from_dict(Dossier, data) if data is not None else None

    def prune_dossiers(self) -> None:
        """Drop dossiers of stories that no longer exist (merged away)."""
        self.conn.execute("DELETE FROM dossiers WHERE story_id NOT IN (SELECT id FROM stories)")

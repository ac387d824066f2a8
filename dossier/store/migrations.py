"""Named, ordered schema migrations, each applied once inside a transaction.

A migration is a function registered with ``@migration("name")``; the order of
registration is the order of application, and ``_migrations`` records which ran.
Adding a column or table means adding a migration at the end, never editing one
that has shipped: stores created by older versions upgrade in place.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[tuple[str, Migration]] = []


def migration(name: str) -> Callable[[Migration], Migration]:
    def register(fn: Migration) -> Migration:
        if any(existing == name for existing, _ in MIGRATIONS):
            raise ValueError(f"duplicate migration name {name!r}")
        MIGRATIONS.append((name, fn))
        return fn

    return register


def foreign_tables(conn: sqlite3.Connection) -> list[str]:
    """The tables of a database that is not dossier's ([] for a new or a dossier one).

    A dossier database always has ``_migrations``: it is created before anything else.
    """
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    )]
    return [] if not names or "_migrations" in names else names


def apply_migrations(conn: sqlite3.Connection) -> list[str]:
    """Apply every migration not yet recorded; return the names applied.

    All pending migrations run in one ``BEGIN IMMEDIATE`` transaction, and the
    list of those already done is read after the write lock is held: two
    processes opening a new store at once would otherwise both see it empty and
    the second would fail creating tables the first had just made.
    """
    conn.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    if _recorded(conn) >= {name for name, _ in MIGRATIONS}:
        return []  # the common case takes no write lock
    applied = []
    conn.execute("BEGIN IMMEDIATE")
    try:
        done = _recorded(conn)
        for name, fn in MIGRATIONS:
            if name in done:
                continue
            fn(conn)
            conn.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                (name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            applied.append(name)
    except BaseException:
        conn.rollback()
        raise
    conn.commit()
    return applied


def _recorded(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM _migrations")}


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run ``script`` one statement at a time inside the caller's transaction.

    ``executescript`` would commit first and then run each statement on its
    own, so a migration could land half-applied and the write lock would drop.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement in migration: {statement.strip()[:80]!r}")


@migration("0001_foundation")
def _foundation(conn: sqlite3.Connection) -> None:
    run_script(
        conn,
        """
        CREATE TABLE inputs (
            sha256 TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            size INTEGER NOT NULL,
            data BLOB NOT NULL,
            first_seen TEXT NOT NULL
        );
        CREATE TABLE articles (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL,
            version INTEGER NOT NULL,
            text_sha256 TEXT NOT NULL,
            url TEXT,
            title TEXT NOT NULL DEFAULT '',
            outlet TEXT,
            author TEXT,
            published TEXT,
            language TEXT,
            text TEXT NOT NULL,
            removed TEXT NOT NULL DEFAULT '[]',
            captions TEXT NOT NULL DEFAULT '[]',
            credits TEXT NOT NULL DEFAULT '[]',
            provenance TEXT,
            extras TEXT NOT NULL DEFAULT '{}',
            ingested_at TEXT NOT NULL,
            UNIQUE (id, version),
            UNIQUE (id, text_sha256)
        );
        CREATE INDEX articles_outlet ON articles (outlet);
        CREATE INDEX articles_published ON articles (published);
        CREATE VIEW current_articles AS
            SELECT a.* FROM articles a
            WHERE a.version = (SELECT MAX(version) FROM articles b WHERE b.id = a.id);
        CREATE VIRTUAL TABLE articles_fts USING fts5 (
            title, text, content='articles', content_rowid='seq', tokenize='unicode61'
        );
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, text)
                VALUES ('delete', old.seq, old.title, old.text);
        END;
        CREATE TABLE rejections (
            seq INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            record TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL,
            at TEXT NOT NULL,
            UNIQUE (source, record, reason)
        );
        CREATE TABLE line_stats (
            outlet TEXT NOT NULL,
            line_hash TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (outlet, line_hash)
        ) WITHOUT ROWID;
        CREATE TABLE documents (
            input_sha256 TEXT NOT NULL,
            record TEXT NOT NULL,
            article_id TEXT NOT NULL,
            PRIMARY KEY (input_sha256, record)
        ) WITHOUT ROWID;
        CREATE TABLE ingest_runs (
            seq INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            summary TEXT NOT NULL DEFAULT '{}'
        );
        """
    )


@migration("0002_stages")
def _stages(conn: sqlite3.Connection) -> None:
    run_script(
        conn,
        """
        CREATE TABLE extractions (
            article_id TEXT PRIMARY KEY,
            article_version INTEGER NOT NULL,
            extractor_version TEXT NOT NULL,
            data TEXT NOT NULL,
            extracted_at TEXT NOT NULL
        );
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL DEFAULT '',
            first_date TEXT,
            last_date TEXT,
            outlets TEXT NOT NULL DEFAULT '[]',
            article_count INTEGER NOT NULL DEFAULT 0,
            outlet_count INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX stories_last_date ON stories (last_date);
        CREATE TABLE story_articles (
            article_id TEXT PRIMARY KEY,
            story_id TEXT NOT NULL,
            duplicate_of TEXT
        );
        CREATE INDEX story_articles_story ON story_articles (story_id);
        CREATE TABLE linker_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            state BLOB NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE entities (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            aliases TEXT NOT NULL DEFAULT '[]',
            roles TEXT NOT NULL DEFAULT '[]',
            article_count INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX entities_name ON entities (name COLLATE NOCASE);
        CREATE TABLE entity_mentions (
            article_id TEXT NOT NULL,
            entity_key TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            PRIMARY KEY (article_id, entity_key)
        ) WITHOUT ROWID;
        CREATE INDEX entity_mentions_entity ON entity_mentions (entity_id);
        CREATE TABLE dossiers (
            story_id TEXT PRIMARY KEY,
            schema_version TEXT NOT NULL,
            data TEXT NOT NULL,
            built_at TEXT NOT NULL
        );
        """
    )


@migration("0003_extraction_failures")
def _extraction_failures(conn: sqlite3.Connection) -> None:
    """Articles whose extraction failed or ran out of time, so later runs skip them
    (a timeout is retried once the time limit is larger) and people can list them."""
    run_script(
        conn,
        """
        CREATE TABLE extraction_failures (
            article_id TEXT PRIMARY KEY,
            article_version INTEGER NOT NULL,
            extractor_version TEXT NOT NULL,
            code TEXT NOT NULL,
            reason TEXT NOT NULL,
            seconds REAL,
            failed_at TEXT NOT NULL
        );
        """
    )

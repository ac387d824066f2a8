"""Opening a dossier SQLite database with the settings every connection needs."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from dossier.errors import StoreError
from dossier.store.migrations import foreign_tables

DEFAULT_DB = "dossier.db"


def connect(path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> sqlite3.Connection:
    """Open ``path`` in WAL mode so readers never block the single writer.

    ``busy_timeout`` lets a second writer wait for the first instead of failing
    at once; ``foreign_keys`` is on because SQLite leaves it off by default.
    """
    target = str(path)
    try:
        if read_only and target != ":memory:":
            conn = sqlite3.connect(
                f"file:{target}?mode=ro", uri=True, timeout=30, check_same_thread=False
            )
        else:
            conn = sqlite3.connect(target, timeout=30, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA busy_timeout = 30000")
        conn.execute("PRAGMA foreign_keys = ON")
        _refuse_foreign(conn, target)
        if not read_only and target != ":memory:":
            _use_wal(conn)
            conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot open database {target}: {exc}") from exc
    return conn


def _refuse_foreign(conn: sqlite3.Connection, target: str) -> None:
    """Refuse another application's SQLite file before anything (WAL mode, tables) changes it.

    A dossier database is either empty (new) or has the ``_migrations`` log;
    anything else is someone else's data, and ``--db`` was probably a slip.
    """
    others = foreign_tables(conn)
    if not others:
        return
    conn.close()
    shown = ", ".join(others[:5]) + (", ..." if len(others) > 5 else "")
    raise StoreError(
        f"{target} is not a dossier database (it holds tables {shown} and no dossier "
        "migration log); refusing to change it. Pass --db a new file or a dossier store."
    )


def _use_wal(conn: sqlite3.Connection, *, wait_s: float = 30.0) -> None:
    """Switch to WAL, waiting out another process that holds the lock.

    Changing the journal mode needs an exclusive lock, and SQLite may report
    "locked" at once instead of calling the busy handler (two processes creating
    one store together), so this retries for as long as ``busy_timeout`` would.
    """
    deadline = time.monotonic() + wait_s
    pause = 0.005
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if time.monotonic() >= deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.25)

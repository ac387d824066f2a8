"""The store's core: one connection, migrations, and batch transactions."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from dossier.errors import QueryTimeout, StoreError
from dossier.store.connection import DEFAULT_DB, connect
from dossier.store.migrations import apply_migrations


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class StoreBase:
    """Owns the connection. Writes happen inside :meth:`batch` transactions.

    A batch either lands whole or not at all, which is what makes an interrupted
    ingest resumable: re-running it finds every committed batch already stored
    and redoes only the rest.
    """

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.conn = connect(self.path, read_only=read_only)
        self._depth = 0
        if not read_only:
            try:
                apply_migrations(self.conn)
            except sqlite3.DatabaseError as exc:
                raise StoreError(f"{self.path} is not a usable dossier database: {exc}") from exc

    def files(self) -> list[str]:
        """The files SQLite keeps for this store (none in memory), so ingest can skip them."""
        if self.path == ":memory:":
            return []
        return [self.path + suffix for suffix in ("", "-wal", "-shm", "-journal")]

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> StoreBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """One transaction; nested batches join the outermost one."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._depth = 1
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.rollback()
            raise
        else:
            self.conn.commit()
        finally:
            self._depth = 0

    @contextmanager
    def time_limit(self, seconds: float | None, *, every: int = 100) -> Iterator[None]:
        """Stop this connection's queries once ``seconds`` have passed (None: no limit).

        SQLite calls the progress handler every ``every`` virtual-machine steps;
        returning true interrupts the running statement, which surfaces here as
        ``QueryTimeout``. This is how the server bounds a too-broad full-text
        search without a second thread or a killed connection.
        """
        if seconds is None:
            yield
            return
        deadline = time.monotonic() + seconds
        self.conn.set_progress_handler(lambda: time.monotonic() > deadline, every)
        try:
            yield
        except sqlite3.OperationalError as exc:
            if "interrupt" not in str(exc):
                raise
            raise QueryTimeout(seconds) from exc
        finally:
            self.conn.set_progress_handler(None, every)

    def schema_version(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM _migrations ORDER BY rowid")]

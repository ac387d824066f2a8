"""A small cache of rendered pages, emptied whenever the store changes.

Story pages are the expensive ones (a dossier to decode, a timeline to lay
out, several articles to escape) and they only change when an ingest or a
stage writes to the store. SQLite's ``PRAGMA data_version`` on one watching
connection changes after any other connection commits, so checking it per
request (microseconds) is an exact test for "something changed".
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from dossier.store import Store


class PageCache:
    """LRU of rendered bodies keyed by URL, valid for one ``data_version`` of the store."""

    def __init__(self, db_path: str, size: int = 1024) -> None:
        self.size = size
        self._pages: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()
        self._watch = Store(db_path, read_only=True) if size else None
        self._version: int | None = None
        self.hits = self.misses = 0

    def _current(self) -> int:
        return self._watch.conn.execute("PRAGMA data_version").fetchone()[0]

    def lookup(self, key: str) -> tuple[bytes | None, int]:
        """The cached body for ``key`` (or None) and the store version it is valid for."""
        if self._watch is None:
            return None, 0
        with self._lock:
            version = self._current()
            if version != self._version:
                self._pages.clear()
                self._version = version
            body = self._pages.get(key)
            if body is None:
                self.misses += 1
            else:
                self._pages.move_to_end(key)
                self.hits += 1
            return body, version

    def keep(self, key: str, body: bytes, version: int) -> None:
        """Remember ``body``, unless the store changed while it was being built."""
        if self._watch is None:
            return
        with self._lock:
            if self._version == version:
                self._pages[key] = body
                if len(self._pages) > self.size:
                    self._pages.popitem(last=False)

    def close(self) -> None:
        if self._watch is not None:
            self._watch.close()

"""A cache of whole GET responses, sized in bytes, emptied whenever the store changes.

Every page and JSON reply is a pure function of its URL and the store, and the
store only changes when an ingest or a stage commits. SQLite's ``PRAGMA
data_version`` on one watching connection changes after any other connection
commits, so checking it per request (microseconds) is an exact test for
"something changed".

The budget is bytes, not a count: a count that suits small pages either wastes
memory on big ones or, below the number of stories a reader visits, makes the
cache thrash (each miss evicting a page about to be asked for). The default
(``DEFAULT_MB``) holds every page and reply of a 10k-article store.
"""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from typing import Any

from dossier.store import Store

DEFAULT_MB = 256
#: Paths never cached: static files (StaticFiles has its own headers), writes.
SKIP_PREFIXES = ("/static", "/api/ingest")

Entry = tuple[int, list[tuple[bytes, bytes]], bytes]


class PageCache:
    """LRU of (status, headers, body) by URL, valid for one ``data_version`` of the store."""

    def __init__(self, db_path: str, max_bytes: int = DEFAULT_MB * 2**20) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self._entries: OrderedDict[str, tuple[Entry, int]] = OrderedDict()
        self._lock = threading.Lock()
        self._watch = Store(db_path, read_only=True) if max_bytes > 0 else None
        self._version: int | None = None
        self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._entries)

    def _current(self) -> int:
        return self._watch.conn.execute("PRAGMA data_version").fetchone()[0]

    def lookup(self, key: str) -> tuple[Entry | None, int]:
        """The cached entry for ``key`` (or None) and the store version it is valid for."""
        if self._watch is None:
            return None, 0
        with self._lock:
            version = self._current()
            if version != self._version:
                self._entries.clear()
                self.bytes = 0
                self._version = version
            found = self._entries.get(key)
            if found is None:
                self.misses += 1
                return None, version
            self._entries.move_to_end(key)
            self.hits += 1
            return found[0], version

    def keep(self, key: str, entry: Entry, version: int) -> None:
        """Remember ``entry``, unless the store changed while it was being built or it
        alone is larger than the budget; evict the least recently used past the budget."""
        if self._watch is None:
            return
        size = len(key) + len(entry[2]) + sum(len(k) + len(v) for k, v in entry[1]) + 200
        if size > self.max_bytes:
            return
        with self._lock:
            if self._version != version or key in self._entries:
                return
            self._entries[key] = (entry, size)
            self.bytes += size
            while self.bytes > self.max_bytes:
                _, (_, dropped) = self._entries.popitem(last=False)
                self.bytes -= dropped

    def close(self) -> None:
        if self._watch is not None:
            self._watch.close()


class CachedGets:
    """ASGI middleware: answer a repeated GET from ``cache`` without entering the app.

    A hit skips routing, validation, the worker threads and the store; only 200
    replies are kept, so errors (a timed-out search, a 404) are always asked anew.
    """

    def __init__(self, app: Any, cache: PageCache) -> None:
        self.app = app
        self.cache = cache
        #: URLs being built now; a second request for one waits for that build instead
        #: of building it again (50 readers paging together used to build each page 50
        #: times at once). Touched only on the event loop, so no lock.
        self._building: dict[str, asyncio.Event] = {}

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if (scope["type"] != "http" or scope["method"] != "GET" or self.cache.max_bytes <= 0
                or scope["path"].startswith(SKIP_PREFIXES)):
            await self.app(scope, receive, send)
            return
        key = scope["path"] + "?" + scope.get("query_string", b"").decode("latin-1")
        entry, version = self.cache.lookup(key)
        if entry is None and key in self._building:
            await self._building[key].wait()
            entry, version = self.cache.lookup(key)
        if entry is not None:
            status, headers, body = entry
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        done = self._building.setdefault(key, asyncio.Event())
        try:
            await self._build(key, version, scope, receive, send)
        finally:
            if self._building.get(key) is done:
                del self._building[key]
            done.set()

    async def _build(self, key: str, version: int, scope: dict, receive: Any,
                     send: Any) -> None:
        """Run the app, keeping a 200 reply for ``key`` as it goes out."""
        start: dict = {}
        chunks: list[bytes] = []

        async def keeping(message: dict) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body") and start.get("status") == 200:
                    headers = [(bytes(k), bytes(v)) for k, v in start.get("headers", [])]
                    self.cache.keep(key, (200, headers, b"".join(chunks)), version)
            await send(message)

        await self.app(scope, receive, keeping)

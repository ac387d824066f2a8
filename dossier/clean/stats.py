"""Corpus memory: how many documents of each outlet contain a given line.

A line that recurs across many documents of one outlet ("Read more on our
site", a newsletter pitch, a standing disclaimer) is boilerplate even when it
looks like prose. A line that several *different* outlets print is the opposite:
a shared wire sentence, i.e. news. So the memory also knows how many outlets
carry each line (``outlets_with``); documents of no known outlet (key ``""``)
each count as an outlet of their own there, and have no memory of their own.
The store persists this as rows ``(outlet, line_hash, count)``;
document totals travel as rows whose hash is ``DOC_TOTAL``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

#: ``line_hash`` of the row that holds an outlet's document count.
DOC_TOTAL = "*"
#: Lines shorter than this (after normalising) are too generic to count.
MIN_CHARS = 2


def normalize_line(line: str) -> str:
    """Case-, space- and digit-insensitive key: ``(c) 2023`` and ``(c) 2024`` agree."""
    text = unicodedata.normalize("NFKC", line).lower()
    text = re.sub(r"\d+", "0", text)
    return re.sub(r"\s+", " ", text).strip(" \t.,;:!?|-\u2013\u2014")


def line_hash(line: str) -> str:
    """16 hex chars of SHA-256 over the normalised line."""
    return hashlib.sha256(normalize_line(line).encode("utf-8")).hexdigest()[:16]


class LineStats:
    """Per-outlet document frequency of normalised lines (picklable, mergeable)."""

    def __init__(self) -> None:
        self._counts: Counter[tuple[str, str]] = Counter()
        self._docs: Counter[str] = Counter()
        #: line hash -> outlets whose documents carry it (derived from ``_counts``).
        self._spread: Counter[str] = Counter()

    @staticmethod
    def _key(outlet: str | None) -> str:
        """The bucket of an outlet name: ``dossier.clean.identity``'s key."""
        return " ".join((outlet or "").split()).casefold()

    def _add(self, key: str, h: str, count: int) -> None:
        if key == "":
            self._spread[h] += count  # each anonymous document is its own outlet
        elif self._counts[(key, h)] == 0:
            self._spread[h] += 1
        self._counts[(key, h)] += count

    def observe(self, outlet: str | None, lines: Iterable[str]) -> None:
        """Record one stored document: each distinct line counts once."""
        key = self._key(outlet)
        hashes = {line_hash(ln) for ln in lines if len(normalize_line(ln)) >= MIN_CHARS}
        for h in hashes:
            self._add(key, h, 1)
        self._docs[key] += 1

    def count(self, outlet: str | None, line: str) -> int:
        """Number of observed documents of ``outlet`` that contain ``line``."""
        return self._counts.get((self._key(outlet), line_hash(line)), 0)

    def outlets_with(self, line: str) -> int:
        """How many different outlets' documents contain ``line`` (syndication)."""
        return self._spread.get(line_hash(line), 0)

    def documents(self, outlet: str | None) -> int:
        """Number of documents observed for ``outlet``."""
        return self._docs.get(self._key(outlet), 0)

    def merge(self, other: LineStats) -> None:
        """Add another instance's counts (e.g. from a parallel worker)."""
        for (key, h), count in other._counts.items():
            self._add(key, h, count)
        self._docs.update(other._docs)

    def to_rows(self) -> list[tuple[str, str, int]]:
        """``(outlet, line_hash, count)`` rows plus ``(outlet, DOC_TOTAL, documents)``."""
        rows = [(o, h, c) for (o, h), c in self._counts.items()]
        rows.extend((o, DOC_TOTAL, n) for o, n in self._docs.items())
        return sorted(rows)

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, int]]) -> LineStats:
        """Rebuild from ``to_rows()`` output (as read back from a table)."""
        stats = cls()
        for outlet, h, count in rows:
            if h == DOC_TOTAL:
                stats._docs[outlet] += int(count)
            else:
                stats._add(outlet, h, int(count))
        return stats

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LineStats) and self.to_rows() == other.to_rows()

    __hash__ = None  # type: ignore[assignment]

"""Exact and near-duplicate detection: MinHash over word shingles, LSH for lookup.

Syndicated wire copy is reprinted under other headlines and with trimmed
endings. Word 5-shingles of the body survive both edits (the headline is left
out; a trimmed copy keeps most of its shingles), so the Jaccard similarity of
shingle sets stays high. datasketch's MinHash LSH finds candidate originals in
time independent of how many articles are stored; the MinHash estimate then
confirms the match. Only a recent window of articles is kept: copies appear
within days of their original, so signatures older than ``window_days`` (or
beyond ``capacity`` articles) are evicted, and each lookup verifies at most
``max_candidates`` of the most recent bucket mates. Without both bounds the LSH
buckets of recurring boilerplate grow with the corpus and so does the cost of
every lookup (throughput fell threefold over a 100k-article run).
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from functools import lru_cache

from datasketch import LeanMinHash, MinHash, MinHashLSH

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def shingles(text: str, size: int = 5, min_words: int = 12) -> set[bytes]:
    """Word ``size``-shingles of ``text``; a short text (a headline) is one shingle.

    Short texts get a single whole-text shingle so that two different headlines
    sharing a few words are never called copies; only identical ones are.
    """
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < min_words:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def minhash(text: str, num_perm: int) -> LeanMinHash | None:
    """The MinHash signature of ``text``'s shingles, or ``None`` for an empty text."""
    grams = shingles(text)
    if not grams:
        return None
    template = _template(num_perm)
    sig = MinHash(num_perm=num_perm, permutations=template.permutations, scheme=template.scheme)
    sig.update_batch(sorted(grams))
    return LeanMinHash(sig)


@lru_cache(maxsize=4)
def _template(num_perm: int) -> MinHash:
    """A MinHash whose permutations are reused (drawing them dominated small texts' cost)."""
    return MinHash(num_perm=num_perm)


@dataclass
class DuplicateIndex:
    """Recent articles' signatures, to find the original a new article copies.

    ``originals`` maps every copy to the first-seen article of its group, so a
    copy of a copy still points at the one original.
    """

    threshold: float = 0.5
    num_perm: int = 64
    capacity: int = 200_000
    window_days: int | None = None
    max_candidates: int = 64
    lsh: MinHashLSH | None = None
    order: deque[tuple[str, int | None]] = field(default_factory=deque)
    sequence: dict[str, int] = field(default_factory=dict)
    added: int = 0
    signatures: dict[str, LeanMinHash] = field(default_factory=dict)
    originals: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.lsh is None:
            self.lsh = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm)

    def add(self, article_id: str, text: str, day: int | None = None) -> str | None:
        """Index ``text`` under ``article_id``; return the original it copies, if any.

        ``day`` (a day number, when the article is dated) drives eviction by age.
        """
        return self.add_signature(article_id, minhash(text, self.num_perm), day)

    def add_signature(
        self, article_id: str, sig: LeanMinHash | None, day: int | None = None
    ) -> str | None:
        """:meth:`add` with the signature already computed (e.g. on a Dask worker)."""
        if sig is None:
            return None
        original = self._find(sig)
        if article_id in self.signatures:
            return original if original != article_id else None
        self.lsh.insert(article_id, sig)
        self.signatures[article_id] = sig
        self.added += 1
        self.sequence[article_id] = self.added
        self.order.append((article_id, day))
        if original is not None and original != article_id:
            self.originals[article_id] = original
        self._evict(day)
        return original if original != article_id else None

    def _find(self, sig: LeanMinHash) -> str | None:
        best: tuple[float, int, str] | None = None
        keys = self.lsh.query(sig)
        if len(keys) > self.max_candidates:  # most recent first: copies follow originals
            keys = sorted(keys, key=self.sequence.__getitem__)[-self.max_candidates :]
        for key in keys:
            score = sig.jaccard(self.signatures[key])
            if score < self.threshold:
                continue
            root = self.originals.get(key, key)
            rank = (-score, 0, root)
            if best is None or rank < best:
                best = rank
        return best[2] if best else None

    def __setstate__(self, state: dict) -> None:
        """Accept states saved before age eviction existed (order held bare ids)."""
        self.__dict__.update(state)
        self.__dict__.setdefault("window_days", None)
        self.__dict__.setdefault("max_candidates", 64)
        if self.order and isinstance(self.order[0], str):
            self.order = deque((aid, None) for aid in self.order)
        if "sequence" not in state:
            self.sequence = {aid: i for i, (aid, _) in enumerate(self.order, 1)}
            self.added = len(self.order)

    def _evict(self, day: int | None) -> None:
        while self.order:
            old, old_day = self.order[0]
            too_old = (
                self.window_days is not None
                and day is not None
                and old_day is not None
                and day - old_day > self.window_days
            )
            if len(self.order) <= self.capacity and not too_old:
                break
            self.order.popleft()
            self.lsh.remove(old)
            self.signatures.pop(old, None)
            self.originals.pop(old, None)
            self.sequence.pop(old, None)

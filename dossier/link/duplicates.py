"""Exact and near-duplicate detection: MinHash over word shingles, LSH for lookup.

Syndicated wire copy is reprinted under other headlines and with trimmed
endings. Word 5-shingles of the body survive both edits (the headline is left
out; a trimmed copy keeps most of its shingles), so the Jaccard similarity of
shingle sets stays high. datasketch's MinHash LSH finds candidate originals in
time independent of how many articles are stored; the MinHash estimate then
confirms the match. Only a recent window of articles is kept: copies appear
within days of their original.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field

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
    sig = MinHash(num_perm=num_perm)
    sig.update_batch(sorted(grams))
    return LeanMinHash(sig)


@dataclass
class DuplicateIndex:
    """Recent articles' signatures, to find the original a new article copies.

    ``originals`` maps every copy to the first-seen article of its group, so a
    copy of a copy still points at the one original.
    """

    threshold: float = 0.5
    num_perm: int = 64
    capacity: int = 200_000
    lsh: MinHashLSH | None = None
    order: deque[str] = field(default_factory=deque)
    signatures: dict[str, LeanMinHash] = field(default_factory=dict)
    originals: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.lsh is None:
            self.lsh = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm)

    def add(self, article_id: str, text: str) -> str | None:
        """Index ``text`` under ``article_id``; return the original it copies, if any."""
        sig = minhash(text, self.num_perm)
        if sig is None:
            return None
        original = self._find(sig)
        if article_id in self.signatures:
            return original if original != article_id else None
        self.lsh.insert(article_id, sig)
        self.signatures[article_id] = sig
        self.order.append(article_id)
        if original is not None and original != article_id:
            self.originals[article_id] = original
        self._evict()
        return original if original != article_id else None

    def _find(self, sig: LeanMinHash) -> str | None:
        best: tuple[float, int, str] | None = None
        for key in self.lsh.query(sig):
            score = sig.jaccard(self.signatures[key])
            if score < self.threshold:
                continue
            root = self.originals.get(key, key)
            rank = (-score, 0, root)
            if best is None or rank < best:
                best = rank
        return best[2] if best else None

    def _evict(self) -> None:
        while len(self.order) > self.capacity:
            old = self.order.popleft()
            self.lsh.remove(old)
            self.signatures.pop(old, None)
            self.originals.pop(old, None)

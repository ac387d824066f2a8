"""Linking at scale: per-article features on workers, the assignment on the client.

What costs per article in ``Linker.add`` and depends on that article alone is
its term counts (tokenising, proper names) and its MinHash signature (shingling,
hashing). Workers compute both (:func:`article_features`); the client then
streams the articles through a ``Linker`` in the single-process order, which
looks the features up instead of recomputing them. The LSH lookups, IDF
updates and story assignment stay sequential because each depends on every
earlier article: that is what makes the stories equal to ``run_linking``'s.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from dossier.link import LinkConfig, Linker
from dossier.link.duplicates import DuplicateIndex, minhash
from dossier.link.features import article_terms
from dossier.link.vectors import SparseVector, embed, tfidf
from dossier.model import Article, Extraction

_UNSET = object()


@dataclass
class Features:
    """What a worker precomputes for one article."""

    article_id: str
    counts: Counter[str]
    signature: Any


def article_features(
    articles: list[Article], extractions: list[Extraction | None], config: LinkConfig
) -> list[Features]:
    """Term counts and MinHash signature of each article (pure; runs on a worker)."""
    return [
        Features(a.id, article_terms(a, e), minhash(a.text or a.title, config.duplicate_num_perm))
        for a, e in zip(articles, extractions, strict=True)
    ]


class _SignedDuplicates(DuplicateIndex):
    """A ``DuplicateIndex`` that takes signatures computed elsewhere when it has them."""

    signed: dict[str, Any]

    def add(self, article_id: str, text: str, day: int | None = None) -> str | None:
        sig = self.signed.pop(article_id, _UNSET)
        if sig is _UNSET:
            return super().add(article_id, text, day)
        return self.add_signature(article_id, sig, day)


class FeatureLinker(Linker):
    """A ``Linker`` fed precomputed features; :meth:`plain` turns it back into a ``Linker``."""

    counts: dict[str, Counter[str]]

    @classmethod
    def wrap(cls, linker: Linker) -> FeatureLinker:
        linker.__class__ = cls
        linker._dups.__class__ = _SignedDuplicates
        linker._dups.signed = {}
        linker.counts = {}
        return linker  # type: ignore[return-value]

    def feed(self, features: Iterable[Features]) -> None:
        """Features of the next batch (what the last batch did not use is dropped)."""
        self.counts.clear()
        self._dups.signed.clear()
        for f in features:
            self.counts[f.article_id] = f.counts
            self._dups.signed[f.article_id] = f.signature

    def plain(self) -> Linker:
        """The same linker as a plain ``Linker`` (so its saved state is the ordinary one)."""
        del self._dups.signed
        self._dups.__class__ = DuplicateIndex
        del self.counts
        self.__class__ = Linker
        return self

    def _vectorise(self, article: Article, extraction: Extraction | None) -> tuple[
        SparseVector, Any
    ]:
        counts = self.counts.pop(article.id, None)
        if counts is None:
            return super()._vectorise(article, extraction)
        self._dfs.add(counts)
        vec = tfidf(counts, self._dfs, self.config.name_weight, self.config.name_full_words)
        dense = None
        if self.config.dense_weight > 0:
            dense = embed([f"{article.title}\n{article.text}"], self.config.dense_model)[0]
        return vec, dense


def batches(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), max(1, size)):
        yield items[start : start + size]

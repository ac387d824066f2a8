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
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from dossier.link import LinkConfig, Linker, duplicates
from dossier.link.features import article_terms
from dossier.link.vectors import SparseVector, embed, tfidf
from dossier.model import Article, Extraction, StoryAssignment

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
        Features(
            a.id, article_terms(a, e),
            duplicates.minhash(a.text or a.title, config.duplicate_num_perm),
        )
        for a, e in zip(articles, extractions, strict=True)
    ]


@contextmanager
def _signature_for(text: str, signature: Any) -> Iterator[None]:
    """While linking one article, let ``minhash`` of its text answer the worker's signature.

    Swapping the module function for the length of one ``Linker.add`` keeps the
    duplicate index's own logic (lookup, eviction) untouched: only the hashing,
    a pure function of the text, is replaced by its precomputed result.
    """
    original = duplicates.minhash

    def precomputed(value: str, num_perm: int) -> Any:
        return signature if value is text else original(value, num_perm)

    duplicates.minhash = precomputed
    try:
        yield
    finally:
        duplicates.minhash = original


class FeatureLinker(Linker):
    """A ``Linker`` fed precomputed features; :meth:`plain` turns it back into a ``Linker``."""

    counts: dict[str, Counter[str]]
    signatures: dict[str, Any]

    @classmethod
    def wrap(cls, linker: Linker) -> FeatureLinker:
        linker.__class__ = cls
        linker.counts = {}
        linker.signatures = {}
        return linker  # type: ignore[return-value]

    def feed(self, features: Iterable[Features]) -> None:
        """Features of the next batch (what the last batch did not use is dropped)."""
        self.counts.clear()
        self.signatures.clear()
        for f in features:
            self.counts[f.article_id] = f.counts
            self.signatures[f.article_id] = f.signature

    def add(self, article: Article, extraction: Extraction | None = None) -> StoryAssignment:
        signature = self.signatures.pop(article.id, _UNSET)
        if signature is _UNSET:
            return super().add(article, extraction)
        with _signature_for(article.text or article.title, signature):
            return super().add(article, extraction)

    def plain(self) -> Linker:
        """The same linker as a plain ``Linker`` (so its saved state is the ordinary one)."""
        del self.counts
        del self.signatures
        self.__class__ = Linker
        return self

    def _vectorise(self, article: Article, extraction: Extraction | None) -> tuple[
        SparseVector, Any
    ]:
        counts = self.counts.pop(article.id, None)
        if counts is None:
            return super()._vectorise(article, extraction)
        self._dfs.add(counts)
        vec = tfidf(counts, self._dfs, self.config.name_weight)
        dense = None
        if self.config.dense_weight > 0:
            dense = embed([f"{article.title}\n{article.text}"])[0]
        return vec, dense


def batches(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), max(1, size)):
        yield items[start : start + size]

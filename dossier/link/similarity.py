"""Story similarity of two articles: are they about the same event?

Blends the TF-IDF cosine of the two texts (names weighted up, IDF from the
statistics given, else from the pair alone) with the cosine of their wordllama
embeddings, the same signals the linker combines.
"""

from __future__ import annotations

import math

from dossier.link.config import LinkConfig
from dossier.link.features import article_terms
from dossier.link.vectors import DocumentFrequencies, cosine, dense_cosine, embed, tfidf
from dossier.model import Article

#: Share of the dense cosine in ``similarity`` (by principle: equal footing with TF-IDF).
PAIR_DENSE_WEIGHT = 0.5


def similarity(
    a: Article,
    b: Article,
    dfs: DocumentFrequencies | None = None,
    config: LinkConfig | None = None,
    dense_weight: float = PAIR_DENSE_WEIGHT,
) -> float:
    """Similarity in [0, 1]-ish (higher = same story) of two articles."""
    cfg = config or LinkConfig()
    ca, cb = article_terms(a), article_terms(b)
    if dfs is None:
        dfs = DocumentFrequencies()
        dfs.add(ca)
        dfs.add(cb)
    # sqrt spreads the many small cosines of unrelated pairs, making the scale more linear.
    va = tfidf(ca, dfs, cfg.name_weight, cfg.name_full_words)
    vb = tfidf(cb, dfs, cfg.name_weight, cfg.name_full_words)
    text = math.sqrt(cosine(va, vb))
    if dense_weight <= 0 or not (_english(a) and _english(b)):
        return text
    va, vb = embed([_full(a), _full(b)])
    return (1 - dense_weight) * text + dense_weight * dense_cosine(va, vb)


def _english(article: Article) -> bool:
    """wordllama is an English model: use it only for English (or unlabelled) texts."""
    return article.language in (None, "", "en") or article.language.startswith("en-")


def _full(article: Article) -> str:
    return f"{article.title}\n{article.text}" if article.title else article.text

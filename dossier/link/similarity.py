"""Story similarity of two articles: are they about the same event?

Three views of a pair, averaged with equal weights (by principle, not fitted):
the words the two texts share (TF-IDF cosine, names weighted up, IDF from the
statistics given, else from the pair alone), what the two whole texts mean and
what their leads mean (cosines of wordllama embeddings, or of another encoder
of ``dossier.link.encoders``). News puts the event
first (headline and first sentences: who, what, where), so the lead is a view
of its own rather than a few more words of the body. wordllama is an English model: for other
languages, or when the encoder is not installed, only the word view is used.
"""

from __future__ import annotations

import math

from dossier.link.config import LinkConfig
from dossier.link.features import article_terms
from dossier.link.vectors import (
    DocumentFrequencies,
    cosine,
    dense_cosine,
    embed,
    embeddings_available,
    tfidf,
)
from dossier.model import Article


def similarity(
    a: Article,
    b: Article,
    dfs: DocumentFrequencies | None = None,
    config: LinkConfig | None = None,
    dense: bool = True,
    dense_model: str | None = None,
) -> float:
    """Similarity in [0, 1]-ish (higher = same story) of two articles.

    ``dense_model`` names the encoder of the two embedding views (default: the
    config's ``dense_model``, wordllama; see ``dossier.link.encoders``).
    """
    model = dense_model or (config or LinkConfig()).dense_model
    views = [word_similarity(a, b, dfs, config)]
    if dense and _english(a) and _english(b) and embeddings_available(model):
        body = embed([_full(a), _full(b)], model)
        heads = embed([lead(a), lead(b)], model)
        views += [dense_cosine(body[0], body[1]), dense_cosine(heads[0], heads[1])]
    return sum(views) / len(views)


def word_similarity(
    a: Article,
    b: Article,
    dfs: DocumentFrequencies | None = None,
    config: LinkConfig | None = None,
) -> float:
    """Square root of the TF-IDF cosine (the same vectors the linker compares).

    The square root spreads the many small cosines of unrelated pairs, which
    puts the word view on the scale of the embedding cosines it is averaged with.
    """
    cfg = config or LinkConfig()
    ca, cb = article_terms(a), article_terms(b)
    if dfs is None:
        dfs = DocumentFrequencies()
        dfs.add(ca)
        dfs.add(cb)
    va = tfidf(ca, dfs, cfg.name_weight, cfg.name_full_words)
    vb = tfidf(cb, dfs, cfg.name_weight, cfg.name_full_words)
    return math.sqrt(max(0.0, cosine(va, vb)))


#: Words of headline and text that make up the lead (about a headline and a sentence).
LEAD_WORDS = 40


def lead(article: Article) -> str:
    """The headline and the first words of the text, ``LEAD_WORDS`` words in all."""
    return " ".join(_full(article).split()[:LEAD_WORDS])


def _english(article: Article) -> bool:
    """wordllama is an English model: use it only for English (or unlabelled) texts."""
    return article.language in (None, "", "en") or article.language.startswith("en-")


def _full(article: Article) -> str:
    return f"{article.title}\n{article.text}" if article.title else article.text

"""The extraction job: run the extractor over every article that needs it.

An article needs extraction when it has none, when its text changed (a new
version), or when ``EXTRACTOR_VERSION`` moved on since it was extracted.
"""

from __future__ import annotations

from collections.abc import Callable

from dossier.store import Store

Progress = Callable[[int], None]


def run_extraction(
    store: Store, *, batch_size: int = 64, progress: Progress | None = None
) -> list[str]:
    """Extract pending articles batch by batch; return the ids extracted."""
    from dossier.extract import EXTRACTOR_VERSION, extract_many

    pending = store.articles_needing_extraction(EXTRACTOR_VERSION)
    for start in range(0, len(pending), batch_size):
        articles = store.articles(ids=pending[start : start + batch_size])
        extractions = list(extract_many(articles))
        with store.batch():
            for article, extraction in zip(articles, extractions, strict=True):
                store.save_extraction(extraction, article.version)
        if progress:
            progress(len(articles))
    return pending

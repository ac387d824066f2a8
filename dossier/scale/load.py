"""The client side of a distributed ingest: store partition results, in run order.

Mirrors ``dossier.jobs.ingest._ingest_one`` step for step, with the cleaning
already done by a worker: the store decides (seen before? same text under the
id? a new version?), so the stored result is the single-process one whatever
order the partitions finished in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from dossier.clean import LineStats
from dossier.jobs.ingest import IngestSummary
from dossier.model import Rejected
from dossier.scale.parquet import ItemResult
from dossier.store import Store


def load_items(
    store: Store, items: Iterable[tuple[str, ItemResult]], summary: IngestSummary,
    batch_size: int,
) -> int:
    """Store ``(input sha256, item)`` pairs in batches of ``batch_size``, one transaction each."""
    loaded = 0
    for chunk in _chunks(items, batch_size):
        delta = LineStats()
        with store.batch():
            for sha, item in chunk:
                if load_item(store, sha, item, summary):
                    delta.merge(LineStats.from_rows(item.stats_rows))
            store.add_line_stats(delta)
        loaded += len(chunk)
    return loaded


def load_item(store: Store, sha: str, item: ItemResult, summary: IngestSummary) -> bool:
    """Store one item; True when it became a new article (stored or a new version)."""
    if item.kind in ("rejected", "dropped"):
        rejected = Rejected(item.source, item.reason, item.record)
        store.add_rejection(rejected)
        summary.rejected.append(rejected)
        return False
    seen = store.document_seen(sha, item.record)
    if seen is not None:
        summary.unchanged.append(seen)
        return False
    if item.article is None:  # seen when the run started, yet no longer recorded
        rejected = Rejected(item.source, "stored document vanished during the run", item.record)
        store.add_rejection(rejected)
        summary.rejected.append(rejected)
        return False
    outcome, article = store.add_article(item.article)
    if item.reason:  # a warning, as the single-process ingest gives it
        summary.warnings.append(item.reason)
    store.mark_document(sha, item.record, article.id)
    if outcome == "unchanged":
        summary.unchanged.append(article.id)
        return False
    (summary.stored if outcome == "stored" else summary.new_versions).append(article.id)
    if item.extraction is not None:
        store.save_extraction(item.extraction, article.version)
    elif item.extraction_failure is not None:
        store.save_extraction_failure(
            replace(item.extraction_failure, article_version=article.version)
        )
    return True


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= max(1, size):
            yield chunk
            chunk = []
    if chunk:
        yield chunk

"""The ingest job: inputs -> raw documents -> clean articles -> store.

Writes are grouped in batches of ``batch_size`` documents, each one transaction.
A crash loses at most the batch in flight; re-running the same ingest finds the
committed batches already stored (same id, same text) and finishes the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from dossier.clean import CleanConfig, Dropped, LineStats, clean, lines_for_stats
from dossier.model import Article, RawDocument, Rejected
from dossier.sources import InputFile, SourceConfig, iter_inputs, read_input
from dossier.store import Store


@dataclass(frozen=True)
class IngestConfig:
    source: SourceConfig = field(default_factory=SourceConfig)
    clean: CleanConfig = field(default_factory=CleanConfig)
    batch_size: int = 200


@dataclass
class IngestSummary:
    """What one ingest did, counted so the CLI and tests can report it."""

    inputs: int = 0
    stored: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    new_versions: list[str] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return len(self.stored) + len(self.unchanged) + len(self.new_versions)

    def as_dict(self) -> dict[str, int]:
        return {
            "inputs": self.inputs,
            "stored": len(self.stored),
            "unchanged": len(self.unchanged),
            "new_versions": len(self.new_versions),
            "rejected": len(self.rejected),
        }


Progress = Callable[[str], None]


def _documents(
    paths: Sequence[str], store: Store, config: IngestConfig, summary: IngestSummary
) -> Iterator[RawDocument | Rejected]:
    for item in iter_inputs(paths, config.source):
        if isinstance(item, Rejected):
            yield item
            continue
        summary.inputs += 1
        _keep_original(store, item)
        yield from read_input(item, config.source)


def _keep_original(store: Store, item: InputFile) -> None:
    with store.batch():
        store.save_input(item.name, item.data, item.sha256)


def _chunks(items: Iterable[RawDocument | Rejected], size: int) -> Iterator[list]:
    chunk: list[RawDocument | Rejected] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ingest(
    paths: Sequence[str],
    store: Store,
    config: IngestConfig | None = None,
    progress: Progress | None = None,
) -> IngestSummary:
    """Read, clean and store every document under ``paths``; never raise on bad input."""
    config = config or IngestConfig()
    summary = IngestSummary()
    stats = store.line_stats()
    for chunk in _chunks(_documents(paths, store, config, summary), config.batch_size):
        delta = LineStats()
        with store.batch():
            for item in chunk:
                article = _ingest_one(item, store, config, stats, summary)
                if article is not None:
                    # Teach the boilerplate memory this document's lines, so later
                    # documents of the same outlet see them as recurring.
                    lines = lines_for_stats(item, config.clean)
                    stats.observe(article.outlet, lines)
                    delta.observe(article.outlet, lines)
                if progress:
                    progress(item.source if isinstance(item, Rejected) else item.provenance.source)
            store.add_line_stats(delta)
    return summary


def _ingest_one(
    item: RawDocument | Rejected,
    store: Store,
    config: IngestConfig,
    stats: LineStats,
    summary: IngestSummary,
) -> Article | None:
    """Clean and store one document; return it when it was new (stored or a new version)."""
    if isinstance(item, Rejected):
        store.add_rejection(item)
        summary.rejected.append(item)
        return None
    result = clean(item, config.clean, stats)
    if isinstance(result, Dropped):
        rejected = Rejected(item.provenance.source, result.reason, item.provenance.record)
        store.add_rejection(rejected)
        summary.rejected.append(rejected)
        return None
    outcome, article = store.add_article(result)
    if outcome == "unchanged":
        summary.unchanged.append(article.id)
        return None
    (summary.stored if outcome == "stored" else summary.new_versions).append(article.id)
    return article

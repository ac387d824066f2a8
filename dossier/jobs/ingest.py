"""The ingest job: inputs -> raw documents -> clean articles -> store.

Two passes, so that cleaning does not depend on the order documents arrive in
(nor on how a distributed run partitions them):

1. every input that holds at least one document has its original bytes stored,
   and each new document's lines are counted into the outlet line statistics
   (the boilerplate memory); an input with no document at all (binary, a bomb,
   every record bad) leaves only its rejections in the store;
2. inputs are read back from the store, and each document is cleaned against
   the stored statistics plus this run's, then stored.

Pass 2 writes in batches of ``batch_size`` documents, each one transaction that
also records which (input, record) pairs are done and their line counts. A crash
loses at most the batch in flight; re-running finds the committed documents
already recorded and finishes the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from dossier.clean import CleanConfig, Dropped, LineStats, clean, document_lines
from dossier.errors import StageError, StageTimeout
from dossier.jobs.limits import call_with_time_limit
from dossier.model import Article, RawDocument, Rejected
from dossier.sources import InputFile, SourceConfig, iter_inputs, make_inputs, read_input
from dossier.store import Store


@dataclass(frozen=True)
class IngestConfig:
    source: SourceConfig = field(default_factory=SourceConfig)
    clean: CleanConfig = field(default_factory=CleanConfig)
    batch_size: int = 200
    #: Seconds one document may spend being cleaned before it is rejected (None: no
    #: limit), so one pathological page cannot stall a batch. Enforced with SIGALRM
    #: on the main thread only (see ``dossier.jobs.limits``).
    clean_seconds: float | None = 120.0
    #: Seconds one article may spend being extracted (None: no limit); see
    #: ``dossier.jobs.extract``. Used by the Dask workers and by ``process``.
    extract_seconds: float | None = 60.0


@dataclass
class IngestSummary:
    """What one ingest did, counted so the CLI and tests can report it."""

    inputs: int = 0
    stored: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    new_versions: list[str] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    #: Records kept with something dropped (a malformed URL), one line each.
    warnings: list[str] = field(default_factory=list)

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


def ingest(
    paths: Sequence[str],
    store: Store,
    config: IngestConfig | None = None,
    progress: Progress | None = None,
    names: Mapping[str, str] | None = None,
) -> IngestSummary:
    """Read, clean and store every document under ``paths``; never raise on bad input.

    ``names`` gives some file paths the name to record instead of the path (see
    ``dossier.sources.iter_inputs``): an upload spooled to a temporary file.
    """
    config = config or IngestConfig()
    summary = IngestSummary()
    inputs, run_stats = _first_pass(paths, store, config, summary, names)
    stats = store.line_stats()
    stats.merge(run_stats)
    documents = (doc for name, sha in inputs for doc in _read_back(store, name, sha, config))
    for chunk in _chunks(documents, config.batch_size):
        delta = LineStats()
        with store.batch():
            for item in chunk:
                # Every document recorded done counts, copies too: pass 1 counted it,
                # and a resumed run must find the same statistics a clean run used.
                if _ingest_one(item, store, config, stats, summary) is not None:
                    delta.observe(*document_lines(item, config.clean))
                if progress:
                    progress(item.source if isinstance(item, Rejected) else item.provenance.source)
            store.add_line_stats(delta)
    return summary


def _first_pass(
    paths: Sequence[str], store: Store, config: IngestConfig, summary: IngestSummary,
    names: Mapping[str, str] | None = None,
) -> tuple[list[tuple[str, str]], LineStats]:
    """Keep every input's bytes; count the lines of documents not stored before."""
    inputs: list[tuple[str, str]] = []
    run_stats = LineStats()
    for item in iter_inputs(paths, config.source, skip=store.files(), names=names):
        if isinstance(item, Rejected):
            with store.batch():
                store.add_rejection(item)
            summary.rejected.append(item)
            continue
        summary.inputs += 1
        has_document, refusals = False, []
        for doc in read_input(item, config.source):
            if isinstance(doc, RawDocument):
                has_document = True
                if not _seen(store, doc):
                    run_stats.observe(*document_lines(doc, config.clean))
            elif not has_document:
                refusals.append(doc)
        with store.batch():
            if not has_document:
                # Nothing readable (binary, bomb, every record bad): keep only the reasons.
                for rejected in refusals:
                    store.add_rejection(rejected)
                summary.rejected.extend(refusals)
                continue
            store.save_input(item.name, item.original_bytes, item.sha256)
        inputs.append((item.name, item.sha256))
    return inputs, run_stats


def _read_back(
    store: Store, name: str, sha256: str, config: IngestConfig
) -> Iterator[RawDocument | Rejected]:
    raw = store.input_bytes(sha256)
    if raw is None:
        return
    # Pass 1 already recorded what was wrong with the input itself; here only
    # the readable part (a damaged gzip keeps its complete members) matters.
    for item in make_inputs(name, raw, config.source):
        if isinstance(item, InputFile):
            yield from read_input(item, config.source)


def _seen(store: Store, doc: RawDocument) -> str | None:
    return store.document_seen(doc.provenance.input_sha256, doc.provenance.record)


def _chunks(items: Iterable[RawDocument | Rejected], size: int) -> Iterator[list]:
    chunk: list[RawDocument | Rejected] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _clean_in_time(doc: RawDocument, config: IngestConfig, stats: LineStats) -> Article | Dropped:
    """``clean`` under the per-document time limit; a failure drops only this document."""
    result = call_with_time_limit(
        lambda d: clean(d, config.clean, stats),
        doc,
        seconds=config.clean_seconds or 0,
        stage="clean",
        key=doc.provenance.source,
    )
    if isinstance(result, StageError):
        return Dropped(
            f"cleaning {'stopped' if isinstance(result, StageTimeout) else 'failed'}: "
            f"{result.reason}"
        )
    return result


def _ingest_one(
    item: RawDocument | Rejected,
    store: Store,
    config: IngestConfig,
    stats: LineStats,
    summary: IngestSummary,
) -> Article | None:
    """Clean and store one document; return its article when it was recorded done now
    (stored, a new version, or a copy of a stored text), None when not."""
    if isinstance(item, Rejected):
        store.add_rejection(item)
        summary.rejected.append(item)
        return None
    seen = _seen(store, item)
    if seen is not None:
        summary.unchanged.append(seen)
        return None
    result = _clean_in_time(item, config, stats)
    if isinstance(result, Dropped):
        rejected = Rejected(item.provenance.source, result.reason, item.provenance.record)
        store.add_rejection(rejected)
        summary.rejected.append(rejected)
        return None
    outcome, article = store.add_article(result)
    warning = url_warning(item)
    if warning:
        summary.warnings.append(warning)
    store.mark_document(item.provenance.input_sha256, item.provenance.record, article.id)
    if outcome == "unchanged":
        summary.unchanged.append(article.id)
    else:
        (summary.stored if outcome == "stored" else summary.new_versions).append(article.id)
    return article


def url_warning(item: RawDocument) -> str | None:
    """The warning for a record whose malformed URL the source dropped (record kept);
    the Dask path reports the same line."""
    if not item.meta.get("invalid_url"):
        return None
    where = f" ({item.provenance.record})" if item.provenance.record else ""
    return (f"{item.provenance.source}{where}: malformed URL "
            f"{item.meta['invalid_url']!r} dropped, record kept")

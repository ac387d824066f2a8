"""What ``dossier ingest --engine dask`` runs: the ingest and, unless told not to, the rest."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from dossier.jobs.dossiers import run_dossiers
from dossier.jobs.ingest import IngestConfig, IngestSummary
from dossier.jobs.process import ProcessSummary, process
from dossier.store import Store


def ingest_on_dask(
    paths: Sequence[str], store: Store, config: IngestConfig, *, scheduler: str | None = None,
    workers: int | None = None, quiet: bool = False, link: bool = True,
) -> tuple[IngestSummary, ProcessSummary | None]:
    """Ingest on a Dask cluster, then extract/link/build dossiers with linking features on it."""
    from dossier.scale.runner import DaskRunner
    from dossier.scale.workdir import exit_on_sigterm

    show = not quiet and sys.stdout.isatty()  # Dask's bar writes to stdout
    with exit_on_sigterm(), DaskRunner(scheduler, workers, progress=show) as runner:
        summary = runner.ingest(paths, store, config)
        processed = (
            process(store, linking=runner.link, extract_seconds=config.extract_seconds)
            if link else None
        )
    if processed is not None:
        _count_worker_extractions(store, summary, processed)
    return summary, processed


def _count_worker_extractions(
    store: Store, summary: IngestSummary, processed: ProcessSummary
) -> None:
    """Workers extracted the new articles, so ``process`` found none pending: count them
    (and those they gave up on), and rebuild the dossiers of stories whose article got
    a new version (as ``process`` does for articles it extracts itself)."""
    new = [*summary.stored, *summary.new_versions]
    processed.extracted += sum(store.extraction(i) is not None for i in new)
    fresh = set(new)  # and report the articles the workers could not extract
    processed.failed += [f for f in store.extraction_failures(None) if f.article_id in fresh]
    stories = {a.story_id for a in map(store.story_of, summary.new_versions) if a}
    if stories:
        processed.dossiers += run_dossiers(store, sorted(stories))

"""What ``dossier ingest --engine dask`` runs: the ingest and, unless told not to, the rest."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from dossier.jobs.ingest import IngestConfig, IngestSummary
from dossier.jobs.process import ProcessSummary, process
from dossier.store import Store


def ingest_on_dask(
    paths: Sequence[str], store: Store, config: IngestConfig, *, scheduler: str | None = None,
    workers: int | None = None, quiet: bool = False, link: bool = True,
) -> tuple[IngestSummary, ProcessSummary | None]:
    """Ingest on a Dask cluster, then extract/link/build dossiers with linking features on it."""
    from dossier.scale.runner import DaskRunner

    show = not quiet and sys.stdout.isatty()  # Dask's bar writes to stdout
    with DaskRunner(scheduler, workers, progress=show) as runner:
        summary = runner.ingest(paths, store, config)
        processed = process(store, linking=runner.link) if link else None
    return summary, processed

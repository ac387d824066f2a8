"""What Dask workers run: the ingest stages over one input or one slice of it.

Every function is top level and takes only picklable ``dossier`` objects, so
Dask can ship it anywhere. They call the stages exactly as the single-process
ingest does (``read_input``, ``document_lines``, ``clean``, ``extract_guarded``);
only the bookkeeping (which documents the store has seen, in what order results
are stored) stays with the client.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from dossier.clean import CleanConfig, Dropped, LineStats, document_lines
from dossier.clean.stats import DOC_TOTAL
from dossier.errors import StageError
from dossier.jobs.ingest import IngestConfig, _clean_in_time, url_warning
from dossier.model import Extraction, RawDocument, Rejected
from dossier.scale.parquet import ItemResult, write_results
from dossier.scale.partitions import InputSource, Partition, input_items
from dossier.sources import SourceConfig


@dataclass
class Observed:
    """Pass 1 over one input: its item count, its new documents' lines, and whether
    it held any document at all (if not, the rejections that explain why)."""

    items: int
    stats: LineStats
    has_document: bool = False
    refusals: list[Rejected] = field(default_factory=list)


def observe_input(
    source: InputSource, source_config: SourceConfig, clean_config: CleanConfig,
    seen: frozenset[str],
) -> Observed:
    """Count the lines of every document of the input whose record is not in ``seen``."""
    observed = Observed(0, LineStats())
    for item in input_items(source, source_config):
        observed.items += 1
        if isinstance(item, RawDocument):
            observed.has_document = True
            if item.provenance.record not in seen:
                observed.stats.observe(*document_lines(item, clean_config))
        elif not observed.has_document:
            observed.refusals.append(item)
    return observed


def observed_outline(observed: Observed) -> Observed:
    """What the client needs of pass 1 (the statistics stay on the cluster)."""
    return Observed(observed.items, LineStats(), observed.has_document, observed.refusals)


def add_stats(total: LineStats | None, part: Observed) -> LineStats:
    """One step of pass 1's running sum: ``part``'s line statistics added to ``total``.

    ``total`` is updated in place and returned, so a step costs the size of one
    input's statistics, not of the sum, and the cluster holds one sum however many
    inputs there are. That is safe because the runner gives each sum to exactly
    one next step and drops its own future of it at once: nobody reads the old value.
    """
    if total is None:
        total = LineStats()
    total.merge(part.stats)
    return total


def cleaning_stats(stored: LineStats, run: LineStats | None, min_docs: int) -> LineStats:
    """Stored + run statistics, keeping only what ``clean`` can tell apart.

    The cleaner only asks whether a count reaches ``recurring_min_docs`` and, for
    such a line, how many outlets carry it; so a line's rows are kept only when
    one of them reaches it: the copy every worker holds grows with recurring
    lines, not with the corpus, and cleaning results are unchanged.
    """
    total = LineStats()
    total.merge(stored)
    if run is not None:
        total.merge(run)
    keep = max(1, min_docs)
    rows = total.to_rows()
    recurring = {h for _, h, n in rows if h != DOC_TOTAL and n >= keep}
    return LineStats.from_rows(row for row in rows if row[1] == DOC_TOTAL or row[1] in recurring)


def clean_partition(
    part: Partition, source: InputSource, stats: LineStats, config: IngestConfig,
    seen: frozenset[str], out_dir: str | None, extract: bool,
) -> str | bytes:
    """Parse, clean and extract one slice; write it as Parquet (path, or bytes without a dir)."""
    items = itertools.islice(input_items(source, config.source), part.start, part.stop)
    results = [
        _one_item(pos, item, stats, config, seen)
        for pos, item in enumerate(items, start=part.start)
    ]
    if extract:
        _attach_extractions(results, config.extract_seconds)
    path = None if out_dir is None else os.path.join(out_dir, f"part-{part.index:06d}.parquet")
    return write_results(results, path)


def _one_item(
    pos: int, item: RawDocument | Rejected, stats: LineStats, config: IngestConfig,
    seen: frozenset[str],
) -> ItemResult:
    if isinstance(item, Rejected):
        return ItemResult(pos, "rejected", item.source, item.record, item.reason)
    prov = item.provenance
    if prov.record in seen:
        return ItemResult(pos, "seen", prov.source, prov.record)
    # The single-process cleaning call, so failures read the same. Its time limit
    # needs the main thread (SIGALRM); on a worker thread a document has no limit.
    result = _clean_in_time(item, config, stats)
    if isinstance(result, Dropped):
        return ItemResult(pos, "dropped", prov.source, prov.record, result.reason)
    own = LineStats()
    own.observe(*document_lines(item, config.clean))
    return ItemResult(pos, "article", prov.source, prov.record, url_warning(item) or "",
                      article=result, stats_rows=own.to_rows())


def extractor() -> Callable[..., Iterable[Extraction | StageError]] | None:
    """``dossier.jobs.extract.extract_guarded`` when the extraction stage provides it."""
    try:
        import dossier.extract  # noqa: F401
    except ImportError:
        return None
    from dossier.jobs.extract import extract_guarded

    return extract_guarded


def _attach_extractions(results: list[ItemResult], seconds: float | None) -> None:
    """Extract the slice's articles, each under the per-article limit (which a task
    thread enforces with the watchdog of ``dossier.jobs.limits``); an article that
    fails or runs out of time carries its failure to the client, the rest their
    extraction. If the stage itself breaks, the client's ``run_extraction`` retries."""
    from dossier.extract import EXTRACTOR_VERSION
    from dossier.jobs.extract import failure_record

    run = extractor()
    with_article = [r for r in results if r.article is not None]
    if run is None or not with_article:
        return
    try:
        outcomes = list(run([r.article for r in with_article], seconds=seconds))
    except Exception:  # noqa: BLE001 - run_extraction retries these on the client
        return
    if len(outcomes) != len(with_article):
        return
    for r, outcome in zip(with_article, outcomes, strict=True):
        if isinstance(outcome, StageError):
            assert r.article is not None
            r.extraction_failure = failure_record(r.article, outcome, EXTRACTOR_VERSION, seconds)
        else:
            r.extraction = outcome

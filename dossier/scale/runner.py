"""``DaskRunner``: ingest and link on a Dask cluster, storing what the single process would.

Where things run:

* client (this process): walks the inputs, keeps their bytes (``save_input``),
  plans partitions, and loads every partition's results into the store in run
  order, in transactions of ``batch_size`` documents; runs the story assignment.
* workers: pass 1 (``observe_input``: parse + ``document_lines``, summed into
  ``LineStats`` by a tree reduction on the cluster), pass 2 (``clean_partition``:
  parse + ``clean`` + ``extract_many``, written as Parquet), and the linker's
  per-article features (``article_features``).

On a local cluster workers read input bytes from the SQLite file and write
Parquet to a temporary folder; with a remote scheduler inputs are shipped
through Dask and Parquet comes back as bytes, unless ``workdir`` names a folder
both sides share.
"""

from __future__ import annotations

import os
import shutil
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from dossier.jobs.ingest import IngestConfig, IngestSummary
from dossier.jobs.link import LinkSummary, save_linking
from dossier.link import LinkConfig, Linker, publication_order
from dossier.model import Article, Rejected
from dossier.scale.features import FeatureLinker, article_features, batches
from dossier.scale.load import load_items
from dossier.scale.parquet import ItemResult, read_results
from dossier.scale.partitions import InputRef, Partition, RawInput, plan_partitions
from dossier.scale.tasks import (
    add_stats,
    clean_partition,
    cleaning_stats,
    observe_input,
    observed_outline,
)
from dossier.scale.workdir import make_parts_dir, remove_stale_parts_dirs
from dossier.sources import iter_inputs
from dossier.store import Store


@dataclass
class _FirstPass:
    """What pass 1 hands pass 2, one entry per input kept, in run order."""

    inputs: list[tuple[str, str]] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)
    sources: list[Any] = field(default_factory=list)
    seen: list[frozenset[str]] = field(default_factory=list)
    #: The running sum of the inputs' line statistics so far (a future on the
    #: cluster, None before the first input): one sum alive, whatever the corpus size.
    total: Any = None


class DaskRunner:
    """A Dask client (and, without ``scheduler``, a local cluster sized to the machine)."""

    def __init__(
        self, scheduler: str | None = None, workers: int | None = None, *,
        partition_size: int = 250, retries: int = 2, workdir: str | None = None,
        progress: bool = True, memory_limit: str = "auto", extract: bool = True,
    ) -> None:
        from dask.distributed import Client, LocalCluster

        self.remote = scheduler is not None
        self.partition_size = partition_size
        self.retries = retries
        self.workdir = workdir
        self.show_progress = progress
        #: Extract on workers while cleaning (else ``run_extraction`` does it later).
        self.extract = extract
        self.cluster = None
        #: Seconds of the last ingest: ``pass1`` (stats), ``pass2`` (until the last
        #: partition was computed) and ``total`` (stored and committed).
        self.timings: dict[str, float] = {}
        if scheduler is None:
            self.cluster = LocalCluster(
                n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                processes=True, dashboard_address=None, memory_limit=memory_limit,
            )
            self.client = Client(self.cluster)
        else:
            self.client = Client(scheduler)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def __enter__(self) -> DaskRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ ingest

    def ingest(
        self, paths: Sequence[str], store: Store, config: IngestConfig | None = None
    ) -> IngestSummary:
        """``dossier.jobs.ingest.ingest`` on the cluster: same stored result, same summary."""
        config = config or IngestConfig()
        summary = IngestSummary()
        ship = self.remote or store.path == ":memory:"
        start = time.perf_counter()
        run = self._first_pass(paths, store, config, summary, ship)
        self.timings = {"pass1": time.perf_counter() - start}
        pruned = self._submit(
            cleaning_stats, self.client.scatter(store.line_stats()), run.total,
            config.clean.recurring_min_docs,
        )
        run.total = None  # the full sum can go once it is pruned
        # Every worker gets its own copy up front, so no worker is favoured for holding it.
        stats = self.client.scatter(pruned.result(), broadcast=True)
        out_dir = self._out_dir()
        try:
            parts = list(plan_partitions(run.inputs, run.counts, self.partition_size))
            futures = [
                self._submit(
                    clean_partition, p, run.sources[p.occurrence], stats, config,
                    run.seen[p.occurrence], out_dir, self.extract,
                )
                for p in parts
            ]
            self._progress(futures)
            for future in futures:
                future.add_done_callback(self._finished(start))
            load_items(store, self._results(parts, futures), summary, config.batch_size)
        finally:
            if out_dir is not None:
                shutil.rmtree(out_dir, ignore_errors=True)
        self.timings["total"] = time.perf_counter() - start
        return summary

    def _finished(self, start: float) -> Any:
        def done(_future: Any) -> None:
            self.timings["pass2"] = max(self.timings.get("pass2", 0.0), time.perf_counter() - start)

        return done

    def _first_pass(
        self, paths: Sequence[str], store: Store, config: IngestConfig,
        summary: IngestSummary, ship: bool,
    ) -> _FirstPass:
        """Count new documents' lines (workers); keep inputs that hold a document (client).

        Inputs are read in order and settled in order (their rejections, or their
        bytes kept) as the single-process ingest does, with at most
        ``4 x workers`` inputs in flight so cluster memory stays bounded.
        """
        run = _FirstPass()
        window = 4 * max(1, len(self.client.scheduler_info().get("workers", {})))
        pending: deque[tuple] = deque()
        for item in iter_inputs(paths, config.source, skip=store.files()):
            if isinstance(item, Rejected):
                pending.append((item, None, None, frozenset(), None))
            else:
                summary.inputs += 1
                seen = frozenset(store.seen_records(item.sha256))
                raw = self.client.scatter(RawInput(item.name, item.sha256, item.original_bytes))
                future = self._submit(observe_input, raw, config.source, config.clean, seen)
                # Asked for now, not when settling: queued behind its input on the same
                # worker, it is ready by then; asked for later it would wait behind
                # whatever that worker started meanwhile, and pass 1 would run serially.
                outline = self._submit(observed_outline, future)
                pending.append((item, raw, future, seen, outline))
            while sum(p[2] is not None for p in pending) > window:
                self._settle(pending.popleft(), store, summary, run, ship)
        self._progress([p[2] for p in pending if p[2] is not None])
        while pending:
            self._settle(pending.popleft(), store, summary, run, ship)
        return run

    def _settle(
        self, entry: tuple, store: Store, summary: IngestSummary, run: _FirstPass, ship: bool
    ) -> None:
        item, raw, future, seen, outline_future = entry
        if future is None:
            with store.batch():
                store.add_rejection(item)
            summary.rejected.append(item)
            return
        outline = outline_future.result()
        with store.batch():
            if not outline.has_document:  # nothing readable: keep only the reasons
                for rejected in outline.refusals:
                    store.add_rejection(rejected)
                summary.rejected.extend(outline.refusals)
                return
            store.save_input(item.name, item.original_bytes, item.sha256)
        run.inputs.append((item.name, item.sha256))
        run.counts.append(outline.items)
        run.sources.append(raw if ship else InputRef(store.path, item.name, item.sha256))
        run.seen.append(seen)
        # In run order, like the single-process ingest; each step waits only for the
        # previous sum and its own input, so pass 1 stays parallel.
        run.total = self._submit(add_stats, run.total, future)

    def _results(
        self, parts: list[Partition], futures: list[Any]
    ) -> Iterator[tuple[str, ItemResult]]:
        """Partition results in run order; a partition that failed for good is rejected whole."""
        for part, future in zip(parts, futures, strict=True):
            try:
                items = read_results(future.result())
            except Exception as exc:  # noqa: BLE001 - report, keep loading the others
                reason = f"partition failed: {type(exc).__name__}: {exc}"
                items = [ItemResult(-1, "rejected", part.name, part.label, reason)]
            finally:
                future.release()
            for item in items:
                yield part.sha256, item

    # ------------------------------------------------------------------ link

    def link(self, store: Store, *, batch_size: int = 500) -> LinkSummary:
        """``dossier.jobs.link.run_linking`` with the per-article features computed on workers."""
        state = store.linker_state()
        linker = FeatureLinker.wrap(Linker.from_state(state) if state else Linker())
        before = {s.id: set(s.article_ids) for s in linker.stories()}
        pending = store.unlinked_article_ids()
        summary = LinkSummary(linked=len(pending))
        articles = []
        for ids in batches(pending, batch_size):
            articles += store.articles(ids=ids)
        # run_linking's order: by publication date, undated ones in arrival order.
        arrival = {article_id: i for i, article_id in enumerate(pending)}
        ordered = publication_order(sorted(articles, key=lambda a: arrival[a.id]))
        window: list[tuple] = []  # batches whose features are being computed
        for start in range(0, len(ordered), max(1, batch_size)):
            window.append(self._link_batch(store, ordered[start : start + batch_size],
                                           linker.config))
            if len(window) > 2:
                _add_batch(linker, *window.pop(0))
        for batch in window:
            _add_batch(linker, *batch)
        save_linking(store, linker.plain(), before, summary)
        return summary

    def _link_batch(self, store: Store, articles: list[Article], config: LinkConfig) -> tuple:
        extractions = store.extractions([a.id for a in articles])
        future = self._submit(
            article_features, articles, [extractions.get(a.id) for a in articles], config
        )
        return articles, extractions, future

    # ------------------------------------------------------------------ helpers

    def _submit(self, fn: Any, *args: Any) -> Any:
        return self.client.submit(fn, *args, retries=self.retries, pure=False)

    def _out_dir(self) -> str | None:
        if self.remote and self.workdir is None:
            return None
        remove_stale_parts_dirs(self.workdir)  # those a killed ingest left behind
        return make_parts_dir(self.workdir)

    def _progress(self, futures: list[Any]) -> None:
        """Dask's own text progress bar, in the background while the client keeps loading."""
        if not self.show_progress or not futures:
            return
        thread = threading.Thread(
            target=_quiet_progress, args=(futures,), daemon=True, name="dask-progress"
        )
        thread.start()


def _add_batch(linker: FeatureLinker, articles: list, extractions: dict, future: Any) -> None:
    """Assign one batch in ``run_linking``'s order, with its worker-computed features."""
    linker.feed(future.result())
    future.release()
    for article in articles:
        linker.add(article, extractions.get(article.id))


def _quiet_progress(futures: list[Any]) -> None:
    from dask.distributed import progress

    try:
        progress(futures, notebook=False)
        sys.stdout.flush()
    except Exception:  # noqa: BLE001 - a progress bar must never fail the run
        pass

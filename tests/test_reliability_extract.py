"""Per-article extraction time limits: one pathological article costs only itself.

The sample corpus is ingested for real; a stand-in extractor stalls (or raises)
on one chosen article. Rules-only extraction (no language pipeline) keeps the
tests fast; a fake pipeline checks that normal batches stay on the batched path.
No timing is asserted, only what is stored and reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

import dossier.extract as ex
from dossier.cli import cli
from dossier.errors import StageError, StageTimeout
from dossier.jobs.extract import describe, extract_guarded, run_extraction
from dossier.jobs.ingest import IngestConfig, ingest
from dossier.model import Article
from dossier.store import Store

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sample"
REAL = ex.extract_from_doc


@pytest.fixture
def no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ex, "_pipeline", lambda: None)


@pytest.fixture
def store(tmp_path: Path, no_model: None) -> Iterator[Store]:
    with Store(tmp_path / "s.db") as s:
        ingest([str(SAMPLE)], s, IngestConfig())
        yield s


def stall_on(monkeypatch: pytest.MonkeyPatch, victim: str, how: str = "spin") -> list[str]:
    """Make extraction of article ``victim`` loop forever (or raise); log who was tried."""
    tried: list[str] = []

    def extractor(article: Article, doc: object) -> object:
        tried.append(article.id)
        if article.id == victim and how == "spin":
            while True:
                pass
        if article.id == victim:
            raise RuntimeError("extractor bug")
        return REAL(article, doc)

    monkeypatch.setattr(ex, "extract_from_doc", extractor)
    return tried


def test_a_stalling_article_is_recorded_and_the_rest_are_extracted(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = store.articles()
    victim = articles[3]
    stall_on(monkeypatch, victim.id)
    done = run_extraction(store, seconds=0.5, batch_size=8)
    assert sorted(done) == sorted(a.id for a in articles if a.id != victim.id)
    assert store.article_count() == len(articles)  # nothing stored is lost
    assert store.extraction(victim.id) is None
    assert all(store.extraction(i) is not None for i in done)
    [failure] = store.extraction_failures()
    assert (failure.article_id, failure.code, failure.seconds) == (victim.id, "D301", 0.5)
    assert failure.message.startswith(f"D301 stage 'extract' failed on article {victim.id}:")
    assert "0.5-second limit" in failure.message and describe(victim) in failure.message
    assert store.articles_needing_extraction(ex.EXTRACTOR_VERSION) == [victim.id]


def test_a_timed_out_article_waits_for_a_larger_limit(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    victim = store.articles()[0].id
    stall_on(monkeypatch, victim)
    run_extraction(store, seconds=0.5)
    tried = stall_on(monkeypatch, victim)
    assert run_extraction(store, seconds=0.5) == [] and tried == []  # same limit: skipped
    monkeypatch.setattr(ex, "extract_from_doc", REAL)  # say it only needed more time
    assert run_extraction(store, seconds=30) == [victim]
    assert store.extraction(victim) is not None and store.extraction_failures() == []


def test_an_erroring_article_is_not_retried_until_the_extractor_changes(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    victim = store.articles()[1]
    stall_on(monkeypatch, victim.id, how="raise")
    failed: list = []
    run_extraction(store, seconds=5, on_failure=failed.append)
    assert [f.code for f in failed] == ["D300"]
    assert "RuntimeError: extractor bug" in failed[0].message
    assert describe(victim) in failed[0].message
    assert run_extraction(store, seconds=60) == []  # a larger limit does not help an error
    assert store.articles_needing_extraction("a newer extractor") != []


def test_an_article_too_long_for_the_pipeline_costs_only_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ex, "extract_from_doc", lambda article, doc: REAL(article, None))

    class Pipeline:
        """spaCy refuses texts over ``max_length`` for the whole ``pipe`` batch."""

        def pipe(self, texts: Iterator[str], batch_size: int) -> Iterator[str]:
            texts = list(texts)
            if any(len(t) > 1000 for t in texts):
                raise ValueError("[E088] Text of length exceeds maximum")
            return iter(texts)

        def __call__(self, text: str) -> str:
            return next(self.pipe(iter([text]), 1))

    articles = [Article(id=f"a{i}", text="The mayor spoke on Monday.") for i in range(5)]
    articles[2] = Article(id="long", text="word " * 500, url="https://example.org/long")
    results = list(extract_guarded(articles, seconds=5, nlp=Pipeline(), batch_size=4))
    kinds = [type(r).__name__ for r in results]
    assert kinds == ["Extraction", "Extraction", "StageError", "Extraction", "Extraction"]
    assert "E088" in str(results[2]) and "https://example.org/long" in str(results[2])


class CountingPipeline:
    """Counts batched and one-by-one calls; stalls on a text holding ``stall``."""

    def __init__(self) -> None:
        self.batches = self.singles = 0

    def pipe(self, texts: Iterator[str], batch_size: int) -> Iterator[None]:
        self.batches += 1
        for text in list(texts):
            yield self._parse(text)

    def __call__(self, text: str) -> None:
        self.singles += 1
        return self._parse(text)

    @staticmethod
    def _parse(text: str) -> None:
        while "stall" in text:
            pass


@pytest.mark.parametrize(("stalling", "batches", "singles"), [(False, 3, 0), (True, 3, 4)])
def test_normal_batches_stay_batched(
    monkeypatch: pytest.MonkeyPatch, stalling: bool, batches: int, singles: int
) -> None:
    monkeypatch.setattr(ex, "extract_from_doc", lambda article, doc: REAL(article, None))
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("*.txt"))[:10]]
    articles = [Article(id=f"a{i}", text=t) for i, t in enumerate(texts)]
    if stalling:
        articles[5] = Article(id="bad", text="stall " + texts[5])
    nlp = CountingPipeline()
    results = list(extract_guarded(articles, seconds=0.5, nlp=nlp, batch_size=4))
    assert (nlp.batches, nlp.singles) == (batches, singles)  # only the bad batch one by one
    bad = [r for r in results if isinstance(r, StageError)]
    assert [(type(r), r.article_id) for r in bad] == ([(StageTimeout, "bad")] if stalling else [])
    assert len(results) == len(articles)


def test_ingest_command_reports_the_article_and_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_model: None
) -> None:
    db = str(tmp_path / "c.db")
    stored = CliRunner().invoke(cli, ["ingest", str(SAMPLE), "--db", db, "--no-link", "-q"])
    assert stored.exit_code == 0
    with Store(db) as s:
        victim = s.articles()[2].id
    stall_on(monkeypatch, victim)
    result = CliRunner().invoke(cli, ["link", "--db", db, "--extract-seconds", "0.5"])
    assert result.exit_code == 1
    assert f"failed: D301 stage 'extract' failed on article {victim}:" in result.stderr
    assert CliRunner().invoke(cli, ["check", "--db", db]).exit_code == 0
    again = CliRunner().invoke(cli, ["link", "--db", db, "--extract-seconds", "0.5"])
    assert again.exit_code == 0 and "failed:" not in again.stderr  # recorded, not redone


def test_dask_task_threads_carry_the_failure_to_the_store(
    store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """What a Dask worker does with a slice (on a task thread, so the watchdog limits it)."""
    pytest.importorskip("pyarrow")
    from dossier.jobs.ingest import IngestSummary
    from dossier.scale.load import load_item
    from dossier.scale.parquet import ItemResult, read_results, write_results
    from dossier.scale.tasks import _attach_extractions

    articles = store.articles()[:6]
    victim = articles[4].id
    stall_on(monkeypatch, victim)
    results = [ItemResult(i, "article", "src", f"r{i}", article=a) for i, a in enumerate(articles)]
    with ThreadPoolExecutor(1) as pool:
        pool.submit(_attach_extractions, results, 0.5).result(timeout=120)
    results = read_results(write_results(results))
    assert [r.extraction is None for r in results] == [a.id == victim for a in articles]
    failure = results[4].extraction_failure
    assert failure is not None and failure.code == "D301" and failure.article_id == victim
    with Store(tmp_path / "fresh.db") as fresh:
        for r in results:
            load_item(fresh, "sha", r, IngestSummary())
        assert [f.article_id for f in fresh.extraction_failures()] == [victim]


def test_recorded_failures_survive_export_and_import(
    store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from dossier.store.maintenance import check_store, export_store, import_store

    stall_on(monkeypatch, store.articles()[0].id, how="raise")
    run_extraction(store, seconds=5)
    export_store(store, tmp_path / "dump.jsonl.gz")
    with Store(tmp_path / "copy.db") as copy:
        import_store(copy, tmp_path / "dump.jsonl.gz")
        assert copy.extraction_failures() == store.extraction_failures() != []
        assert check_store(copy).ok

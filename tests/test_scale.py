"""dossier.scale: the Dask engine stores exactly what the single-process ingest stores.

One 2-worker local cluster serves the whole module (starting one costs seconds).
"""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest

pytest.importorskip("dask.distributed")

from dossier.clean import clean, document_lines  # noqa: E402
from dossier.jobs.extract import run_extraction  # noqa: E402
from dossier.jobs.ingest import IngestConfig, ingest  # noqa: E402
from dossier.jobs.link import run_linking  # noqa: E402
from dossier.scale import features, parquet, tasks  # noqa: E402
from dossier.scale.parquet import ItemResult, read_results, write_results  # noqa: E402
from dossier.scale.partitions import InputRef, Partition, plan_partitions  # noqa: E402
from dossier.sources import SourceConfig, read_input  # noqa: E402
from dossier.store import Store  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "sample"
ECB = ROOT.parent / "shared" / "datasets" / "stories" / "ecbplus-train-dev.jsonl"


@pytest.fixture(scope="module")
def runner():
    from dossier.scale.runner import DaskRunner

    with DaskRunner(workers=2, partition_size=5, progress=False) as r:
        yield r


def snapshot(store: Store) -> dict:
    """Everything the equality requirement names, in a comparable form."""
    rows = store.conn.execute
    return {
        "articles": [
            (a.id, a.version, a.text, a.title, a.url, a.outlet, a.author, a.published,
             a.removed, a.captions, a.credits, a.provenance, a.text_sha256)
            for a in store.articles()
        ],
        "documents": sorted(map(tuple, rows("SELECT * FROM documents"))),
        "rejections": [tuple(r) for r in rows("SELECT source, record, reason FROM rejections")],
        "line_stats": store.line_stats().to_rows(),
        "stories": sorted((s.id, tuple(s.article_ids)) for s in store.stories(limit=None)),
        "duplicates": sorted(map(tuple, rows("SELECT * FROM story_articles"))),
        "extractions": sorted(
            (k, repr(v.to_dict()))
            for k, v in store.extractions([a.id for a in store.articles()]).items()
        ),
    }


def both_engines(runner, paths: list[str], tmp_path: Path, runs: int = 1) -> tuple[dict, dict]:
    single, dask = Store(tmp_path / "single.db"), Store(tmp_path / "dask.db")
    config = IngestConfig(batch_size=7)
    for _ in range(runs):
        a = ingest(paths, single, config)
        run_extraction(single)
        run_linking(single)
        b = runner.ingest(paths, dask, config)
        assert run_extraction(dask) == []  # the workers extracted already
        runner.link(dask, batch_size=9)
        assert a.as_dict() == b.as_dict()
        assert (a.stored, a.unchanged, a.rejected) == (b.stored, b.unchanged, b.rejected)
    return snapshot(single), snapshot(dask)


def test_sample_corpus_equals_single_process(runner, tmp_path):
    single, dask = both_engines(runner, [str(SAMPLE)], tmp_path)
    assert len(single["articles"]) == 30 and len(single["stories"]) > 1
    assert single == dask


@pytest.mark.skipif(not ECB.exists(), reason="needs ../shared/datasets/stories")
def test_ecb_slice_equals_single_process(runner, tmp_path):
    lines = ECB.read_text(encoding="utf-8").splitlines()[:45]
    split = tmp_path / "in"
    split.mkdir()
    for i in range(0, len(lines), 15):  # three JSONL inputs, each cut into partitions
        (split / f"ecb-{i:03d}.jsonl").write_text("\n".join(lines[i : i + 15]) + "\n")
    single, dask = both_engines(runner, [str(split)], tmp_path)
    assert len(single["articles"]) == 45
    assert single == dask


def test_rerun_stores_nothing_twice_and_bad_input_is_rejected(runner, tmp_path):
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "good.jsonl").write_text(
        json.dumps({"title": "Dam opens", "text": "The new dam opened on Monday in the valley.",
                    "date": "2025-01-02"}) + "\n{not json\n"
    )
    (bad / "empty.txt").write_text("")
    (bad / "allbad.jsonl").write_text("{oops\n[1, 2\n")  # no document at all: not kept
    single, dask = both_engines(runner, [str(bad), str(SAMPLE)], tmp_path, runs=2)
    assert single == dask
    assert len(single["articles"]) == 31
    assert any("empty" in r[0] for r in dask["rejections"])
    assert any(r[0].endswith("good.jsonl") and r[1] for r in dask["rejections"])
    assert any(r[0].endswith("allbad.jsonl") for r in dask["rejections"])


def test_partition_that_fails_is_rejected_whole(runner):
    part = Partition(0, 0, "lost.jsonl", "0" * 64, 0, 3)
    future = runner._submit(
        tasks.clean_partition, part, InputRef("/nonexistent/dir/x.db", "lost.jsonl", "0" * 64),
        None, IngestConfig(), frozenset(), None, False,
    )
    (sha, item), = list(runner._results([part], [future]))
    assert (item.kind, item.source, item.record) == ("rejected", "lost.jsonl", "items 0-2")
    assert Partition(1, 0, "x", "y", 4, None).label == "items 4-end"
    assert item.reason.startswith("partition failed")


def _die_once(marker: str) -> int:
    """Kill this worker the first time, succeed when Dask reruns the task elsewhere."""
    if not os.path.exists(marker):
        Path(marker).write_text("died")
        os._exit(1)
    return os.getpid()


def test_worker_that_dies_is_retried(runner, tmp_path):
    future = runner._submit(_die_once, str(tmp_path / "marker"))
    assert future.result(timeout=60) > 0


@pytest.mark.parametrize(
    "fn",
    [read_input, document_lines, clean, tasks.observe_input, tasks.add_stats,
     tasks.cleaning_stats, tasks.clean_partition, tasks.observed_outline,
     features.article_features, write_results, read_results],
)
def test_stage_functions_pickle(fn):
    assert pickle.loads(pickle.dumps(fn)) is fn


def test_extract_many_pickles_when_present():
    run = tasks.extractor()
    if run is None:
        pytest.skip("dossier.extract.extract_many not on this branch yet")
    assert pickle.loads(pickle.dumps(run)) is run


def test_parquet_round_trip(tmp_path):
    doc = next(iter(read_input(_input(SAMPLE / "calderpost.jsonl"))))
    article = clean(doc)
    items = [ItemResult(0, "article", "s", "line 1", article=article, stats_rows=[("o", "h", 1)]),
             ItemResult(1, "dropped", "s", "line 2", "empty after cleaning")]
    assert read_results(write_results(items)) == items
    assert read_results(write_results(items, str(tmp_path / "p.parquet"))) == items
    assert parquet.read_results(str(tmp_path / "p.parquet"))[0].article.id == article.id


@pytest.mark.parametrize(("counts", "size", "expected"), [
    ([5, 0, 2], 2, [(0, 0, 2), (0, 2, 4), (0, 4, None), (1, 0, None), (2, 0, None)]),
    ([1], 10, [(0, 0, None)]),
])
def test_plan_partitions(counts, size, expected):
    inputs = [(f"f{i}", f"s{i}") for i in range(len(counts))]
    got = [(p.occurrence, p.start, p.stop) for p in plan_partitions(inputs, counts, size)]
    assert got == expected


def _input(path: Path):
    from dossier.sources import make_inputs

    return make_inputs(str(path), path.read_bytes(), SourceConfig())[0]


def test_ingest_cli_offers_the_dask_engine():
    from click.testing import CliRunner

    from dossier.cli.ingest import ingest_command

    out = CliRunner().invoke(ingest_command, ["--help"]).output
    assert "--engine [local|dask]" in out and "--scheduler" in out and "--workers" in out


def test_core_package_imports_without_dask():
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['dask'] = None; sys.modules['distributed'] = None\n"
        "import dossier.scale, dossier.scale.tasks, dossier.scale.features, dossier.cli.ingest\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr


def test_cli_dask_engine_stores_what_the_local_engine_stores(tmp_path):
    """End to end through the command line: `dossier ingest --engine dask --workers 2`
    (its own local cluster, extraction, linking and dossiers) against the default engine."""
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    stores = {}
    for engine in ("local", "dask"):
        db = tmp_path / f"{engine}.db"
        done = subprocess.run(
            [sys.executable, "-m", "dossier", "ingest", str(SAMPLE), "--db", str(db), "-q",
             "--engine", engine, *(["--workers", "2"] if engine == "dask" else [])],
            cwd=ROOT, capture_output=True, text=True, env=env, timeout=300,
        )
        assert done.returncode == 0, done.stderr
        assert "30 stored" in done.stdout and "6 stories" in done.stdout, done.stdout
        stores[engine] = Store(db)
    local, dask = snapshot(stores["local"]), snapshot(stores["dask"])
    assert local == dask
    dossiers = [
        {s.id: store.dossier_data(s.id) for s in store.stories(limit=None)}
        for store in stores.values()
    ]
    assert dossiers[0] == dossiers[1] and len(dossiers[0]) == 6
    assert all(data and data["facts"] for data in dossiers[0].values())


def test_a_malformed_url_is_reported_by_both_engines(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "urls.jsonl").write_text(json.dumps(
        {"url": "http://[::1", "title": "Port closed", "date": "2025-01-02",
         "text": "The harbour authority closed the port on Monday after a tanker ran aground."}
    ) + "\n")
    single, dask = Store(tmp_path / "single.db"), Store(tmp_path / "dask.db")
    a = ingest([str(folder)], single)
    b = runner.ingest([str(folder)], dask, IngestConfig())
    assert len(a.stored) == len(b.stored) == 1
    assert a.warnings and b.warnings == a.warnings
    assert "http://[::1" in b.warnings[0]

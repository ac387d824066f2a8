"""Concurrent use: two ingests on one store at once, and reads (store and API)
while an ingest writes. WAL lets readers run beside the one writer; BEGIN
IMMEDIATE plus busy_timeout makes a second writer wait its turn."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from reliability_corpus import write_corpus

from dossier.jobs.ingest import IngestConfig, ingest
from dossier.store import Store
from dossier.store.maintenance import check_store

ROOT = Path(__file__).resolve().parent.parent


def ingest_process(db: Path, *paths: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "dossier", "ingest", "--no-link", "-q", "--batch-size", "25"]
    command += ["--db", str(db), *map(str, paths)]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def finish(proc: subprocess.Popen) -> None:
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, (out.decode(), err.decode())


def versions(db: Path) -> list[tuple[str, int]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT id, COUNT(*) FROM articles GROUP BY id ORDER BY id").fetchall()


def test_two_ingests_at_once_store_everything_once(tmp_path: Path) -> None:
    both = write_corpus(tmp_path / "corpus", 400, per_file=40)
    parts = sorted(both.iterdir())
    db = tmp_path / "shared.db"
    first = ingest_process(db, *parts[: len(parts) * 2 // 3])
    second = ingest_process(db, *parts[len(parts) // 3 :])  # overlaps the first
    finish(first)
    finish(second)
    with Store(tmp_path / "alone.db") as store:
        ingest([str(both)], store, IngestConfig(batch_size=25))
    assert versions(db) == versions(tmp_path / "alone.db")
    assert all(n == 1 for _, n in versions(db)), "an article was stored twice"
    with Store(db, read_only=True) as store:
        report = check_store(store)
    assert report.ok, report.problems


def test_reads_go_on_while_an_ingest_writes(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", 400, per_file=20)
    db = tmp_path / "live.db"
    Store(db).close()  # the schema, so readers can open it before the first batch
    proc = ingest_process(db, corpus)
    counts: list[int] = []
    with Store(db, read_only=True) as reader:
        while proc.poll() is None:
            counts.append(reader.article_count())
            reader.search("council budget", limit=5)
            reader.articles(limit=20)
            time.sleep(0.05)
    finish(proc)
    assert counts == sorted(counts), "a reader saw the store go backwards"
    assert len(set(counts)) > 2, "the reads did not overlap the ingest"
    with Store(db, read_only=True) as store:
        assert store.article_count() == 400


def test_api_answers_while_an_ingest_writes(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from dossier.api.app import create_app

    corpus = write_corpus(tmp_path / "corpus", 300, per_file=15)
    db = tmp_path / "served.db"
    Store(db).close()
    proc = ingest_process(db, corpus)
    totals: list[int] = []
    with TestClient(create_app(db)) as client:
        while proc.poll() is None:
            response = client.get("/api/articles", params={"limit": 5})
            assert response.status_code == 200, response.text
            totals.append(response.json()["total"])
            assert client.get("/api/search", params={"q": "river"}).status_code == 200
            time.sleep(0.05)
        finish(proc)
        assert client.get("/api/articles").json()["total"] == 300
    assert totals == sorted(totals) and len(set(totals)) > 1


def test_processes_creating_one_new_store_together_all_succeed(tmp_path: Path) -> None:
    """Both the WAL switch and the first migration race when a store is new."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for trial in range(4):
        db = tmp_path / f"new{trial}.db"
        code = f"from dossier.store import Store\nStore({str(db)!r}).close()"
        procs = [
            subprocess.Popen([sys.executable, "-c", code], env=env, stderr=subprocess.PIPE)
            for _ in range(5)
        ]
        errors = [p.communicate(timeout=120)[1].decode() for p in procs]
        assert [p.returncode for p in procs] == [0] * 5, errors
        with Store(db, read_only=True) as store:
            assert store.article_count() == 0
            assert len(store.schema_version()) == len(set(store.schema_version()))

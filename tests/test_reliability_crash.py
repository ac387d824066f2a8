"""Crash consistency: an ingest killed with SIGKILL at random points, then re-run,
leaves exactly the store a clean run leaves (same rows, no duplicates, sound file)."""

from __future__ import annotations

import json
import os
import random
import signal
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
N_DOCS = 1500
BATCH = 40

#: What must be equal between the two stores (ingest times excluded).
COMPARED = {
    "articles": "SELECT id, version, text_sha256, text, title, url, outlet, author, published, "
    "removed, provenance FROM articles ORDER BY id, version",
    "documents": "SELECT * FROM documents ORDER BY input_sha256, record",
    "inputs": "SELECT sha256, name, size, data FROM inputs ORDER BY sha256",
    "rejections": "SELECT source, record, reason FROM rejections ORDER BY source, record",
    "line_stats": "SELECT * FROM line_stats ORDER BY outlet, line_hash",
}


def ingest_process(db: Path, corpus: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "dossier", "ingest", "--no-link", "-q"]
    command += ["--batch-size", str(BATCH), "--db", str(db), str(corpus)]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


def article_rows(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def kill_after_new_rows(proc: subprocess.Popen, db: Path, more: int, extra: float) -> bool:
    """SIGKILL once ``more`` new articles are committed, plus ``extra`` seconds (mid-batch)."""
    start = article_rows(db)
    while proc.poll() is None and article_rows(db) < start + more:
        time.sleep(0.05)
    time.sleep(extra)
    if proc.poll() is not None:
        return False
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return True


def dump(db: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(db) as conn:
        return {name: conn.execute(sql).fetchall() for name, sql in COMPARED.items()}


def test_sigkill_at_random_points_then_rerun_equals_a_clean_run(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", N_DOCS, per_file=100)
    clean_db, crash_db = tmp_path / "clean.db", tmp_path / "crash.db"
    with Store(clean_db) as store:
        ingest([str(corpus)], store, IngestConfig(batch_size=BATCH))

    rng = random.Random(int(os.environ.get("DOSSIER_CRASH_SEED", "20261123")))
    kills = 0
    first = ingest_process(crash_db, corpus)  # killed by time: imports, pass 1 or pass 2
    time.sleep(rng.uniform(0.5, 2.0))
    if first.poll() is None:
        first.send_signal(signal.SIGKILL)
        kills += 1
    first.wait()
    for _ in range(3):  # killed after some commits, somewhere inside the next batch
        proc = ingest_process(crash_db, corpus)
        kills += kill_after_new_rows(proc, crash_db, rng.randint(1, 60), rng.uniform(0, 0.1))
    assert kills >= 3, "the ingest finished before it could be killed enough times"
    assert 0 < article_rows(crash_db) < N_DOCS, "the kills left no partial store to resume"

    final = ingest_process(crash_db, corpus)
    _, err = final.communicate(timeout=300)
    assert final.returncode == 0, err.decode()

    clean, crashed = dump(clean_db), dump(crash_db)
    assert len(clean["articles"]) == N_DOCS  # one copy of the duplicate, nothing else lost
    for table in COMPARED:
        assert crashed[table] == clean[table], table
    with Store(crash_db, read_only=True) as store:
        report = check_store(store)
    assert report.ok, report.problems


class Crash(Exception):
    """Stands in for SIGKILL inside a batch: the batch's transaction rolls back."""


def test_resume_after_a_committed_duplicate_cleans_like_a_clean_run(tmp_path: Path) -> None:
    """A copy stored as "unchanged" before a crash must still count in line statistics."""
    line = "Follow the Harbor Ledger on every platform for breaking updates."
    prose = "The council voted on the river budget after a long debate on {}."
    docs = [
        {
            "url": f"https://h.example/{n}",
            "outlet": "Harbor Ledger",
            "text": f"{prose.format(topic)}\n\n{line}\n\nThe mayor spoke about {topic} again.",
        }
        for n, topic in enumerate(["bridges", "schools", "taxes"])
    ]
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.jsonl").write_text("\n".join(json.dumps(d) for d in [docs[0], docs[0]]) + "\n")
    (corpus / "b.jsonl").write_text(json.dumps(docs[2]) + "\n")
    config = IngestConfig(batch_size=2)
    with Store(tmp_path / "clean.db") as store:
        ingest([str(corpus)], store, config)
    crashed = tmp_path / "crash.db"
    with Store(crashed) as store:
        seen: list[str] = []

        def crash_in_second_batch(source: str) -> None:
            seen.append(source)
            if len(seen) == 3:
                raise Crash

        with pytest.raises(Crash):
            ingest([str(corpus)], store, config, progress=crash_in_second_batch)
        assert store.article_count() == 1
        ingest([str(corpus)], store, config)
    clean, resumed = dump(tmp_path / "clean.db"), dump(crashed)
    assert resumed["articles"] == clean["articles"]
    assert resumed["line_stats"] == clean["line_stats"]

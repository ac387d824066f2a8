"""Memory over a long ingest: resident set size (RSS) as documents go by.

    python benchmarks/memory.py [--n 50000] [--per-file 500] [--samples 20]

Writes ``--n`` synthetic news documents (JSONL files of ``--per-file`` lines plus
loose text files, four outlets with recurring boilerplate; the generator the
reliability tests use) to a temporary folder, ingests them into a fresh on-disk
store without the downstream stages, and prints RSS at ``--samples`` evenly
spaced points. Flat after warm-up is the target: growth per 10k documents is
printed at the end. What does grow by design: the outlet line statistics
(one entry per distinct line per outlet, kept in memory for cleaning).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from reliability_corpus import write_corpus  # noqa: E402

from dossier.jobs.ingest import IngestConfig, ingest  # noqa: E402
from dossier.store import Store  # noqa: E402


def rss_mb() -> float:
    """Current (not peak) resident set size, from /proc where there is one."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[1])
        import os

        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50_000, help="documents to ingest")
    parser.add_argument("--per-file", type=int, default=500, help="JSONL lines per file")
    parser.add_argument("--samples", type=int, default=20, help="RSS readings to print")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_corpus(Path(tmp) / "corpus", args.n, per_file=args.per_file)
        every = max(1, args.n // args.samples)
        rows: list[tuple[int, float, float]] = []
        start = time.monotonic()
        seen = 0

        def progress(_source: str) -> None:
            nonlocal seen
            seen += 1
            if seen % every == 0:
                rows.append((seen, time.monotonic() - start, rss_mb()))

        before = rss_mb()
        with Store(Path(tmp) / "memory.db") as store:
            summary = ingest([str(corpus)], store, IngestConfig(), progress=progress)
        closed = rss_mb()
    print(f"RSS before ingest: {before:.0f} MB; stored {len(summary.stored)} articles")
    print(f"{'documents':>10} {'seconds':>8} {'RSS MB':>8} {'docs/s':>7}")
    for docs, secs, rss in rows:
        print(f"{docs:>10} {secs:>8.1f} {rss:>8.0f} {docs / max(secs, 1e-9):>7.0f}")
    print(f"RSS after the store is closed: {closed:.0f} MB")
    warm = rows[len(rows) // 4] if len(rows) >= 4 else rows[0]
    last = rows[-1]
    growth = (last[2] - warm[2]) / max(1, (last[0] - warm[0])) * 10_000
    print(f"growth after warm-up: {growth:+.1f} MB per 10k documents")


if __name__ == "__main__":
    main()

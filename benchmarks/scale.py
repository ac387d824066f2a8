"""Scale-out benchmark: ``dossier ingest --engine dask`` with 1 and 2 local workers.

Builds a corpus of ``--n`` articles (default 100k) by recombining real news
paragraphs from ``../shared/datasets/`` (ECB+ stories, TempEval-3 AQUAINT) with a
fixed seed: each article takes a headline and 4-9 paragraphs from random source
articles, an outlet with its own recurring boilerplate lines (so the line
statistics matter), and a date in 2024. Written as JSONL files of 1,000 records.

Prints, per worker count: articles/s end to end (parsed, cleaned, extracted
when the stage provides ``extract_many`` unless ``--no-extract``, and committed
to SQLite), articles/s
of the distributed part alone (until the last partition was computed), peak
RSS per worker, CPU milliseconds the workers spent per article (equal for 1 and 2
workers means the work splits without overhead; on a machine busy with other
work the wall-clock speed-up falls short of that), and the speed-ups over 1 worker.

    PYTHONPATH=. python benchmarks/scale.py [--n 100000] [--workers 1 2] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATASETS = ROOT.parent / "shared" / "datasets"
OUTLETS = {
    "Lakeside Herald": ["Follow the Lakeside Herald on X for live updates.",
                        "Sign up for the Herald Morning newsletter. SIGN UP"],
    "Northgate Times": ["Support independent journalism. Become a member today.",
                        "(c) 2024 Northgate Times. All rights reserved."],
    "Riverbend Post": ["Get the Post Briefing in your inbox every weekday. Sign up here.",
                       "Share this article"],
    "Coastline Wire": ["(Reporting by the Coastline Wire desk; Editing by the news team)",
                       "Read more: our full coverage of the week's events"],
}
PER_FILE = 1000


def source_texts() -> list[tuple[str, list[str]]]:
    """(headline, paragraphs) of every real article the corpus recombines."""
    texts = []
    ecb = DATASETS / "stories" / "ecbplus-train-dev.jsonl"
    for line in ecb.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        paras = [p.strip() for p in row["text"].split("\n")[1:] if len(p.strip()) > 40]
        texts.append((row["title"], paras))
    tempeval = DATASETS / "dates" / "tempeval3-aquaint.jsonl"
    if tempeval.exists():
        for line in tempeval.read_text(encoding="utf-8").splitlines():
            paras = [p.strip() for p in json.loads(line)["text"].split("\n\n")
                     if len(p.strip()) > 40]
            if paras:
                texts.append((paras[0][:90], paras[1:] or paras))
    return [t for t in texts if t[1]]


def build_corpus(folder: Path, n: int, seed: int) -> list[str]:
    """Write ``n`` recombined articles as JSONL files; return their paths."""
    rng = random.Random(seed)
    texts = source_texts()
    outlets = sorted(OUTLETS)
    paths = []
    for start in range(0, n, PER_FILE):
        path = folder / f"part-{start // PER_FILE:05d}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for i in range(start, min(n, start + PER_FILE)):
                outlet = rng.choice(outlets)
                title = rng.choice(texts)[0]
                body = [rng.choice(rng.choice(texts)[1]) for _ in range(rng.randint(4, 9))]
                record = {
                    "url": f"https://{outlet.lower().replace(' ', '')}.example/{i}",
                    "title": title,
                    "text": "\n".join([title, *body, *OUTLETS[outlet]]),
                    "date": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                    "outlet": outlet,
                }
                out.write(json.dumps(record) + "\n")
        paths.append(str(path))
    return paths


class PeakMemory:
    """Samples every worker's RSS and CPU time twice a second; keeps the peak RSS per worker."""

    def __init__(self, client) -> None:
        self.client = client
        self.peak: dict[str, int] = {}
        self.cpu_start = {w: cpu for w, (_, cpu) in client.run(_rss).items()}
        self.cpu_last = dict(self.cpu_start)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while not self._stop.wait(0.5):
            try:
                rss = self.client.run(_rss)
            except Exception:  # noqa: BLE001 - a worker restarting mid-sample
                continue
            for worker, (value, cpu) in rss.items():
                self.peak[worker] = max(self.peak.get(worker, 0), value)
                self.cpu_last[worker] = cpu

    def stop(self) -> dict[str, int]:
        self._stop.set()
        self._thread.join()
        return self.peak

    def cpu_seconds(self) -> float:
        """CPU seconds all workers spent since the clock started."""
        return sum(self.cpu_last[w] - self.cpu_start.get(w, 0.0) for w in self.cpu_last)


def _warm(extract: bool) -> None:
    if extract:
        from dossier.extract import _pipeline

        _pipeline()


def _rss() -> tuple[int, float]:
    import psutil

    proc = psutil.Process()
    times = proc.cpu_times()
    return proc.memory_info().rss, times.user + times.system


def run_once(paths: list[str], workers: int, folder: Path, extract: bool) -> dict:
    from dossier.jobs.ingest import IngestConfig
    from dossier.scale.runner import DaskRunner
    from dossier.store import Store

    store = Store(folder / f"bench-{workers}.db")
    with DaskRunner(workers=workers, progress=False, extract=extract) as runner:
        runner.client.run(_warm, extract)  # workers up, NLP model loaded, before the clock
        memory = PeakMemory(runner.client)
        client_cpu = _rss()[1]
        summary = runner.ingest(paths, store, IngestConfig(batch_size=500))
        client_cpu = _rss()[1] - client_cpu
        peak = memory.stop()
        cpu = memory.cpu_seconds()
        timings = dict(runner.timings)
    store.close()
    n = len(summary.stored)
    return {
        "workers": workers, "articles": n,
        "total_s": timings["total"], "rate": n / timings["total"],
        "map_rate": n / timings.get("pass2", timings["total"]),
        "peak_mb": max(peak.values(), default=0) / 2**20,
        "cpu_ms": 1000 * cpu / max(n, 1),
        "client_ms": 1000 * client_cpu / max(n, 1),
        "cpu_split": sorted(
            memory.cpu_last[w] - memory.cpu_start.get(w, 0.0) for w in memory.cpu_last
        ),
        "timings": timings,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="articles in the corpus")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-extract", action="store_true",
                        help="parse and clean only (extraction left to the later job)")
    args = parser.parse_args(argv)
    if not (DATASETS / "stories" / "ecbplus-train-dev.jsonl").exists():
        sys.exit(f"needs {DATASETS} (the shared datasets)")
    with tempfile.TemporaryDirectory(prefix="dossier-scale-") as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        paths = build_corpus(folder, args.n, args.seed)
        print(f"corpus: {args.n} articles in {len(paths)} JSONL files "
              f"({time.perf_counter() - t0:.1f}s to build)")
        rows = [run_once(paths, w, folder, not args.no_extract) for w in args.workers]
    base = rows[0]
    load = os.getloadavg()
    print(f"machine: {os.cpu_count()} cores, load average {load[0]:.1f} / {load[1]:.1f} "
          "(1 / 5 min; other work on the machine lowers the speed-up)")
    print(f"{'workers':>7} {'articles':>9} {'total s':>8} {'art/s':>8} {'map art/s':>10} "
          f"{'peak MB/worker':>15} {'worker cpu ms/art':>18} {'speed-up':>9} "
          f"{'map speed-up':>13}")
    for r in rows:
        print(f"{r['workers']:>7} {r['articles']:>9} {r['total_s']:>8.1f} {r['rate']:>8.1f} "
              f"{r['map_rate']:>10.1f} {r['peak_mb']:>15.0f} {r['cpu_ms']:>18.1f} "
              f"{r['rate'] / base['rate']:>8.2f}x {r['map_rate'] / base['map_rate']:>12.2f}x")
    for r in rows:
        phases = ", ".join(f"{k} {v:.1f}s" for k, v in r["timings"].items())
        split = "/".join(f"{c:.0f}" for c in r["cpu_split"])
        print(f"  {r['workers']} worker(s): {phases} (pass2 = until the last partition "
              f"computed); worker CPU s {split}; client (load + scheduler) "
              f"CPU {r['client_ms']:.1f} ms/article")


if __name__ == "__main__":
    main()

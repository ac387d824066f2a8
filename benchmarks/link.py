"""Linking throughput and memory at 10k, 100k (and, with --full, 1M) articles.

Articles are synthesised by recombining sentences of real texts from
../shared/datasets (ECB+ and SemEval-2022 Task 8 English texts): each one takes
a run of sentences from one source text plus a few from others, ~300 articles a
day, with 5% verbatim copies. They are generated one at a time, so the
benchmark itself holds only the source sentences and a short copy window; what
grows is the linker's own bookkeeping (every article's assignment, every
story's member list). Each size runs in a fresh process, so its RSS column is
that run's peak. The table shows throughput over the first and last 10% of
each run (a flat per-article cost shows as equal columns) and the load average
of the machine while it ran (other people's jobs slow it).

    PYTHONPATH=. python benchmarks/link.py [--full] [--sizes 10000 100000]
"""

from __future__ import annotations

import argparse
import csv
import json
import multiprocessing
import os
import random
import re
import resource
import sys
import time
from collections import deque
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from dossier.link import Linker
from dossier.model import Article

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "datasets"
_SENT = re.compile(r"(?<=[.!?])\s+")
#: Articles a synthetic day holds, and how far back a verbatim copy may reach.
PER_DAY = 300
COPY_WINDOW = 500


def source_texts() -> list[list[str]]:
    texts = []
    with open(SHARED / "stories" / "ecbplus-train-dev.jsonl", encoding="utf-8") as handle:
        texts += [json.loads(line)["text"] for line in handle if line.strip()]
    with open(SHARED / "similarity" / "semeval2022-task8" / "pairs.csv", encoding="utf-8") as h:
        for row in csv.DictReader(h):
            texts += [row[f"text{i}"] for i in (1, 2) if row[f"lang{i}"] == "en"]
    return [s for s in (_SENT.split(t) for t in texts) if len(s) >= 3]


def synthesise(n: int, seed: int = 7) -> Iterator[Article]:
    """``n`` synthetic articles, one at a time (memory independent of ``n``)."""
    rng = random.Random(seed)
    docs = source_texts()
    start = date(2020, 1, 1)
    recent: deque[Article] = deque(maxlen=COPY_WINDOW)
    for i in range(n):
        day = (start + timedelta(days=i // PER_DAY)).isoformat()
        if recent and rng.random() < 0.05:
            src = recent[rng.randrange(len(recent))]
            article = Article(id=f"b{i}", text=src.text, title="copy", published=day)
        else:
            base = docs[rng.randrange(len(docs))]
            lo = rng.randrange(len(base))
            sents = base[lo : lo + rng.randint(3, 8)]
            for _ in range(rng.randint(1, 3)):
                other = docs[rng.randrange(len(docs))]
                sents.append(other[rng.randrange(len(other))])
            article = Article(id=f"b{i}", text=" ".join(sents), title=sents[0][:80], published=day)
        recent.append(article)
        yield article


def run(n: int) -> dict[str, float]:
    """Link ``n`` synthetic articles; throughput overall, first and last 10%, peak RSS."""
    linker = Linker()
    tenth = max(1, n // 10)
    load = os.getloadavg()[0]
    spent, stamps = 0.0, [0.0]  # linking time only, not the synthesis
    for i, article in enumerate(synthesise(n), 1):
        started = time.perf_counter()
        linker.add(article)
        spent += time.perf_counter() - started
        if i % tenth == 0:
            stamps.append(spent)
    return {
        "rate": n / spent,
        "first": tenth / (stamps[1] - stamps[0]),
        "last": tenth / (stamps[-1] - stamps[-2]),
        "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "stories": len(linker.stories()),
        "load": (load + os.getloadavg()[0]) / 2,
    }


def _child(n: int, queue: multiprocessing.Queue) -> None:
    queue.put(run(n))


def run_fresh(n: int) -> dict[str, float]:
    """``run`` in a fresh process, so peak RSS is this size's alone."""
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(n, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--full", action="store_true", help="also run 1M articles (long)")
    args = parser.parse_args(argv)
    sizes = args.sizes + ([1_000_000] if args.full else [])
    print(
        f"{'articles':>10}{'art/s':>8}{'us/art':>8}{'first10%':>10}{'last10%':>9}"
        f"{'RSS MiB':>9}{'stories':>9}{'load':>6}"
    )
    for n in sizes:
        r = run_fresh(n)
        print(
            f"{n:>10}{r['rate']:>8.0f}{1e6 / r['rate']:>8.0f}{r['first']:>10.0f}{r['last']:>9.0f}"
            f"{r['rss']:>9.0f}{r['stories']:>9}{r['load']:>6.2f}",
            flush=True,
        )


if __name__ == "__main__":
    sys.exit(main())

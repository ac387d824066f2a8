"""Linking throughput and memory at 10k, 100k (and, with --full, 1M) articles.

Articles are synthesised by recombining sentences of real texts from
../shared/datasets (ECB+ and SemEval-2022 Task 8 English texts): each one takes
a run of sentences from one source text plus a few from others, ~300 articles a
day, with 5% verbatim copies. The table shows throughput over the first and
last 10% of each run, so a flat per-article cost shows as equal columns.

    PYTHONPATH=. python benchmarks/link.py [--full] [--sizes 10000 100000]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import psutil

from dossier.link import Linker
from dossier.model import Article

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "datasets"
_SENT = re.compile(r"(?<=[.!?])\s+")


def source_texts() -> list[list[str]]:
    texts = []
    with open(SHARED / "stories" / "ecbplus-train-dev.jsonl", encoding="utf-8") as handle:
        texts += [json.loads(line)["text"] for line in handle if line.strip()]
    with open(SHARED / "similarity" / "semeval2022-task8" / "pairs.csv", encoding="utf-8") as h:
        for row in csv.DictReader(h):
            texts += [row[f"text{i}"] for i in (1, 2) if row[f"lang{i}"] == "en"]
    return [s for s in (_SENT.split(t) for t in texts) if len(s) >= 3]


def synthesise(n: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    docs = source_texts()
    start = date(2020, 1, 1)
    out: list[Article] = []
    for i in range(n):
        day = (start + timedelta(days=i // 300)).isoformat()
        if out and rng.random() < 0.05:
            src = out[rng.randrange(max(0, len(out) - 500), len(out))]
            out.append(Article(id=f"b{i}", text=src.text, title="copy", published=day))
            continue
        base = docs[rng.randrange(len(docs))]
        lo = rng.randrange(len(base))
        sents = base[lo : lo + rng.randint(3, 8)]
        for _ in range(rng.randint(1, 3)):
            other = docs[rng.randrange(len(docs))]
            sents.append(other[rng.randrange(len(other))])
        out.append(Article(id=f"b{i}", text=" ".join(sents), title=sents[0][:80], published=day))
    return out


def run(n: int) -> tuple[float, float, float, float, int]:
    articles = synthesise(n)
    linker = Linker()
    tenth = max(1, n // 10)
    stamps = [time.perf_counter()]
    for i, article in enumerate(articles, 1):
        linker.add(article)
        if i % tenth == 0:
            stamps.append(time.perf_counter())
    total = stamps[-1] - stamps[0]
    first, last = stamps[1] - stamps[0], stamps[-1] - stamps[-2]
    rss = psutil.Process().memory_info().rss / 2**20
    return n / total, tenth / first, tenth / last, rss, len(linker.stories())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--full", action="store_true", help="also run 1M articles (long)")
    args = parser.parse_args(argv)
    sizes = args.sizes + ([1_000_000] if args.full else [])
    print(f"{'articles':>10}{'art/s':>9}{'first10%':>10}{'last10%':>9}{'RSS MiB':>9}{'stories':>9}")
    for n in sizes:
        rate, first, last, rss, stories = run(n)
        print(f"{n:>10}{rate:>9.0f}{first:>10.0f}{last:>9.0f}{rss:>9.0f}{stories:>9}", flush=True)


if __name__ == "__main__":
    sys.exit(main())

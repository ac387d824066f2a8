"""Throughput of dossier's English pipeline: model load time and words/s with nlp.pipe.

Runs in one process on one thread (set before numpy/spaCy load) so the figure
is per core; on a shared machine the CPU-time rate is the per-core figure, the
wall-clock rate also counts time the process waited for a core. Texts: the
seed articles and ECB+ news articles from ../shared when present, repeated
until ``--words`` words are processed.

    python benchmarks/nlp.py [--words 200000] [--batch-size 64]
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"


def articles() -> list[str]:
    """Real news-like texts: seeds and ECB+ articles (falls back to seeds only)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "corpus/seeds").glob("*.txt"))]
    ecb = SHARED / "datasets/stories/ecbplus-train-dev.jsonl"
    if ecb.exists():
        with open(ecb, encoding="utf-8") as handle:
            texts.extend(json.loads(line)["text"] for line in handle)
    if not texts:
        texts = ["The minister met his Ukrainian counterpart in Kyiv on Monday, officials said."]
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()

    from dossier.nlp import load  # imports spaCy (not counted as model load)

    started, cpu = time.perf_counter(), time.process_time()
    nlp = load()
    load_s, load_cpu = time.perf_counter() - started, time.process_time() - cpu
    texts = articles()
    batch: list[str] = []
    total = 0
    while total < args.words:
        for text in texts:
            batch.append(text)
            total += len(text.split())
            if total >= args.words:
                break
    started, cpu = time.perf_counter(), time.process_time()
    tokens = sum(len(doc) for doc in nlp.pipe(batch, batch_size=args.batch_size))
    seconds, cpu_s = time.perf_counter() - started, time.process_time() - cpu
    words = sum(len(t.split()) for t in batch)
    print(f"{'metric':<28}{'value':>14}")
    print(f"{'model load wall (s)':<28}{load_s:>14.2f}")
    print(f"{'model load cpu (s)':<28}{load_cpu:>14.2f}")
    print(f"{'articles':<28}{len(batch):>14,}")
    print(f"{'words (whitespace)':<28}{words:>14,}")
    print(f"{'tokens':<28}{tokens:>14,}")
    print(f"{'seconds wall':<28}{seconds:>14.2f}")
    print(f"{'seconds cpu':<28}{cpu_s:>14.2f}")
    print(f"{'words/s wall':<28}{words / seconds:>14,.0f}")
    print(f"{'words/s per core (cpu)':<28}{words / cpu_s:>14,.0f}")
    print(f"{'tokens/s per core (cpu)':<28}{tokens / cpu_s:>14,.0f}")
    print(f"{'pipeline':<28}{', '.join(nlp.pipe_names):>14}")


if __name__ == "__main__":
    main()

"""Throughput of extraction on top of the language pipeline, in articles per second.

Runs on PolNeAR dev texts (84 news articles) when ../shared is present, else on the
seed articles repeated. Prints a table: pipeline only (nlp.pipe), pipeline +
extraction (extract_many), the same under the per-article time limit of the
extraction job (extract_guarded, 60 s: the batched path plus its timer), and
extraction with rules only (no model).
Usage: PYTHONPATH=. python benchmarks/extract.py [N_ARTICLES]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from dossier.extract import extract_from_doc, extract_many
from dossier.jobs.extract import extract_guarded
from dossier.model import Article

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def articles(n: int) -> list[Article]:
    texts = sorted((SHARED / "datasets" / "quotes" / "polnear" / "dev" / "text").glob("*.txt"))
    if not texts:
        texts = sorted((SHARED / "corpus" / "seeds").glob("*.txt"))
    out = [Article(id=f"b{i}", text=texts[i % len(texts)].read_text(encoding="utf-8"))
           for i in range(n)]
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 84
    arts = articles(n)
    chars = sum(len(a.text) for a in arts)
    rows = []
    try:
        from dossier.nlp import load

        nlp = load()
        nlp("warm up")
        t = time.perf_counter()
        list(nlp.pipe((a.text for a in arts), batch_size=16))
        rows.append(("pipeline only (nlp.pipe)", time.perf_counter() - t))
        t = time.perf_counter()
        list(extract_many(arts, nlp=nlp, batch_size=16))
        rows.append(("pipeline + extraction", time.perf_counter() - t))
        t = time.perf_counter()
        list(extract_guarded(arts, seconds=60, nlp=nlp, batch_size=16))
        rows.append(("same, 60 s limit per article", time.perf_counter() - t))
    except Exception as exc:  # noqa: BLE001
        print(f"(no pipeline: {exc})")
    t = time.perf_counter()
    for a in arts:
        extract_from_doc(a, None)
    rows.append(("extraction, rules only", time.perf_counter() - t))
    print(f"{n} articles, {chars / n:.0f} chars each on average")
    print(f"{'stage':<28} {'seconds':>8} {'articles/s':>11}")
    for name, secs in rows:
        print(f"{name:<28} {secs:8.2f} {n / secs:11.1f}")


if __name__ == "__main__":
    main()

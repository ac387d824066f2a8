"""Ingest throughput: articles/s for plain text and HTML, single process, and peak memory.

    python benchmarks/ingest.py [--n 2000]

Plain text: seed-like articles built by recombining the paragraphs of the
sample corpus (with its boilerplate). HTML: the real pages of the AEB benchmark
in ../shared/datasets/extraction/aeb (repeated with a unique marker so each is a
new article). Each run ingests into a fresh on-disk SQLite store, without the
downstream stages (``--no-link``), and prints one table row per format.
"""

from __future__ import annotations

import argparse
import gzip
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dossier.jobs.ingest import ingest  # noqa: E402
from dossier.store import Store  # noqa: E402

AEB = ROOT.parent / "shared" / "datasets" / "extraction" / "aeb" / "html"


def make_text_corpus(folder: Path, n: int) -> None:
    paragraphs = []
    for path in sorted((ROOT / "examples" / "sample").glob("*.txt")):
        paragraphs += [p for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    rng = random.Random(7)
    for i in range(n):
        body = "\n".join(rng.sample(paragraphs, k=min(12, len(paragraphs))))
        (folder / f"{i:06d}.txt").write_text(f"date 2025-03-{1 + i % 28:02d}\n{body}\n", "utf-8")


def make_html_corpus(folder: Path, n: int) -> None:
    pages = [gzip.decompress(p.read_bytes()).decode("utf-8", "replace")
             for p in sorted(AEB.glob("*.html.gz"))]
    if not pages:
        raise SystemExit(f"no AEB pages under {AEB}")
    for i in range(n):
        # A unique sentence inside the first paragraphs makes each copy a new article.
        page = pages[i % len(pages)].replace("</p>", f" Copy number {i}.</p>", 3)
        (folder / f"{i:06d}.html").write_text(page, "utf-8")


def run(fmt: str, n: int) -> tuple[str, int, float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        (make_text_corpus if fmt == "text" else make_html_corpus)(folder, n)
        store = Store(Path(tmp) / "bench.db")
        start = time.perf_counter()
        summary = ingest([str(folder)], store)
        elapsed = time.perf_counter() - start
        store.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return fmt, len(summary.stored), summary.documents / elapsed, peak_mb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="documents per format")
    args = parser.parse_args()
    print(f"{'format':<8} {'stored':>7} {'articles/s':>11} {'peak RSS MB':>12}")
    for fmt in ("text", "html"):
        name, stored, rate, peak = run(fmt, args.n)
        print(f"{name:<8} {stored:>7} {rate:>11.1f} {peak:>12.1f}")


if __name__ == "__main__":
    main()

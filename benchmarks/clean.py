"""Cleaning throughput: documents per second for plain text and HTML.

Inputs are the two seed articles (plain text) and AEB pages (HTML, and their
visible text as a page-sized plain-text case) when ../shared is present;
otherwise small synthetic documents. Run: ``python benchmarks/clean.py``.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dossier.clean import LineStats, clean, lines_for_stats  # noqa: E402
from dossier.eval.extraction import load_pages, page_text  # noqa: E402
from dossier.model import Provenance, RawDocument  # noqa: E402

SHARED = ROOT / ".." / "shared"
PROSE = "The council approved the new budget on Tuesday after a long debate in the chamber."


def _docs() -> dict[str, list[RawDocument]]:
    prov = Provenance("bench", "text", "0" * 64)
    seeds = sorted((SHARED / "corpus" / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds] or ["\n".join([PROSE] * 12)]
    aeb = SHARED / "datasets" / "extraction" / "aeb"
    pages = list(load_pages(aeb, limit=40)) if aeb.is_dir() else []
    html = [p.html for p in pages] or [f"<html><body><p>{PROSE}</p></body></html>"]
    return {
        "text (article-sized)": [RawDocument(prov, text=t) for t in texts],
        "text (whole page)": [RawDocument(prov, text=page_text(h)) for h in html],
        "html (trafilatura)": [RawDocument(prov, html=h) for h in html],
    }


def _rate(docs: list[RawDocument], run: Callable[[RawDocument], object], seconds: float) -> float:
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for doc in docs:
            run(doc)
        done += len(docs)
    return done / (time.perf_counter() - start)


def main(seconds: float = 3.0) -> None:
    stats = LineStats()
    for doc in _docs()["text (article-sized)"] * 5:
        stats.observe("Bench", lines_for_stats(doc))
    print(f"{'input':<26} {'docs':>5} {'docs/s':>9}")
    for name, docs in _docs().items():
        rate = _rate(docs, clean, seconds)
        print(f"{name:<26} {len(docs):5d} {rate:9.1f}")
    docs = _docs()["text (article-sized)"]
    rate = _rate(docs, lambda d: clean(d, stats=stats), seconds)
    print(f"{'text + LineStats':<26} {len(docs):5d} {rate:9.1f}")


if __name__ == "__main__":
    main()

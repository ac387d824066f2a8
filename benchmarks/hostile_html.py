"""Time to clean the 9 MB page of 300 000 ``<p>`` (issue 16, item 4).

Uncapped, trafilatura spends minutes in one lxml XPath call on this page, out
of reach of the in-thread time limit; with ``CleanConfig.html_max_elements`` the
page is refused after one regex count. Run: ``python benchmarks/hostile_html.py
[paragraphs]`` (default 300000); prints seconds and what ``clean`` returned.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dossier.clean import clean  # noqa: E402
from dossier.model import Provenance, RawDocument  # noqa: E402
from tests.hostile_pages import many_paragraphs_page  # noqa: E402


def main(paragraphs: int) -> None:
    html = many_paragraphs_page(paragraphs)
    doc = RawDocument(Provenance("bench", "html", "0" * 64), html=html)
    start = time.perf_counter()
    result = clean(doc)
    seconds = time.perf_counter() - start
    outcome = getattr(result, "reason", None) or f"article of {len(result.text)} characters"
    print(f"{paragraphs} <p>, {len(html) / 2**20:.1f} MiB: {seconds:.2f} s -> {outcome}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300_000)

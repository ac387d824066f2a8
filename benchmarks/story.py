"""Time to build one dossier for stories of 2, 20 and 200 articles.

Articles come from the bundled synthetic sample (examples/sample/*.txt), reused
under new ids and outlets to reach 200; run: ``PYTHONPATH=. python benchmarks/story.py``.
"""

from __future__ import annotations

import time
from pathlib import Path

from dossier.model import Article, Story
from dossier.story import build_dossier, render

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample"


def _articles() -> list[Article]:
    out = []
    for path in sorted(SAMPLE.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        out.append(Article(id=path.name, text="\n".join(lines[2:]), title=lines[1],
                           outlet=path.name.split("_")[0], published=lines[0].split()[1]))
    return out


def _story(size: int) -> list[Article]:
    base = _articles()
    out = []
    for i in range(size):
        a = base[i % len(base)]
        copy = i // len(base)
        out.append(Article(id=f"{a.id}-{copy}", text=a.text, title=a.title,
                           outlet=f"{a.outlet}-{copy % 7}", published=a.published))
    return out


def main() -> None:
    print(f"{'articles':>8} {'build s':>8} {'render s':>8} {'facts':>6} {'multi':>6}")
    for size in (2, 20, 200):
        articles = _story(size)
        story = Story(id=f"bench-{size}", article_ids=[a.id for a in articles])
        start = time.perf_counter()
        dossier = build_dossier(story, articles, {})
        built = time.perf_counter()
        for fmt in ("text", "markdown", "json", "csv"):
            render(dossier, fmt)
        rendered = time.perf_counter()
        multi = sum(1 for f in dossier.facts if f.corroboration >= 2)
        print(f"{size:>8} {built - start:>8.2f} {rendered - built:>8.2f} "
              f"{len(dossier.facts):>6} {multi:>6}")


if __name__ == "__main__":
    main()

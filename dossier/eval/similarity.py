"""Story-similarity evaluation: Pearson r of dossier's similarity against human scores.

SemEval-2022 Task 8 rates article pairs 1 (same story) .. 4 (unrelated) on
``Overall``. The IDF statistics come from the pairs' own texts, unsupervised
(no scores are read to build them), the way a running linker's statistics come
from the articles it has seen. Higher similarity should mean a lower score, so
the r reported is that of the distance ``1 - similarity``.

The texts are raw scrapes flattened to one line (headline, body, sign-up and
cookie notices run together), while ingest hands the linker cleaned articles.
So each text is cut at sentence ends and wide gaps into pseudo lines, and the
lines the clean stage's boilerplate rules flag ("Sign up to our newsletter",
"All rights reserved") are dropped. The headline cannot be told from the first
sentence (one space apart), so the article keeps them together as its text.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossier.clean.lines import features, line_reason
from dossier.link.features import article_terms
from dossier.link.similarity import similarity
from dossier.link.vectors import DocumentFrequencies
from dossier.model import Article


@dataclass(frozen=True)
class SimilarityScores:
    subset: str
    pairs: int
    pearson_r: float


def read_pairs(path: str | Path) -> list[tuple[Article, Article, float, str]]:
    """(article 1, article 2, Overall score, "lang1-lang2") per row."""
    out = []
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            a = scraped_article(f"{row['pair_id']}#1", row["text1"], row["lang1"])
            b = scraped_article(f"{row['pair_id']}#2", row["text2"], row["lang2"])
            out.append((a, b, float(row["Overall"]), f"{row['lang1']}-{row['lang2']}"))
    return out


#: Pseudo-line breaks of a flattened scrape: a sentence end before a capital, or a wide gap.
_PSEUDO_LINE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])|\s{2,}|\n")


def scraped_article(article_id: str, raw: str, language: str | None = None) -> Article:
    """An Article from a flattened scrape, its boilerplate pseudo lines dropped."""
    lines = [line.strip() for line in _PSEUDO_LINE.split(raw) if line.strip()]
    body = [line for line in lines if line_reason(features(line)) is None]
    return Article(id=article_id, text=" ".join(body or lines), language=language)


def pearson(xs: list[float], ys: list[float]) -> float:
    n = len(xs)
    if n < 2:
        return float("nan")
    mx, my = sum(xs) / n, sum(ys) / n
    cov = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    vx = sum((x - mx) ** 2 for x in xs)
    vy = sum((y - my) ** 2 for y in ys)
    return cov / math.sqrt(vx * vy) if vx and vy else float("nan")


#: Subsets reported: English pairs (the dense views apply), other same-language pairs
#: (words only), cross-language pairs (no shared words: near chance), and all.
SUBSETS: dict[str, Callable[[str, str], bool]] = {
    "en-en": lambda l1, l2: l1 == l2 == "en",
    "same-lang": lambda l1, l2: l1 == l2 != "en",
    "cross-lang": lambda l1, l2: l1 != l2,
    "all": lambda l1, l2: True,
}


def evaluate_similarity(path: str | Path, **kwargs: Any) -> list[SimilarityScores]:
    """Pearson r of distance vs ``Overall`` per language subset (see ``SUBSETS``)."""
    pairs = read_pairs(path)
    dfs = DocumentFrequencies()
    for a, b, _, _ in pairs:
        dfs.add(article_terms(a))
        dfs.add(article_terms(b))
    distances = [1.0 - similarity(a, b, dfs=dfs, **kwargs) for a, b, _, _ in pairs]
    gold = [score for _, _, score, _ in pairs]
    out = []
    for name, member in SUBSETS.items():
        chosen = [i for i, p in enumerate(pairs) if member(*p[3].split("-", 1))]
        r = pearson([distances[i] for i in chosen], [gold[i] for i in chosen])
        out.append(SimilarityScores(name, len(chosen), r))
    return out

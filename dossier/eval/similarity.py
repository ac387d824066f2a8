"""Story-similarity evaluation: Pearson r of dossier's similarity against human scores.

SemEval-2022 Task 8 rates article pairs 1 (same story) .. 4 (unrelated) on
``Overall``. The IDF statistics come from the pairs' own texts, unsupervised
(no scores are read to build them), the way a running linker's statistics come
from the articles it has seen. Higher similarity should mean a lower score, so
the r reported is that of the distance ``1 - similarity``.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path

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
            a = Article(id=f"{row['pair_id']}#1", text=row["text1"], language=row["lang1"])
            b = Article(id=f"{row['pair_id']}#2", text=row["text2"], language=row["lang2"])
            out.append((a, b, float(row["Overall"]), f"{row['lang1']}-{row['lang2']}"))
    return out


def pearson(xs: list[float], ys: list[float]) -> float:
    n = len(xs)
    if n < 2:
        return float("nan")
    mx, my = sum(xs) / n, sum(ys) / n
    cov = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    vx = sum((x - mx) ** 2 for x in xs)
    vy = sum((y - my) ** 2 for y in ys)
    return cov / math.sqrt(vx * vy) if vx and vy else float("nan")


def evaluate_similarity(path: str | Path, **kwargs: float) -> list[SimilarityScores]:
    """Pearson r of distance vs ``Overall`` on English-English pairs and on all pairs."""
    pairs = read_pairs(path)
    dfs = DocumentFrequencies()
    for a, b, _, _ in pairs:
        dfs.add(article_terms(a))
        dfs.add(article_terms(b))
    distances = [1.0 - similarity(a, b, dfs=dfs, **kwargs) for a, b, _, _ in pairs]
    gold = [score for _, _, score, _ in pairs]
    english = [i for i, p in enumerate(pairs) if p[3] == "en-en"]
    return [
        SimilarityScores(
            "en-en",
            len(english),
            pearson([distances[i] for i in english], [gold[i] for i in english]),
        ),
        SimilarityScores("all", len(pairs), pearson(distances, gold)),
    ]

"""Story clustering evaluation: pairwise and BCubed scores against gold event ids.

Articles are streamed through ``Linker.add`` in file order, exactly as ingest
feeds them, so the score measures the product's own code path.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlparse

from dossier.link import LinkConfig, Linker
from dossier.model import Article, Extraction


@dataclass(frozen=True)
class ClusterScores:
    """Pairwise and BCubed precision/recall/F1 plus cluster counts."""

    articles: int
    gold_events: int
    stories: int
    pair_p: float
    pair_r: float
    pair_f1: float
    b3_p: float
    b3_r: float
    b3_f1: float


def read_dataset(path: str | Path, split: str | None = None) -> list[tuple[Article, str]]:
    """(article, gold event id) pairs from an ECB+-style JSONL file, in file order."""
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            if split and row.get("split") != split:
                continue
            source = row.get("source") or None
            article = Article(
                id=str(row["id"]),
                text=row.get("text") or "",
                title=row.get("title") or "",
                url=source,
                outlet=urlparse(source).netloc or None if source else None,
                published=row.get("date") or None,
            )
            rows.append((article, str(row["event_id"])))
    return rows


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_clusters(predicted: dict[str, str], gold: dict[str, str]) -> ClusterScores:
    """Compare two item -> cluster maps over the items of ``gold``."""
    items = list(gold)
    pairs_in = Counter((predicted[i], gold[i]) for i in items)
    pred_sizes = Counter(predicted[i] for i in items)
    gold_sizes = Counter(gold[i] for i in items)
    tp = sum(n * (n - 1) / 2 for n in pairs_in.values())
    pred_pairs = sum(n * (n - 1) / 2 for n in pred_sizes.values())
    gold_pairs = sum(n * (n - 1) / 2 for n in gold_sizes.values())
    pair_p = tp / pred_pairs if pred_pairs else 1.0
    pair_r = tp / gold_pairs if gold_pairs else 1.0
    b3_p = sum(pairs_in[(predicted[i], gold[i])] / pred_sizes[predicted[i]] for i in items)
    b3_r = sum(pairs_in[(predicted[i], gold[i])] / gold_sizes[gold[i]] for i in items)
    b3_p, b3_r = b3_p / len(items), b3_r / len(items)
    return ClusterScores(
        articles=len(items),
        gold_events=len(gold_sizes),
        stories=len(pred_sizes),
        pair_p=pair_p,
        pair_r=pair_r,
        pair_f1=_f1(pair_p, pair_r),
        b3_p=b3_p,
        b3_r=b3_r,
        b3_f1=_f1(b3_p, b3_r),
    )


def cluster_stream(
    articles: Iterable[Article],
    config: LinkConfig | None = None,
    extractions: dict[str, Extraction] | None = None,
) -> dict[str, str]:
    """Stream articles through one Linker; article id -> story id after merges."""
    linker = Linker(config)
    for article in articles:
        linker.add(article, (extractions or {}).get(article.id))
    return {aid: a.story_id for aid, a in linker.assignments().items()}


def extract_all(articles: Iterable[Article]) -> dict[str, Extraction]:
    """Run the extraction stage over ``articles`` (what ingest does before linking)."""
    from dossier.extract import extract_many

    return {e.article_id: e for e in extract_many(list(articles))}


def evaluate_stories(
    path: str | Path,
    split: str | None = None,
    config: LinkConfig | None = None,
    extractions: dict[str, Extraction] | None = None,
    headlines_only: bool = False,
) -> ClusterScores:
    """Score the linker on one dataset (optionally one ``split``), with extractions if given.

    ``headlines_only`` blanks every text, leaving the title: a headline-only stream.
    """
    rows = read_dataset(path, split)
    if headlines_only:
        rows = [(replace(a, text=""), event) for a, event in rows]
    predicted = cluster_stream((a for a, _ in rows), config, extractions)
    gold = {a.id: event for a, event in rows}
    return score_clusters(predicted, gold)


def splits_of(path: str | Path) -> list[str]:
    found: dict[str, None] = defaultdict(lambda: None)
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                found[json.loads(line).get("split") or ""] = None
    return [s for s in found if s]

"""Fit the plain-text line model on AEB pages, with page-grouped cross-validation.

Each page's visible text (one line per block element) is cut into the same
segments the cleaner sees; a line is labelled body when it occurs in the page's
true article body. A standardised logistic regression is fitted on candidate
lines (those no rule removed). Cross-validation holds out whole pages, runs
the complete cleaner with the fold's model on them and scores with the
benchmark metric, so the reported F1 is an estimate for unseen pages.
"""

from __future__ import annotations

import json
import random
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from dossier.clean import CleanConfig, clean
from dossier.clean.linemodel import FEATURE_NAMES, line_vectors
from dossier.clean.text import is_english, label_segments
from dossier.eval.extraction import Page, Score, page_text, score
from dossier.model import Article, Provenance, RawDocument

DEFAULT_CONFIG = CleanConfig()


def _label(line: str, n_words: int, body: str) -> bool:
    return line in body if n_words >= 4 else f"\n{line}\n" in f"\n{body}\n"


def page_rows(page: Page, config: CleanConfig) -> tuple[list[list[float]], list[int], list[float]]:
    """Feature rows, labels and weights of one page's candidate lines."""
    segments, _ = label_segments(page_text(page.html), config)
    rows = line_vectors(
        [s.feats for s in segments], [s.reason for s in segments], is_english(segments)
    )
    keep = [i for i, s in enumerate(segments) if s.reason is None]
    labels = [int(_label(segments[i].text, segments[i].feats.n_words, page.body)) for i in keep]
    weights = [1.0 + np.log1p(segments[i].feats.n_words) for i in keep]
    return [rows[i] for i in keep], labels, weights


def fit(
    pages: Sequence[Page], config: CleanConfig = DEFAULT_CONFIG, c: float = 1.0,
    cache: dict[str, tuple] | None = None,
) -> dict:
    """Fit the line model on ``pages``; returns the JSON-ready weights."""
    xs, ys, ws = [], [], []
    for page in pages:
        rows = cache[page.id] if cache is not None and page.id in cache else page_rows(page, config)
        if cache is not None:
            cache[page.id] = rows
        xs.extend(rows[0])
        ys.extend(rows[1])
        ws.extend(rows[2])
    x, y = np.asarray(xs, dtype=float), np.asarray(ys)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    clf = LogisticRegression(C=c, max_iter=2000)
    clf.fit((x - mean) / scale, y, sample_weight=np.asarray(ws))
    return {
        "features": list(FEATURE_NAMES),
        "mean": mean.tolist(),
        "scale": scale.tolist(),
        "coef": clf.coef_[0].tolist(),
        "intercept": float(clf.intercept_[0]),
        "trained_on": "ScrapingHub article-extraction-benchmark (MIT), "
        f"{len(pages)} pages, {len(ys)} lines",
        "c": c,
    }


def _predict(page: Page, config: CleanConfig) -> str:
    doc = RawDocument(Provenance(page.id, "text", page.id), text=page_text(page.html))
    result = clean(doc, config)
    return result.text if isinstance(result, Article) else ""


def cross_validate(
    pages: Sequence[Page], folds: int = 5, c: float = 1.0,
    configs: Sequence[CleanConfig] = (DEFAULT_CONFIG,), seed: int = 0,
) -> list[Score]:
    """Page-grouped k-fold CV of the whole plain-text cleaner, one score per config."""
    order = list(pages)
    random.Random(seed).shuffle(order)
    pairs: list[list[tuple[str, str]]] = [[] for _ in configs]
    cache: dict[str, tuple] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(folds):
            test = order[k::folds]
            train = [p for i, p in enumerate(order) if i % folds != k]
            path = Path(tmp) / f"fold{k}.json"
            path.write_text(json.dumps(fit(train, configs[0], c, cache)), encoding="utf-8")
            for j, config in enumerate(configs):
                fold_config = replace(config, line_model_path=str(path))
                pairs[j].extend((p.body, _predict(p, fold_config)) for p in test)
    return [score(p) for p in pairs]

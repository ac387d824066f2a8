"""A small learned scorer: how likely is each line to be article body?

The hand rules in ``lines``/``region`` see one cue at a time; this logistic
model weighs them together, with the line's neighbourhood (prose around it,
its place in the page, whether the max-sum prose run covers it). Features are
all text-only and language-light. The weights live in ``line_model.json``
(fitted by ``dossier.eval.extraction_fit`` on the MIT-licensed ScrapingHub
article-extraction benchmark with page-grouped cross-validation), so scoring
needs nothing beyond the standard library.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from dossier.clean import patterns as P
from dossier.clean.lines import LineFeatures
from dossier.clean.region import body_span

MODEL_PATH = Path(__file__).with_name("line_model.json")
#: Line cost of the heuristic prose run used as a feature.
RUN_COST = 15.0
WINDOW = 3
NAV_MARKS = re.compile(r"[|»›>•·/]|\.\.\.|\u2026$")
GLUED = re.compile(r"[a-z][A-Z][a-z]")

FEATURE_NAMES = (
    "log_words", "ends_sentence", "stop_ratio", "title_ratio", "upper_ratio", "sentences",
    "digit_ratio", "symbol_ratio", "is_prose", "headline_like", "rule_removed", "duplicate",
    "position", "in_run", "run_distance", "window_prose", "window_words", "prev_prose",
    "next_prose", "relative_length", "after_comments", "nav_marks", "glued_words", "english",
    "ends_colon", "first_prose_before", "prose_after",
)


def _char_ratios(text: str) -> tuple[float, float]:
    n = len(text) or 1
    digits = sum(c.isdigit() for c in text)
    symbols = sum(not (c.isalnum() or c.isspace()) for c in text)
    return digits / n, symbols / n


def _is_prose(f: LineFeatures) -> bool:
    return f.n_words >= 8 and (f.ends_sentence or f.n_words >= 20) and f.title_ratio < 0.75


def line_vectors(
    feats: Sequence[LineFeatures], reasons: Sequence[str | None], english: bool
) -> list[list[float]]:
    """One feature vector (``FEATURE_NAMES`` order) per line of one document."""
    n = len(feats)
    candidate = [None if r else f for f, r in zip(feats, reasons, strict=True)]
    span = body_span(candidate, english, RUN_COST)
    prose = [r is None and _is_prose(f) for f, r in zip(feats, reasons, strict=True)]
    logw = [math.log1p(f.n_words) for f in feats]
    max_logw = max(logw, default=1.0) or 1.0
    first_prose = next((i for i, p in enumerate(prose) if p), n)
    prose_suffix = [0] * (n + 1)
    for i in range(n - 1, -1, -1):
        prose_suffix[i] = prose_suffix[i + 1] + prose[i]
    total_prose = prose_suffix[0] or 1
    after_comments = False
    rows = []
    for i, f in enumerate(feats):
        lo, hi = max(0, i - WINDOW), min(n, i + WINDOW + 1)
        others = [j for j in range(lo, hi) if j != i] or [i]
        digit, symbol = _char_ratios(f.text)
        if span is None:
            in_run, distance = 0.0, math.log1p(n)
        else:
            in_run = float(span[0] <= i <= span[1])
            distance = math.log1p(max(span[0] - i, i - span[1], 0))
        after_comments = after_comments or (
            i > first_prose and f.n_words <= 40 and bool(P.COMMENTS_START.search(f.text))
        )
        rows.append([
            logw[i], float(f.ends_sentence), f.stop_ratio if english else 0.0, f.title_ratio,
            f.upper_ratio, min(f.n_sentences, 5) / 5, digit, symbol, float(prose[i]),
            float(f.is_headline_like), float(reasons[i] not in (None, "duplicate_line")),
            float(reasons[i] == "duplicate_line"), i / max(1, n - 1), in_run, distance,
            sum(prose[j] for j in others) / len(others),
            sum(logw[j] for j in others) / len(others),
            float(i > 0 and prose[i - 1]), float(i + 1 < n and prose[i + 1]),
            logw[i] / max_logw, float(after_comments), float(bool(NAV_MARKS.search(f.text))),
            float(bool(GLUED.search(f.text))), float(english), float(f.text.endswith(":")),
            float(i < first_prose), prose_suffix[i] / total_prose,
        ])
    return rows


@lru_cache(maxsize=16)
def load_model(path: str | None = None) -> dict | None:
    """The fitted weights (``mean``, ``scale``, ``coef``, ``intercept``), or None
    when the file is missing or was fitted for other features."""
    try:
        model = json.loads(Path(path or MODEL_PATH).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    if tuple(model.get("features", ())) != FEATURE_NAMES:
        return None
    return model


def log_odds(rows: Sequence[Sequence[float]], model: dict) -> list[float]:
    """Body log-odds of each feature vector under ``model``."""
    mean, scale, coef = model["mean"], model["scale"], model["coef"]
    out = []
    for row in rows:
        z = model["intercept"]
        for x, m, s, c in zip(row, mean, scale, coef, strict=True):
            z += c * (x - m) / s
        out.append(z)
    return out

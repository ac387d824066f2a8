"""Find the article body inside a page's worth of lines.

Scraped pages keep their menus, teasers and footers as short lines around a
run of long prose lines. Scoring each line (prose earns its word count, every
other line costs a little) and taking the maximum-sum contiguous run is the
text-only form of Finn et al.'s Body Text Extraction: it needs no markup, and
short lines *inside* the run (sub-headings, one-sentence paragraphs) survive
because the prose around them pays for them.
"""

from __future__ import annotations

from collections.abc import Sequence

from dossier.clean.lines import LineFeatures


def line_score(f: LineFeatures, english: bool, short_cost: float) -> float:
    """Positive for running text, negative for menu/teaser-like lines."""
    prose = f.n_words >= 8 and (f.ends_sentence or f.n_words >= 20)
    if english and f.stop_ratio < 0.15 and f.n_words < 30:
        prose = False
    if f.title_ratio >= 0.75 and not f.ends_sentence:
        prose = False
    if prose:
        return float(f.n_words)
    return -short_cost - 0.25 * f.n_words


def best_run(scores: Sequence[float]) -> tuple[int, int] | None:
    """``(start, end)`` inclusive of the maximum-sum run (Kadane), or None if empty."""
    best, best_span = float("-inf"), None
    total, start = 0.0, 0
    for i, s in enumerate(scores):
        if total <= 0:
            total, start = s, i
        else:
            total += s
        if total > best:
            best, best_span = total, (start, i)
    if best_span is None or best <= 0:
        return None
    return best_span


def body_span(
    feats: Sequence[LineFeatures | None], english: bool, short_cost: float
) -> tuple[int, int] | None:
    """The body's ``(start, end)`` over candidate lines; ``None`` entries are already
    removed lines (they cost a little: boilerplate marks edges)."""
    scores = [
        -short_cost * 0.5 if f is None else line_score(f, english, short_cost) for f in feats
    ]
    return best_run(scores)

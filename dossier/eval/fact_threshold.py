"""Choosing ``merge.MEANING_MIN`` (dense + word cosine of two fact groups) on ECB+ train.

ECB+ has no fact-level gold, so two estimates are read side by side:

- **labelled pairs** (``data/fact_pairs_train.jsonl``): 100 candidate pairs drawn
  at random (seed 7) from the train events' dense-round candidates and labelled
  by hand, "one fact" or not. Precision and recall of ``score >= t`` on them.
- **other event**: each ECB+ topic holds two look-alike events (two Iranian
  earthquakes, two office shootings). Pooling both into one story, a merge of
  groups from different events is wrong; ``decoys(t) / decoys * targets /
  targets(t)`` estimates the share of wrong merges (target-decoy). Other-event
  pairs share no names, so this estimate is optimistic.

Two articles' clauses of one article were tried as decoys and dropped: about
half of those scoring high are one fact said twice (a headline and its lead).
Only pairs the merger would look at are counted: groups still apart after the
word pass that share some words and a deed, and clash on nothing.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from dossier.eval.dossier import read_stories
from dossier.model import Article, Story
from dossier.story.build import prepare
from dossier.story.dense import group_vectors
from dossier.story.merge import _Groups, dense_candidates, meaning, merge_groups, profile

LABELS = Path(__file__).parent / "data" / "fact_pairs_train.jsonl"
#: Thresholds tabulated.
GRID = tuple(round(0.6 + 0.05 * i, 2) for i in range(11))
#: What ``choose`` asks of a threshold: labelled precision, other-event false merges.
MIN_PRECISION, MAX_FDR = 0.7, 0.1


def _story(articles: list[Article]):  # type: ignore[no-untyped-def]
    return prepare(Story(id="t", article_ids=[a.id for a in articles]), articles, {})


def candidates(articles: list[Article], event_of: dict[str, str]) -> list[tuple[float, str]]:
    """``(score, label)`` of one story's dense-round candidates; label "same event",
    "other event" (pooled topics) or "mixed"."""
    m = _story(articles)
    groups = merge_groups(m.groups, m.clauses, m.pairs, m.matrix, dense=False)
    group_of = {i: g for g, members in enumerate(groups) for i in members}
    pairs = {tuple(sorted((group_of[i], group_of[j]))) for _, i, j in m.pairs}
    state = _Groups(groups, m.clauses, m.matrix)
    roots = dense_candidates(state, [p for p in pairs if p[0] != p[1]])
    vectors = group_vectors({g: [m.clauses[i].text for i in groups[g]]
                             for g in sorted({g for pair in roots for g in pair})})
    if vectors is None:
        return []
    for g, vector in vectors.items():
        state.profiles[g].vector = vector
    out = []
    for a, b in roots:
        events = [{event_of[m.clauses[i].article_id] for i in groups[g]} for g in (a, b)]
        label = "mixed"
        if len(events[0]) == 1 and len(events[1]) == 1:
            label = "same event" if events[0] == events[1] else "other event"
        out.append((meaning(state.profiles[a], state.profiles[b]), label))
    return out


def pooled(path: Path, split: str) -> list[tuple[float, str]]:
    """Candidates of every topic with both its events in one story."""
    stories = read_stories(path, split)
    event_of = {a.id: e for e, arts in stories.items() for a in arts}
    topics: dict[str, list[Article]] = defaultdict(list)
    for event, arts in stories.items():
        topics[event.split("_")[0]].extend(arts)
    return [c for arts in topics.values() if len({event_of[a.id] for a in arts}) > 1
            for c in candidates(arts, event_of)]


def labelled(path: Path, labels: Path = LABELS) -> list[tuple[float, bool]]:
    """``(score, one fact)`` of the hand-labelled pairs, scored as the merger scores them."""
    stories = read_stories(path)
    rows = [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines()]
    out = []
    for event, group in _by_event(rows).items():
        m = _story(stories[event])
        index = {}
        for c in m.clauses:
            index.setdefault(c.text, c)
        for row in group:
            sides = [profile([index[t] for t in row[k] if t in index], m.matrix) for k in "ab"]
            vectors = group_vectors({0: row["a"], 1: row["b"]})
            if vectors is None:
                return []
            sides[0].vector, sides[1].vector = vectors[0], vectors[1]
            out.append((meaning(*sides), bool(row["same_fact"])))
    return out


def _by_event(rows: list[dict]) -> dict[str, list[dict]]:  # type: ignore[type-arg]
    out: dict[str, list[dict]] = defaultdict(list)  # type: ignore[type-arg]
    for row in rows:
        out[row["event_id"]].append(row)
    return out


@dataclass(frozen=True)
class Row:
    threshold: float
    labelled: int
    precision: float
    recall: float
    same_event: int
    other_event: int
    fdr_event: float


def table(marked: list[tuple[float, bool]], pool: list[tuple[float, str]]) -> list[Row]:
    """Per threshold: labelled pairs above it, their precision and recall; pooled pairs
    above it by kind and the other-event false-merge estimate."""
    positives = sum(y for _, y in marked) or 1
    kinds = Counter(label for _, label in pool)
    rows = []
    for t in GRID:
        chosen = [y for s, y in marked if s >= t]
        above = Counter(label for s, label in pool if s >= t)
        fdr = 0.0
        if above["same event"] and kinds["other event"]:
            fdr = min(1.0, above["other event"] / kinds["other event"]
                      * kinds["same event"] / above["same event"])
        rows.append(Row(t, len(chosen), sum(chosen) / len(chosen) if chosen else 0.0,
                        sum(chosen) / positives, above["same event"], above["other event"], fdr))
    return rows


def choose(rows: list[Row]) -> float | None:
    """The lowest threshold from which both estimates hold (``MIN_PRECISION``, ``MAX_FDR``)."""
    for i, row in enumerate(rows):
        if all((r.precision >= MIN_PRECISION or not r.labelled) and r.fdr_event <= MAX_FDR
               for r in rows[i:]):
            return row.threshold
    return None

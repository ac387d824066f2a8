"""Dossier evaluation on ECB+: per gold event, facts, multi-outlet facts, contradictions.

ECB+ has no gold facts, so this is a reading aid, not a score: stories are
taken from the dataset's ``event_id`` (judging the dossier builder apart from
clustering) and each row says how much the builder found, for a reader to check;
``show`` renders whole dossiers of chosen events for reading in full.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from dossier.clean.identity import outlet_identity
from dossier.model import Article, Dossier, Extraction, Story
from dossier.story import build_dossier, render


@dataclass(frozen=True)
class DossierRow:
    """One gold event's dossier in numbers, plus its best-backed fact to read."""

    event_id: str
    articles: int
    outlets: int
    facts: int
    multi_outlet: int
    contradictions: int
    top_fact: str
    kinds: tuple[str, ...] = ()
    seconds: float = 0.0


def read_stories(path: Path, split: str | None = None) -> dict[str, list[Article]]:
    """ECB+ JSONL -> event_id -> Articles (outlet = URL host of ``source``, else the id);
    with ``split`` ("train", "dev"), only that split's events."""
    stories: dict[str, list[Article]] = defaultdict(list)
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if split and row.get("split") != split:
                continue
            stories[row["event_id"]].append(Article(
                id=row["id"], text=row["text"], title=row.get("title") or "",
                url=row.get("source"), outlet=row_outlet(row), published=row.get("date"),
            ))
    return dict(stories)


def row_outlet(row: dict) -> str:
    """An ECB+ row's outlet as the product names it (``clean.identity``: the URL's
    registered domain), else its id (each article its own outlet)."""
    found = outlet_identity(None, row.get("source"))
    return found.name if found else row["id"]


def event_dossier(event_id: str, articles: list[Article], extract: bool = False) -> Dossier:
    """One gold event's dossier; with ``extract``, extraction runs first (as in the product)."""
    story = Story(id=event_id, article_ids=[a.id for a in articles])
    return build_dossier(story, articles, _extractions(articles) if extract else {})


def _extractions(articles: list[Article]) -> dict[str, Extraction]:
    from dossier.extract import extract_many

    return {e.article_id: e for e in extract_many(articles)}


def evaluate(path: Path, limit: int | None = None, extract: bool = False,
             split: str | None = None) -> list[DossierRow]:
    rows = []
    for event_id, articles in list(read_stories(path, split).items())[:limit]:
        start = time.perf_counter()
        dossier = event_dossier(event_id, articles, extract)
        seconds = time.perf_counter() - start
        multi = [f for f in dossier.facts if f.corroboration >= 2]
        rows.append(DossierRow(
            event_id, len(articles), len(dossier.outlets), len(dossier.facts), len(multi),
            len(dossier.contradictions), multi[0].text if multi else "",
            tuple(c.slot for c in dossier.contradictions), seconds,
        ))
    return rows


def totals(rows: list[DossierRow]) -> dict[str, float | str]:
    """Means per story and the contradiction kinds found, for the table's last line."""
    n = len(rows) or 1
    kinds = Counter(k for r in rows for k in r.kinds)
    return {
        "events": len(rows),
        "mean facts": sum(r.facts for r in rows) / n,
        "mean multi-outlet": sum(r.multi_outlet for r in rows) / n,
        "mean contradictions": sum(r.contradictions for r in rows) / n,
        "events with contradictions": sum(1 for r in rows if r.contradictions),
        "kinds": ", ".join(f"{k} {v}" for k, v in kinds.most_common()) or "none",
    }


def show(path: Path, event_ids: list[str], fmt: str = "text", extract: bool = False) -> str:
    """The rendered dossiers of ``event_ids``, one after another."""
    stories = read_stories(path)
    missing = [e for e in event_ids if e not in stories]
    if missing:
        raise KeyError(f"unknown event ids {missing}; e.g. {sorted(stories)[:5]}")
    return "\n".join(
        f"=== {e} ===\n{render(event_dossier(e, stories[e], extract), fmt)}" for e in event_ids)

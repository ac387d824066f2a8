"""Dossier evaluation on ECB+: per gold event, facts, multi-outlet facts, contradictions.

ECB+ has no gold facts, so this is a reading aid, not a score: stories are
taken from the dataset's ``event_id`` (judging the dossier builder apart from
clustering) and each row says how much the builder found, for a reader to check.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from dossier.model import Article, Story
from dossier.story import build_dossier


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


def read_stories(path: Path) -> dict[str, list[Article]]:
    """ECB+ JSONL -> event_id -> Articles (outlet = URL host of ``source``, else the id)."""
    stories: dict[str, list[Article]] = defaultdict(list)
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            host = urlparse(row["source"]).netloc.removeprefix("www.") if row.get("source") else ""
            stories[row["event_id"]].append(Article(
                id=row["id"], text=row["text"], title=row.get("title") or "",
                url=row.get("source"), outlet=host or row["id"], published=row.get("date"),
            ))
    return dict(stories)


def evaluate(path: Path, limit: int | None = None) -> list[DossierRow]:
    rows = []
    for event_id, articles in list(read_stories(path).items())[:limit]:
        story = Story(id=event_id, article_ids=[a.id for a in articles])
        dossier = build_dossier(story, articles, {})
        multi = [f for f in dossier.facts if f.corroboration >= 2]
        rows.append(DossierRow(
            event_id, len(articles), len(dossier.outlets), len(dossier.facts), len(multi),
            len(dossier.contradictions), multi[0].text if multi else "",
        ))
    return rows

"""The dossier job: (re)build the dossier of every story whose articles changed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict

from dossier.store import Store
from dossier.story import DOSSIER_SCHEMA_VERSION, build_dossier


def run_dossiers(store: Store, story_ids: Iterable[str] | None = None) -> int:
    """Build dossiers for ``story_ids`` (default: stories without a current one)."""
    targets = list(story_ids) if story_ids is not None else _missing(store)
    entities = store.entities(limit=None)
    built = 0
    for story_id in targets:
        story = store.story(story_id)
        if story is None:
            continue
        articles = store.articles(ids=story.article_ids)
        dossier = build_dossier(
            story, articles, store.extractions(story.article_ids), store.duplicates(story.id),
            [e for e in entities if set(e.article_ids) & set(story.article_ids)],
        )
        with store.batch():
            store.save_dossier(story.id, DOSSIER_SCHEMA_VERSION, asdict(dossier))
        built += 1
    with store.batch():
        store.prune_dossiers()
    return built


def _missing(store: Store) -> list[str]:
    return [s.id for s in store.stories(limit=None) if store.dossier_data(s.id) is None]

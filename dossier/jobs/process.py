"""Everything after ingest, in stage order: extract, link, entities, dossiers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dossier.jobs.dossiers import run_dossiers
from dossier.jobs.extract import run_extraction
from dossier.jobs.link import LinkSummary, run_entity_resolution, run_linking
from dossier.store import Store


@dataclass
class ProcessSummary:
    extracted: int
    linked: int
    stories: int
    entities: int
    dossiers: int


def process(
    store: Store, *, extract: bool = True, linking: Callable[[Store], LinkSummary] = run_linking
) -> ProcessSummary:
    """Bring every downstream stage up to date with what the store holds.

    ``linking`` lets another engine (``DaskRunner.link``) stand in for ``run_linking``.
    """
    extracted = run_extraction(store) if extract else []
    link = linking(store)
    entities = run_entity_resolution(store)
    # Rebuild stories whose membership moved, and those with newly extracted articles.
    touched = set(link.touched_stories)
    for article_id in extracted:
        assignment = store.story_of(article_id)
        if assignment:
            touched.add(assignment.story_id)
    dossiers = run_dossiers(store, sorted(touched)) + run_dossiers(store)
    return ProcessSummary(len(extracted), link.linked, link.stories, entities, dossiers)

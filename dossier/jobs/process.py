"""Everything after ingest, in stage order: extract, link, entities, dossiers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from dossier.jobs.dossiers import run_dossiers
from dossier.jobs.extract import DEFAULT_EXTRACT_SECONDS, run_extraction
from dossier.jobs.link import LinkSummary, run_entity_resolution, run_linking
from dossier.model import ExtractionFailure
from dossier.store import Store


@dataclass
class ProcessSummary:
    extracted: int
    linked: int
    stories: int
    entities: int
    dossiers: int
    #: Articles whose extraction failed or ran out of time in this run (recorded in the store).
    failed: list[ExtractionFailure] = field(default_factory=list)


def process(
    store: Store, *, extract: bool = True, linking: Callable[[Store], LinkSummary] = run_linking,
    extract_seconds: float | None = DEFAULT_EXTRACT_SECONDS,
) -> ProcessSummary:
    """Bring every downstream stage up to date with what the store holds.

    ``linking`` lets another engine (``DaskRunner.link``) stand in for ``run_linking``;
    ``extract_seconds`` is the per-article extraction time limit (None: none).
    """
    failed: list[ExtractionFailure] = []
    extracted = (
        run_extraction(store, seconds=extract_seconds, on_failure=failed.append) if extract else []
    )
    link = linking(store)
    entities = run_entity_resolution(store)
    # Rebuild stories whose membership moved, and those with newly extracted articles.
    touched = set(link.touched_stories)
    for article_id in extracted:
        assignment = store.story_of(article_id)
        if assignment:
            touched.add(assignment.story_id)
    dossiers = run_dossiers(store, sorted(touched)) + run_dossiers(store)
    return ProcessSummary(len(extracted), link.linked, link.stories, entities, dossiers, failed)

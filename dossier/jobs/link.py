"""The linking job: stream unlinked articles through the persisted ``Linker``.

The linker's state lives in the store between runs, so each ingest only pays for
its new articles; stories, duplicates and canonical entities are rewritten from
the linker's current view in the same transaction as the new state.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dossier.link import Linker, publication_order, resolve_entity_map
from dossier.store import Store


@dataclass
class LinkSummary:
    linked: int = 0
    stories: int = 0
    touched_stories: set[str] = field(default_factory=set)


def run_linking(store: Store, *, batch_size: int = 500) -> LinkSummary:
    """Assign every unlinked article to a story; return what changed."""
    state = store.linker_state()
    linker = Linker.from_state(state) if state else Linker()
    before = {sid: set(story.article_ids) for sid, story in _by_id(linker).items()}
    pending = store.unlinked_article_ids()
    summary = LinkSummary(linked=len(pending))
    articles = []
    for start in range(0, len(pending), batch_size):
        articles += store.articles(ids=pending[start : start + batch_size])
    # Same order as ``link_all``: by publication date, undated ones in arrival order.
    arrival = {article_id: i for i, article_id in enumerate(pending)}
    for article in publication_order(sorted(articles, key=lambda a: arrival[a.id])):
        linker.add(article, store.extractions([article.id]).get(article.id))
    stories = linker.stories()
    summary.stories = len(stories)
    summary.touched_stories = {
        s.id for s in stories if set(s.article_ids) != before.get(s.id, set())
    }
    with store.batch():
        store.replace_stories(stories, linker.assignments().values())
        store.save_linker_state(linker.state())
    return summary


def run_entity_resolution(store: Store) -> int:
    """Rebuild cross-article entities from every stored extraction."""
    ids = [a.id for a in store.articles()]
    entities, mapping = resolve_entity_map(store.extractions(ids).values())
    with store.batch():
        store.replace_entities(entities, mapping)
    return len(entities)


def _by_id(linker: Linker) -> dict:
    return {story.id: story for story in linker.stories()}

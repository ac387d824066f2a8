"""dossier.extract: who, when, who said what, who did what to whom, in one article.

``extract(article)`` returns an :class:`~dossier.model.Extraction` of plain data:
entities (grouped mentions with roles), dates (TIMEX3 values with anchor and
reasoning), quotes (content, cue, resolved speaker, speech act), CAMEO-like
events and happenings (every word that tells something happened). Everything
here is pure and picklable; the language pipeline is loaded once per process
through ``dossier.nlp.load()``. Without a pipeline the same
code runs on capitalisation rules (weaker entity typing), so extraction never
fails for want of a model.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from dossier.model import Article, Extraction

#: Bump whenever output changes; the store re-runs extraction when it differs.
EXTRACTOR_VERSION = "extract-0.1.14"

__all__ = ["EXTRACTOR_VERSION", "extract", "extract_many", "extract_from_doc", "pipeline"]


def _pipeline() -> Any | None:
    """The shared pipeline, or None when none is installed (rules-only extraction)."""
    try:
        from dossier.nlp import load

        return load()
    except Exception:  # noqa: BLE001  (no model shipped yet: degrade, do not fail)
        return None


def pipeline() -> Any | None:
    """The shared pipeline (None: rules only). Callers that time extraction load it
    first with this, so the one-off loading is not counted against a document."""
    return _pipeline()


def extract(article: Article, nlp: Any | None = None) -> Extraction:
    """Extract entities, dates, quotes and events from one article."""
    nlp = nlp if nlp is not None else _pipeline()
    doc = nlp(article.text) if nlp is not None else None
    return extract_from_doc(article, doc)


def extract_many(articles: Iterable[Article], nlp: Any | None = None,
                 batch_size: int = 16) -> Iterator[Extraction]:
    """Extract from many articles, running the pipeline in batches with ``nlp.pipe``."""
    nlp = nlp if nlp is not None else _pipeline()
    if nlp is None:
        for article in articles:
            yield extract_from_doc(article, None)
        return
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= batch_size:
            yield from _run(batch, nlp, batch_size)
            batch = []
    if batch:
        yield from _run(batch, nlp, batch_size)


def _run(batch: list[Article], nlp: Any, batch_size: int) -> Iterator[Extraction]:
    for article, doc in zip(batch, nlp.pipe((a.text for a in batch), batch_size=batch_size),
                            strict=True):
        yield extract_from_doc(article, doc)


def extract_from_doc(article: Article, doc: Any | None) -> Extraction:
    """Extraction given an already parsed spaCy ``Doc`` (or None for rules only)."""
    from dossier.extract.dates import extract_dates, infer_anchor
    from dossier.extract.entities import find_entities
    from dossier.extract.events import find_events
    from dossier.extract.happenings import find_happenings
    from dossier.extract.quotes import find_quotes
    from dossier.extract.segment import units
    from dossier.extract.speakers import build_quotes

    text = article.text
    anchor = article.published or infer_anchor(text)[0]
    index = find_entities(text, doc)
    dates = extract_dates(text, anchor)
    quotes = build_quotes(text, find_quotes(text), index)
    events = find_events(text, index, quotes, dates, units(text))
    return Extraction(article.id, EXTRACTOR_VERSION, index.entities, dates, quotes, events,
                      find_happenings(doc))

"""The extraction job: run the extractor over every article that needs it.

An article needs extraction when it has none, when its text changed (a new
version), or when ``EXTRACTOR_VERSION`` moved on since it was extracted.

Each article has a time limit (``seconds``), so one pathological article cannot
stall a batch. The fast path stays batched (``nlp.pipe`` over up to
``batch_size`` articles) with the whole batch under that one limit: a batch that
finishes within one article's limit cannot hold an article that overran it, and
a normal batch takes a few seconds against a default limit of a minute. Only a
batch that runs out of time (or raises) is redone one article at a time, each
under its own limit; the article that overruns becomes a ``D301``
:class:`~dossier.errors.StageTimeout` naming it, the rest go on. Failures are
recorded in the store: an errored article is skipped until its text or the
extractor changes, a timed-out one until a run has a larger limit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from dossier.errors import StageError, StageTimeout
from dossier.jobs.limits import call_with_time_limit
from dossier.model import Article, Extraction, ExtractionFailure
from dossier.store import Store

Progress = Callable[[int], None]
OnFailure = Callable[[ExtractionFailure], None]

#: Seconds one article may take to extract by default (0 or None: no limit).
DEFAULT_EXTRACT_SECONDS = 60.0


def describe(article: Article) -> str:
    """Where an article came from, for error messages: its URL, else its input."""
    if article.url:
        return article.url
    if article.provenance is not None:
        prov = article.provenance
        return f"{prov.source} {prov.record}".strip()
    return "no source recorded"


def _batch(articles: list[Article], nlp: Any | None, batch_size: int) -> list[Extraction]:
    import dossier.extract as ex

    if nlp is None:
        return [ex.extract_from_doc(a, None) for a in articles]
    return list(ex.extract_many(articles, nlp=nlp, batch_size=batch_size))


def _one(article: Article, nlp: Any | None, seconds: float) -> Extraction | StageError:
    """One article under its own limit; a failure names the article and where it came from."""
    import dossier.extract as ex

    result = call_with_time_limit(
        lambda a: ex.extract_from_doc(a, nlp(a.text) if nlp is not None else None),
        article, seconds=seconds, stage="extract", key=article.id,
    )
    if isinstance(result, StageError):
        reason = result.reason if len(result.reason) <= 300 else result.reason[:299] + "…"
        return type(result)("extract", article.id, f"{reason} ({describe(article)})")
    return result


def extract_guarded(
    articles: Iterable[Article], *, seconds: float | None = DEFAULT_EXTRACT_SECONDS,
    nlp: Any | None = None, batch_size: int = 16,
) -> Iterator[Extraction | StageError]:
    """``extract_many`` with a per-article time limit: in order, an Extraction or the
    StageError (StageTimeout, code D301, when out of time) of each article."""
    import dossier.extract as ex

    nlp = nlp if nlp is not None else ex.pipeline()  # loading is not an article's time
    limit = seconds or 0
    for batch in _chunks(articles, batch_size):
        whole = call_with_time_limit(
            lambda b: _batch(b, nlp, batch_size), batch,
            seconds=limit, stage="extract", key=f"a batch of {len(batch)}",
        )
        if isinstance(whole, StageError):
            yield from (_one(a, nlp, limit) for a in batch)
        else:
            yield from whole


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= max(1, size):
            yield batch
            batch = []
    if batch:
        yield batch


def failure_record(article: Article, error: StageError, version: str,
                   seconds: float | None) -> ExtractionFailure:
    """What the store keeps of a failed extraction (the limit only for a timeout)."""
    timed_out = isinstance(error, StageTimeout)
    return ExtractionFailure(article.id, article.version, version, error.code, str(error),
                             seconds if timed_out else None)


def run_extraction(
    store: Store, *, batch_size: int = 64, progress: Progress | None = None,
    seconds: float | None = DEFAULT_EXTRACT_SECONDS, on_failure: OnFailure | None = None,
) -> list[str]:
    """Extract pending articles batch by batch; return the ids extracted.

    An article that fails or runs past ``seconds`` is recorded as an
    :class:`~dossier.model.ExtractionFailure` (and passed to ``on_failure``);
    everything else in its batch is stored.
    """
    from dossier.extract import EXTRACTOR_VERSION

    pending = store.articles_needing_extraction(EXTRACTOR_VERSION, seconds or 0)
    done: list[str] = []
    for start in range(0, len(pending), batch_size):
        articles = store.articles(ids=pending[start : start + batch_size])
        results = list(extract_guarded(articles, seconds=seconds))
        with store.batch():
            for article, result in zip(articles, results, strict=True):
                if isinstance(result, StageError):
                    failure = failure_record(article, result, EXTRACTOR_VERSION, seconds)
                    store.save_extraction_failure(failure)
                    if on_failure:
                        on_failure(failure)
                else:
                    store.save_extraction(result, article.version)
                    done.append(article.id)
        if progress:
            progress(len(articles))
    return done

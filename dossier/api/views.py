"""View data: what each endpoint and page shows, as plain JSON-ready dicts.

The JSON routers return these dicts as they are; the HTML pages hand the same
dicts to templates. One function per screen keeps the two in step. Story and
entity reads go through the store's story queries when the store has them, so
the article, search and export screens work on a store that holds articles only.
"""

from __future__ import annotations

import inspect
from collections import Counter
from typing import Any

from dossier.api.dossier_view import as_plain, dossier_view, pick
from dossier.model import Article


class NotFound(LookupError):
    """The thing a URL names does not exist; becomes a 404 with this message."""


def page(items: list[Any], total: int, limit: int, offset: int) -> dict[str, Any]:
    """The envelope every listing uses, so clients paginate one way everywhere."""
    return {
        "items": items,
        "total": total,
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if offset + limit < total else None,
        "prev_offset": max(0, offset - limit) if offset > 0 else None,
    }


def _has(store: Any, name: str) -> bool:
    return callable(getattr(store, name, None))


def _call_paged(store: Any, name: str, limit: int, offset: int, **filters: Any) -> list[Any]:
    """Call a store listing, passing limit/offset only when it accepts them."""
    fn = getattr(store, name)
    params = inspect.signature(fn).parameters
    kwargs = {k: v for k, v in filters.items() if k in params and v is not None}
    if "limit" in params:
        return list(fn(limit=limit, offset=offset, **kwargs))
    return list(fn(**kwargs))[offset: offset + limit]


# --------------------------------------------------------------------------- articles


def article_summary(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published,
        "author": article.author,
        "url": article.url,
        "version": article.version,
        "words": len(article.text.split()),
    }


def article_list(store: Any, *, outlet: str | None = None, since: str | None = None,
                 until: str | None = None, story: str | None = None, limit: int = 50,
                 offset: int = 0) -> dict[str, Any]:
    ids = None
    if story:
        ids = story_detail_head(store, story)["article_ids"]
    rows = store.articles(outlet=outlet, since=since, until=until, ids=ids, limit=limit,
                          offset=offset)
    total = store.article_total(outlet=outlet, since=since, until=until, ids=ids)
    return page([article_summary(a) for a in rows], total, limit, offset)


def article_detail(store: Any, article_id: str) -> dict[str, Any]:
    article = store.article(article_id)
    if article is None:
        raise NotFound(f"no article with id {article_id!r}")
    extraction = store.extraction(article.id) if _has(store, "extraction") else None
    return article_summary(article) | {
        "text": article.text,
        "removed": [{"text": r.text, "reason": r.reason} for r in article.removed],
        "captions": list(article.captions),
        "credits": list(article.credits),
        "source": article.provenance.source if article.provenance else None,
        "versions": store.versions(article.id),
        "extraction": as_plain(extraction),
    }


# --------------------------------------------------------------------------- stories


def story_summary(story: Any) -> dict[str, Any]:
    plain = as_plain(story)
    outlets = list(pick(plain, "outlets", default=[]))
    article_ids = list(pick(plain, "article_ids", default=[]))
    return {
        "id": str(pick(plain, "id", default="")),
        "title": str(pick(plain, "title", default="")),
        "first_date": pick(plain, "first_date"),
        "last_date": pick(plain, "last_date"),
        "outlets": outlets,
        "n_outlets": len(outlets),
        "n_articles": int(pick(plain, "n_articles", default=len(article_ids))),
        "article_ids": article_ids,
        "top_people": list(pick(plain, "top_people", "people", default=[]))[:3],
    }


def story_list(store: Any, *, limit: int = 20, offset: int = 0) -> dict[str, Any]:
    if not _has(store, "stories"):
        return page([], 0, limit, offset)
    items = [story_summary(s) for s in _call_paged(store, "stories", limit, offset)]
    total = store.story_count() if _has(store, "story_count") else None
    if total is None:
        total = len(_call_paged(store, "stories", 10**9, 0))
    return page(items, total, limit, offset)


def story_detail_head(store: Any, story_id: str) -> dict[str, Any]:
    story = store.story(story_id) if _has(store, "story") else None
    if story is None:
        raise NotFound(f"no story with id {story_id!r}")
    return story_summary(story)


def story_detail(store: Any, story_id: str) -> dict[str, Any]:
    """A story's full dossier plus its articles, for the story page and its export."""
    head = story_detail_head(store, story_id)
    dossier = store.dossier(head["id"]) if _has(store, "dossier") else None
    view = dossier_view(dossier) if dossier is not None else dossier_view({})
    for key in ("id", "title", "first_date", "last_date", "outlets", "article_ids"):
        if not view.get(key):
            view[key] = head[key]
    articles = store.articles(ids=view["article_ids"]) if view["article_ids"] else []
    view["articles"] = [
        article_summary(a) | {"text": a.text,
                              "removed": [{"text": r.text, "reason": r.reason}
                                          for r in a.removed]}
        for a in articles
    ]
    if not view["people"]:
        view["people"] = [{"id": None, "name": p, "roles": []} for p in head["top_people"]]
    return view


# --------------------------------------------------------------------------- entities


def entity_summary(entity: Any) -> dict[str, Any]:
    plain = as_plain(entity)
    return {
        "id": str(pick(plain, "id", default="")),
        "name": str(pick(plain, "name", default="")),
        "type": str(pick(plain, "type", default="OTHER")),
        "aliases": list(pick(plain, "aliases", default=[])),
        "roles": list(pick(plain, "roles", default=[])),
        "n_articles": len(pick(plain, "article_ids", default=[])),
    }


def entity_list(store: Any, *, type: str | None = None, limit: int = 50,
                offset: int = 0) -> dict[str, Any]:
    if not _has(store, "entities"):
        return page([], 0, limit, offset)
    every = [entity_summary(e) for e in _call_paged(store, "entities", 10**9, 0, type=type)]
    if type:
        every = [e for e in every if e["type"] == type.upper()]
    return page(every[offset: offset + limit], len(every), limit, offset)


def entity_detail(store: Any, entity_id: str) -> dict[str, Any]:
    entity = store.entity(entity_id) if _has(store, "entity") else None
    if entity is None:
        raise NotFound(f"no entity with id {entity_id!r}")
    plain = as_plain(entity)
    view = entity_summary(entity)
    view["stories"] = [story_summary(s) if not isinstance(s, str) else {"id": s, "title": s}
                       for s in pick(plain, "stories", default=[])]
    view["quotes"] = [
        {"text": str(pick(q, "text", "content", default="")),
         "act": str(pick(q, "act", default="state")),
         "article_id": pick(q, "article_id"),
         "outlet": pick(q, "outlet")}
        for q in pick(plain, "quotes", default=[])
        if isinstance(q, dict)
    ]
    view["article_ids"] = list(pick(plain, "article_ids", default=[]))
    return view


# --------------------------------------------------------------------------- search


def search(store: Any, q: str, *, limit: int = 20, offset: int = 0) -> dict[str, Any]:
    hits = store.search(q, limit=limit, offset=offset)
    items = [article_summary(a) | {"snippet": snippet} for a, snippet in hits]
    return page(items, store.search_total(q), limit, offset) | {"query": q}


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """Split an FTS snippet (``[word]`` marks a hit) into (text, is_hit) parts."""
    parts: list[tuple[str, bool]] = []
    rest = snippet
    while "[" in rest and "]" in rest[rest.index("["):]:
        start = rest.index("[")
        end = rest.index("]", start)
        if start:
            parts.append((rest[:start], False))
        parts.append((rest[start + 1: end], True))
        rest = rest[end + 1:]
    if rest:
        parts.append((rest, False))
    return parts


def outlet_counts(articles: list[dict[str, Any]]) -> list[tuple[str, int]]:
    return Counter(a["outlet"] or "unknown" for a in articles).most_common()

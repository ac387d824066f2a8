"""View data: what each endpoint and page shows, as plain JSON-ready dicts.

The JSON routers return these dicts as they are; the HTML pages hand the same
dicts to templates. One function per screen keeps the two in step. Screens over a
store that holds articles only (nothing linked yet) show empty story lists.
"""

from __future__ import annotations

import base64
import dataclasses
import json
from collections import Counter
from typing import Any

from dossier.api.dossier_view import as_plain, dossier_view
from dossier.model import Article, CanonicalEntity, Story


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


def encode_cursor(key: tuple[str | None, int]) -> str:
    """An ``after`` cursor: the last row's sort key, opaque to clients."""
    return base64.urlsafe_b64encode(json.dumps(list(key)).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str | None, int]:
    """The sort key inside ``cursor``; ValueError for anything this app did not write."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        published, seq = json.loads(raw)
    except (ValueError, TypeError) as exc:
        raise ValueError("not a cursor this server gave out") from exc
    if not (published is None or (isinstance(published, str) and len(published) <= 64)) or \
            type(seq) is not int or not 0 <= seq < 2**63:
        raise ValueError("not a cursor this server gave out")
    return published, seq


def article_list(store: Any, *, outlet: str | None = None, since: str | None = None,
                 until: str | None = None, story: str | None = None, limit: int = 50,
                 offset: int = 0, after: tuple[str | None, int] | None = None
                 ) -> dict[str, Any]:
    """A page by ``offset`` or, cheaper deep down, after a cursor (``next`` of the last).

    With ``after`` the offset links are None: a cursor page has no fixed position.
    """
    ids = None
    if story:
        ids = story_head(store, story).article_ids
    rows, key = store.article_page(outlet=outlet, since=since, until=until, ids=ids,
                                   limit=limit, offset=offset, after=after)
    total = store.article_total(outlet=outlet, since=since, until=until, ids=ids)
    body = page([article_summary(a) for a in rows], total, limit, offset)
    if after is not None:
        body |= {"next_offset": None, "prev_offset": None}
    return body | {"next": encode_cursor(key) if key else None}


def article_detail(store: Any, article_id: str) -> dict[str, Any]:
    article = store.article(article_id)
    if article is None:
        raise NotFound(f"no article with id {article_id!r}")
    extraction = store.extraction(article.id)
    assignment = store.story_of(article.id)
    return article_summary(article) | {
        "text": article.text,
        "removed": [{"text": r.text, "reason": r.reason} for r in article.removed],
        "captions": list(article.captions),
        "credits": list(article.credits),
        "source": article.provenance.source if article.provenance else None,
        "versions": store.versions(article.id),
        "extraction": as_plain(extraction),
        "story_id": assignment.story_id if assignment else None,
        "duplicate_of": assignment.duplicate_of if assignment else None,
    }


# --------------------------------------------------------------------------- stories


def story_summary(story: Story, people: list[tuple[str, str]] | None = None) -> dict[str, Any]:
    return {
        "id": story.id,
        "title": story.title,
        "first_date": story.first_date,
        "last_date": story.last_date,
        "outlets": list(story.outlets),
        "n_outlets": len(story.outlets),
        "n_articles": len(story.article_ids),
        "article_ids": list(story.article_ids),
        "top_people": [{"id": pid, "name": name} for pid, name in people or []],
    }


def _titled(store: Any, story: Story) -> Story:
    """A story without a title borrows its first article's title or opening words."""
    if story.title or not story.article_ids:
        return story
    first = store.article(story.article_ids[0])
    words = (first.title or first.text).split() if first else []
    title = " ".join(words[:14]) + (" …" if len(words) > 14 else "")
    return dataclasses.replace(story, title=title or story.id)


def story_list(store: Any, *, limit: int = 20, offset: int = 0) -> dict[str, Any]:
    stories = [_titled(store, s) for s in store.stories(limit=limit, offset=offset)]
    people = store.top_people([s.id for s in stories])
    items = [story_summary(s, people[s.id]) for s in stories]
    return page(items, store.story_count(), limit, offset)


def story_head(store: Any, story_id: str) -> Story:
    story = store.story(story_id)
    if story is None:
        raise NotFound(f"no story with id {story_id!r}")
    return _titled(store, story)


def story_detail(store: Any, story_id: str) -> dict[str, Any]:
    """A story's full dossier plus its articles, for the story page and its export."""
    story = story_head(store, story_id)
    head = story_summary(story, store.top_people([story.id], n=8)[story.id])
    view = dossier_view(store.dossier_data(story.id) or {})
    for key in ("id", "title", "first_date", "last_date", "outlets", "article_ids"):
        if not view.get(key):
            view[key] = head[key]
    articles = store.articles(ids=view["article_ids"]) if view["article_ids"] else []
    view["articles"] = [
        article_summary(a) | {"text": a.text,
                              "removed": [{"text": r.text, "reason": r.reason}
                                          for r in a.removed]}
        for a in sorted(articles, key=lambda a: (a.published or "", a.outlet or ""))
    ]
    ids = {p["name"]: p["id"] for p in head["top_people"]}
    for person in view["people"]:
        person["id"] = person["id"] or ids.get(person["name"])
    if not view["people"]:
        view["people"] = [p | {"roles": [], "articles": 0} for p in head["top_people"]]
    return view


# --------------------------------------------------------------------------- entities


def entity_summary(entity: CanonicalEntity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "aliases": list(entity.aliases),
        "roles": list(entity.roles),
        "n_articles": len(entity.article_ids),
    }


def entity_list(store: Any, *, type: str | None = None, limit: int = 50,
                offset: int = 0) -> dict[str, Any]:
    kind = type.upper() if type else None
    items = [entity_summary(e) for e in store.entities(type=kind, limit=limit, offset=offset)]
    return page(items, store.entity_total(type=kind), limit, offset)


def entity_detail(store: Any, entity_id: str, *, max_quotes: int = 100) -> dict[str, Any]:
    """Aliases, roles, the stories it appears in, and what it said (its quotes)."""
    entity = store.entity(entity_id)
    if entity is None:
        raise NotFound(f"no entity with id {entity_id!r}")
    view = entity_summary(entity)
    stories = (store.story(sid) for sid in store.entity_stories(entity.id))
    view["stories"] = [story_summary(s) for s in stories if s is not None]
    view["quotes"] = _entity_quotes(store, entity.id, max_quotes)
    view["article_ids"] = list(entity.article_ids)
    return view


def _entity_quotes(store: Any, entity_id: str, limit: int) -> list[dict[str, Any]]:
    keys = store.entity_keys(entity_id)
    wanted = {(article_id, key) for article_id, key in keys}
    extractions = store.extractions({article_id for article_id, _ in keys})
    outlets = {a.id: a.outlet for a in store.articles(ids=list(extractions))}
    quotes = []
    for article_id, extraction in sorted(extractions.items()):
        for quote in extraction.quotes:
            if (article_id, quote.speaker) in wanted:
                quotes.append({"text": quote.content.text, "act": quote.act,
                               "kind": quote.kind, "article_id": article_id,
                               "outlet": outlets.get(article_id)})
    return quotes[:limit]


# --------------------------------------------------------------------------- search


def search(store: Any, q: str, *, limit: int = 20, offset: int = 0,
           budget_s: float | None = None) -> dict[str, Any]:
    """One page of hits; both queries share ``budget_s`` (``QueryTimeout`` past it)."""
    with store.time_limit(budget_s):
        hits = store.search(q, limit=limit, offset=offset)
        total = store.search_total(q)
    items = [article_summary(a) | {"snippet": snippet} for a, snippet in hits]
    return page(items, total, limit, offset) | {"query": q}


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

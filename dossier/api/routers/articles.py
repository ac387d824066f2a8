"""``/api/articles``: list with filters, one with clean text and extraction."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from dossier.api import views
from dossier.api.deps import CursorDep, DateQuery, PagingDep, StoreDep

router = APIRouter(tags=["articles"])


@router.get("/articles", summary="Articles, newest first")
def list_articles(store: StoreDep, paging: PagingDep, outlet: str | None = None,
                  since: DateQuery = None, until: DateQuery = None,
                  story: str | None = None, after: CursorDep = None) -> dict[str, Any]:
    """Filter by outlet (case-insensitive), publication date range and story id.
    Page with ``after`` (each page's ``next``) rather than ``offset`` deep down."""
    return views.article_list(store, outlet=outlet, since=since, until=until, story=story,
                              limit=paging.limit, offset=paging.offset, after=after)


@router.get("/articles/{article_id}", summary="One article with its clean text")
def get_article(article_id: str, store: StoreDep) -> dict[str, Any]:
    """Clean text, what cleaning removed and why, versions, and the extraction if any."""
    return views.article_detail(store, article_id)

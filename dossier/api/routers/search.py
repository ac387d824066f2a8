"""``/api/search``: full-text search over titles and clean text."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from dossier.api import views
from dossier.api.deps import PagingDep, StoreDep

router = APIRouter(tags=["search"])


@router.get("/search", summary="Full-text search")
def search(store: StoreDep, paging: PagingDep,
           q: Annotated[str, Query(min_length=1, max_length=500)]) -> dict[str, Any]:
    """Every word of ``q`` must occur; operators and quotes are matched as plain words."""
    return views.search(store, q, limit=paging.limit, offset=paging.offset)

"""``/api/stories``: list with counts and date span, one with its full dossier."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from dossier.api import views
from dossier.api.deps import PagingDep, StoreDep

router = APIRouter(tags=["stories"])


@router.get("/stories", summary="Stories, latest first")
def list_stories(store: StoreDep, paging: PagingDep) -> dict[str, Any]:
    return views.story_list(store, limit=paging.limit, offset=paging.offset)


@router.get("/stories/{story_id}", summary="One story's full dossier")
def get_story(story_id: str, store: StoreDep) -> dict[str, Any]:
    """Summary, timeline, claims with responses, facts by outlet, contradictions, articles."""
    return views.story_detail(store, story_id)

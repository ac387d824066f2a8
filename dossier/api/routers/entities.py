"""``/api/entities``: people, organisations and places across articles."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from dossier.api import views
from dossier.api.deps import PagingDep, StoreDep

router = APIRouter(tags=["entities"])


@router.get("/entities", summary="Entities across the store")
def list_entities(store: StoreDep, paging: PagingDep, type: str | None = None) -> dict[str, Any]:
    """Optionally only one type: PERSON, ORG, GPE, LOC, NORP, OTHER."""
    return views.entity_list(store, type=type, limit=paging.limit, offset=paging.offset)


@router.get("/entities/{entity_id}", summary="One entity with aliases, roles, stories, quotes")
def get_entity(entity_id: str, store: StoreDep) -> dict[str, Any]:
    return views.entity_detail(store, entity_id)

"""``/api/exports``: downloads of article lists, story lists and story dossiers."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from dossier.api import exports, views
from dossier.api.deps import DateQuery, Offset, StoreDep

router = APIRouter(tags=["exports"])
Fmt = Literal["json", "csv", "md"]
ExportLimit = Annotated[int, Query(ge=1, le=10_000)]


def _download(body: str, fmt: str, name: str) -> Response:
    return Response(body, media_type=exports.MEDIA_TYPES[fmt],
                    headers={"content-disposition": f'attachment; filename="{name}.{fmt}"'})


@router.get("/exports/articles.{fmt}", summary="Articles as JSON, CSV or Markdown")
def export_articles(fmt: Fmt, store: StoreDep, outlet: str | None = None,
                    since: DateQuery = None, until: DateQuery = None, story: str | None = None,
                    limit: ExportLimit = 1000, offset: Offset = 0
                    ) -> Response:
    data = views.article_list(store, outlet=outlet, since=since, until=until, story=story,
                              limit=limit, offset=offset)
    body = exports.table(data["items"], exports.ARTICLE_COLUMNS, fmt, "Articles")
    return _download(body, fmt, "articles")


@router.get("/exports/stories.{fmt}", summary="Stories as JSON, CSV or Markdown")
def export_stories(fmt: Fmt, store: StoreDep, limit: ExportLimit = 1000,
                   offset: Offset = 0) -> Response:
    data = views.story_list(store, limit=limit, offset=offset)
    body = exports.table(data["items"], exports.STORY_COLUMNS, fmt, "Stories")
    return _download(body, fmt, "stories")


@router.get("/exports/stories/{story_id}.{fmt}", summary="One story's dossier")
def export_story(story_id: str, fmt: Fmt, store: StoreDep) -> Response:
    view = views.story_detail(store, story_id)
    dossier = store.dossier(view["id"])
    return _download(exports.story_export(view, dossier, fmt), fmt, f"story-{view['id']}")

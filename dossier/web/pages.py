"""Server-rendered HTML pages over the same view data as the JSON API.

Templates are Jinja2 with autoescaping on for every file, so titles, texts and
URLs from articles are always text, never markup. Pages need no JavaScript;
``static/app.js`` only adds conveniences. Every page is a plain GET URL, so any
view can be shared by copying the address bar.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import anyio
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from dossier.api import views
from dossier.api.deps import DateQuery, Offset, StoreDep, check_query
from dossier.api.routers.search import run_search
from dossier.clean.identity import is_valid_url
from dossier.web.timeline import layout

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
PER_PAGE = 20
RENDER_THREADS = 4

router = APIRouter(include_in_schema=False)


def safe_href(url: str | None) -> str | None:
    """Only http(s) links leave the app; ``javascript:`` and friends are dropped, and
    so is a URL too malformed to take apart (stored before the readers checked)."""
    if not url or not is_valid_url(url):
        return None
    return url if urlsplit(url).scheme.lower() in ("http", "https") else None


def make_env() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["safe_href"] = safe_href
    env.globals["snippet_parts"] = views.snippet_parts
    env.globals["urlencode"] = urlencode
    return env


ENV = make_env()


def render(name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(ENV.get_template(name).render(**context), status_code=status_code)


def _pager(request: Request, data: dict[str, Any]) -> dict[str, str | None]:
    """Links to the previous and next page, keeping the other query parameters."""
    params = dict(request.query_params)

    def link(offset: int | None) -> str | None:
        if offset is None:
            return None
        return f"{request.url.path}?{urlencode(params | {'offset': offset})}"

    return {"prev": link(data["prev_offset"]), "next": link(data["next_offset"])}


@router.get("/", response_class=HTMLResponse)
def river(request: Request, store: StoreDep, offset: Offset = 0) -> HTMLResponse:
    data = views.story_list(store, limit=PER_PAGE, offset=offset)
    return render("river.html", data=data, pager=_pager(request, data), nav="stories",
                  title="Stories")


def _story_body(request: Request, story_id: str) -> bytes:
    with request.app.state.pool.lend() as store:
        data = views.story_detail(store, story_id)
    return render("story.html", story=data, timeline=layout(data["timeline"]),
                  nav="stories", title=data["title"] or data["id"]).body


@router.get("/stories/{story_id}", response_class=HTMLResponse)
async def story_page(request: Request, story_id: str) -> HTMLResponse:
    """Built in a worker thread (the response cache answers repeats before this runs).

    Builds share a small thread limit so that, under load, rendering cannot crowd
    the event loop out of the interpreter lock and delay the cheap cached replies.
    """
    body = await anyio.to_thread.run_sync(_story_body, request, story_id,
                                          limiter=request.app.state.render_limiter)
    return HTMLResponse(body)


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, store: StoreDep, offset: Offset = 0,
                  outlet: str | None = None, since: DateQuery = None,
                  until: DateQuery = None, story: str | None = None) -> HTMLResponse:
    data = views.article_list(store, outlet=outlet or None, since=since or None,
                              until=until or None, story=story or None, limit=PER_PAGE,
                              offset=offset)
    return render("articles.html", data=data, pager=_pager(request, data), nav="articles",
                  title="Articles", outlets=store.outlets(),
                  filters={"outlet": outlet or "", "since": since or "", "until": until or ""})


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(article_id: str, store: StoreDep) -> HTMLResponse:
    data = views.article_detail(store, article_id)
    return render("article.html", article=data, nav="articles",
                  title=data["title"] or data["id"])


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, store: StoreDep, offset: Offset = 0,
                  type: str | None = None) -> HTMLResponse:
    data = views.entity_list(store, type=type or None, limit=PER_PAGE * 2, offset=offset)
    return render("entities.html", data=data, pager=_pager(request, data), nav="entities",
                  title="Entities")


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(entity_id: str, store: StoreDep) -> HTMLResponse:
    data = views.entity_detail(store, entity_id)
    return render("entity.html", entity=data, nav="entities", title=data["name"])


@router.get("/search", response_class=HTMLResponse)
async def search_page(request: Request, offset: Offset = 0, q: str = "") -> HTMLResponse:
    """Bounded like ``/api/search`` (length, words, time) and on the same search threads."""
    data = None
    if q.strip():
        data = await run_search(request, check_query(q), limit=PER_PAGE, offset=offset)
    return render("search.html", q=q, data=data,
                  pager=_pager(request, data) if data else None, nav="search",
                  title=f"Search: {q}" if q else "Search")


def render_error(_request: Request, status: int, message: str) -> HTMLResponse:
    return render("error.html", status_code=status, status=status, message=message, nav="",
                  title=str(status))


def install_pages(app: FastAPI) -> None:
    app.include_router(router)
    app.state.render_error = render_error
    app.state.render_limiter = anyio.CapacityLimiter(RENDER_THREADS)

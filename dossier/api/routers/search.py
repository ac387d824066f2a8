"""``/api/search``: full-text search over titles and clean text.

Searches are the one read whose cost the visitor controls, so they are bounded
three ways: the text is capped (``deps.check_query``), each search runs under a
time budget (``Store.time_limit``; past it the reply is a 503 asking to narrow
it), and searches run on their own few threads (``SEARCH_THREADS``), so however
many arrive at once the other worker threads stay free for cheap pages.
"""

from __future__ import annotations

from typing import Any

import anyio
from fastapi import APIRouter, Request

from dossier.api import views
from dossier.api.deps import PagingDep, SearchText

router = APIRouter(tags=["search"])

#: Threads searches may occupy at once; more searches wait their turn.
SEARCH_THREADS = 2
#: Default time budget of one search (its page and its total), in seconds.
SEARCH_BUDGET_S = 2.0

async def run_search(request: Request, q: str, *, limit: int, offset: int) -> dict[str, Any]:
    """``views.search`` on a search thread, with this app's time budget."""
    state = request.app.state

    def work() -> dict[str, Any]:
        with state.pool.lend() as store:
            return views.search(store, q, limit=limit, offset=offset,
                                budget_s=state.search_budget_s)

    return await anyio.to_thread.run_sync(work, limiter=state.search_limiter)


@router.get("/search", summary="Full-text search")
async def search(request: Request, paging: PagingDep, q: SearchText) -> dict[str, Any]:
    """Every word of ``q`` must occur; operators and quotes are matched as plain words.
    At most 200 characters and 12 words; a search that runs too long is a 503."""
    return await run_search(request, q, limit=paging.limit, offset=paging.offset)

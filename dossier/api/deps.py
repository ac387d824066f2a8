"""Shared request dependencies: the read-only store and pagination parameters."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request

from dossier.api import views
from dossier.store import Store, fts_terms

MAX_LIMIT = 200


def get_store(request: Request) -> Iterator[Store]:
    """A read-only store lent to this request alone (see ``StorePool``)."""
    with request.app.state.pool.lend() as store:
        yield store


#: Largest ``offset`` accepted: past any store's size, and far from SQLite's 64-bit
#: integers (``offset`` 2**63 used to overflow them into a 500).
MAX_OFFSET = 10**12
#: ``offset`` as every paged endpoint takes it: bounded at both ends, so a bad one is a 422.
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]


@dataclass(frozen=True)
class Paging:
    limit: int
    offset: int


def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = 50,
    offset: Offset = 0,
) -> Paging:
    return Paging(limit, offset)


def cursor(after: Annotated[str | None, Query(
        max_length=200, description="The `next` of the previous page: continue after it "
        "(costs the same at any depth, unlike offset).")] = None,
        offset: Offset = 0) -> tuple[str | None, int] | None:
    """The sort key an ``after`` cursor holds, or a 422 for a forged or mixed one."""
    if after is None:
        return None
    if offset:
        raise HTTPException(422, "give either after or offset, not both")
    try:
        return views.decode_cursor(after)
    except ValueError as exc:
        raise HTTPException(422, f"invalid request: after: {exc}") from exc


StoreDep = Annotated[Store, Depends(get_store)]
CursorDep = Annotated[tuple[str | None, int] | None, Depends(cursor)]
PagingDep = Annotated[Paging, Depends(paging)]
DateQuery = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
                                        description="YYYY, YYYY-MM or YYYY-MM-DD")]


#: Longest search accepted, in characters and in words. Every word is one more
#: posting list that FTS5 intersects, so a pasted paragraph used to run for seconds.
MAX_QUERY_CHARS = 200
MAX_QUERY_TERMS = 12


def check_query(q: str) -> str:
    """``q`` unchanged, or a 422 naming the limit it passes."""
    if len(q) > MAX_QUERY_CHARS:
        raise HTTPException(422, f"search text is {len(q)} characters; the limit is "
                                 f"{MAX_QUERY_CHARS}")
    terms = len(fts_terms(q))
    if terms > MAX_QUERY_TERMS:
        raise HTTPException(422, f"search has {terms} words; the limit is {MAX_QUERY_TERMS}")
    return q


def search_text(q: Annotated[str, Query(min_length=1, description=(
        f"Words to find, all required (at most {MAX_QUERY_CHARS} characters, "
        f"{MAX_QUERY_TERMS} words)."))]) -> str:
    return check_query(q)


SearchText = Annotated[str, Depends(search_text)]

"""Shared request dependencies: the read-only store and pagination parameters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Query, Request

from dossier.store import Store

MAX_LIMIT = 200


def get_store(request: Request) -> Store:
    """This thread's read-only store (see ``StorePool``)."""
    return request.app.state.pool.get()


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


StoreDep = Annotated[Store, Depends(get_store)]
PagingDep = Annotated[Paging, Depends(paging)]
DateQuery = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
                                        description="YYYY, YYYY-MM or YYYY-MM-DD")]

"""``POST /api/ingest``: only when the server was started with ``--allow-ingest``.

The body is one input file (any format ``dossier ingest`` reads); ``name`` is
its file name, used for format hints and provenance. Writes go through their own
read-write store, one ingest at a time.
"""

from __future__ import annotations

import tempfile
from pathlib import Path, PurePath
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request

from dossier.store import Store

router = APIRouter(tags=["ingest"])
MAX_BODY = 50 * 1024 * 1024


@router.post("/ingest", summary="Ingest one input file (needs --allow-ingest)")
async def ingest_file(request: Request,
                      name: Annotated[str, Query(min_length=1, max_length=200)] = "upload.txt",
                      process: bool = True) -> dict[str, Any]:
    """Store the body as ``dossier ingest`` would; then, unless ``process=false``, bring
    extraction, stories and dossiers up to date so the new articles show in their stories."""
    if not request.app.state.allow_ingest:
        raise HTTPException(403, "ingest over HTTP is disabled; start the server with "
                                 "--allow-ingest to enable it")
    problem = _bad_name(name)
    if problem:
        raise HTTPException(400, f"bad upload name {name!r}: {problem}")
    body = await request.body()
    if len(body) > MAX_BODY:
        raise HTTPException(413, f"body larger than {MAX_BODY} bytes")
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(_ingest_bytes, request.app.state, name, body, process)


#: File systems refuse longer names (bytes, not characters: "é" is two).
MAX_NAME_BYTES = 255


def _bad_name(name: str) -> str | None:
    """Why ``name`` cannot be a file name here, or None: a NUL or another control
    character, or more than ``MAX_NAME_BYTES`` bytes once encoded (it used to be a 500)."""
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        return "control characters are not allowed"
    if len(PurePath(name).name.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES:
        return f"longer than {MAX_NAME_BYTES} bytes"
    return None


def _ingest_bytes(state: Any, name: str, body: bytes, process: bool) -> dict[str, Any]:
    from dossier.jobs.ingest import ingest
    from dossier.jobs.process import process as run_stages

    safe = PurePath(name).name.lstrip(".") or "upload.txt"
    with state.write_lock, tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / safe
        path.write_bytes(body)
        store = Store(state.db_path)
        try:
            summary = ingest([str(path)], store)
            stages = run_stages(store) if process and summary.documents else None
        finally:
            store.close()
    return summary.as_dict() | {
        "stored_ids": summary.stored + summary.new_versions,
        "rejected_reasons": [r.reason for r in summary.rejected],
        "stories": stages.stories if stages else None,
    }

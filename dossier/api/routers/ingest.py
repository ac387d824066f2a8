"""``POST /api/ingest``: only when the server was started with ``--allow-ingest``.

The body is one input file (any format ``dossier ingest`` reads); ``name`` is
its file name, used for format hints and recorded as ``upload:<name>`` in the
provenance. Writes go through their own read-write store, one ingest at a time.

A browser on another site can send a simple cross-origin POST (a text/plain
form) without the visitor knowing, so an ingest must come with the server's
token in ``X-Dossier-Token`` (a custom header: the browser asks first with a
CORS preflight, which this server never grants) and must not say it comes from
elsewhere (``Origin``, ``Sec-Fetch-Site``). The body is spooled to a temporary
file as it arrives and refused the moment it passes ``MAX_BODY``: never held
in memory whole.
"""

from __future__ import annotations

import hmac
import tempfile
from pathlib import Path, PurePath
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, HTTPException, Query, Request

from dossier.store import Store

router = APIRouter(tags=["ingest"])
MAX_BODY = 50 * 1024 * 1024
TOKEN_HEADER = "X-Dossier-Token"
#: Prefix of the provenance source an upload is recorded under.
UPLOAD_PREFIX = "upload:"


@router.post("/ingest", summary="Ingest one input file (needs --allow-ingest and the token)")
async def ingest_file(request: Request,
                      name: Annotated[str, Query(min_length=1, max_length=200)] = "upload.txt",
                      process: bool = True) -> dict[str, Any]:
    """Store the body as ``dossier ingest`` would; then, unless ``process=false``, bring
    extraction, stories and dossiers up to date so the new articles show in their stories."""
    state = request.app.state
    if not state.allow_ingest:
        raise HTTPException(403, "ingest over HTTP is disabled; start the server with "
                                 "--allow-ingest to enable it")
    refusal = cross_origin(request) or _token_problem(request, state.ingest_token)
    if refusal:
        raise HTTPException(403, refusal)
    problem = _bad_name(name)
    if problem:
        raise HTTPException(400, f"bad upload name {name!r}: {problem}")
    _check_declared_length(request)
    from starlette.concurrency import run_in_threadpool

    safe = PurePath(name).name.lstrip(".") or "upload.txt"
    with tempfile.TemporaryDirectory(prefix="dossier-upload-") as tmp:
        path = Path(tmp) / safe
        await _spool(request, path)
        return await run_in_threadpool(_ingest_file, state, path, UPLOAD_PREFIX + name,
                                       process)


def cross_origin(request: Request) -> str | None:
    """Why the request says it comes from another site, or None.

    ``Origin`` (sent by browsers on every cross-origin POST) must name this
    server's own host and port, as the ``Host`` header does; ``Sec-Fetch-Site``
    (sent by current browsers) must not be ``cross-site`` or ``same-site``.
    Clients that are not browsers send neither and pass.
    """
    site = request.headers.get("sec-fetch-site", "").lower()
    if site in ("cross-site", "same-site"):
        return f"cross-origin ingest refused (Sec-Fetch-Site: {site})"
    origin = request.headers.get("origin")
    if origin is None:
        return None
    host = request.headers.get("host", "").lower()
    try:
        netloc = urlsplit(origin).netloc.lower()
    except ValueError:
        netloc = ""
    if not netloc or netloc != host:
        return f"cross-origin ingest refused (Origin {origin!r} is not this server, {host!r})"
    return None


def _token_problem(request: Request, token: str) -> str | None:
    given = request.headers.get(TOKEN_HEADER)
    if given is None:
        return (f"ingest needs the server's token in the {TOKEN_HEADER} header "
                "(dossier serve --allow-ingest prints it at start, or set it with "
                "--ingest-token / DOSSIER_INGEST_TOKEN)")
    if not hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8")):
        return f"wrong {TOKEN_HEADER}"
    return None


def _check_declared_length(request: Request) -> None:
    """413 before reading anything when ``Content-Length`` already says too much."""
    declared = request.headers.get("content-length")
    if declared is None:
        return
    try:
        size = int(declared)
    except ValueError:
        raise HTTPException(400, f"bad Content-Length {declared!r}") from None
    if size > MAX_BODY:
        raise HTTPException(413, f"body larger than {MAX_BODY} bytes ({size} declared)")


async def _spool(request: Request, path: Path) -> None:
    """Write the body to ``path`` as it arrives; 413 once it passes ``MAX_BODY``
    (a chunked body has no length to check first)."""
    size = 0
    with path.open("wb") as out:
        async for chunk in request.stream():
            size += len(chunk)
            if size > MAX_BODY:
                raise HTTPException(413, f"body larger than {MAX_BODY} bytes")
            out.write(chunk)


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


def _ingest_file(state: Any, path: Path, shown: str, process: bool) -> dict[str, Any]:
    from dossier.jobs.ingest import ingest
    from dossier.jobs.process import process as run_stages

    with state.write_lock:
        store = Store(state.db_path)
        try:
            summary = ingest([str(path)], store, names={str(path): shown})
            stages = run_stages(store) if process and summary.documents else None
        finally:
            store.close()
    return summary.as_dict() | {
        "stored_ids": summary.stored + summary.new_versions,
        "rejected_reasons": [r.reason for r in summary.rejected],
        "stories": stages.stories if stages else None,
    }

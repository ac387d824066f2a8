"""Guarding ``POST /api/ingest``: who may post, and how much, before anything is read.

A page on another origin can make a visitor's browser POST a ``text/plain`` form to a
server on their machine (CSRF): such a "simple" request is sent without asking. The
ingest endpoint therefore wants what no form can send: an ``X-Dossier-Token`` header
with the token ``dossier serve --allow-ingest`` prints at start (a custom header also
makes the browser ask first, a preflight this server never grants), and it refuses
any request whose ``Origin`` is another site or whose ``Sec-Fetch-Site`` says
cross-site. The body is streamed to a temporary file and cut off at the limit, so a
400 MB upload costs the server one chunk of memory, not 400 MB.
"""

from __future__ import annotations

import hmac
import os
import secrets
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import HTTPException, Request

TOKEN_HEADER = "x-dossier-token"
MAX_BODY = 50 * 1024 * 1024


def new_token() -> str:
    """A token for one server run: 32 random bytes, URL-safe."""
    return secrets.token_urlsafe(32)


def check_origin(request: Request) -> None:
    """403 unless the request may come from this server's own pages or a program."""
    site = request.headers.get("sec-fetch-site")
    if site in ("cross-site", "same-site"):
        raise HTTPException(403, f"ingest refused: a {site} request (Sec-Fetch-Site); "
                                 "post from this server's origin or a program")
    origin = request.headers.get("origin")
    if origin is None:
        return  # programs (curl, httpx) send none; browsers send one on every POST
    host = request.headers.get("host", "")
    try:
        parts = urlsplit(origin)
        same = parts.scheme in ("http", "https") and parts.netloc.lower() == host.lower()
    except ValueError:
        same = False
    if not same:
        raise HTTPException(403, f"ingest refused: Origin {origin!r} is not this server "
                                 f"({host})")


def check_token(request: Request, expected: str) -> None:
    """403 unless ``X-Dossier-Token`` holds the server's token (constant-time compare)."""
    given = request.headers.get(TOKEN_HEADER, "")
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(403, f"ingest refused: missing or wrong {TOKEN_HEADER} header "
                                 "(dossier serve --allow-ingest prints the token at start)")


async def receive_body(request: Request, folder: str, name: str,
                       limit: int = MAX_BODY) -> Path:
    """Stream the body into ``folder/name``; 413 as soon as it passes ``limit`` bytes
    (at once when ``Content-Length`` says so), leaving no partial file behind."""
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > limit:
        raise HTTPException(413, f"body of {int(length)} bytes is larger than the "
                                 f"{limit}-byte limit")
    path = Path(folder) / name
    size = 0
    with path.open("wb") as out:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                out.close()
                path.unlink()
                raise HTTPException(413, f"body larger than the {limit}-byte limit")
            out.write(chunk)
    return path


def upload_folder() -> tempfile.TemporaryDirectory[str]:
    """A private temporary folder for one upload (removed with its file afterwards)."""
    return tempfile.TemporaryDirectory(prefix="dossier-upload-", dir=os.environ.get("TMPDIR"))

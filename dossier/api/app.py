"""The HTTP app: JSON API under ``/api``, HTML pages elsewhere, one SQLite store.

``create_app`` wires routers, JSON error handlers, security headers and the
package's static files. Reads use read-only connections, one per worker thread,
so a running ingest (WAL) never blocks a page and a page can never write.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from dossier.api.views import NotFound
from dossier.errors import DossierError, QueryTimeout
from dossier.store import Store
from dossier.web.cache import DEFAULT_MB, CachedGets, PageCache

STATIC_DIR = Path(__file__).resolve().parent.parent / "web" / "static"

#: Sent with every response: no inline script or style, nothing from elsewhere.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
LOOPBACK_NAMES = ["127.0.0.1", "localhost", "::1", "[::1]"]
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


#: Worker threads for the (synchronous) endpoints: enough to overlap SQLite's waits,
#: few enough that a burst of cache misses cannot crowd the event loop, which
#: answers every cached reply, out of the interpreter lock (anyio's default is 40).
WORKER_THREADS = 8


class StorePool:
    """Read-only stores lent to one request at a time, opened as needed, closed on shutdown.

    Lending (not one store per thread) matters: FastAPI may resolve a dependency on
    one worker thread and run the endpoint on another, so a per-thread store could
    be in use by two requests at once; with a search's progress handler on it that
    deadlocked the interpreter lock against SQLite's connection lock.
    """

    def __init__(self, db_path: str) -> None:
        self.db_path = db_path
        self._idle: list[Store] = []
        self._opened: list[Store] = []
        self._lock = threading.Lock()

    def acquire(self) -> Store:
        with self._lock:
            if self._idle:
                return self._idle.pop()
        store = Store(self.db_path, read_only=True)
        with self._lock:
            self._opened.append(store)
        return store

    def release(self, store: Store) -> None:
        with self._lock:
            if store in self._opened:
                self._idle.append(store)

    @contextmanager
    def lend(self) -> Iterator[Store]:
        """A store for the caller alone until the block ends."""
        store = self.acquire()
        try:
            yield store
        finally:
            self.release(store)

    def close(self) -> None:
        with self._lock:
            for store in self._opened:
                store.close()
            self._opened.clear()
            self._idle.clear()


class SecurityHeaders:
    """Plain ASGI middleware (cheaper than BaseHTTPMiddleware) adding SECURITY_HEADERS."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api")


def error_response(request: Request, status: int, message: str) -> Response:
    """JSON under /api; a small HTML page elsewhere (the web module renders it)."""
    if wants_json(request) or not hasattr(request.app.state, "render_error"):
        return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)
    return request.app.state.render_error(request, status, message)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        return error_response(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'][1:]) or err['loc'][0]}: {err['msg']}"
            for err in exc.errors()
        )
        return error_response(request, 422, f"invalid request: {problems}")

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return error_response(request, 404, str(exc))

    @app.exception_handler(QueryTimeout)
    async def too_slow(request: Request, exc: QueryTimeout) -> Response:
        return error_response(request, 503, f"search took longer than {exc.seconds:g} s and "
                                            "was stopped; narrow it (fewer or rarer words)")

    @app.exception_handler(DossierError)
    async def dossier_error(request: Request, exc: DossierError) -> Response:
        return error_response(request, 500, str(exc))


def create_app(db_path: str | Path, *, allow_ingest: bool = False,
               page_cache_mb: float = DEFAULT_MB, allowed_hosts: list[str] | None = None,
               search_budget_s: float | None = None,
               ingest_token: str | None = None) -> FastAPI:
    """The whole server over the store at ``db_path``; ingest only with ``allow_ingest``.

    An ingest must carry ``ingest_token`` (a random one when not given, left in
    ``app.state.ingest_token`` for ``dossier serve`` to print) in the
    ``X-Dossier-Token`` header; see ``dossier.api.routers.ingest``.

    ``page_cache_mb`` is the memory budget of the response cache (0: none), which
    keeps whole GET replies (pages and JSON) and empties itself whenever the store
    changes. ``allowed_hosts`` limits the Host
    header (``dossier serve`` on loopback passes the loopback names, which stops
    DNS-rebinding pages from reading the API through a visitor's browser).
    ``search_budget_s`` bounds one search (default ``SEARCH_BUDGET_S``).
    """
    import anyio

    from dossier.api.routers import ROUTERS
    from dossier.api.routers.search import SEARCH_BUDGET_S, SEARCH_THREADS
    from dossier.web.pages import install_pages

    if ingest_token is not None and not ingest_token:
        raise ValueError("an empty ingest token would let anyone in; give a real one or None")
    db_path = str(db_path)
    Store(db_path).close()  # create the file and apply migrations before read-only use
    pool = StorePool(db_path)
    cache = PageCache(db_path, int(page_cache_mb * 2**20))

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = WORKER_THREADS
        yield
        pool.close()
        cache.close()

    app = FastAPI(
        lifespan=lifespan,
        title="dossier",
        summary="Story dossiers over a local news store",
        version=_version(),
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI loads from a CDN; the OpenAPI document is enough
        redoc_url=None,
    )
    app.state.db_path = db_path
    app.state.allow_ingest = allow_ingest
    app.state.ingest_token = ingest_token or secrets.token_urlsafe(32)
    app.state.pool = pool
    app.state.page_cache = cache
    app.state.write_lock = threading.Lock()
    app.state.search_budget_s = SEARCH_BUDGET_S if search_budget_s is None else search_budget_s
    app.state.search_limiter = anyio.CapacityLimiter(SEARCH_THREADS)
    for router in ROUTERS:
        app.include_router(router, prefix="/api")
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    install_pages(app)
    _install_error_handlers(app)
    app.add_middleware(CachedGets, cache=cache)  # inside the Host check: hits are checked too
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.add_middleware(SecurityHeaders)
    return app


def _version() -> str:
    from dossier import __version__

    return __version__

"""``dossier serve``: the JSON API and web pages over one store, on loopback by default.

The Host-header rule: on a loopback address only the loopback names are
accepted (a DNS-rebinding page cannot reach the API). On any other address the
names a browser will use must be given with ``--allowed-host`` (loopback names
stay allowed too); ``--allowed-host '*'`` turns the check off on purpose. Binding
elsewhere with neither is refused, never silently unchecked.

With ``--allow-ingest`` every upload needs a token in ``X-Dossier-Token``: the
one given (``--ingest-token`` or ``DOSSIER_INGEST_TOKEN``), or a random one made
at start and printed once to stderr, so no web page can post into the store.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from dossier.cli._util import db_option, echo

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
#: The Host header values a loopback server accepts (``[::1]`` is how browsers send ::1);
#: the same list as ``dossier.api.app.LOOPBACK_NAMES``, kept here so this module loads without it.
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")
ANY_HOST = "*"
#: The response cache's default budget; the same as ``dossier.web.cache.DEFAULT_MB``.
PAGE_CACHE_MB = 256
#: Where `dossier serve` reads a fixed ingest token (else the app makes one per start).
TOKEN_ENV = "DOSSIER_INGEST_TOKEN"


def allowed_host_names(host: str, allowed: tuple[str, ...] = ()) -> list[str] | None:
    """The Host names the server accepts when bound to ``host`` (None: no check).

    Raises ``click.UsageError`` for a non-loopback ``host`` without ``allowed``.
    """
    if ANY_HOST in allowed:
        return None
    if allowed:
        return [*LOOPBACK_NAMES, *allowed]
    if host in LOOPBACK_HOSTS:
        return list(LOOPBACK_NAMES)
    raise click.UsageError(
        f"--host {host} accepts connections from other machines, so say which Host names "
        f"they will use: --allowed-host NAME (repeatable, e.g. --allowed-host my-server.lan), "
        f"or --allowed-host '*' to accept any Host header (no DNS-rebinding protection)."
    )


def serve(db_path: str, host: str = "127.0.0.1", port: int = 8000,
          allow_ingest: bool = False,
          allowed_hosts: Sequence[str] | None = LOOPBACK_NAMES,
          page_cache_mb: int = PAGE_CACHE_MB,
          ingest_token: str | None = None) -> None:
    """Run the server until interrupted; prints the URL and the Host rule first.

    ``allowed_hosts`` None accepts any Host header (see :func:`allowed_host_names`);
    ``page_cache_mb`` is the response cache's memory budget (0: no cache);
    ``ingest_token`` None: a random one, printed to stderr when ingest is on.
    """
    import uvicorn

    from dossier.api.app import create_app

    allowed_hosts = None if allowed_hosts is None else list(allowed_hosts)
    app = create_app(db_path, allow_ingest=allow_ingest, allowed_hosts=allowed_hosts,
                     page_cache_mb=page_cache_mb, ingest_token=ingest_token)
    shown = f"[{host}]" if ":" in host else host
    echo(f"dossier: serving {db_path} at http://{shown}:{port}/  (Ctrl+C to stop)")
    if allowed_hosts is None:
        echo("dossier: WARNING: any Host header is accepted (--allowed-host '*')", err=True)
    else:
        echo(f"dossier: accepting Host names {', '.join(allowed_hosts)}")
    if allow_ingest:
        echo("dossier: ingest over HTTP is ENABLED (POST /api/ingest)")
        if ingest_token is None:
            echo(f"dossier: ingest token (send it as X-Dossier-Token): "
                 f"{app.state.ingest_token}", err=True)
        else:
            echo("dossier: ingest token: the one given (--ingest-token / "
                 f"{TOKEN_ENV})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; the default accepts only this machine.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--allowed-host", "allowed", multiple=True, metavar="NAME",
              help="A Host name clients use (repeatable); needed with a non-loopback --host. "
              "'*' accepts any.")
@click.option("--allow-ingest", is_flag=True,
              help="Accept POST /api/ingest (the server is read-only without it).")
@click.option("--ingest-token", metavar="TOKEN", envvar=TOKEN_ENV,
              help="The token uploads must send in X-Dossier-Token (with --allow-ingest); "
              f"also read from ${TOKEN_ENV}. Default: a random one, printed at start.")
@click.option("--page-cache-mb", type=click.IntRange(0, 1_000_000), default=PAGE_CACHE_MB,
              show_default=True, metavar="MB",
              help="Memory for cached pages and API replies (emptied when the store changes); "
              "0 turns the cache off.")
@click.option("--create", is_flag=True,
              help="Create the --db file when it does not exist (else a missing file is refused).")
def serve_command(db_path: str, host: str, port: int, allowed: tuple[str, ...],
                  allow_ingest: bool, ingest_token: str | None, page_cache_mb: int,
                  create: bool) -> None:
    """Serve the JSON API (/api, OpenAPI at /api/openapi.json) and the web pages."""
    if not create and not Path(db_path).is_file():
        raise click.UsageError(
            f"no database at {db_path}; pass --db an existing store, or --create to start "
            "an empty one"
        )
    if ingest_token is not None and not ingest_token.strip():
        raise click.UsageError("--ingest-token must not be empty")
    serve(db_path, host, port, allow_ingest, allowed_host_names(host, allowed), page_cache_mb,
          ingest_token)

"""``dossier serve``: the JSON API and web pages over one store, on loopback by default."""

from __future__ import annotations

import click

from dossier.cli._util import db_option, echo


def serve(db_path: str, host: str = "127.0.0.1", port: int = 8000,
          allow_ingest: bool = False) -> None:
    """Run the server until interrupted; prints the URL first."""
    import uvicorn

    from dossier.api.app import LOOPBACK_NAMES, create_app

    loopback = host in ("127.0.0.1", "localhost", "::1")
    app = create_app(db_path, allow_ingest=allow_ingest,
                     allowed_hosts=LOOPBACK_NAMES if loopback else None)
    shown = f"[{host}]" if ":" in host else host
    echo(f"dossier: serving {db_path} at http://{shown}:{port}/  (Ctrl+C to stop)")
    if allow_ingest:
        echo("dossier: ingest over HTTP is ENABLED (POST /api/ingest)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; the default accepts only this machine.")
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--allow-ingest", is_flag=True,
              help="Accept POST /api/ingest (the server is read-only without it).")
def serve_command(db_path: str, host: str, port: int, allow_ingest: bool) -> None:
    """Serve the JSON API (/api, OpenAPI at /api/openapi.json) and the web pages."""
    serve(db_path, host, port, allow_ingest)

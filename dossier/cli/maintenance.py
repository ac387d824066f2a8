"""``dossier check``, ``dossier export`` and ``dossier import``: keep a store sound and portable."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from dossier.cli._util import db_option, echo, open_store
from dossier.errors import StoreError
from dossier.store.maintenance import check_store, export_store, import_store


@click.command("check")
@db_option
def check_command(db_path: str) -> None:
    """Verify the store: SQLite integrity, migrations, full-text index, orphan rows.

    Prints one line per problem; exits with status 1 when there is any.
    """
    if not Path(db_path).is_file():
        raise click.ClickException(f"no database at {db_path}")
    try:
        with open_store(db_path, read_only=True) as store:
            report = check_store(store)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    for problem in report.problems:
        echo(f"problem: {problem}", err=True)
    status = "ok" if report.ok else f"{len(report.problems)} problem(s)"
    echo(f"{db_path}: {status} ({', '.join(report.checks)} checked)")
    if not report.ok:
        sys.exit(1)


@click.command("export")
@click.argument("path", type=click.Path(dir_okay=False))
@db_option
def export_command(path: str, db_path: str) -> None:
    """Write the whole store to PATH, one JSON row per line (gzipped if PATH ends in .gz).

    Inputs' original bytes, articles and all their versions, rejections, line
    statistics, extractions, stories, entities and dossiers: everything needed
    to rebuild the store with ``dossier import``.
    """
    if not Path(db_path).is_file():
        raise click.ClickException(f"no database at {db_path}")
    try:
        with open_store(db_path, read_only=True) as store:
            counts = export_store(store, path)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    echo(f"exported {sum(counts.values())} rows from {len(counts)} tables -> {path}")


@click.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@db_option
def import_command(path: str, db_path: str) -> None:
    """Rebuild a store from an export at PATH into a new (empty) database, all or nothing."""
    try:
        with open_store(db_path) as store:
            counts = import_store(store, path)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    echo(f"imported {sum(counts.values())} rows into {len(counts)} tables -> {db_path}")

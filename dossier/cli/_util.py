"""Options and printing shared by every command."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from typing import Any

import click

from dossier.safe_text import csv_row, one_line, terminal_text
from dossier.store import DEFAULT_DB, Store

db_option = click.option(
    "--db",
    "db_path",
    default=DEFAULT_DB,
    show_default=True,
    envvar="DOSSIER_DB",
    help="SQLite database file (env DOSSIER_DB).",
)


def open_store(db_path: str, *, read_only: bool = False) -> Store:
    return Store(db_path, read_only=read_only)


def echo(message: Any = None, *, err: bool = False, nl: bool = True) -> None:
    """``click.echo`` with control characters made visible (``terminal_text``).

    Every command prints through this, so a title or file name holding an escape
    sequence cannot retitle the terminal or write its clipboard.
    """
    click.echo(terminal_text(message) if isinstance(message, str) else message, err=err, nl=nl)


def echo_line(message: str, *, err: bool = False) -> None:
    """One output line naming one thing: newlines in it are shown as ``\\n``, not printed."""
    click.echo(one_line(message), err=err)


def heading(text: str) -> None:
    """A bold heading, made safe like :func:`echo`."""
    click.secho(terminal_text(text), bold=True)


def output_option(fn: Callable) -> Callable:
    """Add ``--format table|json|csv`` to a listing command."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "json", "csv"]),
        default="table",
        show_default=True,
        help="How to print the rows.",
    )(fn)


def print_rows(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str]) -> None:
    """Rows as JSON, CSV (formula-like cells quoted) or an aligned table."""
    if fmt == "json":
        echo(json.dumps(list(rows), ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(csv_row(columns))
        writer.writerows(csv_row(row.get(c) for c in columns) for row in rows)
        echo(buffer.getvalue(), nl=False)
        return
    if not rows:
        echo("(nothing)")
        return
    widths = {c: min(60, max(len(c), *(len(_cell(r.get(c))) for r in rows))) for c in columns}
    echo("  ".join(c.ljust(widths[c]) for c in columns))
    echo("  ".join("-" * widths[c] for c in columns))
    for row in rows:
        echo("  ".join(_cell(row.get(c))[: widths[c]].ljust(widths[c]) for c in columns))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return one_line(", ".join(str(v) for v in value))
    return one_line(str(value).replace("\n", " "))


def extract_seconds_option(fn: Callable) -> Callable:
    """Add ``--extract-seconds``: the per-article extraction time limit."""
    return click.option(
        "--extract-seconds",
        type=click.FloatRange(min=0),
        default=60.0,
        show_default=True,
        help="Seconds one article may take to extract; one that takes longer is recorded "
        "as a D301 failure and skipped (a later run with a larger limit retries it). 0: no limit.",
    )(fn)


def echo_failures(failures: Sequence[Any]) -> None:
    """One stderr line per ``ExtractionFailure`` (its message names the article)."""
    for failure in failures:
        echo_line(f"failed: {failure.message}", err=True)

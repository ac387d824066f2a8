"""``dossier ingest``: read, clean and store news documents."""

from __future__ import annotations

import sys

import click

from dossier.cli._util import (
    db_option,
    echo,
    echo_failures,
    echo_line,
    extract_seconds_option,
    open_store,
)
from dossier.sources import SourceConfig


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=SourceConfig().max_bytes,
    show_default=True,
    help="Reject inputs larger than this (after decompression).",
)
@click.option("--batch-size", type=click.IntRange(min=1), default=200, show_default=True,
              help="Documents per transaction.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--no-link", is_flag=True,
              help="Only store articles; skip extraction, linking and dossiers.")
@extract_seconds_option
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True, help="dask: parse, clean, extract and link features on Dask.")
@click.option("--scheduler", default=None,
              help="Dask scheduler address (default: start a local cluster).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Local cluster workers (default: one per CPU).")
def ingest_command(paths: tuple[str, ...], db_path: str, max_bytes: int, batch_size: int,
                   quiet: bool, no_link: bool, extract_seconds: float, engine: str,
                   scheduler: str | None, workers: int | None) -> None:
    """Ingest files, folders, globs or - (stdin): text, HTML, JSONL, WARC, RSS/Atom.

    Prints one line per rejected input or record, and per article whose
    extraction failed or ran out of time, then a closing summary; exits with
    status 1 when anything was rejected or failed, 0 otherwise.
    """
    from tqdm import tqdm

    from dossier.jobs.ingest import IngestConfig, ingest
    from dossier.jobs.process import process

    config = IngestConfig(source=SourceConfig(max_bytes=max_bytes), batch_size=batch_size,
                          extract_seconds=extract_seconds or None)
    store = open_store(db_path)
    bar = tqdm(unit="doc", desc="ingest", disable=quiet or not sys.stderr.isatty(), file=sys.stderr)
    try:
        if engine == "dask":
            from dossier.scale.cli import ingest_on_dask

            summary, processed = ingest_on_dask(list(paths), store, config, scheduler=scheduler,
                                                workers=workers, quiet=quiet, link=not no_link)
        else:
            summary = ingest(list(paths), store, config, progress=lambda _source: bar.update())
            bar.close()
            processed = None if no_link else process(
                store, extract_seconds=config.extract_seconds
            )
    finally:
        bar.close()
        store.close()
    for warning in summary.warnings:
        click.echo(f"warning: {warning}", err=True)
    for rejected in summary.rejected:
        where = f" ({rejected.record})" if rejected.record else ""
        echo_line(f"rejected: {rejected.source}{where}: {rejected.reason}", err=True)
    counts = summary.as_dict()
    echo(
        f"{counts['inputs']} inputs: {counts['stored']} stored, {counts['unchanged']} unchanged, "
        f"{counts['new_versions']} new versions, {counts['rejected']} rejected  -> {db_path}"
    )
    if processed is not None:
        echo(
            f"extracted {processed.extracted}, {processed.stories} stories, "
            f"{processed.entities} entities, {processed.dossiers} dossiers built"
        )
        echo_failures(processed.failed)
    if summary.rejected or (processed is not None and processed.failed):
        sys.exit(1)

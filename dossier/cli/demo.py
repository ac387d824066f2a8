"""``dossier demo``: ingest the bundled sample corpus, say what was stored, serve it."""

from __future__ import annotations

from pathlib import Path

import click

import dossier
from dossier.cli._util import echo

DEMO_DB = "dossier-demo.db"

def sample_dir() -> Path:
    """``examples/sample`` shipped in the package, or next to it in a source checkout."""
    package = Path(dossier.__file__).resolve().parent
    for candidate in (package / "data" / "sample", package.parent / "examples" / "sample"):
        if candidate.is_dir():
            return candidate
    raise click.ClickException("the sample corpus (examples/sample/) was not found; "
                               "run from a source checkout or reinstall dossier")


def build_demo(db_path: str) -> dict[str, int]:
    """Ingest the sample corpus into ``db_path`` and run the later stages; return counts."""
    from dossier.jobs.ingest import ingest
    from dossier.jobs.process import process
    from dossier.store import Store

    store = Store(db_path)
    try:
        summary = ingest([str(sample_dir())], store)
        process(store)
        return summary.as_dict() | {"articles": store.article_count(),
                                    "stories": store.story_count(),
                                    "outlets": len(store.outlets())}
    finally:
        store.close()


@click.command("demo")
@click.option("--db", "db_path", default=DEMO_DB, show_default=True,
              help="Where to build the demo store.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--no-serve", is_flag=True, help="Stop after ingesting and printing the summary.")
def demo_command(db_path: str, port: int, no_serve: bool) -> None:
    """Ingest the sample corpus into dossier-demo.db, print a summary, then serve it."""
    from dossier.store import Store

    counts = build_demo(db_path)
    echo(f"demo store {db_path}: {counts['articles']} articles from {counts['outlets']} "
               f"outlets, {counts['stories']} stories ({counts['stored']} newly stored, "
               f"{counts['unchanged']} already there, {counts['rejected']} rejected)")
    with Store(db_path, read_only=True) as store:
        for story in store.stories(limit=10):
            echo(f"  {story.id}  {len(story.article_ids):>2} articles  "
                       f"{len(story.outlets)} outlets  {story.first_date or ''}  {story.title}")
    if no_serve:
        return
    from dossier.cli.serve import serve

    serve(db_path, "127.0.0.1", port)

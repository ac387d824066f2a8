"""Commands over stories and entities: link, stories, story, entities, entity."""

from __future__ import annotations

import sys

import click

from dossier.cli._util import (
    db_option,
    echo,
    echo_failures,
    extract_seconds_option,
    heading,
    open_store,
    output_option,
    print_rows,
)
from dossier.cli.lazy import LazyChoice
from dossier.safe_text import one_line


def _formats() -> list[str]:
    from dossier.story import FORMATS

    return sorted(FORMATS)


@click.command("link")
@db_option
@click.option("--no-extract", is_flag=True, help="Skip extraction; link what is stored.")
@extract_seconds_option
def link_command(db_path: str, no_extract: bool, extract_seconds: float) -> None:
    """Bring extraction, stories, entities and dossiers up to date (ingest runs this too).

    Exits with status 1 when an article's extraction failed or ran out of time.
    """
    from dossier.jobs.process import process

    with open_store(db_path) as store:
        summary = process(store, extract=not no_extract, extract_seconds=extract_seconds or None)
    echo(
        f"extracted {summary.extracted}, linked {summary.linked} articles into "
        f"{summary.stories} stories, {summary.entities} entities, {summary.dossiers} dossiers built"
    )
    echo_failures(summary.failed)
    if summary.failed:
        sys.exit(1)


@click.command("stories")
@db_option
@click.option("--limit", type=click.IntRange(min=0), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True)
@output_option
def stories_command(db_path: str, limit: int, offset: int, fmt: str) -> None:
    """List stories, latest first, with article and outlet counts and date span."""
    with open_store(db_path) as store:
        rows = [
            {"id": s.id, "articles": len(s.article_ids), "outlets": len(s.outlets),
             "first": s.first_date, "last": s.last_date, "title": s.title,
             "outlet_names": s.outlets}
            for s in store.stories(limit=limit, offset=offset)
        ]
    print_rows(rows, fmt, ("id", "articles", "outlets", "first", "last", "title"))


@click.command("story")
@click.argument("story_id")
@db_option
@click.option("--format", "fmt", type=LazyChoice(_formats), default="text",
              show_default=True, help="Output format of the dossier.")
def story_command(story_id: str, db_path: str, fmt: str) -> None:
    """Print one story's dossier (an id prefix is enough)."""
    from dossier.story import render

    with open_store(db_path) as store:
        story = store.story(story_id)
        if story is None:
            raise click.ClickException(
                f"no story with id {story_id!r} (or the prefix is ambiguous)"
            )
        dossier = store.dossier(story.id)
    if dossier is None:
        raise click.ClickException(f"story {story.id} has no dossier yet: run `dossier link`")
    echo(render(dossier, fmt))


@click.command("entities")
@db_option
@click.option("--type", "etype", help="PERSON, ORG, GPE, LOC, NORP.")
@click.option("--name", help="Only entities whose name or alias contains this.")
@click.option("--limit", type=click.IntRange(min=0), default=50, show_default=True)
@output_option
def entities_command(db_path: str, etype: str | None, name: str | None, limit: int,
                     fmt: str) -> None:
    """List canonical entities across all articles, most mentioned first."""
    with open_store(db_path) as store:
        rows = [
            {"id": e.id, "type": e.type, "name": e.name, "articles": len(e.article_ids),
             "roles": e.roles[:3], "aliases": e.aliases[:5]}
            for e in store.entities(name=name, type=etype, limit=limit)
        ]
    print_rows(rows, fmt, ("id", "type", "name", "articles", "roles", "aliases"))


@click.command("entity")
@click.argument("name")
@db_option
def entity_command(name: str, db_path: str) -> None:
    """Show one entity (by id or name): aliases, roles, stories and quotes."""
    with open_store(db_path) as store:
        entity = store.entity(name) or next(iter(store.entities(name=name, limit=1)), None)
        if entity is None:
            raise click.ClickException(f"no entity matches {name!r}")
        heading(one_line(f"{entity.name} ({entity.type}) {entity.id}"))
        echo(f"  aliases: {', '.join(entity.aliases) or '-'}")
        echo(f"  roles:   {', '.join(entity.roles) or '-'}")
        keys = store.entity_keys(entity.id)
        stories = {a.story_id for aid, _ in keys if (a := store.story_of(aid))}
        echo(f"  {len(entity.article_ids)} articles, {len(stories)} stories")
        for article_id, key in keys:
            extraction = store.extraction(article_id)
            for quote in extraction.quotes if extraction else []:
                if quote.speaker == key:
                    echo(f"  [{article_id[:10]}] {quote.act}: {quote.content.text[:150]}")

"""``dossier articles``, ``dossier show`` and ``dossier search``."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from dossier.cli._util import (
    db_option,
    echo,
    echo_line,
    heading,
    open_store,
    output_option,
    print_rows,
)
from dossier.model import Article, Event
from dossier.safe_text import one_line
from dossier.store import Store

LIST_COLUMNS = ("id", "published", "outlet", "title", "words")


def _row(article: Article) -> dict[str, object]:
    return {
        "id": article.id,
        "published": article.published,
        "outlet": article.outlet,
        "title": article.title,
        "words": len(article.text.split()),
        "url": article.url,
        "version": article.version,
    }


@click.command("articles")
@db_option
@click.option("--outlet", help="Only this outlet (case-insensitive).")
@click.option("--since", metavar="YYYY-MM-DD", help="Published on or after.")
@click.option("--until", metavar="YYYY-MM-DD", help="Published on or before.")
@click.option("--limit", type=click.IntRange(min=0), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True)
@output_option
def articles_command(db_path: str, outlet: str | None, since: str | None, until: str | None,
                     limit: int, offset: int, fmt: str) -> None:
    """List stored articles, newest first."""
    with open_store(db_path) as store:
        rows = [_row(a) for a in store.articles(outlet=outlet, since=since, until=until,
                                                 limit=limit, offset=offset)]
    columns = list(rows[0]) if rows and fmt != "table" else LIST_COLUMNS
    print_rows(rows, fmt, columns)


@click.command("show")
@click.argument("article_id")
@db_option
@click.option("--version", "version", type=click.IntRange(min=1), help="A specific stored version.")
@click.option("--json", "as_json", is_flag=True, help="Print the article as JSON.")
def show_command(article_id: str, db_path: str, version: int | None, as_json: bool) -> None:
    """Show one article: metadata, clean text, and what was removed and why."""
    with open_store(db_path) as store:
        article = store.article(article_id, version)
        if article is None:
            raise click.ClickException(
                f"no article with id {article_id!r} (or the prefix is ambiguous)"
            )
        extra = _stage_sections(store, article)
    if as_json:
        payload = asdict(article) | {key: value for key, (value, _) in extra.items()}
        echo(json.dumps(payload, ensure_ascii=False, indent=2, default=str))
        return
    _print_article(article)
    for title, (_, lines) in extra.items():
        heading(f"\n{title}")
        for line in lines:
            echo(f"  {line}")


def _stage_sections(store: Store, article: Article) -> dict[str, tuple[object, list[str]]]:
    """What later stages found in the article: extraction and its story."""
    sections: dict[str, tuple[object, list[str]]] = {}
    extraction = store.extraction(article.id)
    if extraction is not None:
        sections["Entities"] = (
            [asdict(e) for e in extraction.entities],
            [f"{e.type:<6} {e.name}" + (f"  [{'; '.join(e.roles)}]" if e.roles else "")
             + (f"  = {e.normalized}" if e.normalized and e.normalized != e.name else "")
             for e in extraction.entities],
        )
        sections["Dates"] = (
            [asdict(d) for d in extraction.dates],
            [f"{d.span.text!r} -> {d.value} ({d.type}; {d.reasoning})" for d in extraction.dates],
        )
        sections["Quotes and claims"] = (
            [asdict(q) for q in extraction.quotes],
            [f"{q.speaker_name or '?'} [{q.act}, {q.kind}]: {q.content.text[:140]}"
             for q in extraction.quotes],
        )
        sections["Events"] = (
            [asdict(ev) for ev in extraction.events],
            [_event_line(ev) for ev in extraction.events],
        )
    assignment = store.story_of(article.id)
    if assignment is not None:
        story = store.story(assignment.story_id)
        line = f"{assignment.story_id}  {story.title if story else ''}"
        if assignment.duplicate_of:
            line += f"  (copy of {assignment.duplicate_of})"
        sections["Story"] = (asdict(assignment), [line])
    return sections


def _event_line(ev: Event) -> str:
    action = f"{ev.action}{' NOT' if ev.negated else ''}"
    target = ev.target_name or ev.object or "-"
    return f"({ev.source_name or '?'}, {action}, {target}, {ev.date or '-'})"


def _print_article(article: Article) -> None:
    heading(one_line(article.title or "(untitled)"))
    for label, value in (("id", article.id), ("version", article.version),
                         ("outlet", article.outlet), ("published", article.published),
                         ("author", article.author), ("url", article.url),
                         ("source", article.provenance.source if article.provenance else None),
                         ("record", article.provenance.record if article.provenance else None)):
        if value:
            echo_line(f"{label:>10}: {value}")
    echo()
    echo(article.text)
    if article.captions or article.credits:
        heading("\nCaptions and credits")
        for line in article.captions + article.credits:
            echo(f"  {line}")
    if article.removed:
        heading(f"\nRemoved ({len(article.removed)})")
        for removed in article.removed:
            echo(f"  [{removed.reason}] {removed.text[:120]}")


@click.command("search")
@click.argument("query")
@db_option
@click.option("--limit", type=click.IntRange(min=0), default=20, show_default=True)
@output_option
def search_command(query: str, db_path: str, limit: int, fmt: str) -> None:
    """Full-text search over article titles and clean text."""
    with open_store(db_path) as store:
        hits = store.search(query, limit=limit)
    rows = [_row(a) | {"snippet": snippet} for a, snippet in hits]
    print_rows(rows, fmt, ("id", "outlet", "title", "snippet"))

"""Exports: article lists, story lists and story dossiers as JSON, CSV or Markdown.

A story export prefers the story stage's own renderer (``dossier.story.render``)
so the file matches ``dossier story --format``; until that exists, the view data
is written out here. Registries map a format name to (media type, writer).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from dossier.api.dossier_view import flatten
from dossier.safe_text import csv_row
from dossier.story import render

ARTICLE_COLUMNS = ("id", "published", "outlet", "title", "author", "url", "words")
STORY_COLUMNS = ("id", "title", "first_date", "last_date", "n_outlets", "n_articles", "outlets")
MEDIA_TYPES = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
}


def _json(rows: list[dict[str, Any]], _columns: tuple[str, ...], _title: str) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=2)


def _csv(rows: list[dict[str, Any]], columns: tuple[str, ...], _title: str) -> str:
    """The rows as CSV; formula-like cells are quoted so a spreadsheet shows, not runs, them."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    writer.writerows(csv_row(cells) for cells in flatten(rows, columns))
    return buffer.getvalue()


def _md_cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def _markdown(rows: list[dict[str, Any]], columns: tuple[str, ...], title: str) -> str:
    lines = [f"# {title}", "", "| " + " | ".join(columns) + " |",
             "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_md_cell(c) for c in cells) + " |"
              for cells in flatten(rows, columns)]
    return "\n".join(lines) + "\n"


TABLE_WRITERS: dict[str, Callable[[list[dict[str, Any]], tuple[str, ...], str], str]] = {
    "json": _json,
    "csv": _csv,
    "md": _markdown,
}


def table(rows: list[dict[str, Any]], columns: tuple[str, ...], fmt: str, title: str) -> str:
    return TABLE_WRITERS[fmt](rows, columns, title)


# --------------------------------------------------------------------------- one story


def story_export(view: dict[str, Any], dossier: Any, fmt: str) -> str:
    """One story's dossier in ``fmt`` through the story stage's renderer; a story
    whose dossier is not built yet is exported from its view (articles, counts)."""
    if dossier is not None:
        return render(dossier, {"md": "markdown"}.get(fmt, fmt))
    return STORY_WRITERS[fmt](view)


def _story_json(view: dict[str, Any]) -> str:
    slim = {k: v for k, v in view.items() if k != "articles"}
    slim["articles"] = [{k: v for k, v in a.items() if k not in ("text", "removed")}
                        for a in view.get("articles", [])]
    return json.dumps(slim, ensure_ascii=False, indent=2)


def _story_csv(view: dict[str, Any]) -> str:
    """One row per fact: the matrix of facts by outlets, flattened."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    outlets = view.get("outlets", [])
    writer.writerow(csv_row(["fact", "corroboration", "single_outlet", "contradicted", *outlets]))
    for fact in view.get("facts", []):
        writer.writerow(csv_row([fact["text"], fact["corroboration"], fact["single_outlet"],
                                 fact["contradicted"], *("x" if o in fact["outlets"] else ""
                                                         for o in outlets)]))
    return buffer.getvalue()


def _story_markdown(view: dict[str, Any]) -> str:
    lines = [f"# {view.get('title') or view.get('id')}", "",
             f"{view.get('first_date') or '?'} to {view.get('last_date') or '?'}; "
             f"outlets: {', '.join(view.get('outlets', []))}", "", view.get("summary", ""), ""]
    if view.get("timeline"):
        lines += ["## Timeline", ""] + [f"- **{t['date']}** {t['text']}" for t in view["timeline"]]
        lines.append("")
    if view.get("claims"):
        lines += ["## Who said what", ""]
        for claim in view["claims"]:
            lines.append(f"- **{claim['speaker']}** ({claim['act']}): {claim['text']}")
            lines += [f"  - **{r['speaker']}** ({r['act']}): {r['text']}"
                      for r in claim["responses"]]
        lines.append("")
    if view.get("facts"):
        lines += ["## Facts", ""]
        lines += [f"- {f['text']} ({f['corroboration']} outlets: {', '.join(f['outlets'])})"
                  for f in view["facts"]]
    return "\n".join(lines) + "\n"


STORY_WRITERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "json": _story_json,
    "csv": _story_csv,
    "md": _story_markdown,
}

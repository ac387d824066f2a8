"""Turning model dataclasses into SQLite rows and back.

Nested lists and dicts are stored as JSON text: SQLite's JSON functions can still
query them, and the row shape stays stable as the dataclasses grow.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict
from typing import Any

from dossier.model import Article, Provenance, RemovedText

ARTICLE_COLUMNS = (
    "id", "version", "text_sha256", "url", "title", "outlet", "author", "published",
    "language", "text", "removed", "captions", "credits", "provenance", "extras",
)


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def article_to_row(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "version": article.version,
        "text_sha256": article.text_sha256,
        "url": article.url,
        "title": article.title,
        "outlet": article.outlet,
        "author": article.author,
        "published": article.published,
        "language": article.language,
        "text": article.text,
        "removed": dumps([asdict(r) for r in article.removed]),
        "captions": dumps(article.captions),
        "credits": dumps(article.credits),
        "provenance": dumps(asdict(article.provenance)) if article.provenance else None,
        "extras": dumps(article.extras),
    }


def row_to_article(row: sqlite3.Row) -> Article:
    provenance = json.loads(row["provenance"]) if row["provenance"] else None
    return Article(
        id=row["id"],
        version=row["version"],
        text_sha256=row["text_sha256"],
        url=row["url"],
        title=row["title"],
        outlet=row["outlet"],
        author=row["author"],
        published=row["published"],
        language=row["language"],
        text=row["text"],
        removed=[RemovedText(**r) for r in json.loads(row["removed"])],
        captions=json.loads(row["captions"]),
        credits=json.loads(row["credits"]),
        provenance=Provenance(**provenance) if provenance else None,
        extras=json.loads(row["extras"]),
    )

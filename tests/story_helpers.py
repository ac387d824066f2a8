"""Synthetic articles for the story tests: one body under several outlets' headlines."""

from __future__ import annotations

from dossier.model import Article


def headline_articles(titles: list[str], body: str, published: str) -> list[Article]:
    """Articles ``a0``, ``a1``, ... of outlets ``O0``, ``O1``, ...: each title, as the
    text's first line, over the same body."""
    return [Article(id=f"a{i}", title=title, text=f"{title}\n{body}", outlet=f"O{i}",
                    published=published)
            for i, title in enumerate(titles)]

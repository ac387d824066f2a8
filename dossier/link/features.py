"""What the linker counts in one article: its words plus its named entities.

Look-alike events (two rehab stays, two earthquakes) share their vocabulary;
what tells them apart is who and where. Names therefore enter the vector as
separate ``@word`` terms weighted up. They come from extraction's entities when
there are any, else from capitalised word runs, so linking works without the
extraction stage.
"""

from __future__ import annotations

import re
from collections import Counter

from dossier.link.vectors import proper_names, term_counts
from dossier.model import Article, Extraction

_NAME_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*", re.UNICODE)
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "the"})


def entity_words(extraction: Extraction) -> list[str]:
    """Name words of every entity, once per mention (so salient entities weigh more)."""
    words: list[str] = []
    for entity in extraction.entities:
        name = entity.normalized or entity.name
        parts = [
            w.lower().replace("’", "'")
            for w in _NAME_WORD.findall(name)
            if w.lower() not in _HONORIFICS
        ]
        words.extend(parts * max(1, len(entity.mentions)))
    return words


def article_terms(article: Article, extraction: Extraction | None = None) -> Counter[str]:
    """Word and ``@name`` term counts of the title and body."""
    text = f"{article.title}\n{article.text}" if article.title else article.text
    if extraction is not None and extraction.entities:
        names = entity_words(extraction)
    else:
        names = proper_names(text)
    return term_counts(text, names)


_YEAR = re.compile(r"(?<![\d/.,-])(19[5-9]\d|20[0-4]\d)(?![\d])")


def reference_year(article: Article, extraction: Extraction | None = None) -> int | None:
    """The year the article reports on: its publication year, else the latest year it names.

    News reports recent events, so the latest year a text (or its URL) mentions
    is a fair estimate of when its event happened when no date was given; it is
    what keeps two look-alike events years apart from merging.
    """
    if article.published and article.published[:4].isdigit():
        return int(article.published[:4])
    years: list[int] = []
    if extraction is not None:
        years = [int(d.value[:4]) for d in extraction.dates if d.value[:4].isdigit()]
    if not years:
        text = f"{article.url or ''} {article.title} {article.text}"
        years = [int(y) for y in _YEAR.findall(text)]
    return max(years) if years else None

"""The year an undated article's dates are read in: its story's, not today's.

Extraction reads each article alone. Without a publication date it takes its
anchor from the dates the text states, and a weekday with a month-day ("Monday,
July 13") fixes the year only up to a few candidates; with no year stated at all
it takes the candidate nearest to today, right for today's news and wrong for an
archive (an undated 2009 article dated 2026 on the timeline). The story knows
better: its other articles' publication dates, or the full dates they write out
("July 13, 2009"), say which year the story is in.
"""

from __future__ import annotations

import re
from collections import Counter

from dossier.model import Article, DateMention, Extraction

_DAY = re.compile(r"^(\d{4})-\d{2}-\d{2}$")
_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")


def story_year(articles: list[Article], dates: dict[str, list[DateMention]]) -> int | None:
    """The story's year: the most common year of its publication dates, else of the
    full dates (year written out) its articles state; None if neither exists."""
    published = Counter(int(a.published[:4]) for a in articles
                        if a.published and a.published[:4].isdigit())
    if published:
        return published.most_common(1)[0][0]
    stated: Counter[int] = Counter()
    for mentions in dates.values():
        for d in mentions:
            day = _DAY.match(d.value)
            if day and _YEAR.search(d.span.text):
                stated[int(day.group(1))] += 1
    return stated.most_common(1)[0][0] if stated else None


def article_dates(article: Article, extraction: Extraction | None,
                  year: int | None) -> list[DateMention]:
    """The article's dates; an undated one's read against the story's ``year`` (when
    known) instead of the extraction's guess from today's."""
    try:
        from dossier.extract.dates import extract_dates, infer_anchor
    except ImportError:  # extraction stage absent: dated facts come only from extraction
        return list(extraction.dates) if extraction else []
    if extraction and extraction.dates and (article.published or year is None):
        return list(extraction.dates)
    if article.published or year is None:
        return extract_dates(article.text, article.published)
    return extract_dates(article.text, infer_anchor(article.text, ref_year=year)[0])

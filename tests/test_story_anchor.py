"""Undated articles read their year-less dates in their story's year, not today's
(synthetic articles, our own writing)."""

from __future__ import annotations

import datetime as dt

from dossier.extract import extract_many
from dossier.model import Article, Story
from dossier.story import build_dossier
from dossier.story.anchor import story_year

ROWS = [
    "Harbor council names Ada Ferro as chief engineer\n"
    "On Monday, July 13 the Harbor council named Ada Ferro its chief engineer. Ferro ran "
    "the port's dredging works for a decade.",
    "Ferro to lead Harbor engineering\n"
    "Posted on July 13,2009 at 10:50 AM\nThe Harbor council named Ada Ferro as chief "
    "engineer on Monday. She takes over from Tom Reyes, who retired in June.",
    "Harbor picks Ferro\nThe Harbor council has named Ada Ferro chief engineer, the council "
    "said in a statement. Ferro was born in the town.",
]


def _articles(published: str | None = None) -> list[Article]:
    return [Article(id=f"a{i}", text=text, title=text.split("\n")[0], outlet=f"Outlet {i}",
                    published=published) for i, text in enumerate(ROWS)]


def _dossier(articles: list[Article]):
    extractions = {e.article_id: e for e in extract_many(articles)}
    return build_dossier(Story(id="s", article_ids=[a.id for a in articles]), articles,
                         extractions)


def test_an_undated_story_takes_its_year_from_a_date_written_out() -> None:
    dossier = _dossier(_articles())
    dates = {entry.date for entry in dossier.timeline}
    assert "2009-07-13" in dates
    assert not any(d.startswith(str(dt.date.today().year)) for d in dates), dates


def test_publication_dates_say_the_year_when_there_are_some() -> None:
    articles = _articles("2015-03-02")
    assert story_year(articles, {}) == 2015

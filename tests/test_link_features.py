import pytest

from dossier.link.features import name_conflict, year_evidence
from dossier.link.vectors import proper_names
from dossier.model import Article


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Saints place Thomas on IR Jan 05,2011 The team said", (2011, True)),
        ("Posted 11 / 27 / 2005 7:21 AM A quake hit Qeshm", (2005, True)),
        ("WEDNESDAY, MARCH 4,2009,10:53 AM Obama overturned the rule", (2009, True)),
        ("He missed most of his 2006 season with a knee injury", (2006, False)),
        ("A 1999 film and a 2007 tour; no date of the event itself", (2007, False)),
        ("No year at all in this text", (None, False)),
    ],
)
def test_year_evidence_prefers_full_dates_over_bare_years(text, expected):
    assert year_evidence(Article(id="x", text=text)) == expected


def test_published_date_is_firm_evidence():
    article = Article(id="x", text="in 1999", published="2023-02-06")
    assert year_evidence(article) == (2023, True)


def test_headline_case_and_dateline_words_are_not_names():
    text = (
        "Quake Levels Villages On Iranian Island Of Qeshm\n"
        "Nov 28 8:20 AM GMT The quake levels homes."
    )
    names = proper_names(text)
    assert "qeshm" in names and "iranian" in names
    assert not {"levels", "nov", "am", "gmt"} & set(names)


def test_name_conflict_counts_salient_names_the_story_lacks():
    story = {"@reggie": 0.5, "@bush": 0.6, "@saints": 0.4, "injured": 0.3}
    same = {"@bush": 0.5, "@reggie": 0.3, "reserve": 0.2}
    other = {"@pierre": 0.5, "@thomas": 0.5, "@saints": 0.2}
    assert name_conflict(same, story, 3) == 0.0
    assert name_conflict(other, story, 3) == pytest.approx(1.0 / 1.2)
    assert name_conflict({"injured": 1.0}, story, 3) == 0.0

import pytest

from dossier.link.features import name_conflict, year_evidence
from dossier.link.vectors import DocumentFrequencies, proper_names, term_counts, tfidf
from dossier.link.years import profile_clash, year_clash
from dossier.model import Article, DateMention, Extraction, Span


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


def _extraction(values: list[str], spans: list[str] | None = None) -> Extraction:
    texts = spans or values
    dates = [DateMention(Span(0, 4, t), "DATE", v) for t, v in zip(texts, values, strict=True)]
    return Extraction("x", "t", dates=dates)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["2008", "2009"], (2009, False)),  # "the 2009 season": bare years stay bare
        (["2008-10-12", "2009"], (2008, True)),
        (["XXXX-WXX-7", "PAST_REF"], (None, False)),
    ],
)
def test_extraction_dates_split_into_full_dates_and_bare_years(values, expected):
    article = Article(id="x", text="no years written here")
    assert year_evidence(article, _extraction(values)) == expected


def test_extraction_years_count_only_when_the_text_writes_them():
    guessed = _extraction(["2025-12-09", "2008"], ["Tuesday, December 9", "2008"])
    assert year_evidence(Article(id="x", text="no years"), guessed) == (2008, False)


@pytest.mark.parametrize(
    ("year", "expected"), [(2011, 0.0), (2012, 1 / 3), (2013, 2 / 3), (2014, 1.0), (2001, 1.0)]
)
def test_year_clash_grows_with_the_gap(year, expected):
    assert year_clash(year, {2011: 1.0}, gap=3) == pytest.approx(expected)


def test_year_clash_is_the_share_of_the_story_evidence_that_disagrees():
    assert year_clash(2011, {2011: 1.0, 2020: 0.25}, gap=3) == pytest.approx(0.25 / 1.25)
    assert year_clash(None, {2011: 1.0}, gap=3) == 0.0
    assert profile_clash({2011: 1.0}, {2011: 1.0, 2020: 1.0}, gap=3) == pytest.approx(0.5)


def test_title_case_text_has_no_names():
    assert proper_names("Gary Ross Will Not Direct Hunger Games Sequel") == []
    assert "ross" in proper_names("Director Gary Ross will not direct the sequel")
    assert "isro" in proper_names("印度空间研究组织 ISRO 主席 表示 政府 批准 了 新 任务")


def test_names_weigh_more_in_long_texts_than_in_headlines():
    dfs = DocumentFrequencies()
    head = term_counts("Floods hit Kestrel", ["kestrel"])
    long = term_counts("Floods hit Kestrel " + "water river " * 30, ["kestrel"])
    for counts in (head, long):
        dfs.add(counts)

    def name_share(counts) -> float:
        vec = tfidf(counts, dfs, name_weight=2.0, full_words=50)
        return vec["@kestrel"] / vec["kestrel"]

    assert name_share(head) < 1.0 < name_share(long) == pytest.approx(2.0)

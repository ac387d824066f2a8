"""Plain-text cleaner: corpus recurrence, mojibake, line rules, dropped documents."""

from __future__ import annotations

import pickle

import pytest

from dossier.clean import (
    CleanConfig,
    Dropped,
    LineStats,
    clean,
    document_lines,
    lines_for_stats,
)
from dossier.clean.outlets import outlet_from_lines, split_handle
from dossier.model import Article, Provenance, RawDocument

PROSE = [
    "The council approved the new budget on Tuesday after a long debate in the chamber.",
    "Opposition members said the plan would raise local taxes for most of the households.",
    "The mayor rejected that claim and promised to publish the full figures next month.",
]
PROMO = "Get the best of our reporting delivered every morning with Daily Ledger"


def _doc(text: str, **meta: str) -> RawDocument:
    return RawDocument(Provenance("t", "text", "0" * 64), text=text, meta=dict(meta))


def _article(text: str, **kwargs) -> Article:
    result = clean(_doc(text), **kwargs)
    assert isinstance(result, Article)
    return result


def _story(n: int) -> str:
    lines = [f"Story number {n} begins with a sentence about the harbour and its new cranes."]
    return "\n".join(lines + PROSE[:1] + [PROMO] + PROSE[1:])


def test_recurring_line_dropped_once_stats_know_it() -> None:
    stats = LineStats()
    assert PROMO in _article(_story(0), stats=stats).text
    for n in range(1, 5):
        stats.observe("Daily Ledger", lines_for_stats(_doc(_story(n))))
    article = clean(_doc(_story(5), outlet="Daily Ledger"), stats=stats)
    assert isinstance(article, Article)
    assert PROMO not in article.text
    assert ("recurring_line", PROMO) in {(r.reason, r.text) for r in article.removed}
    other = clean(_doc(_story(5), outlet="Other Paper"), stats=stats)
    assert PROMO in other.text


def test_recurrence_spares_a_reingested_copy() -> None:
    stats = LineStats()
    for _ in range(4):
        stats.observe("Daily Ledger", lines_for_stats(_doc(_story(1))))
    article = clean(_doc(_story(1), outlet="Daily Ledger"), stats=stats)
    assert isinstance(article, Article)
    assert PROSE[0] in article.text


def test_line_stats_rows_round_trip_and_pickle() -> None:
    stats = LineStats()
    stats.observe("A", ["Subscribe now", "Body line one."])
    stats.observe("A", ["Subscribe now!", "(c) 2023 A"])
    stats.observe(None, ["x y"])
    assert stats.count("A", "subscribe now") == 2
    assert stats.count("A", "(c) 2024 A") == 1
    assert stats.documents("A") == 2 and stats.documents(None) == 1
    again = LineStats.from_rows(stats.to_rows())
    assert again == stats
    assert pickle.loads(pickle.dumps(stats)) == stats


@pytest.mark.parametrize(
    "broken, fixed",
    [
        ("The UK\u00e2\u20ac\u2122s defence secretary", "The UK\u2019s defence secretary"),
        ("caf\u00c3\u00a9 owners said", "caf\u00e9 owners said"),
        ("\u00e2\u20ac\u0153dirty bomb\u00e2\u20ac\u009d", "\u201cdirty bomb\u201d"),
    ],
)
def test_mojibake_is_repaired(broken: str, fixed: str) -> None:
    article = _article(f"{PROSE[0]}\nIn brief, {broken} and more on Sunday evening here.")
    assert fixed in article.text


def test_mojibake_repair_can_be_switched_off() -> None:
    text = f"{PROSE[0]}\nThe UK\u00e2\u20ac\u2122s defence secretary spoke to reporters."
    article = _article(text, config=CleanConfig(fix_encoding=False))
    assert "\u00e2\u20ac\u2122" in article.text


@pytest.mark.parametrize(
    "line, reason",
    [
        ("We use cookies to improve your experience. Accept all cookies", "cookie"),
        ("Follow us on Twitter and Facebook", "social"),
        ("Reporting by Jane Roe; Editing by John Doe", "credit"),
        ("Photo: Jane Roe/Reuters", "caption"),
        ("Advertisement", "call_to_action"),
        ("Subscribe to our newsletter", "newsletter"),
        ("\u00a9 2024 Daily Ledger. All rights reserved.", "copyright"),
    ],
)
def test_line_rules_name_their_reason(line: str, reason: str) -> None:
    article = _article("\n".join([PROSE[0], line, PROSE[1], PROSE[2]]))
    assert line not in article.text
    assert (reason, line) in {(r.reason, r.text) for r in article.removed}


def test_prose_mentioning_platforms_is_kept() -> None:
    line = "The minister said on Telegram that the talks would resume in Geneva next week."
    assert line in _article("\n".join([PROSE[0], line, PROSE[1]])).text


def test_title_byline_and_header_fields() -> None:
    text = "date 2024-03-01\nHarbour Cranes Arrive In Port\nBy Jane Roe\n" + "\n".join(PROSE)
    article = _article(text)
    assert article.title == "Harbour Cranes Arrive In Port"
    assert article.author == "Jane Roe"
    assert article.published == "2024-03-01"
    assert article.text.startswith(PROSE[0])


@pytest.mark.parametrize("line, published", [
    ("Published: Oct. 23, 2022 10:15 BST", "2022-10-23"),
    ("Sun 23 Oct 2022 14.05 BST", "2022-10-23"),
    ("Updated 2022-10-23 at 9:30 a.m. ET", "2022-10-23"),
    ("Monday, 24th October 2022 | 7:42pm", "2022-10-24"),
])
def test_dateline_gives_the_publication_date_and_goes(line: str, published: str) -> None:
    article = _article("Harbour Cranes Arrive In Port\nBy Jane Roe\n" + line + "\n"
                       + "\n".join(PROSE))
    assert article.published == published
    assert line not in article.text and article.text.startswith(PROSE[0])
    assert any(r.text == line and r.reason in ("dateline", "header") for r in article.removed)


@pytest.mark.parametrize("line", [
    "British Defence Intelligence Update Ukraine 23 December 2024",  # a related headline
    "London, 23 October 2022",  # a place dateline: a date, but not only a date
    "Last updated: 23/10/2022",  # day/month order unknowable
])
def test_lines_that_are_not_only_a_date_give_no_publication_date(line: str) -> None:
    article = _article("\n".join([PROSE[0], line, *PROSE[1:]]))
    assert article.published is None


def test_header_date_wins_over_a_dateline() -> None:
    article = _article("date 2024-03-01\nOctober 23, 2022\n" + "\n".join(PROSE))
    assert article.published == "2024-03-01"


def test_meta_takes_precedence_and_dates_normalise() -> None:
    doc = _doc(
        "\n".join(PROSE),
        title="Given",
        date="Tue, 05 Mar 2024 10:00:00 GMT",
        outlet="Ledger",
        url="HTTPS://Ledger.example/a/?utm_source=x",
    )
    article = clean(doc)
    assert isinstance(article, Article)
    assert (article.title, article.published, article.outlet) == ("Given", "2024-03-05", "Ledger")
    assert article.url == "HTTPS://Ledger.example/a/?utm_source=x"
    assert article.id == clean(_doc("other text", url="https://ledger.example/a")).id


def test_empty_document_is_dropped() -> None:
    assert clean(_doc("Advertisement\nSubscribe now\n")) == Dropped("empty after cleaning")
    assert isinstance(clean(_doc("   ")), Dropped)


@pytest.mark.parametrize(
    "handle, name",
    [
        ("Kyivpost_official", "Kyiv Post"),
        ("TheIndependent", "The Independent"),
        ("BBCWorld", "BBC World"),
        ("kyivindependent", "Kyiv Independent"),
        ("cnn", "CNN"),
    ],
)
def test_split_handle(handle: str, name: str) -> None:
    assert split_handle(handle) == name


@pytest.mark.parametrize(
    "line, outlet",
    [
        ("Get offers, events and updates from The Independent. Read our notice", "The Independent"),
        ("\u00a9 2024 Daily Ledger. All rights reserved.", "Daily Ledger"),
        ("Follow Daily Ledger on Twitter", "Daily Ledger"),
        ("Follow us on Twitter", None),
    ],
)
def test_outlet_from_self_reference(line: str, outlet: str | None) -> None:
    assert outlet_from_lines([line]) == outlet


def test_meta_title_line_is_removed_and_url_gives_outlet() -> None:
    text = "Harbour cranes arrive\n" + "\n".join(PROSE)
    doc = _doc(text, title="Harbour Cranes Arrive", url="https://www.ledger.example/x")
    article = clean(doc)
    assert isinstance(article, Article)
    assert article.text.startswith(PROSE[0])
    assert ("title", "Harbour cranes arrive") in {(r.reason, r.text) for r in article.removed}
    assert article.outlet == "ledger.example"


def test_stats_lines_are_the_judged_segments() -> None:
    text = "date 2024-01-02 Sign up to the Daily email Thanks for signing up to the\n" + PROSE[0]
    lines = lines_for_stats(_doc(text))
    assert lines[0] == "date 2024-01-02"
    assert lines[1].startswith("Sign up") and lines[-1] == PROSE[0]


def test_document_lines_match_what_clean_looks_up() -> None:
    """Two-pass ingest: observe every document first, then clean each one."""
    docs = [_doc(_story(n) + "\nFollow Daily Ledger on Twitter") for n in range(4)]
    stats = LineStats()
    for doc in docs:
        outlet, lines = document_lines(doc)
        assert outlet == "Daily Ledger"
        stats.observe(outlet, lines)
    article = clean(docs[0], stats=stats)
    assert isinstance(article, Article)
    assert article.outlet == "Daily Ledger"
    assert PROMO not in article.text and PROSE[1] in article.text


def test_masthead_and_social_presence_lines_go_and_name_the_outlet():
    from dossier.clean import clean
    from dossier.model import Provenance, RawDocument

    text = (
        "date 2025-03-12\n"
        "The rail strike and the minister's missing evidence\n"
        "Calder Post\n"
        "By Yusuf Albrecht\n"
        "On Tuesday, the transport minister said in parliament that the strike was being paid "
        "for by the opposition.\n"
        "Calder Post is on Telegram: t.me/calderpost\n"
        "The union has denied the claim and called it a smear.\n"
    )
    article = clean(RawDocument(Provenance("c.txt", "text", "h"), text=text))
    assert (article.outlet, article.title) == (
        "Calder Post", "The rail strike and the minister's missing evidence",
    )
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["Calder Post"] == "masthead"
    assert reasons["Calder Post is on Telegram: t.me/calderpost"] == "social"
    assert article.text.startswith("On Tuesday") and article.text.endswith("a smear.")

"""A record whose text is only its headline is kept as an article (issue 16, item 10)."""

from __future__ import annotations

from dossier.clean import Dropped, clean
from dossier.extract import extract
from dossier.model import Article, Provenance, RawDocument

HEADLINE = "A bomb exploded Friday at a bank branch in Woodburn, killing a police officer."


def _doc(text: str | None = None, html: str | None = None, **meta: str) -> RawDocument:
    return RawDocument(Provenance("t", "jsonl", "0" * 64), text=text, html=html, meta=dict(meta))


def test_headline_only_record_becomes_an_article_with_its_title() -> None:
    article = clean(_doc(HEADLINE, title=HEADLINE))
    assert isinstance(article, Article)
    assert article.title == HEADLINE and article.text == HEADLINE


def test_headline_only_records_keep_distinct_ids() -> None:
    first = clean(_doc(HEADLINE, title=HEADLINE))
    second = clean(_doc("Storm closes the port.", title="Storm closes the port."))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id != second.id


def test_headline_only_article_goes_through_extraction() -> None:
    article = clean(_doc(HEADLINE, title=HEADLINE))
    assert isinstance(article, Article)
    extraction = extract(article)
    assert extraction.article_id == article.id and extraction.events is not None


def test_boilerplate_only_text_and_empty_html_are_still_dropped() -> None:
    assert clean(_doc("Advertisement\nSubscribe now\n", title="News")) == Dropped(
        "empty after cleaning"
    )
    page = "<html><head><title>Home</title></head><body><nav>Home</nav></body></html>"
    assert isinstance(clean(_doc(html=page, title="Home")), Dropped)

"""dossier.clean.identity: one outlet key per publisher, however the URL reads."""

from __future__ import annotations

import pytest

from dossier.clean.identity import (
    article_outlet,
    is_valid_url,
    outlet_identity,
    registered_domain,
    unarchived_url,
)
from dossier.model import Article

BBC = [
    "https://bbc.co.uk/news/world-1",
    "https://www.bbc.co.uk/news/world-1",
    "https://m.bbc.co.uk/news/world-1",
    "http://news.bbc.co.uk/2/hi/europe/1.stm",
    "https://web.archive.org/web/20120304050607/http://news.bbc.co.uk/2/hi/1.stm",
    "https://web.archive.org/web/20120304050607id_/https://www.bbc.co.uk/news/1",
    "https://archive.ph/2023.05.01-101010/https://www.bbc.co.uk/news/1",
]


@pytest.mark.parametrize("url", BBC)
def test_every_form_of_a_bbc_url_is_one_outlet(url):
    assert outlet_identity(None, url).key == "bbc news"


@pytest.mark.parametrize(("url", "name"), [
    ("https://www.smh.com.au/world/x", "smh.com.au"),
    ("https://amp.example.co.uk/a", "example.co.uk"),
    ("https://sport.local-paper.com/b", "local-paper.com"),
    ("https://web.archive.org/web/2015/example.org/page", "example.org"),
    ("http://sports.espn.go.com/nba/x", "espn.go.com"),
    ("http://joyofsox.blogspot.nl/2011/x.html", "joyofsox.blogspot.nl"),
])
def test_unknown_outlets_are_their_registered_domain(url, name):
    assert outlet_identity(None, url).name == name


def test_metadata_wins_and_a_host_in_metadata_reads_as_a_url():
    assert outlet_identity("Kyiv Post", "https://www.bbc.co.uk/x").name == "Kyiv Post"
    assert outlet_identity("www.bbc.co.uk", None).name == "BBC News"
    assert outlet_identity(" kyiv  post ", None).key == outlet_identity("Kyiv Post", None).key


@pytest.mark.parametrize("url", ["http://[::1", "https://archive.ph/AbCd1", "", "not a url"])
def test_urls_naming_no_outlet(url):
    assert outlet_identity(None, url) is None


def test_helpers():
    assert registered_domain("news.bbc.co.uk") == "bbc.co.uk"
    assert registered_domain("localhost") == "localhost"
    assert unarchived_url("https://example.org/a") == "https://example.org/a"
    assert not is_valid_url("http://[::1")
    assert not is_valid_url("http://example.org:99999/")
    assert is_valid_url("https://example.org/a")


def test_an_article_without_outlet_or_url_is_its_own_outlet():
    article = Article(id="a1", text="x", url="http://[::1")
    assert article_outlet(article).key == "a1"


def test_corroboration_counts_one_outlet_for_every_form_of_it():
    from dossier.story.corroboration import source_keys

    articles = [Article(id=f"a{i}", text="x", url=url) for i, url in enumerate(BBC)]
    articles += [Article(id="meta", text="x", outlet="bbc news"),
                 Article(id="other", text="x", url="https://www.smh.com.au/a")]
    keys = source_keys(articles, {})
    assert len(set(keys.values())) == 2
    assert keys["meta"] == keys["a0"] == "BBC News"

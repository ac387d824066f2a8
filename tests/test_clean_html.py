"""HTML cleaning through trafilatura, and URL normalisation / article ids."""

from __future__ import annotations

import pytest

from dossier.clean import Article, article_id, clean, normalize_url
from dossier.model import Provenance, RawDocument

PARAS = [
    "The port authority said on Monday that the two new cranes had arrived from Rotterdam "
    "after a three-week voyage across the North Sea and the Channel.",
    "Officials expect the cranes to double the number of containers the harbour can handle, "
    "which they say will bring more than two hundred jobs to the town.",
    "Local businesses welcomed the news, although some residents complained about the noise "
    "from the night shifts that began last spring.",
]
PAGE = f"""<!doctype html><html><head><title>Harbour gets new cranes | Ledger</title>
<meta property="og:site_name" content="The Daily Ledger">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-03-05T09:00:00Z">
<script>var tracking = "do not keep this";</script></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><h1>Harbour gets new cranes</h1>
{"".join(f"<p>{p}</p>" for p in PARAS)}
<p>Additional reporting by Reuters</p>
</article>
<footer><p>Subscribe to our newsletter</p><p>&copy; 2024 The Daily Ledger</p></footer>
</body></html>"""


def _page(**meta: str) -> Article:
    doc = RawDocument(Provenance("p", "html", "0" * 64), html=PAGE, meta=dict(meta))
    result = clean(doc)
    assert isinstance(result, Article)
    return result


def test_html_body_and_metadata() -> None:
    article = _page(url="https://www.ledger.example/news/cranes/?utm_medium=rss")
    assert article.text.split("\n\n") == PARAS
    assert article.title == "Harbour gets new cranes"
    assert article.outlet == "The Daily Ledger"
    assert article.author == "Jane Roe"
    assert article.published == "2024-03-05"
    assert article.credits == ["Additional reporting by Reuters"]
    assert "tracking" not in article.text and "Subscribe" not in article.text
    assert article.id == article_id("https://www.ledger.example/news/cranes", "")


def test_html_meta_wins() -> None:
    article = _page(title="Given title", outlet="Ledger", date="5 March 2024")
    assert (article.title, article.outlet, article.published) == (
        "Given title",
        "Ledger",
        "2024-03-05",
    )


@pytest.mark.parametrize(
    "url, expected",
    [
        ("HTTPS://WWW.Example.COM/a/b/", "https://www.example.com/a/b"),
        ("https://example.com/a?utm_source=x&id=3&fbclid=y#top", "https://example.com/a?id=3"),
        ("https://example.com/a?gclid=1&utm_campaign=z", "https://example.com/a"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("http://example.com:8080/A/", "http://example.com:8080/A"),
    ],
)
def test_normalize_url(url: str, expected: str) -> None:
    assert normalize_url(url) == expected


def test_article_id_from_url_or_text() -> None:
    a = article_id("https://Example.com/x/?utm_source=feed", "one text")
    assert a == article_id("https://example.com/x", "another text")
    assert a.startswith("a") and len(a) == 17
    assert article_id(None, "body") == article_id("", " body ") != article_id(None, "other")

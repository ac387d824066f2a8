"""Text of pages a tree parser cannot hold: ``dossier.clean.flat`` and its use by clean."""

from __future__ import annotations

import pytest

from dossier.clean import clean
from dossier.clean.flat import flat_text
from dossier.model import Provenance, RawDocument

PARAGRAPH = (
    "The council voted on Tuesday to close the old bridge to traffic after engineers found "
    "cracks in two of its supports. The mayor said repairs would take at least a year."
)


def nested(depth: int, inner: str, *, closed: bool = True) -> str:
    head = "<html><head><title>Bridge closed</title><style>p { color: red }</style></head><body>"
    return head + "<div>" * depth + inner + ("</div>" * depth if closed else "") + "</body></html>"


def page(html: str) -> RawDocument:
    return RawDocument(html=html, provenance=Provenance("deep.html", "html", "0" * 64),
                       meta={"url": "https://news.example.com/2024/bridge"})


@pytest.mark.parametrize("depth", [10, 300, 100_000])
@pytest.mark.parametrize("closed", [True, False])
def test_a_paragraph_at_any_depth_is_kept(depth: int, closed: bool) -> None:
    html = nested(depth, f"<p>{PARAGRAPH}</p><p>Traffic will be diverted.</p>", closed=closed)
    article = clean(page(html))
    assert not hasattr(article, "reason"), article
    assert PARAGRAPH in article.text and "Traffic will be diverted." in article.text
    assert article.title == "Bridge closed" and "color" not in article.text


def test_flat_text_skips_code_and_furniture_and_keeps_blocks_apart() -> None:
    html = nested(5, "<nav><a href='/'>Home</a><a href='/w'>World</a></nav>"
                     "<script>var s = '<p>not text</p>';</script>"
                     f"<p>{PARAGRAPH}<br>Second&nbsp;line &amp; more</p>"
                     "<footer>(c) Example</footer>")
    flat = flat_text(html)
    assert flat.title == "Bridge closed"
    assert flat.text.split("\n\n") == [PARAGRAPH, "Second line & more"]


def test_an_unclosed_nav_does_not_swallow_the_page() -> None:
    flat = flat_text(nested(300, f"<nav><a href='/'>Home</a><p>{PARAGRAPH}</p>", closed=False))
    assert PARAGRAPH in flat.text


def test_flat_text_is_capped() -> None:
    flat = flat_text("<p>" + "word " * 100_000 + "</p>", limit=1000)
    assert 900 <= len(flat.text) <= 1000


@pytest.mark.parametrize("html", ["", "<html><body></body></html>", "<script>x()</script>"])
def test_pages_without_words_still_come_out_empty(html: str) -> None:
    assert flat_text(html).text == ""
    assert getattr(clean(page(html or "<html></html>")), "reason", None) == "empty after cleaning"

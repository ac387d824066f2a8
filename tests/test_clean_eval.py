"""The extraction scorer (benchmark metric, page-to-lines) and the shipped line model."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.clean import CleanConfig, clean
from dossier.clean.linemodel import FEATURE_NAMES, load_model
from dossier.eval.extraction import (
    evaluate,
    precision_recall,
    score,
    shingles,
    visible_lines,
)
from dossier.model import Article, Provenance, RawDocument

AEB = Path(__file__).resolve().parents[1] / ".." / "shared" / "datasets" / "extraction" / "aeb"


def test_shingles_are_four_token_bags() -> None:
    bag = shingles("a b c d e a b c d")
    assert bag[("a", "b", "c", "d")] == 2
    assert sum(bag.values()) == 6
    assert not shingles("too short")


def test_precision_recall_and_f1_of_averages() -> None:
    truth = "one two three four five six"
    assert precision_recall(truth, truth) == (1.0, 1.0)
    p, r = precision_recall(truth, "one two three four five six seven eight nine")
    assert r == 1.0 and p == pytest.approx(3 / 6)
    assert precision_recall(truth, "") == (0.0, 0.0)
    s = score([(truth, truth), (truth, "")])
    assert (s.precision, s.recall, s.f1) == (0.5, 0.5, 0.5)


def test_visible_lines_one_per_block_without_scripts() -> None:
    html = (
        "<html><head><title>T</title><style>p{}</style></head><body>"
        "<nav><a>Home</a> | <a>News</a></nav><script>var x=1;</script>"
        "<div>Lead <b>bold</b> text<p>First para.</p>tail</div><ul><li>one</li><li>two</li></ul>"
        "<noscript>enable js</noscript></body></html>"
    )
    assert visible_lines(html) == ["Home | News", "Lead bold text", "First para.", "tail",
                                   "one", "two"]


def test_shipped_line_model_matches_features() -> None:
    model = load_model()
    assert model is not None
    assert tuple(model["features"]) == FEATURE_NAMES
    assert len(model["coef"]) == len(FEATURE_NAMES)


def test_page_text_keeps_body_drops_menus() -> None:
    menu = ["Home", "News", "Sport", "Business", "Culture", "Travel", "Weather", "Video",
            "Opinion", "Science", "Health", "Tech", "Markets", "Podcasts"]
    body = [
        f"Paragraph {n} of the report explains how the river flooded the lower town and why "
        "the council had not finished the new wall in time for the autumn storms."
        for n in range(6)
    ]
    footer = ["About us", "Contact", "Privacy Policy", "Terms of Use", "Careers", "Advertise"]
    text = "\n".join(menu + ["River Floods Lower Town"] + body + footer + menu)
    article = clean(RawDocument(Provenance("p", "text", "0" * 64), text=text))
    assert isinstance(article, Article)
    assert article.text.split("\n\n") == body
    assert article.title == "River Floods Lower Town"


@pytest.mark.skipif(not AEB.is_dir(), reason="../shared AEB dataset not available")
def test_aeb_sample_scores_well() -> None:
    scores = evaluate(AEB, ["text", "text-raw"], CleanConfig(), limit=20)
    cleaned, raw = scores["text"], scores["text-raw"]
    assert cleaned.f1 > 0.8 and cleaned.f1 > raw.f1 + 0.15


@pytest.mark.skipif(not AEB.is_dir(), reason="../shared AEB dataset not available")
def test_aeb_sample_html_path() -> None:
    s = evaluate(AEB, ["html"], CleanConfig(), limit=10)
    assert s["html"].f1 > 0.9

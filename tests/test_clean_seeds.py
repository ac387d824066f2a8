"""The issue's expectations on the two seed articles, checked exactly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dossier.clean import clean
from dossier.model import Article, Provenance, RawDocument

SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared seeds not available")

REMOVED = {
    "000": [
        "JOIN US ON TELEGRAM",
        "Follow our coverage of the war on the @Kyivpost_official.",
        "British Defence Intelligence Update Ukraine 23 December 2024",
        "You can also highlight the text and press Ctrl + Enter",
    ],
    "002": ["Sign up to the Inside Politics email", "Thanks for signing up to the"],
}
OUTLET = {"000": "Kyiv Post", "002": "The Independent"}


def _seed(prefix: str) -> tuple[str, Article]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    raw = path.read_text(encoding="utf-8")
    doc = RawDocument(Provenance(str(path), "text", "0" * 64), text=raw)
    article = clean(doc)
    assert isinstance(article, Article)
    return raw, article


def _report_sentences(raw: str, junk: list[str]) -> list[str]:
    """Every line of the seed that is not listed junk, caption or credit."""
    lines = [ln.strip() for ln in raw.splitlines() if ln.strip()]
    skip = ("date 20", "A local resident", "Additional reporting")
    return [ln for ln in lines if not any(j in ln for j in junk) and not ln.startswith(skip)]


@pytest.mark.parametrize("prefix", ["000", "002"])
def test_listed_boilerplate_is_removed(prefix: str) -> None:
    _, article = _seed(prefix)
    removed = " ".join(r.text for r in article.removed)
    for junk in REMOVED[prefix]:
        assert junk not in article.text
        assert junk in removed


@pytest.mark.parametrize("prefix", ["000", "002"])
def test_every_report_sentence_is_kept(prefix: str) -> None:
    raw, article = _seed(prefix)
    sentences = _report_sentences(raw, REMOVED[prefix])
    assert len(sentences) >= 10
    for sentence in sentences:
        assert sentence in article.text


def test_signup_run_is_removed_whole() -> None:
    _, article = _seed("002")
    assert article.text.startswith("The UK\u2019s defence secretary Ben Wallace")
    assert not re.search(r"(?i)sign up|email address|privacy notice", article.text)


@pytest.mark.parametrize("prefix", ["000", "002"])
def test_outlet_recovered_from_self_references(prefix: str) -> None:
    _, article = _seed(prefix)
    assert article.outlet == OUTLET[prefix]


def test_date_from_embedded_header() -> None:
    _, article = _seed("002")
    assert article.published == "2022-10-23"
    assert "2022-10-23" not in article.text


def test_caption_and_credit_become_metadata() -> None:
    _, article = _seed("002")
    assert article.captions == [
        "A local resident works to extinguish a fire after shelling in the Donbas town of "
        "Bakhmut on Sunday (Dimitar Dilkoff/AFP via Getty Images)"
    ]
    assert article.credits == ["Additional reporting by Reuters"]
    assert "Getty Images" not in article.text and "Additional reporting" not in article.text


def test_removals_have_reasons() -> None:
    _, article = _seed("000")
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["British Defence Intelligence Update Ukraine 23 December 2024"] == (
        "stray_headline"
    )
    assert reasons["You can also highlight the text and press Ctrl + Enter"] == "call_to_action"


def test_junk_and_header_on_one_line() -> None:
    """The header may follow junk on the same line (seeds concatenated)."""
    raw0, _ = _seed("000")
    raw2 = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
    text = "You can also highlight the text and press Ctrl + Enter" + raw2
    article = clean(RawDocument(Provenance("x", "text", "0" * 64), text=text))
    assert article.published == "2022-10-23"
    assert article.outlet == "The Independent"
    assert "Ctrl + Enter" not in article.text and "Sign up" not in article.text
    assert raw0  # the first seed still reads


def test_paragraphs_are_blank_line_separated() -> None:
    _, article = _seed("000")
    assert "\n\n" in article.text and "\n\n\n" not in article.text
    assert len(article.text.split("\n\n")) == 10

"""The stage interface: extract / extract_many, versioning, pickling, rules-only fallback."""

from __future__ import annotations

import pickle

import pytest

import dossier.extract as ex
from dossier.model import Article, Extraction
from tests.extract_helpers import SEEDS, seed_article

TEXT = ("LONDON (Reuters) - Britain's defence secretary Ben Wallace met his French counterpart "
        "Sebastien Lecornu on Monday. “We stand together,” Mr Wallace said. Moscow denied it "
        "had planned the attack, according to the Russian defence ministry.")


@pytest.fixture
def no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ex, "_pipeline", lambda: None)


def test_rules_only_when_no_pipeline(no_model: None) -> None:
    x = ex.extract(Article(id="a1", text=TEXT, published="2022-10-24"))
    assert isinstance(x, Extraction) and x.version == ex.EXTRACTOR_VERSION
    assert any(e.name == "Ben Wallace" and e.type == "PERSON" for e in x.entities)
    assert [d.value for d in x.dates] == ["2022-10-24"]
    q = next(q for q in x.quotes if q.kind == "direct")
    assert q.speaker_name == "Ben Wallace" and q.content.text == "“We stand together,”"
    assert any(e.action == "consult" and e.target_name == "Sebastien Lecornu" for e in x.events)


def test_extraction_pickles_and_serialises(no_model: None) -> None:
    x = ex.extract(Article(id="a1", text=TEXT, published="2022-10-24"))
    assert pickle.loads(pickle.dumps(x)) == x
    assert x.to_dict()["article_id"] == "a1"


def test_extract_many_keeps_order_and_batches(no_model: None) -> None:
    arts = [Article(id=f"a{i}", text=TEXT) for i in range(5)]
    assert [x.article_id for x in ex.extract_many(arts, batch_size=2)] == [a.id for a in arts]


def test_extract_many_uses_pipe() -> None:
    calls: list[int] = []

    class FakeNlp:
        def __call__(self, text):
            raise AssertionError("pipe expected")

        def pipe(self, texts, batch_size=1):
            texts = list(texts)
            calls.append(len(texts))
            return [None for _ in texts]

    arts = [Article(id=f"a{i}", text=TEXT) for i in range(3)]
    list(ex.extract_many(arts, nlp=FakeNlp(), batch_size=2))
    assert calls == [2, 1]


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared absent")
def test_anchor_inferred_without_publication_date(no_model: None) -> None:
    x = ex.extract(seed_article("000"))
    feb = next(d for d in x.dates if d.span.text == "Feb. 24")
    assert feb.value == "2022-02-24" and feb.anchor == "2022-10-23"

"""The seed story (Kyiv Post + The Independent, 23 Oct 2022): facts, backing, claims."""

from __future__ import annotations

import pytest

from dossier.model import Story
from dossier.story import build_dossier
from tests.story_helpers import SEEDS, seed_articles

pytestmark = pytest.mark.skipif(not SEEDS.exists(), reason="../shared/corpus/seeds absent")


@pytest.fixture(scope="module")
def dossier():
    articles = seed_articles()
    return build_dossier(Story(id="seed", article_ids=[a.id for a in articles]), articles, {})


def _facts_with(dossier, *phrases):
    return [f for f in dossier.facts
            if all(any(p in e.text for e in f.evidence) for p in phrases)]


def test_both_articles_in_dossier(dossier):
    assert {a.outlet for a in dossier.articles} == {"Kyiv Post", "The Independent"}


@pytest.mark.parametrize("phrases", [
    ("refuted these claims", "Mr Wallace refuted the claims"),
    ("professional and respectful",),
    ("pretext for further escalation", "pretext for greater escalation"),
    ("stands ready to assist",),
    ("uncontrolled escalation",),
    ("second phone call",),
])
def test_seed_fact_backed_by_both_outlets(dossier, phrases):
    found = _facts_with(dossier, *phrases)
    assert found, phrases
    assert found[0].outlets == ["Kyiv Post", "The Independent"]


def test_same_outlet_saying_it_twice_is_one_fact(dossier):
    """Kyiv Post's lead and its quote of the ministry are one refutation, with both sentences."""
    found = _facts_with(dossier, "defense secretary refuted on Sunday", "refuted these claims")
    assert len(found) == 1
    assert [e.outlet for e in found[0].evidence].count("Kyiv Post") == 2
    assert found[0].speaker == "Ben Wallace"


def test_ranked_top_fact_and_no_fragments(dossier):
    assert dossier.facts[0].corroboration == 2 and dossier.facts[0].speaker == "Ben Wallace"
    assert not any(f.text.startswith(("Alongside reports", "Following their call"))
                   for f in dossier.facts)


def test_shoigu_claim_has_the_three_responses(dossier):
    threads = [t for t in dossier.claims if t.speaker == "Sergei Shoigu"]
    responders = {r.responder for t in threads for r in t.responses}
    assert {"Ben Wallace", "White House", "Mykhailo Podolyak"} <= responders
    assert "refuted by Ben Wallace" in threads[0].status


@pytest.mark.parametrize("outlet,phrase", [
    ("The Independent", "Turkey"),
    ("The Independent", "White House"),
    ("The Independent", "Podolyak"),
    ("The Independent", "nuclear deterrence exercise"),
    ("The Independent", "Kherson"),
    ("Kyiv Post", "Russian nationalists"),
])
def test_single_outlet_facts(dossier, outlet, phrase):
    ids = dossier.exclusive[outlet]
    assert any(phrase in dossier.fact(i).text or phrase in dossier.fact(i).evidence[0].sentence
               for i in ids)


def test_summary_is_short_and_covers_corroborated_facts(dossier):
    assert 1 <= len(dossier.summary) <= 5
    assert len(set(dossier.summary)) == len(dossier.summary)
    assert any("refuted" in s or "pretext" in s for s in dossier.summary)


def test_timeline_sorted_with_expressions(dossier):
    dates = [e.date for e in dossier.timeline]
    assert dates == sorted(dates) and "2022-10-23" in dates
    assert all(e.expression for e in dossier.timeline)


def test_key_people(dossier):
    names = [p.name for p in dossier.people]
    assert {"Ben Wallace", "Sergei Shoigu"} <= set(names[:3])


@pytest.fixture(scope="module")
def pipeline_claims():
    """Shoigu's claim threads from the real pipeline: ingest, extract, link, dossiers."""
    pytest.importorskip("dossier.jobs.process")
    from dossier.jobs.ingest import ingest
    from dossier.jobs.process import process
    from dossier.store import Store

    store = Store(":memory:")
    ingest([str(SEEDS)], store)
    process(store)
    threads = [t for s in store.stories(limit=None)
               for t in (store.dossier_data(s.id) or {}).get("claims", [])
               if t["speaker"] == "Sergei Shoigu"]
    store.close()
    return threads


def test_pipeline_shoigu_claim_responders(pipeline_claims):
    """With real extractions, responders are who refuted, not who reported or accused."""
    assert pipeline_claims
    responders = {r["responder"] for r in pipeline_claims[0]["responses"]}
    assert {"Ben Wallace", "the White House national security council",
            "Mykhailo Podolyak"} <= responders
    assert not {"Moscow", "Russia"} & {r["responder"] for t in pipeline_claims
                                       for r in t["responses"]}

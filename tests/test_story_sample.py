"""The bundled synthetic sample: contradictions, copies and claims are found."""

from __future__ import annotations

import pytest

from dossier.model import Story
from dossier.story import build_dossier
from tests.story_helpers import expected, sample_articles


@pytest.fixture(scope="module")
def dossiers():
    articles, exp = sample_articles(), expected()
    out = {}
    for event in exp["events"]:
        ids = [k for k, e in exp["articles"].items() if e == event]
        out[event] = build_dossier(Story(id=event, article_ids=ids), [articles[i] for i in ids], {})
    return out


def test_sample_has_thirty_articles():
    assert len(sample_articles()) == len(expected()["articles"]) == 30


def test_death_toll_contradiction_found(dossiers):
    dead = [c for c in dossiers["ambersfield-fire"].contradictions if c.slot == "dead"]
    assert dead
    values = {v.value for v in dead[0].values}
    assert {"12", "15"} <= values
    assert ("harborledger",) in {v.outlets for v in dead[0].values}


def test_talks_date_contradiction_found(dossiers):
    dates = [c for c in dossiers["rail-strike"].contradictions if c.slot == "date"]
    assert any({"2025-03-14", "2025-03-17"} <= {v.value for v in c.values} for c in dates)


def test_wire_copies_count_once(dossiers):
    d = dossiers["central-bank-rate"]
    copies = {a.id for a in d.articles if a.duplicate_of}
    assert copies == {"valcourt_2025-03-20_central-bank-rate.txt", "calderpost.jsonl#line 2"}
    rate = [f for f in d.facts if any("4.25" in e.text for e in f.evidence)]
    assert all("valcourt" not in f.outlets for f in rate)


def test_rail_claim_answered(dossiers):
    threads = [t for t in dossiers["rail-strike"].claims if t.speaker == "Alina Voss"]
    assert threads and any(r.responder == "Marek Halloran" for r in threads[0].responses)


def test_look_alike_fires_not_one_story_needed(dossiers):
    """Each event's dossier cites only its own town."""
    assert all("Dravik" not in f.text for f in dossiers["ambersfield-fire"].facts
               if f.corroboration > 1)

"""``dossier eval facts``: the reader, the link scorer and the CLI on real ECB+ data."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from dossier.eval.facts import (
    gold_links,
    group_outlet_checks,
    head_word,
    head_word_groups,
    line_spans,
    outlet_checks,
    read_events,
    score_dossiers,
    system_links,
)
from dossier.model import Detail, Dossier, Evidence, Fact, Span

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "datasets" / "stories"
ARTICLES, MENTIONS = DATA / "ecbplus-train-dev.jsonl", DATA / "ecbplus-mentions-train-dev.jsonl"
pytestmark = pytest.mark.skipif(not MENTIONS.exists(), reason="ECB+ mentions not available")


@pytest.fixture(scope="module")
def event():
    events = read_events(ARTICLES, MENTIONS, "dev")
    return next(e for e in events if e.event_id == "35_ecb")


def test_lines_are_sentences_and_mentions_lie_in_them(event):
    assert line_spans("ab\ncd\n\nef") == [(0, 2), (3, 5), (6, 6), (7, 9)]
    for m in event.mentions:
        article = next(a for a in event.articles if a.id == m.item[0])
        start, end = event.lines[m.item[0]][m.item[1]]
        assert start <= m.start < m.end <= end
        assert article.text[m.start:m.end] == m.text


def _gold_dossier(event, chains_only: bool = True) -> Dossier:
    """A dossier whose facts are the gold instances: one fact per chain."""
    facts: dict[str, Fact] = {}
    outlet = {a.id: a.outlet for a in event.articles}
    for m in event.mentions:
        if not m.chain:
            continue
        fact = facts.setdefault(m.chain, Fact(id=f"f{len(facts) + 1}", kind="event", text=""))
        fact.evidence.append(Evidence(m.item[0], outlet[m.item[0]], m.text, "",
                                      Span(m.start, m.end, m.text)))
        fact.reported_by = sorted({e.outlet for e in fact.evidence})
        fact.outlets = fact.reported_by
    return Dossier(schema_version="1.0", story_id=event.event_id, title="", first_date=None,
                   last_date=None, outlets=[], articles=[], facts=list(facts.values()))


def test_a_dossier_of_the_gold_instances_scores_perfectly(event):
    dossier = _gold_dossier(event)
    assert gold_links(event) and system_links(event, dossier) == gold_links(event)
    total, exact, exact_all = outlet_checks(event, dossier)
    assert total > 0 and exact == exact_all == total
    row = score_dossiers([event], {event.event_id: dossier}, "gold")
    assert row.links.f1 == 1.0 and row.coref["conll"] == pytest.approx(1.0)


def test_one_fact_of_everything_has_full_recall_and_lower_precision():
    events = read_events(ARTICLES, MENTIONS, "dev")
    dossiers = {}
    for event in events:
        every = _gold_dossier(event)
        lump = Fact(id="f1", kind="event", text="", evidence=[
            e for f in every.facts for e in f.evidence])
        lump.reported_by = lump.outlets = sorted({e.outlet for e in lump.evidence})
        every.facts = [lump]
        dossiers[event.event_id] = every
    row = score_dossiers(events, dossiers, "lump")
    assert row.links.recall == 1.0 and row.links.precision < 0.9
    assert row.outlets_exact < row.instances


def test_head_word_is_the_first_content_word_stemmed():
    assert head_word("checked herself into") == "check"
    assert head_word("was arrested") == "arrest"


def test_cli_prints_the_table():
    from dossier.cli.eval_facts import eval_facts

    result = CliRunner().invoke(eval_facts, ["--dataset", str(ARTICLES), "--mentions",
                                       str(MENTIONS), "--split", "dev", "--limit", "2",
                                       "--no-extract"])
    assert result.exit_code == 0, result.output
    assert "| dossier, words only |" in result.output
    assert "baseline: gold-mention head word" in result.output


def test_baseline_groups_get_outlet_counts_judged_like_facts(event):
    by_chain: dict[str, set] = {}
    for m in event.mentions:
        if m.chain:
            by_chain.setdefault(m.chain, set()).add(m.item)
    total, exact = group_outlet_checks(event, by_chain)
    assert total > 0 and exact == total
    # One group of every item lists every article: exact only where an instance has all.
    every = {"all": {i for items in by_chain.values() for i in items}}
    assert group_outlet_checks(event, every)[1] < total
    heads = head_word_groups(event)
    assert any(len({a for a, _ in items}) > 1 for items in heads.values())


def test_a_facts_details_are_judged_as_groups_of_their_own(event):
    """One fact of everything, with one detail per gold instance: the outlet counts are
    as exact as the gold dossier's, and the links as lumped as the fact."""
    every = _gold_dossier(event)
    evidence = [e for f in every.facts for e in f.evidence]
    lump = Fact(id="f1", kind="event", text="", evidence=evidence)
    lump.reported_by = lump.outlets = sorted({e.outlet for e in evidence})
    start = 0
    for fact in every.facts:
        indices = list(range(start, start + len(fact.evidence)))
        lump.details.append(Detail("w", fact.outlets, fact.reported_by, indices))
        start += len(fact.evidence)
    lumped = Dossier(schema_version="1.0", story_id=event.event_id, title="", first_date=None,
                     last_date=None, outlets=[], articles=[], facts=[lump])
    total, exact, exact_all = outlet_checks(event, lumped)
    assert exact == exact_all == total
    bare = Fact(id="f1", kind="event", text="", evidence=evidence, outlets=lump.outlets,
                reported_by=lump.reported_by)
    lumped.facts = [bare]
    assert outlet_checks(event, lumped)[1] < total
    assert system_links(event, lumped) >= gold_links(event)

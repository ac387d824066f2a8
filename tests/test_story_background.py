"""Background (another time, another incident) and meaning-based merging, on synthetic stories."""

from __future__ import annotations

import pytest

from dossier.model import Article, Span, Story
from dossier.story import build_dossier
from dossier.story.background import Frame, mark_background
from dossier.story.clauses import Clause
from dossier.story.dense import clause_vectors

FILLERS = ("The club said tickets for the next home game would go on sale on Monday morning.",
           "Local residents gathered outside the town hall to hear the announcement at noon.",
           "The weather service expects heavy rain across the region later this week.")


def _dossier(*texts: str, published: str | None = "2005-11-28"):
    articles = [Article(id=f"a{i}", text=f"{t} {FILLERS[i]}", outlet=f"Outlet {i}",
                        published=published) for i, t in enumerate(texts)]
    return build_dossier(Story(id="s", article_ids=[a.id for a in articles]), articles, {})


def _clauses(*texts: str) -> list[Clause]:
    out = []
    for i, text in enumerate(texts):
        out.append(Clause(index=i, article_id="a", outlet="o", source="o", position=i,
                          span=Span(0, len(text), text), sentence=text))
    return out


@pytest.mark.parametrize("text,background", [
    ("The last major quake to hit southern Iran was in February.", True),
    ("A 6.7-strength quake killed more than 26,000 people in Bam in December 2003.", True),
    ("The island was hit almost two years after the city of Bam was destroyed.", True),
    ("Three years ago, Reid opened up about her party girl image.", True),
    ("Last month, the navy sank a pirate mother ship off the coast.", True),
    ("Ten people were killed when the quake hit the island on Sunday.", False),
    ("Reid, who starred in the 1999 film, has entered a rehab clinic.", False),
    ("She was at the same clinic where other stars were previously treated.", False),
    ("The death toll is expected to rise in 2006, officials said.", False),
])
def test_background_marking(text, background):
    clauses = _clauses(text)
    mark_background(clauses, Frame.of(["2005-11-27"], []))
    assert clauses[0].background is background


def test_it_carries_the_other_incident_on_but_it_said_does_not():
    clauses = _clauses("The last major quake to hit the region was in February.",
                       "It killed 612 people.", "It said rescue teams were ready.")
    mark_background(clauses, Frame.of([], []))
    assert [c.background for c in clauses] == [True, True, False]


def test_story_years_without_publication_dates():
    frame = Frame.of([], ["Posted 11/27/2005. A quake hit.", "In 2005 a quake hit; in 2003 Bam."])
    assert frame.years == {2005}


def test_the_story_s_year_is_the_one_most_articles_name_and_a_comma_year_counts():
    # three datelines written "Sep 10,2010" (no space after the comma), two later trials
    texts = ["Sep 10,2010. A gunman shot two co-workers.", "Sep 11,2010. Two were shot.",
             "Sep 10,2010. Shooting at the plant.", "At her 2012 trial, the plant ...",
             "Convicted in 2012 of the plant shooting."]
    frame = Frame.of([], texts)
    assert frame.years == {2010}
    hired, fired = _clauses("O'Brien was hired as coach on April 21,2009 and lost 39 games.",
                            "The team fired O'Brien on Monday.")
    mark_background([hired, fired], Frame.of([], ["May 23,2010", "Posted: May 24,2010"]))
    assert (hired.background, fired.background) == (True, False)


OWN = "An earthquake killed 10 people and injured 80 on the island on Sunday, officials said."


@pytest.mark.parametrize("other,found", [
    # Another incident's injured, carried on by "It" after a background sentence.
    ("An earthquake killed 10 people on the island on Sunday, officials said. The last major "
     "quake to hit the region was in February. It killed 612 people and injured more than 1,400.",
     False),
    ("An earthquake killed 10 people on the island on Sunday, officials said. "
     "The quake injured more than 1,400 people.", True),
])
def test_counts_only_from_the_story_s_own_event(other, found):
    d = _dossier(OWN, other)
    assert bool([c for c in d.contradictions if c.slot == "injured"]) is found


def test_background_repeated_by_many_ranks_below_the_event():
    background = "The last major quake to hit the region, in February, destroyed Zarand."
    event = "An earthquake struck the island of Qeshm on Sunday, flattening seven villages."
    d = _dossier(f"{event} {background}", f"{event} {background}", background)
    texts = [f.text for f in d.facts]
    assert any("Zarand" in t for t in texts), "background is demoted, not dropped"
    zarand = next(f for f in d.facts if "Zarand" in f.text)
    qeshm = next(f for f in d.facts if "Qeshm" in f.text)
    assert zarand.corroboration > qeshm.corroboration
    assert d.facts.index(qeshm) < d.facts.index(zarand)


def test_another_incident_is_not_merged_with_the_event():
    d = _dossier("Ten people were killed when the quake hit the island on Sunday.",
                 "The last major quake to hit the region killed 612 people.")
    assert all(f.corroboration == 1 for f in d.facts)


needs_model = pytest.mark.skipif(clause_vectors(["a test"]) is None,
                                 reason="wordllama weights unavailable")


@needs_model
def test_paraphrases_merge_by_meaning(monkeypatch):
    left = "An earthquake struck the island on Sunday, flattening seven villages."
    right = "Seven villages were razed when a strong quake hit the island on Sunday."
    assert any(f.corroboration == 2 for f in _dossier(left, right).facts)
    monkeypatch.setattr("dossier.story.merge.MEANING_MIN", 9.0)  # words alone: two facts
    assert all(f.corroboration == 1 for f in _dossier(left, right).facts)

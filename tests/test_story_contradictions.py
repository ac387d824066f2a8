"""Contradiction kinds on small synthetic stories: who did it, quoted wording, dates, counts."""

from __future__ import annotations

import pytest

from dossier.model import Article, Story
from dossier.story import build_dossier

#: Different second sentences, so that no article reads as a wire copy of the other.
FILLERS = ("The club said tickets for the next home game would go on sale on Monday morning.",
           "Local residents gathered outside the town hall to hear the announcement at noon.")


def _dossier(*texts: str, published: str = "2025-03-09"):
    articles = [Article(id=f"a{i}", text=f"{t} {FILLERS[i]}", outlet=f"Outlet {i}",
                        published=published) for i, t in enumerate(texts)]
    return build_dossier(Story(id="s", article_ids=[a.id for a in articles]), articles, {})


def _slots(dossier, slot):
    return [c for c in dossier.contradictions if c.slot == slot]


@pytest.mark.parametrize("left,right,found", [
    ("Striker Jonas Ekberg scored the winning goal against Halden United on Saturday.",
     "Midfielder Pavel Rusk scored the winning goal against Halden United on Saturday.", True),
    ("Striker Jonas Ekberg scored the winning goal against Halden United on Saturday.",
     "Ekberg scored the winning goal against Halden United on Saturday.", False),
    ("Jonas Ekberg scored the winning goal against Halden United after a pass from Pavel Rusk.",
     "Pavel Rusk scored the winning goal against Halden United on Saturday.", False),
])
def test_who_did_it(left, right, found):
    d = _dossier(left, right)
    clashes = _slots(d, "actor")
    assert bool(clashes) is found
    if found:
        assert {v.value for v in clashes[0].values} == {"Striker Jonas Ekberg",
                                                        "Midfielder Pavel Rusk"}
        assert {o for v in clashes[0].values for o in v.outlets} == {"Outlet 0", "Outlet 1"}


@pytest.mark.parametrize("right,found", [
    ('Mayor Clara Venn said: "We will repair the old bridge before winter arrives."', True),
    ('Mayor Clara Venn said: "We will rebuild the old bridge before the winter comes."', False),
    ('Mayor Clara Venn said they would "rebuild the old bridge" soon.', False),
])
def test_quoted_wording(right, found):
    left = 'Mayor Clara Venn said: "We will rebuild the old bridge before the winter comes."'
    d = _dossier(left, right)
    clashes = _slots(d, "quote")
    assert bool(clashes) is found
    if found:
        wordings = {v.value for v in clashes[0].values}
        assert "We will rebuild the old bridge before the winter comes" in wordings
        assert "We will repair the old bridge before winter arrives" in wordings
        assert "Clara Venn" in clashes[0].subject or "Venn" in clashes[0].subject


@pytest.mark.parametrize("left,right,found", [
    ("The union and the ministry will meet for talks on Friday, March 14, the ministry said.",
     "The union and the ministry will meet for talks on Monday, March 17, the union said.", True),
    ("The union and the ministry will meet for talks on Friday, the ministry said.",
     "The union and the ministry will meet for talks on Monday, the union said.", False),
])
def test_dates_only_when_written_out(left, right, found):
    d = _dossier(left, right)
    assert bool(_slots(d, "date")) is found


@pytest.mark.parametrize("right,found", [
    ("Fifteen people were killed when the warehouse collapsed in Orvik on Tuesday.", True),
    ("A 61-year-old was arrested after twelve people were killed in the Orvik collapse.", False),
    ("The 2019 collapse in Brenna killed 40 people. Twelve died in Orvik on Tuesday.", False),
])
def test_counts_ignore_ages_and_other_incidents(right, found):
    left = "Twelve people were killed when the warehouse collapsed in Orvik on Tuesday."
    d = _dossier(left, right)
    assert bool(_slots(d, "dead")) is found


def test_two_quotes_sharing_only_little_words_are_two_quotes_not_one_reworded():
    # a statement and a tweet by one person: "I", "am" and "the" in common make no misquote
    left = ('Ellen Marsh said: "I am so excited to be hosting the Lanterns for the '
            'second time."')
    right = 'Ellen Marsh said: "It is official: I am hosting the Lanterns!"'
    assert not _slots(_dossier(left, right), "quote")

"""Who a fact is labelled with when extraction is absent: places never, bodies by name."""

from __future__ import annotations

import pytest

from dossier.model import Article, Story
from dossier.story import build_dossier
from dossier.story.actions import find_action
from dossier.story.places import is_place

FILLER = "Local residents gathered outside the town hall to hear the announcement at noon."


def _labels(text: str) -> list[tuple[str | None, str | None]]:
    article = Article(id="a", text=f"{text} {FILLER}", outlet="Outlet", published="2005-11-28")
    d = build_dossier(Story(id="s", article_ids=["a"]), [article], {})
    return [(f.speaker, f.actor) for f in d.facts if text.split()[0] in f.text]


@pytest.mark.parametrize("text,speaker", [
    ("According to officials, Iran's seismologic center said the epicenter was in the Gulf.",
     "Iran's seismologic center"),
    ("Heydar Alishbandi, Governor of Qeshm island, said five villages had been badly hit.",
     "Heydar Alishbandi"),
    ("Eric Kirkpatrick faces one count of first-degree murder, Vancouver police said.",
     "Vancouver police"),
    ('In a statement released to People, the star\'s rep Jack Ketsoyan confirmed her stay.',
     "Jack Ketsoyan"),
    # a relative clause between the speaker and the verb names someone else
    ("Ed Snider, who attended King's news conference, said he backed the new coach.",
     "Ed Snider"),
])
def test_speaker_is_who_speaks_not_a_place(text, speaker):
    assert _labels(text)[0][0] == speaker


def test_place_before_the_verb_is_no_doer():
    deed = find_action("Office workers in Dubai, United Arab Emirates, evacuated several buildings")
    assert deed is not None and deed.name == "rescue" and deed.agent is None
    assert find_action("Jonas Ekberg scored the winning goal").agent == "Jonas Ekberg"


def test_passive_accusation_names_no_accuser():
    text = ("Constable Tim Fanning says Eric Kirkpatrick, who had recently been fired from his "
            "job in Vancouver, is accused of fatally shooting a man.")
    speaker, _ = _labels(text)[0]
    assert speaker != "Vancouver"


@pytest.mark.parametrize("name,place", [
    ("Iran", True), ("Dubai", True), ("Tehran", True), ("United States", True),
    ("Tim Fanning", False), ("White House", False),
])
def test_places(name, place):
    assert is_place(name) is place



def test_an_adverb_after_a_name_is_not_part_of_the_label():
    text = "DeGeneres previously hosted the show in 2007 and earned an Emmy nomination."
    articles = [Article(id=f"a{i}", text=f"{text} {FILLER}", outlet=f"Outlet {i}",
                        published="2013-08-02") for i in range(2)]
    from dossier.extract import extract_many

    extractions = {e.article_id: e for e in extract_many(articles)}
    d = build_dossier(Story(id="s", article_ids=["a0", "a1"]), articles, extractions)
    labels = [n for f in d.facts if "DeGeneres" in f.text for n in (f.speaker, f.actor) if n]
    assert not any(n.endswith("previously") for n in labels)
    assert any("DeGeneres" in f.text for f in d.facts)

import dataclasses

import pytest

from dossier.link import LinkConfig, Linker, link_all, story_id_for
from dossier.link.stories import lead_title
from tests.link_texts import (
    ELECTION,
    QUAKE_FEB,
    QUAKE_FEB_2,
    QUAKE_SEP,
    SEEDS,
    WIRE,
    article,
    seed_articles,
)
from tests.story_helpers import expected, sample_articles


def stream() -> list:
    return [
        article("q1", QUAKE_FEB, "Quake kills twelve in Varenna", "2023-02-06", "a"),
        article("m1", WIRE, "Blast at Keldby mill", "2023-02-07", "b"),
        article("q2", QUAKE_FEB_2, "Varenna toll rises", "2023-02-07", "c"),
        article("e1", ELECTION, "Feld wins Amberlee", "2023-02-08", "a"),
        article("q3", QUAKE_SEP, "Quake kills nine in Ossory", "2023-09-08", "a"),
    ]


def groups(assignments: dict) -> set[frozenset]:
    by_story: dict[str, set] = {}
    for aid, a in assignments.items():
        by_story.setdefault(a.story_id, set()).add(aid)
    return {frozenset(v) for v in by_story.values()}


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared seeds absent")
def test_seeds_form_one_story_of_two_outlets():
    stories, _ = link_all(seed_articles())
    assert len(stories) == 1
    assert len(stories[0].article_ids) == 2
    assert len(stories[0].outlets) == 2


def test_synthetic_stream_splits_into_its_events():
    _, assignments = link_all(stream())
    assert groups(assignments) == {
        frozenset({"q1", "q2"}),
        frozenset({"m1"}),
        frozenset({"e1"}),
        frozenset({"q3"}),
    }


def test_look_alike_earthquakes_months_apart_stay_apart():
    linker = Linker()
    a = linker.add(article("q1", QUAKE_FEB, published="2023-02-06"))
    b = linker.add(article("q2", QUAKE_FEB_2, published="2023-09-08"))
    assert a.story_id != b.story_id


def test_ids_are_stable_and_derive_from_the_founding_article():
    first, _ = link_all(stream())
    again, _ = link_all(list(reversed(stream())))
    assert [s.id for s in first] == [s.id for s in again]
    assert first[0].id == story_id_for("q1")
    assert first[0].first_date == "2023-02-06" and first[0].last_date == "2023-02-07"


def test_a_merge_keeps_the_older_id():
    config = LinkConfig(join_threshold=1.5, merge_threshold=0.2)
    linker = Linker(config)
    linker.add(article("q1", QUAKE_FEB, published="2023-02-06"))
    second = linker.add(article("q2", QUAKE_FEB_2, published="2023-02-07"))
    assert second.story_id == story_id_for("q1")
    assert linker.assignments()["q2"].story_id == story_id_for("q1")
    assert [s.article_ids for s in linker.stories()] == [["q1", "q2"]]


def test_state_round_trip_continues_like_one_run():
    articles = stream()
    whole = Linker()
    for a in articles:
        whole.add(a)
    part = Linker()
    for a in articles[:2]:
        part.add(a)
    resumed = Linker.from_state(part.state())
    for a in articles[2:]:
        resumed.add(a)
    assert resumed.assignments() == whole.assignments()
    assert resumed.stories() == whole.stories()


def test_readding_an_article_changes_nothing():
    linker = Linker()
    first = linker.add(article("q1", QUAKE_FEB))
    assert linker.add(article("q1", QUAKE_FEB)) == first
    assert len(linker.stories()) == 1


def test_untitled_story_takes_its_lead_sentence_then_the_first_real_headline():
    linker = Linker()
    first = linker.add(article("u1", QUAKE_FEB, title="", published="2023-02-06"))
    (story,) = linker.stories()
    assert story.title == lead_title(QUAKE_FEB)
    assert 3 <= len(story.title.rstrip("…").split()) <= 14
    assert QUAKE_FEB.split()[0] == story.title.split()[0]
    second = linker.add(article("u2", QUAKE_FEB_2, "Varenna toll rises", "2023-02-07"))
    assert second.story_id == first.story_id
    assert linker.stories()[0].title == "Varenna toll rises"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Short lead. Second sentence.", "Short lead."),
        (" ".join(f"w{i}" for i in range(30)) + ".", " ".join(f"w{i}" for i in range(14)) + "…"),
    ],
)
def test_lead_title_cuts_to_the_first_sentence_and_fourteen_words(text, expected):
    assert lead_title(text) == expected


def test_headline_only_sample_never_mixes_two_events():
    articles = sample_articles()
    gold = expected()["articles"]
    headlines = [dataclasses.replace(a, text="") for a in articles.values()]
    _, assignments = link_all(headlines)
    events_per_story: dict[str, set[str]] = {}
    for aid, a in assignments.items():
        events_per_story.setdefault(a.story_id, set()).add(gold[aid])
    assert all(len(events) == 1 for events in events_per_story.values())
    assert len(events_per_story) <= 2 * len(set(gold.values()))


@pytest.mark.parametrize(("year", "apart"), [("2011", False), ("2016", True)])
def test_undated_look_alikes_are_kept_apart_by_the_years_they_write(year, apart):
    linker = Linker()
    a = linker.add(article("q1", "Posted Jan 5, 2011. " + QUAKE_FEB))
    b = linker.add(article("q2", f"Posted Feb 9, {year}. " + QUAKE_FEB_2))
    assert (a.story_id != b.story_id) is apart

"""Store queries for extraction, stories, entities and dossiers."""

from __future__ import annotations

import pytest

from dossier.model import (
    Article,
    CanonicalEntity,
    Entity,
    Extraction,
    Quote,
    Span,
    Story,
    StoryAssignment,
)
from dossier.store import Store


@pytest.fixture
def store():
    s = Store(":memory:")
    with s.batch():
        for i, day in enumerate(["2022-10-23", "2022-10-24", "2022-10-25"]):
            s.add_article(
                Article(
                    id=f"a{i}",
                    text=f"text {i}",
                    text_sha256=f"h{i}",
                    published=day,
                    outlet=f"Outlet {i % 2}",
                )
            )
    yield s
    s.close()


def extraction(article_id: str, version: str = "1") -> Extraction:
    wallace = Entity(
        "e1", "Ben Wallace", "PERSON", [Span(0, 11, "Ben Wallace")], ["defence secretary"]
    )
    quote = Quote(Span(20, 40, "stands ready"), None, "e1", None, "direct", "state", "Ben Wallace")
    return Extraction(article_id, version, [wallace], [], [quote], [])


def test_extraction_round_trip_and_pending(store):
    assert store.articles_needing_extraction("1") == ["a0", "a1", "a2"]
    with store.batch():
        store.save_extraction(extraction("a0"), article_version=1)
    assert store.extraction("a0") == extraction("a0")
    assert store.articles_needing_extraction("1") == ["a1", "a2"]
    assert store.articles_needing_extraction("2") == ["a0", "a1", "a2"]
    assert set(store.extractions(["a0", "a1"])) == {"a0"}


def test_new_article_version_needs_extraction_again(store):
    with store.batch():
        store.save_extraction(extraction("a0"), article_version=1)
        store.add_article(Article(id="a0", text="changed", text_sha256="new"))
    assert "a0" in store.articles_needing_extraction("1")


def test_stories_replace_and_order(store):
    stories = [
        Story("s1", ["a0", "a1"], "Talks", "2022-10-23", "2022-10-24", ["Outlet 0", "Outlet 1"]),
        Story("s2", ["a2"], "Other", "2022-10-25", "2022-10-25", ["Outlet 0"]),
    ]
    assignments = [
        StoryAssignment("a0", "s1"),
        StoryAssignment("a1", "s1", duplicate_of="a0"),
        StoryAssignment("a2", "s2"),
    ]
    with store.batch():
        store.replace_stories(stories, assignments)
    assert [s.id for s in store.stories()] == ["s2", "s1"]
    assert store.story("s1") == stories[0]
    assert store.duplicates("s1") == {"a0": None, "a1": "a0"}
    assert store.unlinked_article_ids() == []
    with store.batch():
        store.replace_stories(stories[:1], assignments[:2])
    assert store.unlinked_article_ids() == ["a2"]
    assert store.story_count() == 1


def test_entities_and_mentions(store):
    entity = CanonicalEntity(
        "c1", "Ben Wallace", "PERSON", ["Mr Wallace"], ["defence secretary"], ["a0", "a1"]
    )
    with store.batch():
        store.replace_entities([entity], {("a0", "e1"): "c1", ("a1", "e4"): "c1"})
    assert store.entity("c1") == entity
    assert [e.id for e in store.entities(name="wallace")] == ["c1"]
    assert store.entity_keys("c1") == [("a0", "e1"), ("a1", "e4")]
    assert store.entity_map(["a1"]) == {("a1", "e4"): "c1"}


def test_linker_state_and_dossier_blobs(store):
    with store.batch():
        store.save_linker_state(b"\x00state")
        store.replace_stories([Story("s1", ["a0"])], [StoryAssignment("a0", "s1")])
        store.save_dossier("s1", "1", {"title": "x"})
        store.save_dossier("gone", "1", {"title": "y"})
        store.prune_dossiers()
    assert store.linker_state() == b"\x00state"
    assert store.dossier_data("s1") == {"title": "x"}
    assert store.dossier_data("gone") is None

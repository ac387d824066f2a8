from dossier.link import Linker
from dossier.link.duplicates import DuplicateIndex, shingles
from tests.link_texts import ELECTION, WIRE, article


def trimmed(text: str, keep: float) -> str:
    words = text.split()
    return " ".join(words[: int(len(words) * keep)])


def test_copy_with_other_headline_and_trimmed_ending_is_grouped():
    linker = Linker()
    first = linker.add(article("a1", WIRE, title="Blast at Keldby mill", outlet="wire"))
    copy = linker.add(
        article("a2", trimmed(WIRE, 0.75), title="Six hurt in mill fire", outlet="daily")
    )
    assert copy.duplicate_of == "a1"
    assert copy.story_id == first.story_id


def test_copies_count_once_among_outlets():
    linker = Linker()
    linker.add(article("a1", WIRE, outlet="wire"))
    linker.add(article("a2", WIRE, outlet="reprinter"))
    (story,) = linker.stories()
    assert story.article_ids == ["a1", "a2"]
    assert story.outlets == ["wire"]


def test_copy_of_a_copy_points_at_the_original():
    index = DuplicateIndex()
    index.add("a1", WIRE)
    index.add("a2", trimmed(WIRE, 0.9))
    assert index.add("a3", trimmed(WIRE, 0.8)) == "a1"


def test_unrelated_article_is_not_a_copy():
    index = DuplicateIndex()
    index.add("a1", WIRE)
    assert index.add("a2", ELECTION) is None


def test_short_texts_are_copies_only_when_identical():
    assert len(shingles("Quake hits Varenna")) == 1
    index = DuplicateIndex()
    index.add("h1", "Quake hits Varenna province")
    assert index.add("h2", "Quake hits Ossory province") is None
    assert index.add("h3", "Quake hits Varenna province") == "h1"


def test_signatures_older_than_the_window_are_evicted():
    index = DuplicateIndex(window_days=30)
    index.add("a1", WIRE, day=100)
    assert index.add("a2", WIRE, day=120) == "a1"
    index.add("e1", ELECTION, day=200)
    assert set(index.signatures) == {"e1"}
    assert index.add("a3", WIRE, day=201) is None


def test_lookup_verifies_only_the_most_recent_bucket_mates():
    index = DuplicateIndex(max_candidates=1)
    index.add("a1", WIRE)
    index.add("e1", ELECTION)
    assert index.add("a2", WIRE) == "a1"
    index.add("a3", WIRE)
    assert len(index.lsh.query(index.signatures["a1"])) >= 2
    assert index.add("a4", trimmed(WIRE, 0.9)) == "a1"

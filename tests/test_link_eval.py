import pytest

from dossier.eval.similarity import evaluate_similarity, scraped_article
from dossier.eval.stories import score_clusters
from dossier.link import Linker, similarity
from dossier.link.similarity import word_similarity
from dossier.model import Entity, Extraction, Span
from tests.link_texts import ELECTION, QUAKE_FEB, QUAKE_FEB_2, QUAKE_SEP, article, pairs_csv


def test_similarity_ranks_same_event_above_look_alike_above_unrelated():
    a, same = article("q1", QUAKE_FEB), article("q2", QUAKE_FEB_2)
    look_alike, other = article("q3", QUAKE_SEP), article("e1", ELECTION)
    assert similarity(a, same) > similarity(a, look_alike) > similarity(a, other)


@pytest.mark.parametrize(
    ("predicted", "pair_f1", "b3_f1"),
    [
        ({"a": "x", "b": "x", "c": "y"}, 1.0, 1.0),
        ({"a": "x", "b": "y", "c": "z"}, 0.0, 0.8),
    ],
)
def test_cluster_scores(predicted, pair_f1, b3_f1):
    scores = score_clusters(predicted, {"a": "1", "b": "1", "c": "2"})
    assert scores.pair_f1 == pytest.approx(pair_f1)
    assert scores.b3_f1 == pytest.approx(b3_f1)


def test_extraction_entities_are_used_when_given():
    def extraction(aid: str, names: list[str]) -> Extraction:
        ents = [Entity(f"e{i}", n, "PERSON", [Span(0, 1, n)]) for i, n in enumerate(names)]
        return Extraction(aid, "t", ents)

    linker = Linker()
    a = linker.add(article("q1", QUAKE_FEB), extraction("q1", ["Ilse Marrow"]))
    b = linker.add(article("q2", QUAKE_FEB_2), extraction("q2", ["Ilse Marrow"]))
    assert a.story_id == b.story_id


def test_scraped_text_loses_its_boilerplate_lines():
    raw = (
        "Quake kills twelve in Varenna A magnitude 6.4 earthquake struck Varenna on Monday. "
        "Sign up to our newsletter to get stories like this in your inbox. "
        "Rescue teams searched the rubble.  All rights reserved."
    )
    text = scraped_article("p#1", raw, "en").text
    assert "earthquake struck Varenna" in text and "Rescue teams" in text
    assert "newsletter" not in text and "rights reserved" not in text


def test_similarity_without_embeddings_is_the_word_view():
    a, b = article("q1", QUAKE_FEB), article("q2", QUAKE_FEB_2)
    assert similarity(a, b, dense=False) == pytest.approx(word_similarity(a, b))


def test_similarity_subsets_split_english_other_and_cross_language(tmp_path):
    rows = [("en", "en", QUAKE_FEB, QUAKE_FEB_2, 1.0), ("en", "en", QUAKE_FEB, ELECTION, 4.0),
            ("de", "de", QUAKE_FEB, QUAKE_FEB_2, 1.0), ("de", "de", QUAKE_FEB, ELECTION, 4.0),
            ("de", "en", QUAKE_FEB, QUAKE_SEP, 2.0), ("de", "en", QUAKE_FEB, ELECTION, 4.0)]
    path = pairs_csv(tmp_path / "pairs.csv", rows)
    scores = {s.subset: s for s in evaluate_similarity(path)}
    assert {k: s.pairs for k, s in scores.items()} == {
        "en-en": 2, "same-lang": 2, "cross-lang": 2, "all": 6
    }
    assert scores["en-en"].pearson_r == pytest.approx(1.0)

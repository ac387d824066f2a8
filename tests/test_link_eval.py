import pytest

from dossier.eval.stories import score_clusters
from dossier.link import Linker, similarity
from dossier.model import Entity, Extraction, Span
from tests.link_texts import ELECTION, QUAKE_FEB, QUAKE_FEB_2, QUAKE_SEP, article


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

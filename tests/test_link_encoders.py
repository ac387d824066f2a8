"""The dense encoder registry: names, availability, and what the encoders produce."""

import numpy as np
import pytest

from dossier.link import encoders, similarity
from dossier.link.vectors import embed
from tests.link_texts import ELECTION, QUAKE_FEB, QUAKE_FEB_2, article, pairs_csv


def test_unknown_encoder_is_a_clear_error_not_unavailable():
    with pytest.raises(KeyError, match="unknown encoder 'bert'.*minilm.*wordllama"):
        encoders.available("bert")


def test_registered_loader_is_loaded_once_by_name():
    calls = []

    @encoders.encoder("test-ones")
    def _ones():
        calls.append(1)
        return lambda texts: [[1.0, 1.0]] * len(texts)

    try:
        rows = embed(["a", "b", "c"], "test-ones")
        embed(["d"], "test-ones")
        assert rows.shape == (3, 2)
        assert np.allclose(np.linalg.norm(rows, axis=1), 1.0)  # unit length
        assert calls == [1]
    finally:
        encoders._LOADERS.pop("test-ones")
        encoders.load.cache_clear()


def test_wordllama_embeds_from_its_bundled_weights():
    assert encoders.available("wordllama")
    rows = embed([QUAKE_FEB, QUAKE_FEB_2, ELECTION])
    assert rows.shape == (3, 256)
    assert rows[0] @ rows[1] > rows[0] @ rows[2]


@pytest.mark.skipif(not encoders.available("minilm"), reason="dossier[minilm] not installed")
def test_minilm_ranks_the_same_event_above_another():
    a, same, other = article("q1", QUAKE_FEB), article("q2", QUAKE_FEB_2), article("e", ELECTION)
    assert similarity(a, same, dense_model="minilm") > similarity(a, other, dense_model="minilm")
    rows = embed([QUAKE_FEB], "minilm")
    assert rows.shape == (1, 384)


def test_similarity_without_a_model_installed_falls_back_to_words(monkeypatch):
    from dossier.link.similarity import word_similarity

    monkeypatch.setattr(encoders, "available", lambda name="wordllama": False)
    a, b = article("q1", QUAKE_FEB), article("q2", QUAKE_FEB_2)
    assert similarity(a, b) == pytest.approx(word_similarity(a, b))


def test_eval_similarity_cli_names_the_encoder_and_refuses_unknown_ones(tmp_path):
    from click.testing import CliRunner

    from dossier.cli.eval_similarity import eval_similarity

    rows = [("en", "en", QUAKE_FEB, QUAKE_FEB_2, 1.0), ("en", "en", QUAKE_FEB, ELECTION, 4.0),
            ("en", "en", QUAKE_FEB_2, ELECTION, 3.5)]
    path = str(pairs_csv(tmp_path / "pairs.csv", rows))
    words = CliRunner().invoke(eval_similarity, ["--dataset", path, "--dense", "none"])
    assert words.exit_code == 0, words.output
    assert "dense views: none" in words.output and "en-en" in words.output
    bad = CliRunner().invoke(eval_similarity, ["--dataset", path, "--dense", "bert"])
    assert bad.exit_code == 2 and "unknown encoder 'bert'" in bad.output

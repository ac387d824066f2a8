"""Entity error analysis: held-out dev split and error classes."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from dossier.eval.ner_dev import analyse, heldout_dev, heldout_uner

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "datasets"
needs_data = pytest.mark.skipif(not (DATA / "ner" / "uner-english-ewt").exists(),
                                reason="../shared/datasets absent")


def test_error_classes() -> None:
    sents = [
        (["Phillip", "Allen", "met", "Google", "in", "Kyiv"],
         ["B-PER", "I-PER", "O", "B-ORG", "O", "B-LOC"], None),
        (["The", "Mozilla", "Foundation", "said"], ["B-ORG", "I-ORG", "I-ORG", "O"], None),
    ]
    preds = [[(0, 1, "PER"), (3, 4, "LOC")], [(1, 3, "ORG"), (3, 4, "PER")]]
    report = analyse(sents, preds)
    assert report.kinds["boundary"] == 2
    assert report.kinds["type ORG->LOC"] == 1
    assert report.kinds["missed LOC"] == 1
    assert report.kinds["spurious PER"] == 1
    assert report.confusion[("ORG", "LOC")] == 1
    assert report.lost_words["Allen"] == 1 and report.lost_words["The"] == 1
    assert report.scores.micro == (0.0, 0.0, 0.0)


def test_misc_gold_spans_are_not_scored() -> None:
    sents = [(["the", "Olympics", "in", "Paris"], ["O", "B-MISC", "O", "B-LOC"], None)]
    report = analyse(sents, [[(1, 2, "ORG"), (3, 4, "LOC")]])
    assert report.scores.micro == (1.0, 1.0, 1.0)


@needs_data
def test_heldout_dev_is_the_quarter_training_left_out() -> None:
    sents = heldout_dev(DATA)
    uner = heldout_uner(DATA)
    assert 400 < len(sents) < 600
    assert len(uner) == len(sents)
    assert all(len(w) == len(t) for w, t, _ in uner)
    assert sum(sp is not None for _, _, sp in uner) > 0.99 * len(uner)  # spacing from EWT


@needs_data
def test_ner_errors_command_prints_confusion() -> None:
    from dossier.cli import cli

    result = CliRunner().invoke(cli, ["eval", "ner-errors", "--data", str(DATA),
                                      "--examples", "1"])
    assert result.exit_code == 0, result.output
    assert "confusion" in result.output and "micro" in result.output

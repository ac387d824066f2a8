"""The training recipe end to end on a tiny slice, so it cannot rot."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dossier.cli import cli

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "datasets"


@pytest.mark.skipif(not (DATA / "treebanks").exists(), reason="../shared/datasets absent")
def test_train_pipeline_command_on_tiny_slice(tmp_path: Path) -> None:
    out = tmp_path / "model"
    result = CliRunner().invoke(cli, [
        "train", "pipeline", "--data", str(DATA), "--output", str(out),
        "--workdir", str(tmp_path / "work"), "--limit", "8", "--max-steps", "4",
        "--eval-frequency", "2", "--eval-limit", "30", "--batch-words", "200",
    ])
    assert result.exit_code == 0, result.output
    assert "UPOS" in result.output and "micro" in result.output
    scores = json.loads((out / "scores.json").read_text())
    assert 0 <= scores["ud_ewt_test"]["upos"] <= 1
    assert (out / "config.cfg").exists() and (out / "dossier_places" / "names.json").exists()


def test_train_help_lists_pipeline() -> None:
    result = CliRunner().invoke(cli, ["train", "--help"])
    assert result.exit_code == 0 and "pipeline" in result.output


def test_card_scores_block_is_replaced(tmp_path: Path) -> None:
    from dossier.nlp.train import write_card_scores

    card = tmp_path / "MODEL_CARD.md"
    card.write_text("# card\n<!-- scores -->\nold\n<!-- /scores -->\ntail\n")
    write_card_scores(card, "UPOS 0.95")
    text = card.read_text()
    assert "old" not in text and "UPOS 0.95" in text and text.endswith("tail\n")

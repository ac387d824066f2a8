"""``dossier train``: build dossier's own models from the shared datasets."""

from __future__ import annotations

from pathlib import Path

import click

from dossier.cli._util import echo


@click.group("train")
def train_group() -> None:
    """Train dossier's models from openly licensed data (../shared/datasets)."""


@train_group.command("pipeline")
@click.option("--data", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=Path("../shared/datasets"), show_default=True,
              help="Folder with treebanks/ and ner/ (see its README).")
@click.option("--output", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where the trained model directory is written (default: the model "
              "shipped in dossier/nlp/model).")
@click.option("--workdir", type=click.Path(file_okay=False, path_type=Path),
              default=Path(".cache/pipeline"), show_default=True,
              help="Scratch folder for converted corpora and checkpoints.")
@click.option("--max-steps", type=int, default=None, help="Override config's step budget.")
@click.option("--eval-frequency", type=int, default=None, help="Steps between dev evaluations.")
@click.option("--limit", type=int, default=None, help="Docs per source (smoke tests only).")
@click.option("--eval-limit", type=int, default=None, help="Sentences per test benchmark.")
@click.option("--batch-words", type=int, default=None, help="Fixed batch size in words.")
def train_pipeline_command(data: Path, output: Path | None, workdir: Path, max_steps: int | None,
                           eval_frequency: int | None, limit: int | None,
                           eval_limit: int | None, batch_words: int | None) -> None:
    """Convert the data, train the English pipeline, evaluate it and write the model."""
    from dossier.eval.pipeline import format_table
    from dossier.nlp.loader import MODEL_DIR
    from dossier.nlp.train import TrainSettings, train_pipeline

    output = output or MODEL_DIR
    settings = TrainSettings(data, output, workdir, max_steps, eval_frequency, limit,
                             eval_limit, batch_words)
    scores = train_pipeline(settings, log=click.echo)
    echo(format_table(scores))
    echo(f"model written to {output}")

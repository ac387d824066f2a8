"""``dossier eval pipeline``: UPOS/UAS/LAS on UD EWT test, entity F1 on UNER EWT test."""

from __future__ import annotations

import time
from pathlib import Path

import click

from dossier.cli._util import echo


@click.command("pipeline")
@click.option("--data", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=Path("../shared/datasets"), show_default=True,
              help="Folder with treebanks/ and ner/.")
@click.option("--model", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=None, help="Model directory (default: the shipped one).")
@click.option("--limit", type=int, default=None, help="Only the first N sentences of each test.")
def eval_pipeline_command(data: Path, model: Path | None, limit: int | None) -> None:
    """Score the English pipeline with gold tokenisation (see dossier/eval/pipeline.py)."""
    from dossier.eval.pipeline import evaluate, format_table
    from dossier.nlp import load, load_from

    started = time.perf_counter()
    nlp = load_from(model) if model else load()
    echo(f"model loaded in {time.perf_counter() - started:.2f} s")
    echo(format_table(evaluate(nlp, data, limit)))

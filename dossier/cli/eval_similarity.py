"""``dossier eval similarity``: Pearson r of story similarity against human ratings."""

from __future__ import annotations

import click


@click.command("similarity")
@click.option(
    "--dataset",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="SemEval-2022 Task 8 style CSV (text1, text2, lang1, lang2, Overall).",
)
def eval_similarity(dataset: str) -> None:
    """Print Pearson r of dossier's distance (1 - similarity) vs Overall (1 same .. 4 unrelated)."""
    from dossier.eval.similarity import evaluate_similarity

    click.echo(f"{'pairs':<12}{'n':>6}{'pearson r':>11}")
    for s in evaluate_similarity(dataset):
        click.echo(f"{s.subset:<12}{s.pairs:>6}{s.pearson_r:>11.3f}")

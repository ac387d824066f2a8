"""``dossier eval ner-errors``: entity error analysis on development data (never the test file)."""

from __future__ import annotations

from pathlib import Path

import click

from dossier.cli._util import echo
from dossier.eval.ner_dev import SETS


@click.command("ner-errors")
@click.option("--data", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=Path("../shared/datasets"), show_default=True,
              help="Folder with treebanks/ and ner/.")
@click.option("--set", "names", multiple=True, type=click.Choice(sorted(SETS)),
              default=["dev"], show_default=True,
              help="Analysis set; repeat for several. Only 'dev' is unseen by the model.")
@click.option("--examples", type=int, default=12, show_default=True,
              help="Examples printed per error class.")
@click.option("--model", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=None, help="Model directory (default: the shipped one).")
def eval_ner_errors(data: Path, names: tuple[str, ...], examples: int,
                    model: Path | None) -> None:
    """Entity F1, gold-vs-predicted confusion and boundary errors (see dossier/eval/ner_dev.py)."""
    from dossier.eval.ner_dev import analyse, format_report, predict
    from dossier.nlp import load, load_from

    nlp = load_from(model) if model else load()
    for name in names:
        sents = SETS[name](data)
        report = analyse(sents, predict(nlp, sents), examples)
        echo(format_report(report, f"{name} ({len(sents)} sentences)"))

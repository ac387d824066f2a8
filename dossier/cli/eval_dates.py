"""``dossier eval dates``: TempEval-3 span and value F1 of the date extractor."""

from __future__ import annotations

import click

from dossier.cli._util import echo

DEFAULT_PATH = "../shared/datasets/dates/tempeval3-aquaint.jsonl"


@click.command("dates")
@click.option("--dataset", "--path", "path", default=DEFAULT_PATH, show_default=True,
              type=click.Path(exists=True, dir_okay=False), help="TempEval-3 JSONL file.")
@click.option("--system", "systems", multiple=True, default=["rules"], show_default=True,
              type=click.Choice(["rules", "dateparser", "rules+dateparser"]),
              help="System(s) to score; repeat to compare (dateparser is slow).")
def eval_dates(path: str, systems: tuple[str, ...]) -> None:
    """Score time-expression spans and TIMEX3 values against TempEval-3 (AQUAINT)."""
    from dossier.eval.dates import evaluate

    echo(f"{'system':<18} {'relaxed P':>9} {'relaxed R':>9} {'relaxed F1':>10} "
               f"{'strict F1':>9} {'value acc':>9} {'value F1':>8}  gold/pred")
    for name in systems:
        s = evaluate(path, name)
        echo(f"{name:<18} {s.relaxed_p:9.3f} {s.relaxed_r:9.3f} {s.relaxed_f1:10.3f} "
                   f"{s.strict_f1:9.3f} {s.value_accuracy:9.3f} {s.value_f1:8.3f}  "
                   f"{s.gold}/{s.predicted}")

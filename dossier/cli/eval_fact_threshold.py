"""``dossier eval fact-threshold``: how the dense fact-merging threshold was chosen."""

from __future__ import annotations

from pathlib import Path

import click

from dossier.cli._util import echo


@click.command("fact-threshold")
@click.option("--dataset", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=Path("../shared/datasets/stories/ecbplus-train-dev.jsonl"), show_default=True,
              help="ECB+ stories JSONL (id, event_id, text, split, ...).")
@click.option("--split", type=click.Choice(["train", "dev"]), default="train", show_default=True,
              help="Split whose topics are pooled for the other-event estimate.")
def eval_fact_threshold(dataset: Path, split: str) -> None:
    """Per threshold of dense + word cosine between fact groups: precision and recall on
    100 hand-labelled train pairs, and wrong merges across a topic's two look-alike events.

    The chosen threshold is the lowest from which labelled precision is at least 0.7
    and the other-event false-merge estimate at most 0.1 (story.merge.MEANING_MIN).
    """
    from dossier.eval.fact_threshold import MAX_FDR, MIN_PRECISION, choose, labelled, pooled, table
    from dossier.story.merge import MEANING_MIN

    rows = table(labelled(dataset), pooled(dataset, split))
    echo(f"{'thresh':>6} {'labelled':>8} {'prec':>5} {'recall':>6} "
               f"{'same-ev':>7} {'other-ev':>8} {'fdr':>5}")
    for r in rows:
        echo(f"{r.threshold:>6.2f} {r.labelled:>8} {r.precision:>5.2f} {r.recall:>6.2f} "
                   f"{r.same_event:>7} {r.other_event:>8} {r.fdr_event:>5.2f}")
    echo(f"\nchosen (precision >= {MIN_PRECISION}, fdr <= {MAX_FDR}): {choose(rows)}"
               f" | in use: {MEANING_MIN}")

"""``dossier eval dossier``: print per-story dossier figures on ECB+ for reading by eye."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("dossier")
@click.option("--dataset", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=Path("../shared/datasets/stories/ecbplus-train-dev.jsonl"), show_default=True,
              help="ECB+ stories JSONL (id, event_id, text, source, ...).")
@click.option("--limit", type=int, default=None, help="Only the first N events.")
@click.option("--width", type=int, default=70, show_default=True, help="Width of the fact column.")
def eval_dossier(dataset: Path, limit: int | None, width: int) -> None:
    """Build one dossier per gold event and print facts, multi-outlet facts, contradictions.

    Stories come from the dataset's event_id, so the figures judge the dossier
    builder, not clustering; outlets are URL hosts of `source` (the article id when null).
    """
    from dossier.eval.dossier import evaluate

    rows = evaluate(dataset, limit)
    header = f"{'event':<10} {'arts':>4} {'outl':>4} {'facts':>5} {'multi':>5} {'contr':>5}"
    click.echo(f"{header}  top fact")
    for r in rows:
        click.echo(f"{r.event_id:<10} {r.articles:>4} {r.outlets:>4} {r.facts:>5} "
                   f"{r.multi_outlet:>5} {r.contradictions:>5}  {r.top_fact[:width]}")
    total = len(rows) or 1
    click.echo(f"\n{len(rows)} events | mean facts {sum(r.facts for r in rows) / total:.1f} | "
               f"mean multi-outlet {sum(r.multi_outlet for r in rows) / total:.1f} | "
               f"events with contradictions {sum(1 for r in rows if r.contradictions)}")

"""``dossier eval dossier``: per-story dossier figures on ECB+, and whole dossiers to read."""

from __future__ import annotations

from pathlib import Path

import click

from dossier.cli._util import echo
from dossier.story import FORMATS


@click.command("dossier")
@click.option("--dataset", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=Path("../shared/datasets/stories/ecbplus-train-dev.jsonl"), show_default=True,
              help="ECB+ stories JSONL (id, event_id, text, source, ...).")
@click.option("--limit", type=int, default=None, help="Only the first N events.")
@click.option("--width", type=int, default=70, show_default=True, help="Width of the fact column.")
@click.option("--show", "show_ids", multiple=True, metavar="EVENT_ID",
              help="Print the whole dossier of this event (repeatable) instead of the table.")
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text",
              show_default=True, help="Format of the dossiers printed by --show.")
@click.option("--split", type=click.Choice(["train", "dev"]), default=None,
              help="Only the events of this split (default: all).")
@click.option("--extract", is_flag=True,
              help="Run extraction first, as the product does (slower: about a minute).")
def eval_dossier(dataset: Path, limit: int | None, width: int, show_ids: tuple[str, ...],
                 fmt: str, split: str | None, extract: bool) -> None:
    """Build one dossier per gold event and print facts, multi-outlet facts, contradictions.

    Stories come from the dataset's event_id, so the figures judge the dossier
    builder, not clustering; outlets are URL hosts of `source` (the article id when null).
    With --show EVENT_ID (e.g. --show 20_ecbplus --show 1_ecb) the dossiers of those
    events are printed in full instead.
    """
    from dossier.eval.dossier import evaluate, show, totals

    if show_ids:
        try:
            echo(show(dataset, list(show_ids), fmt, extract))
        except KeyError as exc:
            raise click.BadParameter(str(exc.args[0]), param_hint="--show") from None
        return
    rows = evaluate(dataset, limit, extract, split)
    header = f"{'event':<10} {'arts':>4} {'outl':>4} {'facts':>5} {'multi':>5} {'contr':>5}"
    echo(f"{header}  top fact")
    for r in rows:
        echo(f"{r.event_id:<10} {r.articles:>4} {r.outlets:>4} {r.facts:>5} "
                   f"{r.multi_outlet:>5} {r.contradictions:>5}  {r.top_fact[:width]}")
    t = totals(rows)
    echo(f"\n{t['events']} events | mean facts {t['mean facts']:.1f} | mean multi-outlet "
               f"{t['mean multi-outlet']:.1f} | mean contradictions {t['mean contradictions']:.2f}"
               f" | events with contradictions {t['events with contradictions']}"
               f" | kinds: {t['kinds']}")

"""``dossier eval extraction``: body-extraction F1 on the AEB benchmark."""

from __future__ import annotations

from pathlib import Path

import click

from dossier.eval.extraction import SETTINGS, evaluate


@click.command("extraction")
@click.option(
    "--dataset", type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("../shared/datasets/extraction/aeb"), show_default=True,
    help="AEB folder with ground-truth.json and html/<id>.html.gz.",
)
@click.option("--limit", type=int, default=None, help="Score only the first N pages.")
@click.option(
    "--setting", "settings", multiple=True, type=click.Choice(list(SETTINGS)),
    help="Score only these settings (repeatable; default: all).",
)
def extraction_command(dataset: Path, limit: int | None, settings: tuple[str, ...]) -> None:
    """Score body extraction: (a) HTML pages through trafilatura, (b) the plain-text
    cleaner on each page's visible text (one line per block element), and that raw
    text as the floor. Metric: 4-token shingle P/R averaged over pages, F1 of averages."""
    scores = evaluate(dataset, settings or None, limit=limit)
    click.echo(f"{'setting':<30} {'P':>6} {'R':>6} {'F1':>6} {'docs':>5}")
    for name, s in scores.items():
        click.echo(f"{name:<30} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.documents:5d}")

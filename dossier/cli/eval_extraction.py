"""``dossier eval extraction``: body-extraction F1 on the AEB benchmark."""

from __future__ import annotations

import json
from pathlib import Path

import click

from dossier.cli._util import echo
from dossier.eval.extraction import LABELS, SETTINGS, Score, evaluate, load_pages

HEADER = f"{'setting':<34} {'P':>6} {'R':>6} {'F1':>6} {'docs':>5}"


def _row(name: str, s: Score) -> str:
    return f"{name:<34} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.documents:5d}"


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
@click.option("--cv", "folds", type=int, default=0,
              help="Also cross-validate the plain-text line model with this many page folds.")
@click.option("--fit", "fit_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Refit the line model on the dataset and write its weights here.")
def extraction_command(
    dataset: Path, limit: int | None, settings: tuple[str, ...], folds: int,
    fit_path: Path | None,
) -> None:
    """Score body extraction: (a) HTML pages through trafilatura, (b) the plain-text
    cleaner on each page's visible text (one line per block element), that raw text
    as the floor, and the cleaner on already-clean bodies (recall = body kept).
    Metric: 4-token shingle P/R averaged over pages, F1 of the averages."""
    echo(HEADER)
    for name, s in evaluate(dataset, settings or None, limit=limit).items():
        echo(_row(LABELS[name], s))
    if folds or fit_path:
        from dossier.eval.extraction_fit import cross_validate, fit

        pages = list(load_pages(dataset, limit))
        if folds:
            echo(_row(f"(b) text cleaner, {folds}-fold CV",
                            cross_validate(pages, folds=folds)[0]))
        if fit_path:
            fit_path.write_text(json.dumps(fit(pages), indent=1), encoding="utf-8")
            echo(f"line model written to {fit_path}")

"""``dossier eval quotes``: PolNeAR attribution P/R/F1 and speaker accuracy."""

from __future__ import annotations

import click

from dossier.cli._util import echo

DEFAULT_ROOT = "../shared/datasets/quotes/polnear"


@click.command("quotes")
@click.option("--dataset", "--root", "root", default=DEFAULT_ROOT, show_default=True,
              type=click.Path(exists=True, file_okay=False), help="PolNeAR folder.")
@click.option("--split", default="dev", show_default=True, type=click.Choice(["dev", "train"]),
              help="Split to score (train is what the cue model learned from).")
@click.option("--system", "systems", multiple=True, default=["baseline", "rules"],
              show_default=True, type=click.Choice(["baseline", "rules"]),
              help="baseline = quote marks + 'X said'; rules = dossier's extractor.")
def eval_quotes(root: str, split: str, systems: tuple[str, ...]) -> None:
    """Score quote/claim attribution: content match >= 50% of gold chars, one-to-one."""
    from dossier.eval.quotes import SYSTEMS, read_split, score

    docs = read_split(root, split)
    echo(f"PolNeAR {split}: {len(docs)} articles, {sum(len(d.gold) for d in docs)} "
               "attributions")
    echo(f"{'system':<9} {'all P':>6} {'all R':>6} {'all F1':>6}  {'dir P':>6} {'dir R':>6} "
               f"{'dir F1':>6}  {'speaker':>7}")
    for name in systems:
        s = score(docs, SYSTEMS[name])
        echo(f"{name:<9} {s.all.p:6.3f} {s.all.r:6.3f} {s.all.f1:6.3f}  {s.direct.p:6.3f} "
                   f"{s.direct.r:6.3f} {s.direct.f1:6.3f}  {s.speaker_accuracy:7.3f}")

"""``dossier eval facts``: the dossier's facts against ECB+ cross-document event coreference."""

from __future__ import annotations

from pathlib import Path

import click

_DATA = Path("../shared/datasets/stories")


@click.command("facts")
@click.option("--dataset", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=_DATA / "ecbplus-train-dev.jsonl", show_default=True,
              help="ECB+ articles JSONL (id, event_id, text, source, ...).")
@click.option("--mentions", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=_DATA / "ecbplus-mentions-train-dev.jsonl", show_default=True,
              help="ECB+ mentions JSONL (id, annotated_sentences, mentions with chains).")
@click.option("--split", type=click.Choice(["train", "dev"]), default=None,
              help="Only the events of this split (default: all).")
@click.option("--extract/--no-extract", "with_extract", default=True, show_default=True,
              help="Also score the dossier built after extraction (as the product does).")
@click.option("--limit", type=int, default=None, help="Only the first N events.")
def eval_facts(dataset: Path, mentions: Path, split: str | None, with_extract: bool,
               limit: int | None) -> None:
    """Score fact grouping and outlet counts: pairwise P/R/F1 of cross-article sentence
    links, outlet-count accuracy, and MUC / B3 / CEAF-e / CoNLL F1 of the induced mention
    clusters; with two baselines on the same items (docs/evaluation.md)."""
    from dossier.eval.facts import evaluate

    rows = evaluate(dataset, mentions, split, (False, True) if with_extract else (False,),
                    limit, progress=lambda line: click.echo(line, err=True))
    click.echo(f"events: {rows[0].events}  split: {split or 'train+dev'}")
    click.echo("| system | P | R | F1 | outlets exact (items) | outlets exact (all evidence)"
               " | MUC | B3 | CEAF-e | CoNLL |")
    click.echo("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        links = r.links
        cells = [r.name, f"{links.precision:.3f}", f"{links.recall:.3f}", f"**{links.f1:.3f}**"]
        cells.append(_share(r.outlets_exact, r.instances))
        # Baselines are groups of items, not facts: no evidence beyond them, no mentions.
        cells.append(_share(r.outlets_exact_all, r.instances) if r.coref else "")
        cells += [f"{r.coref[k]:.3f}" for k in ("muc", "b3", "ceafe", "conll")] if r.coref else (
            [""] * 4)
        click.echo("| " + " | ".join(cells) + " |")
    click.echo(f"gold links: {rows[0].links.gold}")


def _share(exact: int, total: int) -> str:
    return f"{exact}/{total} ({exact / total:.2f})" if total else ""

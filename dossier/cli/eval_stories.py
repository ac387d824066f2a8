"""``dossier eval stories``: score story clustering against gold event ids."""

from __future__ import annotations

import click

from dossier.cli._util import echo


@click.command("stories")
@click.option(
    "--dataset",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="JSONL with id, event_id, title, text, date, source[, split] (e.g. ECB+).",
)
@click.option(
    "--split", "splits", multiple=True, help="Only these splits (default: each, and all)."
)
@click.option(
    "--extract",
    "with_extraction",
    is_flag=True,
    help="Run the extraction stage first and link with its entities and dates, as ingest "
    "does (slower: about a minute for ECB+).",
)
@click.option(
    "--headlines-only", is_flag=True, help="Blank every text: link titles alone."
)
def eval_stories(
    dataset: str, splits: tuple[str, ...], with_extraction: bool, headlines_only: bool
) -> None:
    """Stream articles in file order through the linker; print pairwise and BCubed scores."""
    from dossier.eval.stories import evaluate_stories, extract_all, read_dataset, splits_of

    chosen: list[str | None] = list(splits) or [*splits_of(dataset), None]
    extractions = extract_all(a for a, _ in read_dataset(dataset)) if with_extraction else None
    echo(
        f"{'split':<8}{'articles':>9}{'events':>8}{'stories':>8}"
        f"{'pair P':>8}{'pair R':>8}{'pair F1':>9}{'B3 P':>7}{'B3 R':>7}{'B3 F1':>7}"
    )
    for split in chosen:
        s = evaluate_stories(dataset, split, extractions=extractions, headlines_only=headlines_only)
        echo(
            f"{split or 'all':<8}{s.articles:>9}{s.gold_events:>8}{s.stories:>8}"
            f"{s.pair_p:>8.3f}{s.pair_r:>8.3f}{s.pair_f1:>9.3f}{s.b3_p:>7.3f}{s.b3_r:>7.3f}{s.b3_f1:>7.3f}"
        )

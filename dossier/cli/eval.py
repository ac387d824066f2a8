"""``dossier eval``: score each extractor and linker on a labelled dataset.

Every scorer lives in ``dossier.eval``; this group only parses options and
prints. Subcommands are listed in ``EVAL_COMMANDS``.
"""

from __future__ import annotations

import click

from dossier.cli.lazy import LazyGroup

#: ``module:attribute`` of every ``dossier eval`` subcommand.
EVAL_COMMANDS: list[str] = [
    "dossier.cli.eval_extraction:extraction_command",
    "dossier.cli.eval_dates:eval_dates",
    "dossier.cli.eval_quotes:eval_quotes",
    "dossier.cli.eval_pipeline:eval_pipeline_command",
    "dossier.cli.eval_ner:eval_ner_errors",
    "dossier.cli.eval_stories:eval_stories",
    "dossier.cli.eval_similarity:eval_similarity",
    "dossier.cli.eval_dossier:eval_dossier",
    "dossier.cli.eval_facts:eval_facts",
    "dossier.cli.eval_fact_threshold:eval_fact_threshold",
    "dossier.cli.eval_entities:eval_entities",
]


@click.group("eval", cls=LazyGroup, specs=EVAL_COMMANDS)
def eval_group() -> None:
    """Score dossier's stages on labelled datasets (see ../shared/datasets/README.md)."""

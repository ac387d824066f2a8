"""dossier's command line: one thin module per command over plain functions.

Each command module defines a click command (or group) and is listed in
``COMMAND_MODULES``; the list, not import side effects, decides what the CLI has.
A command's module is imported only when that command runs (``dossier.cli.lazy``),
so ``dossier --help`` does not load the language pipeline or any other stage.
"""

from __future__ import annotations

import sys

import click

from dossier import __version__
from dossier.cli.lazy import LazyGroup
from dossier.errors import DossierError
from dossier.safe_text import terminal_text

#: ``module:attribute`` of every top-level command, in ``--help`` order.
COMMAND_MODULES: list[str] = [
    "dossier.cli.ingest:ingest_command",
    "dossier.cli.articles:articles_command",
    "dossier.cli.articles:show_command",
    "dossier.cli.articles:search_command",
    "dossier.cli.stories:link_command",
    "dossier.cli.stories:stories_command",
    "dossier.cli.stories:story_command",
    "dossier.cli.stories:entities_command",
    "dossier.cli.stories:entity_command",
    "dossier.cli.eval:eval_group",
    "dossier.cli.train:train_group",
    "dossier.cli.serve:serve_command",
    "dossier.cli.demo:demo_command",
    "dossier.cli.maintenance:check_command",
    "dossier.cli.maintenance:export_command",
    "dossier.cli.maintenance:import_command",
]


@click.group(
    cls=LazyGroup, specs=COMMAND_MODULES, context_settings={"help_option_names": ["-h", "--help"]}
)
@click.version_option(__version__, prog_name="dossier")
def cli() -> None:
    """dossier: turn raw news articles into story dossiers."""


def main() -> None:
    """Run the CLI; dossier's own errors end in one line and status 2, not a traceback.

    Error messages can quote stored text, so they are printed through ``terminal_text``.
    """
    try:
        cli(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("Aborted!", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.message = terminal_text(exc.message)  # it may quote a title or a file name
        exc.show()
        sys.exit(exc.exit_code)
    except DossierError as exc:
        click.echo(terminal_text(f"error: {exc}"), err=True)
        sys.exit(2)

"""The CLI loads a command's module only to run it: help stays fast, names stay right."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from dossier.cli import COMMAND_MODULES, cli
from dossier.cli.eval import EVAL_COMMANDS
from dossier.cli.lazy import click_name, load, summary_of

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("spacy", "sklearn", "trafilatura", "torch", "dask", "fastapi", "dossier.story")


@pytest.mark.parametrize("spec", COMMAND_MODULES + EVAL_COMMANDS)
def test_listing_from_source_matches_the_imported_command(spec: str) -> None:
    summary = summary_of(spec)
    command = load(spec)
    assert summary is not None, f"{spec}: not a plain decorated function; listing imports it"
    assert summary.name == command.name
    for limit in (30, 45, 80):
        assert summary.short(limit) == command.get_short_help_str(limit)


@pytest.mark.parametrize(
    ("function", "name"),
    [("ingest_command", "ingest"), ("eval_group", "eval"), ("eval_dates", "eval-dates"),
     ("command", "command"), ("show_cmd", "show")],
)
def test_default_names_follow_click(function: str, name: str) -> None:
    def callback() -> None:
        """Stand-in."""

    callback.__name__ = function
    assert click_name(function) == name == click.command()(callback).name


@pytest.mark.parametrize("args", [["--help"], ["articles", "--help"], ["eval", "--help"]])
def test_help_loads_no_stage(args: list[str]) -> None:
    code = (
        "import sys\nfrom dossier.cli import cli\n"
        f"try:\n    cli.main({args!r}, standalone_mode=False)\nexcept SystemExit:\n    pass\n"
        f"print([m for m in {HEAVY!r} if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": ""}, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"
    assert "Commands:" in out.stdout or "Options:" in out.stdout


def test_lazily_loaded_commands_run_and_unknown_ones_are_refused(tmp_path: Path) -> None:
    from dossier.store import Store

    db = str(tmp_path / "s.db")
    Store(db).close()
    assert CliRunner().invoke(cli, ["check", "--db", db]).exit_code == 0
    unknown = CliRunner().invoke(cli, ["no-such-command"])
    assert unknown.exit_code == 2 and "No such command" in unknown.output
    listing = CliRunner().invoke(cli, ["--help"]).output
    assert all(name in listing for name in ("ingest", "articles", "eval", "import", "story"))


def test_a_lazy_choice_still_refuses_bad_values(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["story", "x", "--db", str(tmp_path / "s.db"),
                                      "--format", "bogus"])
    assert result.exit_code == 2 and "'markdown'" in result.output

"""A click group that imports a command's module only when that command runs.

Command modules pull in spaCy, scikit-learn, trafilatura and more; importing
them all made ``dossier --help`` take seconds. :class:`LazyGroup` takes the
``"module:attribute"`` specs of ``COMMAND_MODULES`` / ``EVAL_COMMANDS`` and
lists them without importing anything: each command's name and one-line help
are read from its module's source with :mod:`ast` (the decorator's name
argument, the function's docstring), exactly as click would derive them. A
command whose definition is not a plain decorated function is imported instead.
``tests/test_cli_lazy.py`` checks the two agree for every registered command.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
from dataclasses import dataclass
from functools import cache
from typing import Any

import click

_DECORATORS = {"command", "group"}


@dataclass(frozen=True)
class Summary:
    """What a command listing needs: the name and the help the short help comes from."""

    name: str
    help: str
    short_help: str | None = None

    def short(self, limit: int) -> str:
        """As ``click.Command.get_short_help_str`` words it (by asking click)."""
        stand_in = click.Command(self.name, help=self.help, short_help=self.short_help)
        return stand_in.get_short_help_str(limit)


def click_name(function_name: str) -> str:
    """The command name click gives a function when the decorator names none."""
    name = function_name.lower().replace("_", "-")
    for suffix in ("-command", "-cmd", "-group", "-grp"):
        if name.endswith(suffix) and name != suffix[1:]:
            return name[: -len(suffix)]
    return name


def _constant(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _from_decorator(fn: ast.FunctionDef, decorator: ast.expr) -> Summary | None:
    if not (isinstance(decorator, ast.Call) and isinstance(decorator.func, ast.Attribute)
            and decorator.func.attr in _DECORATORS):
        return None
    kwargs = {k.arg: k.value for k in decorator.keywords}
    if "hidden" in kwargs or "deprecated" in kwargs:
        return None  # let click decide how such a command lists itself
    name = _constant(decorator.args[0]) if decorator.args else _constant(kwargs.get("name"))
    doc = _constant(kwargs.get("help")) or ast.get_docstring(fn) or ""
    return Summary(name or click_name(fn.name), doc, _constant(kwargs.get("short_help")))


@cache
def summary_of(spec: str) -> Summary | None:
    """Name and help of the command ``spec`` names, from source; None if not plain."""
    module_name, attribute = spec.split(":")
    try:
        found = importlib.util.find_spec(module_name)
    except (ImportError, ValueError):
        return None
    if found is None or not found.origin or not found.origin.endswith(".py"):
        return None
    with open(found.origin, encoding="utf-8") as handle:
        tree = ast.parse(handle.read(), filename=found.origin)
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == attribute:
            for decorator in node.decorator_list:
                if (summary := _from_decorator(node, decorator)) is not None:
                    return summary
    return None


def load(spec: str) -> click.Command:
    module_name, attribute = spec.split(":")
    return getattr(importlib.import_module(module_name), attribute)


class LazyGroup(click.Group):
    """A group whose subcommands are ``module:attribute`` specs, imported on use."""

    def __init__(self, *args: Any, specs: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.specs = specs

    def _specs_by_name(self) -> dict[str, str]:
        names: dict[str, str] = {}
        for spec in self.specs:
            summary = summary_of(spec)
            names[summary.name if summary else load(spec).name or spec] = spec
        return names

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self._specs_by_name()})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:
            spec = self._specs_by_name().get(cmd_name)
            if spec is None:
                return None
            self.add_command(load(spec), cmd_name)
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """click's own listing, from the summaries instead of imported commands."""
        specs = self._specs_by_name()
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            summary = summary_of(specs[name]) if name in specs else None
            if summary is None:
                command = self.get_command(ctx, name)
                if command is None or command.hidden:
                    continue
                rows.append((name, command.get_short_help_str(limit)))
            else:
                rows.append((name, summary.short(limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)


class LazyChoice(click.Choice):
    """A ``click.Choice`` whose values come from a heavy module, looked up on first use
    (parsing the option, or showing the command's own help), not at import."""

    def __init__(self, load_choices: Any, case_sensitive: bool = True) -> None:
        self._load_choices = load_choices
        self._choices: tuple[Any, ...] | None = None
        self.case_sensitive = case_sensitive

    @property  # type: ignore[override]
    def choices(self) -> tuple[Any, ...]:
        if self._choices is None:
            self._choices = tuple(self._load_choices())
        return self._choices

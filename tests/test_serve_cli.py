"""``dossier serve`` and ``dossier demo`` (the README's first command)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from dossier.cli import cli
from dossier.cli.demo import sample_dir
from dossier.cli.serve import serve_command


def test_serve_binds_loopback_and_is_read_only_by_default(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr("dossier.cli.serve.serve", lambda *args: calls.append(args))
    db = str(tmp_path / "x.db")
    assert CliRunner().invoke(serve_command, ["--db", db, "--create"]).exit_code == 0
    assert CliRunner().invoke(serve_command, ["--db", db, "--create", "--host", "0.0.0.0",
                                              "--allowed-host", "news.lan",
                                              "--allow-ingest"]).exit_code == 0
    assert CliRunner().invoke(serve_command, ["--db", db, "--create",
                                              "--page-cache-mb", "0"]).exit_code == 0
    loopback = ["127.0.0.1", "localhost", "::1", "[::1]"]
    assert calls == [(db, "127.0.0.1", 8000, False, loopback, 256, None),
                     (db, "0.0.0.0", 8000, True, [*loopback, "news.lan"], 256, None),
                     (db, "127.0.0.1", 8000, False, loopback, 0, None)]


def test_serve_cache_default_is_the_apps():
    from dossier.cli.serve import PAGE_CACHE_MB
    from dossier.web.cache import DEFAULT_MB

    assert PAGE_CACHE_MB == DEFAULT_MB
    result = CliRunner().invoke(serve_command, ["--db", "x.db", "--page-cache-mb", "-1"])
    assert result.exit_code == 2 and "--page-cache-mb" in result.output


def test_the_ingest_token_comes_from_the_option_or_the_environment(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr("dossier.cli.serve.serve", lambda *args: calls.append(args[-1]))
    db = str(tmp_path / "x.db")
    base = ["--db", db, "--create", "--allow-ingest"]
    runner = CliRunner()
    assert runner.invoke(serve_command, [*base, "--ingest-token", "opt"]).exit_code == 0
    assert runner.invoke(serve_command, base, env={"DOSSIER_INGEST_TOKEN": "env"}).exit_code == 0
    empty = runner.invoke(serve_command, [*base, "--ingest-token", " "])
    assert empty.exit_code == 2 and "must not be empty" in empty.output
    assert calls == ["opt", "env"]


def test_serve_prints_the_random_ingest_token_once_to_stderr(monkeypatch, tmp_path):
    import uvicorn

    from dossier.cli.serve import serve

    apps = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: apps.append(app))
    result = CliRunner().invoke(click_command(serve), [str(tmp_path / "x.db")])
    assert result.exit_code == 0, result.output
    (app,) = apps
    token = app.state.ingest_token
    assert result.stderr.count(token) == 1 and token not in result.stdout
    assert "X-Dossier-Token" in result.stderr


def click_command(serve):
    """``serve(db, allow_ingest=True)`` as a command, so CliRunner captures its output."""
    import click

    @click.command()
    @click.argument("db")
    def run(db):
        serve(db, allow_ingest=True)

    return run


def test_serve_help_mentions_read_only():
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0 and "--allow-ingest" in result.output


def test_demo_ingests_the_sample_and_prints_a_summary(tmp_path):
    try:
        sample_dir()
    except Exception:
        pytest.skip("examples/sample/ is not in this checkout")
    db = tmp_path / "demo.db"
    result = CliRunner().invoke(cli, ["demo", "--db", str(db), "--no-serve"])
    assert result.exit_code == 0, result.output
    assert "articles from" in result.output and "stories" in result.output
    again = CliRunner().invoke(cli, ["demo", "--db", str(db), "--no-serve"])
    assert "0 newly stored" in again.output

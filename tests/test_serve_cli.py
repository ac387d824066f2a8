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
    assert calls == [(db, "127.0.0.1", 8000, False, loopback, 256),
                     (db, "0.0.0.0", 8000, True, [*loopback, "news.lan"], 256),
                     (db, "127.0.0.1", 8000, False, loopback, 0)]


def test_serve_cache_default_is_the_apps():
    from dossier.cli.serve import PAGE_CACHE_MB
    from dossier.web.cache import DEFAULT_MB

    assert PAGE_CACHE_MB == DEFAULT_MB
    result = CliRunner().invoke(serve_command, ["--db", "x.db", "--page-cache-mb", "-1"])
    assert result.exit_code == 2 and "--page-cache-mb" in result.output


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

"""Item 9 of issue 16: careless use of the CLI is refused with a clear line, not obeyed."""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from dossier.cli import cli
from dossier.cli.serve import allowed_host_names
from dossier.errors import StoreError
from dossier.store import Store

TEXT = ("Ambersfield council closes the harbour road\n\n"
        "The council said on Monday that the harbour road will close for repairs. "
        "Residents were told to use the ring road instead while the work goes on.\n")


def _foreign_db(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.execute("INSERT INTO invoices (total) VALUES (9.5)")
    conn.commit()
    conn.close()


def _tables(path):
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return sorted(r[0] for r in rows)


def test_another_applications_database_is_refused_and_left_alone(tmp_path):
    db = str(tmp_path / "app.db")
    _foreign_db(db)
    with pytest.raises(StoreError, match="not a dossier database.*invoices"):
        Store(db)
    assert _tables(db) == ["invoices"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.db"]  # not even switched to WAL
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_the_cli_refuses_a_foreign_database_in_one_line(tmp_path):
    db, doc = str(tmp_path / "app.db"), tmp_path / "a.txt"
    _foreign_db(db)
    doc.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(doc), "--db", db, "--no-link", "-q"])
    assert result.exit_code != 0 and "not a dossier database" in str(result.exception)
    assert _tables(db) == ["invoices"]


def test_a_new_and_an_existing_dossier_store_still_open(tmp_path):
    db = str(tmp_path / "new.db")
    Store(db).close()
    Store(db).close()
    Store(db, read_only=True).close()


def test_serve_refuses_a_missing_database_unless_asked(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr("dossier.cli.serve.serve", lambda *args: calls.append(args))
    typo = str(tmp_path / "typo.db")
    result = CliRunner().invoke(cli, ["serve", "--db", typo])
    assert result.exit_code == 2 and "no database at" in result.output
    assert "--create" in result.output
    assert calls == []
    assert CliRunner().invoke(cli, ["serve", "--db", typo, "--create"]).exit_code == 0
    assert len(calls) == 1


@pytest.mark.parametrize("option", [["--max-bytes", "-1"], ["--max-bytes", "0"],
                                    ["--batch-size", "0"], ["--workers", "0"]])
def test_ingest_refuses_nonsense_sizes(option, tmp_path):
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--db", str(tmp_path / "s.db"),
                                      *option])
    assert result.exit_code == 2 and option[0] in result.output


def test_ingest_of_its_own_folder_skips_its_store_files_quietly(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", ".", "--no-link", "-q"])
    assert first.exit_code == 0, first.output
    (tmp_path / "dossier.db-journal").write_bytes(b"\0" * 64)  # as a crash could leave it
    again = runner.invoke(cli, ["ingest", ".", "--no-link", "-q"])
    assert again.exit_code == 0, again.output
    assert "rejected:" not in again.output and "1 inputs: 0 stored, 1 unchanged" in again.output


@pytest.mark.parametrize(("host", "allowed", "names"), [
    ("127.0.0.1", (), ["127.0.0.1", "localhost", "::1", "[::1]"]),
    ("0.0.0.0", ("news.lan",), ["127.0.0.1", "localhost", "::1", "[::1]", "news.lan"]),
    ("0.0.0.0", ("*",), None),
])
def test_host_check_rule(host, allowed, names):
    assert allowed_host_names(host, allowed) == names


def test_a_public_bind_without_allowed_hosts_is_refused(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr("dossier.cli.serve.serve", lambda *args: calls.append(args))
    db = str(tmp_path / "x.db")
    Store(db).close()
    result = CliRunner().invoke(cli, ["serve", "--db", db, "--host", "0.0.0.0"])
    assert result.exit_code == 2 and "--allowed-host" in result.output and calls == []

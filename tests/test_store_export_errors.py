"""``dossier export`` / ``import`` on bad paths and tampered files: one clear line, no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dossier.cli import cli
from dossier.jobs.ingest import ingest
from dossier.store import Store

TEXT = ("Harbour road closes for repairs\n\n"
        "The council said on Monday that the harbour road will close for three weeks. "
        "Residents were told to use the ring road while the work goes on.\n")


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    """An export of a one-article store."""
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    db = tmp_path / "one.db"
    with Store(db) as store:
        ingest([str(tmp_path / "a.txt")], store)
    out = tmp_path / "one.jsonl"
    assert CliRunner().invoke(cli, ["export", str(out), "--db", str(db)]).exit_code == 0
    return out


def _import(dump: Path, tmp_path: Path):
    db = tmp_path / "new.db"
    result = CliRunner().invoke(cli, ["import", str(dump), "--db", str(db)])
    assert isinstance(result.exception, SystemExit), result.exception  # not a traceback
    assert result.exit_code == 1 and str(dump) in result.output
    with Store(db, read_only=True) as store:
        assert store.article_count() == 0  # all or nothing
    return result.output


def _tamper(dump: Path, table: str, change) -> None:
    lines = dump.read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines):
        record = json.loads(line)
        if record.get("t") == table:
            change(record["r"])
            lines[n] = json.dumps(record)
            break
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _first_blob(row: dict) -> None:
    column = next(k for k, v in row.items() if isinstance(v, dict))
    row[column] = {"$b64": "not base64!"}


@pytest.mark.parametrize(("table", "change", "words"), [
    ("inputs", _first_blob, "bad base64"),
    ("articles", lambda r: r.update(title={"x": 1}), "not {\"$b64\""),
    ("articles", lambda r: r.update(title=["a", "b"]), "a list value"),
    ("articles", lambda r: r.update(seq="not a number", version=None), "line"),
])
def test_tampered_values_name_the_line(dump, tmp_path, table, change, words):
    _tamper(dump, table, change)
    assert words in _import(dump, tmp_path)


def test_bad_utf8_is_refused(dump, tmp_path):
    data = dump.read_bytes()
    dump.write_bytes(data[: len(data) // 2] + b"\xff\xfe" + data[len(data) // 2:])
    assert "not UTF-8" in _import(dump, tmp_path)


@pytest.mark.parametrize("header", [
    {"dossier_export": 1, "tables": 5},
    {"dossier_export": 1, "tables": [], "migrations": "x"},
])
def test_a_tampered_header_is_refused(tmp_path, header):
    dump = tmp_path / "h.jsonl"
    dump.write_text(json.dumps(header) + "\n" + '{"end": true, "rows": 0}\n', encoding="utf-8")
    assert "header field" in _import(dump, tmp_path)


def test_a_broken_end_line_is_refused(dump, tmp_path):
    lines = dump.read_text(encoding="utf-8").splitlines()
    dump.write_text("\n".join([*lines[:-1], '{"end": tru']) + "\n", encoding="utf-8")
    assert "end line" in _import(dump, tmp_path)


def test_export_into_a_missing_folder_says_so(dump, tmp_path):
    db = tmp_path / "one.db"
    target = tmp_path / "no" / "such" / "x.jsonl"
    result = CliRunner().invoke(cli, ["export", str(target), "--db", str(db)])
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1 and "does not exist" in result.output

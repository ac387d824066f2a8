"""Item 8 of issue 16: CSV exports do not run formulas; printed text cannot drive the terminal."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import pytest
from click.testing import CliRunner

from dossier.cli import cli
from dossier.cli._util import print_rows
from dossier.model import Story
from dossier.safe_text import csv_cell, one_line, terminal_text
from dossier.story import build_dossier, render
from tests.story_helpers import expected, sample_articles

OSC_TITLE = "\x1b]0;owned\x07Real title\x9b2J"
FORMULAS = ["=HYPERLINK(\"http://evil\",\"x\")", "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|x", "-2+3",
            "\t=1", "\r=1"]


@pytest.mark.parametrize("value", FORMULAS)
def test_formula_prefixes_are_quoted(value):
    assert csv_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["-3", "+4.5", "1e3", 7, None, "plain", "a=b", "", "-"])
def test_numbers_and_plain_text_stay_as_they_are(value):
    expected_value = "'-" if value == "-" else value
    assert csv_cell(value) == expected_value


def test_terminal_text_keeps_newlines_and_tabs_but_no_escape():
    shown = terminal_text(OSC_TITLE + "\nline two\tcell")
    assert "\x1b" not in shown and "\x07" not in shown and "\x9b" not in shown
    assert shown == "\\u001b]0;owned\\u0007Real title\\u009b2J\nline two\tcell"


def test_one_line_shows_newlines_instead_of_printing_them():
    assert one_line("a.txt\nrejected: forged\r") == "a.txt\\nrejected: forged\\r"


@pytest.fixture(scope="module")
def hostile_dossier():
    articles, exp = sample_articles(), expected()
    ids = [k for k, e in exp["articles"].items() if e == "ambersfield-fire"]
    built = build_dossier(Story(id="s1", article_ids=ids), [articles[i] for i in ids], {})
    first = dataclasses.replace(built.facts[0], text=FORMULAS[0])
    return dataclasses.replace(built, facts=[first, *built.facts[1:]])


def test_dossier_csv_quotes_a_formula_fact(hostile_dossier):
    rows = list(csv.reader(io.StringIO(render(hostile_dossier, "csv"))))
    texts = [row[2] for row in rows[1:]]
    assert "'" + FORMULAS[0] in texts
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)


def test_api_table_and_story_csv_quote_formulas():
    from dossier.api.exports import STORY_WRITERS, table

    rows = [{"id": "a1", "title": FORMULAS[1], "outlet": "@Outlet", "words": 5}]
    cells = list(csv.reader(io.StringIO(table(rows, ("id", "title", "outlet", "words"),
                                              "csv", "x"))))
    assert cells[1] == ["a1", "'" + FORMULAS[1], "'@Outlet", "5"]
    view = {"outlets": ["=Outlet"], "facts": [{"text": "=1+1", "corroboration": 1,
                                               "single_outlet": True, "contradicted": False,
                                               "outlets": ["=Outlet"]}]}
    story = list(csv.reader(io.StringIO(STORY_WRITERS["csv"](view))))
    assert story[0][-1] == "'=Outlet" and story[1][0] == "'=1+1"


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_listing_output_carries_no_control_characters(fmt, capsys):
    print_rows([{"id": "a1", "title": OSC_TITLE, "outlet": "=cmd"}], fmt, ["id", "title", "outlet"])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    if fmt == "csv":
        assert "'=cmd" in out
    if fmt == "json":
        assert json.loads(out)[0]["title"] == OSC_TITLE  # escaped, not lost


def test_a_file_name_with_a_newline_cannot_forge_an_output_line(tmp_path):
    forged = tmp_path / "empty\nrejected: all.txt: forged line \x1b]0;t\x07.txt"
    forged.write_bytes(b"")
    result = CliRunner().invoke(
        cli, ["ingest", str(forged), "--db", str(tmp_path / "s.db"), "--no-link", "-q"])
    lines = [line for line in result.stderr.splitlines() if line.startswith("rejected:")]
    assert len(lines) == 1 and "\\n" in lines[0]
    assert "\x1b" not in result.stderr + result.stdout


def test_error_messages_are_sanitised_too(monkeypatch, capsys, tmp_path):
    from dossier.cli import main

    monkeypatch.setattr("sys.argv", ["dossier", "check", "--db", str(tmp_path / OSC_TITLE)])
    with pytest.raises(SystemExit):
        main()
    err = capsys.readouterr().err
    assert "no database at" in err and "\x1b" not in err and "\\u001b]0;owned" in err

"""``dossier eval dossier`` on a tiny ECB+-shaped file: the table and --show."""

from __future__ import annotations

import json

from click.testing import CliRunner

from dossier.cli.eval_dossier import eval_dossier

TEXTS = (
    "Twelve people were killed when a warehouse collapsed in Orvik on Tuesday, police said.",
    "A warehouse collapse in Orvik killed twelve people on Tuesday, the fire service said.",
)


def _dataset(tmp_path):
    path = tmp_path / "ecb.jsonl"
    rows = [{"id": f"9_{i}ecb", "event_id": "9_ecb", "topic": "9", "title": f"Collapse {i}",
             "text": t, "date": None, "source": f"https://outlet{i}.example/a", "split": "dev"}
            for i, t in enumerate(TEXTS)]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return path


def test_table_counts_facts(tmp_path):
    result = CliRunner().invoke(eval_dossier, ["--dataset", str(_dataset(tmp_path))])
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if line.startswith("9_ecb"))
    assert row.split()[1:3] == ["2", "2"]
    assert "mean facts" in result.output


def test_show_prints_the_dossier(tmp_path):
    args = ["--dataset", str(_dataset(tmp_path)), "--show", "9_ecb"]
    result = CliRunner().invoke(eval_dossier, args)
    assert result.exit_code == 0, result.output
    assert "=== 9_ecb ===" in result.output and "TOP FACTS" in result.output
    assert "2 outlets" in result.output
    bad = CliRunner().invoke(eval_dossier, ["--dataset", str(_dataset(tmp_path)), "--show", "x"])
    assert bad.exit_code != 0

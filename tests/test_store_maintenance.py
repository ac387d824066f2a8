"""``dossier check`` finds damage; ``dossier export`` / ``import`` round-trip a store losslessly."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from dossier.cli import cli
from dossier.errors import StoreError
from dossier.jobs.ingest import ingest
from dossier.model import CanonicalEntity, Extraction, Story, StoryAssignment
from dossier.store import Store
from dossier.store.maintenance import (
    check_store,
    data_tables,
    export_store,
    import_store,
    table_rows,
)


@pytest.fixture
def full_db(tmp_path: Path, sample_dir: Path) -> Path:
    """A store with every table filled: sample articles plus stage rows."""
    db = tmp_path / "full.db"
    with Store(db) as store:
        ingest([str(sample_dir)], store)
        ids = [a.id for a in store.articles()][:3]
        with store.batch():
            for article_id in ids:
                store.save_extraction(Extraction(article_id, "test-1"), 1)
            store.replace_stories(
                [Story("s1", ids, "A story", "2025-03-01", "2025-03-02", ["A", "B"])],
                [StoryAssignment(i, "s1", ids[0] if n else None) for n, i in enumerate(ids)],
            )
            store.replace_entities(
                [CanonicalEntity("e1", "Ada Lovelace", "PERSON", ["Ada"], ["mayor"], ids)],
                {(i, "e1"): "e1" for i in ids},
            )
            store.save_linker_state(bytes(range(256)) * 3)
            store.save_dossier("s1", "1", {"story": "s1", "facts": ["é", 1.5, None]})
    return db


def snapshot(db: Path) -> dict[str, list[dict]]:
    with Store(db, read_only=True) as store:
        return {t: list(table_rows(store.conn, t)) for t in data_tables(store.conn)}


def test_sample_store_passes_check(full_db: Path) -> None:
    with Store(full_db, read_only=True) as store:
        report = check_store(store)
    assert report.ok, report.problems
    assert "full-text index" in report.checks


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (
            "INSERT INTO documents VALUES ('nope', 'line 1', 'missing-article')",
            "documents -> articles",
        ),
        ("UPDATE articles SET version = 7 WHERE seq = (SELECT MIN(seq) FROM articles)", "versions"),
        ("DELETE FROM stories", "story_articles -> stories"),
        ("DELETE FROM entities", "entity_mentions -> entities"),
        (
            "DELETE FROM articles_fts_docsize WHERE id = (SELECT MIN(seq) FROM articles)",
            "full-text",
        ),
    ],
)
def test_check_names_each_kind_of_damage(full_db: Path, damage: str, words: str) -> None:
    with sqlite3.connect(full_db) as conn:
        conn.execute(damage)
    result = CliRunner().invoke(cli, ["check", "--db", str(full_db)])
    assert result.exit_code == 1 and words in result.output, result.output


def test_check_on_a_clean_store_exits_zero(full_db: Path) -> None:
    result = CliRunner().invoke(cli, ["check", "--db", str(full_db)])
    assert result.exit_code == 0 and ": ok (" in result.output


def test_check_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"not sqlite at all" * 100)
    result = CliRunner().invoke(cli, ["check", "--db", str(bogus)])
    assert result.exit_code == 1


@pytest.mark.parametrize("name", ["store.jsonl", "store.jsonl.gz"])
def test_export_import_round_trip_is_lossless(full_db: Path, tmp_path: Path, name: str) -> None:
    runner = CliRunner()
    dump, copy = tmp_path / name, tmp_path / "copy.db"
    assert runner.invoke(cli, ["export", str(dump), "--db", str(full_db)]).exit_code == 0
    result = runner.invoke(cli, ["import", str(dump), "--db", str(copy)])
    assert result.exit_code == 0, result.output
    before, after = snapshot(full_db), snapshot(copy)
    assert before == after
    assert all(before[t] for t in ("inputs", "articles", "extractions", "linker_state", "dossiers"))
    with Store(full_db, read_only=True) as a, Store(copy, read_only=True) as b:
        assert [x.id for x, _ in a.search("the")] == [x.id for x, _ in b.search("the")]
        assert check_store(b).ok
    dump2 = tmp_path / ("again-" + name)
    runner.invoke(cli, ["export", str(dump2), "--db", str(copy)])
    assert dump.read_bytes() == dump2.read_bytes() or name.endswith(".gz")


def test_import_refuses_a_store_that_is_not_empty(full_db: Path, tmp_path: Path) -> None:
    dump = tmp_path / "d.jsonl"
    with Store(full_db, read_only=True) as store:
        export_store(store, dump)
    with Store(full_db) as store, pytest.raises(StoreError, match="not empty"):
        import_store(store, dump)


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ('{"t": "no_such_table", "r": {}}', "not a row of a known table"),
        ('{"t": "rejections", "r": {"x\\" TEXT); DROP TABLE articles; --": 1}}', "has columns"),
    ],
)
def test_import_is_all_or_nothing(full_db: Path, tmp_path: Path, bad: str, words: str) -> None:
    dump = tmp_path / "d.jsonl"
    with Store(full_db, read_only=True) as store:
        export_store(store, dump)
    lines = dump.read_text(encoding="utf-8").splitlines()
    lines.insert(len(lines) // 2, bad)
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Store(tmp_path / "new.db") as store:
        with pytest.raises(StoreError, match=words):
            import_store(store, dump)
        assert store.article_count() == 0


@pytest.mark.parametrize("text", ["", "garbage\n", json.dumps({"dossier_export": 99}) + "\n"])
def test_import_refuses_what_is_not_an_export(tmp_path: Path, text: str) -> None:
    dump = tmp_path / "x.jsonl"
    dump.write_text(text, encoding="utf-8")
    with (
        Store(tmp_path / "new.db") as store,
        pytest.raises(StoreError, match="not a dossier export"),
    ):
        import_store(store, dump)


def test_import_refuses_an_export_cut_at_a_line_boundary(full_db: Path, tmp_path: Path) -> None:
    dump = tmp_path / "d.jsonl"
    with Store(full_db, read_only=True) as store:
        export_store(store, dump)
    lines = dump.read_text(encoding="utf-8").splitlines(keepends=True)
    dump.write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
    with Store(tmp_path / "new.db") as store:
        with pytest.raises(StoreError, match="truncated"):
            import_store(store, dump)
        assert store.article_count() == 0

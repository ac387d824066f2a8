"""The SQLite store: idempotent writes, versions, search, migrations."""

from __future__ import annotations

import sqlite3

import pytest

from dossier.errors import StoreError
from dossier.model import Article, Provenance, Rejected, RemovedText
from dossier.store import Store, fts_query


@pytest.fixture
def store():
    s = Store(":memory:")
    yield s
    s.close()


def make(article_id="a1", text="Ministers met in the capital on Sunday.", **kw) -> Article:
    return Article(id=article_id, text=text, text_sha256=str(hash(text)), **kw)


def test_same_article_twice_is_unchanged(store):
    with store.batch():
        assert store.add_article(make())[0] == "stored"
        assert store.add_article(make())[0] == "unchanged"
    assert store.article_count() == 1


def test_changed_text_under_same_id_keeps_both_versions(store):
    with store.batch():
        store.add_article(make(text="first text"))
        outcome, article = store.add_article(make(text="second text"))
    assert (outcome, article.version) == ("new_version", 2)
    assert store.versions("a1") == [1, 2]
    assert store.article("a1").text == "second text"
    assert store.article("a1", version=1).text == "first text"


def test_round_trip_keeps_every_field(store):
    original = make(
        title="Talks",
        url="https://example.org/a",
        outlet="Example Post",
        author="A. Writer",
        published="2022-10-23",
        removed=[RemovedText("JOIN US", "call_to_action")],
        captions=["A photo (Agency)"],
        credits=["Additional reporting by Wire"],
        provenance=Provenance("in.txt", "text", "abc", "", None),
        extras={"k": [1, 2]},
    )
    with store.batch():
        store.add_article(original)
    assert store.article("a1") == original


def test_failed_batch_writes_nothing(store):
    with pytest.raises(RuntimeError), store.batch():
        store.add_article(make("a1"))
        raise RuntimeError("crash mid-batch")
    assert store.article_count() == 0


def test_search_finds_words_and_ignores_query_syntax(store):
    with store.batch():
        store.add_article(make("a1", "The defence secretary refuted the claims.", title="Refuted"))
        store.add_article(make("a2", "Markets rallied on Monday.", title="Markets"))
    assert [a.id for a, _ in store.search("refuted claims")] == ["a1"]
    assert store.search('" OR NEAR( -- ') == []
    assert fts_query('a "b" NEAR(c)') == '"a" "b" "NEAR" "c"'


def test_filters_by_outlet_and_date(store):
    with store.batch():
        store.add_article(make("a1", "one", outlet="Kyiv Post", published="2022-10-23"))
        store.add_article(make("a2", "two", outlet="The Independent", published="2022-10-24"))
    assert [a.id for a in store.articles(outlet="kyiv post")] == ["a1"]
    assert [a.id for a in store.articles(since="2022-10-24")] == ["a2"]
    assert [a.id for a in store.articles()] == ["a2", "a1"]


def test_prefix_lookup_and_ambiguity(store):
    with store.batch():
        store.add_article(make("abc1", "one"))
        store.add_article(make("abd2", "two"))
    assert store.article("abc").id == "abc1"
    assert store.article("ab") is None


def test_inputs_kept_once(store):
    with store.batch():
        assert store.save_input("x.txt", b"bytes", "h1") is True
        assert store.save_input("x.txt", b"bytes", "h1") is False
    assert store.input_bytes("h1") == b"bytes"


def test_rejections_are_recorded_once(store):
    with store.batch():
        store.add_rejection(Rejected("bad.bin", "binary file"))
        store.add_rejection(Rejected("bad.bin", "binary file"))
    assert store.rejections() == [Rejected("bad.bin", "binary file")]


def test_file_store_uses_wal_and_reopens_without_remigrating(tmp_path):
    path = tmp_path / "d.db"
    Store(path).close()
    store = Store(path)
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.schema_version()[0] == "0001_foundation"
    store.close()


def test_garbage_file_is_a_store_error(tmp_path):
    path = tmp_path / "not.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not.db"):
        Store(path)


def test_schema_has_fts(store):
    names = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
    assert {"articles", "articles_fts", "inputs", "rejections", "line_stats"} <= names
    assert isinstance(store.conn, sqlite3.Connection)


def test_a_failing_migration_leaves_no_half_applied_schema(tmp_path, monkeypatch):
    from dossier.store import migrations

    def broken(conn):
        migrations.run_script(conn, "CREATE TABLE half (x);\nCREATE TABLE half (y);\n")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, ("9999_broken", broken)])
    with pytest.raises(StoreError, match="half already exists"):
        Store(tmp_path / "new.db")
    with sqlite3.connect(tmp_path / "new.db") as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "half" not in tables and "articles" not in tables  # all or nothing

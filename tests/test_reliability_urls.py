"""A malformed URL in a record must not poison the store (issue 16, item 1).

``http://[::1`` makes ``urlsplit`` raise; once stored, every stage that took the
URL apart failed on it. The reader now drops it with a warning (the record is
kept, its bytes are in the store), and the later stages do not trust stored URLs.
"""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from dossier.cli import cli
from dossier.model import Article
from dossier.store import Store
from dossier.story.corroboration import outlet_names

BAD = "http://[::1"
TEXT = ("The harbour authority closed the port of Example Bay on Monday after a fuel "
        "tanker ran aground in heavy fog, officials said.\n"
        "Crews worked through the night to pump fuel from the damaged tanker, the "
        "authority said in a statement.")


@pytest.fixture()
def ingested(tmp_path):
    rows = [{"url": BAD, "title": "Port closed", "outlet": "", "text": TEXT},
            {"url": "https://www.example-news.com/port", "title": "Port shut", "text": TEXT
             + "\nShipping firms said delays could last a week."}]
    path = tmp_path / "bad-url.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    db = str(tmp_path / "t.db")
    result = CliRunner().invoke(cli, ["ingest", "--db", db, str(path)])
    return db, result


def test_ingest_keeps_the_record_without_its_url_and_says_so(ingested):
    db, result = ingested
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "2 stored" in result.output
    assert "warning" in result.output and BAD in result.output
    store = Store(db)
    try:
        assert sorted(a.url or "" for a in store.articles()) == [
            "", "https://www.example-news.com/port"]
        assert store.conn.execute("SELECT COUNT(*) FROM dossiers").fetchone()[0] >= 1
    finally:
        store.close()


def test_link_and_check_pass_after_a_bad_url(ingested):
    db, _ = ingested
    runner = CliRunner()
    assert runner.invoke(cli, ["link", "--db", db]).exit_code == 0
    check = runner.invoke(cli, ["check", "--db", db])
    assert check.exit_code == 0, check.output


def test_stored_bad_urls_do_not_break_later_stages(tmp_path):
    """A store written before the reader checked URLs still serves and links."""
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from dossier.api.app import create_app
    from dossier.jobs.process import process

    db = str(tmp_path / "old.db")
    store = Store(db)
    with store.batch():
        store.add_article(Article(id="bad1", text=TEXT, url=BAD, title="Port closed"))
    assert outlet_names([store.article("bad1")]) == {"bad1": "bad1"}
    process(store)
    story_id = store.conn.execute("SELECT story_id FROM story_articles").fetchone()[0]
    store.close()
    with TestClient(create_app(db)) as client:
        assert client.get("/articles/bad1").status_code == 200
        assert client.get(f"/stories/{story_id}").status_code == 200


def test_check_reports_stories_without_a_dossier(ingested):
    db, _ = ingested
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("DELETE FROM dossiers")
    conn.close()
    check = CliRunner().invoke(cli, ["check", "--db", db])
    assert check.exit_code != 0
    assert "without a dossier" in check.output

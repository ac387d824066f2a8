"""``POST /api/ingest``: the token and same-origin rules, the streamed body limit,
and the provenance an upload is stored under (issue #16.5)."""

from __future__ import annotations

import asyncio
import importlib
import sqlite3
import tempfile

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402
from serve_store import SEEDS, build_seed_store  # noqa: E402

from dossier.api.app import create_app  # noqa: E402

# The module, not the router the package exports under the same name.
ingest_router = importlib.import_module("dossier.api.routers.ingest")

TOKEN = "test-token-4f1c"
AUTH = {"X-Dossier-Token": TOKEN}
TEXT = (b"Harbour talks resume\n\nDock workers and port owners met on Monday in Port "
        b"Lisken to resume talks over pay, the union said in a statement.\n")


@pytest.fixture
def spool(tmp_path, monkeypatch):
    """A private temp folder, so a test can see what an upload leaves there."""
    folder = tmp_path / "spool"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def app(tmp_path, spool):
    return create_app(tmp_path / "up.db", allow_ingest=True, ingest_token=TOKEN)


def _counts(app) -> dict[str, int]:
    with sqlite3.connect(app.state.db_path) as conn:
        return {table: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                for table in ("inputs", "articles", "rejections")}


NOTHING = {"inputs": 0, "articles": 0, "rejections": 0}


# --------------------------------------------------------------------------- the token


@pytest.mark.parametrize("headers, words", [
    ({}, "X-Dossier-Token"),
    ({"X-Dossier-Token": "guess"}, "wrong X-Dossier-Token"),
    ({"X-Dossier-Token": ""}, "wrong X-Dossier-Token"),
    ({"X-Dossier-Token": TOKEN + "x"}, "wrong X-Dossier-Token"),
])
def test_an_ingest_without_the_right_token_is_a_403_and_stores_nothing(app, headers, words):
    with TestClient(app) as c:
        response = c.post("/api/ingest", params={"process": "false"}, content=TEXT,
                          headers=headers)
    assert response.status_code == 403, response.text
    assert words in response.json()["error"]["message"]
    assert _counts(app) == NOTHING


def test_a_random_token_is_made_when_none_is_given(tmp_path):
    first = create_app(tmp_path / "a.db", allow_ingest=True).state.ingest_token
    second = create_app(tmp_path / "b.db", allow_ingest=True).state.ingest_token
    assert len(first) >= 32 and first != second


def test_an_empty_token_is_refused_at_start(tmp_path):
    with pytest.raises(ValueError, match="empty ingest token"):
        create_app(tmp_path / "a.db", allow_ingest=True, ingest_token="")


# --------------------------------------------------------------------------- cross-origin


@pytest.mark.parametrize("headers", [
    {"Origin": "http://evil.example"},
    {"Origin": "null"},
    {"Origin": "http://testserver.evil.example"},
    {"Origin": "http://testserver:8080"},
    {"Sec-Fetch-Site": "cross-site"},
    {"Sec-Fetch-Site": "same-site"},
])
def test_a_cross_origin_ingest_is_a_403_even_with_the_token(app, headers):
    """What a page elsewhere can send: a text/plain form, plus whatever it guessed."""
    with TestClient(app) as c:
        response = c.post("/api/ingest", params={"process": "false"}, content=TEXT,
                          headers=AUTH | headers | {"Content-Type": "text/plain"})
    assert response.status_code == 403, response.text
    assert "cross-origin ingest refused" in response.json()["error"]["message"]
    assert _counts(app) == NOTHING


@pytest.mark.parametrize("headers", [
    {},
    {"Origin": "http://testserver"},
    {"Origin": "HTTP://TestServer", "Sec-Fetch-Site": "same-origin"},
    {"Sec-Fetch-Site": "none"},
])
def test_a_same_origin_or_non_browser_ingest_with_the_token_is_stored(app, headers):
    with TestClient(app) as c:  # the test client's Host is "testserver"
        response = c.post("/api/ingest", params={"process": "false"}, content=TEXT,
                          headers=AUTH | headers)
    assert response.status_code == 200, response.text
    assert response.json()["stored"] == 1


# --------------------------------------------------------------------------- body limit


def test_a_declared_length_over_the_limit_is_a_413_before_any_body_is_read(app, monkeypatch):
    monkeypatch.setattr(ingest_router, "MAX_BODY", 1000)
    status, reads = _asgi_post(app, [b"x" * 600] * 4, content_length=2400)
    assert status == 413 and reads == 0
    assert _counts(app) == NOTHING


def test_a_chunked_body_stops_being_read_once_past_the_limit(app, spool, monkeypatch):
    """No Content-Length: the server reads until the limit, not the whole body."""
    monkeypatch.setattr(ingest_router, "MAX_BODY", 64 * 1024)
    chunks = [b"Dock workers met on Monday.\n" * 585] * 1000  # 16 kB each, 16 MB in all
    status, reads = _asgi_post(app, chunks)
    assert status == 413
    assert reads <= 6  # four chunks fit, the fifth passes the limit
    assert _counts(app) == NOTHING
    assert list(spool.iterdir()) == []  # the spooled part is gone too


def test_a_chunked_body_over_the_limit_is_a_413_through_http(app, spool, monkeypatch):
    monkeypatch.setattr(ingest_router, "MAX_BODY", 10_000)

    def body():
        for _ in range(20):
            yield b"Dock workers met on Monday to resume talks.\n" * 20

    with TestClient(app) as c:
        response = c.post("/api/ingest", content=body(), headers=AUTH)
        assert response.status_code == 413, response.text
        assert "larger than 10000 bytes" in response.json()["error"]["message"]
        small = c.post("/api/ingest", params={"process": "false"}, content=TEXT, headers=AUTH)
        assert small.status_code == 200 and small.json()["stored"] == 1
    assert _counts(app) == {"inputs": 1, "articles": 1, "rejections": 0}
    assert list(spool.iterdir()) == []


def _asgi_post(app, chunks: list[bytes], content_length: int | None = None) -> tuple[int, int]:
    """POST ``chunks`` straight through ASGI; return the status and how many the app read."""
    headers = [(b"host", b"testserver"), (b"x-dossier-token", TOKEN.encode())]
    if content_length is not None:
        headers.append((b"content-length", str(content_length).encode()))
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "POST", "scheme": "http", "path": "/api/ingest",
             "raw_path": b"/api/ingest", "query_string": b"name=big.txt&process=false",
             "root_path": "", "headers": headers, "client": ("127.0.0.1", 5000),
             "server": ("testserver", 80)}
    reads, sent = 0, []

    async def receive():
        nonlocal reads
        if reads == len(chunks):
            await asyncio.sleep(3600)  # the client is still there, sending nothing more
        reads += 1
        return {"type": "http.request", "body": chunks[reads - 1],
                "more_body": reads < len(chunks)}

    async def send(message):
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    (start,) = [m for m in sent if m["type"] == "http.response.start"]
    return start["status"], reads


# --------------------------------------------------------------------------- provenance


def test_the_stored_provenance_is_the_name_given_not_the_temporary_path(app, spool):
    with TestClient(app) as c:
        response = c.post("/api/ingest", params={"name": "../../talks.txt", "process": "false"},
                          content=TEXT, headers=AUTH)
        assert response.status_code == 200, response.text
        (article_id,) = response.json()["stored_ids"]
        source = c.get(f"/api/articles/{article_id}").json()["source"]
    assert source == "upload:../../talks.txt"
    assert str(spool) not in source and "dossier-upload-" not in source
    with sqlite3.connect(app.state.db_path) as conn:
        assert conn.execute("SELECT name FROM inputs").fetchall() == [(source,)]


def test_a_rejected_upload_is_recorded_under_the_name_given(app, spool):
    with TestClient(app) as c:
        response = c.post("/api/ingest", params={"name": "blank.txt"}, content=b"   \n",
                          headers=AUTH)
    assert response.json()["rejected_reasons"] == ["empty file"]
    with sqlite3.connect(app.state.db_path) as conn:
        assert conn.execute("SELECT source FROM rejections").fetchall() == [("upload:blank.txt",)]


# --------------------------------------------------------------------------- end to end


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds is absent")
def test_ingest_over_http_with_the_flag_and_token(tmp_path):
    db = build_seed_store(tmp_path / "ingest.db")
    with TestClient(create_app(db, allow_ingest=True, ingest_token=TOKEN)) as c:
        response = c.post("/api/ingest", params={"name": "../../talks.txt"}, content=TEXT,
                          headers=AUTH)
        assert response.status_code == 200, response.text
        assert response.json()["stored"] == 1
        (hit,) = c.get("/api/search", params={"q": "dock workers"}).json()["items"]
        assert c.get(f"/api/articles/{hit['id']}").json()["story_id"]  # processed too


@pytest.mark.parametrize("name", ["a\x00b.txt", "line\nbreak.txt", "é" * 150 + ".txt"])
def test_upload_names_a_file_system_refuses_are_a_400(app, name):
    with TestClient(app) as c:
        response = c.post("/api/ingest", params={"name": name}, content=b"Some text here.",
                          headers=AUTH)
        assert response.status_code == 400, response.text
        assert "bad upload name" in response.json()["error"]["message"]

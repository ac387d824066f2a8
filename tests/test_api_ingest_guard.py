"""``POST /api/ingest`` security (issue 16, item 5): a token and same-origin requests
only (CSRF), a body limit enforced while streaming, provenance naming the upload."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from dossier.api.app import create_app  # noqa: E402
from dossier.store import Store  # noqa: E402

TOKEN = "s3cret-token"
TEXT = (b"Harbour talks resume\n\nDock workers and port owners met on Monday in Port "
        b"Lisken to resume talks over pay, the union said in a statement.\n")


@pytest.fixture()
def app(tmp_path):
    return create_app(tmp_path / "guard.db", allow_ingest=True, ingest_token=TOKEN)


def _post(client, headers=None, content=TEXT, name="talks.txt"):
    return client.post("/api/ingest", params={"name": name, "process": "false"},
                       content=content, headers=headers or {})


def _articles(app) -> int:
    store = Store(app.state.db_path)
    try:
        return len(store.articles())
    finally:
        store.close()


def test_a_cross_site_text_form_is_refused_and_stores_nothing(app):
    # What a form on another site makes a browser send: text/plain, an Origin, no token.
    with TestClient(app) as client:
        response = _post(client, {"content-type": "text/plain", "origin": "https://evil.example",
                                  "sec-fetch-site": "cross-site"})
        assert response.status_code == 403
        assert "cross-site" in response.json()["error"]["message"]
        assert _post(client, {"origin": "https://evil.example",
                              "x-dossier-token": TOKEN}).status_code == 403
    assert _articles(app) == 0


@pytest.mark.parametrize("token", [None, "", "wrong", TOKEN + "x"])
def test_without_the_token_ingest_is_refused(app, token):
    headers = {} if token is None else {"x-dossier-token": token}
    with TestClient(app) as client:
        response = _post(client, headers)
    assert response.status_code == 403
    assert "X-Dossier-Token" in response.json()["error"]["message"] or (
        "x-dossier-token" in response.json()["error"]["message"])
    assert _articles(app) == 0


def test_a_program_or_this_servers_own_page_with_the_token_may_ingest(app):
    with TestClient(app) as client:
        assert _post(client, {"x-dossier-token": TOKEN}).status_code == 200
        same = {"x-dossier-token": TOKEN, "origin": "http://testserver",
                "sec-fetch-site": "same-origin"}
        assert _post(client, same, TEXT.replace(b"Monday", b"Friday")).status_code == 200
    assert _articles(app) == 2


def test_provenance_keeps_the_name_given_not_the_temporary_path(app):
    with TestClient(app) as client:
        response = _post(client, {"x-dossier-token": TOKEN}, name="dock talks.txt")
    assert response.status_code == 200, response.text
    store = Store(app.state.db_path)
    try:
        (article,) = store.articles()
        assert article.provenance.source == "upload:dock talks.txt"
    finally:
        store.close()


def test_an_oversized_body_is_cut_off_while_streaming(tmp_path):
    app = create_app(tmp_path / "small.db", allow_ingest=True, ingest_token=TOKEN,
                     max_body=1000)

    def body():  # no Content-Length: a chunked upload far over the limit
        for _ in range(10_000):
            yield b"x" * 100

    with TestClient(app) as client:
        response = client.post("/api/ingest", params={"name": "big.txt"}, content=body(),
                               headers={"x-dossier-token": TOKEN})
        assert response.status_code == 413, response.text
        declared = client.post("/api/ingest", params={"name": "big.txt"}, content=b"y" * 5000,
                               headers={"x-dossier-token": TOKEN})
        assert declared.status_code == 413 and "5000 bytes" in declared.text
        assert _post(client, {"x-dossier-token": TOKEN}, b"Short note. " * 10).status_code == 200
    assert _articles(app) == 1

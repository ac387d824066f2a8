"""HTML pages: content, escaping of hostile article text, CSP, and paths outside the app."""

from __future__ import annotations

import hashlib
import re
import socket

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402
from serve_store import (  # noqa: E402
    SEEDS,
    SINGLE_FACT,
    STORY_ID,
    build_seed_store,
    ingest_hostile,
    serving,
)

from dossier.api.app import CSP, create_app  # noqa: E402
from dossier.model import Article, RemovedText  # noqa: E402
from dossier.store import Store  # noqa: E402
from dossier.web.timeline import layout  # noqa: E402

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds is absent")

PAYLOAD_TITLE = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'
PAYLOAD_BODY = ('Ministers met. "><img src=x "onerror=window.__xss=3>\n'
                '<script>window.__xss=4</script> <svg onload=window.__xss=5>')
HOSTILE = Article(
    id="evil1", title=PAYLOAD_TITLE, text=PAYLOAD_BODY, outlet='Evil "onerror=x" Times',
    url="javascript:window.__xss=6", published="2022-10-23",
    removed=[RemovedText("<b onmouseover=window.__xss=7>menu</b>", "<i>nav</i>")],
    text_sha256=hashlib.sha256(PAYLOAD_BODY.encode()).hexdigest(),
)


def add_hostile(db: str) -> None:
    store = Store(db)
    with store.batch():
        store.add_article(HOSTILE)
    store.close()


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = build_seed_store(tmp_path_factory.mktemp("web") / "seed.db")
    add_hostile(db)
    ingest_hostile(db)
    with TestClient(create_app(db)) as c:
        yield c


def test_ingested_hostile_titles_and_bodies_are_escaped(client):
    hits = client.get("/api/search", params={"q": "xss"}).json()["items"]
    titles = [h["title"] for h in hits]
    assert any("<script>" in t for t in titles)  # stored verbatim, as data
    for hit in hits:
        html = client.get(f"/articles/{hit['id']}").text
        for raw in ("<script>window", "<img src=x", "<svg onload"):
            assert raw not in html
        assert "window.__xss" in html  # shown, as text
    assert any("&lt;script&gt;" in client.get(f"/articles/{h['id']}").text for h in hits)


@pytest.mark.parametrize("url, needle", [
    ("/", "Russia&#39;s &#39;dirty bomb&#39; claim"),
    (f"/stories/{STORY_ID}", "Who said what"),
    ("/articles", "Kyiv Post"),
    ("/articles/kp1", "JOIN US ON TELEGRAM"),
    ("/entities", "Sergei Shoigu"),
    ("/entities/p-wallace", "UK defence secretary"),
    ("/search?q=dirty+bomb", "<mark>dirty</mark>"),
])
def test_pages_render(client, url, needle):
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert needle in response.text


def test_story_page_has_drawn_timeline_claim_and_matrix(client):
    html = client.get(f"/stories/{STORY_ID}").text
    assert '<svg class="timeline"' in html and html.count('<circle class="dot"') == 3
    claim = html[html.index('<li class="claim">'):html.index("</ol>", html.index("claims"))]
    assert claim.count('<li class="response">') == 3
    single_rows = re.findall(r'<tr class="fact single[^"]*">', html)
    assert len(single_rows) == 3 and SINGLE_FACT in html
    assert len(re.findall(r'<tr class="fact[^"]*contradicted">', html)) == 2
    assert html.count('<details class="removed">') == 2


def test_timeline_gaps_grow_with_days():
    rows = layout([{"date": "2022-10-01", "text": "a"}, {"date": "2022-10-02", "text": "b"},
                   {"date": "2022-10-20", "text": "c"}]).points
    assert rows[2].cy - rows[1].cy > rows[1].cy - rows[0].cy


@pytest.mark.parametrize("url", ["/articles/evil1", "/articles", "/search?q=Ministers",
                                 "/api/exports/articles.md"])
def test_hostile_text_is_escaped(client, url):
    html = client.get(url).text
    if url.startswith("/api"):
        return  # downloads are data, not pages; the page tests below cover rendering
    for raw in ("<script>window", "<img src=x", "<svg onload", "<b onmouseover",
                'href="javascript:'):
        assert raw not in html
    assert "window.__xss" in html  # the text itself is still shown, as text


def test_every_response_carries_a_strict_csp(client):
    for url in ("/", "/api/articles", "/static/style.css", "/no/such/page"):
        headers = client.get(url).headers
        assert headers["content-security-policy"] == CSP
        assert headers["x-content-type-options"] == "nosniff"
    assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP


def test_pages_have_no_inline_script_or_style(client):
    html = client.get(f"/stories/{STORY_ID}").text
    assert re.search(r"<script(?![^>]*\bsrc=)", html) is None
    assert " style=" not in html and "<style" not in html


@pytest.mark.parametrize("url", [
    "/static/../dossier/model.py", "/static/%2e%2e/%2e%2e/model.py",
    "/static/..%2f..%2fapi%2fapp.py", "/static/%2e%2e%2f%2e%2e%2fpyproject.toml",
    "/etc/passwd", "/../../etc/passwd", "/static//etc/passwd", "/wp-admin",
])
def test_paths_outside_the_app_are_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "import" not in response.text


def test_static_files_are_served_from_the_package(client):
    assert client.get("/static/app.js").headers["content-type"].startswith(
        ("text/javascript", "application/javascript"))


def test_story_page_cache_follows_store_changes(tmp_path):
    db = build_seed_store(tmp_path / "cache.db")
    with TestClient(create_app(db)) as c:
        first = c.get(f"/stories/{STORY_ID}").text
        assert c.get(f"/stories/{STORY_ID}").text == first
        assert c.app.state.page_cache.hits == 1
        store = Store(db)
        with store.batch():
            data = store.dossier_data(STORY_ID) | {"summary": ["A rewritten summary."]}
            store.save_dossier(STORY_ID, "1", data)
        store.close()
        assert "A rewritten summary." in c.get(f"/stories/{STORY_ID}").text


def test_loopback_server_refuses_foreign_host_headers(tmp_path):
    db = build_seed_store(tmp_path / "hosts.db")
    app = create_app(db, allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/articles").status_code == 200
        assert c.get("/api/articles", headers={"host": "evil.example"}).status_code == 400


@pytest.mark.parametrize("raw", ["/static/../../../../etc/passwd", "/static/../api/app.py",
                                 "/../../pyproject.toml", "/static/..\\..\\api\\app.py"])
def test_raw_traversal_paths_on_a_real_server_are_404(tmp_path, raw):
    """Paths sent byte for byte (no client-side normalising), as an attacker would."""
    db = build_seed_store(tmp_path / "raw.db")
    with serving(db) as url:
        host, port = url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=10) as sock:
            sock.sendall(f"GET {raw} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                         .encode())
            reply = b""
            while chunk := sock.recv(65536):
                reply += chunk
    assert reply.startswith(b"HTTP/1.1 404")
    assert b"import" not in reply and b"root:" not in reply

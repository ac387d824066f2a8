"""HTTP robustness (#16.6): bounded searches, search threads apart, keyset pages."""

from __future__ import annotations

import hashlib
import threading
import time

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402
from serve_store import SEEDS, build_seed_store  # noqa: E402

from dossier.api import views  # noqa: E402
from dossier.api.app import create_app  # noqa: E402
from dossier.api.routers.search import SEARCH_THREADS  # noqa: E402
from dossier.errors import QueryTimeout  # noqa: E402
from dossier.model import Article  # noqa: E402
from dossier.store import Store  # noqa: E402

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds is absent")


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is absent")
    return build_seed_store(tmp_path_factory.mktemp("limits") / "seed.db")


@pytest.fixture(scope="module")
def client(seed_db):
    with TestClient(create_app(seed_db)) as c:
        yield c


def _article(i: int, published: str | None, text: str = "") -> Article:
    text = text or f"Harbour report number {i} on the council vote and the river."
    return Article(id=f"a{i:04d}", text=text, title=f"Report {i}", outlet="Ledger",
                   published=published, url=f"https://example.org/{i}",
                   text_sha256=hashlib.sha256(text.encode()).hexdigest())


# --------------------------------------------------------------------------- search caps


@pytest.mark.parametrize("path", ["/api/search", "/search"])
@pytest.mark.parametrize("q, limit", [("bomb " * 41, "200"),
                                      (" ".join(f"w{i}" for i in range(13)), "12")])
def test_search_text_over_the_caps_is_a_422_naming_the_limit(client, path, q, limit):
    response = client.get(path, params={"q": q})
    assert response.status_code == 422
    assert f"the limit is {limit}" in response.text


def test_search_text_at_the_caps_is_answered(client):
    q = " ".join(["dirty"] * 11 + ["bomb"])
    assert client.get("/api/search", params={"q": q}).json()["total"] == 2


# --------------------------------------------------------------------------- time budget


def test_store_time_limit_stops_a_long_query_and_then_lets_go(tmp_path):
    store = Store(tmp_path / "t.db")
    with store.batch():
        for i in range(300):
            store.add_article(_article(i, "2025-01-01"))
    with pytest.raises(QueryTimeout), store.time_limit(0):
        store.search_total("harbour council river")
    assert store.search_total("harbour council river") == 300  # the handler is gone
    with store.time_limit(60):
        assert store.search_total("harbour") == 300
    store.close()


@needs_seeds
def test_a_search_past_its_budget_is_a_503_asking_to_narrow_it(seed_db):
    with TestClient(create_app(seed_db, search_budget_s=0)) as c:
        response = c.get("/api/search", params={"q": "dirty bomb"})
        assert response.status_code == 503
        assert "narrow it" in response.json()["error"]["message"]
        page = c.get("/search", params={"q": "dirty bomb"})
        assert page.status_code == 503 and "narrow it" in page.text
        assert c.get("/api/stories").status_code == 200


# --------------------------------------------------------------------------- search threads


def _poll(condition, tries: int = 1000) -> bool:
    """Wait (at most ~10 s) for ``condition``; a wait, not a timing assertion."""
    for _ in range(tries):
        if condition():
            return True
        time.sleep(0.01)
    return False


@needs_seeds
def test_searches_queue_on_their_own_threads_while_cheap_requests_flow(seed_db, monkeypatch):
    release = threading.Event()
    running: list[str] = []
    real_search = views.search

    def slow_search(store, q, **kw):
        running.append(q)
        release.wait(30)
        return real_search(store, q, **kw)

    monkeypatch.setattr(views, "search", slow_search)
    app = create_app(seed_db)
    with TestClient(app) as c:
        results: dict[int, int] = {}

        def ask(i: int) -> None:
            results[i] = c.get("/api/search", params={"q": "bomb"}).status_code

        threads = [threading.Thread(target=ask, args=(i,)) for i in range(SEARCH_THREADS + 2)]
        for t in threads:
            t.start()
        limiter = app.state.search_limiter
        assert _poll(lambda: len(running) == SEARCH_THREADS
                     and limiter.statistics().tasks_waiting == 2)
        # Every search thread is held; the extra searches wait, cheap requests do not.
        assert c.get("/api/stories").status_code == 200
        assert c.get("/api/articles").status_code == 200
        assert len(running) == SEARCH_THREADS
        release.set()
        for t in threads:
            t.join(30)
        assert results == {i: 200 for i in range(SEARCH_THREADS + 2)}
        assert len(running) == SEARCH_THREADS + 2

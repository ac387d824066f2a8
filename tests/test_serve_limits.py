"""HTTP robustness (#16.6): bounded searches, search threads apart, keyset pages."""

from __future__ import annotations

import hashlib
import threading
import time

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402
from serve_store import SEEDS, build_seed_store, hold_searches  # noqa: E402

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
    release, running = hold_searches(monkeypatch)
    app = create_app(seed_db)
    with TestClient(app) as c:
        results: dict[int, int] = {}

        words = ["bomb", "dirty", "Shoigu", "Wallace", "Ukraine", "claim"][:SEARCH_THREADS + 2]

        def ask(i: int) -> None:  # different words: one URL asked twice is built once
            results[i] = c.get("/api/search", params={"q": words[i]}).status_code

        threads = [threading.Thread(target=ask, args=(i,)) for i in range(len(words))]
        for t in threads:
            t.start()
        limiter = app.state.search_limiter
        try:
            assert _poll(lambda: len(running) == SEARCH_THREADS
                         and limiter.statistics().tasks_waiting == 2)
            # Every search thread is held; the extra searches wait, cheap requests do not.
            assert c.get("/api/stories").status_code == 200
            assert c.get("/api/articles").status_code == 200
            assert len(running) == SEARCH_THREADS
        finally:
            release.set()
        for t in threads:
            t.join(30)
        assert results == {i: 200 for i in range(SEARCH_THREADS + 2)}
        assert len(running) == SEARCH_THREADS + 2


# --------------------------------------------------------------------------- keyset pages


@pytest.fixture(scope="module")
def article_db(tmp_path_factory):
    """41 articles: runs of one date (ties), undated ones, and a re-versioned one."""
    db = tmp_path_factory.mktemp("keyset") / "articles.db"
    store = Store(db)
    dates = ["2025-03-02"] * 12 + ["2025-03-01"] * 9 + [None] * 7 + ["2025-02-27"] * 13
    with store.batch():
        for i, date in enumerate(dates):
            store.add_article(_article(i, date))
        store.add_article(_article(5, "2025-03-02", "A corrected text for report five."))
    store.close()
    return db


@pytest.mark.parametrize("limit", [1, 3, 7, 50])
@pytest.mark.parametrize("params", [{}, {"outlet": "ledger"}, {"until": "2025-03-01"}])
def test_walking_by_cursor_returns_every_article_once_in_order(article_db, limit, params):
    with Store(article_db, read_only=True) as store:
        expected = [a.id for a in store.articles(
            outlet=params.get("outlet"), until=params.get("until"))]
    assert len(expected) == len(set(expected)) and expected
    with TestClient(create_app(article_db)) as c:
        seen, after, pages = [], None, 0
        while True:
            body = c.get("/api/articles",
                         params=params | {"limit": limit} | ({"after": after} if after else {})
                         ).json()
            seen += [a["id"] for a in body["items"]]
            assert body["total"] == len(expected)
            pages += 1
            after = body["next"]
            if after is None:
                break
    assert seen == expected
    assert pages == -(-len(expected) // limit)


def test_cursor_and_offset_pages_agree(article_db):
    with TestClient(create_app(article_db)) as c:
        first = c.get("/api/articles", params={"limit": 10}).json()
        by_cursor = c.get("/api/articles", params={"limit": 10, "after": first["next"]}).json()
        by_offset = c.get("/api/articles", params={"limit": 10, "offset": 10}).json()
    assert [a["id"] for a in by_cursor["items"]] == [a["id"] for a in by_offset["items"]]
    assert by_offset["next"] == by_cursor["next"]
    version = [a["version"] for a in first["items"] if a["id"] == "a0005"]
    assert version == [2]


@pytest.mark.parametrize("params, words", [
    ({"after": "bm90IGpzb24"}, "after"),
    ({"after": "WyJ4IiwgLTFd"}, "after"),  # ["x", -1]
    ({"after": "WyIyMDI1LTAzLTAxIiwgM10", "offset": 5}, "either after or offset"),
])
def test_a_bad_cursor_is_a_422(article_db, params, words):
    with TestClient(create_app(article_db)) as c:
        response = c.get("/api/articles", params=params)
    assert response.status_code == 422
    assert words in response.json()["error"]["message"]


# --------------------------------------------------------------------------- store lending


def test_the_pool_lends_each_store_to_one_holder_at_a_time(tmp_path):
    """A store is never in two requests at once, whatever thread each runs on (a store per
    thread was: FastAPI resolves a dependency on one thread, runs the endpoint on another)."""
    from dossier.api.app import StorePool

    db = str(tmp_path / "p.db")
    Store(db).close()
    pool = StorePool(db)
    with pool.lend() as first, pool.lend() as second:
        assert first is not second
    with pool.lend() as again:
        assert again in (first, second)
    pool.close()


# --------------------------------------------------------------------------- cheaper listings


@pytest.mark.parametrize("words, total", [("harbour", 40), ("corrected", 1), ("report", 41)])
def test_search_totals_count_current_versions_only(article_db, words, total):
    """a0005's first text said 'Harbour'; its current one does not."""
    with Store(article_db, read_only=True) as store:
        assert store.search_total(words) == total
        assert len(store.search(words, limit=100)) == total
        assert store.article_total() == 41 == len(store.articles())


def test_story_pages_keep_their_order_and_article_lists(tmp_path):
    from dossier.model import Story, StoryAssignment

    store = Store(tmp_path / "s.db")
    with store.batch():
        for i, date in enumerate(["2025-03-02", "2025-03-01", None, "2025-03-03"]):
            store.add_article(_article(i, date))
        stories = [Story("s-old", ["a0000", "a0001"], "Old", "2025-03-01", "2025-03-02", ["L"]),
                   Story("s-undated", ["a0002"], "Undated", None, None, ["L"]),
                   Story("s-new", ["a0003"], "New", "2025-03-03", "2025-03-03", ["L"])]
        store.replace_stories(stories, [StoryAssignment(a, s.id) for s in stories
                                        for a in s.article_ids])
    listed = store.stories()
    assert [s.id for s in listed] == ["s-new", "s-old", "s-undated"]
    assert [s.article_ids for s in listed] == [store.story(s.id).article_ids for s in listed]
    assert listed[1].article_ids == ["a0001", "a0000"]  # oldest publication first
    store.close()

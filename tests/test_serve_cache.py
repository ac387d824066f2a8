"""The response cache (#16.7): a byte budget, whole GET replies, exact invalidation."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402
from serve_store import SEEDS, STORY_ID, build_seed_store  # noqa: E402

from dossier.api.app import create_app  # noqa: E402
from dossier.store import Store  # noqa: E402
from dossier.web.cache import PageCache  # noqa: E402

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds is absent")


def test_the_budget_is_bytes_and_the_least_recently_used_goes_first(tmp_path):
    db = str(tmp_path / "c.db")
    Store(db).close()
    cache = PageCache(db, max_bytes=3100)
    for key in ("/a", "/b", "/c"):
        _, version = cache.lookup(key)
        cache.keep(key, (200, [], b"x" * 800), version)
    assert len(cache) == 3
    cache.lookup("/a")  # /a is now the most recent; /b the least
    _, version = cache.lookup("/d")
    cache.keep("/d", (200, [], b"x" * 800), version)
    assert cache.bytes <= 3100
    assert cache.lookup("/b")[0] is None and cache.lookup("/a")[0] is not None
    cache.keep("/huge", (200, [], b"x" * 4000), version)  # larger than the whole budget
    assert cache.lookup("/huge")[0] is None and cache.lookup("/a")[0] is not None
    cache.close()


@needs_seeds
def test_api_replies_are_cached_and_follow_store_changes(tmp_path):
    db = build_seed_store(tmp_path / "api.db")
    with TestClient(create_app(db)) as c:
        cache = c.app.state.page_cache
        first = c.get(f"/api/stories/{STORY_ID}")
        again = c.get(f"/api/stories/{STORY_ID}")
        assert again.json() == first.json() and cache.hits == 1
        assert again.headers["content-type"] == "application/json"
        assert "content-security-policy" in again.headers  # added on hits as well
        # Another query string is another entry.
        assert c.get("/api/articles", params={"limit": 1}).json()["items"]
        assert c.get("/api/articles", params={"limit": 2}).json()["total"] == 2
        assert cache.hits == 1
        store = Store(db)
        with store.batch():
            data = store.dossier_data(STORY_ID) | {"summary": ["A rewritten summary."]}
            store.save_dossier(STORY_ID, "1", data)
        store.close()
        assert c.get(f"/api/stories/{STORY_ID}").json()["summary"] == "A rewritten summary."


@needs_seeds
def test_errors_are_not_cached_and_zero_turns_the_cache_off(tmp_path):
    db = build_seed_store(tmp_path / "off.db")
    with TestClient(create_app(db)) as c:
        for _ in range(2):
            assert c.get("/api/stories/nope").status_code == 404
        assert c.app.state.page_cache.hits == 0
    with TestClient(create_app(db, page_cache_mb=0)) as c:
        for _ in range(2):
            assert c.get(f"/stories/{STORY_ID}").status_code == 200
        assert (c.app.state.page_cache.hits, len(c.app.state.page_cache)) == (0, 0)


@needs_seeds
def test_a_cached_reply_still_checks_the_host_header(tmp_path):
    db = build_seed_store(tmp_path / "host.db")
    app = create_app(db, allowed_hosts=["127.0.0.1"])
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/stories").status_code == 200
        assert c.get("/api/stories").status_code == 200
        assert app.state.page_cache.hits == 1
        assert c.get("/api/stories", headers={"host": "evil.example"}).status_code == 400


@needs_seeds
def test_concurrent_requests_for_one_url_build_it_once(tmp_path, monkeypatch):
    import threading
    import time

    from serve_store import hold_searches

    release, calls = hold_searches(monkeypatch)
    db = build_seed_store(tmp_path / "herd.db")
    with TestClient(create_app(db)) as c:
        cache = c.app.state.page_cache
        codes: list[int] = []
        threads = [threading.Thread(target=lambda: codes.append(
            c.get("/api/search", params={"q": "bomb"}).status_code)) for _ in range(3)]
        for t in threads:
            t.start()
        try:
            for _ in range(1000):  # until all three asked (each lookup missed); a wait only
                if cache.misses >= 3 and calls:
                    break
                time.sleep(0.01)
        finally:
            release.set()
        for t in threads:
            t.join(30)
    assert codes == [200, 200, 200]
    assert calls == ["bomb"]

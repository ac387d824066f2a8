"""The JSON API over a store holding the seed story (FastAPI's test client)."""

from __future__ import annotations

import csv
import io

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402
from serve_store import IND, KP, SEEDS, STORY_ID, build_seed_store  # noqa: E402

from dossier.api.app import create_app  # noqa: E402

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds is absent")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = build_seed_store(tmp_path_factory.mktemp("api") / "seed.db")
    with TestClient(create_app(db)) as c:
        yield c


def test_openapi_document_lists_every_noun(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in ("/api/articles", "/api/stories/{story_id}", "/api/entities/{entity_id}",
                 "/api/search", "/api/exports/stories/{story_id}.{fmt}"):
        assert path in paths


@pytest.mark.parametrize("outlet, expected", [(KP, ["kp1"]), ("kyiv post", ["kp1"]),
                                              (IND, ["ind1"]), ("Nobody", [])])
def test_articles_filter_by_outlet(client, outlet, expected):
    body = client.get("/api/articles", params={"outlet": outlet}).json()
    assert [a["id"] for a in body["items"]] == expected
    assert body["total"] == len(expected)


def test_articles_filter_by_story_and_date(client):
    assert client.get("/api/articles", params={"story": STORY_ID}).json()["total"] == 2
    assert client.get("/api/articles", params={"since": "2022-10-24"}).json()["total"] == 0


def test_pagination_envelope(client):
    first = client.get("/api/articles", params={"limit": 1}).json()
    second = client.get("/api/articles", params={"limit": 1, "offset": 1}).json()
    assert (first["total"], first["next_offset"], second["next_offset"]) == (2, 1, None)
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_one_article_has_clean_text_removed_lines_and_extraction(client):
    body = client.get("/api/articles/kp1").json()
    assert "JOIN US ON TELEGRAM" not in body["text"]
    assert {"text": "JOIN US ON TELEGRAM", "reason": "boilerplate"} in body["removed"]
    assert body["extraction"]["quotes"][0]["speaker_name"] == "Ben Wallace"
    assert body["story_id"] == STORY_ID


def test_story_list_has_counts_and_span(client):
    story = client.get("/api/stories").json()["items"][0]
    assert (story["id"], story["n_outlets"], story["n_articles"]) == (STORY_ID, 2, 2)
    assert story["first_date"] == story["last_date"] == "2022-10-23"
    assert {p["name"] for p in story["top_people"]} == {"Sergei Shoigu", "Ben Wallace"}


def test_story_dossier_claim_has_three_responses(client):
    body = client.get(f"/api/stories/{STORY_ID}").json()
    (claim,) = body["claims"]
    assert claim["speaker"] == "Sergei Shoigu"
    assert [r["speaker"] for r in claim["responses"]] == [
        "Ben Wallace", "White House national security council", "Mykhailo Podolyak"]
    single = {f["id"] for f in body["facts"] if f["single_outlet"]}
    assert single == {"f3", "f5", "f6"}
    assert {f["id"] for f in body["facts"] if f["contradicted"]} == {"f5", "f6"}
    assert [t["date"] for t in body["timeline"]] == ["2022-02-24", "2022-10-21", "2022-10-23"]


def test_entities_list_and_detail(client):
    names = [e["name"] for e in client.get("/api/entities?type=person").json()["items"]]
    assert sorted(names) == ["Ben Wallace", "Sergei Shoigu"]
    body = client.get("/api/entities/p-wallace").json()
    assert "Mr Wallace" in body["aliases"] and body["roles"] == ["UK defence secretary"]
    assert [s["id"] for s in body["stories"]] == [STORY_ID]
    assert {q["act"] for q in body["quotes"]} == {"deny"} and len(body["quotes"]) == 2


@pytest.mark.parametrize("query, total", [("dirty bomb", 2), ("Podolyak", 1),
                                          ('dirty" AND (bomb*', 2), ('bomb NEAR', 0), ("zzzz", 0)])
def test_search_treats_operators_as_words(client, query, total):
    body = client.get("/api/search", params={"q": query}).json()
    assert body["total"] == total


@pytest.mark.parametrize("url, status, words", [
    ("/api/articles/nope", 404, "no article"),
    ("/api/stories/nope", 404, "no story"),
    ("/api/entities/nope", 404, "no entity"),
    ("/api/nothing/here", 404, "nothing at"),
    ("/api/articles?limit=0", 422, "limit"),
    ("/api/articles?since=yesterday", 422, "since"),
    ("/api/search", 422, "q"),
    ("/api/exports/articles.exe", 422, "fmt"),
])
def test_errors_are_json_with_a_message(client, url, status, words):
    response = client.get(url)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["status"] == status and words in error["message"]


def test_ingest_is_refused_without_the_flag(client):
    response = client.post("/api/ingest", content=b"Some text.")
    assert response.status_code == 403
    assert "--allow-ingest" in response.json()["error"]["message"]


def test_exports_in_three_formats(client):
    rows = list(csv.reader(io.StringIO(client.get("/api/exports/articles.csv").text)))
    assert rows[0][:3] == ["id", "published", "outlet"] and len(rows) == 3
    md = client.get(f"/api/exports/stories/{STORY_ID}.md")
    assert md.headers["content-type"].startswith("text/markdown")
    assert "Mykhailo Podolyak" in md.text
    assert client.get(f"/api/exports/stories/{STORY_ID}.json").json()
    assert "attachment" in client.get("/api/exports/stories.csv").headers["content-disposition"]


PAGED = ["/api/articles", "/api/stories", "/api/entities", "/api/search?q=bomb",
         "/api/exports/articles.json", "/api/exports/stories.csv", "/", "/articles", "/entities",
         "/search?q=bomb"]


@pytest.mark.parametrize("path", PAGED)
@pytest.mark.parametrize("offset", [2**63, 2**64 + 5, -1])
def test_out_of_range_offsets_are_rejected_not_500(client, path, offset):
    sep = "&" if "?" in path else "?"
    response = client.get(f"{path}{sep}offset={offset}")
    assert response.status_code == 422, (path, response.status_code)


@pytest.mark.parametrize("path", PAGED)
def test_the_largest_offset_allowed_gives_an_empty_page(client, path):
    from dossier.api.deps import MAX_OFFSET

    sep = "&" if "?" in path else "?"
    assert client.get(f"{path}{sep}offset={MAX_OFFSET}").status_code == 200

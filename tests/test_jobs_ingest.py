"""The ingest job end to end: idempotence, versions, rejections, resume."""

from __future__ import annotations

import json

import pytest

from dossier.jobs.ingest import IngestConfig, ingest
from dossier.store import Store


@pytest.fixture
def store():
    s = Store(":memory:")
    yield s
    s.close()


def write_jsonl(path, rows):
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")


ARTICLE = {
    "url": "https://news.example.org/2024/05/talks?utm_source=x",
    "title": "Talks resume in the capital",
    "text": "Negotiators met again on Monday in the capital.\n\n"
    "The minister said progress had been made on the main points of the deal.",
    "date": "2024-05-06",
    "outlet": "Example News",
    "section": "world",
}


def test_seeds_are_stored_with_outlet_and_date(store, seeds_dir):
    summary = ingest([str(seeds_dir)], store)
    assert len(summary.stored) == 2 and not summary.rejected
    outlets = {a.outlet: a for a in store.articles()}
    assert set(outlets) == {"Kyiv Post", "The Independent"}
    assert outlets["The Independent"].published == "2022-10-23"
    assert "JOIN US ON TELEGRAM" not in outlets["Kyiv Post"].text


def test_same_input_twice_stores_nothing_new(store, seeds_dir):
    ingest([str(seeds_dir)], store)
    again = ingest([str(seeds_dir)], store)
    assert (len(again.stored), len(again.unchanged)) == (0, 2)
    assert store.article_count() == 2


def test_unknown_jsonl_fields_are_kept_and_url_normalised(store, tmp_path):
    write_jsonl(tmp_path / "a.jsonl", [ARTICLE])
    ingest([str(tmp_path / "a.jsonl")], store)
    (article,) = store.articles()
    assert article.url and "utm_source" not in article.id
    assert article.outlet == "Example News" and article.published == "2024-05-06"


def test_same_url_with_changed_text_keeps_both_versions(store, tmp_path):
    write_jsonl(tmp_path / "a.jsonl", [ARTICLE])
    changed = dict(
        ARTICLE,
        text=ARTICLE["text"].replace(
            "main points",
            "main points, and a later update said the talks would continue on Tuesday,",
        ),
    )
    write_jsonl(tmp_path / "b.jsonl", [changed])
    ingest([str(tmp_path / "a.jsonl")], store)
    summary = ingest([str(tmp_path / "b.jsonl")], store)
    assert len(summary.new_versions) == 1
    (article,) = store.articles()
    assert store.versions(article.id) == [1, 2]
    assert "later update" in article.text


def test_bad_inputs_are_rejected_and_the_rest_goes_on(store, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.bin").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "lines.jsonl").write_text(json.dumps(ARTICLE) + "\n{not json\n", encoding="utf-8")
    summary = ingest([str(tmp_path)], store)
    reasons = {(r.source.rsplit("/", 1)[-1], r.record) for r in summary.rejected}
    assert ("empty.txt", "") in reasons and ("binary.bin", "") in reasons
    assert any(name == "lines.jsonl" and "2" in record for name, record in reasons)
    assert len(summary.stored) == 1
    assert len(store.rejections()) == len(summary.rejected)


def test_interrupted_ingest_resumes_without_loss_or_duplicates(store, tmp_path, monkeypatch):
    rows = [
        dict(
            ARTICLE,
            url=f"https://news.example.org/{i}",
            text=f"Officials in district {i} said on Monday that the new bridge "
            "would open next year after long delays and rising costs.",
        )
        for i in range(25)
    ]
    write_jsonl(tmp_path / "many.jsonl", rows)
    import dossier.jobs.ingest as job

    real = job.clean
    calls = {"n": 0}

    def crashing_clean(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 13:
            raise KeyboardInterrupt("simulated crash")
        return real(*args, **kwargs)

    monkeypatch.setattr(job, "clean", crashing_clean)
    with pytest.raises(KeyboardInterrupt):
        ingest([str(tmp_path)], store, IngestConfig(batch_size=5))
    assert store.article_count() == 10  # two whole batches committed, the third rolled back
    monkeypatch.setattr(job, "clean", real)
    summary = ingest([str(tmp_path)], store, IngestConfig(batch_size=5))
    assert (len(summary.unchanged), len(summary.stored)) == (10, 15)
    assert store.article_count() == 25


def test_recurring_lines_are_learned_across_documents(store, tmp_path):
    promo = "Get the Example Courier app for the latest headlines every morning"
    rows = [{
        "url": f"https://www.example-courier.com/local/{i}",  # one outlet, by its URL
        "text": (
            f"The council met on day {i} to discuss the new budget for schools.\n"
            f"{promo}\n"
            f"Councillors voted {i + 5} to 3 in favour of the plan after a long debate.\n"
        ),
    } for i in range(4)]
    write_jsonl(tmp_path / "courier.jsonl", rows)
    ingest([str(tmp_path)], store)
    assert all(promo not in a.text for a in store.articles())

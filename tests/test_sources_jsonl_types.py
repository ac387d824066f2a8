"""JSONL fields of the wrong type are coerced or refused by name (issue 16, item 9)."""

from __future__ import annotations

import json

import pytest

from dossier.clean import clean
from dossier.model import Article, RawDocument, Rejected
from dossier.sources import InputFile, read_input

BODY = "The council approved the harbour budget on Tuesday after a long debate."


def _read(record: dict) -> list:
    data = (json.dumps({"text": BODY}) + "\n" + json.dumps(record) + "\n").encode()
    return list(read_input(InputFile("feed.jsonl", data, "0" * 64)))


@pytest.mark.parametrize(
    ("field", "value", "stored"),
    [("title", 123, "123"), ("date", 20240105, "20240105"), ("author", 2.5, "2.5")],
)
def test_a_number_in_a_string_field_is_written_out(field: str, value: object, stored: str) -> None:
    _, doc = _read({"text": BODY, field: value})
    assert isinstance(doc, RawDocument) and doc.meta[field] == stored


def test_a_numeric_title_reaches_the_article_as_text() -> None:
    _, doc = _read({"text": BODY, "title": 123, "outlet": 7})
    article = clean(doc)
    assert isinstance(article, Article) and article.title == "123" and article.outlet == "7"


@pytest.mark.parametrize(
    ("field", "value", "kind"),
    [
        ("url", ["https://a.example/x"], "list"),
        ("title", {"en": "Budget"}, "dict"),
        ("outlet", True, "boolean"),
    ],
)
def test_a_structured_value_in_a_string_field_is_refused_by_name(
    field: str, value: object, kind: str
) -> None:
    good, bad = _read({"text": BODY, field: value})
    assert isinstance(good, RawDocument) and isinstance(bad, Rejected)
    assert bad.source == "feed.jsonl" and bad.record == "line 2"
    assert f"field '{field}' must be a string, got {kind}" in bad.reason

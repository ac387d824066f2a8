"""Renderers and the JSON schema."""

from __future__ import annotations

import csv
import io
import json
import pickle
from pathlib import Path

import jsonschema
import pytest

from dossier.errors import DossierError
from dossier.model import Story
from dossier.story import DOSSIER_SCHEMA_VERSION, FORMATS, build_dossier, render
from tests.story_helpers import expected, sample_articles

SCHEMA = Path(__file__).resolve().parent.parent / "dossier" / "schema" / "dossier.schema.json"


@pytest.fixture(scope="module")
def dossier():
    articles, exp = sample_articles(), expected()
    ids = [k for k, e in exp["articles"].items() if e == "ambersfield-fire"]
    return build_dossier(Story(id="s1", article_ids=ids), [articles[i] for i in ids], {})


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_renders(dossier, fmt):
    assert render(dossier, fmt).strip()


def test_json_validates_against_schema(dossier):
    document = json.loads(render(dossier, "json"))
    jsonschema.validate(document, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert document["schema_version"] == DOSSIER_SCHEMA_VERSION


def test_schema_rejects_broken_document(dossier):
    document = json.loads(render(dossier, "json"))
    document["facts"][0]["kind"] = "rumour"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_csv_is_facts_by_outlets(dossier):
    rows = list(csv.reader(io.StringIO(render(dossier, "csv"))))
    assert rows[0][-len(dossier.outlets):] == dossier.outlets
    assert len(rows) == len(dossier.facts) + 1


def test_markdown_has_sections(dossier):
    text = render(dossier, "markdown")
    headings = ("## Summary", "## Claims and responses", "## Where outlets differ", "## Timeline")
    for heading in headings:
        assert heading in text


def test_unknown_format_raises(dossier):
    with pytest.raises(DossierError):
        render(dossier, "pdf")


def test_dossier_pickles(dossier):
    assert pickle.loads(pickle.dumps(dossier)).facts[0].id == dossier.facts[0].id


def test_text_lists_top_facts_and_counts_the_rest(dossier, monkeypatch):
    from dossier.story.render import common

    monkeypatch.setattr(common, "MAX_FACTS", 3)
    text = render(dossier, "text")
    assert text.count("\n  [f") >= 3 and "\n  [f4] " not in text.split("CLAIMS")[0]
    assert f"and {len(dossier.facts) - 3} more facts" in text
    assert f"{len(dossier.facts) - 3} more facts" in render(dossier, "markdown")

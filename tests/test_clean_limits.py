"""Work bounds set before cleaning starts (issue 16, item 4).

The 9 MB page of 300 000 ``<p>`` is generated here, never committed; its timing
lives in ``benchmarks/hostile_html.py``.
"""

from __future__ import annotations

from pathlib import Path

from dossier.clean import CleanConfig, Dropped, clean
from dossier.clean import html as html_module
from dossier.clean.stats import LineStats
from dossier.jobs.ingest import IngestConfig, ingest
from dossier.model import Article, Provenance, RawDocument
from dossier.scale import tasks
from dossier.store import Store
from tests.hostile_pages import many_paragraphs_page

PROSE = "The council approved the harbour budget on Tuesday after a long debate. "


def _html(html: str) -> RawDocument:
    return RawDocument(Provenance("t", "html", "0" * 64), html=html)


def test_the_9_mb_page_is_refused_by_its_size_without_a_tree() -> None:
    page = many_paragraphs_page(300_000)
    assert 8 * 2**20 < len(page) < 50 * 2**20  # under the input size cap
    assert clean(_html(page)) == Dropped(
        "HTML page has more than 50000 elements and more than 1000000 characters of text "
        "(the limits)"
    )


def test_a_page_over_the_element_cap_is_read_as_flat_text(monkeypatch) -> None:
    page = f"<html><body><article><p>{PROSE * 3}</p><p>{PROSE}</p></article></body></html>"

    def no_tree(*args, **kwargs):
        raise AssertionError("trafilatura must not parse a page over the element cap")

    monkeypatch.setattr(html_module.trafilatura, "bare_extraction", no_tree)
    article = clean(_html(page), CleanConfig(html_max_elements=4))
    assert isinstance(article, Article) and PROSE.strip() in article.text


def test_a_body_over_the_character_cap_is_refused() -> None:
    doc = RawDocument(Provenance("t", "text", "0" * 64), text=PROSE * 40)
    result = clean(doc, CleanConfig(max_body_chars=1000))
    assert isinstance(result, Dropped) and "over the 1000-character limit" in result.reason


def test_local_and_dask_paths_refuse_the_page_with_one_reason(tmp_path: Path) -> None:
    config = IngestConfig(clean=CleanConfig(html_max_elements=1_000, max_body_chars=10_000))
    path = tmp_path / "endless.html"
    path.write_text(many_paragraphs_page(2_000), encoding="utf-8")
    store = Store(tmp_path / "s.db")
    summary = ingest([str(path)], store, config)
    (local,) = summary.rejected
    assert not summary.stored
    doc = RawDocument(Provenance(str(path), "html", "0" * 64), html=path.read_text())
    dask = tasks._one_item(0, doc, LineStats(), config, frozenset())
    assert dask.kind == "dropped" and dask.reason == local.reason
    assert "more than 1000 elements and more than 10000 characters" in local.reason

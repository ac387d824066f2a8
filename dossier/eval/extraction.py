"""Body-extraction quality on the ScrapingHub article-extraction benchmark (AEB).

The metric is the benchmark's own: tokens by ``\\w+``, bags of 4-token
shingles, precision and recall per document, averaged over documents, and F1
of the two averages. Two settings are scored:

* ``html``: ``clean()`` on the page itself (trafilatura path);
* ``text``: the plain-text cleaner on the page's whole visible text, one line per
  block element, which is what already-scraped text looks like. The raw score of
  that text (nothing removed) is reported alongside as the floor;
* ``text already clean``: the cleaner on the true body itself, whose recall says
  how much genuine body it would drop from text that needed no cleaning.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import lxml.html

from dossier.clean import CleanConfig, clean
from dossier.model import Article, Provenance, RawDocument

DEFAULT_CONFIG = CleanConfig()

TOKEN = re.compile(r"\w+")
SHINGLE = 4
#: Elements whose text is never visible.
INVISIBLE = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object")
#: Elements that start a new line in a browser.
BLOCK_TAGS = frozenset(
    """address article aside blockquote body br dd details dialog div dl dt fieldset figcaption
    figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary
    table tbody thead tfoot tr td th ul caption center option select button label""".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class Page:
    """One benchmark page: its id, URL, markup and the true article body."""

    id: str
    url: str
    html: str
    body: str


@dataclass(frozen=True)
class Score:
    """Averaged precision/recall over documents and F1 of those averages."""

    precision: float
    recall: float
    f1: float
    documents: int


def load_pages(dataset: Path, limit: int | None = None) -> Iterator[Page]:
    """Pages of an AEB folder (``ground-truth.json`` + ``html/<id>.html.gz``)."""
    truth = json.loads((dataset / "ground-truth.json").read_text(encoding="utf-8"))
    for n, (page_id, item) in enumerate(sorted(truth.items())):
        if limit is not None and n >= limit:
            return
        with gzip.open(dataset / "html" / f"{page_id}.html.gz", "rt", encoding="utf-8") as fh:
            html = fh.read()
        yield Page(page_id, item.get("url", ""), html, item.get("articleBody") or "")


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """Bag of ``n``-token shingles of ``text`` (tokens by ``\\w+``)."""
    tokens = TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def precision_recall(truth: str, predicted: str) -> tuple[float, float]:
    """Shingle precision and recall of one document (0 when a side is empty)."""
    t, p = shingles(truth), shingles(predicted)
    tp = sum((t & p).values())
    p_total, t_total = sum(p.values()), sum(t.values())
    if not p_total and not t_total:
        return 1.0, 1.0
    return (tp / p_total if p_total else 0.0), (tp / t_total if t_total else 0.0)


def score(pairs: Iterable[tuple[str, str]]) -> Score:
    """Average P and R over ``(truth, predicted)`` pairs; F1 of the averages."""
    prs = [precision_recall(t, p) for t, p in pairs]
    if not prs:
        return Score(0.0, 0.0, 0.0, 0)
    p = sum(x for x, _ in prs) / len(prs)
    r = sum(y for _, y in prs) / len(prs)
    return Score(p, r, 2 * p * r / (p + r) if p + r else 0.0, len(prs))


def visible_lines(html: str) -> list[str]:
    """A page's visible text, one line per block element (what scrapers keep)."""
    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    for bad in list(root.iter(*INVISIBLE)):
        if bad.getparent() is not None:
            bad.drop_tree()
    lines: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        line = re.sub(r"\s+", " ", "".join(buffer)).strip()
        if line:
            lines.append(line)
        buffer.clear()

    def walk(el: lxml.html.HtmlElement) -> None:
        block = isinstance(el.tag, str) and el.tag.lower() in BLOCK_TAGS
        if block:
            flush()
        if isinstance(el.tag, str) and el.text:
            buffer.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                buffer.append(child.tail)
        if block:
            flush()

    walk(root)
    flush()
    return lines


def page_text(html: str) -> str:
    """``visible_lines`` joined by newlines: the input of the ``text`` setting."""
    return "\n".join(visible_lines(html))


def _body(result: object) -> str:
    return result.text if isinstance(result, Article) else ""


def predict_html(page: Page, config: CleanConfig) -> str:
    doc = RawDocument(Provenance(page.id, "html", page.id), html=page.html,
                      meta={"url": page.url})
    return _body(clean(doc, config))


def predict_text(page: Page, config: CleanConfig) -> str:
    doc = RawDocument(Provenance(page.id, "text", page.id), text=page_text(page.html))
    return _body(clean(doc, config))


def predict_raw(page: Page, config: CleanConfig) -> str:
    return page_text(page.html)


def predict_clean_in(page: Page, config: CleanConfig) -> str:
    """The cleaner on the true body itself: how much real body it wrongly drops."""
    doc = RawDocument(Provenance(page.id, "text", page.id), text=page.body)
    return _body(clean(doc, config))


#: Name -> predictor; the CLI prints one row per entry.
SETTINGS: dict[str, Callable[[Page, CleanConfig], str]] = {
    "html": predict_html,
    "text": predict_text,
    "text-raw": predict_raw,
    "text-clean-in": predict_clean_in,
}
#: What each setting measures, for the printed table.
LABELS = {
    "html": "(a) html, trafilatura path",
    "text": "(b) page text, text cleaner",
    "text-raw": "    page text, nothing removed",
    "text-clean-in": "    true body in, text cleaner",
}


def evaluate(
    dataset: Path, settings: Iterable[str] | None = None, config: CleanConfig = DEFAULT_CONFIG,
    limit: int | None = None,
) -> dict[str, Score]:
    """Score each named setting over the dataset's pages."""
    names = list(settings) if settings else list(SETTINGS)
    pairs: dict[str, list[tuple[str, str]]] = {name: [] for name in names}
    for page in load_pages(dataset, limit):
        for name in names:
            pairs[name].append((page.body, SETTINGS[name](page, config)))
    return {name: score(p) for name, p in pairs.items()}

"""dossier.clean: turn a ``RawDocument`` into an ``Article`` (or say why not).

Pages go through trafilatura (``dossier.clean.html``); already-scraped text goes
through the line classifier (``dossier.clean.text``), optionally helped by corpus
line statistics (``LineStats``). Metadata the container gave (``doc.meta``) wins
over anything inferred. Everything here is a pure function of its arguments, so
``clean`` can run on a Dask worker.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from dossier.clean.dates import normalize_date
from dossier.clean.html import clean_html, oversized_html
from dossier.clean.identity import outlet_identity
from dossier.clean.ids import article_id, normalize_url, sha256_hex
from dossier.clean.stats import LineStats
from dossier.clean.text import TextResult, clean_plain_text, label_segments, stats_lines
from dossier.model import Article, RawDocument

__all__ = [
    "CleanConfig",
    "Dropped",
    "LineStats",
    "article_id",
    "clean",
    "document_lines",
    "lines_for_stats",
    "normalize_url",
]


@dataclass(frozen=True)
class CleanConfig:
    """Every cleaning option; the defaults are the evaluated settings."""

    #: Repair mojibake with ftfy before anything else.
    fix_encoding: bool = True
    #: Plain text: keep only the main prose run (page menus, teasers, footers go).
    select_body_region: bool = True
    #: Plain text: what one non-prose line costs the body run (higher = tighter body).
    region_line_cost: float = 15.0
    #: Plain text: a text is a whole page (and gets a body region chosen) when it has
    #: this many menu-like lines, or half as many making up this share of its lines.
    page_min_nav_lines: int = 12
    page_min_nav_share: float = 0.3
    #: Plain text: score lines with the fitted line model (else the heuristic run only).
    use_line_model: bool = True
    #: Weights file of the line model (None: the one shipped with dossier).
    line_model_path: str | None = None
    #: Line model decoding: log-odds offset of the body run, cost of a rule-removed line
    #: inside it, the log-odds a line inside the run needs to stay, and the log-odds
    #: the first and last lines of the run need (weak lines at its edges go).
    model_bias: float = -1.0
    model_removed_cost: float = 1.0
    model_inner_threshold: float = -2.0
    model_edge_threshold: float = 0.0
    #: A line in at least this many documents of the outlet is boilerplate.
    recurring_min_docs: int = 3
    #: ...unless recurring lines are more than this share of the text (a copy).
    recurring_max_share: float = 0.6
    #: A body shorter than this many characters is dropped.
    min_body_chars: int = 1
    #: HTML: trafilatura options.
    html_include_tables: bool = True
    html_favor_precision: bool = False
    html_favor_recall: bool = False
    #: HTML: move captions/credits/sign-up lines out of trafilatura's text.
    html_line_rules: bool = True
    #: HTML: a page with more elements skips lxml and is read as flat text. Real
    #: news pages have a few thousand; lxml's work on 300 000 runs minutes in one
    #: C call no in-thread time limit can stop.
    html_max_elements: int = 50_000
    #: A clean body longer than this many characters is no article (a dump, a log).
    max_body_chars: int = 1_000_000


@dataclass(frozen=True)
class Dropped:
    """A document with no usable body, and why."""

    reason: str


def _clean_html_doc(doc: RawDocument, config: CleanConfig, stats: LineStats | None) -> TextResult:
    return clean_html(doc.html or "", config, url=doc.meta.get("url"))


def _clean_text_doc(doc: RawDocument, config: CleanConfig, stats: LineStats | None) -> TextResult:
    return clean_plain_text(
        doc.text or "", config, stats, outlet=_record_outlet(doc), title=doc.meta.get("title")
    )


def _record_outlet(doc: RawDocument) -> str | None:
    """The outlet the record itself gives: its metadata's, else its URL's. This is
    the line-statistics bucket, so observing and cleaning must agree on it."""
    meta = doc.meta or {}
    found = outlet_identity(_meta_str(meta, "outlet"), _meta_str(meta, "url"))
    return found.name if found else None


#: (predicate on the document, cleaner): the first matching path cleans it.
CLEANERS: list[tuple[Callable[[RawDocument], bool], Callable[..., TextResult]]] = [
    (lambda d: bool(d.html and d.html.strip()), _clean_html_doc),
    (lambda d: bool(d.text and d.text.strip()), _clean_text_doc),
]


def lines_for_stats(doc: RawDocument, config: CleanConfig = CleanConfig()) -> list[str]:
    """The lines of a plain-text document as the cleaner sees them; pass these to
    ``LineStats.observe`` once the document is stored (HTML pages: empty list)."""
    if not doc.text or doc.html:
        return []
    return stats_lines(doc.text, config)


def document_lines(
    doc: RawDocument, config: CleanConfig = CleanConfig()
) -> tuple[str | None, list[str]]:
    """The (outlet, lines) a document contributes to ``LineStats``, before cleaning.

    Ingest observes every new document of a run first and cleans afterwards, so
    the result does not depend on the order documents arrive in (or on how a
    distributed run partitions them).
    """
    record_outlet = _record_outlet(doc)
    if not doc.text or doc.html:
        return record_outlet, []
    # The same segments, and the same outlet, that clean() will look up.
    segments, result = label_segments(doc.text, config, None, record_outlet)
    return result.outlet, [s.text for s in segments]


def _meta_str(meta: dict, key: str) -> str | None:
    value = meta.get(key)
    return str(value).strip() if value not in (None, "") else None


_UNSAFE = re.compile("[\x00\ud800-\udfff]")


def _safe(value: str) -> str:
    return _UNSAFE.sub(lambda m: "" if m.group() == "\x00" else "\ufffd", value)


def _sanitized(doc: RawDocument) -> RawDocument:
    """The document without NUL characters and lone surrogates, whoever built it.

    Readers already guarantee this; documents made in code (API, Dask, tests)
    may not, and a lone surrogate would make the store refuse the whole batch.
    """
    fields: dict[str, object] = {
        name: _safe(value)
        for name in ("text", "html")
        if (value := getattr(doc, name)) and _UNSAFE.search(value)
    }
    meta = doc.meta or {}
    if any(isinstance(v, str) and _UNSAFE.search(v) for v in meta.values()):
        fields["meta"] = {k: _safe(v) if isinstance(v, str) else v for k, v in meta.items()}
    return replace(doc, **fields) if fields else doc


def _article_outlet(meta: dict, result: TextResult, url: str | None) -> str | None:
    """Metadata's outlet (the record's, then the page's own), else the URL's, else
    what the boilerplate says about itself; one name per outlet either way."""
    found = (outlet_identity(_meta_str(meta, "outlet") or result.fields.get("outlet"), url)
             or outlet_identity(result.outlet, None))
    return found.name if found else None


def _squashed(value: str) -> str:
    return " ".join(value.lower().split())


def _headline_only_body(doc: RawDocument, result: TextResult) -> str:
    """The headline as the body of a plain-text record that is nothing but its headline.

    Such records (51 of ECB+'s 772 articles) lose their one line as the title;
    they are still articles a story can cite, so the title stands in for the
    body instead of the record being dropped. HTML pages are not rescued: a
    page whose body cleans to nothing is a navigation or error page.
    """
    title = _meta_str(doc.meta or {}, "title") or result.title
    if doc.html or not doc.text or not title:
        return ""
    return title if _squashed(doc.text) == _squashed(title) else ""


def clean(
    doc: RawDocument, config: CleanConfig = CleanConfig(), stats: LineStats | None = None
) -> Article | Dropped:
    """Clean one document into an ``Article``; ``Dropped`` if no body survives."""
    doc = _sanitized(doc)
    too_big = oversized_html(doc.html, config)
    if too_big:
        return Dropped(too_big)
    for accepts, cleaner in CLEANERS:
        if accepts(doc):
            result = cleaner(doc, config, stats)
            break
    else:
        return Dropped("no text or html")
    text = "\n\n".join(result.paragraphs).strip()
    meta = doc.meta or {}
    if not text:
        text = _headline_only_body(doc, result)
    if len(text) < max(1, config.min_body_chars):
        return Dropped("empty after cleaning")
    if len(text) > config.max_body_chars:
        return Dropped(
            f"clean text of {len(text)} characters, over the {config.max_body_chars}"
            "-character limit"
        )
    url = _meta_str(meta, "url") or result.fields.get("url") or None
    published = normalize_date(meta.get("date") or meta.get("published")) or normalize_date(
        result.published or result.fields.get("published")
    )
    return Article(
        id=article_id(url, text),
        text=text,
        title=_meta_str(meta, "title") or result.fields.get("title") or result.title,
        url=url,
        outlet=_article_outlet(meta, result, url),
        author=_meta_str(meta, "author") or result.fields.get("author") or result.author,
        published=published,
        removed=result.removed,
        captions=result.captions,
        credits=result.credits,
        provenance=doc.provenance,
        text_sha256=sha256_hex(text),
    )

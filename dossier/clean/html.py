"""The HTML cleaner: trafilatura finds the body and the page's own metadata.

trafilatura already beats anything a line classifier can do with markup in
hand, so this path only adapts its output: paragraphs become blank-line
separated, and the same caption/credit/sign-up line rules as for plain text
move such lines into metadata (trafilatura keeps some figure captions).

When trafilatura finds no text at all (a page nested deeper than its parser
builds, or one it fails on), the page's flat text (``dossier.clean.flat``) goes
through the plain-text cleaner instead, so its words are not lost.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import trafilatura

from dossier.clean.flat import flat_text
from dossier.clean.lines import features, line_reason
from dossier.clean.outlets import outlet_from_url
from dossier.clean.text import METADATA_REASONS, TextResult, clean_plain_text, repair
from dossier.model import RemovedText

if TYPE_CHECKING:
    from dossier.clean import CleanConfig

#: Line rules applied to trafilatura's paragraphs (the others rarely survive it).
HTML_LINE_REASONS = frozenset({"caption", "credit", "newsletter", "social", "cookie"})


_START_TAG = re.compile(r"<[A-Za-z]")


def oversized_html(html: str | None, max_elements: int) -> str:
    """Why a page is too big to parse (empty when it is not): more start tags than
    ``max_elements``. Counting is one linear regex scan, so the work is bounded
    before lxml starts, on every path that cleans (local ingest, Dask, API)."""
    if not html or len(html) <= max_elements * 3:
        return ""  # an element takes at least 3 characters: "<p>"
    count = sum(1 for _ in _START_TAG.finditer(html))
    if count <= max_elements:
        return ""
    return f"HTML page has {count} elements, over the {max_elements}-element limit"


def clean_html(html: str, config: CleanConfig, url: str | None = None) -> TextResult:
    """Extract body and metadata from one page."""
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=config.html_include_tables,
            favor_precision=config.html_favor_precision,
            favor_recall=config.html_favor_recall,
            deduplicate=False,
        )
    except (RecursionError, ValueError, TypeError, AttributeError, IndexError):
        doc = None  # trafilatura/lxml choked on the markup: the flat text still has the words
    if doc is None or not (doc.text or "").strip():
        return clean_flat_html(html, config, url)
    result = TextResult(paragraphs=[])
    text = doc.text or ""
    if config.fix_encoding:
        text = repair(text)
    title = (doc.title or "").strip()
    for line in (ln.strip() for ln in text.splitlines()):
        if not line:
            continue
        if not result.paragraphs and not result.removed and title and line == title:
            result.removed.append(RemovedText(line, "title"))
            continue
        reason = line_reason(features(line)) if config.html_line_rules else None
        if reason not in HTML_LINE_REASONS:
            result.paragraphs.append(line)
            continue
        result.removed.append(RemovedText(line, reason))
        if reason in METADATA_REASONS:
            getattr(result, METADATA_REASONS[reason]).append(line)
    result.title = title
    result.author = (doc.author or "").strip() or None
    result.published = doc.date or None
    result.outlet = (doc.sitename or "").strip() or outlet_from_url(doc.url or url)
    result.fields["url"] = doc.url or url or ""
    return result


def clean_flat_html(html: str, config: CleanConfig, url: str | None = None) -> TextResult:
    """The page's text taken without a tree, cleaned as plain text (see module doc)."""
    flat = flat_text(html)
    text = repair(flat.text) if config.fix_encoding else flat.text
    if not text.strip():
        return TextResult(paragraphs=[])
    outlet = outlet_from_url(url)
    result = clean_plain_text(text, config, None, outlet=outlet, title=flat.title or None)
    result.title = result.title or flat.title
    result.outlet = result.outlet or outlet
    result.fields["url"] = url or ""
    return result

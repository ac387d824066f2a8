"""The HTML cleaner: trafilatura finds the body and the page's own metadata.

trafilatura already beats anything a line classifier can do with markup in
hand, so this path only adapts its output: paragraphs become blank-line
separated, and the same caption/credit/sign-up line rules as for plain text
move such lines into metadata (trafilatura keeps some figure captions).

When trafilatura finds no text at all (a page nested deeper than its parser
builds, or one it fails on), or the page has more elements than
``CleanConfig.html_max_elements``, the page's flat text (``dossier.clean.flat``)
goes through the plain-text cleaner instead, so its words are not lost.
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


def element_count(html: str, cap: int) -> int:
    """Start tags in ``html``, counted only as far as ``cap + 1`` (one linear scan)."""
    if len(html) <= cap * 3:
        return 0  # an element takes at least 3 characters ("<p>"): cannot pass the cap
    count = 0
    for count, _ in enumerate(_START_TAG.finditer(html), 1):
        if count > cap:
            break
    return count


def oversized_html(html: str | None, config: CleanConfig) -> str:
    """Why a page is refused before any parsing (empty when it is not).

    A page over ``html_max_elements`` never reaches lxml, whose XPath work on it
    runs in one C call no in-thread limit stops; :func:`clean_html` reads it as
    flat text instead, in linear time. When even that text is over
    ``max_body_chars`` the page is no article, and this says so. Both engines
    call this through ``clean``, so they refuse the same pages for one reason.
    """
    cap = config.html_max_elements
    if not html or element_count(html, cap) <= cap:
        return ""
    chars = len(flat_text(html).text)
    if chars <= config.max_body_chars:
        return ""
    return (
        f"HTML page has more than {cap} elements and more than "
        f"{config.max_body_chars} characters of text (the limits)"
    )


def clean_html(html: str, config: CleanConfig, url: str | None = None) -> TextResult:
    """Extract body and metadata from one page (flat text past ``html_max_elements``)."""
    if element_count(html, config.html_max_elements) > config.html_max_elements:
        return clean_flat_html(html, config, url)
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
    sitename = (doc.sitename or "").strip()
    if sitename:
        result.fields["outlet"] = sitename  # the page's own metadata
    result.outlet = sitename or outlet_from_url(doc.url or url)
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

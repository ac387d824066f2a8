"""The HTML cleaner: trafilatura finds the body and the page's own metadata.

trafilatura already beats anything a line classifier can do with markup in
hand, so this path only adapts its output: paragraphs become blank-line
separated, and the same caption/credit/sign-up line rules as for plain text
move such lines into metadata (trafilatura keeps some figure captions).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import trafilatura

from dossier.clean.lines import features, line_reason
from dossier.clean.outlets import outlet_from_url
from dossier.clean.text import METADATA_REASONS, TextResult, repair
from dossier.model import RemovedText

if TYPE_CHECKING:
    from dossier.clean import CleanConfig

#: Line rules applied to trafilatura's paragraphs (the others rarely survive it).
HTML_LINE_REASONS = frozenset({"caption", "credit", "newsletter", "social", "cookie"})


def clean_html(html: str, config: CleanConfig, url: str | None = None) -> TextResult:
    """Extract body and metadata from one page."""
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
    result = TextResult(paragraphs=[])
    if doc is None:
        return result
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

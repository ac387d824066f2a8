"""Generators for hostile pages too big to commit (issue 16, item 4)."""

from __future__ import annotations

PARAGRAPH = "<p>Item {0} of the page.</p>\n"


def many_paragraphs_page(count: int = 300_000) -> str:
    """A page of ``count`` short ``<p>`` elements: about 9 MB at the default 300 000,
    under the input size cap, and hours of lxml XPath work uncapped."""
    body = "".join(PARAGRAPH.format(i) for i in range(count))
    return f"<html><head><title>Endless</title></head><body>{body}</body></html>"

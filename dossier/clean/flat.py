"""Text of a page without building its tree: the fallback when trafilatura finds nothing.

trafilatura works on an lxml tree, and libxml2 stops building a tree 256
elements deep: a page that nests deeper (a hostile or broken page, 100 000
``<div>``\\s) comes back empty and its text would be lost. Python's
``html.parser`` is a flat tokenizer (no tree, no recursion), so walking its
events recovers the text at any depth in time linear in the page, and the
collected text is capped, so memory is bounded too. Block elements become
paragraph breaks; scripts, styles and other non-text elements are skipped.
The caller then cleans the text like any scraped plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

#: Elements whose content is never article text.
SKIP = frozenset({"script", "style", "noscript", "template", "svg", "math", "iframe", "object"})
#: Page furniture, also skipped, unless that leaves nothing (an unclosed ``<nav>``
#: would otherwise swallow the rest of the page).
FURNITURE = frozenset({"nav", "aside", "footer", "form", "button", "select"})
#: Elements that start a new paragraph (everything else is inline).
BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "dd", "details", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
    "td", "th", "title", "tr", "ul",
})
#: Elements that never have an end tag, so never hold a skipped region open.
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "param", "source", "track", "wbr"})
#: Characters of text kept at most (a page past this is cut, not held in memory).
MAX_CHARS = 2_000_000

_SPACE = re.compile(r"[ \t\r\f\v\u00a0]+")


@dataclass
class FlatText:
    """The page's ``<title>`` and its text, paragraphs separated by blank lines."""

    title: str
    text: str


class _Collector(HTMLParser):
    def __init__(self, limit: int, skip: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = skip
        self.parts: list[str] = []
        self.title: list[str] = []
        self.size, self.limit = 0, limit
        self.skipping: list[str] = []  # open skipped elements, innermost last
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.skip and tag not in VOID:
            self.skipping.append(tag)
        elif tag in BLOCK:
            self.parts.append("\n\n")
        self.in_title = tag == "title"

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if self.skipping and tag in self.skip:
            if tag in self.skipping:  # close it and anything left open inside it
                del self.skipping[len(self.skipping) - 1 - self.skipping[::-1].index(tag):]
        elif tag in BLOCK:
            self.parts.append("\n\n")
        self.in_title = False

    def handle_data(self, data: str) -> None:
        if self.skipping or self.size >= self.limit:
            return
        if self.in_title:
            self.title.append(data)
            return
        data = data[: self.limit - self.size]
        self.parts.append(data)
        self.size += len(data)


def flat_text(html: str, limit: int = MAX_CHARS) -> FlatText:
    """The title and block-separated text of ``html``, whatever its depth."""
    flat = _flat(html, limit, SKIP | FURNITURE)
    return flat if flat.text else _flat(html, limit, SKIP)


def _flat(html: str, limit: int, skip: frozenset[str]) -> FlatText:
    collector = _Collector(limit, skip)
    collector.feed(html)
    collector.close()
    blocks = (" ".join(_SPACE.sub(" ", b).split()) for b in "".join(collector.parts).split("\n\n"))
    return FlatText(
        title=" ".join("".join(collector.title).split()),
        text="\n\n".join(b for b in blocks if b),
    )

"""RSS (0.9x, 1.0, 2.0) and Atom feeds, one document per entry, via feedparser.

XML bombs are refused before feedparser sees the bytes: any document type
declaration with an internal subset or any ``<!ENTITY`` declaration ends the
input with a Rejected (real news feeds never need them). feedparser gets a
stream, never a string, because a string could be opened as a path or URL.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator
from typing import Any

import feedparser

from dossier.model import RawDocument
from dossier.sources.base import InputFile, Item, SourceConfig, provenance, reject
from dossier.sources.decode import clean_str, declared_charset, decode_bytes

_DTD_SUBSET = re.compile(r"<!DOCTYPE[^>\[]*\[", re.I)
_ENTITY = re.compile(r"<!ENTITY", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]{0,300}\?>")
_PLAIN_TYPES = ("text/plain",)


def refusal(text: str) -> str | None:
    """Why the feed is refused before parsing (entity declarations), or None."""
    if _ENTITY.search(text) or _DTD_SUBSET.search(text):
        return "feed declares a DTD or entities; refused as a possible XML bomb"
    return None


def normalised(data: bytes) -> str:
    """The feed decoded by dossier's rules, without its XML declaration.

    feedparser then reads plain UTF-8 (the XML default) and never trusts a
    declared encoding itself; a hostile declaration (a NUL inside the encoding
    name) crashed it.
    """
    text = decode_bytes(data, declared_charset(data)).text
    return _XML_DECL.sub("", text, count=1)


def _iso(parsed: time.struct_time | None, raw: str | None) -> str | None:
    if parsed:
        try:
            return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)
        except (TypeError, ValueError):
            pass
    return raw or None


def _body(entry: Any) -> tuple[str, str, bool]:
    """(value, mime type, summary_only) from full content, else the summary."""
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        if value.strip():
            return value, content.get("type") or "text/html", False
    detail = entry.get("summary_detail") or {}
    return entry.get("summary") or "", detail.get("type") or "text/html", True


def _entry_document(inp: InputFile, entry: Any, number: int, outlet: str | None) -> Item:
    record = f"entry {number}"
    value, mime, summary_only = _body(entry)
    value = clean_str(value)
    if not value.strip():
        return reject(inp, "no content or summary", record)
    # dict.get: FeedParserDict.get maps a missing updated_* to published_* and warns
    date = _iso(dict.get(entry, "published_parsed"), dict.get(entry, "published")) or _iso(
        dict.get(entry, "updated_parsed"), dict.get(entry, "updated")
    )
    meta = {
        "url": entry.get("link"),
        "title": entry.get("title"),
        "date": date,
        "author": entry.get("author"),
        "outlet": outlet,
        "id": entry.get("id"),
        "summary_only": summary_only,
    }
    # NUL and lone surrogates leave the metadata in read_input, as for every reader.
    meta = {k: v for k, v in meta.items() if v not in (None, "")}
    plain = mime in _PLAIN_TYPES
    return RawDocument(
        provenance=provenance(inp, "feed", record),
        text=value if plain else None,
        html=None if plain else value,
        meta=meta,
    )


def read_feed(inp: InputFile, config: SourceConfig) -> Iterator[Item]:
    """A document per entry with a body; the feed title is each entry's outlet."""
    text = normalised(inp.data)
    reason = refusal(text)
    if reason:
        yield reject(inp, reason)
        return
    try:
        parsed = feedparser.parse(io.BytesIO(text.encode("utf-8")), resolve_relative_uris=False)
    except Exception as exc:  # noqa: BLE001 - feedparser's own failures, named for the user
        yield reject(inp, f"feed parser failed: {type(exc).__name__}: {exc}")
        return
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        detail = f": {' '.join(str(problem).split())[:200]}" if problem else ""
        yield reject(inp, f"feed has no entries{detail}")
        return
    outlet = (parsed.get("feed") or {}).get("title") or None
    for number, entry in enumerate(entries, 1):
        yield _entry_document(inp, entry, number, outlet)

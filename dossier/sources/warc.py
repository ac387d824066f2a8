"""WARC archives as Common Crawl's news crawl ships them (``.warc.gz`` arrives gunzipped).

Every ``response`` (or ``resource``) record whose body is HTML becomes a
document carrying its URL (``WARC-Target-URI``) and fetch date (``WARC-Date``).
Other records (requests, metadata, images) are skipped silently; HTML responses
with an error status, truncated or oversized bodies are Rejected by offset.

A broken record must not cost the rest of the archive, yet warcio cannot go on
after one, so reading restarts at the next line that begins a WARC record.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Iterator
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from dossier.model import RawDocument
from dossier.sources.base import InputFile, Item, SourceConfig, provenance, reject
from dossier.sources.decode import clean_str, declared_charset, decode_bytes
from dossier.sources.detect import detect_format

_RECORD_START = re.compile(rb"(?:^|\n)(WARC/1\.[01]\r?\n)")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{1,40})", re.I)
_BODY_TYPES = ("response", "resource")


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """warcio prints its own warnings to stderr; dossier reports through Rejected instead."""
    with contextlib.redirect_stderr(io.StringIO()):
        yield


def _header(headers: Any, name: str) -> str | None:
    value = headers.get_header(name) if headers is not None else None
    return clean_str(value) if value else None


def _is_html(record: Any, body: bytes) -> bool:
    content_type = (_header(record.http_headers, "Content-Type") or "").lower()
    if not record.http_headers:
        content_type = (_header(record.rec_headers, "Content-Type") or "").lower()
    if "html" in content_type:
        return True
    return not content_type and detect_format(body[:4096]) == "html"


def _read_body(record: Any, config: SourceConfig) -> tuple[bytes, int]:
    """The decoded body (at most ``max_bytes + 1``) and how many bytes the record lacks."""
    with _quiet():
        body = record.content_stream().read(config.max_bytes + 1)
        record.raw_stream.read(config.max_bytes)
    return body, getattr(record.raw_stream, "limit", 0)


def _document(
    inp: InputFile, record: Any, body: bytes, missing: int, where: str, config: SourceConfig
) -> Item | None:
    """The record as a document, a rejection, or None for a record that is not a page."""
    if not _is_html(record, body):
        return None
    if len(body) > config.max_bytes:
        return reject(inp, f"HTML body over the {config.max_bytes}-byte limit", where)
    if missing:
        return reject(inp, f"truncated record: {missing} bytes of its content are missing", where)
    status = record.http_headers.get_statuscode() if record.http_headers else None
    if status and not str(status).startswith("2"):
        return reject(inp, f"HTTP status {status}, not a page to read", where)
    content_type = _header(record.http_headers, "Content-Type") or ""
    match = _CHARSET.search(content_type)
    decoded = decode_bytes(body, (match.group(1) if match else None) or declared_charset(body))
    if not decoded.text.strip():
        return reject(inp, "empty HTML body", where)
    fetched = _header(record.rec_headers, "WARC-Date")
    meta = {
        "url": _header(record.rec_headers, "WARC-Target-URI"),
        "fetched_at": fetched,
        "warc_record_id": _header(record.rec_headers, "WARC-Record-ID"),
        "http_status": status,
        "content_type": content_type or None,
        "encoding": decoded.encoding,
    }
    meta = {k: v for k, v in meta.items() if v is not None}
    return RawDocument(
        provenance=provenance(inp, "warc", where, fetched), html=decoded.text, meta=meta
    )


def _read_from(
    inp: InputFile, config: SourceConfig, start: int, state: dict[str, int]
) -> Iterator[Item]:
    """Records from ``start`` on; stores the last record offset reached in ``state``.

    The body is read before asking warcio for the offset: asking first makes
    warcio skip to the record's end, leaving the body empty.
    """
    stream = io.BytesIO(inp.data)
    stream.seek(start)
    records = ArchiveIterator(stream, check_digests=False)
    while True:
        with _quiet():
            record = next(records, None)
        if record is None:
            return
        item: Item | None = None
        if record.rec_type in _BODY_TYPES:
            try:
                body, missing = _read_body(record, config)
            except Exception as exc:  # noqa: BLE001 - warcio/zlib errors of one record
                body, missing = b"", 0
                item = reject(inp, f"unreadable record body: {type(exc).__name__}: {exc}")
        with _quiet():
            offset = records.get_record_offset()
        state["offset"] = offset
        where = f"offset {offset}"
        lacking = getattr(record.raw_stream, "limit", 0)
        if item is not None:
            yield reject(inp, item.reason, where)
        elif lacking and record.rec_type not in _BODY_TYPES:
            yield reject(inp, f"truncated {record.rec_type} record: {lacking} bytes missing", where)
        elif record.rec_type in _BODY_TYPES:
            item = _document(inp, record, body, missing, where, config)
            if item is not None:
                yield item


def read_warc(inp: InputFile, config: SourceConfig) -> Iterator[Item]:
    """Documents from every HTML response; restart past each broken record."""
    start = 0
    for _ in range(config.max_records):
        state = {"offset": -1}
        try:
            yield from _read_from(inp, config, start, state)
            return
        except Exception as exc:  # noqa: BLE001 - a broken record: report it, resync
            last = state["offset"]
            where = "at" if last < 0 else "in or after the record at"
            yield reject(
                inp,
                f"broken WARC record {where} this offset: {type(exc).__name__}: {_short(exc)}",
                f"offset {max(last, start)}",
            )
        match = _RECORD_START.search(inp.data, max(last, start) + 1)
        if match is None:
            return
        start = match.start(1)


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text[:200]

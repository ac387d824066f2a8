"""WARC archives as Common Crawl's news crawl ships them (``.warc.gz`` arrives gunzipped).

Every ``response`` (or ``resource``) record whose body is HTML becomes a
document carrying its URL (``WARC-Target-URI``) and fetch date (``WARC-Date``).
Other records (requests, metadata, images) are skipped silently; HTML responses
with an error status, truncated or oversized bodies are Rejected by offset.

A broken record must not cost the rest of the archive, yet warcio cannot go on
after one, so reading restarts at the next line that begins a WARC record. The
same resynchronisation covers bytes before the first record header and a
``Content-Length`` that runs past the next record or the end of the file; every
stretch of bytes skipped that way is reported by its range, so the summary
accounts for all of the archive.
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
#: A record header right after the blank line that ends the previous record.
_NEXT_RECORD = re.compile(rb"\r?\n\r?\n(WARC/1\.[01]\r?\n)")
_HEADER_END = re.compile(rb"\r?\n\r?\n")


class _Resync(Exception):
    """The record at hand was reported; reading goes on at byte ``at``."""

    def __init__(self, at: int) -> None:
        super().__init__(at)
        self.at = at


def first_record_start(data: bytes, start: int = 0) -> int | None:
    """Offset of the first line at or after ``start`` that begins a WARC record."""
    match = _RECORD_START.search(data, start)
    return match.start(1) if match else None


def _overrun(data: bytes, offset: int, record: Any) -> tuple[str, int] | None:
    """Why the record's ``Content-Length`` is wrong and where reading resumes, or None.

    The declared block is checked against the bytes: it may not reach past the
    end of the file, nor swallow a record header that follows a blank line.
    """
    try:
        length = int(record.rec_headers.get_header("Content-Length") or "")
    except ValueError:
        return None
    head = _HEADER_END.search(data, offset)
    if head is None or length < 0:
        return None
    end = head.end() + length
    swallowed = _NEXT_RECORD.search(data, head.end(), min(end, len(data)))
    if swallowed is not None:
        at = swallowed.start(1)
        return f"Content-Length {length} runs into the next record at offset {at}", at
    return None  # fits, or ends past the file with nothing after it: truncated, reported

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
        bad = _overrun(inp.data, offset, record)
        if bad is not None:
            yield reject(inp, f"{bad[0]}; skipped bytes {offset}-{bad[1] - 1}", where)
            raise _Resync(bad[1])
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
    first = first_record_start(inp.data)
    if first is None:
        yield reject(inp, "no WARC record header (a line 'WARC/1.0' or 'WARC/1.1') found")
        return
    if inp.data[:first].strip():
        yield reject(
            inp,
            "skipped: no WARC record header (a 'WARC/1.0' line) before the first record",
            f"bytes 0-{first - 1}",
        )
    start = first
    for _ in range(config.max_records):
        state = {"offset": -1}
        try:
            yield from _read_from(inp, config, start, state)
            return
        except _Resync as resync:
            start = resync.at
            continue
        except Exception as exc:  # noqa: BLE001 - a broken record: report it, resync
            last = state["offset"]
            where = "at" if last < 0 else "in or after the record at"
            broken = max(last, start)
            resume = first_record_start(inp.data, broken + 1)
            skipped = f"bytes {broken}-{(len(inp.data) if resume is None else resume) - 1}"
            yield reject(
                inp,
                f"broken WARC record {where} this offset: {type(exc).__name__}: "
                f"{_short(exc)}; skipped {skipped}",
                f"offset {broken}",
            )
            if resume is None:
                return
            start = resume


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text[:200]

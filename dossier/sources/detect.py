"""Which reader an input needs, decided from its content first and its name second.

Extensions lie (a ``.txt`` that is an HTML page, a ``.json`` that is JSONL), so
the bytes decide: WARC header, markup roots, JSON objects per line. The name
only breaks ties (a JSONL whose first line is broken, a bare markup fragment).
Known binary formats are named so the rejection can say what the file was.
"""

from __future__ import annotations

import re
import zlib

from dossier.model import Format
from dossier.sources.gzipped import is_gzip

_SNIFF = 64 * 1024
_MAGIC: dict[bytes, str] = {
    b"%PDF": "PDF document",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF87a": "GIF image",
    b"GIF89a": "GIF image",
    b"PK\x03\x04": "ZIP archive",
    b"\x7fELF": "ELF executable",
    b"MZ\x90\x00": "Windows executable",
    b"\xfd7zXZ\x00": "xz archive",
    b"7z\xbc\xaf\x27\x1c": "7-Zip archive",
    b"(\xb5/\xfd": "zstd archive",
    b"BZh91AY&SY": "bzip2 archive",
    b"SQLite format 3\x00": "SQLite database",
    b"OggS": "Ogg media",
    b"ID3": "MP3 audio",
    b"RIFF": "RIFF media",
    b"\xd0\xcf\x11\xe0": "MS Office document",
    b"PAR1": "Parquet file",
}
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_FEED_ROOT = re.compile(r"<(rss|feed|rdf:rdf)[\s>]")
_HTML_ROOT = re.compile(r"<(!doctype\s+html|html|head|body)[\s>]")
_ANY_TAG = re.compile(r"<[a-z!][^<>]{0,200}>")
#: A WARC whose first record lost its header line: a later record header and its type.
_WARC_LATER = re.compile(rb"\nWARC/1\.[01]\r?\n(?:[^\r\n]{1,300}\r?\n){0,20}?WARC-Type:")
_EXT_HINTS: dict[str, Format] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
}


def binary_kind(data: bytes) -> str | None:
    """A short name for a binary (non-text) input, or None when it looks like text."""
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            return kind
    sample = data[:8192]
    if not sample or sample[:2] in (b"\xff\xfe", b"\xfe\xff") or sample[:3] == b"\xef\xbb\xbf":
        return None
    from dossier.sources.decode import utf16_without_bom  # local: avoid import cycle

    if utf16_without_bom(sample):
        return None
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return "binary data" if controls > 0.1 * len(sample) else None


def _head(data: bytes) -> bytes:
    if is_gzip(data):
        try:
            return zlib.decompressobj(wbits=31).decompress(data[:_SNIFF], _SNIFF)
        except zlib.error:
            return b""
    return data[:_SNIFF]


def _head_text(head: bytes) -> str:
    """The head as text for sniffing ASCII markers: exact codecs only where bytes need them.

    Full charset detection is for the readers; here Latin-1 stands in for any
    single-byte encoding because every marker looked for is ASCII.
    """
    from dossier.sources.decode import BOM_CODECS, utf16_without_bom  # local: no cycle

    sample = head[:8192]
    codec = next((name for bom, name in BOM_CODECS if sample.startswith(bom)), None)
    codec = codec or utf16_without_bom(sample) or "latin-1"
    text = sample.decode(codec, errors="replace")
    return text.replace("\x00", "").lstrip("\ufeff \t\r\n").lower()


def _ext_hint(name: str) -> Format | None:
    lowered = name.lower().removesuffix(".gz")
    for ext, fmt in _EXT_HINTS.items():
        if lowered.endswith(ext):
            return fmt
    return None


def _looks_jsonl(text: str, hint: Format | None) -> bool:
    lines = [line.strip() for line in text.splitlines()[:20] if line.strip()]
    if not lines:
        return False
    objects = sum(1 for line in lines if line.startswith("{"))
    if lines[0].startswith(("{", "[")):
        return True
    return objects > 0 and (hint == "jsonl" or objects * 2 >= len(lines))


def _markup_format(text: str, hint: Format | None) -> Format | None:
    feed, html = _FEED_ROOT.search(text), _HTML_ROOT.search(text)
    if feed and (not html or feed.start() < html.start()):
        return "feed"
    if html:
        return "html"
    if hint in ("feed", "html"):
        return hint
    return "html" if _ANY_TAG.search(text) else None


def detect_format(data: bytes, name: str = "") -> Format | None:
    """The input's format from magic bytes and content, ``name`` only as a tie-breaker.

    Returns None for empty, binary, or unrecognisable data. Gzip data is
    sniffed through its first decompressed bytes.
    """
    head = _head(data)
    if head.lstrip().startswith((b"WARC/1.", b"WARC/0.")) or _WARC_LATER.search(head):
        return "warc"
    if not head.strip() or binary_kind(head):
        return None
    text = _head_text(head)
    hint = _ext_hint(name)
    if text.startswith("<"):
        return _markup_format(text, hint) or "text"
    if _looks_jsonl(text, hint):
        return "jsonl"
    if hint in ("html", "feed") and (_FEED_ROOT.search(text) or _HTML_ROOT.search(text)):
        return _markup_format(text, hint)
    return "text"

"""The reader registry and :func:`read_input`, the one entry point for reading.

Readers register by format in :data:`READERS` (a dict, so a new format is one
module and one line). :func:`read_input` wraps them with what every format
needs: binary and format detection, gzip that arrived unexpanded, the record
limit, and a last guard that turns any reader failure into a Rejected, so no
exception leaves the sources stage.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from urllib.parse import urlsplit

from dossier.model import Format, RawDocument
from dossier.sources.base import InputFile, Item, Reader, SourceConfig, reject
from dossier.sources.decode import clean_str, clean_value
from dossier.sources.detect import binary_kind, detect_format
from dossier.sources.feeds import read_feed
from dossier.sources.gzipped import GzipError, gunzip_bounded, is_gzip
from dossier.sources.html import read_html
from dossier.sources.jsonl import read_jsonl
from dossier.sources.text import read_text
from dossier.sources.warc import read_warc

READERS: dict[Format, Reader] = {
    "text": read_text,
    "html": read_html,
    "jsonl": read_jsonl,
    "warc": read_warc,
    "feed": read_feed,
}


def _expand_gzip(inp: InputFile, config: SourceConfig) -> InputFile:
    data = gunzip_bounded(inp.data, config.max_bytes, config.max_ratio, config.ratio_floor)
    return InputFile(inp.name, data, inp.sha256, inp.original_bytes)


class _PartialGzip(Exception):
    """A gzip input whose complete members are readable though the rest is not."""

    def __init__(self, reason: str, inp: InputFile, complete: bytes) -> None:
        super().__init__(reason)
        self.kept = InputFile(inp.name, complete, inp.sha256, inp.original_bytes)


def _check(
    inp: InputFile, config: SourceConfig, forced: Format | None
) -> tuple[InputFile, Format | None, str]:
    """The input ready to read, its format, or the reason it cannot be read."""
    if len(inp.data) > config.max_bytes:
        return inp, None, f"input too large: over the {config.max_bytes}-byte limit"
    if is_gzip(inp.data):
        try:
            inp = _expand_gzip(inp, config)
        except GzipError as exc:
            if not exc.complete.strip():
                return inp, None, str(exc)
            raise _PartialGzip(str(exc), inp, exc.complete) from None
    if not inp.data.strip():
        return inp, None, "empty file"
    fmt = forced or detect_format(inp.data, inp.name)
    if fmt is None:
        kind = binary_kind(inp.data)
        if kind:
            return inp, None, f"binary file ({kind}), not a text, HTML, JSONL, WARC or feed input"
        return inp, None, "unrecognised format"
    return inp, fmt, ""


def read_input(
    inp: InputFile, config: SourceConfig | None = None, fmt: Format | None = None
) -> Iterator[Item]:
    """Every document in ``inp`` and a Rejected for every part that is not one.

    ``fmt`` forces a reader (a ``--format`` flag) over detection; size, gzip and
    emptiness checks still apply. By default the content decides.
    Never raises: a reader failure ends that input with one Rejected naming it.
    """
    config = config or SourceConfig()
    try:
        inp, fmt, reason = _check(inp, config, fmt)
    except _PartialGzip as partial:
        # The bad tail is reported; the members before it are still read.
        yield reject(inp, f"{partial}; kept the {len(partial.kept.data)} bytes before it")
        yield from read_input(partial.kept, config, fmt)
        return
    except Exception as exc:  # noqa: BLE001 - the stage's promise: nothing escapes
        yield reject(inp, f"cannot read input: {type(exc).__name__}: {exc}")
        return
    if fmt is None:
        yield reject(inp, reason)
        return
    yield from _guarded(READERS[fmt](inp, config), inp, fmt, config)


def _guarded(
    items: Iterator[Item], inp: InputFile, fmt: Format, config: SourceConfig
) -> Iterator[Item]:
    documents = 0
    try:
        for item in items:
            if isinstance(item, RawDocument):
                documents += 1
                if documents > config.max_records:
                    yield reject(
                        inp, f"stopped after {config.max_records} documents (record limit)"
                    )
                    return
                item = _scrubbed(item)
            yield item
    except Exception as exc:  # noqa: BLE001 - the stage's promise: nothing escapes
        yield reject(inp, f"{fmt} reader failed: {type(exc).__name__}: {exc}")


def _scrubbed(doc: RawDocument) -> RawDocument:
    """``doc`` with every string valid UTF-8 and free of NUL, whichever reader built it.

    Readers decode their text carefully, but metadata comes from many places
    (headers, JSON fields, feed elements) and one missed path would put a NUL
    into the store; checking once here covers every reader, present and future.
    """
    return replace(
        doc,
        text=None if doc.text is None else clean_str(doc.text),
        html=None if doc.html is None else clean_str(doc.html),
        meta=_checked_url(clean_value(doc.meta)),
        provenance=replace(doc.provenance, record=clean_str(doc.provenance.record)),
    )


def _checked_url(meta: dict) -> dict:
    """``meta`` with a URL no later stage could take apart (``http://[::1``, a port
    out of range) moved to ``invalid_url``: the record is kept, ingest warns about
    it, and the original bytes stay in the store."""
    url = meta.get("url")
    if url is None or (isinstance(url, str) and _parses(url)):
        return meta
    kept = {k: v for k, v in meta.items() if k != "url"}
    kept["invalid_url"] = str(url)
    return kept


def _parses(url: str) -> bool:
    """True when ``urlsplit`` takes ``url`` apart, port included, without raising."""
    try:
        _ = urlsplit(url.strip()).port
    except ValueError:
        return False
    return True

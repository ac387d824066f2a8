"""Bounded gzip decompression, the defence against gzip bombs and truncated files.

``gzip.decompress`` would happily inflate 10 MB into 10 GB; here output is
produced at most ``limit + 1`` bytes at a time and the work stops as soon as
the limit is passed. Multi-member streams (Common Crawl's WARC.gz: one gzip
member per record) are read member after member.
"""

from __future__ import annotations

import zlib

GZIP_MAGIC = b"\x1f\x8b"


class GzipError(ValueError):
    """A gzip stream that is truncated, corrupt, or inflates past the limit.

    ``complete`` holds the output of the members that ended cleanly before a
    truncation, corruption or trailing junk (a cut-off multi-member WARC.gz
    keeps its whole records); it stays empty when the limit was passed.
    """

    def __init__(self, reason: str, complete: bytes = b"") -> None:
        super().__init__(reason)
        self.complete = complete


def is_gzip(data: bytes) -> bool:
    return data[:2] == GZIP_MAGIC


def gunzip_bounded(data: bytes, max_bytes: int, max_ratio: float, ratio_floor: int) -> bytes:
    """Decompress every member of ``data``; raise :class:`GzipError` with the reason.

    The effective limit is ``max_bytes`` or, when smaller, ``max_ratio`` times the
    compressed size (never below ``ratio_floor``), so a bomb is caught after
    reading a few megabytes rather than after ``max_bytes``.
    """
    by_ratio = max(ratio_floor, int(len(data) * max_ratio))
    limit = min(max_bytes, by_ratio)
    out = bytearray()
    done = 0  # length of the output of members that ended cleanly
    decomp = zlib.decompressobj(wbits=31)
    pending = data
    while True:
        try:
            chunk = decomp.decompress(pending, limit + 1 - len(out))
        except zlib.error as exc:
            raise GzipError(f"corrupt gzip data ({exc})", bytes(out[:done])) from None
        out += chunk
        if len(out) > limit:
            raise GzipError(_too_big(limit, max_bytes, by_ratio, len(data)))
        pending = decomp.unconsumed_tail
        if decomp.eof:
            done = len(out)
            rest = decomp.unused_data
            if not rest.strip(b"\x00"):
                return bytes(out)
            if not is_gzip(rest):
                start = len(data) - len(rest)
                raise GzipError(
                    f"{len(rest)} bytes of non-gzip data after the gzip stream "
                    f"(bytes {start}-{len(data) - 1})",
                    bytes(out),
                )
            decomp, pending = zlib.decompressobj(wbits=31), rest
        elif not chunk and not pending:
            raise GzipError(
                f"truncated gzip: the stream ends early ({len(out)} bytes decompressed)",
                bytes(out[:done]),
            )


def _too_big(limit: int, max_bytes: int, by_ratio: int, size: int) -> str:
    if limit == max_bytes:
        return f"decompresses to more than the {max_bytes}-byte limit"
    return (
        f"possible gzip bomb: {size} compressed bytes inflate past {by_ratio} bytes "
        "(compression ratio limit)"
    )

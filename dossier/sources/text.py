"""Plain-text articles, one per file, like the seed corpus.

The optional ``date YYYY-MM-DD`` first line belongs to the cleaner, so the
decoded text passes through untouched; only the encoding is recorded.
"""

from __future__ import annotations

from collections.abc import Iterator

from dossier.model import RawDocument
from dossier.sources.base import InputFile, Item, SourceConfig, provenance, reject
from dossier.sources.decode import decode_bytes


def read_text(inp: InputFile, config: SourceConfig) -> Iterator[Item]:
    """One document holding the whole decoded file."""
    decoded = decode_bytes(inp.data)
    if not decoded.text.strip():
        yield reject(inp, "empty file (only whitespace after decoding)")
        return
    yield RawDocument(
        provenance=provenance(inp, "text"),
        text=decoded.text,
        meta={"encoding": decoded.encoding},
    )

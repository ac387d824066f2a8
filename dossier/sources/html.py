"""HTML pages, one per file; the markup goes to the cleaner (trafilatura) as is.

Decoding honours a ``<meta charset>`` the page declares when the bytes are not
UTF-8. Nothing here parses the tree, so deeply nested, truncated or single-line
megabyte pages cost only a decode; the cleaner bounds its own parsing.
"""

from __future__ import annotations

from collections.abc import Iterator

from dossier.model import RawDocument
from dossier.sources.base import InputFile, Item, SourceConfig, provenance, reject
from dossier.sources.decode import declared_charset, decode_bytes


def read_html(inp: InputFile, config: SourceConfig) -> Iterator[Item]:
    """One document with ``html`` set and the encoding used in meta."""
    decoded = decode_bytes(inp.data, declared_charset(inp.data))
    if not decoded.text.strip():
        yield reject(inp, "empty HTML page")
        return
    yield RawDocument(
        provenance=provenance(inp, "html"),
        html=decoded.text,
        meta={"encoding": decoded.encoding},
    )

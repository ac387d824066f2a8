"""RSS and Atom feeds (placeholder until the reader lands)."""

from __future__ import annotations

from collections.abc import Iterator

from dossier.sources.base import InputFile, Item, SourceConfig, reject


def read_feed(inp: InputFile, config: SourceConfig) -> Iterator[Item]:
    yield reject(inp, "feed reading not implemented yet")

"""WARC archives (placeholder until the reader lands)."""

from __future__ import annotations

from collections.abc import Iterator

from dossier.sources.base import InputFile, Item, SourceConfig, reject


def read_warc(inp: InputFile, config: SourceConfig) -> Iterator[Item]:
    yield reject(inp, "WARC reading not implemented yet")

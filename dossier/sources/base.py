"""Shared shapes of the sources stage: limits, one input's bytes, and the reader type.

Kept apart from the readers so every reader module imports only this and
``decode``; the registry in ``dossier.sources`` imports the readers, never the
other way round.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from dossier.model import Format, Provenance, RawDocument, Rejected


@dataclass(frozen=True)
class SourceConfig:
    """Limits that keep one hostile input from exhausting memory or time.

    ``max_bytes`` bounds a file as stored AND as decompressed; ``max_ratio`` stops
    gzip bombs early (a decompressed size over ``max_ratio`` x the compressed one,
    once past ``ratio_floor`` bytes); ``max_records`` bounds documents per input;
    ``max_line_bytes`` bounds one JSONL line; ``max_depth`` bounds folder recursion
    and the nesting of JSON values kept in meta.
    """

    max_bytes: int = 50 * 2**20
    max_ratio: float = 200.0
    ratio_floor: int = 2**20
    max_records: int = 100_000
    max_line_bytes: int = 10 * 2**20
    max_depth: int = 64


@dataclass(frozen=True)
class InputFile:
    """One input as given: decompressed ``data`` plus the sha256 of the bytes as given.

    ``original`` holds the bytes as given when they differ from ``data`` (a gzip
    file), so the store can keep exactly what the user handed over; use
    :attr:`original_bytes` to get them either way.
    """

    name: str
    data: bytes
    sha256: str
    original: bytes | None = None

    @property
    def original_bytes(self) -> bytes:
        return self.data if self.original is None else self.original

    @classmethod
    def from_bytes(cls, name: str, data: bytes) -> InputFile:
        """An input built in memory (tests, API uploads); ``data`` must be uncompressed."""
        return cls(name=name, data=data, sha256=sha256_hex(data))


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


Item = RawDocument | Rejected
Reader = Callable[[InputFile, SourceConfig], Iterator[Item]]


def provenance(
    inp: InputFile, fmt: Format, record: str = "", fetched_at: str | None = None
) -> Provenance:
    """The provenance every reader attaches, so its fields are filled the same way."""
    return Provenance(
        source=inp.name,
        format=fmt,
        input_sha256=inp.sha256,
        record=record,
        fetched_at=fetched_at,
    )


def reject(inp: InputFile, reason: str, record: str = "") -> Rejected:
    """A rejection of one record (``record`` set) or of the whole input."""
    from dossier.sources.decode import clean_str  # local: decode imports nothing of ours

    text = clean_str(f"{record}: {reason}" if record else reason)
    return Rejected(source=inp.name, reason=text, record=record)

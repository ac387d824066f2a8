"""dossier.sources: inputs (files, folders, globs, stdin) to raw documents.

Two steps, so the store can keep every input's bytes before anything is parsed::

    for item in iter_inputs(paths, config):          # InputFile | Rejected
        if isinstance(item, InputFile):
            for doc in read_input(item, config):     # RawDocument | Rejected
                ...

Neither function raises on bad input; every problem is a :class:`Rejected`
naming the file (and the record inside it) with a readable reason.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import BinaryIO

from dossier.model import RawDocument, Rejected
from dossier.sources.base import InputFile, SourceConfig, sha256_hex
from dossier.sources.decode import Decoded, decode_bytes
from dossier.sources.detect import detect_format
from dossier.sources.inputs import iter_inputs, make_inputs
from dossier.sources.read import READERS, read_input

__all__ = [
    "READERS",
    "Decoded",
    "InputFile",
    "SourceConfig",
    "decode_bytes",
    "detect_format",
    "iter_documents",
    "iter_inputs",
    "make_inputs",
    "read_input",
    "sha256_hex",
]


def iter_documents(
    paths: Sequence[str], config: SourceConfig | None = None, *, stdin: BinaryIO | None = None
) -> Iterator[InputFile | RawDocument | Rejected]:
    """Both steps in one stream: each InputFile followed by what was read from it."""
    config = config or SourceConfig()
    for item in iter_inputs(paths, config, stdin=stdin):
        yield item
        if isinstance(item, InputFile):
            yield from read_input(item, config)

"""How an ingest run is cut into Dask tasks.

Pass 1 (line statistics) runs one task per input; it also counts the items
``read_input`` yields, so pass 2 (cleaning, extraction) can cut big containers
(a WARC or JSONL file with thousands of records) into slices of at most
``size`` items. A slice is addressed by item position, the order ``read_input``
yields, which is also the order the loader stores results in.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from dossier.model import RawDocument, Rejected
from dossier.sources import InputFile, SourceConfig, make_inputs, read_input


@dataclass(frozen=True)
class RawInput:
    """An input shipped by value: its bytes as the store keeps them (as given)."""

    name: str
    sha256: str
    raw: bytes


@dataclass(frozen=True)
class InputRef:
    """An input by reference: the worker reads its bytes from the store file.

    Used when workers share the client's filesystem (a local cluster), so input
    bytes never travel through the scheduler and worker memory stays flat.
    """

    store_path: str
    name: str
    sha256: str


InputSource = RawInput | InputRef


def input_items(source: InputSource, config: SourceConfig) -> Iterator[RawDocument | Rejected]:
    """What the single-process ingest reads back from a stored input, in the same order.

    The bytes go through ``make_inputs`` again (gunzip, the complete members of a
    damaged gzip); what was wrong with the input itself was reported when it was
    first read, so only documents and per-record rejections come out here.
    """
    raw = source.raw if isinstance(source, RawInput) else _stored_bytes(source)
    if raw is None:
        return
    for item in make_inputs(source.name, raw, config):
        if isinstance(item, InputFile):
            yield from read_input(item, config)


def _stored_bytes(ref: InputRef) -> bytes | None:
    from dossier.store import Store

    store = Store(ref.store_path, read_only=True)
    try:
        return store.input_bytes(ref.sha256)
    finally:
        store.close()


@dataclass(frozen=True)
class Partition:
    """Items ``[start, stop)`` of the ``occurrence``-th input (``stop`` None: to the end)."""

    index: int
    occurrence: int
    name: str
    sha256: str
    start: int
    stop: int | None

    @property
    def label(self) -> str:
        return f"items {self.start}-{'end' if self.stop is None else self.stop - 1}"


def plan_partitions(
    inputs: list[tuple[str, str]], item_counts: list[int], size: int
) -> Iterator[Partition]:
    """Slices of every input in run order; each input's last slice runs to its end.

    Open-ended last slices mean a count that came out short (an input that reads
    differently the second time) can never drop items.
    """
    size = max(1, size)
    index = 0
    for occurrence, ((name, sha), count) in enumerate(zip(inputs, item_counts, strict=True)):
        starts = list(range(0, max(count, 1), size))
        for start in starts:
            stop = None if start == starts[-1] else start + size
            yield Partition(index, occurrence, name, sha, start, stop)
            index += 1

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

from dossier.sources import InputFile


@dataclass(frozen=True)
class InputRef:
    """An input by reference: the worker reads its bytes from the store file.

    Used when workers share the client's filesystem (a local cluster), so input
    bytes never travel through the scheduler and worker memory stays flat.
    """

    store_path: str
    name: str
    sha256: str


InputSource = InputFile | InputRef


def resolve_input(source: InputSource) -> InputFile | None:
    """The ``InputFile`` behind ``source`` (``None`` when the store lost it)."""
    if isinstance(source, InputFile):
        return source
    from dossier.store import Store

    store = Store(source.store_path, read_only=True)
    try:
        data = store.input_bytes(source.sha256)
    finally:
        store.close()
    if data is None:
        return None
    return InputFile(name=source.name, data=data, sha256=source.sha256)


@dataclass(frozen=True)
class Partition:
    """Items ``[start, stop)`` of the ``occurrence``-th input of the run."""

    index: int
    occurrence: int
    name: str
    sha256: str
    start: int
    stop: int

    @property
    def label(self) -> str:
        return f"items {self.start}-{self.stop - 1}"


def plan_partitions(
    inputs: list[tuple[str, str]], item_counts: list[int], size: int
) -> Iterator[Partition]:
    """Slices of every input in run order (an input that yielded nothing gets none)."""
    size = max(1, size)
    index = 0
    for occurrence, ((name, sha), count) in enumerate(zip(inputs, item_counts, strict=True)):
        for start in range(0, count, size):
            yield Partition(index, occurrence, name, sha, start, min(start + size, count))
            index += 1

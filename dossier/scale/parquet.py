"""Partition results as Parquet: one row per item ``read_input`` yielded.

Readable columns (kind, source, record, reason, article id, title, outlet,
published) let a person inspect a partition with any Parquet tool; ``payload``
holds the exact objects (article, extraction, line-statistics rows, extraction
failure) pickled, so
loading them into the store is lossless.
"""

from __future__ import annotations

import io
import pickle
from dataclasses import dataclass, field
from typing import Literal

from dossier.model import Article, Extraction, ExtractionFailure

Kind = Literal["article", "dropped", "rejected", "seen"]

_COLUMNS = ("pos", "kind", "source", "record", "reason", "article_id", "title", "outlet",
            "published", "payload")


@dataclass
class ItemResult:
    """What a worker made of one item: an article (with extraction), or why not."""

    pos: int
    kind: Kind
    source: str
    record: str = ""
    #: Why it was rejected or dropped; for an article, a warning to report, if any.
    reason: str = ""
    article: Article | None = None
    extraction: Extraction | None = None
    #: ``LineStats.to_rows()`` of this document alone (articles only).
    stats_rows: list[tuple[str, str, int]] = field(default_factory=list)
    #: Why the worker could not extract the article (out of time, an error); the
    #: client records it with the stored article's version.
    extraction_failure: ExtractionFailure | None = None


def write_results(items: list[ItemResult], path: str | None = None) -> str | bytes:
    """Write ``items`` as Parquet to ``path``; without a path return the file's bytes."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns: dict[str, list] = {name: [] for name in _COLUMNS}
    for item in items:
        art = item.article
        columns["pos"].append(item.pos)
        columns["kind"].append(item.kind)
        columns["source"].append(item.source)
        columns["record"].append(item.record)
        columns["reason"].append(item.reason)
        columns["article_id"].append(art.id if art else None)
        columns["title"].append(art.title if art else None)
        columns["outlet"].append(art.outlet if art else None)
        columns["published"].append(art.published if art else None)
        payload = (art, item.extraction, item.stats_rows, item.extraction_failure)
        columns["payload"].append(pickle.dumps(payload, protocol=5))
    schema = pa.schema([
        ("pos", pa.int64()), ("kind", pa.string()), ("source", pa.string()),
        ("record", pa.string()), ("reason", pa.string()), ("article_id", pa.string()),
        ("title", pa.string()), ("outlet", pa.string()), ("published", pa.string()),
        ("payload", pa.binary()),
    ])
    table = pa.table(columns, schema=schema)
    if path is not None:
        pq.write_table(table, path)
        return path
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


def read_results(where: str | bytes) -> list[ItemResult]:
    """Read a partition written by :func:`write_results` (a path or the file's bytes)."""
    import pyarrow.parquet as pq

    table = pq.read_table(io.BytesIO(where) if isinstance(where, bytes) else where)
    rows = table.to_pydict()
    items = []
    for i in range(table.num_rows):
        article, extraction, stats_rows, failure = pickle.loads(rows["payload"][i])
        items.append(ItemResult(
            pos=rows["pos"][i], kind=rows["kind"][i], source=rows["source"][i],
            record=rows["record"][i], reason=rows["reason"][i], article=article,
            extraction=extraction, stats_rows=stats_rows, extraction_failure=failure,
        ))
    return items

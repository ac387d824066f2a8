"""dossier.scale: the same pipeline on Dask, for archives that outgrow one process.

``DaskRunner`` (``dossier.scale.runner``) runs parsing, cleaning, extraction and
the linker's per-article features on Dask workers and loads the results into the
store in the same order the single-process ingest would, so both engines store
the same thing. Nothing here imports dask at module level except ``runner``;
the worker-side functions (``tasks``, ``parquet``, ``partitions``, ``features``)
are plain picklable functions over ``dossier.model`` objects.
"""

from __future__ import annotations

from typing import Any

__all__ = ["DaskRunner"]


def __getattr__(name: str) -> Any:
    """Import the runner (and with it dask) only when someone asks for it."""
    if name == "DaskRunner":
        from dossier.scale.runner import DaskRunner

        return DaskRunner
    raise AttributeError(name)

"""dossier's errors, each with a searchable ``D###`` code.

Hierarchy::

    DossierError
    ├── SourceError      an input could not be read or decoded (names the input)
    ├── CleanError       a document could not be cleaned into an article
    ├── StageError       an extract/link/story stage failed on one article
    └── StoreError       the database refused or is unusable
        └── QueryTimeout  a read ran past its time budget and was stopped

Third-party exceptions are wrapped once, at the edge where they enter dossier,
so callers catch ``DossierError`` and never a parser library's own types.
"""

from __future__ import annotations


class DossierError(Exception):
    """Base of every error dossier raises on purpose."""

    code = "D000"

    def __init__(self, message: str) -> None:
        super().__init__(f"{self.code} {message}")
        self.message = message


class SourceError(DossierError):
    """An input could not be read: unreadable, wrong format, too large, corrupt."""

    code = "D100"

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self) -> tuple:
        # Pickle by constructor arguments (Dask ships errors between processes).
        return (type(self), (self.source, self.reason))


class CleanError(DossierError):
    """A document had no usable body after cleaning."""

    code = "D200"


class StageError(DossierError):
    """A pipeline stage failed on one article."""

    code = "D300"

    def __init__(self, stage: str, article_id: str, reason: str) -> None:
        super().__init__(f"stage {stage!r} failed on article {article_id}: {reason}")
        self.stage = stage
        self.article_id = article_id
        self.reason = reason

    def __reduce__(self) -> tuple:
        return (type(self), (self.stage, self.article_id, self.reason))


class StoreError(DossierError):
    """The SQLite store is unusable or a write was refused."""

    code = "D400"


class StageTimeout(StageError):
    """A stage ran past its per-document time budget and was stopped."""

    code = "D301"


class QueryTimeout(StoreError):
    """A read ran past the time budget it was given (``Store.time_limit``) and was stopped.

    The server turns it into a 503 telling the reader to narrow the search, instead
    of letting one broad query hold a connection and a worker thread for seconds.
    """

    code = "D401"

    def __init__(self, seconds: float) -> None:
        super().__init__(f"the query took longer than {seconds:g} s and was stopped")
        self.seconds = seconds

    def __reduce__(self) -> tuple:
        return (type(self), (self.seconds,))

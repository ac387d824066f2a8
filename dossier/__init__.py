"""dossier: turn a stream of news articles into story dossiers."""

from dossier.errors import CleanError, DossierError, SourceError, StageError, StoreError
from dossier.model import Article, Extraction, RawDocument, Story

__version__ = "0.1.0"

__all__ = [
    "Article",
    "CleanError",
    "DossierError",
    "Extraction",
    "RawDocument",
    "SourceError",
    "StageError",
    "Story",
    "StoreError",
    "__version__",
]

"""dossier.nlp: the project's own English pipeline (spaCy), trained in-project.

Every stage gets it through :func:`load`; training lives in ``dossier.nlp.train``.
"""

from __future__ import annotations

from dossier.nlp.loader import MODEL_DIR, load, load_from

__all__ = ["MODEL_DIR", "load", "load_from"]

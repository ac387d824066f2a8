"""The one way every stage gets dossier's English pipeline.

Loading costs about a second, so it happens once per process (and once per
``disable`` set); stages call :func:`load` wherever they need it instead of
passing a ``Language`` around, which also keeps stage functions picklable.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

import dossier.nlp.credits  # noqa: F401  (registers the "dossier_credits" factory)
import dossier.nlp.entities  # noqa: F401  (registers the "dossier_entities" factory)
import dossier.nlp.gazetteer  # noqa: F401  (registers the "dossier_places" factory)
import dossier.nlp.tokenizer  # noqa: F401  (registers "dossier.news_tokenizer.v1")
from dossier.errors import DossierError

#: The trained pipeline shipped inside the package (see MODEL_CARD.md).
MODEL_DIR = Path(__file__).with_name("model")


def load(disable: Iterable[str] = ()) -> Language:
    """Return the shipped pipeline, loaded once per process and ``disable`` set.

    ``disable`` names components to leave out (e.g. ``("parser",)`` for NER-only
    work); the result is shared, so callers must not add or remove pipes.
    """
    return _load(tuple(sorted(set(disable))), str(MODEL_DIR))


@lru_cache(maxsize=8)
def _load(disable: tuple[str, ...], model_dir: str) -> Language:
    if not (Path(model_dir) / "config.cfg").exists():
        raise DossierError(f"no trained pipeline at {model_dir}; run `dossier train pipeline`")
    return spacy.load(model_dir, exclude=list(disable))


def load_from(path: Path, disable: Iterable[str] = ()) -> Language:
    """Load a pipeline from another directory (training output, tests); also cached."""
    return _load(tuple(sorted(set(disable))), str(path))

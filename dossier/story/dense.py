"""Dense clause vectors: the paraphrase signal word overlap lacks.

Two outlets tell one deed in different words ("opened fire ... killing one man",
"came in, shot and killed another man"). wordllama's averaged token vectors
(bundled weights, loaded once by ``dossier.link.vectors``, never downloaded)
put such wordings closer than TF-IDF does. The signal is weak on its own (two
different things said about one shooting read alike too), so ``merge`` never
lets it decide alone: it is added to the groups' word-centroid cosine, and only
between groups that share some words and a deed and clash on nothing.
"""

from __future__ import annotations

import numpy as np

from dossier.link.vectors import embed, embeddings_available


def clause_vectors(texts: list[str]) -> np.ndarray | None:
    """Unit-length float32 rows, one per text (each distinct text embedded once), or
    None when the embedding model cannot be loaded (matching then uses words only)."""
    if not texts or not embeddings_available():
        return None
    unique = list(dict.fromkeys(texts))
    rows = embed(unique)
    where = {t: i for i, t in enumerate(unique)}
    return rows[[where[t] for t in texts]]


def group_vectors(texts: dict[int, list[str]]) -> dict[int, np.ndarray] | None:
    """Group id -> sum of its texts' unit vectors (None without the model)."""
    flat = [t for group in texts.values() for t in group]
    rows = clause_vectors(flat)
    if rows is None:
        return None
    out, start = {}, 0
    for g, group in texts.items():
        out[g] = rows[start : start + len(group)].sum(axis=0)
        start += len(group)
    return out


def centroid_cosine(a: np.ndarray, b: np.ndarray) -> float:
    """Cosine of two groups' summed unit vectors."""
    norm = float(np.linalg.norm(a) * np.linalg.norm(b))
    return float(a @ b) / norm if norm else 0.0

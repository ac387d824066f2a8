"""Sentence-level text similarity: TF-IDF cosine over normalised content words.

Matching facts by text, not only by extracted events, keeps the dossier useful
when extraction misses a verb or a speaker. Dates, numbers and reporting verbs
are left out of the vectors so that two outlets giving different values for the
same slot still match (that is how contradictions are found).
"""

from __future__ import annotations

import math
import re

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

_EXTRA_STOP = {
    "said", "says", "say", "told", "tell", "according", "stated", "added", "statement", "mr",
    "ms", "mrs", "dr", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "oct", "nov", "dec", "sept",
    "week", "day", "days", "year", "years", "month", "months", "today", "yesterday", "tomorrow",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fifteen", "twenty", "thirty", "dozen", "dozens", "hundred", "thousand", "also",
    "percent", "cent", "million", "billion", "s", "t", "ll", "ve", "d", "re", "m",
}
STOP = frozenset(ENGLISH_STOP_WORDS | _EXTRA_STOP)
#: Overlap is computed as if the smaller clause had at least this many (average) terms.
MIN_OVERLAP_TERMS = 3.5
_SPELLING = {"defence": "defense", "offence": "offense", "labour": "labor", "centre": "center"}
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly")


def stem(word: str) -> str:
    """A crude stemmer: enough to make "refuted"/"refutes" and "calls"/"call" meet."""
    word = _SPELLING.get(word, word)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


#: "2nd" is "second": outlets write ordinals both ways ("the 2nd class", "the second class").
_ORDINALS = dict(enumerate(("first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                            "eighth", "ninth", "tenth"), start=1))
_NOT = re.compile(r"n't\b")
_ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")


def terms(text: str) -> list[str]:
    """Content-word stems of a text, in order."""
    text = _ORDINAL.sub(lambda m: f" {_ORDINALS.get(int(m.group(1)), '')} ", text.lower())
    # "don't" is "do not", not the word "don" (two quotes met on it)
    text = _NOT.sub(" not", text.replace("’", "'").replace("won't", "will not")
                    .replace("can't", "can not"))
    words = [stem(w) for w in re.findall(r"[a-z]+", text)]
    return [w for w in words if w not in STOP and len(w) > 1]


def vectorize(texts: list[str]) -> sparse.csr_matrix:
    """Binary term rows weighted by IDF (unnormalised), one per text, fitted on these texts.

    Binary weights suit clauses, where a repeated word says little; IDF keeps
    "escalation" from weighing like "dirty bomb" within one story.
    """
    if not texts:
        return sparse.csr_matrix((0, 0))
    vectorizer = TfidfVectorizer(analyzer=terms, binary=True, norm=None)
    try:
        return vectorizer.fit_transform(texts).tocsr()
    except ValueError:  # every text empty after stop words
        return sparse.csr_matrix((len(texts), 1))


def similar_pairs(
    matrix: sparse.csr_matrix, groups: list[str], threshold: float, block: int = 512
) -> list[tuple[float, int, int]]:
    """``(score, i, j)`` for rows ``i < j`` of different groups scoring ``threshold`` or more.

    The score averages cosine and the IDF-weighted overlap coefficient (shared
    weight over the smaller row's weight): overlap lets a short clause ("Wallace
    refuted the claims") match the long sentence that contains it. Computed in
    row blocks so a 200-article story never holds the dense clause-by-clause matrix.
    """
    if matrix.shape[0] == 0:
        return []
    group_ids = np.asarray([hash(g) for g in groups])
    mass = np.asarray(matrix.sum(axis=1)).ravel()
    # A clause of one or two words overlaps everything that contains them: floor its size.
    floor = MIN_OVERLAP_TERMS * (float(matrix.data.mean()) if matrix.nnz else 1.0)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    binary = (matrix > 0).astype(np.float64).T.tocsc()
    squared = matrix.T.tocsc()
    out: list[tuple[float, int, int]] = []
    for start in range(0, matrix.shape[0], block):
        rows_block = matrix[start : start + block]
        shared = (rows_block @ binary).tocoo()
        dots = (rows_block @ squared).tocsr()
        rows, cols = shared.row + start, shared.col
        keep = (cols > rows) & (group_ids[rows] != group_ids[cols])
        rows, cols, weight = rows[keep], cols[keep], shared.data[keep]
        if not len(rows):
            continue
        overlap = weight / np.maximum(np.minimum(mass[rows], mass[cols]), floor)
        dot = np.asarray(dots[rows - start, cols]).ravel()
        cos = dot / np.maximum(norms[rows] * norms[cols], 1e-9)
        score = 0.5 * overlap + 0.5 * cos
        good = score >= threshold
        out.extend(zip(score[good].tolist(), rows[good].tolist(), cols[good].tolist(), strict=True))
    return out


def cosine(a: sparse.csr_matrix, b: sparse.csr_matrix) -> float:
    """Cosine of two (unnormalised) sparse rows."""
    norm = float(np.sqrt(a.multiply(a).sum() * b.multiply(b).sum()))
    return float(a.multiply(b).sum()) / norm if norm else 0.0


Weights = dict[int, float]


def row_weights(matrix: sparse.csr_matrix, row: int) -> Weights:
    """One row as ``{term: weight}``: centroids of a few dozen terms add and compare
    faster as dicts than as one-row sparse matrices."""
    start, end = matrix.indptr[row], matrix.indptr[row + 1]
    return dict(zip(matrix.indices[start:end].tolist(), matrix.data[start:end].tolist(),
                    strict=True))


def add_weights(into: Weights, other: Weights) -> Weights:
    for term, weight in other.items():
        into[term] = into.get(term, 0.0) + weight
    return into


def weights_cosine(a: Weights, b: Weights) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b.get(t, 0.0) for t, w in a.items())
    norm = math.sqrt(sum(w * w for w in a.values()) * sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0

"""Text vectors for linking: tokens, proper names, incremental TF-IDF, optional embeddings.

Streaming clustering cannot fit a vectoriser on the whole corpus first, so the
IDF statistics here are updated one article at a time (``DocumentFrequencies``)
and a vector is weighted with the statistics known when its article arrived.
Sparse vectors are plain ``dict[str, float]`` so they pickle compactly and
need no fitted vocabulary.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from dossier.link import encoders

SparseVector = dict[str, float]

_WORD = re.compile(r"[^\W_]+(?:[.'’\-][^\W_]+)*", re.UNICODE)
_NAME = re.compile(r"\b[A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|of|de|van|von|al|bin))*\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?\"“”]\s+|\n\s*)$")
#: Words that start sentences or titles in capitals but name nothing.
_NOT_NAMES = frozenset(
    w.capitalize()
    for w in ENGLISH_STOP_WORDS
    | {
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "said",
        "says",
        "according",
        "read",
        "more",
        "related",
        "photo",
        "image",
        "video",
    }
)
#: Dateline words (month abbreviations, clock and time zones) in any case: "Nov", "AM", "GMT".
_DATELINE_WORDS = frozenset(
    {
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "am",
        "pm",
        "gmt",
        "utc",
        "est",
        "edt",
        "cst",
        "cdt",
        "pst",
        "pdt",
        "et",
        "bst",
        "ist",
        "updated",
        "posted",
        "published",
    }
)
_STOP = frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "mr", "mrs", "ms", "year", "new", "just"}


def tokens(text: str) -> list[str]:
    """Lower-cased content words: the units TF-IDF counts (stop words dropped)."""
    out = []
    for match in _WORD.finditer(text):
        word = match.group().lower().replace("’", "'")
        if word not in _STOP and (len(word) > 1 or word.isdigit()):
            out.append(word)
    return out


def proper_names(text: str) -> list[str]:
    """Capitalised word runs not at a sentence start: a cheap entity signal.

    Used when extraction gave no entities for an article, so that linking still
    sees "Tara Reid" vs "Lindsay Lohan" as the deciding difference between two
    look-alike rehab stories. Returns lower-cased single words of each name so
    that "Mr Wallace" and "Ben Wallace" share ``wallace``. A text in title case
    or capitals throughout ("Gary Ross Will Not Direct Sequel", a bare headline)
    writes no content word in lower case, so its capitals tell nothing: no names.
    (A text in a script without case, Chinese or Arabic, keeps the Latin names
    it quotes: those are what it shares with other languages' reports.)
    """
    names: list[str] = []
    common = _lowercase_words(text)
    if not common - _STOP and _mostly_cased(text):
        return names
    for match in _NAME.finditer(text):
        words = [
            w
            for w in match.group().split()
            if w not in _NOT_NAMES
            and w[:1].isupper()
            and w.lower() not in common
            and w.lower() not in _DATELINE_WORDS
        ]
        if not words:
            continue
        if (
            _SENTENCE_START.search(text[max(0, match.start() - 3) : match.start()])
            and len(words) == 1
        ):
            continue
        names.extend(_strip_possessive(w.lower().replace("’", "'")) for w in words)
    return names


def _mostly_cased(text: str) -> bool:
    """Whether most words are in a script with case (Latin, Cyrillic, Greek)."""
    words = _WORD.findall(text)
    cased = sum(1 for w in words if w.lower() != w.upper())
    return cased * 2 > len(words)


def _lowercase_words(text: str) -> frozenset[str]:
    """Words the text itself writes in lower case: capitalised elsewhere, they are headline
    case ("Quake Levels Villages"), not names."""
    return frozenset(w for w in _WORD.findall(text) if w.islower() and len(w) > 2)


def _strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith("'s") and len(word) > 2 else word


def term_counts(text: str, names: Iterable[str] = ()) -> Counter[str]:
    """Counts of word terms plus ``@name`` terms for proper names (weighted as entities)."""
    counts: Counter[str] = Counter(tokens(text))
    for name in names:
        counts["@" + name] += 1
    return counts


@dataclass
class DocumentFrequencies:
    """Document frequencies updated as articles stream in (the IDF's memory).

    Terms seen in a single document are the bulk of the vocabulary and carry no
    linking evidence until a second document shares them, so memory grows with
    the vocabulary, not with the number of articles.
    """

    n_docs: int = 0
    df: Counter[str] = field(default_factory=Counter)

    def add(self, terms: Iterable[str]) -> None:
        self.n_docs += 1
        self.df.update(set(terms))

    def idf(self, term: str) -> float:
        return math.log((1 + self.n_docs) / (1 + self.df.get(term, 0))) + 1.0


def tfidf(
    counts: Counter[str], dfs: DocumentFrequencies, name_weight: float, full_words: int = 0
) -> SparseVector:
    """Unit-length sublinear TF-IDF vector; ``@name`` terms scaled by ``name_weight``.

    Names are counted twice, as words and as ``@name`` terms, so that a long
    article's few names are not drowned by its many topic words. A headline is
    mostly names already; the extra terms there let one shared place ("Kestrel
    Bay") outweigh what happened. So the ``@name`` weight grows linearly with the
    text's word count, from nothing to full at ``full_words`` words (0: always full).
    """
    if full_words > 0:
        words = sum(n for t, n in counts.items() if not t.startswith("@"))
        name_weight *= min(1.0, words / full_words)
    vec: SparseVector = {}
    for term, count in counts.items():
        weight = (1.0 + math.log(count)) * dfs.idf(term)
        if term.startswith("@"):
            weight *= name_weight
        vec[term] = weight
    return normalize(vec)


def normalize(vec: SparseVector) -> SparseVector:
    norm = math.sqrt(sum(w * w for w in vec.values()))
    return {t: w / norm for t, w in vec.items()} if norm else {}


def norm(vec: SparseVector) -> float:
    return math.sqrt(sum(w * w for w in vec.values()))


def cosine(
    a: SparseVector, b: SparseVector, na: float | None = None, nb: float | None = None
) -> float:
    """Cosine of two sparse vectors; known norms save work.

    Loops over the shorter vector; the products are summed exactly (``fsum``),
    so the result does not depend on the order the terms come in.
    """
    if len(a) > len(b):
        a, b, na, nb = b, a, nb, na
    dot = math.fsum([w * b[t] for t, w in a.items() if t in b])
    if not dot:
        return 0.0
    na = norm(a) if na is None else na
    nb = norm(b) if nb is None else nb
    return dot / (na * nb) if na and nb else 0.0


def top_terms(vec: SparseVector, k: int) -> list[str]:
    """The ``k`` heaviest terms, ties broken by the term so that results are deterministic."""
    return [t for _, t in sorted([(-w, t) for t, w in vec.items()])[:k]]


def prune(vec: SparseVector, k: int) -> SparseVector:
    """Keep the ``k`` heaviest terms so a long-running story's centroid stays bounded."""
    if len(vec) <= k:
        return vec
    return {t: vec[t] for t in top_terms(vec, k)}


# --------------------------------------------------------------------------- embeddings


def embeddings_available(model: str = encoders.DEFAULT) -> bool:
    """Whether the dense encoder ``model`` (see ``dossier.link.encoders``) is installed."""
    return encoders.available(model)


def embed(texts: list[str], model: str = encoders.DEFAULT) -> Any:
    """Unit-length dense vectors of ``texts`` as a float32 matrix, one row per text."""
    import numpy as np

    matrix = np.asarray(encoders.load(model)(texts), dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms


def dense_cosine(a: Any, b: Any) -> float:
    """Cosine of two dense vectors; 0 when either is missing (embeddings switched off)."""
    import numpy as np

    if a is None or b is None:
        return 0.0
    na = float(np.linalg.norm(a))
    nb = float(np.linalg.norm(b))
    return float(np.dot(a, b)) / (na * nb) if na and nb else 0.0

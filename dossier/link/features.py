"""What the linker counts in one article: its words plus its named entities.

Look-alike events (two rehab stays, two earthquakes) share their vocabulary;
what tells them apart is who and where. Names therefore enter the vector as
separate ``@word`` terms weighted up. They come from extraction's entities when
there are any, else from capitalised word runs, so linking works without the
extraction stage.
"""

from __future__ import annotations

import re
from collections import Counter

from dossier.link.vectors import proper_names, term_counts
from dossier.link.years import reference_year, year_evidence
from dossier.model import Article, Extraction

_NAME_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*", re.UNICODE)
__all__ = [
    "article_terms",
    "entity_words",
    "name_conflict",
    "reference_year",
    "salient_names",
    "year_evidence",
]

_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "the"})


def entity_words(extraction: Extraction) -> list[str]:
    """Name words of every entity, once per mention (so salient entities weigh more)."""
    words: list[str] = []
    for entity in extraction.entities:
        name = entity.normalized or entity.name
        parts = [
            w.lower().replace("’", "'")
            for w in _NAME_WORD.findall(name)
            if w.lower() not in _HONORIFICS
        ]
        words.extend(parts * max(1, len(entity.mentions)))
    return words


def article_terms(article: Article, extraction: Extraction | None = None) -> Counter[str]:
    """Word and ``@name`` term counts of the title and body."""
    text = f"{article.title}\n{article.text}" if article.title else article.text
    if extraction is not None and extraction.entities:
        names = entity_words(extraction)
    else:
        names = proper_names(text)
    return term_counts(text, names)


def salient_names(vec: dict[str, float], k: int) -> list[str]:
    """The ``k`` heaviest ``@name`` terms of a vector, ties broken by the term."""
    names = [(w, t) for t, w in vec.items() if t.startswith("@")]
    names.sort(key=lambda wt: (-wt[0], wt[1]))
    return [t for _, t in names[:k]]


def name_conflict(vec: dict[str, float], story: dict[str, float], k: int) -> float:
    """Share of ``vec``'s salient name weight that is not among the story's salient names.

    Look-alike events share their topic words; who and where differ. An article
    about Pierre Thomas's injury whose lead names are absent from the heaviest
    names of the Reggie Bush story is evidence against joining it, however many
    topic words they share. 0 when either side has no names (nothing to judge).
    """
    mine = salient_names(vec, k)
    theirs = set(salient_names(story, 2 * k))
    if not mine or not theirs:
        return 0.0
    total = sum(vec[t] for t in mine)
    return sum(vec[t] for t in mine if t not in theirs) / total if total else 0.0


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
from dossier.model import Article, Extraction

_NAME_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*", re.UNICODE)
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


_YEAR = re.compile(r"(?<![\d/.,-])(19[5-9]\d|20[0-4]\d)(?![\d])")
_MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|novem)[a-z]*\.?"
)
_Y = r"(19[5-9]\d|20[0-4]\d)(?!\d)"
#: Full dates: "Jan 5, 2011", "5 January 2011", "January 5th 2011", "11 / 27 / 2005",
#: "2011-01-05", "/2011/01/" in a URL. A bare year ("his 2006 season") is often history.
_DATE_YEARS = re.compile(
    rf"(?i)\b{_MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?\s*[,-]?\s*{_Y}"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\s*,?\s*{_Y}"
    rf"|\b\d{{1,2}}\s*/\s*\d{{1,2}}\s*/\s*{_Y}"
    rf"|(?<!\d){_Y}\s*[-/]\s*\d{{1,2}}\s*[-/]"
)


def reference_year(article: Article, extraction: Extraction | None = None) -> int | None:
    """The year the article reports on (see ``year_evidence``)."""
    return year_evidence(article, extraction)[0]


def year_evidence(
    article: Article, extraction: Extraction | None = None
) -> tuple[int | None, bool]:
    """The year the article reports on and whether it is firm (a date, not a bare year).

    The publication year when known, else the latest full date the text (or
    its URL) gives: news reports recent events, and it is what keeps two
    look-alike events years apart from merging. Bare years count only when no
    full date is given, and are not firm: "his 2006 season" is background.
    """
    if article.published and article.published[:4].isdigit():
        return int(article.published[:4]), True
    years: list[int] = []
    if extraction is not None:
        years = [int(d.value[:4]) for d in extraction.dates if d.value[:4].isdigit()]
    text = f"{article.url or ''} {article.title} {article.text}"
    if not years:
        years = [int(next(y for y in m.groups() if y)) for m in _DATE_YEARS.finditer(text)]
    if years:
        return max(years), True
    bare = [int(y) for y in _YEAR.findall(text)]
    return (max(bare), False) if bare else (None, False)

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

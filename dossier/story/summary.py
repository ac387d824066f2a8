"""Extractive summary: the sentences behind the most corroborated facts, no repeats."""

from __future__ import annotations

import re

from dossier.model import Fact
from dossier.story.similarity import terms

MAX_SENTENCES = 5
#: A candidate sharing this share of its terms with a chosen sentence repeats it.
REPEAT_OVERLAP = 0.5
MAX_WORDS = 60
#: First-person words, and the verbs that say who speaks them.
_FIRST_PERSON = re.compile(
    r"(?<![\w.])I(?:['’](?:m|ve|d|ll))?(?=\s)|\b(?:[Mm]y|me|[Ww]e|[Ww]e['’]re|[Oo]ur|us)\b")
_ATTRIBUTION = re.compile(r"\b(?:said|says|told|added|according to|wrote|stated)\b")


def summarize(facts: list[Fact], limit: int = MAX_SENTENCES) -> list[str]:
    """Up to ``limit`` sentences covering the best-backed facts, each saying something new.

    Facts are taken in rank order (``rank.rank_facts``: corroboration, background
    demoted, then salience); a fact's sentence is its representative clause's whole
    sentence, skipped when it mostly repeats the words of a sentence already chosen or
    is a first-person line of a quote that does not say whose it is.
    """
    ranked = sorted(facts, key=lambda f: _order(f.id))
    chosen: list[str] = []
    seen: list[set[str]] = []
    for fact in ranked:
        sentence = _sentence(fact)
        words = set(terms(sentence))
        if not words or len(sentence.split()) > MAX_WORDS or _unattributed_quote(sentence):
            continue
        if any(len(words & o) >= REPEAT_OVERLAP * min(len(words), len(o)) for o in seen):
            continue
        chosen.append(sentence)
        seen.append(words)
        if len(chosen) == limit:
            break
    return chosen


def _unattributed_quote(sentence: str) -> bool:
    """A line of a quote without its speaker ("My older brother ... died at age 44"):
    a summary line must say who, and these say "I" to a reader who cannot know."""
    return bool(_FIRST_PERSON.search(sentence)) and not _ATTRIBUTION.search(sentence)


def _sentence(fact: Fact) -> str:
    for evidence in fact.evidence:
        if evidence.text == fact.text:
            return evidence.sentence.strip()
    return fact.evidence[0].sentence.strip() if fact.evidence else fact.text


def _order(fact_id: str) -> int:
    return int(fact_id.lstrip("f") or 0)

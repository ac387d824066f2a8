"""Extractive summary: the sentences behind the most corroborated facts, no repeats."""

from __future__ import annotations

from dossier.model import Fact
from dossier.story.similarity import terms

MAX_SENTENCES = 5
#: A candidate sharing this share of its terms with a chosen sentence repeats it.
REPEAT_OVERLAP = 0.5
MAX_WORDS = 60


def summarize(facts: list[Fact], limit: int = MAX_SENTENCES) -> list[str]:
    """Up to ``limit`` sentences covering the best-backed facts, each saying something new.

    Facts are taken in rank order (``rank.rank_facts``: corroboration, background
    demoted, then salience); a fact's sentence is its representative clause's whole
    sentence, skipped when it mostly repeats the words of a sentence already chosen.
    """
    ranked = sorted(facts, key=lambda f: _order(f.id))
    chosen: list[str] = []
    seen: list[set[str]] = []
    for fact in ranked:
        sentence = _sentence(fact)
        words = set(terms(sentence))
        if not words or len(sentence.split()) > MAX_WORDS:
            continue
        if any(len(words & o) >= REPEAT_OVERLAP * min(len(words), len(o)) for o in seen):
            continue
        chosen.append(sentence)
        seen.append(words)
        if len(chosen) == limit:
            break
    return chosen


def _sentence(fact: Fact) -> str:
    for evidence in fact.evidence:
        if evidence.text == fact.text:
            return evidence.sentence.strip()
    return fact.evidence[0].sentence.strip() if fact.evidence else fact.text


def _order(fact_id: str) -> int:
    return int(fact_id.lstrip("f") or 0)

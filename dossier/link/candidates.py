"""Candidate search: which few stories a new article should be compared with.

Comparing each article with every story costs O(stories). Instead each story
is posted under the heaviest terms of the articles it absorbed, and each
posting list keeps only the ``cap`` most recently updated stories. A query
reads ``k`` posting lists of at most ``cap`` entries, so the cost per article
is bounded by ``k * cap`` whether 10k or 1M articles are stored; frequent terms
simply forget old stories, while the rare terms (names, places) that actually
identify a story keep pointing at it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field


@dataclass
class CandidateIndex:
    """Inverted index term -> recently updated stories posted under it."""

    cap: int = 64
    postings: dict[str, dict[str, None]] = field(default_factory=lambda: defaultdict(dict))

    def post(self, story_id: str, terms: list[str]) -> None:
        """Record that ``story_id`` was just updated with these terms (moves it to the front)."""
        for term in terms:
            plist = self.postings[term]
            plist.pop(story_id, None)
            plist[story_id] = None
            if len(plist) > self.cap:
                del plist[next(iter(plist))]

    def query(self, weighted_terms: dict[str, float], limit: int) -> list[str]:
        """Up to ``limit`` story ids sharing the most term weight, best first, ties by id."""
        scores: dict[str, float] = defaultdict(float)
        for term, weight in weighted_terms.items():
            plist = self.postings.get(term)
            if plist:
                for story_id in plist:
                    scores[story_id] += weight
        ranked = sorted([(-score, story_id) for story_id, score in scores.items()])
        return [story_id for _, story_id in ranked[:limit]]

    def rename(self, old: str, new: str, terms: list[str]) -> None:
        """After a merge: post ``new`` where ``old`` was (``old`` is dropped lazily)."""
        self.post(new, terms)
        for term in terms:
            self.postings[term].pop(old, None)

    def __getstate__(self) -> dict:
        return {"cap": self.cap, "postings": dict(self.postings)}

    def __setstate__(self, state: dict) -> None:
        self.cap = state["cap"]
        self.postings = defaultdict(dict, state["postings"])

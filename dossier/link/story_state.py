"""What the linker remembers about one story, and the small helpers that name and date it.

Kept apart from the linker so that the clustering logic reads on its own; a
story's state is plain data (picklable) so the whole linker persists as bytes.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dossier.link.vectors import SparseVector
from dossier.model import Article

_SENTENCE_END = re.compile(r"[.!?][\"'”’]?(?=\s)")
#: Short capitalised words that end in a full stop without ending the sentence.
_ABBREVIATION = re.compile(r"(?:\b[A-Z][a-z]{0,3}|\b(?:[A-Za-z]\.)+[A-Za-z]|\bNo|\bSt)\.$")


def story_id_for(article_id: str) -> str:
    """Deterministic story id from the founding article's id."""
    return "st-" + hashlib.sha1(article_id.encode()).hexdigest()[:16]


def day_of(published: str | None) -> int | None:
    """Day number of an ISO date (time part ignored), or ``None`` when unknown or garbled."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


@dataclass
class _StoryState:
    """What the linker remembers about one story (centroid dropped once it is retired)."""

    id: str
    tick: int
    title: str
    article_ids: list[str] = field(default_factory=list)
    centroid: SparseVector = field(default_factory=dict)
    dense: Any = None
    first_day: int | None = None
    last_day: int | None = None
    last_tick: int = 0
    first_date: str | None = None
    last_date: str | None = None
    outlets: list[str] = field(default_factory=list)
    active: bool = True
    members: list[SparseVector] = field(default_factory=list)
    years: dict[int, float] = field(default_factory=dict)
    norm: float = 0.0
    #: Whether ``title`` is a real headline (else a lead sentence standing in for one).
    titled: bool = True

    def retitle(self, article: Article) -> None:
        """Give an untitled story the first real headline that arrives, else a lead sentence."""
        if self.titled and self.title:
            return
        if article.title:
            self.title, self.titled = article.title, True
        elif not self.title:
            self.title, self.titled = lead_title(article.text), False


def _first_sentence(text: str) -> str:
    """Text up to the first full stop that is not an abbreviation's ("Oct.", "Mr.", "U.S.")."""
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if not _ABBREVIATION.search(text[max(0, match.start() - 8) : match.start() + 1]):
            return text[:end]
    return text


def lead_title(text: str, max_words: int = 14) -> str:
    """A readable stand-in headline: the first sentence, cut to ``max_words`` with an ellipsis."""
    words = _first_sentence(text.strip().split("\n", 1)[0]).split()
    if len(words) <= max_words:
        return " ".join(words)
    return " ".join(words[:max_words]).rstrip(",;:-") + "…"



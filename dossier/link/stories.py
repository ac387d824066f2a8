"""Streaming story clustering: each article joins the most similar active story or opens one.

An article is compared only with the stories the candidate index proposes
(``candidates.py``), using the cosine of its TF-IDF vector (names weighted up)
with each story's centroid, optionally blended with a dense embedding cosine,
minus a penalty growing with the time gap. After every join the grown story is
checked against its own neighbours and merged into an older one when their
centroids have become alike: evidence that arrives later can unite two stories
that started apart. Story ids derive from the founding article's id, and a merge
keeps the older id, so the same input always yields the same ids.
"""

from __future__ import annotations

import pickle
import zlib
from collections import deque
from collections.abc import Iterable
from typing import Any

from dossier.link.candidates import CandidateIndex
from dossier.link.config import LinkConfig
from dossier.link.duplicates import DuplicateIndex
from dossier.link.features import (
    article_terms,
    name_conflict,
    year_evidence,
)
from dossier.link.story_state import _StoryState, day_of, lead_title, story_id_for
from dossier.link.vectors import (
    DocumentFrequencies,
    SparseVector,
    cosine,
    dense_cosine,
    embed,
    norm,
    prune,
    tfidf,
    top_terms,
)
from dossier.link.years import profile_clash, year_clash, year_weight
from dossier.model import Article, Extraction, Story, StoryAssignment

__all__ = ["Linker", "lead_title", "link_all", "publication_order", "story_id_for"]

STATE_VERSION = 1


class Linker:
    """Assign articles to stories one at a time; persist with ``state()``/``from_state()``."""

    def __init__(self, config: LinkConfig | None = None) -> None:
        self.config = config or LinkConfig()
        self._dfs = DocumentFrequencies()
        self._dups = DuplicateIndex(
            threshold=self.config.duplicate_threshold,
            num_perm=self.config.duplicate_num_perm,
            capacity=self.config.duplicate_capacity,
            window_days=self.config.window_days,
            max_candidates=self.config.duplicate_candidates,
        )
        self._index = CandidateIndex(cap=self.config.postings_cap)
        self._stories: dict[str, _StoryState] = {}
        self._redirect: dict[str, str] = {}
        self._assigned: dict[str, tuple[str, str | None]] = {}
        self._activity: deque[tuple[int, str]] = deque()
        self._tick = 0
        self._day: int | None = None

    # ------------------------------------------------------------------ public API

    def add(self, article: Article, extraction: Extraction | None = None) -> StoryAssignment:
        """Assign ``article`` to a story (streaming) and return where it went."""
        if article.id in self._assigned:
            story_id, dup = self._assigned[article.id]
            return StoryAssignment(article.id, self._resolve(story_id), dup)
        self._tick += 1
        day = day_of(article.published)
        if day is not None:
            self._day = day if self._day is None else max(self._day, day)
        original = self._dups.add(article.id, article.text or article.title, day)
        if original is not None and original in self._assigned:
            story = self._stories[self._resolve(self._assigned[original][0])]
            self._attach(story, article, day, duplicate=True)
            self._assigned[article.id] = (story.id, original)
            return StoryAssignment(article.id, story.id, original)
        vec, dense = self._vectorise(article, extraction)
        year, firm = year_evidence(article, extraction)
        # How much the year clash counts for this article: a bare year is weak evidence.
        self._year_weight = year_weight(firm, self.config.bare_year_weight)
        story = self._best_story(vec, dense, day, year)
        if story is None:
            story = _StoryState(id=story_id_for(article.id), tick=self._tick, title="")
            self._stories[story.id] = story
        self._absorb(story, vec, dense, year)
        self._attach(story, article, day, duplicate=False)
        self._index.post(story.id, top_terms(vec, self.config.index_terms))
        self._assigned[article.id] = (story.id, None)
        self._maybe_merge(story)
        self._retire()
        return StoryAssignment(article.id, self._resolve(story.id), None)

    def stories(self) -> list[Story]:
        """Current stories (merges applied), in founding order."""
        live = sorted(self._stories.values(), key=lambda s: s.tick)
        return [
            Story(
                id=s.id,
                article_ids=list(s.article_ids),
                title=s.title,
                first_date=s.first_date,
                last_date=s.last_date,
                outlets=list(s.outlets),
            )
            for s in live
        ]

    def assignments(self) -> dict[str, StoryAssignment]:
        """Every article's current story (after merges) and near-duplicate original."""
        return {
            aid: StoryAssignment(aid, self._resolve(sid), dup)
            for aid, (sid, dup) in self._assigned.items()
        }

    def state(self) -> bytes:
        """Everything needed to continue linking later, as compressed bytes."""
        payload = {k: v for k, v in self.__dict__.items()}
        return zlib.compress(pickle.dumps((STATE_VERSION, payload), protocol=5), 6)

    @classmethod
    def from_state(cls, data: bytes) -> Linker:
        """Rebuild a linker saved by ``state()``; linking continues exactly where it stopped."""
        version, payload = pickle.loads(zlib.decompress(data))
        if version != STATE_VERSION:
            raise ValueError(f"linker state version {version}, expected {STATE_VERSION}")
        linker = cls.__new__(cls)
        linker.__dict__.update(payload)
        return linker

    # ------------------------------------------------------------------ internals

    def _vectorise(
        self, article: Article, extraction: Extraction | None
    ) -> tuple[SparseVector, Any]:
        counts = article_terms(article, extraction)
        self._dfs.add(counts)
        vec = tfidf(counts, self._dfs, self.config.name_weight, self.config.name_full_words)
        dense = None
        if self.config.dense_weight > 0:
            dense = embed([f"{article.title}\n{article.text}"], self.config.dense_model)[0]
        return vec, dense

    def _similarity(
        self, vec: SparseVector, dense: Any, day: int | None, year: int | None, story: _StoryState
    ) -> float:
        cfg = self.config
        score = cosine(vec, story.centroid, 1.0, story.norm)
        if cfg.member_weight > 0 and story.members:
            nearest = max(cosine(vec, m) for m in story.members)
            score = (1 - cfg.member_weight) * score + cfg.member_weight * nearest
        weight = getattr(self, "_year_weight", 1.0)
        score -= cfg.year_penalty * weight * year_clash(year, story.years, cfg.year_gap)
        if cfg.name_penalty > 0:
            score -= cfg.name_penalty * name_conflict(vec, story.centroid, cfg.salient_names)
        if cfg.dense_weight > 0:
            score = (1 - cfg.dense_weight) * score + cfg.dense_weight * dense_cosine(
                dense, story.dense
            )
        gap = self._gap(day, story.first_day, story.last_day)
        if gap is not None:
            if gap > cfg.window_days:
                return float("-inf")
            score -= cfg.time_penalty * gap / cfg.window_days
        return score

    @staticmethod
    def _gap(day: int | None, first: int | None, last: int | None) -> int | None:
        if day is None or first is None or last is None:
            return None
        return max(0, first - day, day - last)

    def _best_story(
        self, vec: SparseVector, dense: Any, day: int | None, year: int | None
    ) -> _StoryState | None:
        query = {t: vec[t] for t in top_terms(vec, self.config.index_terms)}
        best: tuple[float, int, _StoryState] | None = None
        for sid in self._candidates(query):
            story = self._stories[sid]
            score = self._similarity(vec, dense, day, year, story)
            if score >= self.config.join_threshold and (
                best is None or (score, -story.tick) > best[:2]
            ):
                best = (score, -story.tick, story)
        return best[2] if best else None

    def _candidates(self, query: dict[str, float], exclude: str | None = None) -> list[str]:
        seen: list[str] = []
        for sid in self._index.query(query, self.config.candidates * 2):
            sid = self._resolve(sid)
            story = self._stories.get(sid)
            if sid != exclude and sid not in seen and story is not None and story.active:
                seen.append(sid)
        return seen[: self.config.candidates]

    def _absorb(self, story: _StoryState, vec: SparseVector, dense: Any, year: int | None) -> None:
        if year is not None:
            weight = getattr(self, "_year_weight", 1.0)
            story.years[year] = story.years.get(year, 0.0) + weight
        if self.config.member_weight > 0:
            story.members.append(prune(vec, self.config.member_terms))
            del story.members[: -self.config.members_kept]
        centroid = story.centroid
        for term, weight in vec.items():
            centroid[term] = centroid.get(term, 0.0) + weight
        story.centroid = prune(centroid, self.config.centroid_terms)
        story.norm = norm(story.centroid)
        if dense is not None:
            story.dense = dense.copy() if story.dense is None else story.dense + dense

    def _attach(
        self, story: _StoryState, article: Article, day: int | None, duplicate: bool
    ) -> None:
        story.article_ids.append(article.id)
        story.retitle(article)
        story.last_tick = self._tick
        self._activity.append((self._tick, story.id))
        if article.outlet and not duplicate and article.outlet not in story.outlets:
            story.outlets.append(article.outlet)
        if day is not None:
            story.first_day = day if story.first_day is None else min(story.first_day, day)
            story.last_day = day if story.last_day is None else max(story.last_day, day)
            iso = article.published[:10]
            story.first_date = min(filter(None, [story.first_date, iso]))
            story.last_date = max(filter(None, [story.last_date, iso]))

    def _maybe_merge(self, story: _StoryState) -> None:
        query = {t: story.centroid[t] for t in top_terms(story.centroid, self.config.index_terms)}
        best: tuple[float, _StoryState] | None = None
        for sid in self._candidates(query, exclude=story.id)[: self.config.merge_candidates]:
            other = self._stories[sid]
            score = self._story_similarity(story, other)
            if score >= self.config.merge_threshold and (best is None or score > best[0]):
                best = (score, other)
        if best is not None:
            self._merge(story, best[1])

    def _story_similarity(self, a: _StoryState, b: _StoryState) -> float:
        cfg = self.config
        score = cosine(a.centroid, b.centroid, a.norm, b.norm)
        score -= cfg.year_penalty * profile_clash(a.years, b.years, cfg.year_gap)
        if cfg.name_penalty > 0:
            score -= cfg.name_penalty * max(
                name_conflict(a.centroid, b.centroid, cfg.salient_names),
                name_conflict(b.centroid, a.centroid, cfg.salient_names),
            )
        if cfg.dense_weight > 0:
            score = (1 - cfg.dense_weight) * score + cfg.dense_weight * dense_cosine(
                a.dense, b.dense
            )
        if a.first_day is not None and b.first_day is not None:
            gap = max(0, a.first_day - b.last_day, b.first_day - a.last_day)
            if gap > cfg.window_days:
                return float("-inf")
            score -= cfg.time_penalty * gap / cfg.window_days
        return score

    def _merge(self, a: _StoryState, b: _StoryState) -> None:
        """Fold the younger story into the older one; the older id survives."""
        old, young = (a, b) if a.tick < b.tick else (b, a)
        for term, weight in young.centroid.items():
            old.centroid[term] = old.centroid.get(term, 0.0) + weight
        old.centroid = prune(old.centroid, self.config.centroid_terms)
        old.norm = norm(old.centroid)
        if young.dense is not None:
            old.dense = young.dense if old.dense is None else old.dense + young.dense
        old.article_ids.extend(young.article_ids)
        if not getattr(old, "titled", True) and getattr(young, "titled", True) and young.title:
            old.title, old.titled = young.title, True
        old.outlets.extend(o for o in young.outlets if o not in old.outlets)
        for attr, pick in (
            ("first_day", min),
            ("last_day", max),
            ("first_date", min),
            ("last_date", max),
        ):
            values = [v for v in (getattr(old, attr), getattr(young, attr)) if v is not None]
            setattr(old, attr, pick(values) if values else None)
        old.last_tick = max(old.last_tick, young.last_tick)
        for year, n in young.years.items():
            old.years[year] = old.years.get(year, 0) + n
        old.members = (old.members + young.members)[-self.config.members_kept :]
        self._redirect[young.id] = old.id
        del self._stories[young.id]
        self._index.rename(young.id, old.id, top_terms(old.centroid, self.config.index_terms))

    def _resolve(self, story_id: str) -> str:
        path = []
        while story_id in self._redirect:
            path.append(story_id)
            story_id = self._redirect[story_id]
        for sid in path:
            self._redirect[sid] = story_id
        return story_id

    def _retire(self) -> None:
        """Stop offering stories that have been quiet too long; drop their vectors."""
        cfg = self.config
        while self._activity:
            tick, sid = self._activity[0]
            story = self._stories.get(self._resolve(sid))
            stale_ticks = self._tick - tick > cfg.window_articles
            stale_days = (
                story is not None
                and story.last_day is not None
                and self._day is not None
                and self._day - story.last_day > cfg.window_days
            )
            if not (stale_ticks or stale_days):
                break
            self._activity.popleft()
            if (
                story is not None
                and story.active
                and (stale_days or self._tick - story.last_tick > cfg.window_articles)
            ):
                story.active = False
                story.centroid = {}
                story.dense = None
                story.members = []


def link_all(
    articles: Iterable[Article],
    extractions: Iterable[Extraction] | None = None,
    config: LinkConfig | None = None,
) -> tuple[list[Story], dict[str, StoryAssignment]]:
    """Link a batch deterministically: sort by publication date, then stream through a fresh Linker.

    Undated articles inherit the date of the article before them in arrival order,
    so they keep their arrival position among dated ones.
    """
    by_id = {e.article_id: e for e in extractions or ()}
    ordered = sorted(_publication_keys(list(articles)))
    linker = Linker(config)
    for _, _, article in ordered:
        linker.add(article, by_id.get(article.id))
    return linker.stories(), linker.assignments()


def _publication_keys(articles: list[Article]) -> list[tuple[str, int, Article]]:
    keys = []
    last = ""
    for index, article in enumerate(articles):
        if article.published:
            last = article.published
        keys.append((last, index, article))
    return keys


def publication_order(articles: Iterable[Article]) -> list[Article]:
    """The order ``link_all`` streams articles in; the store's linking job uses it too."""
    return [article for _, _, article in sorted(_publication_keys(list(articles)))]

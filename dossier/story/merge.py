"""Merging facts: a second pass that joins groups of clauses saying the same thing.

The first pass (``facts.group``) links single clauses and keeps one clause per
article, so an outlet that says a thing twice (its lead, then the statement it
quotes) or two outlets that word it far apart leave several facts for one. Here
whole groups are compared by what they are about: who (the same canonical speaker
or doer), what (the same class of speech act or deed), when (confident dates that
agree, the story's own time or background) and their words. Groups sharing who
and what merge on modest similarity; groups sharing neither need clearly the same
words; a clash on any of them (another speaker, a claim against its rebuttal,
another day, another incident's counts) keeps them apart.

Paraphrases share few words, so a second round adds meaning (``dense``): groups
that share some words (a candidate pair) and a deed, and clash on nothing, merge
when their dense cosine plus their word-centroid cosine reaches ``MEANING_MIN``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from dossier.story.actions import GENERIC_AGENTS, deed_classes
from dossier.story.clauses import Clause
from dossier.story.counts import Count, same_incident
from dossier.story.dates import confident_dates
from dossier.story.dense import centroid_cosine, group_vectors
from dossier.story.people import known_person
from dossier.story.similarity import add_weights, row_weights, weights_cosine
from dossier.story.speakers import ORG_WORDS, RESPONSE_ACTS

#: Best clause pair and centroid cosine needed when two groups share who and what.
SHARED_PAIR, SHARED_CENTROID = 0.3, 0.2
#: ... and when they share neither (nor clash): the words must say it.
PLAIN_PAIR, PLAIN_CENTROID = 0.55, 0.45
#: Dense centroid cosine + word centroid cosine at which two groups telling one deed are
#: one fact. Chosen on the ECB+ train split (``dossier eval fact-threshold``): the
#: lowest value at which hand-labelled candidate pairs are at least 70% one fact and
#: merges across a topic's two look-alike events stay under a tenth of those it allows.
MEANING_MIN = 0.9
#: Speech acts merged as one family: all rebuttals answer alike.
ACT_FAMILY = {**dict.fromkeys(RESPONSE_ACTS - {"backed"}, "rebut"), "backed": "backed",
              "claim": "claim", "warn": "warn"}


@dataclass
class Profile:
    """What a group of clauses is about: who, which act or deed, which days, which words."""

    centroid: dict[int, float]
    speakers: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)
    acts: set[str] = field(default_factory=set)
    actions: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    #: Every deed class the clauses tell, participles included (``actions.deed_classes``).
    deeds: set[str] = field(default_factory=set)
    numbers: list[Count] = field(default_factory=list)
    #: Background clauses and all clauses (``background.mark_background``).
    background: list[int] = field(default_factory=lambda: [0, 0])
    vector: np.ndarray | None = None

    def absorb(self, other: Profile) -> None:
        add_weights(self.centroid, other.centroid)
        for name in ("speakers", "actors", "acts", "actions", "dates", "deeds"):
            getattr(self, name).update(getattr(other, name))
        self.numbers += other.numbers
        self.background = [a + b for a, b in zip(self.background, other.background, strict=True)]
        if self.vector is not None and other.vector is not None:
            self.vector = self.vector + other.vector

    @property
    def is_background(self) -> bool:
        return 2 * self.background[0] > self.background[1]


def profile(members: list[Clause], matrix: sparse.csr_matrix) -> Profile:
    out = Profile({})
    for c in members:
        add_weights(out.centroid, row_weights(matrix, c.index))
        if c.speaker and known_person(c.speaker):
            out.speakers.add(c.speaker)
        if c.actor and known_person(c.actor):
            out.actors.add(c.actor)
        if c.act in ACT_FAMILY:
            out.acts.add(ACT_FAMILY[c.act])
        if c.action and c.action != "statement":
            out.actions.add(c.action)
        out.dates.update(d.value for d in confident_dates(c))
        out.deeds.update(deed_classes(c.text))
        out.numbers += c.numbers
        out.background[0] += c.background
        out.background[1] += 1
    return out


def relation(a: Profile, b: Profile) -> str:
    """``"clash"``, ``"shared"`` (same who and what) or ``"none"`` between two groups."""
    if a.is_background != b.is_background or not same_incident(a.numbers, b.numbers):
        return "clash"
    deeds_a, deeds_b = a.actions | a.deeds, b.actions | b.deeds
    for left, right in ((a.acts, b.acts), (deeds_a, deeds_b), (a.dates, b.dates)):
        if left and right and not left & right:
            return "clash"
    for left, right in ((a.speakers, b.speakers), (a.actors, b.actors)):
        left, right = _named(left), _named(right)
        if left and right and not _same_people(left, right):
            return "clash"
    said = _same_people(a.speakers, b.speakers) and a.acts & b.acts
    done = _same_people(a.actors, b.actors) and a.actions & b.actions
    return "shared" if said or done else "none"


def same_frame(a: Profile, b: Profile) -> bool:
    """One deed told by both: what lets meaning merge them. A shared speaker is not
    enough: "X said A" and "X said B" read alike to averaged word vectors."""
    return bool((a.actions | a.deeds) & (b.actions | b.deeds))


def _named(names: set[str]) -> set[str]:
    """People's names: "police", "officials" or "Vancouver police" speak through anyone
    ("Tim Fanning" among them), so they never clash with a person."""
    return {n for n in names
            if n.lower() not in GENERIC_AGENTS and n.split()[-1].lower() not in ORG_WORDS}


def _same_people(left: set[str], right: set[str]) -> bool:
    surnames = {n.split()[-1] for n in left}
    return any(n.split()[-1] in surnames for n in right)


class _Groups:
    """Union-find over first-pass groups, each root holding its merged profile."""

    def __init__(self, groups: list[list[int]], clauses: list[Clause], matrix: sparse.csr_matrix):
        self.groups, self.clauses = groups, clauses
        self.parent = list(range(len(groups)))
        self.profiles = {g: profile([clauses[i] for i in m], matrix) for g, m in enumerate(groups)}

    def find(self, g: int) -> int:
        while self.parent[g] != g:
            self.parent[g] = self.parent[self.parent[g]]
            g = self.parent[g]
        return g

    def union(self, ra: int, rb: int) -> None:
        self.parent[rb] = ra
        self.profiles[ra].absorb(self.profiles.pop(rb))

    def merged(self) -> list[list[int]]:
        out: dict[int, list[int]] = {}
        for g, members in enumerate(self.groups):
            out.setdefault(self.find(g), []).extend(members)
        return [sorted(m) for m in out.values()]


def merge_groups(
    groups: list[list[int]], clauses: list[Clause], pairs: list[tuple[float, int, int]],
    matrix: sparse.csr_matrix, dense: bool = True,
) -> list[list[int]]:
    """Join groups that say the same thing; ``pairs`` are scored clause pairs (any articles).

    Words first (best clause pair, then word centroids), then, with ``dense``,
    meaning plus words (``MEANING_MIN``) between candidate groups sharing a deed.
    """
    group_of = {i: g for g, members in enumerate(groups) for i in members}
    best: Counter[tuple[int, int]] = Counter()
    for sim, i, j in pairs:
        a, b = sorted((group_of[i], group_of[j]))
        if a != b and sim > best[(a, b)]:
            best[(a, b)] = sim
    state = _Groups(groups, clauses, matrix)
    for (a, b), sim in sorted(best.items(), key=lambda kv: -kv[1]):
        ra, rb = state.find(a), state.find(b)
        if ra == rb:
            continue
        pa, pb = state.profiles[ra], state.profiles[rb]
        kind = relation(pa, pb)
        pair_min, centroid_min = (SHARED_PAIR, SHARED_CENTROID) if kind == "shared" else (
            PLAIN_PAIR, PLAIN_CENTROID)
        if kind == "clash" or sim < pair_min:
            continue
        if weights_cosine(pa.centroid, pb.centroid) < centroid_min:
            continue
        state.union(ra, rb)
    if dense:
        _merge_by_meaning(state, list(best))
    return state.merged()


def dense_candidates(state: _Groups, candidates: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Root pairs still apart that share a deed and clash on nothing."""
    out = set()
    for a, b in candidates:
        ra, rb = sorted((state.find(a), state.find(b)))
        if ra == rb or (ra, rb) in out:
            continue
        pa, pb = state.profiles[ra], state.profiles[rb]
        if relation(pa, pb) != "clash" and same_frame(pa, pb):
            out.add((ra, rb))
    return sorted(out)


def _merge_by_meaning(state: _Groups, candidates: list[tuple[int, int]]) -> None:
    roots = dense_candidates(state, candidates)
    if not roots:
        return
    wanted = {g for pair in roots for g in pair}
    members: dict[int, list[str]] = {}
    for g, clause_ids in enumerate(state.groups):
        if state.find(g) in wanted:
            members.setdefault(state.find(g), []).extend(state.clauses[i].text for i in clause_ids)
    vectors = group_vectors(members)
    if vectors is None:
        return
    for g, vector in vectors.items():
        state.profiles[g].vector = vector
    scored = [(meaning(state.profiles[a], state.profiles[b]), a, b) for a, b in roots]
    for _, a, b in sorted((s for s in scored if s[0] >= MEANING_MIN), reverse=True):
        ra, rb = state.find(a), state.find(b)
        if ra == rb:
            continue
        pa, pb = state.profiles[ra], state.profiles[rb]
        if relation(pa, pb) != "clash" and meaning(pa, pb) >= MEANING_MIN:
            state.union(ra, rb)


def meaning(a: Profile, b: Profile) -> float:
    """Dense centroid cosine plus word centroid cosine (0 to 2); words keep meaning on topic."""
    if a.vector is None or b.vector is None:
        return 0.0
    return centroid_cosine(a.vector, b.vector) + weights_cosine(a.centroid, b.centroid)

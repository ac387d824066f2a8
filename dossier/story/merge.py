"""Merging facts: a second pass that joins groups of clauses saying the same thing.

The first pass (``facts.group``) links single clauses and keeps one clause per
article, so an outlet that says a thing twice (its lead, then the statement it
quotes) or two outlets that word it far apart leave several facts for one. Here
whole groups are compared by what they are about: who (the same canonical speaker
or doer), what (the same class of speech act or deed), when (confident dates that
agree) and their words. Groups sharing who and what merge on modest similarity;
groups sharing neither need clearly the same words; a clash on any of them
(another speaker, a claim against its rebuttal, another day) keeps them apart.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from scipy import sparse

from dossier.story.clauses import RESPONSE_ACTS, Clause
from dossier.story.dates import confident_dates
from dossier.story.people import known_person
from dossier.story.similarity import add_weights, row_weights, weights_cosine

#: Best clause pair and centroid cosine needed when two groups share who and what.
SHARED_PAIR, SHARED_CENTROID = 0.3, 0.2
#: ... and when they share neither (nor clash): the words must say it.
PLAIN_PAIR, PLAIN_CENTROID = 0.55, 0.45
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

    def absorb(self, other: Profile) -> None:
        add_weights(self.centroid, other.centroid)
        for name in ("speakers", "actors", "acts", "actions", "dates"):
            getattr(self, name).update(getattr(other, name))


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
    return out


def relation(a: Profile, b: Profile) -> str:
    """``"clash"``, ``"shared"`` (same who and what) or ``"none"`` between two groups."""
    for left, right in ((a.acts, b.acts), (a.actions, b.actions), (a.dates, b.dates)):
        if left and right and not left & right:
            return "clash"
    for left, right in ((a.speakers, b.speakers), (a.actors, b.actors)):
        if left and right and not _same_people(left, right):
            return "clash"
    said = _same_people(a.speakers, b.speakers) and a.acts & b.acts
    done = _same_people(a.actors, b.actors) and a.actions & b.actions
    return "shared" if said or done else "none"


def _same_people(left: set[str], right: set[str]) -> bool:
    surnames = {n.split()[-1] for n in left}
    return any(n.split()[-1] in surnames for n in right)


def merge_groups(
    groups: list[list[int]], clauses: list[Clause], pairs: list[tuple[float, int, int]],
    matrix: sparse.csr_matrix,
) -> list[list[int]]:
    """Join groups that say the same thing; ``pairs`` are scored clause pairs (any articles)."""
    group_of = {i: g for g, members in enumerate(groups) for i in members}
    best: Counter[tuple[int, int]] = Counter()
    for sim, i, j in pairs:
        a, b = sorted((group_of[i], group_of[j]))
        if a != b and sim > best[(a, b)]:
            best[(a, b)] = sim
    profiles = {g: profile([clauses[i] for i in m], matrix) for g, m in enumerate(groups)}
    parent = list(range(len(groups)))

    def find(g: int) -> int:
        while parent[g] != g:
            parent[g] = parent[parent[g]]
            g = parent[g]
        return g

    for (a, b), sim in sorted(best.items(), key=lambda kv: -kv[1]):
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        pa, pb = profiles[ra], profiles[rb]
        kind = relation(pa, pb)
        pair_min, centroid_min = (SHARED_PAIR, SHARED_CENTROID) if kind == "shared" else (
            PLAIN_PAIR, PLAIN_CENTROID)
        if kind == "clash" or sim < pair_min:
            continue
        if weights_cosine(pa.centroid, pb.centroid) < centroid_min:
            continue
        parent[rb] = ra
        pa.absorb(profiles.pop(rb))
    merged: dict[int, list[int]] = {}
    for g, members in enumerate(groups):
        merged.setdefault(find(g), []).extend(members)
    return [sorted(m) for m in merged.values()]

"""Ranking facts: the ones that matter first, background colour dropped.

A story of twenty articles yields a hundred-odd clause groups, most of them one
outlet's colour ("Well, here's something we all knew would happen"). Facts are
ordered by corroboration (independent outlets), then by salience: how central
their words are to the story, whether an article leads with them, whether they
name who did or said something, whether they carry a deed, a speech act, a count
or a date. A single-outlet fact with no one acting and nothing happening, or a
bare fragment ("Following their call on Sunday,"), is dropped.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict

import numpy as np
from scipy import sparse

from dossier.model import Fact
from dossier.story import text as T
from dossier.story.clauses import Clause
from dossier.story.dates import confident_dates
from dossier.story.merge import ACT_FAMILY
from dossier.story.people import known_person

#: Lead bonus by a clause's position in its article (0 = first clause).
LEAD_BONUS = (1.0, 0.5, 0.25)
#: A clause with fewer words, or one left hanging on a comma, is a fragment.
FRAGMENT_WORDS = 6
#: Single-outlet facts kept per story, most salient first: enough for what only one
#: outlet says, too few for every outlet's background paragraph.
SINGLE_BUDGET = 25

Built = tuple[Fact, list[Clause]]


def rank_facts(built: list[Built], clauses: list[Clause], matrix: sparse.csr_matrix) -> list[Built]:
    """Keep the facts worth reading, best first: corroboration, then salience."""
    names = recurring_names(clauses)
    central = centrality([[c.index for c in members] for _, members in built], matrix)
    scored = []
    for (fact, members), focus in zip(built, central, strict=True):
        actor = has_actor(fact, members, names)
        deed = is_informative(members)
        if fact.corroboration < 2 and (is_fragment(members) or not (actor or deed)):
            continue
        score = focus + salience(members) + 0.5 * actor + 0.5 * deed
        # Nobody acting and nothing happening: demoted to half its backing.
        tier = fact.corroboration * (1.0 if actor or deed else 0.5)
        scored.append((tier, score, -members[0].index, fact, members))
    scored.sort(key=lambda s: s[:3], reverse=True)
    singles = 0
    kept = []
    for *_, fact, members in scored:
        singles += fact.corroboration < 2
        if fact.corroboration >= 2 or singles <= SINGLE_BUDGET:
            kept.append((fact, members))
    return kept


def centrality(groups: list[list[int]], matrix: sparse.csr_matrix) -> np.ndarray:
    """Cosine of each group's summed clause rows with the whole story's: how on-topic it is."""
    if not groups or matrix.shape[0] == 0:
        return np.zeros(len(groups))
    rows = [i for g, members in enumerate(groups) for i in members]
    cols = [g for g, members in enumerate(groups) for _ in members]
    membership = sparse.csr_matrix((np.ones(len(rows)), (cols, rows)),
                                   shape=(len(groups), matrix.shape[0]))
    centroids = membership @ matrix
    story = np.asarray(matrix.sum(axis=0)).ravel()
    dots = centroids @ story
    norms = np.sqrt(np.asarray(centroids.multiply(centroids).sum(axis=1)).ravel())
    return dots / np.maximum(norms * float(np.linalg.norm(story)), 1e-9)


def salience(members: list[Clause]) -> float:
    """Lead position, articles carrying it, counts and dates (centrality is added apart)."""
    lead = max(LEAD_BONUS[c.position] if c.position < len(LEAD_BONUS) else 0.0 for c in members)
    reach = math.log2(1 + len({c.article_id for c in members}))
    counts = 0.2 * any(c.numbers for c in members)
    dated = 0.2 * any(confident_dates(c) for c in members)
    return float(lead + 0.3 * reach + counts + dated)


def recurring_names(clauses: list[Clause]) -> set[str]:
    """Surnames and name words that come back: in two articles (or two clauses of a lone one)."""
    several = len({c.article_id for c in clauses}) > 1
    seen: dict[str, set[str]] = defaultdict(set)
    for clause in clauses:
        for _, name in T.names(clause.text):
            seen[name.split()[-1]].add(clause.article_id if several else str(clause.index))
    return {n for n, where in seen.items() if len(where) >= 2}


def has_actor(fact: Fact, members: list[Clause], names: set[str]) -> bool:
    """Someone acts or speaks: a resolved speaker or doer, or a name the story comes back to."""
    if any(n and known_person(n) for n in (fact.speaker, fact.actor)):
        return True
    return any(name.split()[-1] in names for c in members for _, name in T.names(c.text))


def is_informative(members: list[Clause]) -> bool:
    """Something happens: a deed from the table or extraction, a speech act, or a count."""
    return any(
        (c.action and c.action != "statement") or c.act in ACT_FAMILY or c.numbers
        for c in members
    )


def is_fragment(members: list[Clause]) -> bool:
    return all(len(re.findall(r"\w+", c.text)) < FRAGMENT_WORDS or c.text.rstrip().endswith(",")
               for c in members)

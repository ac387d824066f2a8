"""The core event: the one happening nearly every article of a story restates.

Outlets tell the story's own event in their headline and lead, each in its own
words ("Jackson arrested on DUI charge", "Vincent Jackson was arrested on
suspicion of drunken driving", "the arrest will not affect his status"), and
later sentences refer back to it. Pairwise word similarity splits those
restatements into several facts, each backed by a few outlets, which is how the
best-corroborated fact of a story came to show 4 outlets out of 15.

The story's leads say what the core event is: the content words that recur in
the headlines and first sentences of many articles (its *signature*: who,
what, where). A clause telling the core event names at least two signature
words, one of them a common word (the deed or the office, "arrested",
"nominee"; names alone say who, not what, except in a headline; an office some lead
writes in lowercase counts when capitalised as a title, "Coach Jim O'Brien"), and
clashes with nothing: not background, not another incident's counts. Such clauses become one fact.
"""

from __future__ import annotations

import math
import re

from dossier.story.clauses import Clause
from dossier.story.counts import same_incident
from dossier.story.similarity import terms
from dossier.story.speakers import RESPONSE_ACTS

#: A signature word is in the leads of at least this share of the story's articles ...
SIGNATURE_SHARE = 0.3
#: ... and of at least this many articles.
SIGNATURE_MIN_ARTICLES = 3
#: Clauses of an article's first sentences that count as its lead (after the headline).
LEAD_CLAUSES = 3
#: Summed lead shares of the signature words a clause names, needed to tell the core event.
CORE_SCORE = 0.9
#: A core clause names at least this many signature words.
CORE_WORDS = 2
#: Speech acts that make a clause a statement apart from the event it is about.
STATEMENT_ACTS = frozenset({"claim", "warn", *RESPONSE_ACTS})


def signature(clauses: list[Clause]) -> dict[str, float]:
    """Term -> share of the story's articles whose lead (headline and first clauses)
    names it, for the terms that recur in enough leads."""
    leads = _words_by_article([c for c in clauses if c.headline or c.position < LEAD_CLAUSES])
    n = len(leads)
    if n < 2:
        return {}
    counts: dict[str, int] = {}
    for words in leads.values():
        for w in words:
            counts[w] = counts.get(w, 0) + 1
    least = max(SIGNATURE_MIN_ARTICLES, math.ceil(SIGNATURE_SHARE * n))
    return {w: k / n for w, k in counts.items() if k >= least}


def _words_by_article(clauses: list[Clause]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for c in clauses:
        out.setdefault(c.article_id, set()).update(terms(c.text))
    return out


def core_clauses(clauses: list[Clause]) -> list[int]:
    """Indices of the clauses that tell the core event (module docstring).

    A claim, a warning or an answer to one is a statement of its own, however
    many of the core's words it repeats: it stays a fact apart.
    """
    sig = signature(clauses)
    offices = _lowercase_in_leads(clauses, sig)
    out = []
    for c in clauses:
        if c.background or c.act in STATEMENT_ACTS:
            continue
        shared = set(terms(c.text)) & sig.keys()
        if len(shared) < CORE_WORDS or sum(sig[w] for w in shared) < CORE_SCORE:
            continue
        if not c.headline and not shared & (_common_terms(c.text) | offices):
            continue  # a headline of core names is about the core event; a sentence may not be
        out.append(c.index)
    return out


def _lowercase_in_leads(clauses: list[Clause], sig: dict[str, float]) -> set[str]:
    """Signature terms some lead writes as a lowercase word: common words, though a
    clause may capitalise them as a title ("Coach Jim O'Brien", "Surgeon General")."""
    out: set[str] = set()
    for c in clauses:
        if c.headline or c.position < LEAD_CLAUSES:
            out |= _common_terms(c.text) & sig.keys()
    return out


def _common_terms(text: str) -> set[str]:
    """Terms that occur as a lowercase word (a deed or office, not a name)."""
    out = set()
    for word in re.findall(r"[\w’'-]+", text):
        found = terms(word) if word.islower() else []
        if len(found) == 1:
            out.add(found[0])
    return out


def gather_core(groups: list[list[int]], clauses: list[Clause]
                ) -> tuple[list[list[int]], bool]:
    """Move the clauses telling the core event into one group; the rest stay as grouped.
    Returns the groups and whether the first of them is the core.

    Clauses whose counts clash with the core's (another incident's toll) stay out.
    """
    core = core_clauses(clauses)
    if len(core) < 2:
        return groups, False
    counted = [clauses[i].numbers for i in core if clauses[i].numbers]
    keep = set()
    for i in core:
        others = [n for n in counted if n is not clauses[i].numbers]
        if sum(same_incident(clauses[i].numbers, n) for n in others) >= len(others) / 2:
            keep.add(i)
    if len({clauses[i].article_id for i in keep}) < 2:
        return groups, False
    rest = [[i for i in g if i not in keep] for g in groups]
    return [sorted(keep)] + [g for g in rest if g], True

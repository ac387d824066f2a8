"""Facts: clauses from all the story's articles, merged when they say the same thing.

Clauses are grouped greedily by decreasing cosine similarity (single links),
but two groups only merge when their centroids are also close, which stops
chains of loosely related sentences from swallowing the story. Extraction adds
signals on top: the same speaker with the same speech act, shared quoted words.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import numpy as np
from scipy import sparse

from dossier.model import DateMention, Evidence, Fact
from dossier.story import text as T
from dossier.story.background import named_years
from dossier.story.clauses import Clause
from dossier.story.counts import same_incident
from dossier.story.dates import confident_dates
from dossier.story.details import fact_details
from dossier.story.people import known_person
from dossier.story.places import is_place
from dossier.story.similarity import add_weights, row_weights, terms, weights_cosine
from dossier.story.speakers import RESPONSE_ACTS

#: A pair of clauses scoring at or above this may link their groups.
PAIR_THRESHOLD = 0.38
#: ... if the two groups' centroids are at least this close.
CENTROID_THRESHOLD = 0.25
#: Same speaker, same act, and shared quoted words lift a pair by this much.
QUOTE_BONUS = 0.2
#: A response ("refuted") and a clause that answers nothing rarely state the same fact.
RESPONSE_MISMATCH = 0.7
#: Two named speakers who are not the same person.
SPEAKER_MISMATCH = 0.6
#: Share of a fact's clauses that must carry a speech act for it to be the fact's.
ACT_SHARE = 0.2
#: One clause about the story's own event, one about another time ("the last major
#: quake"), or counts of two incidents ("killed 10", "killed 612"): alike words, two facts.
OTHER_INCIDENT = 0.5

#: One clause negating what the other states ("I've supported his moves", "he did not
#: have the full support"): alike words, opposite things, not one fact.
NEGATION_MISMATCH = 0.6
#: Words after a negation that it governs ("did not have the full support").
NEGATION_SCOPE = 4
_NEGATION = re.compile(r"\b(?:not|no|never|nobody|nothing|none|neither|nor|without)\b|n[’']t\b",
                       re.IGNORECASE)


@lru_cache(maxsize=65536)
def _years(text: str) -> frozenset[int]:
    return frozenset(named_years(text))


@lru_cache(maxsize=65536)
def _said(text: str) -> frozenset[str]:
    """The clause's terms; none when it is negated itself (then it denies nothing)."""
    return frozenset() if _NEGATION.search(text) else frozenset(terms(text))


@lru_cache(maxsize=65536)
def _negated_terms(text: str) -> frozenset[str]:
    """Terms in the few words after each negation: what the clause denies."""
    return frozenset(t for m in _NEGATION.finditer(text)
                     for t in terms(" ".join(text[m.end():].split()[:NEGATION_SCOPE])))


def _denies(text: str, other: str) -> bool:
    """Whether ``text`` negates what ``other`` states: a negation in ``text`` whose next
    few words share a term with ``other``, which has none ("no decision has been reached"
    against "reached a deal after notifying him of his decision"). "..., and have no
    further comment" negates nothing the other says."""
    return bool(_negated_terms(text) & _said(other))


Pair = tuple[float, int, int]
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def boost(pairs: list[Pair], clauses: list[Clause]) -> list[Pair]:
    """Raise pairs that share a speaker and act or quoted wording (extraction's evidence);
    lower those of two speakers, a claim and its answer, or two incidents."""
    out = []
    for sim, i, j in pairs:
        a, b = clauses[i], clauses[j]
        if a.act and a.act == b.act and a.act != "state":
            sim += QUOTE_BONUS / 2
        if a.speaker and a.speaker == b.speaker:
            sim += QUOTE_BONUS / 2
        elif _other_people(a.speaker, b.speaker):
            sim *= SPEAKER_MISMATCH  # two people saying alike things said two things
        if {a.act, b.act} & {"claim"} and {a.act, b.act} & RESPONSE_ACTS:
            sim /= 2  # a claim and the answer to it are two facts, however alike
        elif (a.act in RESPONSE_ACTS) != (b.act in RESPONSE_ACTS):
            sim *= RESPONSE_MISMATCH
        if _shared_quote(a.quotes, b.quotes):
            sim += QUOTE_BONUS
        if a.background != b.background:
            sim *= OTHER_INCIDENT
        if not same_incident(a.numbers, b.numbers):
            sim *= OTHER_INCIDENT
        if _years(a.text) and _years(b.text) and not _years(a.text) & _years(b.text):
            sim *= OTHER_INCIDENT  # "founded in 1990", "a staple since 1987": two tellings apart
        if _denies(a.text, b.text) or _denies(b.text, a.text):
            sim *= NEGATION_MISMATCH  # "reached a deal", "no decision has been reached"
        out.append((sim, i, j))
    return out


def _other_people(a: str | None, b: str | None) -> bool:
    if not (a and b) or not (known_person(a) and known_person(b)):
        return False
    return a.split()[-1] != b.split()[-1]


def _shared_quote(left: list[str], right: list[str]) -> bool:
    for a in left:
        for b in right:
            wa, wb = set(a.lower().split()), set(b.lower().split())
            if len(wa & wb) >= 2 and len(wa & wb) >= 0.5 * min(len(wa), len(wb)):
                return True
    return False


def group(
    clauses: list[Clause], pairs: list[tuple[float, int, int]], matrix: sparse.csr_matrix
) -> list[list[int]]:
    """Union clauses into fact groups: best pairs first, centroids must agree.

    A group holds at most one clause per article: two clauses of one article are
    two things it says, and letting them share a group is how chains start.
    """
    n = len(clauses)
    parent = list(range(n))
    centroid = {i: row_weights(matrix, i) for i in range(n)}
    members = {i: {clauses[i].article_id} for i in range(n)}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for sim, i, j in sorted(pairs, reverse=True):
        if sim < PAIR_THRESHOLD:
            break
        ri, rj = find(i), find(j)
        if ri == rj or members[ri] & members[rj]:
            continue
        if weights_cosine(centroid[ri], centroid[rj]) < CENTROID_THRESHOLD:
            continue
        parent[rj] = ri
        add_weights(centroid[ri], centroid.pop(rj))
        members[ri] |= members.pop(rj)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def make_fact(
    members: list[Clause], matrix: sparse.csr_matrix, keys: dict[str, str],
    copies: dict[str, str | None], happening: bool = False,
) -> Fact:
    """One Fact from a group of clauses: its wording, kind, speaker, date, evidence.

    A ``happening`` (the core event, ``core.gather_core``) is an event however many of
    its tellings say who reported it: "Jackson was arrested ..., said Officer Baehr" in
    three of ten leads does not make the arrest Baehr's statement."""
    rep = _representative(members, matrix)
    acts = Counter(c.act for c in members if c.act)
    # A speech act names the fact only when a fifth of its clauses carry it: one
    # "police alleged" among eleven reports of a charge does not make it a claim.
    strong = Counter({a: n for a, n in acts.items()
                      if a != "state" and n >= ACT_SHARE * len(members)})
    # Without one it is a plain statement when a fifth of its clauses say who said it, else
    # a happening: two "TallGrass claims ..." among twelve listings of the business do not
    # make TallGrass its speaker, nor does "..., police said" make an arrest a statement.
    stated = acts["state"] >= ACT_SHARE * len(members)
    act = None if happening else strong.most_common(1)[0][0] if strong else (
        "state" if stated else None)
    kind = "claim" if act == "claim" else "response" if act in RESPONSE_ACTS else (
        "statement" if act else "event")
    # the shown sentence's own day when it has one (a timeline line must carry its date),
    # else the day most of its clauses give
    dates = _days([rep]) or _days(members)
    date = Counter(d.value for d in dates).most_common(1)[0][0] if dates else None
    date_text = next((d.span.text for d in dates if d.value == date), None)
    numbers: dict[str, float] = {}
    for slot, value, _ in rep.numbers:
        numbers.setdefault(slot, value)
    evidence = [
        Evidence(c.article_id, c.outlet, c.text, c.sentence, c.span, copies.get(c.article_id))
        for c in members
    ]
    return Fact(
        id="", kind=kind, text=rep.text, evidence=evidence,
        outlets=_independent(members, keys),
        reported_by=sorted({c.outlet for c in members}),
        # A happening's actor is named by the clauses telling it, not those reporting it.
        actor=_core_actor(members) if happening else _best_name(
            [c.actor for c in members if act or not c.act]),
        action=rep.action, target=rep.target,
        speaker=_best_name([c.speaker for c in members if c.act == act]), act=act,
        date=date, date_text=date_text, numbers=numbers,
        details=fact_details(members, lambda chosen: _independent(chosen, keys)),
    )


def _core_actor(members: list[Clause]) -> str | None:
    """The core event's doer, counted over all its tellings ("Billy King announced that
    O'Brien has been relieved" tells King's deed), among those some telling names as doer
    while someone else speaks: an officer only ever saying it ("..., said Officer Baehr")
    reported the arrest, and did not do it."""
    doers = {c.actor for c in members if c.actor and c.actor != c.speaker}
    return _best_name([c.actor for c in members if c.actor in doers])


def _days(members: list[Clause]) -> list[DateMention]:
    """The clauses' confident dates, else their day-precise ones."""
    return [d for c in members for d in confident_dates(c)] or [
        d for c in members for d in c.dates if _DAY.match(d.value)]


def _independent(members: list[Clause], keys: dict[str, str]) -> list[str]:
    """The independent outlets behind a fact: each article's source key, or the outlet
    its clauses here credit ("..., the Tribune reported"): then the article's whole
    telling of this fact, its headline too, is that outlet's report printed again."""
    credited = {c.article_id: c.credited for c in members if c.credited}
    return sorted({credited.get(c.article_id) or keys[c.article_id] for c in members})


def _representative(members: list[Clause], matrix: sparse.csr_matrix) -> Clause:
    """The clause nearest the group's centre by cosine (a long sentence that also says
    other things shares more words with the centre, not more of its meaning); a
    headline only when nothing else tells it."""
    members = [c for c in members if not c.headline] or members
    if len(members) <= 2:
        return members[0]
    rows = matrix[[c.index for c in members]]
    centre = rows.sum(axis=0)
    norms = np.sqrt(np.asarray(rows.multiply(rows).sum(axis=1)).ravel())
    scores = (rows @ centre.T).A.ravel() / np.maximum(norms, 1e-9)
    return members[int(scores.argmax())]


def _best_name(names: list[str | None]) -> str | None:
    """The most cited name, preferring proper full names over roles ("defence secretary");
    never a place ("Dubai", "Iran", "Tasman Saddle Hut") or a thing ("MacArthur
    Fellowship"): no label is better than a wrong one."""
    counts = Counter(n for n in names if n and _name_like(n) and not is_place(n)
                     and not T.names_a_thing(n) and not T.names_a_site(n))
    if not counts:
        return None
    return max(counts, key=lambda n: (_is_full_name(n), counts[n], len(n)))


#: Words that open parser debris, not a name: "I don't", "These are", "It was".
_NOT_NAME_START = frozenset({"i", "we", "you", "he", "she", "it", "they", "these", "those",
                             "this", "that", "there", "here", "what", "who"})
_VERBISH = frozenset({"is", "are", "was", "were", "don't", "doesn't", "didn't", "has", "have",
                      "had", "will", "would", "can", "could", "not"})


def _name_like(name: str) -> bool:
    """A person's or body's name or a role ("defence secretary"), not a fragment of a
    sentence that the speaker finder caught ("I don't", "These are") or a bare title
    ("MD")."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]  # "the White House national security council"
    if not words or words[0].lower() in _NOT_NAME_START:
        return False
    if words[-1].islower() and words[-1].endswith("ly"):
        return False  # "DeGeneres previously": a name and the adverb after it
    if len(words) == 1 and words[0].isupper() and len(words[0]) <= 3:
        return False
    if any(w.lower() in T.ROLE_WORDS for w in words):
        return True
    # "Vancouver police", "Iran's seismologic center": a name, then what it names;
    # "I don't", "These are" never get here
    return words[0][0].isupper() and not any(w.lower() in _VERBISH for w in words)


def _is_full_name(name: str) -> bool:
    words = name.split()
    return len(words) >= 2 and all(w[0].isupper() for w in words) and not any(
        w.lower() in T.ROLE_WORDS for w in words)

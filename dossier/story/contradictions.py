"""Contradictions: the same slot given different values by different outlets.

Two kinds of slot are checked. Counts of casualties, injuries, evacuations and
arrests are story-wide slots (one fire has one death toll, whichever sentence
gives it). Dates are checked inside each fact: outlets that report the same
thing ("talks will be held on ...") with different days disagree.
"""

from __future__ import annotations

from collections import defaultdict

from dossier.model import Contradiction, Fact, SlotValue
from dossier.story.clauses import Clause

#: Two approximate counts within this relative distance agree ("about 30" vs 27).
APPROX_TOLERANCE = 0.15


def count_contradictions(clauses: list[Clause], keys: dict[str, str]) -> list[Contradiction]:
    """Story-wide count slots where two independent outlets give incompatible numbers."""
    by_slot: dict[str, dict[str, list[tuple[float, str, Clause]]]] = defaultdict(
        lambda: defaultdict(list))
    for clause in clauses:
        for slot, value, qualifier in clause.numbers:
            by_slot[slot][keys[clause.article_id]].append((value, qualifier, clause))
    out = []
    for slot, per_source in sorted(by_slot.items()):
        sources = list(per_source)
        clash = any(
            not _compatible(per_source[a], per_source[b])
            for i, a in enumerate(sources) for b in sources[i + 1 :]
        )
        if clash:
            out.append(Contradiction(slot=slot, subject=f"number {slot}",
                                     values=_values(per_source, _fmt_number)))
    return out


def date_contradictions(
    facts: list[Fact], groups: dict[str, list[Clause]], keys: dict[str, str]
) -> list[Contradiction]:
    """Facts whose independent outlets put them on different days."""
    out = []
    for fact in facts:
        per_source: dict[str, list[tuple[str, str, Clause]]] = defaultdict(list)
        for clause in groups[fact.id]:
            for mention in clause.dates:
                if len(mention.value) == 10:
                    per_source[keys[clause.article_id]].append((mention.value, "", clause))
        sets = [{v for v, _, _ in values} for values in per_source.values()]
        if len(sets) >= 2 and any(
            not (a & b) for i, a in enumerate(sets) for b in sets[i + 1 :]
        ):
            out.append(Contradiction(slot="date", subject=fact.text,
                                     values=_values(per_source, str), fact_ids=[fact.id]))
    return out


Reading = tuple[float, str, Clause]


def _compatible(left: list[Reading], right: list[Reading]) -> bool:
    return any(_agree(a, qa, b, qb) for a, qa, _ in left for b, qb, _ in right)


def _agree(a: float, qa: str, b: float, qb: str) -> bool:
    if a == b:
        return True
    if qa == "at least" or qb == "at least":
        low, other = (a, b) if qa == "at least" else (b, a)
        return other >= low and not (qa == qb == "at least")
    if "about" in (qa, qb):
        return abs(a - b) <= APPROX_TOLERANCE * max(a, b)
    return False


def _fmt_number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def _values(per_source: dict, fmt) -> list[SlotValue]:  # type: ignore[type-arg]
    grouped: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for values in per_source.values():
        for value, qualifier, clause in values:
            label = f"{qualifier} {fmt(value)}".strip()
            grouped[label]["outlets"].append(clause.outlet)
            grouped[label]["articles"].append(clause.article_id)
            grouped[label]["sentences"].append(clause.sentence)
    out = [
        SlotValue(label, tuple(dict.fromkeys(g["outlets"])), tuple(dict.fromkeys(g["articles"])),
                  g["sentences"][0])
        for label, g in grouped.items()
    ]
    return sorted(out, key=lambda v: (-len(v.outlets), v.value))

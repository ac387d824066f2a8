"""Contradictions: the same slot given different values by different outlets.

Counts of casualties, injuries, evacuations and arrests are story-wide slots
(one fire has one death toll, whichever sentence gives it). The other kinds are
checked inside each fact matched across outlets: its date ("talks will be held
on ..."), who did it (the same deed credited to two doers) and quoted wording
(one speaker's quote in two wordings). ``CHECKS`` lists the per-fact kinds.
"""

from __future__ import annotations

import re
from collections import defaultdict

from dossier.model import Contradiction, Fact, SlotValue
from dossier.story import text as T
from dossier.story.actions import is_named_agent
from dossier.story.clauses import Clause
from dossier.story.dates import confident_dates
from dossier.story.similarity import STOP

Reading = tuple[float, str, Clause]
#: Two approximate counts within this relative distance agree ("about 30" vs 27).
APPROX_TOLERANCE = 0.15


def count_contradictions(clauses: list[Clause], keys: dict[str, str]) -> list[Contradiction]:
    """Story-wide count slots where two independent outlets give incompatible headline numbers.

    Each outlet's headline figure is the first it gives for the slot: later ones
    are often other incidents ("the 2003 quake killed 26,000") or running updates.
    Only clauses about the story's own event count: background clauses (another
    year, "the last major quake", "It killed 612" after one) are skipped.
    """
    by_slot: dict[str, dict[str, list[Reading]]] = defaultdict(dict)
    for clause in sorted(clauses, key=lambda c: c.position):
        if clause.background:
            continue
        for slot, value, qualifier in clause.numbers:
            by_slot[slot].setdefault(keys[clause.article_id], [(value, qualifier, clause)])
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
    """Facts matched across outlets whose independent outlets put them on different days.

    Only confident dates count (``dates.confident_dates``): a weekday resolved
    against a missing or later publication date is an artefact, not a claim.
    """
    out = []
    for fact in facts:
        if fact.corroboration < 2:
            continue
        per_source: dict[str, list[tuple[str, str, Clause]]] = defaultdict(list)
        for clause in groups[fact.id]:
            for mention in confident_dates(clause):
                per_source[keys[clause.article_id]].append((mention.value, "", clause))
        sets = [{v for v, _, _ in values} for values in per_source.values()]
        if len(sets) >= 2 and any(
            not (a & b) for i, a in enumerate(sets) for b in sets[i + 1 :]
        ):
            out.append(Contradiction(slot="date", subject=fact.text,
                                     values=_values(per_source, str), fact_ids=[fact.id]))
    return out


def _compatible(left: list[Reading], right: list[Reading]) -> bool:
    return any(_agree(a, qa, b, qb) for a, qa, _ in left for b, qb, _ in right)


def _agree(a: float, qa: str, b: float, qb: str) -> bool:
    if a == b:
        return True
    if qa == "at least" or qb == "at least":
        low, other = (a, b) if qa == "at least" else (b, a)
        return other >= low or qa == qb  # two lower bounds never clash
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


def actor_contradictions(
    facts: list[Fact], groups: dict[str, list[Clause]], keys: dict[str, str]
) -> list[Contradiction]:
    """Who did it: one deed, one object, one day, but outlets name different doers.

    Inside a fact matched across outlets, two independent outlets' clauses with
    the same action class and overlapping objects name two named doers, neither
    of whom the other outlet's sentence mentions at all ("Ekberg scored" against
    "Rusk scored", not "Rusk's pass let Ekberg score").
    """
    out = []
    names = {n for members in groups.values() for c in members for _, n in T.names(c.sentence)
             if " " in n}
    for fact in facts:
        deeds = [(keys[c.article_id], c) for c in groups[fact.id]
                 if c.deed and is_named_agent(c.deed.agent)]
        clashes: dict[str, list[Reading]] = defaultdict(list)
        for i, (sa, a) in enumerate(deeds):
            for sb, b in deeds[i + 1 :]:
                if sa != sb and _other_doer(a, b, names):
                    for source, clause in ((sa, a), (sb, b)):
                        if clause not in [r[2] for r in clashes[source]]:
                            clashes[source].append((clause.deed.agent, "", clause))  # type: ignore
        if len(clashes) >= 2:
            out.append(Contradiction(slot="actor", subject=fact.text,
                                     values=_values(clashes, str), fact_ids=[fact.id]))
    return out


def _other_doer(a: Clause, b: Clause, names: set[str]) -> bool:
    """Same deed to the same object, two doers who are not one ("New Orleans" / "Saints")."""
    da, db = a.deed, b.deed
    if da is None or db is None or da.name != db.name or not da.object_terms & db.object_terms:
        return False
    dates_a, dates_b = ({d.value for d in confident_dates(c)} for c in (a, b))
    if dates_a and dates_b and not dates_a & dates_b:
        return False
    sa, sb = da.agent.split()[-1], db.agent.split()[-1]  # type: ignore[union-attr]
    if any(sa in n.split() and sb in n.split() for n in names):
        return False
    return sa != sb and sa not in b.sentence and sb not in a.sentence


#: Quotes need this many words to be compared; to be one quote they share this share of
#: the shorter one's content words and this share of the longer one's.
MIN_QUOTE_WORDS, QUOTE_OVERLAP, QUOTE_COVER = 4, 0.6, 0.5
_CONTRACTIONS = {"n't": " not", "'m": " am", "'re": " are", "'ve": " have", "'ll": " will"}
#: Differences that are not rewording: articles, clock-time marks, spelling variants.
_GLUE = {"the", "a", "an", "this", "and", "of", "to", "that", "am", "pm", "p", "m"}
_SPELLINGS = ((r"(?<=\w)our", "or"), (r"(?<=\w{3})is(e|ed|es|ing|ation)\b", r"iz\1"),
              (r"ll(ed|ing)\b", r"l\1"))


def quote_contradictions(
    facts: list[Fact], groups: dict[str, list[Clause]], keys: dict[str, str]
) -> list[Contradiction]:
    """Quoted wording: one speaker, clearly one quote, different words in two outlets.

    Excerpts are not disagreements: a quote whose words all appear, in order, in
    the other ("rebuild the bridge" inside "we will rebuild the bridge") is the
    same wording cut short, and so is a difference in articles or contractions.
    """
    out = []
    for fact in facts:
        quotes = [(keys[c.article_id], c, q) for c in groups[fact.id] for q in c.quotes
                  if len(_words(q)) >= MIN_QUOTE_WORDS and c.speaker]
        clashes: dict[str, list[Reading]] = defaultdict(list)
        for i, (sa, a, qa) in enumerate(quotes):
            for sb, b, qb in quotes[i + 1 :]:
                if sa == sb or _surname(a) != _surname(b):
                    continue
                if _same_quote(qa, qb) and _reworded(qa, qb):
                    for source, clause, q in ((sa, a, qa), (sb, b, qb)):
                        if q not in [r[0] for r in clashes[source]]:
                            clashes[source].append((q, "", clause))  # type: ignore[arg-type]
        if len(clashes) >= 2:
            speaker = next(c.speaker for rs in clashes.values() for _, _, c in rs)
            out.append(Contradiction(slot="quote", subject=f"{speaker}: {fact.text}",
                                     values=_values(clashes, str), fact_ids=[fact.id]))
    return out


def _surname(clause: Clause) -> str | None:
    return clause.speaker.split()[-1] if clause.speaker else None


def _words(quote: str) -> list[str]:
    """Comparable words: contractions spelt out, apostrophes and spelling variants evened."""
    low = re.sub(r"\s*[’']\s*(?=(?:s|t|ll|re|ve|m|d)\b)", "'", quote.lower().replace("’", "'"))
    for short, long in _CONTRACTIONS.items():
        low = low.replace(short, long)
    low = low.replace("'s", "s").replace("'", " ")
    for pattern, repl in _SPELLINGS:
        low = re.sub(pattern, repl, low)
    return [w for w in re.findall(r"[a-z0-9]+", low) if not w.isdigit()]


def _same_quote(a: str, b: str) -> bool:
    """One quote in two wordings: they share most of their content words. Shared "I",
    "am" and "the" do not make "I am so excited to be hosting the Oscars" and "It's
    official: I'm hosting the #Oscars!" one quote, and two content words ("This is a funny
    game") are too few to tell."""
    wa, wb = (set(_words(q)) - STOP for q in (a, b))
    shared = len(wa & wb)
    short, long = sorted((len(wa), len(wb)))
    return short >= 3 and shared >= 2 and shared >= QUOTE_OVERLAP * short and (
        shared >= QUOTE_COVER * long)


def _reworded(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    if _within(wa, wb) or _within(wb, wa):
        return False
    return bool((set(wa) ^ set(wb)) - _GLUE)


def _within(short: list[str], long: list[str]) -> bool:
    """Every word of ``short`` in ``long``, in order (an excerpt, maybe with cuts)."""
    rest = iter(long)
    return all(word in rest for word in short)


#: Per-fact contradiction kinds, run in this order by ``find_contradictions``.
CHECKS = (date_contradictions, actor_contradictions, quote_contradictions)


def find_contradictions(
    clauses: list[Clause], facts: list[Fact], groups: dict[str, list[Clause]],
    keys: dict[str, str],
) -> list[Contradiction]:
    """Every contradiction: story-wide counts, then each per-fact kind on facts with 2+ outlets."""
    matched = [f for f in facts if f.corroboration >= 2]
    out = count_contradictions(clauses, keys)
    for check in CHECKS:
        out += check(matched, groups, keys)
    return out

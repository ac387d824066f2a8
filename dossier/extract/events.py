"""Actor-action events: who did what to whom, when and where, with the evidence sentence.

Triggers come from the ``ACTION_CLASSES`` table (``event_classes.py``) and from the
article's quotes (a refutation is a "reject" event, a claim pinning blame an
"accuse" one). The source is the sentence's subject actor (the first actor named
before the trigger and not inside a prepositional phrase); nominal triggers take
their modifier ("Russian claims" -> Russia, "their call" -> the pair). Targets
follow the class's target rule. Dates come from the sentence, else the nearest
day-precise date in the two sentences before; places from "in <place>".
"""

from __future__ import annotations

import re

from dossier.extract.entities import EntityIndex
from dossier.extract.event_classes import ACT_ACTIONS, ACTION_CLASSES, ActionClass
from dossier.extract.mentions import Mention
from dossier.extract.segment import quote_regions
from dossier.extract.speakers import head_entity
from dossier.model import DateMention, Entity, Event, Quote, Span

_NOUN_TRIGGERS = re.compile(
    r"^(?:claims?|allegations?|calls?|phone calls?|talks|meeting|discussion|conversation|"
    r"exchange|invasion|exercises?|drills|threats?|ultimatum|counteroffensives?)$", re.I)
_PREP = re.compile(r"\b(?:with|to|of|in|from|by|for|on|at|after|against|about|over|than|"
                   r"into|between|among)\s+(?:the\s+|his\s+|her\s+|its\s+|their\s+)?$", re.I)
_NEG = re.compile(r"\b(?:not|n[’']t|never|no|refused\s+to|declined\s+to)\s+(?:\w+\s+){0,2}$",
                  re.I)
_CLAIM_WORDS = re.compile(r"\b(?:claims?|allegations?|accusations?|assertions?|charges?)\b",
                          re.I)


def _actor(ent: Entity | None) -> bool:
    return ent is not None and (ent.type in ("PERSON", "ORG") or ent.is_actor
                                or ent.type in ("GPE", "NORP"))


def _mentions_in(index: EntityIndex, start: int, end: int) -> list[Mention]:
    return sorted((m for m in index.mentions if start <= m.start and m.end <= end and m.key),
                  key=lambda m: m.start)


def _subject(text: str, index: EntityIndex, s0: int, pos: int) -> tuple[Entity | None, str]:
    """The first actor of the clause before ``pos`` that is not a prepositional object."""
    lead = re.match(r"(?:(?:Last|This|Next|Following|After|Before|In|On|Alongside|As|"
                    r"However|Meanwhile)\b[^,]{0,80},\s*)", text[s0:pos])
    start = s0 + (lead.end() if lead else 0)
    for m in _mentions_in(index, start, pos):
        if _PREP.search(text[max(start, m.start - 30):m.start]):
            continue
        ent = index.get(m.key)
        after = text[m.end:m.end + 12]
        if m.kind == "name" and ent and ent.type in ("GPE", "NORP") and \
                re.match(r"(?:-\w+\s+|\s+[a-z]+)", after) and not re.match(r"[’']s", after):
            np = re.match(r"[^,;:]*", text[m.start:pos]).group(0).strip()
            return None, np  # "Russian-backed authorities in ...": a group, not Russia
        if m.text.lower() in ("his", "her", "its", "their"):
            continue
        return ent, text[m.start:m.end]
    np = text[start:pos].strip()
    return None, np if 0 < len(np.split()) <= 8 else ""


def _target(text: str, index: EntityIndex, rule: str, after: tuple[int, int],
            source: Entity | None, claims: list[Event]) -> tuple[list[Entity | None], str]:
    """Targets and the object phrase for one trigger, by the class's rule."""
    a, b = after
    obj = re.match(r"\s*([^.;:“”\"]{0,120})", text[a:b]).group(1).strip(" ,")
    ms = [m for m in _mentions_in(index, a, b) if index.get(m.key) is not source]
    if rule == "with":
        w = re.search(r"\b(?:with|to)\s+", text[a:b])
        ms = [m for m in ms if w and m.start >= a + w.end()] or ms
    if rule == "owner":
        if _CLAIM_WORDS.search(obj[:60]):
            own = [m for m in ms if m.start < a + 60 and re.match(r"[’']s", text[m.end:m.end + 2])]
            if own:
                return [index.get(own[0].key)], obj
            return ([claims[-1].source and index.get(claims[-1].source)] if claims else [None]), obj
        return [index.get(ms[0].key)] if ms else [None], obj
    if rule == "content":
        ents = []
        for m in ms:
            e = index.get(m.key)
            if _actor(e) and e not in ents and m.kind != "pronoun":
                ents.append(e)
        return ents or [None], obj
    if rule in ("next", "with"):
        for m in ms[:4]:
            if m.text.lower() in ("his", "her", "its", "their"):
                continue
            if re.match(r"[’']s\s+[A-Z]", text[m.end:m.end + 4]):
                continue  # "France's Sebastien Lecornu": the person, not France
            return [index.get(m.key)], obj
        return [None], obj
    return [None], obj


def _date(dates: list[DateMention], sents: list[tuple[int, int]], k: int) -> str | None:
    s0, s1 = sents[k]
    here = [d for d in dates if s0 <= d.span.start < s1 and d.type in ("DATE", "TIME")
            and d.value[:1].isdigit()]
    if here:
        return here[0].value
    lo = sents[max(0, k - 2)][0]
    before = [d for d in dates if lo <= d.span.start < s0 and re.match(r"\d{4}-\d\d-\d\d",
                                                                      d.value)]
    return before[-1].value[:10] if before else None


def _place(text: str, index: EntityIndex, s0: int, s1: int, used: set[str]) -> str | None:
    for m in _mentions_in(index, s0, s1):
        ent = index.get(m.key)
        if ent and ent.type in ("GPE", "LOC") and ent.key not in used and \
                re.search(r"\b(?:in|at|near|over)\s+(?:the\s+)?$", text[max(s0, m.start - 8):m.start]):
            return ent.normalized or ent.name
    return None


def find_events(text: str, index: EntityIndex, quotes: list[Quote], dates: list[DateMention],
                sents: list[tuple[int, int]]) -> list[Event]:
    """Every event the table and the quotes reveal, in reading order."""
    regions = quote_regions(text)
    events: list[Event] = []
    taken: list[tuple[int, int]] = []
    cue_at = {q.cue.start: q for q in quotes if q.cue}
    for k, (s0, s1) in enumerate(sents):
        hits: list[tuple[int, int, ActionClass]] = []
        for cls in ACTION_CLASSES:
            for m in cls.trigger.finditer(text, s0, s1):
                if any(a < m.start() < b - 1 for a, b in regions):
                    continue
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                hits.append((m.start(), m.end(), cls))
        for start, end, cls in sorted(hits, key=lambda h: h[0]):
            ev = _event(text, index, k, sents, start, end, cls.name, cls.target, dates, events,
                        cue_at.get(start))
            events.extend(ev)
    events.extend(_quote_events(text, index, quotes, taken, sents, dates, events))
    events.sort(key=lambda e: e.sentence.start)
    return events


def _event(text: str, index: EntityIndex, k: int, sents: list[tuple[int, int]], start: int,
           end: int, action: str, rule: str, dates: list[DateMention], prior: list[Event],
           quote: Quote | None) -> list[Event]:
    s0, s1 = sents[k]
    word = text[start:end]
    source, source_name = _subject(text, index, s0, start)
    if quote is not None and quote.speaker:
        source, source_name = index.get(quote.speaker), quote.speaker_name or ""
    if _NOUN_TRIGGERS.match(word):
        mod = [m for m in _mentions_in(index, max(s0, start - 40), start)
               if re.match(r"(?:[’']s)?\s*(?:\w+\s+)?$", text[m.end:start])]
        if mod:
            source = index.get(mod[-1].key)
            source_name = source.name if source else source_name
        elif re.search(r"\b(?:the|these|those|a|an|such)\s+(?:\w+\s+)?$", text[s0:start]) and \
                action in ("accuse", "threaten", "exhibit_force", "attack"):
            return []
    claims = [e for e in prior if e.action in ("accuse", "statement") and e.source]
    targets, obj = _target(text, index, rule, (end, s1), source, claims)
    used = {e.key for e in [source, *targets] if e}
    sentence = Span(s0, s1, text[s0:s1])
    return [Event(
        source=source.key if source else None, action=action,
        target=t.key if t else None, sentence=sentence, date=_date(dates, sents, k),
        place=_place(text, index, s0, s1, used), negated=bool(_NEG.search(text[s0:start])),
        source_name=source.name if source else (source_name or None),
        target_name=t.name if t else None, object=obj or None,
    ) for t in targets if t is None or t is not source]


def _quote_events(text: str, index: EntityIndex, quotes: list[Quote],
                  taken: list[tuple[int, int]], sents: list[tuple[int, int]],
                  dates: list[DateMention], prior: list[Event]) -> list[Event]:
    """Statements (and acts no trigger caught) from quotes whose cue made no event yet."""
    out: list[Event] = []
    for q in quotes:
        if q.cue is None or any(a < q.cue.end and q.cue.start < b for a, b in taken):
            continue
        k = next((i for i, (a, b) in enumerate(sents) if a <= q.cue.start < b), None)
        if k is None:
            continue
        action, rule = ACT_ACTIONS[q.act]
        ev = _event(text, index, k, sents, q.cue.start, q.cue.end, action, rule, dates,
                    prior + out, q)
        out.extend(e for e in ev if e.source or e.source_name)
    return out

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
from dataclasses import replace

from dossier.extract.entities import EntityIndex
from dossier.extract.event_classes import ACT_ACTIONS, ACTION_CLASSES, ActionClass
from dossier.extract.mentions import Mention
from dossier.extract.quotes import reports_no_words
from dossier.extract.segment import quote_regions
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


_CLAUSE_END = re.compile(r",\s+(?:in|according|as|(?:\S+\s+){1,5}(?:said|says|told)\b)|"
                         r"\s+that\b(?=.{0,200}$)")
_CLAUSE = re.compile(r"(?:\b(?:that|and|but|as|while|after|when|because|which|who)\b|[,;:—–])")


def _subject(text: str, index: EntityIndex, s0: int, pos: int) -> tuple[Entity | None, str]:
    """The clause's subject actor: first look in the clause right before the trigger
    ("... and that Paris refused"), then from the sentence start."""
    bounds = [m.end() for m in _CLAUSE.finditer(text, s0, pos)]
    if bounds:
        found = _first_actor(text, index, bounds[-1], pos)
        if found[0] is not None or found[1]:
            return found
    lead = re.match(r"(?:(?:Last|This|Next|Following|After|Before|In|On|Alongside|"
                    r"However|Meanwhile)\b[^,]{0,60},\s*)", text[s0:pos])
    return _first_actor(text, index, s0 + (lead.end() if lead else 0), pos, fallback=True)


def _first_actor(text: str, index: EntityIndex, start: int, pos: int,
                 fallback: bool = False) -> tuple[Entity | None, str]:
    ms = [m for m in _mentions_in(index, start, pos)
          if not _PREP.search(text[max(start, m.start - 30):m.start])
          and m.text.lower() not in ("his", "her", "its", "their")]
    for i, m in enumerate(ms):
        ent = index.get(m.key)
        after = text[m.end:m.end + 12]
        possessor = re.match(r"[’']s\b", after)
        modifier = m.kind == "name" and ent is not None and ent.type in ("GPE", "NORP") and \
            re.match(r"(?:-\w+\s+|\s+[a-z]+)", after) and not possessor
        if possessor or modifier:
            later = [x for x in ms[i + 1:] if (e := index.get(x.key)) and e.type in
                     ("PERSON", "ORG") and not re.search(r"[,;]", text[m.end:x.start])]
            if later:
                return index.get(later[0].key), later[0].text
            if modifier:
                np = re.match(r"[^,;:]*", text[m.start:pos]).group(0).strip()
                return None, np  # "Russian-backed authorities in ...": a group, not Russia
        return ent, text[m.start:m.end]
    np = text[start:pos].strip()
    return None, np if fallback and 0 < len(np.split()) <= 8 and np[:1].isupper() else ""


def _target(text: str, index: EntityIndex, rule: str, after: tuple[int, int],
            source: Entity | None, claims: list[Event]) -> tuple[list[Entity | None], str]:
    """Targets and the object phrase for one trigger, by the class's rule."""
    a, b = after
    obj = re.match(r"\s*([^.;:“”\"]{0,120})", text[a:b]).group(1).strip(" ,")
    ms = [m for m in _mentions_in(index, a, b) if index.get(m.key) is not source]
    if rule == "of":
        m = re.match(r"\s+(?:of|against|on)\s+", text[a:b])
        ms = _mentions_in(index, a + m.end(), a + m.end() + 30) if m else []
        return ([index.get(ms[0].key)] if ms else [None]), obj
    if rule == "with":
        w = re.search(r"\b(?:with|to)\s+", text[a:b])
        ms = [m for m in ms if w and m.start >= a + w.end()] or ms
    if rule == "owner":
        frm = re.search(r"\bfrom\s+", obj[:60])
        if _CLAIM_WORDS.search(obj[:60]) and frm:
            ms_from = _mentions_in(index, a + obj.find(frm.group(0)), b)
            if ms_from:
                return [index.get(ms_from[0].key)], obj
        if _CLAIM_WORDS.search(obj[:60]):
            own = [m for m in ms if m.start < a + 60 and re.match(r"[’']s", text[m.end:m.end + 2])]
            if own:
                return [index.get(own[0].key)], obj
            return ([claims[-1].source and index.get(claims[-1].source)] if claims else [None]), obj
        return [index.get(ms[0].key)] if ms else [None], obj
    if rule == "content":
        ents = []
        for m in ms:
            if re.search(r"\b(?:in|of|to|from|on|at|into|over|with)\s+(?:the\s+)?$",
                         text[max(a, m.start - 12):m.start]) or \
                    re.match(r"[’']s", text[m.end:m.end + 2]):
                continue
            e = index.get(m.key)
            if _actor(e) and e not in ents and m.kind != "pronoun":
                ents.append(e)
        return ents or [None], obj
    if rule in ("next", "with"):
        for i, m in enumerate(ms[:4]):
            if m.text.lower() in ("his", "her", "its", "their"):
                continue
            if re.match(r"(?:[’']s\s+[A-Z]|\s+[a-z]+)", text[m.end:m.end + 4]) and \
                    i + 1 < len(ms) and index.get(m.key).type in ("GPE", "NORP"):
                continue  # "France's Sebastien Lecornu", "his Russian counterpart Shoigu"
            return [index.get(m.key)], obj
        return [None], obj
    return [None], obj


def _date(dates: list[DateMention], sents: list[tuple[int, int]], k: int) -> str | None:
    s0, s1 = sents[k]
    here = [d for d in dates if s0 <= d.span.start < s1 and d.type in ("DATE", "TIME")
            and d.value[:1].isdigit()]
    if here:
        return here[0].value
    lo = sents[max(0, k - 3)][0]
    before = [d for d in dates if lo <= d.span.start < s0 and re.match(r"\d{4}-\d\d-\d\d",
                                                                      d.value)]
    return before[-1].value[:10] if before else None


def _place(text: str, index: EntityIndex, s0: int, s1: int, used: set[str]) -> str | None:
    for m in _mentions_in(index, s0, s1):
        ent = index.get(m.key)
        before = text[max(s0, m.start - 8):m.start]
        if ent and ent.type in ("GPE", "LOC") and ent.key not in used and \
                re.search(r"\b(?:in|at|near|over)\s+(?:the\s+)?$", before):
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
    if re.search(r"\b(?:was|were|is|are|been|being)\s+$", text[s0:start]) and \
            action in ("accuse", "statement"):
        return []  # "Russia was claimed to be ...": nobody claims in this sentence
    if action == "accuse" and reports_no_words(text, (s0, s1), (start, end), word.lower()):
        return []  # "his accused killer", "Driver Charged With DWI": a charge, not words
    source, source_name = _subject(text, index, s0, start)
    if quote is not None and quote.speaker:
        source, source_name = index.get(quote.speaker), quote.speaker_name or ""
    nominal = bool(_NOUN_TRIGGERS.match(word))
    if nominal:
        source, source_name, rule = _nominal_source(text, index, s0, start, end, action, rule,
                                                   source, source_name)
        if rule == "skip":
            return []
    if action == "consult" and nominal and not re.match(r"\s+(?:with|between)\b",
                                                        text[end:end + 9]):
        people = _people(index, s0, s1)
        if len(people) < 2:
            return []  # "after the call": which call is another sentence's business
        return [_make(text, index, sents, k, dates, people[0], people[1], action, "",
                      start, source_name)]
    if rule == "object":
        m = re.search(r"(?:urged?|ordered|told)\s+((?:\w+\s+){0,2}?\w+)\s+to\s+", text[start:s1])
        ev = _make(text, index, sents, k, dates, source, None, action, word, start, source_name)
        return [replace(ev, target_name=m.group(1) if m else None)]
    if action == "exhibit_force" and " " in word:
        ev = _make(text, index, sents, k, dates, source, None, action, word, start, source_name)
        return [replace(ev, object=word.split(" ", 1)[1])]
    claims = [e for e in prior if e.action in ("accuse", "statement") and e.source]
    if action in ("accuse",) and quote is not None:
        end, s1 = quote.content.start, quote.content.end
    tail = _CLAUSE_END.search(text, end, s1)
    if tail and action in ("accuse", "warn", "reject", "appeal", "promise", "assist"):
        s1 = tail.start()
    targets, obj = _target(text, index, rule, (end, s1), source, claims)
    if action == "consult" and nominal and source is None:
        others = [p for p in _people(index, s0, s1) if all(p is not t for t in targets)]
        source = others[0] if others else None
    return [_make(text, index, sents, k, dates, source, t, action, obj, start, source_name)
            for t in targets if t is None or t is not source]


def _make(text: str, index: EntityIndex, sents: list[tuple[int, int]], k: int,
          dates: list[DateMention], source: Entity | None, target: Entity | None, action: str,
          obj: str, start: int, source_name: str) -> Event:
    s0, s1 = sents[k]
    used = {e.key for e in (source, target) if e}
    return Event(
        source=source.key if source else None, action=action,
        target=target.key if target else None, sentence=Span(s0, s1, text[s0:s1]),
        date=_date(dates, sents, k), place=_place(text, index, s0, s1, used),
        negated=bool(_NEG.search(text[s0:start])),
        source_name=source.name if source else (source_name or None),
        target_name=target.name if target else None, object=obj or None,
    )


def _people(index: EntityIndex, s0: int, s1: int) -> list[Entity]:
    out: list[Entity] = []
    for m in _mentions_in(index, s0, s1):
        e = index.get(m.key)
        if e is not None and e.type == "PERSON" and all(e is not o for o in out):
            out.append(e)
    return out


def _nominal_source(text: str, index: EntityIndex, s0: int, start: int, end: int,
                    action: str, rule: str, source: Entity | None,
                    source_name: str) -> tuple[Entity | None, str, str]:
    """Whose claim/call/invasion a noun names: "X's claims", "Russian claims",
    "claims from Moscow"; accusations need their "that" clause."""
    frm = re.match(r"\s+from\s+", text[end:end + 8])
    mods = [m for m in _mentions_in(index, max(s0, start - 40), start)
            if re.match(r"(?:[’']s)?\s*(?:\w+\s+)?$", text[m.end:start])]
    if frm:
        m = next(iter(_mentions_in(index, end + frm.end(), end + frm.end() + 40)), None)
        if m is not None:
            mods = [m]
    if action == "accuse" and not re.match(r"\s+(?:from\s+\S+(?:\s+\S+)?\s+)?that\b",
                                           text[end:end + 40]):
        return source, source_name, "skip"
    if mods:
        ent = index.get(mods[-1].key)
        return ent, ent.name if ent else source_name, (rule if action != "attack" else "of")
    if re.search(r"\b(?:the|these|those|a|an|such)\s+(?:\w+\s+)?$", text[s0:start]) and \
            action in ("accuse", "threaten", "exhibit_force", "attack"):
        return source, source_name, "skip"
    return source, source_name, rule


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

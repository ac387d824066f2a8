"""Entities of one article: mentions grouped, with roles, affiliations and canonical names.

"Ben Wallace" = "Mr Wallace" = "Wallace" (surname), = "the Defence Secretary"
(a description matching a role the text gave him) = "his" (the nearest person
before it, preferring the subject of the sentence). Places are grouped by their
canonical country ("the UK" = "Britain"), capitals used as governments are
marked ``is_actor``. The result is an :class:`EntityIndex`, which also answers
"which entity is this span?" for quotes and events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from dossier.extract import places
from dossier.extract.mentions import Mention, name_mentions
from dossier.extract.pronouns import resolve_pronouns
from dossier.extract.roles import describe, find_descriptions, find_roles
from dossier.extract.segment import units
from dossier.model import Entity

_OWNER = re.compile(r"([A-Z][\w.]*(?:\s+[A-Z]\w*)*)[’']s\s+$")
_ACTOR_CONTEXT = re.compile(
    r"^(?:[’']s\b|\s+(?:said|says|has|had|was|is|would|will|claimed|refused|warned|denied|"
    r"accused|rejected|announced|insisted|threatened|wants|demanded|urged|called))")


@dataclass
class EntityIndex:
    """Entities plus every mention, sorted, for span -> entity look-ups."""

    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def get(self, key: str | None) -> Entity | None:
        return next((e for e in self.entities if e.key == key), None)

    def at(self, start: int, end: int) -> Mention | None:
        """The mention best covering ``[start, end)`` (longest overlap, then earliest)."""
        best, best_overlap = None, 0
        for m in self.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > best_overlap and m.key:
                best, best_overlap = m, overlap
        return best

    def resolve(self, start: int, end: int) -> Entity | None:
        """The entity a span refers to, preferring the mention that heads the span."""
        inside = [m for m in self.mentions if start <= m.start and m.end <= end + 1 and m.key]
        if inside:
            return self.get(_head(inside).key)
        m = self.at(start, end)
        return self.get(m.key) if m else None


def _head(ms: list[Mention]) -> Mention:
    """Of mentions inside one phrase, the one not inside a prepositional tail."""
    return ms[0]


def find_entities(text: str, doc: Any | None = None) -> EntityIndex:
    """Group the article's mentions into entities with roles and canonical names."""
    mentions = name_mentions(text, doc)
    index = EntityIndex(mentions=mentions)
    _group(text, index)
    for ent in index.entities:
        if ent.type == "PERSON":
            roles, affs = find_roles(text, [m for m in mentions if m.key == ent.key])
            ent.roles.extend(r for r in roles if r not in ent.roles)
            ent.affiliations.extend(a for a in affs if a not in ent.affiliations)
    sents = units(text)
    for d in find_descriptions(text, mentions):
        target = describe(d, index, sents)
        if target:
            d.key = target.key
            target.mentions.append(_span(text, d))
            index.mentions.append(d)
    resolve_pronouns(text, index, sents, doc)
    index.mentions.sort(key=lambda m: m.start)
    for ent in index.entities:
        ent.mentions.sort(key=lambda s: s.start)
    return index


def _span(text: str, m: Mention):
    from dossier.model import Span

    return Span(m.start, m.end, text[m.start:m.end])


def _group(text: str, index: EntityIndex) -> None:
    _one_type_per_name(index.mentions)
    by_key: dict[str, Entity] = {}
    persons: list[Entity] = []
    others: list[tuple[str, Entity]] = []  # multi-word non-person names, for acronyms
    order = sorted(index.mentions, key=lambda m: (-len(m.text.split()), m.start))
    for m in order:
        key, name = _group_key(m, persons, others)
        ent = by_key.get(key)
        if ent is None:
            ent = Entity(f"e{len(by_key) + 1}", name, _entity_type(m), [])
            ent.normalized = _normalized(m)
            by_key[key] = ent
            if ent.type == "PERSON" and len(m.text.split()) >= 2:
                persons.append(ent)
            elif len(m.text.split()) >= 2:
                others.append((key, ent))
        if m.titled or (m.type == "PERSON" and ent.type == "OTHER"):
            ent.type = "PERSON"
        m.key = ent.key
        ent.mentions.append(_span(text, m))
        if places.capital_of(m.text) and _ACTOR_CONTEXT.match(text[m.end:m.end + 14]) or \
                re.search(r"\b(?:from|by)\s+$", text[max(0, m.start - 6):m.start]) and \
                ent.type == "GPE":
            ent.is_actor = True
        cap = places.capital_of(m.text)
        owner = _OWNER.search(text[max(0, m.start - 40):m.start])
        if ent.type == "ORG" and owner:  # "Britain's Ministry of Defence"
            cap = places.country(owner.group(1)) or places.capital_of(owner.group(1)) or cap
        if cap and cap not in ent.affiliations:
            ent.affiliations.append(cap)
    index.entities = sorted(by_key.values(), key=lambda e: min(s.start for s in e.mentions))
    for i, ent in enumerate(index.entities, start=1):  # keys in reading order
        old, ent.key = ent.key, f"e{i}"
        for m in index.mentions:
            if m.key == old and not m.key.startswith("#"):
                m.key = "#" + ent.key
    for m in index.mentions:
        m.key = m.key[1:] if m.key and m.key.startswith("#") else m.key


#: Tie-break when one name gets several types: gazetteer-confirmed places first.
_TYPE_ORDER = ("GPE", "LOC", "ORG", "PERSON", "NORP", "OTHER")


def _one_type_per_name(mentions: list[Mention]) -> None:
    """One name, one type per article: "Kherson" tagged PERSON once and GPE once gets the
    majority type (ties: a place, since GPE comes from gazetteers and PERSON from the
    model's guess), so its mentions form one entity of one type. Titles still make people."""
    votes: dict[str, dict[str, int]] = {}
    for m in mentions:
        if m.type != "OTHER":
            count = votes.setdefault(m.text.lower(), {})
            count[m.type] = count.get(m.type, 0) + 1
    for m in mentions:
        count = votes.get(m.text.lower(), {})
        if len(count) > 1 and not m.titled:
            m.type = max(count, key=lambda t: (count[t], -_TYPE_ORDER.index(t)))


def _group_key(m: Mention, persons: list[Entity],
               others: list[tuple[str, Entity]]) -> tuple[str, str]:
    """Which entity a name joins: its country, a person it names in part, the organisation
    its acronym spells, else its own text. The text key ignores the mention's type: one
    article's "Fort Lee" tagged LOC once and GPE once is one place."""
    canon = places.country(m.text) if m.type in ("GPE", "NORP") else None
    if canon:
        return "place:" + canon, canon
    words = m.text.split()
    if len(words) == 1 and m.type in ("PERSON", "OTHER", "LOC", "ORG", "GPE") \
            and not places.capital_of(m.text):
        for p in persons:
            parts = p.name.split()
            if m.text in (parts[-1], parts[0]) and (m.type in ("PERSON", "OTHER") or m.titled
                                                    or len(parts) > 1):
                return _name_key(p.name), p.name
        for key, ent in others:
            if m.type != "PERSON" and _spells(m.text, ent.name):
                return key, ent.name
    elif len(words) >= 2 and m.type in ("PERSON", "OTHER"):
        for p in persons:  # "López Obrador", "Antonín Dvořák" in a longer full name
            parts = p.name.split()
            if len(parts) > len(words) and (parts[-len(words):] == words
                                            or [parts[0], parts[-1]] == words):
                return _name_key(p.name), p.name
    return _name_key(m.text), m.text


def _name_key(text: str) -> str:
    return "name:" + text.lower()


def _spells(acronym: str, name: str) -> bool:
    """"NASA" = "National Aeronautics and Space Administration", "MoD" = "Ministry of
    Defence": the letters are the initials of every word or of the capitalised ones."""
    letters = acronym.replace(".", "")
    if not (2 <= len(letters) <= 6 and letters.isalpha()
            and sum(c.isupper() for c in letters) >= 2):
        return False
    words = [w for w in re.split(r"[\s-]+", name) if w]
    initials = ("".join(w[0] for w in words), "".join(w[0] for w in words if w[0].isupper()))
    return letters.lower() in {i.lower() for i in initials}


def _entity_type(m: Mention) -> str:
    return "GPE" if m.type == "NORP" and places.country(m.text) else m.type


def _normalized(m: Mention) -> str | None:
    if m.type in ("GPE", "NORP", "LOC"):
        return places.country(m.text) or m.text
    if m.type == "ORG":
        return re.sub(r"^the\s+", "", m.text, flags=re.I)
    return None

"""Cross-document entities: one canonical entity behind every article's mentions of it.

Extraction already groups "Ben Wallace" / "Mr Wallace" / "the defence secretary"
inside one article into one ``Entity``. Across articles the resolver matches
those entities by name: a full name matches the same full name; a bare surname
or a nameless role ("the UK defence secretary") matches the one known person
with that surname or role, preferring the candidate that shares roles,
affiliations or co-occurring entities with the article (so a different Wallace
in a football report stays apart). Two people with the same full name are also
kept apart when both carry roles and neither roles nor context overlap.
Aliases, roles and article ids accumulate on the canonical entity.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from dossier.model import CanonicalEntity, Entity, Extraction

_WORD = re.compile(r"[^\W_]+(?:['’\-.][^\W_]+)*", re.UNICODE)
_HONORIFICS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sir",
        "dame",
        "lord",
        "lady",
        "prof",
        "the",
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
    }
)
_PARTICLES = frozenset(
    {"of", "de", "del", "der", "van", "von", "al", "bin", "and", "the", "for", "la"}
)
_ROLE_STOP = frozenset({"the", "a", "an", "of", "for", "and", "its", "his", "her", "their"})


def name_words(text: str) -> list[str]:
    """Lower-cased words of a name without honorifics: ``Mr. Wallace`` -> ``['wallace']``."""
    words = [w.lower().replace("’", "'").rstrip(".") for w in _WORD.findall(text)]
    return [w for w in words if w not in _HONORIFICS]


def role_words(role: str) -> frozenset[str]:
    return frozenset(w for w in name_words(role) if w not in _ROLE_STOP)


def _is_nameless(entity: Entity) -> bool:
    """A mention group with no proper name, only a description ("the UK defence secretary")."""
    words = entity.name.split()
    if words and words[0].lower() in {"the", "a", "an"}:
        words = words[1:]
    return not words or any(w[:1].islower() and w not in _PARTICLES for w in words)


@dataclass
class _Canon:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    affiliations: set[str] = field(default_factory=set)
    article_ids: list[str] = field(default_factory=list)
    context: set[str] = field(default_factory=set)

    def role_sets(self) -> list[frozenset[str]]:
        return [role_words(r) for r in self.roles]


class EntityResolver:
    """Incremental resolver: ``add`` extractions, read ``entities()`` and ``mapping``."""

    def __init__(self) -> None:
        self._canons: dict[str, _Canon] = {}
        self._by_name: dict[tuple[str, str], list[str]] = defaultdict(list)
        self._by_surname: dict[str, list[str]] = defaultdict(list)
        self._by_role: dict[frozenset[str], list[str]] = defaultdict(list)
        self.mapping: dict[tuple[str, str], str] = {}

    def add(self, extraction: Extraction) -> None:
        """Resolve every entity of one article; named ones first so roles can refer to them."""
        context = {self._canon_key(e) for e in extraction.entities}
        ordered = sorted(extraction.entities, key=_is_nameless)
        for entity in ordered:
            canon = self._match(entity, context) or self._create(entity)
            self._accumulate(canon, entity, extraction.article_id, context)
            self.mapping[(extraction.article_id, entity.key)] = canon.id

    def entities(self) -> list[CanonicalEntity]:
        return [
            CanonicalEntity(
                id=c.id,
                name=c.name,
                type=c.type,  # type: ignore[arg-type]
                aliases=list(c.aliases),
                roles=list(c.roles),
                article_ids=list(c.article_ids),
            )
            for c in self._canons.values()
        ]

    # ------------------------------------------------------------------ matching

    @staticmethod
    def _canon_key(entity: Entity) -> str:
        return " ".join(name_words(entity.normalized or entity.name))

    def _match(self, entity: Entity, context: set[str]) -> _Canon | None:
        if _is_nameless(entity):
            candidates = [
                cid
                for role in entity.roles + [entity.name]
                for cid in self._by_role.get(role_words(role), [])
            ]
            return self._pick(entity, candidates, context)
        words = name_words(entity.normalized or entity.name)
        if not words:
            return None
        full = self._by_name.get((entity.type, " ".join(words)), [])
        if full:
            return self._pick(entity, full, context)
        if entity.type == "PERSON" and len(words) == 1:
            return self._pick(entity, self._by_surname.get(words[0], []), context)
        if entity.type == "PERSON":
            # A full name may complete a surname-only entity seen before.
            bare = [
                cid
                for cid in self._by_surname.get(words[-1], [])
                if len(name_words(self._canons[cid].name)) == 1
            ]
            return self._pick(entity, bare, context)
        return None

    def _pick(self, entity: Entity, candidates: list[str], context: set[str]) -> _Canon | None:
        """The candidate with most shared evidence; with several and no evidence, none."""
        unique = list(dict.fromkeys(candidates))
        scored = [(self._evidence(self._canons[cid], entity, context), cid) for cid in unique]
        scored = [(s, cid) for s, cid in scored if s >= 0]  # a role clash rules a candidate out
        if not scored:
            return None
        scored.sort(key=lambda sc: (-sc[0], sc[1]))
        if len(scored) == 1 or (scored and scored[0][0] > max(0, scored[1][0])):
            return self._canons[scored[0][1]]
        return None

    def _evidence(self, canon: _Canon, entity: Entity, context: set[str]) -> int:
        """+1 per shared role, affiliation or co-occurring entity; -1 if roles clash outright."""
        mine = [role_words(r) for r in entity.roles]
        theirs = canon.role_sets()
        shared_roles = sum(1 for r in mine if any(r & t for t in theirs))
        shared_aff = len(canon.affiliations & {a.lower() for a in entity.affiliations})
        shared_ctx = len(canon.context & (context - {self._canon_key(entity)}))
        score = shared_roles + shared_aff + shared_ctx
        if mine and theirs and not shared_roles and not shared_aff and not shared_ctx:
            return -1
        return score

    def _create(self, entity: Entity) -> _Canon:
        key = f"{entity.type}:{self._canon_key(entity) or entity.name.lower()}"
        base = "ent-" + hashlib.sha1(key.encode()).hexdigest()[:12]
        cid, n = base, 1
        while cid in self._canons:
            n += 1
            cid = f"{base}-{n}"
        canon = _Canon(id=cid, name=entity.normalized or entity.name, type=entity.type)
        self._canons[cid] = canon
        return canon

    def _accumulate(
        self, canon: _Canon, entity: Entity, article_id: str, context: set[str]
    ) -> None:
        surfaces = [entity.name, entity.normalized or ""] + [m.text for m in entity.mentions]
        for alias in surfaces:
            if alias and alias not in canon.aliases:
                canon.aliases.append(alias)
        if not _is_nameless(entity):
            words = name_words(entity.normalized or entity.name)
            if len(words) > len(name_words(canon.name)):
                canon.name = entity.normalized or entity.name
            self._index(self._by_name[(canon.type, " ".join(words))], canon.id)
            if canon.type == "PERSON" and words:
                self._index(self._by_surname[words[-1]], canon.id)
        for role in entity.roles + ([entity.name] if _is_nameless(entity) else []):
            if role not in canon.roles:
                canon.roles.append(role)
            self._index(self._by_role[role_words(role)], canon.id)
        canon.affiliations.update(a.lower() for a in entity.affiliations)
        canon.context.update(context - {self._canon_key(entity)})
        if article_id not in canon.article_ids:
            canon.article_ids.append(article_id)

    @staticmethod
    def _index(bucket: list[str], cid: str) -> None:
        if cid not in bucket:
            bucket.append(cid)


def resolve_entity_map(
    extractions: Iterable[Extraction],
) -> tuple[list[CanonicalEntity], dict[tuple[str, str], str]]:
    """Canonical entities plus the map ``(article_id, entity key) -> canonical id``."""
    resolver = EntityResolver()
    for extraction in extractions:
        resolver.add(extraction)
    return resolver.entities(), dict(resolver.mapping)


def resolve_entities(extractions: Iterable[Extraction]) -> list[CanonicalEntity]:
    """One canonical entity per real-world entity across all the articles' extractions."""
    return resolve_entity_map(extractions)[0]

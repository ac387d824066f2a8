"""Key people: who the story is about, with the roles outlets give them."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from dossier.model import CanonicalEntity, KeyPerson
from dossier.story import text as T
from dossier.story.clauses import ArticleContext

MAX_PEOPLE = 10


def key_people(
    contexts: list[ArticleContext], entities: list[CanonicalEntity] | None = None
) -> list[KeyPerson]:
    """People named in the most articles (then most often), with every role seen for them."""
    articles: dict[str, set[str]] = defaultdict(set)
    mentions: dict[str, int] = defaultdict(int)
    roles: dict[str, list[str]] = defaultdict(list)
    for ctx in contexts:
        text = ctx.article.text
        for surname, full in ctx.surnames.items():
            name = canonical_name(full, entities)
            count = len(re.findall(rf"\b{re.escape(surname)}\b", text))
            if count:
                articles[name].add(ctx.article.id)
                mentions[name] += count
        for role, full in ctx.roles.items():
            roles[canonical_name(full, entities)].append(role)
        if ctx.extraction:
            for entity in ctx.extraction.entities:
                if entity.type == "PERSON":
                    roles[canonical_name(entity.name, entities)].extend(entity.roles)
    ranked = sorted(articles, key=lambda n: (-len(articles[n]), -mentions[n], n))
    return [
        KeyPerson(n, tuple(dict.fromkeys(roles[n])), len(articles[n]), mentions[n])
        for n in ranked[:MAX_PEOPLE]
    ]


def known_person(name: str) -> bool:
    """A name, not an unresolved office ("Defense Secretary") that could be anyone."""
    return bool(name.split()) and name.split()[-1].lower() not in T.ROLE_WORDS


def canonical_name(name: str, entities: list[CanonicalEntity] | None) -> str:
    """The linker's canonical name for ``name`` when one of its aliases matches."""
    if not entities:
        return name
    low = name.lower()
    for entity in entities:
        if low == entity.name.lower() or low in (a.lower() for a in entity.aliases):
            return entity.name
    return name


#: Ways outlets write the same country in front of a role ("UK's", "United Kingdom", "British").
_COUNTRY = {
    "united kingdom": "uk", "u.k.": "uk", "u.k": "uk", "britain": "uk", "british": "uk",
    "uk’s": "uk", "uk's": "uk", "britain’s": "uk", "britain's": "uk",
    "united states": "us", "u.s.": "us", "u.s": "us", "american": "us", "us’s": "us",
}
_SPELLING = {"defence": "defense"}
_FILLER = {"the", "a", "an", "his", "her", "their", "its", "with", "to", "of", "and"}


def role_parts(phrase: str) -> tuple[frozenset[str], str]:
    """("uk", "defense secretary") for "The United Kingdom defence secretary": country, office."""
    low = phrase.lower()
    for variant, code in sorted(_COUNTRY.items(), key=lambda kv: -len(kv[0])):
        low = re.sub(rf"(?<![\w.]){re.escape(variant)}(?!\w)", code, low)
    words = [_SPELLING.get(w, w) for w in low.replace("’s", "").replace("'s", "").split()]
    words = [w for w in words if w not in _FILLER]
    qualifiers = frozenset(w for w in words if w in _COUNTRY.values() or w.endswith(("ian", "ese")))
    office = " ".join(w for w in words if w not in qualifiers)
    return qualifiers, office


@dataclass
class StoryRoles:
    """Who holds which office across the story, and how often each is named."""

    held: dict[str, set[tuple[frozenset[str], str]]] = field(default_factory=dict)
    mentions: Counter[str] = field(default_factory=Counter)


def story_roles(contexts: list[ArticleContext]) -> StoryRoles:
    """Full name -> every (country, office) the story's articles give it; mention counts."""
    out = StoryRoles(defaultdict(set))
    for ctx in contexts:
        for role, name in ctx.roles.items():
            out.held[name].add(role_parts(role))
        for surname, name in ctx.surnames.items():
            out.mentions[name] += len(re.findall(rf"\b{re.escape(surname)}\b", ctx.article.text))
    return out


def resolve_role(phrase: str, roles: StoryRoles) -> str:
    """The person the story gives this office (and country, when said), else the phrase.

    "The United Kingdom defense secretary" is Ben Wallace when another outlet wrote
    "the UK's defence secretary Ben Wallace" and no other UK defence secretary appears;
    a bare "Defense Secretary" held by two people goes to the one the story names at
    least twice as often (the story is about him), else stays unresolved.
    """
    if " " not in phrase or phrase.split()[-1].lower() not in T.ROLE_WORDS:
        return phrase
    countries, office = role_parts(phrase)
    found = sorted(
        {name for name, held in roles.held.items()
         for c, o in held if o.endswith(office) and (not countries or countries == c)},
        key=lambda n: -roles.mentions[n])
    if len(found) == 1:
        return found[0]
    if len(found) > 1 and roles.mentions[found[0]] >= 2 * max(1, roles.mentions[found[1]]):
        return found[0]
    return phrase

"""Key people: who the story is about, with the roles outlets give them."""

from __future__ import annotations

import re
from collections import defaultdict

from dossier.model import CanonicalEntity, KeyPerson
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


def canonical_name(name: str, entities: list[CanonicalEntity] | None) -> str:
    """The linker's canonical name for ``name`` when one of its aliases matches."""
    if not entities:
        return name
    low = name.lower()
    for entity in entities:
        if low == entity.name.lower() or low in (a.lower() for a in entity.aliases):
            return entity.name
    return name

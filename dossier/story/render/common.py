"""Selections shared by the human-readable renderers (text, Markdown)."""

from __future__ import annotations

from dossier.model import Dossier, Fact

#: How many multi-outlet facts a human-readable report lists before "and N more".
MAX_FACTS = 25
MAX_EXCLUSIVE = 8


def corroborated(dossier: Dossier) -> list[Fact]:
    return [f for f in dossier.facts if f.corroboration >= 2]


def span(dossier: Dossier) -> str:
    if dossier.first_date and dossier.last_date and dossier.first_date != dossier.last_date:
        return f"{dossier.first_date} to {dossier.last_date}"
    return dossier.first_date or dossier.last_date or "undated"


def who(fact: Fact) -> str:
    name = fact.speaker or fact.actor
    return f"{name} ({fact.act})" if name and fact.act else name or ""

"""Selections shared by the human-readable renderers (text, Markdown).

A dossier of a twenty-outlet story holds dozens of facts; a report lists the
top ones in rank order (``Dossier.facts`` is ranked: corroboration, then
salience) and says how many more there are, so the reader knows where to look.
"""

from __future__ import annotations

from dossier.model import Dossier, Fact
from dossier.story.details import SHOWN_DETAILS, shown

#: How many facts a human-readable report lists before "and N more".
MAX_FACTS = 15
#: Single-outlet facts shown per outlet, and outlets shown, in "only one outlet".
MAX_EXCLUSIVE = 3
MAX_OUTLETS = 8
MAX_CLAIMS = 10
MAX_TIMELINE = 15
#: Characters of a quoted sentence before it is cut with an ellipsis.
CLIP = 220


def backing(fact: Fact) -> str:
    """"3 outlets", or "reported by 5, independently by 2" when copies and reprints
    (wire text, the same outlet twice) make the outlets that printed it more than
    the independent ones."""
    printed, independent = len(fact.reported_by), fact.corroboration
    if printed > independent:
        return f"reported by {printed}, independently by {independent}"
    return f"{independent} outlet{'s' if independent != 1 else ''}"


def details_line(fact: Fact) -> str:
    """"arrest 9 · fire 6 · appoint 5": how many of the fact's outlets tell each deed its
    sentences tell (``story.details.shown``; "" if none); the JSON has every detail."""
    chosen = [d for d in fact.details if shown(d.deed, len(d.outlets), fact.corroboration)]
    return " · ".join(f"{d.word} {len(d.outlets)}" for d in chosen[:SHOWN_DETAILS])


def top_facts(dossier: Dossier) -> list[Fact]:
    return dossier.facts[:MAX_FACTS]


def more_facts(dossier: Dossier) -> str:
    """"and 31 more facts (9 backed by several outlets)", or "" when all are shown."""
    rest = dossier.facts[MAX_FACTS:]
    if not rest:
        return ""
    multi = sum(1 for f in rest if f.corroboration >= 2)
    return f"and {len(rest)} more facts ({multi} backed by several outlets)"


def exclusive_outlets(dossier: Dossier) -> list[tuple[str, list[str]]]:
    """Outlets with the most single-outlet facts first, at most ``MAX_OUTLETS``."""
    ranked = sorted(dossier.exclusive.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return ranked[:MAX_OUTLETS]


def clip(text: str, limit: int = CLIP) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def span(dossier: Dossier) -> str:
    if dossier.first_date and dossier.last_date and dossier.first_date != dossier.last_date:
        return f"{dossier.first_date} to {dossier.last_date}"
    return dossier.first_date or dossier.last_date or "undated"


def who(fact: Fact) -> str:
    """"Ben Wallace (refuted)", "Sergei Shoigu" (a plain statement), or the doer."""
    name = fact.speaker or fact.actor
    act = fact.act if fact.speaker and fact.act not in (None, "state") else None
    return f"{name} ({act})" if name and act else name or ""

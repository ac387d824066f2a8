"""Plain-text rendering for the terminal."""

from __future__ import annotations

from dossier.model import Dossier
from dossier.story.render.common import MAX_EXCLUSIVE, MAX_FACTS, corroborated, span


def render_text(dossier: Dossier) -> str:
    lines = [
        dossier.title or dossier.story_id,
        f"story {dossier.story_id} | {span(dossier)} | {len(dossier.articles)} articles | "
        f"outlets: {', '.join(dossier.outlets)}",
        "",
        "SUMMARY",
        *(f"  {s}" for s in dossier.summary),
        "",
        "KEY PEOPLE",
        *(f"  {p.name}" + (f" ({', '.join(p.roles)})" if p.roles else "") for p in dossier.people),
        "",
        "FACTS BACKED BY SEVERAL OUTLETS",
    ]
    multi = corroborated(dossier)
    for fact in multi[:MAX_FACTS]:
        lines.append(f"  [{fact.id}] {fact.corroboration} outlets ({', '.join(fact.outlets)}): "
                     f"{fact.text}")
    if len(multi) > MAX_FACTS:
        lines.append(f"  ... and {len(multi) - MAX_FACTS} more")
    lines += ["", "CLAIMS AND RESPONSES"]
    for thread in dossier.claims:
        speaker = thread.speaker or "unattributed"
        lines.append(f"  [{thread.claim_fact_id}] {speaker}: {thread.text}")
        lines.append(f"      status: {thread.status}")
    lines += ["", "CONTRADICTIONS"]
    for c in dossier.contradictions:
        lines.append(f"  {c.slot}: {c.subject}")
        for v in c.values:
            lines.append(f"      {v.value}: {', '.join(v.outlets)} -- \"{v.sentence}\"")
    lines += ["", "ONLY ONE OUTLET"]
    for outlet, ids in dossier.exclusive.items():
        lines.append(f"  {outlet}: {len(ids)} facts")
        for fact_id in ids[:MAX_EXCLUSIVE]:
            lines.append(f"      [{fact_id}] {dossier.fact(fact_id).text}")
    lines += ["", "TIMELINE"]
    for entry in dossier.timeline:
        lines.append(f"  {entry.date} (\"{entry.expression}\") [{entry.fact_id}] {entry.text}")
    return "\n".join(lines) + "\n"

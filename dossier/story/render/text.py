"""Plain-text rendering for the terminal: the top facts, then claims, conflicts, outlets."""

from __future__ import annotations

from dossier.model import Dossier
from dossier.story.render.common import (
    MAX_CLAIMS,
    MAX_EXCLUSIVE,
    MAX_OUTLETS,
    MAX_TIMELINE,
    backing,
    clip,
    details_line,
    exclusive_outlets,
    more_facts,
    span,
    top_facts,
    who,
)


def render_text(dossier: Dossier) -> str:
    lines = [
        dossier.title or dossier.story_id,
        f"story {dossier.story_id} | {span(dossier)} | {len(dossier.articles)} articles | "
        f"{len(dossier.outlets)} outlets: {clip(', '.join(dossier.outlets), 160)}",
        "",
        "SUMMARY",
        *(f"  {clip(s)}" for s in dossier.summary),
        "",
        "KEY PEOPLE",
        *(f"  {p.name}" + (f" ({', '.join(p.roles[:3])})" if p.roles else "")
          for p in dossier.people),
        "",
        f"TOP FACTS ({len(dossier.facts)} in all)",
    ]
    for fact in top_facts(dossier):
        by = f" [{who(fact)}]" if who(fact) else ""
        lines.append(f"  [{fact.id}] {backing(fact)}{by}: {clip(fact.text)}")
        if line := details_line(fact):
            lines.append(f"      outlets telling each detail: {line}")
    if more_facts(dossier):
        lines.append(f"  ... {more_facts(dossier)}")
    return "\n".join(lines + _claims(dossier) + _contradictions(dossier) + _exclusive(dossier)
                     + _timeline(dossier)) + "\n"


def _claims(dossier: Dossier) -> list[str]:
    lines = ["", "CLAIMS AND RESPONSES"]
    for thread in dossier.claims[:MAX_CLAIMS]:
        speaker = thread.speaker or "unattributed"
        lines.append(f"  [{thread.claim_fact_id}] {speaker}: {clip(thread.text)}")
        lines.append(f"      status: {thread.status}")
    if len(dossier.claims) > MAX_CLAIMS:
        lines.append(f"  ... and {len(dossier.claims) - MAX_CLAIMS} more claims")
    return lines


def _contradictions(dossier: Dossier) -> list[str]:
    lines = ["", "CONTRADICTIONS"]
    for c in dossier.contradictions:
        lines.append(f"  {c.slot}: {clip(c.subject, 120)}")
        for v in c.values:
            lines.append(f"      {clip(v.value, 120)}: {', '.join(v.outlets)} -- "
                         f"\"{clip(v.sentence, 160)}\"")
    if not dossier.contradictions:
        lines.append("  none found")
    return lines


def _exclusive(dossier: Dossier) -> list[str]:
    lines = ["", "ONLY ONE OUTLET"]
    for outlet, ids in exclusive_outlets(dossier):
        lines.append(f"  {outlet}: {len(ids)} facts")
        for fact_id in ids[:MAX_EXCLUSIVE]:
            lines.append(f"      [{fact_id}] {clip(dossier.fact(fact_id).text, 160)}")
    if len(dossier.exclusive) > MAX_OUTLETS:
        lines.append(f"  ... and {len(dossier.exclusive) - MAX_OUTLETS} more outlets")
    return lines


def _timeline(dossier: Dossier) -> list[str]:
    lines = ["", "TIMELINE"]
    for entry in dossier.timeline[:MAX_TIMELINE]:
        lines.append(f"  {entry.date} (\"{entry.expression}\") [{entry.fact_id}] "
                     f"{clip(entry.text, 160)}")
    if len(dossier.timeline) > MAX_TIMELINE:
        lines.append(f"  ... and {len(dossier.timeline) - MAX_TIMELINE} more dated facts")
    return lines

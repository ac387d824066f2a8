"""Markdown rendering: a report a journalist can paste into a document or a ticket."""

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


def _cell(text: str) -> str:
    return clip(text).replace("|", "\\|")


def render_markdown(dossier: Dossier) -> str:
    out = [
        f"# {_cell(dossier.title or dossier.story_id)}",
        "",
        f"*Story {dossier.story_id} · {span(dossier)} · {len(dossier.articles)} articles from "
        f"{len(dossier.outlets)} outlets: {', '.join(dossier.outlets)}*",
        "",
        "## Summary",
        "",
        *(f"- {s}" for s in dossier.summary),
        "",
        "## Key people",
        "",
        *(f"- **{p.name}**" + (f", {', '.join(p.roles)}" if p.roles else "")
          for p in dossier.people),
        "",
        "## Facts and who backs them",
        "",
        f"The first {len(top_facts(dossier))} of {len(dossier.facts)} facts, ranked by "
        "independent outlets; background (another time) and facts where nothing happens "
        "rank lower.",
        "",
        "| # | fact | who | outlets |",
        "|---|---|---|---|",
    ]
    for fact in top_facts(dossier):
        line = details_line(fact)
        detail = f"<br>*outlets telling each detail: {line}*" if line else ""
        out.append(f"| {fact.id} | {_cell(fact.text)}{detail} | {_cell(who(fact))} | "
                   f"{backing(fact)}: {', '.join(fact.outlets)} |")
    if more_facts(dossier):
        out += ["", f"*…{more_facts(dossier)}.*"]
    out += _claims(dossier) + _contradictions(dossier) + _exclusive(dossier) + _timeline(dossier)
    return "\n".join(out) + "\n"


def _claims(dossier: Dossier) -> list[str]:
    out = ["", "## Claims and responses", ""]
    for thread in dossier.claims[:MAX_CLAIMS]:
        out.append(f"- **{thread.speaker or 'Unattributed'}** ({thread.claim_fact_id}): "
                   f"{_cell(thread.text)}  \n  *Status:* {thread.status}")
        for r in thread.responses:
            out.append(f"  - {r.act} by {r.responder or 'unnamed'} ({', '.join(r.outlets)}): "
                       f"{_cell(r.text)}")
    if len(dossier.claims) > MAX_CLAIMS:
        out.append(f"- *…and {len(dossier.claims) - MAX_CLAIMS} more claims*")
    return out


def _contradictions(dossier: Dossier) -> list[str]:
    out = ["", "## Where outlets differ", ""]
    for c in dossier.contradictions:
        out.append(f"- **{c.slot}**: {_cell(c.subject)}")
        for v in c.values:
            out.append(f"  - **{_cell(v.value)}**: {', '.join(v.outlets)}, "
                       f"\"{_cell(v.sentence)}\"")
    if not dossier.contradictions:
        out.append("No contradictions found.")
    return out


def _exclusive(dossier: Dossier) -> list[str]:
    out = ["", "## Reported by one outlet only", ""]
    for outlet, ids in exclusive_outlets(dossier):
        out.append(f"- **{outlet}** ({len(ids)})")
        out += [f"  - {_cell(dossier.fact(i).text)}" for i in ids[:MAX_EXCLUSIVE]]
    if len(dossier.exclusive) > MAX_OUTLETS:
        out.append(f"- *…and {len(dossier.exclusive) - MAX_OUTLETS} more outlets*")
    return out


def _timeline(dossier: Dossier) -> list[str]:
    out = ["", "## Timeline", "", "| date | from | fact |", "|---|---|---|"]
    out += [f"| {e.date} | {_cell(e.expression)} | {_cell(e.text)} |"
            for e in dossier.timeline[:MAX_TIMELINE]]
    if len(dossier.timeline) > MAX_TIMELINE:
        out += ["", f"*…and {len(dossier.timeline) - MAX_TIMELINE} more dated facts.*"]
    return out

"""Markdown rendering: a report a journalist can paste into a document or a ticket."""

from __future__ import annotations

from dossier.model import Dossier
from dossier.story.render.common import MAX_EXCLUSIVE, MAX_FACTS, corroborated, span, who


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


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
        "| # | fact | who | outlets |",
        "|---|---|---|---|",
    ]
    multi = corroborated(dossier)
    for fact in multi[:MAX_FACTS]:
        out.append(f"| {fact.id} | {_cell(fact.text)} | {_cell(who(fact))} | "
                   f"{fact.corroboration}: {', '.join(fact.outlets)} |")
    out += _claims(dossier) + _contradictions(dossier) + _exclusive(dossier) + _timeline(dossier)
    return "\n".join(out) + "\n"


def _claims(dossier: Dossier) -> list[str]:
    out = ["", "## Claims and responses", ""]
    for thread in dossier.claims:
        out.append(f"- **{thread.speaker or 'Unattributed'}** ({thread.claim_fact_id}): "
                   f"{_cell(thread.text)}  \n  *Status:* {thread.status}")
        for r in thread.responses:
            out.append(f"  - {r.act} by {r.responder or 'unnamed'} ({', '.join(r.outlets)}): "
                       f"{_cell(r.text)}")
    return out


def _contradictions(dossier: Dossier) -> list[str]:
    out = ["", "## Where outlets differ", ""]
    for c in dossier.contradictions:
        out.append(f"- **{c.slot}**: {_cell(c.subject)}")
        for v in c.values:
            out.append(f"  - **{v.value}**: {', '.join(v.outlets)}, \"{_cell(v.sentence)}\"")
    if not dossier.contradictions:
        out.append("No contradictions found.")
    return out


def _exclusive(dossier: Dossier) -> list[str]:
    out = ["", "## Reported by one outlet only", ""]
    for outlet, ids in dossier.exclusive.items():
        out.append(f"- **{outlet}** ({len(ids)})")
        out += [f"  - {dossier.fact(i).text}" for i in ids[:MAX_EXCLUSIVE]]
    return out


def _timeline(dossier: Dossier) -> list[str]:
    out = ["", "## Timeline", "", "| date | from | fact |", "|---|---|---|"]
    out += [f"| {e.date} | {_cell(e.expression)} | {_cell(e.text)} |" for e in dossier.timeline]
    return out

"""Timeline: the story's dated facts in order, each with the expression it came from."""

from __future__ import annotations

from dossier.model import Fact, TimelineEntry


def timeline(facts: list[Fact]) -> list[TimelineEntry]:
    """Dated facts sorted by date, then by how many outlets back them."""
    dated = [f for f in facts if f.date]
    dated.sort(key=lambda f: (f.date, -f.corroboration, f.id))
    return [
        TimelineEntry(f.date or "", f.date_text or "", f.id, f.text, tuple(f.outlets))
        for f in dated
    ]

"""CSV rendering: the facts x outlets matrix, one row per fact, for spreadsheets."""

from __future__ import annotations

import csv
import io

from dossier.model import Dossier
from dossier.safe_text import csv_row

COLUMNS = ["fact_id", "kind", "text", "speaker", "act", "date", "corroboration", "outlets"]


def render_csv(dossier: Dossier) -> str:
    """One row per fact; one 0/1 column per outlet saying whether it printed the fact.

    Cells that a spreadsheet would run as a formula are quoted (``csv_row``).
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(csv_row(COLUMNS + dossier.outlets))
    for fact, (_, reported) in zip(dossier.facts, dossier.matrix(), strict=True):
        writer.writerow(csv_row([
            fact.id, fact.kind, fact.text, fact.speaker or "", fact.act or "", fact.date or "",
            fact.corroboration, "; ".join(fact.outlets), *(int(r) for r in reported),
        ]))
    return out.getvalue()

"""JSON rendering: ``Dossier.to_dict()`` plus derived fields, valid against the schema."""

from __future__ import annotations

import json
from typing import Any

from dossier.model import Dossier


def dossier_dict(dossier: Dossier) -> dict[str, Any]:
    """The JSON document: every dataclass field, each fact's corroboration, the matrix."""
    data = dossier.to_dict()
    for fact, raw in zip(dossier.facts, data["facts"], strict=True):
        raw["corroboration"] = fact.corroboration
    data["matrix"] = [
        {"fact_id": fact_id, "reported": reported} for fact_id, reported in dossier.matrix()
    ]
    return data


def render_json(dossier: Dossier) -> str:
    return json.dumps(dossier_dict(dossier), ensure_ascii=False, indent=2) + "\n"

"""Turn a story ``Dossier`` (or its JSON form) into the plain dict the API and pages show.

The story stage owns the ``Dossier`` dataclasses; this module is the one place
that knows their field names, so a rename there is a one-line change here and
the JSON API, the HTML pages and the exports stay in step. Every value coming
out is JSON-ready (str, int, list, dict), never markup: escaping is the
templates' job.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any

from dossier.story.details import SHOWN_DETAILS, shown


def as_plain(value: Any) -> Any:
    """Dataclasses, tuples and sets to dicts and lists, recursively."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: as_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): as_plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [as_plain(v) for v in value]
    return value


def pick(record: Mapping[str, Any] | None, *names: str, default: Any = None) -> Any:
    """The first of ``names`` present (and not None) in ``record``."""
    if not record:
        return default
    for name in names:
        value = record.get(name)
        if value is not None:
            return value
    return default


def _text(value: Any) -> str:
    """A display string from a span-like dict, a plain string or nothing."""
    if isinstance(value, Mapping):
        return str(pick(value, "text", "name", "value", default=""))
    return "" if value is None else str(value)


def _outlets(record: Mapping[str, Any]) -> list[str]:
    found = pick(record, "outlets", "sources", "reported_by", default=[])
    return sorted({_text(o) for o in found if _text(o)})


def _speaker(record: Mapping[str, Any]) -> str:
    return _text(pick(record, "speaker_name", "speaker", "responder", "who", "source_name",
                      default="")) or "unattributed"


def claim_view(record: Mapping[str, Any]) -> dict[str, Any]:
    responses = pick(record, "responses", "replies", default=[])
    return {
        "speaker": _speaker(record),
        "text": _text(pick(record, "text", "content", "claim", default="")),
        "act": str(pick(record, "act", default="claim")),
        "status": str(pick(record, "status", default="")),
        "date": pick(record, "date", "first_date"),
        "outlets": _outlets(record),
        "responses": [
            {
                "speaker": _speaker(r),
                "text": _text(pick(r, "text", "content", default="")),
                "act": str(pick(r, "act", "stance", "kind", default="respond")),
                "date": pick(r, "date"),
                "outlets": _outlets(r),
            }
            for r in responses
        ],
    }


def fact_view(record: Mapping[str, Any], n_outlets: int,
              contradicted_ids: frozenset[str] = frozenset(),
              exclusive_ids: frozenset[str] = frozenset()) -> dict[str, Any]:
    """A matrix row: every outlet that printed it; corroboration counts independent ones."""
    independent = sorted({_text(o) for o in pick(record, "outlets", default=[])})
    printed = sorted({_text(o) for o in pick(record, "reported_by", default=[])}) or independent
    return {
        "id": str(pick(record, "id", default="")),
        "kind": str(pick(record, "kind", default="")),
        "text": _text(pick(record, "text", "statement", "sentence", default="")),
        "date": pick(record, "date"),
        "outlets": printed,
        "independent_outlets": independent,
        "corroboration": len(independent),
        "single_outlet": (len(independent) == 1 and n_outlets > 1)
        or str(pick(record, "id", default="")) in exclusive_ids,
        "contradicted": bool(record.get("contradicted"))
        or str(pick(record, "id", default="")) in contradicted_ids,
        "details": _details(record, len(independent)),
    }


def _details(record: Mapping[str, Any], independent: int) -> list[dict[str, Any]]:
    """"arrest: 9 outlets": the deeds the fact's sentences tell and who tells each, as
    the reports choose them (``story.details.shown``)."""
    out = []
    for d in pick(record, "details", default=[]) or []:
        outlets = sorted({_text(o) for o in pick(d, "outlets", default=[])})
        if shown(bool(pick(d, "deed", default=False)), len(outlets), independent):
            out.append({"word": _text(pick(d, "word", default="")), "outlets": outlets})
    return out[:SHOWN_DETAILS]


def timeline_view(record: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "date": str(pick(record, "date", "value", "when", default="")),
        "text": _text(pick(record, "text", "label", "event", "description", default="")),
        "expression": _text(pick(record, "expression", default="")),
        "outlets": _outlets(record),
    }


def contradiction_view(record: Mapping[str, Any]) -> dict[str, Any]:
    """Which slot of what disagrees, and each value with the outlets and sentence giving it."""
    subject = _text(pick(record, "subject", "about", default=""))
    slot = _text(pick(record, "slot", default=""))
    return {
        "about": f"{subject} ({slot})" if subject and slot else subject or slot,
        "sides": [
            {"text": _text(pick(v, "value", "text", default="")),
             "sentence": _text(pick(v, "sentence", default="")),
             "outlets": _outlets(v)}
            for v in pick(record, "values", "sides", default=[])
            if isinstance(v, Mapping)
        ],
        "fact_ids": [str(f) for f in pick(record, "fact_ids", default=[])],
    }


def _people(plain: Mapping[str, Any]) -> list[dict[str, Any]]:
    people = pick(plain, "people", "entities", "actors", default=[])
    out = []
    for p in people:
        if isinstance(p, Mapping):
            kind = pick(p, "type", default="PERSON")
            if kind != "PERSON":
                continue
            out.append({"id": pick(p, "id", "entity_id"), "name": _text(pick(p, "name")),
                        "roles": list(pick(p, "roles", default=[])),
                        "articles": int(pick(p, "articles", default=0))})
        else:
            out.append({"id": None, "name": str(p), "roles": [], "articles": 0})
    return out


def dossier_view(dossier: Any) -> dict[str, Any]:
    """The whole story page's data from a ``Dossier`` object or its dict form."""
    plain = dossier if isinstance(dossier, dict) else as_plain(dossier)  # JSON: plain already
    story = pick(plain, "story", default={}) or {}
    outlets = sorted({_text(o) for o in pick(plain, "outlets", default=None)
                      or pick(story, "outlets", default=[])})
    contradictions = [contradiction_view(c) for c in pick(plain, "contradictions", default=[])]
    contradicted = frozenset(f for c in contradictions for f in c["fact_ids"])
    exclusive = frozenset(str(f) for ids in (pick(plain, "exclusive", default={}) or {}).values()
                          for f in ids)
    facts = [fact_view(f, len(outlets), contradicted, exclusive)
             for f in pick(plain, "facts", default=[])]
    return {
        "id": str(pick(story, "id", default=pick(plain, "story_id", "id", default=""))),
        "title": _text(pick(plain, "title", default=None) or pick(story, "title", default="")),
        "first_date": pick(plain, "first_date", default=None) or pick(story, "first_date"),
        "last_date": pick(plain, "last_date", default=None) or pick(story, "last_date"),
        "outlets": outlets,
        "article_ids": list(pick(plain, "article_ids", default=None)
                            or pick(story, "article_ids", default=[])),
        "summary": _summary(pick(plain, "summary", default="")),
        "timeline": sorted((timeline_view(t) for t in pick(plain, "timeline", default=[])),
                           key=lambda t: t["date"]),
        "claims": [claim_view(c) for c in pick(plain, "claims", default=[])],
        "facts": facts,
        "contradictions": contradictions,
        "people": _people(plain),
    }


def _summary(value: Any) -> str:
    if isinstance(value, list):
        return " ".join(_text(v) for v in value)
    return _text(value)


def flatten(rows: Iterable[Mapping[str, Any]], columns: Iterable[str]) -> list[list[str]]:
    """Rows as CSV cells: lists joined with ``; ``, None as empty."""
    cols = list(columns)
    out = []
    for row in rows:
        cells = []
        for col in cols:
            value = row.get(col)
            if isinstance(value, list):
                value = "; ".join(_text(v) for v in value)
            cells.append("" if value is None else str(value))
        out.append(cells)
    return out
